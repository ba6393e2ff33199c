"""A session's state and live score at any point of its log, reached fast (issue 18).

``Rewind`` keeps the state (``SessionState``) and the score (``Scorer``) after the first
``index`` events. Both are fed one event at a time, as in the live session, so they are
exactly what replaying the log from its first event gives. Going forward applies the next
events; going anywhere else starts from the nearest snapshot at or before the target (a copy
of the state and the score taken every ``SNAPSHOT_EVERY`` events, all taken in one pass
when the replay opens) or from where it is, whichever is nearer, and goes forward from there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any, TypeVar, cast

from maze.analysis.scores import Scorer
from maze.core.events import Event
from maze.core.record import Record
from maze.core.session import SessionSetup
from maze.core.state import SessionState

SNAPSHOT_EVERY = 400          # events between snapshots: a seek applies at most this many

T = TypeVar("T")

# Types whose values never change: a snapshot shares them. Frozen records join on first sight.
_SHARED: set[type] = {int, float, str, bool, type(None), bytes, complex, tuple, frozenset}


def _flat(values: Iterable[Any]) -> bool:
    """Every value is of a type a snapshot shares (checked in C: no Python call per value)."""
    return _SHARED.issuperset(map(type, values))


def clone(value: T) -> T:
    """A copy of plain data that shares nothing that can change: lists, dicts, sets and
    mutable objects are copied all the way down; numbers, strings, tuples, frozensets, enums
    and frozen records (values that never change) are shared. Much faster than
    ``copy.deepcopy`` on a long session's score (lists of thousands of dwell times)."""
    return cast(T, _clone(value))


def _clone(value: Any) -> Any:
    kind = type(value)
    if kind in _SHARED:
        return value
    if kind is list:
        return value.copy() if _flat(value) else [_clone(v) for v in value]
    if kind is dict:
        return value.copy() if _flat(value.values()) else {k: _clone(v) for k, v in value.items()}
    if kind is set:
        return value.copy()                  # its members are hashable: values
    if isinstance(value, (tuple, frozenset, Enum)) or (isinstance(value, Record) and value._FROZEN):
        _SHARED.add(kind)
        return value
    if not hasattr(value, "__dict__") or hasattr(kind, "__slots__"):
        raise TypeError(f"a replay snapshot cannot copy a {kind.__name__}")
    copy = object.__new__(kind)
    copy.__dict__.update({name: _clone(v) for name, v in value.__dict__.items()})
    return copy


class Rewind:
    """The state and the score after the first ``index`` events of a log, movable to any
    index (see the module's docstring)."""

    def __init__(self, setup: SessionSetup, events: Sequence[Event],
                 every: int = SNAPSHOT_EVERY) -> None:
        self.setup = setup
        self.events = events
        self.every = max(1, every)
        # The first event later than t is the first whose running maximum of times is: a
        # bisection finds the index a forward scan ("apply while t <= target") stops at.
        reach, latest = [], float("-inf")
        for event in events:
            latest = max(latest, event.t)
            reach.append(latest)
        self._reach = reach
        self.state, self.scorer = setup.initial_state(), Scorer(setup)
        self.index = 0
        self._snapshots: list[tuple[SessionState, Scorer]] = []
        self._take()
        while self.index < len(events):          # one pass: every snapshot, then back
            self.forward()
            if self.index % self.every == 0:
                self._take()
        self._restore(0)

    def _take(self) -> None:
        self._snapshots.append((clone(self.state), clone(self.scorer)))

    def _restore(self, number: int) -> None:
        state, scorer = self._snapshots[number]
        self.state, self.scorer = clone(state), clone(scorer)   # the snapshot stays as taken
        self.index = number * self.every

    @property
    def finished(self) -> bool:
        return self.index >= len(self.events)

    def forward(self) -> Event:
        """Apply the next event (to the state and the score) and return it."""
        event = self.events[self.index]
        self.state.apply(event)
        self.scorer.feed(event)
        self.index += 1
        return event

    def go(self, index: int) -> None:
        """The state and score after the first ``index`` events."""
        index = min(max(0, index), len(self.events))
        nearest = index // self.every
        if index < self.index or nearest * self.every > self.index:
            self._restore(nearest)
        while self.index < index:
            self.forward()

    def index_at(self, t: float) -> int:
        """How many events a replay to active time ``t`` applies (every event up to the
        first one later than ``t``)."""
        return bisect_right(self._reach, t)
