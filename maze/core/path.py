"""The hidden path: validation, and a seeded generator whose paths never touch themselves.

A path runs from one square of row 1 to one square of the last row, each square adjacent to the
one before, no square twice, touching row 1 only at its start and the last row only at its end.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal

from maze.core.board import Board, Square, parse_square
from maze.core.record import Record
from maze.core.vocabulary import N_

Difficulty = Literal["easy", "normal", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "normal", "hard")

# How long a generated path should be, as a multiple of the board's rows.
_TARGET_LENGTH = {"easy": 1.0, "normal": 1.5, "hard": 2.2}
# Weights for a step forward, sideways and back (toward the start edge).
_WEIGHTS = {"easy": (8.0, 1.5, 0.2), "normal": (3.0, 2.5, 0.7), "hard": (1.5, 3.0, 1.2)}
_CANDIDATES = 24
_SEARCH_BUDGET = 4000


class Problem(Record):
    """One problem with a path: an English sentence with named {placeholders}, and their values.
    ``str()`` gives the English; a front end shows ``_(problem.text).format(**problem.values)``."""

    text: str
    values: dict[str, object]

    def __str__(self) -> str:
        return self.text.format(**self.values)


def path_problems(board: Board, names: Sequence[object], field: str = "path") -> list[Problem]:
    """Every problem with a path given as square names, one each, naming the field.

    >>> [str(p) for p in path_problems(Board(3, 3, diagonals=False), ["A1", "B2", "B3"])]
    ['path[1] "B2" is not next to "A1" (diagonals are off)']
    """
    if not isinstance(names, list):
        return [Problem(N_('{field} must be a list of square names, like ["A1", "A2"]'),
                        {"field": field})]
    if len(names) < 2:
        return [Problem(N_("{field} must have at least 2 squares (it has {n})"),
                        {"field": field, "n": len(names)})]
    problems: list[Problem] = []
    squares: list[Square | None] = []
    for i, name in enumerate(names):
        where = f"{field}[{i}]"
        sq = None
        if not isinstance(name, str):
            problems.append(Problem(N_('{where} must be a square name in quotes, like "C4"'),
                                    {"where": where}))
        elif (sq := square_or_none(name)) is None:
            problems.append(_not_a_square(where, name))
        elif sq not in board:
            problems.append(Problem(N_('{where} "{name}" is off the board ({cols} columns '
                                       "A-{last_column}, {rows} rows)"),
                                    {"where": where, "name": name, "cols": board.cols,
                                     "last_column": board.column_name(board.cols - 1),
                                     "rows": board.rows}))
            sq = None
        squares.append(sq)
    seen: dict[Square, int] = {}
    last = board.rows - 1
    for i, maybe in enumerate(squares):
        if maybe is None:
            continue
        sq = maybe
        where = f"{field}[{i}] \"{sq.name}\""
        if sq in seen:
            problems.append(Problem(N_("{where} repeats {first}"),
                                    {"where": where, "first": f"{field}[{seen[sq]}]"}))
        else:
            seen[sq] = i
        prev = squares[i - 1] if i > 0 else None
        if prev is not None and not board.adjacent(prev, sq):
            text = (N_('{where} is not next to "{previous}"') if board.diagonals
                    else N_('{where} is not next to "{previous}" (diagonals are off)'))
            problems.append(Problem(text, {"where": where, "previous": prev.name}))
        if i == 0 and sq.row != 0:
            problems.append(Problem(N_("{where} must be in row 1 (the path starts at the start "
                                       "edge)"), {"where": where}))
        if i == len(squares) - 1 and sq.row != last:
            problems.append(Problem(N_("{where} must be in row {row} (the path ends at the goal "
                                       "edge)"), {"where": where, "row": last + 1}))
        if 0 < i and sq.row == 0:
            problems.append(Problem(N_("{where} touches row 1 again (only the first square may "
                                       "be in row 1)"), {"where": where}))
        if i < len(squares) - 1 and sq.row == last:
            problems.append(Problem(N_("{where} reaches row {row} before the end (only the last "
                                       "square may be in the last row)"),
                                    {"where": where, "row": last + 1}))
    return problems


def _not_a_square(where: str, name: str) -> Problem:
    """A bad square name, quoted whole if short; a long one by its length and first 40
    characters (a message stays one line)."""
    if len(name) <= 40:
        return Problem(N_("{where} {name} is not a square name (a letter A-Z then a row number, "
                          "like C4)"), {"where": where, "name": _quoted(name)})
    return Problem(N_("{where} is not a square name (a letter A-Z then a row number, like C4): "
                      "it has {length} characters and starts {start}"),
                   {"where": where, "length": len(name), "start": _quoted(name[:40])})


def _quoted(text: str) -> str:
    return repr(text).replace("'", '"')


def square_or_none(name: str) -> Square | None:
    try:
        return parse_square(name)
    except ValueError:
        return None


def parse_path(names: Sequence[str]) -> tuple[Square, ...]:
    return tuple(parse_square(n) for n in names)


def path_names(path: Sequence[Square]) -> list[str]:
    return [sq.name for sq in path]


def touches_itself(board: Board, path: Sequence[Square]) -> bool:
    """True when two squares of the path that are not consecutive are neighbours."""
    index = {sq: i for i, sq in enumerate(path)}
    for i, sq in enumerate(path):
        for n in board.neighbours(sq):
            j = index.get(n)
            if j is not None and abs(i - j) > 1:
                return True
    return False


def _extend(board: Board, prefix: list[Square], rng: random.Random, difficulty: Difficulty,
            forbidden_next: Square | None = None) -> list[Square] | None:
    """Depth-first search from ``prefix`` to the last row, never touching the path's own squares.

    The search is bounded: on a board where winding paths are hard to find it gives up (None)
    and the caller tries again or falls back.
    """
    forward, sideways, back = _WEIGHTS[difficulty]
    last_row = board.rows - 1
    path = list(prefix)
    on_path = {sq: i for i, sq in enumerate(path)}

    def options(i_last: int) -> list[Square]:
        here = path[i_last]
        found: list[tuple[float, Square]] = []
        for n in board.neighbours(here):
            if n in on_path or n.row == 0:
                continue
            if len(path) == len(prefix) and n == forbidden_next:
                continue
            # Touching check: no neighbour of n may be on the path, except the square we leave.
            if any(m in on_path and m != here for m in board.neighbours(n)):
                continue
            dr = n.row - here.row
            weight = forward if dr > 0 else sideways if dr == 0 else back
            found.append((rng.random() ** (1.0 / weight), n))
        found.sort(reverse=True)
        return [n for _, n in found]

    stack = [options(len(path) - 1)]
    budget = _SEARCH_BUDGET
    while stack and budget > 0:
        budget -= 1
        if not stack[-1]:
            stack.pop()
            if len(path) <= len(prefix):
                return None
            del on_path[path.pop()]
            continue
        n = stack[-1].pop(0)
        on_path[n] = len(path)
        path.append(n)
        if n.row == last_row:
            return path
        stack.append(options(len(path) - 1))
    return None


def generate_path(board: Board, rng: random.Random,
                  difficulty: Difficulty = "normal") -> tuple[Square, ...]:
    """A valid path that never touches itself; longer and more winding with difficulty."""
    target = max(board.rows, round(board.rows * _TARGET_LENGTH[difficulty]))
    best: list[Square] | None = None
    for _ in range(_CANDIDATES):
        start = Square(rng.randrange(board.cols), 0)
        found = _extend(board, [start], rng, difficulty)
        if found is None:
            continue
        if best is None or abs(len(found) - target) < abs(len(best) - target):
            best = found
        if len(best) == target:
            break
    if best is None:  # Always possible: straight up one column.
        col = rng.randrange(board.cols)
        best = [Square(col, r) for r in range(board.rows)]
    return tuple(best)


def derive_path(board: Board, current: Sequence[Square], rng: random.Random,
                difficulty: Difficulty = "normal") -> tuple[Square, ...] | None:
    """A new path with the same start that leaves ``current`` somewhere (for a curveball).

    None when the board leaves no other way from that start.
    """
    current = list(current)
    branch_points = list(range(1, len(current)))
    rng.shuffle(branch_points)
    for k in branch_points:
        for _ in range(4):
            found = _extend(board, current[:k], rng, difficulty, forbidden_next=current[k])
            if found is not None and found != current:
                return tuple(found)
    return None
