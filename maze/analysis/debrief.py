"""What the debrief screen and the report draw, from events alone: a heatmap per square, the
timeline of steps with the phases, and prompts for the debrief conversation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING

from maze.analysis.text import minutes, penalty_word
from maze.core.board import parse_square
from maze.core.events import (
    Event,
    PathChanged,
    PhaseChanged,
    StepTaken,
)
from maze.core.session import SessionSetup
from maze.core.vocabulary import BEEP_CLASSES, FACILITATOR_PENALTIES, Outcome, Phase, StepClass
from maze.lang import _, n_

if TYPE_CHECKING:
    from maze.analysis.scores import Figures

BEEPS = frozenset(c.value for c in BEEP_CLASSES)     # plain text: compared once per step
_REPEAT_BEEP = StepClass.REPEAT_BEEP.value
_DWELL, _EXPLORING = attrgetter("dwell"), attrgetter("exploring")


@dataclass(slots=True)          # a report adds up every step of a year into these
class SquareStats:
    visits: int = 0
    beeps: int = 0
    dwell: float = 0.0           # seconds spent deciding before stepping here, all steps


def heatmap(events: Iterable[Event]) -> dict[str, SquareStats]:
    cells: dict[str, SquareStats] = {}
    get = cells.get
    for event in events:
        if type(event) is StepTaken:
            cell = get(event.square)
            if cell is None:
                cell = cells[event.square] = SquareStats()
            cell.visits += 1
            cell.beeps += event.class_ in BEEPS
            cell.dwell += event.dwell
    return cells


@dataclass(frozen=True)
class Span:
    phase: Phase                 # the engine's (the truth)
    start: float
    end: float


@dataclass
class Timeline:
    steps: list[StepTaken] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    curveballs: list[float] = field(default_factory=list)
    end: float = 0.0
    paths: list[tuple[str, ...]] = field(default_factory=list)   # each curveball's new path


def timeline(events: Sequence[Event]) -> Timeline:
    line = Timeline()
    phase: Phase | None = None
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
            line.paths.append(tuple(event.path))  # type: ignore[attr-defined]
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
    return _("{n} s").format(n=whole) if whole < 60 else minutes(whole)


# A prompt: how telling it is (the most telling are asked first) and the question.
Prompt = tuple[float, str]


def _repeat_beeps(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    repeats = Counter(s.square for s in steps if s.class_ == _REPEAT_BEEP)
    if not repeats:
        return []
    square, count = repeats.most_common(1)[0]
    if count >= 2:
        return [(10 + count, n_("{n} repeat beep on {square}: what happened?",
                                "{n} repeat beeps on {square}: what happened?", count).format(
            n=count, square=square))]
    return [(5, _("A known beep on {square} was stepped on again: how did the team keep what "
                  "it learned?").format(square=square))]


def _longest_hesitation(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    """The longest hesitation (5 s or more) before an untested square."""
    # The first of the longest pauses before an untested square, found in C (a report asks
    # this of every session of a year)
    dwells = list(map(_DWELL, steps))
    longest_at = max(compress(range(len(steps)), map(_EXPLORING, steps)),
                     key=dwells.__getitem__, default=None)
    if longest_at is None or not dwells[longest_at] >= 5:
        return []
    step = steps[longest_at]
    row = parse_square(step.square).row + 1
    first_in_row = not any(s.player == step.player and parse_square(s.square).row + 1 == row
                           for s in steps[:longest_at])
    text = (_("{player} waited {time} before their first step into row {row}: what was going "
              "on?") if first_in_row else
            _("{player} waited {time} before stepping onto {square}: what was going on?"))
    return [(8 + step.dwell / 10, text.format(player=step.player, time=_seconds(step.dwell),
                                              row=row, square=step.square))]


def _curveballs(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    found: list[Prompt] = []
    for curve in figures.switch.curveballs:
        if curve.rigid_repeats:
            n = curve.rigid_repeats
            found.append((14 + n, n_(
                "After the path changed, the team walked the old path {n} more time: how did "
                "you know it had changed?",
                "After the path changed, the team walked the old path {n} more times: how did "
                "you know it had changed?", n).format(n=n)))
        if curve.detect_steps is not None and curve.detect_seconds is not None:
            found.append((9, n_(
                "After the first unexpected beep it took {n} step ({time}) before anyone tried "
                "a new square: who noticed first?",
                "After the first unexpected beep it took {n} steps ({time}) before anyone tried "
                "a new square: who noticed first?", curve.detect_steps).format(
                n=curve.detect_steps, time=_seconds(curve.detect_seconds))))
        elif curve.relearn_seconds is None:
            found.append((12, _("The path changed and the team never found the new one: what "
                                "made it hard to switch back to learning?")))
    return found


def _slow_switch(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    lag = figures.switch.lag_seconds
    if lag is None or lag < 10:
        return []
    return [(7, _("The first execution step came {time} after the path was found: what "
                  "happened in between?").format(time=_seconds(lag)))]


def _off_path(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    n = figures.switch.off_path_steps
    if not n:
        return []
    return [(7, n_("{n} step tested new squares during execution: why, when the path was "
                   "known?",
                   "{n} steps tested new squares during execution: why, when the path was "
                   "known?", n).format(n=n))]


def _execution_beeps(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    n = figures.execution.errors
    if not n:
        return []
    return [(6 + n, n_("{n} beep during execution: what broke down on a known path?",
                       "{n} beeps during execution: what broke down on a known path?",
                       n).format(n=n))]


def _one_explorer(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    """One player found half or more of the team's beeping squares (three or more)."""
    players = figures.players
    discoveries = sum(p.discoveries for p in players.values())   # every phase, as each player's
    if discoveries < 3:
        return []
    best = max(players, key=lambda p: players[p].discoveries)
    k = players[best].discoveries
    if k * 2 < discoveries:
        return []
    return [(6, n_("{player} found {k} of the team's {n} beeping square: what made stepping "
                   "into the unknown easy or hard?",
                   "{player} found {k} of the team's {n} beeping squares: what made stepping "
                   "into the unknown easy or hard?", discoveries).format(
        player=best, k=k, n=discoveries))]


def _never_stepped(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    players = figures.players
    quiet = [p for p, v in players.items() if v.steps == 0]
    if not quiet or len(quiet) >= len(players):
        return []
    if len(quiet) == 1:
        who = quiet[0]
    elif len(quiet) <= 3:
        # Translators: names listed, as in "Ana, Ben and Chen"
        who = _("{names} and {last}").format(names=", ".join(quiet[:-1]), last=quiet[-1])
    else:
        who = n_("{n} player", "{n} players", len(quiet)).format(n=len(quiet))
    return [(4, _("{who} never stepped on the board: what did the team lose?").format(who=who))]


def _penalties(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    return [(5, n_("{n} penalty for {what}: what made it so tempting?",
                   "{n} penalties for {what}: what made it so tempting?", count).format(
        n=count, what=penalty_word(kind)))
            for kind, count in figures.penalties.by_type.items()
            if kind in FACILITATOR_PENALTIES and count]


def _path_found(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    found_after = figures.learning.path_found_seconds
    if found_after is not None:
        return [(3, _("The path was found after {time}: when did you know it was time to "
                      "execute?").format(time=_seconds(found_after)))]
    if figures.outcome == Outcome.TIME_UP:
        return [(13, _("Time ran out before anyone crossed: what held the team back from "
                       "collecting failures faster?"))]
    return []


def _always(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    return [(1, _("What were you thinking in front of an untested square?"))]


def _first_beep(steps: list[StepTaken], figures: Figures) -> list[Prompt]:
    if not any(s.class_ in BEEPS for s in steps):
        return []
    return [(0.5, _("What did the team do after the first beep?"))]


# One rule per prompt, in the order ties are asked. Each reads the session's steps and
# figures and gives its prompts (none, one, or one per curveball or penalty kind).
PROMPT_RULES: tuple[Callable[[list[StepTaken], Figures], list[Prompt]], ...] = (
    _repeat_beeps, _longest_hesitation, _curveballs, _slow_switch, _off_path,
    _execution_beeps, _one_explorer, _never_stepped, _penalties, _path_found, _always,
    _first_beep,
)


def prompts(setup: SessionSetup, events: Sequence[Event], figures: Figures,
            limit: int = 6, steps: list[StepTaken] | None = None) -> list[str]:
    """Three to six questions for the debrief, naming squares, players and seconds, the most
    telling first. ``steps``: the steps among ``events``, if already picked out."""
    if steps is None:
        steps = [e for e in events if type(e) is StepTaken]
    found = [prompt for rule in PROMPT_RULES for prompt in rule(steps, figures)]
    found.sort(key=lambda item: -item[0])
    seen: list[str] = []
    for _weight, text in found:
        if text not in seen:
            seen.append(text)
    return seen[:limit]
