"""Events: what happened in a session, in order. The session log is these, one per line.

Each event is a frozen record named in the past tense; its ``TYPE`` is the ``type`` written in
the log. Every event has ``seq`` (1, 2, 3, ...) and ``t`` (active seconds since the session
started, rounded to milliseconds). Field names ending in ``_`` are written without it (``from``,
``class`` are Python keywords).

Events are records (maze/core/record.py): declared like frozen dataclasses, built without
generating code per class, which matters with twenty event types at start-up.

A field with a fixed set of values is typed by its string enum (maze/core/vocabulary.py), so a
misspelt value fails the type check; in the log it is the same JSON string. An event read from
a log holds the plain strings (equal to the members; see vocabulary.py).
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Iterator
from itertools import compress, repeat
from typing import Any, ClassVar

from maze.core.record import Record
from maze.core.vocabulary import (
    Actor,
    Currency,
    Outcome,
    PathSource,
    PenaltyKind,
    Phase,
    PhaseCause,
    RetreatMode,
    StepClass,
    UndoAction,
)

EVENT_TYPES: dict[str, type[Event]] = {}


class Event(Record):
    seq: int
    t: float
    TYPE: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.TYPE:
            EVENT_TYPES[cls.TYPE] = cls

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"seq": self.seq, "t": self.t, "type": self.TYPE}
        values = self.__dict__
        for name in self.FIELDS[2:]:
            value = values[name]
            out[name.rstrip("_")] = list(value) if isinstance(value, tuple) else value
        return out


class EventFormatError(ValueError):
    """A log line that is a JSON object but not an event this program knows."""


def event_from_dict(data: dict[str, Any]) -> Event:
    # A report reads a year of logs through here, a few hundred thousand events: exact type
    # checks (JSON makes exact types) and module globals bound once, below.
    kind = data.get("type")
    spec = _SPECS.get(kind) if type(kind) is str else None
    if spec is None:
        raise EventFormatError(f"unknown event type {str(kind)[:40]!r}")
    cls, getter, names, lists = spec
    try:
        values = getter(data)                    # every field in one C call
    except KeyError as missing:
        raise EventFormatError(f"{kind} event has no field {missing}") from None
    if type(values[0]) is not int:
        raise EventFormatError(f"{kind} event: seq must be a whole number")
    t = type(values[1])
    if t is not float and t is not int:
        raise EventFormatError(f"{kind} event: t must be a number")
    if lists:                                    # only paths are lists
        values = tuple(tuple(v) if i in lists and type(v) is list else v
                       for i, v in enumerate(values))
    # Logs hold a great many events: fill the fields in one step rather than one
    # object.__setattr__ each. The event stays frozen (assignment is still refused). The
    # getter gives exactly one value per name.
    event = cls.__new__(cls)
    event.__dict__.update(zip(names, values))  # noqa: B905
    return event


def events_from_dicts(items: list[Any]) -> list[Event]:
    """``event_from_dict`` of every item of a list (a whole log's lines at once): the same
    events, or EventFormatError if any item is not one (without saying which: the caller
    then reads line by line). No call per event: a report reads a year of logs.

    The items are dicts just parsed, which nothing else holds: when each has exactly its
    event's keys (the common case), each becomes its event's own attributes, with "type"
    taken out, "class" and "from" renamed "class_" and "from_" and paths made tuples, so no
    second dict is made per event. A log with any other key is read field by field."""
    try:
        kinds = list(map(_TYPE, items))                      # not a dict, or no type
        specs = list(map(_SPECS.__getitem__, kinds))         # a type this program knows
        values = list(map(_call, map(_GETTER, specs), items))   # no field missing
    except (KeyError, TypeError):
        raise EventFormatError("not an event of this program") from None
    if all(map(operator.eq, map(len, items), map(_SIZES.__getitem__, kinds))):
        _sink(map(dict.pop, items, repeat("type")))
        for kind in _RENAMED.keys() & kinds:                # steps and phase changes, paths
            own = list(compress(items, map(operator.eq, kinds, repeat(kind))))
            renamed, listed = _RENAMED[kind]
            for key, name in renamed:
                _sink(map(dict.__setitem__, own, repeat(name), map(dict.pop, own, repeat(key))))
            for name in listed:
                for item in own:
                    if type(item[name]) is list:
                        item[name] = tuple(item[name])
        events = list(map(object.__new__, map(_CLASS, specs)))
        _sink(map(object.__setattr__, events, repeat("__dict__"), items))
    else:
        events = []
        for (cls, _getter, names, lists), fields in zip(specs, values, strict=True):
            if lists:
                fields = tuple(tuple(v) if i in lists and type(v) is list else v
                               for i, v in enumerate(fields))
            event = object.__new__(cls)
            event.__dict__.update(zip(names, fields))  # noqa: B905 (one value per name)
            events.append(event)
    if events and not ({*map(type, map(_SEQ, events))} == {int}
                       and {*map(type, map(_T, events))} <= {int, float}):
        raise EventFormatError("seq must be a whole number and t a number")
    return events


def _sink(calls: Iterator[Any]) -> None:
    """Run every call of a map (each made in C) for what it does."""
    deque(calls, maxlen=0)


_SEQ, _T = operator.attrgetter("seq"), operator.attrgetter("t")
_TYPE, _CLASS, _GETTER = operator.itemgetter("type"), operator.itemgetter(0), operator.itemgetter(1)
_call = operator.call
_SPECS: dict[str, tuple[type[Event], Any, tuple[str, ...], frozenset[int]]] = {}
_SIZES: dict[str, int] = {}           # how many keys an event of each type has in the log
# The types whose log keys are not their fields as they are: the keys renamed (log key, field)
# and the fields that are lists in the log.
_RENAMED: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {}


def _register_specs() -> None:
    """For each event type: its class, a getter of its log keys in field order, the field
    names, and which fields are lists in the log (tuples in the event)."""
    for kind, cls in EVENT_TYPES.items():
        names = cls.FIELDS
        keys = tuple(name.rstrip("_") for name in names)
        annotations = {k: str(v) for c in reversed(cls.__mro__)
                       for k, v in c.__dict__.get("__annotations__", {}).items()}
        lists = frozenset(i for i, name in enumerate(names) if "tuple" in annotations[name])
        _SPECS[kind] = (cls, operator.itemgetter(*keys), names, lists)
        _SIZES[kind] = len(keys) + 1                      # and "type"
        renamed = tuple((key, name) for key, name in zip(keys, names, strict=True) if key != name)
        if renamed or lists:
            _RENAMED[kind] = (renamed, tuple(names[i] for i in sorted(lists)))


class PhaseChanged(Event):
    from_: Phase | None
    to: Phase
    cause: PhaseCause
    TYPE: ClassVar[str] = "phase_changed"


class TurnStarted(Event):
    player: str
    TYPE: ClassVar[str] = "turn_started"


class StepTaken(Event):
    player: str
    square: str
    class_: StepClass
    dwell: float
    exploring: bool
    phase: Phase       # the engine's phase (after a curveball: learning, though not shown)
    TYPE: ClassVar[str] = "step"


class BeepSounded(Event):
    player: str
    square: str
    TYPE: ClassVar[str] = "beep"


class RetreatStarted(Event):
    player: str
    mode: RetreatMode
    squares: int       # how many moves retrace the trail (the last one leaves the board)
    TYPE: ClassVar[str] = "retreat_started"


class RetreatStepped(Event):
    player: str
    square: str | None  # None: the step off the board at the start edge
    TYPE: ClassVar[str] = "retreat_step"


class RetreatErred(Event):
    player: str
    square: str        # the square the player tried to step on instead
    TYPE: ClassVar[str] = "retreat_error"


class RetreatDone(Event):
    player: str
    TYPE: ClassVar[str] = "retreat_done"


class Crossed(Event):
    player: str
    phase: Phase
    TYPE: ClassVar[str] = "crossing"


class Paused(Event):
    TYPE: ClassVar[str] = "paused"


class Resumed(Event):
    TYPE: ClassVar[str] = "resumed"


class CurveballArmed(Event):
    by: Actor          # the facilitator or the schedule
    path: tuple[str, ...]
    source: PathSource
    TYPE: ClassVar[str] = "curveball_armed"


class PathChanged(Event):
    path: tuple[str, ...]
    source: PathSource
    by: Actor          # who armed the curveball: the facilitator or the schedule
    TYPE: ClassVar[str] = "path_changed"


class PathRevealed(Event):
    TYPE: ClassVar[str] = "path_revealed"


class MemoryAidToggled(Event):
    on: bool
    TYPE: ClassVar[str] = "memory_aid"


class SoundMuted(Event):
    on: bool           # the facilitator muted (True) or unmuted the sound
    TYPE: ClassVar[str] = "muted"


class PenaltyRecorded(Event):
    kind: PenaltyKind
    cost: float
    currency: Currency
    by: Actor          # the facilitator or the game
    TYPE: ClassVar[str] = "penalty"


class PlayerSkipped(Event):
    player: str
    TYPE: ClassVar[str] = "player_skipped"


class ActionUndone(Event):
    undone: int        # the seq of the facilitator's event that no longer counts
    action: UndoAction
    TYPE: ClassVar[str] = "action_undone"


class SessionResumed(Event):
    resumed_at: str    # wall-clock time of the resumption, ISO 8601 with offset
    gap: float | None  # seconds between the log's last write and the resumption (None: unknown)
    TYPE: ClassVar[str] = "session_resumed"


class SessionEnded(Event):
    outcome: Outcome
    TYPE: ClassVar[str] = "session_ended"


_register_specs()
