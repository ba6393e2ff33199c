"""The board: squares named like a chessboard (columns A to Z, rows from 1 at the start edge)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from maze.core.record import Record

MIN_COLS, MAX_COLS = 2, 26
MIN_ROWS, MAX_ROWS = 2, 40

_NAME = re.compile(r"^([A-Z])([1-9][0-9]?)$")


class Square(NamedTuple):
    """A square by 0-based column and row; row 0 is row 1, next to the start edge."""

    col: int
    row: int

    @property
    def name(self) -> str:
        return f"{chr(ord('A') + self.col)}{self.row + 1}"

    def __str__(self) -> str:
        return self.name


@lru_cache(maxsize=4096)          # a log names the same few squares thousands of times
def parse_square(name: str) -> Square:
    """Parse a square name such as ``"C4"``.

    >>> parse_square("C4")
    Square(col=2, row=3)
    >>> parse_square("c4")
    Traceback (most recent call last):
    ...
    ValueError: "c4" is not a square name (a letter A-Z then a row number, like C4)
    """
    match = _NAME.match(name) if isinstance(name, str) else None
    if not match:
        text = str(name)
        shown = (repr(text) if len(text) <= 40
                 else f"a text of {len(text)} characters starting {text[:40]!r}")
        raise ValueError(f"{shown} is not a square name (a letter A-Z then a row number, like C4)"
                         .replace("'", '"'))
    return Square(ord(match.group(1)) - ord("A"), int(match.group(2)) - 1)


# Directions as (dcol, drow); +drow is toward the goal edge.
ORTHOGONAL = ((0, 1), (0, -1), (-1, 0), (1, 0))
DIAGONAL = ((-1, 1), (1, 1), (-1, -1), (1, -1))


class Board(Record):
    cols: int
    rows: int
    diagonals: bool = True

    def __contains__(self, square: object) -> bool:
        return (isinstance(square, tuple) and len(square) == 2
                and 0 <= square[0] < self.cols and 0 <= square[1] < self.rows)

    @property
    def directions(self) -> tuple[tuple[int, int], ...]:
        return ORTHOGONAL + DIAGONAL if self.diagonals else ORTHOGONAL

    def adjacent(self, a: Square, b: Square) -> bool:
        dc, dr = abs(a.col - b.col), abs(a.row - b.row)
        if self.diagonals:
            return max(dc, dr) == 1
        return dc + dr == 1

    def neighbours(self, square: Square) -> Iterator[Square]:
        for dc, dr in self.directions:
            n = Square(square.col + dc, square.row + dr)
            if n in self:
                yield n

    def squares(self) -> Iterator[Square]:
        for row in range(self.rows):
            for col in range(self.cols):
                yield Square(col, row)

    def column_name(self, col: int) -> str:
        return chr(ord("A") + col)
