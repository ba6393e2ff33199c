"""Every figure of METRICS.md, as a pure function of a session's events (docs/metrics.md).

The live board, the results screen and `maze score` all call ``score``, so they never disagree.
Times are active seconds (the log's ``t``). A figure that cannot be computed is None (null).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from maze.core.events import (
    Crossed,
    Event,
    MemoryAidToggled,
    PathChanged,
    PathRevealed,
    PenaltyRecorded,
    PhaseChanged,
    PlayerSkipped,
    RetreatDone,
    SessionEnded,
    StepTaken,
    TurnStarted,
)
from maze.core.session import SessionSetup

BEEPS = ("new_beep", "repeat_beep", "surprise_beep")
DISCOVERIES = ("new_beep", "surprise_beep")

# switch_score: each part becomes a sub-score in 0..1 that never rises as the part gets worse;
# the score is 100 x their mean. "Half" is the value that scores 0.5 (see docs/metrics.md).
LAG_HALF = 30.0          # seconds from the first crossing to the first execution step
OFF_PATH_HALF = 3.0      # exploring steps during execution
DETECT_HALF = 30.0       # seconds from the first surprise beep to exploring again
RIGID_HALF = 2.0         # beeps on the old path after the first surprise
RELEARN_HALF = 120.0     # seconds from the change to the new path's first crossing


def _median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def _per_minute(count: float, seconds: float | None) -> float | None:
    if seconds is None or seconds <= 0:
        return None
    return round(count / (seconds / 60.0), 3)


def _ratio(a: float, b: float) -> float | None:
    return None if b == 0 else round(a / b, 3)


def _halving(value: float | None, half: float) -> float:
    """1 at 0, 0.5 at ``half``, toward 0 as the value grows; a missing value (the team never
    got there) scores 0."""
    return 0.0 if value is None else 1.0 / (1.0 + max(0.0, value) / half)


def pace_part(pace_ratio: float | None) -> float:
    """1 when execution steps take half the time of learning steps or less, 0 at 1.5x."""
    return 0.0 if pace_ratio is None else min(1.0, max(0.0, 1.5 - pace_ratio))


def switch_parts(switch: dict[str, Any]) -> dict[str, float]:
    """The sub-scores (0..1) behind switch_score, for the parts that exist."""
    parts: dict[str, float] = {}
    if switch["lag_seconds"] is not None:
        parts["lag"] = _halving(switch["lag_seconds"], LAG_HALF)
    if switch["pace_ratio"] is not None:
        parts["pace"] = pace_part(switch["pace_ratio"])
    if switch["off_path_steps"] is not None:
        parts["off_path"] = _halving(switch["off_path_steps"], OFF_PATH_HALF)
    for i, curve in enumerate(switch["curveballs"], start=1):
        parts[f"curveball_{i}_detect"] = _halving(curve["detect_seconds"], DETECT_HALF)
        parts[f"curveball_{i}_rigid"] = _halving(curve["rigid_repeats"], RIGID_HALF)
        parts[f"curveball_{i}_relearn"] = _halving(curve["relearn_seconds"], RELEARN_HALF)
    return parts


def switch_score(switch: dict[str, Any]) -> float | None:
    parts = switch_parts(switch)
    if not parts:
        return None
    return round(100.0 * sum(parts.values()) / len(parts), 1)


@dataclass
class _Player:
    steps: int = 0
    attempts: int = 0
    crossings: int = 0
    discoveries: int = 0
    repeat_errors: int = 0
    execution_errors: int = 0
    dwells: list[float] = field(default_factory=list)
    dwells_new: list[float] = field(default_factory=list)
    seconds_on_board: float = 0.0


@dataclass
class _Curveball:
    changed_at: float
    old_path: frozenset[str]
    first_surprise: float | None = None
    steps_since_surprise: int = 0
    detect_steps: int | None = None
    detect_seconds: float | None = None
    rigid_repeats: int = 0
    relearn_seconds: float | None = None


class _Segments:
    """Open/close spans of active time (learning spans, execution spans)."""

    def __init__(self) -> None:
        self.closed = 0.0
        self.open_at: float | None = None

    def open(self, t: float) -> None:
        if self.open_at is None:
            self.open_at = t

    def close(self, t: float) -> None:
        if self.open_at is not None:
            self.closed += t - self.open_at
            self.open_at = None

    def total(self, end: float) -> float:
        return self.closed + (end - self.open_at if self.open_at is not None else 0.0)


def score(setup: SessionSetup, events: Iterable[Event], now: float | None = None) -> dict[str, Any]:
    """All figures of one session. ``now``: the live clock, for a session still going on."""
    path_length = len(setup.level.path)
    current_path = frozenset(setup.level.path)
    phase: str | None = None
    players = {name: _Player() for name in setup.roster}
    on_board: dict[str, float] = {}          # player -> t their attempt began
    learning, execution = _Segments(), _Segments()
    outcome, end_t, last_t = "unfinished", None, 0.0
    clock_started = False
    first_found: float | None = None
    found_seconds: float | None = None
    lag: float | None = None
    curveballs: list[_Curveball] = []
    penalties: dict[str, int] = {}
    penalty_cost = 0.0
    memory_aid = setup.rules.memory_aid
    memory_aid_used = memory_aid
    reveals = 0
    l_steps = l_fail = l_disc = l_rep = l_explore = 0
    l_dwell: list[float] = []
    l_dwell_new: list[float] = []
    e_attempts = e_cross = e_err = e_off = 0
    e_squares = 0
    e_dwell: list[float] = []
    seen_phase_execution = False
    # As the room sees it: everything after the first crossing counts as execution.
    r_cross = r_err = r_squares = 0

    def leave(player: str, t: float) -> None:
        began = on_board.pop(player, None)
        if began is not None and player in players:
            players[player].seconds_on_board += t - began

    for event in events:
        last_t = event.t
        match event:
            case PhaseChanged(from_=old, to=new, cause=cause):
                if old == "planning":
                    clock_started = True
                    learning.open(event.t)
                if new == "execution":
                    learning.close(event.t)
                    execution.open(event.t)
                    seen_phase_execution = True
                    if first_found is None:
                        first_found = event.t
                        found_seconds = round(learning.total(event.t), 3)
                    elif curveballs and curveballs[-1].relearn_seconds is None:
                        curveballs[-1].relearn_seconds = round(event.t - curveballs[-1].changed_at, 3)
                elif new == "learning" and cause == "path_changed":
                    execution.close(event.t)
                    learning.open(event.t)
                phase = new
            case StepTaken(player=player, square=square, class_=cls, dwell=dwell,
                           exploring=exploring, phase=step_phase):
                if not clock_started:
                    clock_started = True
                    learning.open(event.t)
                stats = players.setdefault(player, _Player())
                if player not in on_board:
                    on_board[player] = event.t
                    stats.attempts += 1
                    if step_phase == "execution":
                        e_attempts += 1
                        if lag is None and first_found is not None:
                            lag = round(event.t - first_found, 3)
                stats.steps += 1
                stats.dwells.append(dwell)
                if exploring:
                    stats.dwells_new.append(dwell)
                beep = cls in BEEPS
                if step_phase == "learning":
                    l_steps += 1
                    l_dwell.append(dwell)
                    l_fail += beep
                    l_disc += cls in DISCOVERIES
                    l_rep += cls == "repeat_beep"
                    stats.discoveries += cls in DISCOVERIES
                    stats.repeat_errors += cls == "repeat_beep"
                    if exploring:
                        l_explore += 1
                        l_dwell_new.append(dwell)
                elif step_phase == "execution":
                    e_dwell.append(dwell)
                    e_err += beep
                    stats.execution_errors += beep
                    e_off += exploring
                if first_found is not None:
                    r_err += beep
                if curveballs:
                    curve = curveballs[-1]
                    if curve.first_surprise is not None:
                        curve.steps_since_surprise += 1
                        if curve.detect_steps is None and exploring:
                            curve.detect_steps = curve.steps_since_surprise
                            curve.detect_seconds = round(event.t - curve.first_surprise, 3)
                        if beep and square in curve.old_path:
                            curve.rigid_repeats += 1
                    elif cls == "surprise_beep":
                        curve.first_surprise = event.t
            case Crossed(player=player, phase=cross_phase):
                leave(player, event.t)
                players.setdefault(player, _Player()).crossings += 1
                if cross_phase == "execution":
                    e_cross += 1
                    e_squares += path_length
                if first_found is not None and event.t >= first_found and (
                        cross_phase == "execution" or curveballs):
                    r_cross += 1
                    r_squares += path_length
            case RetreatDone(player=player) | PlayerSkipped(player=player):
                leave(player, event.t)
            case TurnStarted():
                for player in list(on_board):
                    leave(player, event.t)
            case PathChanged(path=new_path):
                curveballs.append(_Curveball(event.t, current_path))
                current_path = frozenset(new_path)
                path_length = len(new_path)
            case PenaltyRecorded(kind=kind, cost=cost):
                penalties[kind] = penalties.get(kind, 0) + 1
                penalty_cost += cost
            case MemoryAidToggled(on=on):
                memory_aid_used = memory_aid_used or bool(on)
            case PathRevealed():
                reveals += 1
            case SessionEnded(outcome=ended):
                outcome, end_t = ended, event.t
    end = end_t if end_t is not None else max(last_t, now if now is not None else last_t)
    for player in list(on_board):
        leave(player, end)

    learning_seconds = round(learning.total(end), 3) if clock_started else None
    execution_seconds = round(execution.total(end), 3) if seen_phase_execution else None
    room_seconds = round(end - first_found, 3) if first_found is not None else None
    ex = seen_phase_execution
    learning_block = {
        "seconds": learning_seconds, "steps": l_steps, "failures": l_fail,
        "discoveries": l_disc, "repeat_errors": l_rep,
        "discoveries_per_minute": _per_minute(l_disc, learning_seconds),
        "failures_per_minute": _per_minute(l_fail, learning_seconds),
        "exploration_share": _ratio(l_explore, l_steps),
        "path_found_seconds": found_seconds,
        "median_dwell": _median(l_dwell),
        "median_dwell_new": _median(l_dwell_new),
    }
    execution_block = {
        "seconds": execution_seconds,
        "attempts": e_attempts if ex else None, "crossings": e_cross if ex else None,
        "errors": e_err if ex else None,
        "error_free_speed": _per_minute(e_squares, execution_seconds) if ex else None,
        "error_rate": _ratio(e_err, e_cross + e_err) if ex else None,
        "median_step_seconds": _median(e_dwell),
    }
    learning_median = _median(l_dwell)
    execution_median = _median(e_dwell)
    switch: dict[str, Any] = {
        "lag_seconds": lag,
        "pace_ratio": (round(execution_median / learning_median, 3)
                       if execution_median is not None and learning_median else None),
        "off_path_steps": e_off if e_dwell else None,   # null until someone walks in execution
        "curveballs": [{"changed_at": c.changed_at, "detect_steps": c.detect_steps,
                        "detect_seconds": c.detect_seconds, "rigid_repeats": c.rigid_repeats,
                        "relearn_seconds": c.relearn_seconds} for c in curveballs],
    }
    switch["parts"] = {k: round(v, 3) for k, v in switch_parts(switch).items()}
    switch["score"] = switch_score(switch)
    shown = "planning" if phase == "planning" else ("execution" if first_found is not None
                                                   else "learning")
    board = {
        "phase": shown,
        "discoveries": l_disc, "failures": l_fail,
        "discoveries_per_minute": learning_block["discoveries_per_minute"],
        "crossings": r_cross if first_found is not None else None,
        "errors": r_err if first_found is not None else None,
        "error_free_speed": _per_minute(r_squares, room_seconds) if room_seconds else None,
    }
    return {
        "team": setup.team, "level": setup.level.name, "session_id": setup.session_id,
        "started_at": setup.started_at, "roster": list(setup.roster), "outcome": outcome,
        "seconds": round(end, 3), "path_length": len(setup.level.path),
        "learning": learning_block, "execution": execution_block, "switch": switch,
        "penalties": {"count": sum(penalties.values()), "cost": penalty_cost,
                      "currency": setup.rules.currency, "by_type": penalties},
        "memory_aid_used": memory_aid_used, "reveals": reveals,
        "players": {name: {
            "steps": p.steps, "attempts": p.attempts, "crossings": p.crossings,
            "discoveries": p.discoveries, "repeat_errors": p.repeat_errors,
            "execution_errors": p.execution_errors, "median_dwell": _median(p.dwells),
            "median_dwell_new": _median(p.dwells_new),
            "seconds_on_board": round(p.seconds_on_board, 3)} for name, p in players.items()},
        "board": board,
    }
