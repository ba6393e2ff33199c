"""Every field of a session log, checked once as the log is read (docs/formats.md).

The one place that decides what a log may hold: the type, range and length of every header
field and of every field of every event. ``maze score``, ``report``, ``replay``, ``resume``,
the resume list and the leaderboard all read logs through maze/storage/log.py, which calls
these checks, so a log that one command accepts, every command accepts, and a value that
would make no sense further on (a square off the board, a class of -1, a time of NaN, a
name of a million characters) is refused here with one line naming the file and the field.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from maze.core.board import Board
from maze.core.events import Event
from maze.core.format import MAX_NAME
from maze.core.state import Phase, StepClass
from maze.storage.jsonfile import brief, type_name

MAX_PLAYERS = 30
MAX_SECONDS = 10_000_000.0       # far beyond the 24-hour time limit, pauses included
MAX_COUNT = 1_000_000_000
PHASES = frozenset(p.value for p in Phase)
CLASSES = frozenset(c.value for c in StepClass)
OUTCOMES = frozenset({"completed", "time_up", "ended_by_facilitator", "budget_spent"})

Check = Callable[[Any], str | None]


def text_check(value: Any) -> str | None:
    """Text of at most MAX_NAME characters (a name, a cause, a source...)."""
    if type(value) is not str:
        return f"must be text, not {type_name(value)}"
    if len(value) > MAX_NAME:
        return f"is {len(value)} characters long; at most {MAX_NAME} are allowed"
    return None


def name_check(value: Any) -> str | None:
    """A name people typed: text of 1 to MAX_NAME characters."""
    return text_check(value) or (None if value.strip() else "must not be blank")


def _choice(options: frozenset[str]) -> Check:
    shown = ", ".join(f'"{o}"' for o in sorted(options))

    def check(value: Any) -> str | None:
        return None if type(value) is str and value in options else \
            f"must be one of {shown}, not {brief(value) if type(value) is str else type_name(value)}"
    return check


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        kind = type(value)
        if kind is not float and kind is not int:
            return f"must be a number, not {type_name(value)}"
        if not math.isfinite(value):
            return "must be a finite number (NaN and Infinity are not allowed)"
        if not low <= value <= high:
            return f"must be from {low:g} to {high:g} (it is {value:g})"
        return None
    return check


def _whole(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if type(value) is not int:
            return f"must be a whole number, not {type_name(value)}"
        if not low <= value <= high:
            return f"must be from {low} to {high} (it is {value})"
        return None
    return check


def _boolean(value: Any) -> str | None:
    return None if type(value) is bool else f"must be true or false, not {type_name(value)}"


def _optional(check: Check) -> Check:
    def optional(value: Any) -> str | None:
        return None if value is None else check(value)
    return optional


class EventChecker:
    """The checks of one log's events: squares on its board, players in its roster."""

    def __init__(self, board: Board, roster: tuple[str, ...]) -> None:
        self.squares = frozenset(sq.name for sq in board.squares())
        self.board = board
        self.roster = frozenset(roster)
        self.seconds = _number(0, MAX_SECONDS)
        square, player = self._square, self._player
        self.fields: dict[str, Check] = {
            "seq": _whole(1, MAX_COUNT), "t": self.seconds, "player": player,
            "square": square, "class_": _choice(CLASSES), "dwell": self.seconds,
            "exploring": _boolean, "phase": _choice(PHASES), "mode": _choice(frozenset({"auto", "manual"})),
            "squares": _whole(0, MAX_COUNT), "from_": _optional(_choice(PHASES)),
            "to": _choice(PHASES), "cause": text_check, "by": text_check, "path": self._path,
            "source": text_check, "on": _boolean, "kind": text_check,
            "cost": _number(-1e12, 1e12), "currency": _choice(frozenset({"seconds", "points"})),
            "undone": _whole(1, MAX_COUNT), "action": text_check, "resumed_at": text_check,
            "gap": _optional(_number(-1e12, 1e12)), "outcome": _choice(OUTCOMES),
        }
        self.retreat_square = _optional(square)

    def _square(self, value: Any) -> str | None:
        if type(value) is str and value in self.squares:
            return None
        if type(value) is not str:
            return f"must be a square name like \"C4\", not {type_name(value)}"
        return (f"\"{brief(value)}\" is not a square of the board ({self.board.cols} columns "
                f"A-{self.board.column_name(self.board.cols - 1)}, {self.board.rows} rows)")

    def _player(self, value: Any) -> str | None:
        if type(value) is str and value in self.roster:
            return None
        if type(value) is not str:
            return f"must be a player's name, not {type_name(value)}"
        return f"\"{brief(value)}\" is not a player of the roster in the header"

    def _path(self, value: Any) -> str | None:
        if not isinstance(value, (tuple, list)) or not 1 <= len(value) <= len(self.squares):
            return f"must be a list of 1 to {len(self.squares)} square names"
        for i, name in enumerate(value):
            if (problem := self._square(name)) is not None:
                return f"[{i}] {problem}"
        return None

    def problem(self, event: Event) -> str | None:
        """The first field of ``event`` that is wrong, as "type.field message"; None if none."""
        values = event.__dict__
        fields = self.fields
        for name in event.FIELDS:
            check = self.retreat_square if name == "square" and event.TYPE == "retreat_step" \
                else fields[name]
            message = check(values[name])
            if message is not None:
                space = "" if message.startswith("[") else " "
                return f"{event.TYPE}.{name.rstrip('_')}{space}{message}"
        return None
