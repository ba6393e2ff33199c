"""The fixed words of a session: every event field that takes one of a few values.

Each is a ``StrEnum``, so mypy refuses a misspelt value, and a member *is* its text: it is
written to the log as the same JSON string, compares equal to it and hashes like it. Events
read from a log keep the plain strings (converting every field of every event would cost the
report its speed); compare them with ``==`` or ``in``, never with ``is`` or ``.value``.
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    PLANNING = "planning"
    LEARNING = "learning"
    EXECUTION = "execution"


class PhaseCause(StrEnum):
    """Why the phase changed (``phase_changed.cause``)."""

    SESSION_STARTED = "session_started"
    PLANNING_OVER = "planning_over"
    ENDED_BY_FACILITATOR = "ended_by_facilitator"   # the facilitator ended planning early
    PATH_FOUND = "path_found"
    PATH_CHANGED = "path_changed"


class StepClass(StrEnum):
    NEW_SAFE = "new_safe"
    KNOWN_SAFE = "known_safe"
    NEW_BEEP = "new_beep"
    REPEAT_BEEP = "repeat_beep"
    SURPRISE_BEEP = "surprise_beep"


BEEP_CLASSES = frozenset({StepClass.NEW_BEEP, StepClass.REPEAT_BEEP, StepClass.SURPRISE_BEEP})
DISCOVERY_CLASSES = frozenset({StepClass.NEW_BEEP, StepClass.SURPRISE_BEEP})


class RetreatMode(StrEnum):
    """How a player walks back after a beep: the game walks them (auto) or they retrace."""

    AUTO = "auto"
    MANUAL = "manual"


class Currency(StrEnum):
    """What a penalty costs: seconds off the clock, or points off a budget."""

    SECONDS = "seconds"
    POINTS = "points"


class Actor(StrEnum):
    """Who caused an event (``by``): the facilitator, the game's rules, or a level's schedule."""

    FACILITATOR = "facilitator"
    GAME = "game"
    SCHEDULE = "schedule"


class PathSource(StrEnum):
    """Where a curveball's path came from: the level's alternate, or drawn by the generator."""

    ALTERNATE = "alternate"
    GENERATED = "generated"


class PenaltyKind(StrEnum):
    TALKING = "talking"
    POINTING = "pointing"
    TWO_ON_BOARD = "two_on_board"
    MARKING = "marking"
    RETREAT_ERROR = "retreat_error"
    REPEAT_BEEP = "repeat_beep"


# The infractions the facilitator records by hand (the others the game records itself).
FACILITATOR_PENALTIES = (PenaltyKind.TALKING, PenaltyKind.POINTING, PenaltyKind.MARKING,
                         PenaltyKind.TWO_ON_BOARD)


class UndoAction(StrEnum):
    """A facilitator's action that Ctrl+Z can take back (``action_undone.action``)."""

    PENALTY = "penalty"
    SKIP = "skip"
    CURVEBALL = "curveball"
    MEMORY_AID = "memory_aid"


class Outcome(StrEnum):
    COMPLETED = "completed"
    TIME_UP = "time_up"
    ENDED_BY_FACILITATOR = "ended_by_facilitator"
    BUDGET_SPENT = "budget_spent"


def N_(text: str) -> str:
    """Marks an English phrase for the translators' catalogue (the core speaks no language: the
    edge that shows it translates it with maze.lang's ``_``)."""
    return text


# How a person reads each outcome; the scorer's "unfinished" is a log with no end.
OUTCOME_WORDS: dict[str, str] = {
    Outcome.COMPLETED: N_("everyone crossed"), Outcome.TIME_UP: N_("time up"),
    Outcome.ENDED_BY_FACILITATOR: N_("ended by the facilitator"),
    Outcome.BUDGET_SPENT: N_("budget spent"),
    "unfinished": N_("unfinished (no end recorded)")}
