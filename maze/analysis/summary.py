"""The plain facts of a session from its events: outcome, time, beeps, crossings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from maze.core.events import (
    BeepSounded,
    Crossed,
    Event,
    PenaltyRecorded,
    PhaseChanged,
    SessionEnded,
    StepTaken,
)
from maze.core.rules import Rules


@dataclass(frozen=True)
class Summary:
    outcome: str               # completed, time_up, ended_by_facilitator, budget_spent, unfinished
    active_seconds: float      # from the clock's start (first step or end of planning) to the end
    path_found_at: float | None  # learning seconds until the first crossing
    steps: int
    beeps: int
    crossings: int
    execution_crossings: int
    penalties: int
    penalty_cost: float


def summarize(events: Iterable[Event], rules: Rules) -> Summary:
    outcome = "unfinished"
    clock_start: float | None = None
    last_t = 0.0
    found: float | None = None
    steps = beeps = crossings = execution_crossings = penalties = 0
    cost = 0.0
    for event in events:
        last_t = event.t
        match event:
            case PhaseChanged(from_="planning"):
                clock_start = event.t
            case StepTaken():
                steps += 1
                if clock_start is None:
                    clock_start = event.t
            case BeepSounded():
                beeps += 1
            case Crossed(phase=phase):
                crossings += 1
                if phase == "execution":
                    execution_crossings += 1
                elif found is None and clock_start is not None:
                    found = round(event.t - clock_start, 3)
            case PenaltyRecorded(cost=c):
                penalties += 1
                cost += c
            case SessionEnded(outcome=o):
                outcome = o
    active = 0.0 if clock_start is None else round(last_t - clock_start, 3)
    return Summary(outcome, active, found, steps, beeps, crossings, execution_crossings,
                   penalties, cost)
