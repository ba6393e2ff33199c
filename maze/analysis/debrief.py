"""What the debrief screen and the report draw, from events alone: a heatmap per square, the
timeline of steps with the phases, and prompts for the debrief conversation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from maze.analysis.text import count as plural
from maze.core.board import parse_square
from maze.core.events import (
    Event,
    PathChanged,
    PhaseChanged,
    StepTaken,
)
from maze.core.session import SessionSetup

if TYPE_CHECKING:
    from maze.analysis.scores import Figures

BEEPS = ("new_beep", "repeat_beep", "surprise_beep")


@dataclass
class SquareStats:
    visits: int = 0
    beeps: int = 0
    dwell: float = 0.0           # seconds spent deciding before stepping here, all steps


def heatmap(events: Iterable[Event]) -> dict[str, SquareStats]:
    cells: dict[str, SquareStats] = {}
    for event in events:
        if type(event) is StepTaken:
            cell = cells.setdefault(event.square, SquareStats())
            cell.visits += 1
            cell.beeps += event.class_ in BEEPS
            cell.dwell += event.dwell
    return cells


@dataclass(frozen=True)
class Span:
    phase: str                   # planning, learning, execution (the engine's: the truth)
    start: float
    end: float


@dataclass
class Timeline:
    steps: list[StepTaken] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    curveballs: list[float] = field(default_factory=list)
    end: float = 0.0


def timeline(events: Sequence[Event]) -> Timeline:
    line = Timeline()
    phase: str | None = None
    since = 0.0
    steps = line.steps
    for event in events:         # type(...) is: a report reads a year of logs through here
        kind = type(event)
        if kind is StepTaken:
            steps.append(event)  # type: ignore[arg-type]
        elif kind is PhaseChanged:
            assert isinstance(event, PhaseChanged)
            if phase is not None and event.t > since:
                line.spans.append(Span(phase, since, event.t))
            phase, since = event.to, event.t
        elif kind is PathChanged:
            line.curveballs.append(event.t)
    if events:
        line.end = events[-1].t
    if phase is not None and line.end > since:
        line.spans.append(Span(phase, since, line.end))
    merged: list[Span] = []
    for span in line.spans:          # a curveball at a crossing: learning, then learning again
        if merged and merged[-1].phase == span.phase and merged[-1].end == span.start:
            merged[-1] = Span(span.phase, merged[-1].start, span.end)
        else:
            merged.append(span)
    line.spans = merged
    return line


def _seconds(value: float) -> str:
    whole = int(round(value))
    return f"{whole} s" if whole < 60 else f"{whole // 60}:{whole % 60:02d}"


def prompts(setup: SessionSetup, events: Sequence[Event], figures: Figures,
            limit: int = 6) -> list[str]:
    """Three to six questions for the debrief, naming squares, players and seconds, the most
    telling first."""
    found: list[tuple[float, str]] = []
    steps = [e for e in events if type(e) is StepTaken]
    repeats = Counter(s.square for s in steps if s.class_ == "repeat_beep")
    if repeats:
        square, count = repeats.most_common(1)[0]
        if count >= 2:
            found.append((10 + count, f"{count} repeat beeps on {square}: what happened?"))
        else:
            found.append((5, f"A known beep on {square} was stepped on again: how did the team "
                             f"keep what it learned?"))
    # The longest hesitation before an untested square.
    longest_at = None
    for index, step in enumerate(steps):
        if step.exploring and step.dwell >= 5 and (
                longest_at is None or step.dwell > steps[longest_at].dwell):
            longest_at = index
    longest: tuple[float, str] | None = None
    if longest_at is not None:
        step = steps[longest_at]
        row = parse_square(step.square).row + 1
        first_in_row = not any(s.player == step.player and parse_square(s.square).row + 1 == row
                               for s in steps[:longest_at])
        where = (f"before their first step into row {row}" if first_in_row
                 else f"before stepping onto {step.square}")
        longest = (step.dwell, f"{step.player} waited {_seconds(step.dwell)} {where}: "
                               f"what was going on?")
    if longest:
        found.append((8 + longest[0] / 10, longest[1]))
    switch = figures.switch
    for curve in switch.curveballs:
        if curve.rigid_repeats:
            n = curve.rigid_repeats
            found.append((14 + n, f"After the path changed, the team walked the old path "
                                  f"{plural(n, 'more time')}: how did you know it had changed?"))
        if curve.detect_steps is not None and curve.detect_seconds is not None:
            found.append((9, f"After the first unexpected beep it took "
                             f"{plural(curve.detect_steps, 'step')} "
                             f"({_seconds(curve.detect_seconds)}) before anyone tried "
                             f"a new square: who noticed first?"))
        elif curve.relearn_seconds is None:
            found.append((12, "The path changed and the team never found the new one: what "
                              "made it hard to switch back to learning?"))
    if switch.lag_seconds is not None and switch.lag_seconds >= 10:
        found.append((7, f"The first execution step came {_seconds(switch.lag_seconds)} after "
                         f"the path was found: what happened in between?"))
    if switch.off_path_steps:
        n = switch.off_path_steps
        found.append((7, f"{n} step{'s' if n > 1 else ''} tested new squares during execution: "
                         f"why, when the path was known?"))
    execution = figures.execution
    if execution.errors:
        n = execution.errors
        found.append((6 + n, f"{n} beep{'s' if n > 1 else ''} during execution: what broke "
                             f"down on a known path?"))
    players = figures.players
    discoveries = sum(p.discoveries for p in players.values())   # every phase, as each player's
    if discoveries >= 3:
        best = max(players, key=lambda p: players[p].discoveries)
        k = players[best].discoveries
        if k * 2 >= discoveries:
            found.append((6, f"{best} found {k} of the team's {discoveries} beeping squares: "
                             f"what made stepping into the unknown easy or hard?"))
    quiet = [p for p, v in players.items() if v.steps == 0]
    if quiet and len(quiet) < len(players):
        found.append((4, f"{quiet[0]} never stepped on the board: what did the team lose?"))
    for kind, count in figures.penalties.by_type.items():
        if kind in ("talking", "pointing", "marking", "two_on_board") and count:
            found.append((5, f"{count} penalt{'ies' if count > 1 else 'y'} for "
                             f"{kind.replace('_', ' ')}: what made it so tempting?"))
    learning = figures.learning
    if learning.path_found_seconds is not None:
        found.append((3, f"The path was found after {_seconds(learning.path_found_seconds)}: "
                         f"when did you know it was time to execute?"))
    elif figures.outcome == "time_up":
        found.append((13, "Time ran out before anyone crossed: what held the team back from "
                          "collecting failures faster?"))
    found.append((1, "What were you thinking in front of an untested square?"))
    found.append((0.5, "What did the team do after the first beep?"))
    found.sort(key=lambda item: -item[0])
    seen: list[str] = []
    for _, text in found:
        if text not in seen:
            seen.append(text)
    return seen[:limit]
