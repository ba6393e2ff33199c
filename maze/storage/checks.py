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
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from maze.core.board import Board
from maze.core.events import Event
from maze.core.format import MAX_NAME
from maze.core.vocabulary import Currency, Outcome, Phase, RetreatMode, StepClass
from maze.lang import _
from maze.storage.jsonfile import brief, is_finite, number_text, type_name

MAX_SECONDS = 10_000_000.0       # far beyond the 24-hour time limit, pauses included
MAX_COUNT = 1_000_000_000
PHASES = frozenset(p.value for p in Phase)
CLASSES = frozenset(c.value for c in StepClass)
OUTCOMES = frozenset(o.value for o in Outcome)
MODES = frozenset(m.value for m in RetreatMode)
CURRENCIES = frozenset(c.value for c in Currency)

Check = Callable[[Any], str | None]
# A check's message is a whole sentence about "{field}": the caller puts the field's name
# there (the file format's name, never translated), as in "step.dwell must be a number".
FIELD = "{field}"
_NUMBER_TYPES = {int, float}
_WHOLE = {"seq": 1, "undone": 1, "squares": 0}
_CHOICES: dict[str, frozenset[str | None]] = {
    "class_": CLASSES, "phase": PHASES, "to": PHASES, "from_": PHASES | {None},
    "mode": MODES, "currency": CURRENCIES,
    "outcome": OUTCOMES}


_T, _SEQ = attrgetter("t"), attrgetter("seq")
_GETTERS: dict[tuple[str, ...], Callable[[Any], Any]] = {}


def _getter(*names: str) -> Callable[[Any], Any]:
    found = _GETTERS.get(names)
    if found is None:
        found = _GETTERS[names] = attrgetter(*names)
    return found


def _numbers_within(values: Sequence[Any], low: float, high: float) -> bool:
    """All finite numbers (never true/false) from low to high; each pass is one C call. Within
    the bounds no sum overflows: a sum that is not finite means a NaN (or an infinity)."""
    return ({*map(type, values)} <= _NUMBER_TYPES and low <= min(values)
            and max(values) <= high and math.isfinite(sum(values)))


def _wholes_within(values: Sequence[Any], low: int) -> bool:
    return {*map(type, values)} == {int} and low <= min(values) and max(values) <= MAX_COUNT


def text_check(value: Any) -> str | None:
    """Text of at most MAX_NAME characters (a name, a penalty's cause, an input's source)."""
    if type(value) is not str:
        return _("{field} must be text, not {kind}").format(field=FIELD, kind=type_name(value))
    if len(value) > MAX_NAME:
        return _("{field} is {n} characters long; at most {most} are allowed").format(
            field=FIELD, n=len(value), most=MAX_NAME)
    return None


def name_check(value: Any) -> str | None:
    """A name people typed: text of 1 to MAX_NAME characters."""
    return text_check(value) or (None if value.strip() else _("{field} must not be blank").format(
        field=FIELD))


def _choice(options: frozenset[str]) -> Check:
    shown = ", ".join(f'"{o}"' for o in sorted(options))

    def check(value: Any) -> str | None:
        return None if type(value) is str and value in options else \
            _("{field} must be one of {options}, not {value}").format(
                field=FIELD, options=shown,
                value=brief(value) if type(value) is str else type_name(value))
    return check


def _number(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        kind = type(value)
        if kind is not float and kind is not int:
            return _("{field} must be a number, not {kind}").format(field=FIELD,
                                                                     kind=type_name(value))
        if not is_finite(value):
            return _("{field} must be a finite number (NaN and Infinity are not allowed)").format(
                field=FIELD)
        if not low <= value <= high:
            return _("{field} must be from {low} to {high} (it is {value})").format(
                field=FIELD, low=f"{low:g}", high=f"{high:g}", value=number_text(value))
        return None
    return check


def _whole(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if type(value) is not int:
            return _("{field} must be a whole number, not {kind}").format(field=FIELD,
                                                                           kind=type_name(value))
        if not low <= value <= high:
            return _("{field} must be from {low} to {high} (it is {value})").format(
                field=FIELD, low=low, high=high, value=number_text(value))
        return None
    return check


def _boolean(value: Any) -> str | None:
    return None if type(value) is bool else _("{field} must be true or false, not {kind}").format(
        field=FIELD, kind=type_name(value))


def _optional(check: Check) -> Check:
    def optional(value: Any) -> str | None:
        return None if value is None else check(value)
    return optional


# The checks that are the same for every log (those of squares and players are its own).
_FIXED: dict[str, Check] = {
    "seq": _whole(1, MAX_COUNT), "t": _number(0, MAX_SECONDS), "class_": _choice(CLASSES),
    "dwell": _number(0, MAX_SECONDS), "exploring": _boolean, "phase": _choice(PHASES),
    "mode": _choice(MODES), "squares": _whole(0, MAX_COUNT),
    "from_": _optional(_choice(PHASES)), "to": _choice(PHASES), "cause": text_check,
    "by": text_check, "source": text_check, "on": _boolean, "kind": text_check,
    "cost": _number(-1e12, 1e12), "currency": _choice(CURRENCIES),
    "undone": _whole(1, MAX_COUNT), "action": text_check, "resumed_at": text_check,
    "gap": _optional(_number(-1e12, 1e12)), "outcome": _choice(OUTCOMES),
}
_BOOLEANS = frozenset(name for name, check in _FIXED.items() if check is _boolean)
_TEXTS = frozenset(name for name, check in _FIXED.items() if check is text_check)
_SQUARES: dict[tuple[int, int], frozenset[str]] = {}     # square names by board size


def _square_names(board: Board) -> frozenset[str]:
    found = _SQUARES.get((board.cols, board.rows))
    if found is None:
        if len(_SQUARES) > 64:             # a few sizes in any real set of logs
            _SQUARES.clear()
        found = _SQUARES[(board.cols, board.rows)] = frozenset(sq.name for sq in board.squares())
    return found


class EventChecker:
    """The checks of one log's events: squares on its board, players in its roster."""

    def __init__(self, board: Board, roster: tuple[str, ...]) -> None:
        self.squares = _square_names(board)
        self.board = board
        self.roster = frozenset(roster)
        square = self._square
        self.fields: dict[str, Check] = {**_FIXED, "player": self._player, "square": square,
                                         "path": self._path}
        self.retreat_square = _optional(square)

    def _square(self, value: Any) -> str | None:
        if type(value) is str and value in self.squares:
            return None
        if type(value) is not str:
            return _("{field} must be a square name like \"C4\", not {kind}").format(
                field=FIELD, kind=type_name(value))
        return _("{field} \"{value}\" is not a square of the board ({cols} columns A-{last}, "
                 "{rows} rows)").format(field=FIELD, value=brief(value), cols=self.board.cols,
                                        last=self.board.column_name(self.board.cols - 1),
                                        rows=self.board.rows)

    def _player(self, value: Any) -> str | None:
        if type(value) is str and value in self.roster:
            return None
        if type(value) is not str:
            return _("{field} must be a player's name, not {kind}").format(field=FIELD,
                                                                            kind=type_name(value))
        return _("{field} \"{value}\" is not a player of the roster in the header").format(
            field=FIELD, value=brief(value))

    def _path(self, value: Any) -> str | None:
        if not isinstance(value, (tuple, list)) or not 1 <= len(value) <= len(self.squares):
            return _("{field} must be a list of 1 to {most} square names").format(
                field=FIELD, most=len(self.squares))
        for i, name in enumerate(value):
            if (problem := self._square(name)) is not None:
                return problem.replace(FIELD, f"{FIELD}[{i}]", 1)
        return None

    def first_problem(self, events: list[Event]) -> tuple[int, str] | None:
        """The first wrong field of the first wrong event, with its index; None if all are
        right. Each field is checked across all events at once (C-level set, min, max and
        map calls: reading stays within a few times plain json.loads); only when that finds
        something is each event looked at in turn, for the exact line and field."""
        try:
            if self._all_right(events):
                return None
        except (TypeError, ValueError, ArithmeticError):  # unhashable, say: event by event
            pass
        for index, event in enumerate(events):
            message = self.problem(event)
            if message is not None:
                return index, message
        return None

    def _all_right(self, events: list[Event]) -> bool:
        if not events:
            return True
        # seq and t of every event: their types were checked as each event was built
        # (maze/core/events.py: a whole number, a number), so only their range here (and t
        # not NaN: within the range, a sum that is not finite means one).
        times, seqs = list(map(_T, events)), list(map(_SEQ, events))
        if not (0 <= min(times) and max(times) <= MAX_SECONDS and math.isfinite(sum(times))
                and 1 <= min(seqs) and max(seqs) <= MAX_COUNT):
            return False
        by_type: dict[type[Event], list[Event]] = {}
        for event in events:
            group = by_type.get(type(event))
            if group is None:
                group = by_type[type(event)] = []
            group.append(event)
        for kind, group in by_type.items():
            names = kind.FIELDS[2:]                  # seq and t: above, for every event
            if len(names) == 1:
                columns: Any = [list(map(_getter(names[0]), group))]
            else:                                    # a tuple per event, turned into columns
                columns = zip(*map(_getter(*names), group), strict=True)
            for name, values in zip(names, columns, strict=False):
                if not self._all_values_right(kind, name, values):
                    return False
        return True

    def _all_values_right(self, kind: type[Event], name: str, values: Sequence[Any]) -> bool:
        """Whether one field is right in every event of one type, in a few C-level calls."""
        if name in _CHOICES:
            return {*values} <= _CHOICES[name]
        if name == "player":
            return {*values} <= self.roster
        if name == "square":
            return {*values} <= (self.squares | {None} if kind.TYPE == "retreat_step"
                                 else self.squares)
        if name == "dwell":
            return _numbers_within(values, 0, MAX_SECONDS)
        if name == "cost":
            return _numbers_within(values, -1e12, 1e12)
        if name in _WHOLE:
            return _wholes_within(values, _WHOLE[name])
        if name in _BOOLEANS:
            return {*map(type, values)} == {bool}
        if name in _TEXTS:
            return {*map(type, values)} == {str} and max(map(len, values)) <= MAX_NAME
        return not any(map(self.fields[name], values))   # paths, gaps: few, one by one

    def problem(self, event: Event) -> str | None:
        """The first field of ``event`` that is wrong, as "type.field message"; None if none."""
        values = event.__dict__
        fields = self.fields
        for name in event.FIELDS:
            check = self.retreat_square if name == "square" and event.TYPE == "retreat_step" \
                else fields[name]
            message = check(values[name])
            if message is not None:
                return message.replace(FIELD, f"{event.TYPE}.{name.rstrip('_')}", 1)
        return None
