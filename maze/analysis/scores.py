"""Every figure of METRICS.md, as a pure function of a session's events (docs/metrics.md).

The live board, the results screen and `maze score` all call ``score``, so they never disagree.
Times are active seconds (the log's ``t``). A figure that cannot be computed is None (null).
Every figure is kept unrounded, and computed only from unrounded figures; rounding happens once,
where a figure is written (``written``) or printed (METRICS.md, "Precision"). The figures are
typed records, one per section (``Figures``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from maze.core.events import (
    ActionUndone,
    BeepSounded,
    Crossed,
    CurveballArmed,
    Event,
    MemoryAidToggled,
    PathChanged,
    PathRevealed,
    Paused,
    PenaltyRecorded,
    PhaseChanged,
    PlayerSkipped,
    Resumed,
    RetreatDone,
    RetreatErred,
    RetreatStarted,
    RetreatStepped,
    SessionEnded,
    SessionResumed,
    SoundMuted,
    StepTaken,
    TurnStarted,
)
from maze.core.record import Record, field
from maze.core.session import SessionSetup
from maze.core.vocabulary import (
    BEEP_CLASSES,
    DISCOVERY_CLASSES,
    Actor,
    Phase,
    PhaseCause,
    StepClass,
    UndoAction,
)

# The words as plain text, for the per-step code: on Python 3.11 each read of an enum member
# (Phase.EXECUTION) is a class-attribute look-up, several times a plain string compare.
BEEPS = frozenset(c.value for c in BEEP_CLASSES)
DISCOVERIES = frozenset(c.value for c in DISCOVERY_CLASSES)
_LEARNING, _EXECUTION = Phase.LEARNING.value, Phase.EXECUTION.value
_REPEAT_BEEP, _SURPRISE_BEEP = StepClass.REPEAT_BEEP.value, StepClass.SURPRISE_BEEP.value
assert DISCOVERIES <= BEEPS and _REPEAT_BEEP in BEEPS     # Scorer._beep counts them with beeps

# switch_score: each part becomes a sub-score in 0..1 that never rises as the part gets worse;
# the score is 100 x their mean. "Half" is the value that scores 0.5 (see docs/metrics.md).
LAG_HALF = 30.0          # seconds from the first crossing to the first execution step
OFF_PATH_HALF = 3.0      # exploring steps during execution
DETECT_HALF = 30.0       # seconds from the first surprise beep to exploring again
RIGID_HALF = 2.0         # beeps on the old path after the first surprise
RELEARN_HALF = 120.0     # seconds from the change to the new path's first crossing


def _median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _per_minute(count: float, seconds: float | None) -> float | None:
    if seconds is None or seconds <= 0:
        return None
    return count / (seconds / 60.0)


def _ratio(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


def _halving(value: float | None, half: float) -> float:
    """1 at 0, 0.5 at ``half``, toward 0 as the value grows; a missing value (the team never
    got there) scores 0."""
    return 0.0 if value is None else 1.0 / (1.0 + max(0.0, value) / half)


def pace_part(pace_ratio: float | None) -> float:
    """1 when execution steps take half the time of learning steps or less, 0 at 1.5x."""
    return 0.0 if pace_ratio is None else min(1.0, max(0.0, 1.5 - pace_ratio))


def switch_parts(lag_seconds: float | None, pace_ratio: float | None,
                 off_path_steps: int | None,
                 curveballs: Sequence[CurveballFigures]) -> dict[str, float]:
    """The sub-scores (0..1) behind switch_score, for the parts that exist."""
    parts: dict[str, float] = {}
    if lag_seconds is not None:
        parts["lag"] = _halving(lag_seconds, LAG_HALF)
    if pace_ratio is not None:
        parts["pace"] = pace_part(pace_ratio)
    if off_path_steps is not None:
        parts["off_path"] = _halving(off_path_steps, OFF_PATH_HALF)
    for i, curve in enumerate(curveballs, start=1):
        parts[f"curveball_{i}_detect"] = _halving(curve.detect_seconds, DETECT_HALF)
        parts[f"curveball_{i}_rigid"] = _halving(curve.rigid_repeats, RIGID_HALF)
        parts[f"curveball_{i}_relearn"] = _halving(curve.relearn_seconds, RELEARN_HALF)
    return parts


def switch_score(lag_seconds: float | None, pace_ratio: float | None,
                 off_path_steps: int | None,
                 curveballs: Sequence[CurveballFigures]) -> float | None:
    """100 x the mean of the sub-scores, unrounded; None with no execution step (curveball
    parts alone do not make a score). ``off_path_steps`` is None exactly until the first
    execution step."""
    parts = switch_parts(lag_seconds, pace_ratio, off_path_steps, curveballs)
    if off_path_steps is None or not parts:
        return None
    return 100.0 * sum(parts.values()) / len(parts)


# ------------------------------------------------------------------ the figures, typed
# One record per section of `maze score --json` (FORMATS.md, docs/metrics.md): a display that
# asks for a figure that does not exist fails the type check. Every value is unrounded;
# ``written`` rounds each once, for `maze score --json`; screens round as they format.

class LearningFigures(Record):
    seconds: float | None
    steps: int
    failures: int
    discoveries: int
    repeat_errors: int
    discoveries_per_minute: float | None
    failures_per_minute: float | None
    exploration_share: float | None
    path_found_seconds: float | None
    median_dwell: float | None
    median_dwell_new: float | None


class ExecutionFigures(Record):
    seconds: float | None
    attempts: int | None
    crossings: int | None
    errors: int | None
    error_free_speed: float | None
    error_rate: float | None
    median_step_seconds: float | None


class CurveballFigures(Record):
    changed_at: float
    detect_steps: int | None
    detect_seconds: float | None
    rigid_repeats: int
    relearn_seconds: float | None


class SwitchFigures(Record):
    lag_seconds: float | None
    pace_ratio: float | None
    off_path_steps: int | None
    curveballs: tuple[CurveballFigures, ...]
    parts: dict[str, float]
    score: float | None


class PenaltyFigures(Record):
    count: int
    cost: float
    currency: str
    by_type: dict[str, int]


class UndoneAction(Record):
    action: UndoAction
    detail: str
    at: float
    undone_at: float


class PlayerFigures(Record):
    steps: int
    attempts: int
    crossings: int
    discoveries: int
    repeat_errors: int
    execution_errors: int
    median_dwell: float | None
    median_dwell_new: float | None
    seconds_on_board: float


class BoardFigures(Record):
    """The live headline as the room sees it (docs/metrics.md, "On the board during play")."""

    phase: Phase
    discoveries: int
    failures: int
    discoveries_per_minute: float | None
    crossings: int | None
    errors: int | None
    error_free_speed: float | None


class Figures(Record):
    team: str
    level: str
    session_id: str
    started_at: str
    roster: tuple[str, ...]
    outcome: str
    seconds: float
    path_length: int
    learning: LearningFigures
    execution: ExecutionFigures
    switch: SwitchFigures
    penalties: PenaltyFigures
    memory_aid_used: bool
    reveals: int
    undone: tuple[UndoneAction, ...]
    players: dict[str, PlayerFigures]
    board: BoardFigures


# Decimal places where a figure is written: milliseconds, and ratios to three places, except
# the switch score (tenths of a point on a 0-100 scale).
PLACES = 3
SCORE_PLACES = 1


def written(figures: Record) -> dict[str, Any]:
    """The figures as `maze score --json` writes them: the keys of FORMATS.md and a few more
    (docs/metrics.md), every number rounded once from its unrounded value."""
    return {name: _written(getattr(figures, name), name) for name in figures.FIELDS}


def _written(value: Any, name: str = "") -> Any:
    if isinstance(value, float):
        return round(value, SCORE_PLACES if name == "score" else PLACES)
    if isinstance(value, Record):
        return written(value)
    if isinstance(value, dict):
        return {key: _written(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_written(item) for item in value]
    return value


class _Player(Record, frozen=False):
    steps: int = 0
    attempts: int = 0
    crossings: int = 0
    discoveries: int = 0
    repeat_errors: int = 0
    execution_errors: int = 0
    dwells: list[float] = field(default_factory=list)
    dwells_new: list[float] = field(default_factory=list)
    seconds_on_board: float = 0.0


class _Curveball(Record, frozen=False):
    changed_at: float
    old_path: frozenset[str]
    first_surprise: float | None = None
    steps_since_surprise: int = 0
    detect_steps: int | None = None
    detect_seconds: float | None = None
    rigid_repeats: int = 0
    relearn_seconds: float | None = None


class _Action(Record):
    """A facilitator's action, kept until the end in case it is taken back."""

    action: UndoAction
    at: float
    detail: str = ""                 # the penalty's kind, the skipped player, "on" or "off"
    cost: float = 0.0                # a penalty's cost
    began: float | None = None       # when the skipped player's attempt began (None: not on)
    before: float = 0.0              # the skipped player's seconds on the board until then


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


class Scorer:
    """The figures of one session, fed one event at a time: the live board keeps one and asks
    for figures whenever it draws; ``score`` feeds a whole log. Same code either way."""

    def __init__(self, setup: SessionSetup) -> None:
        self.setup = setup
        self.path_length = len(self.setup.level.path)
        self.current_path = frozenset(self.setup.level.path)
        self.phase: Phase | None = None
        self.players = {name: _Player() for name in self.setup.roster}
        self.on_board: dict[str, float] = {}          # player -> t their attempt began
        self.learning, self.execution = _Segments(), _Segments()
        self.outcome = "unfinished"
        self.end_t: float | None = None
        self.last_t = 0.0
        self.clock_started = False
        self.first_found: float | None = None
        self.found_seconds: float | None = None
        self.lag: float | None = None
        self.curveballs: list[_Curveball] = []
        self.penalties: dict[str, int] = {}
        self.penalty_cost = 0.0
        self.memory_aid = self.setup.rules.memory_aid
        self.memory_aid_used = self.memory_aid
        self.aid_toggles: dict[int, bool] = {}        # seq -> switched on (undone ones removed)
        self.actions: dict[int, _Action] = {}         # the facilitator's actions, by seq
        self.undone: list[UndoneAction] = []
        self.reveals = 0
        self.learning_steps = self.learning_failures = self.learning_discoveries = 0
        self.learning_repeats = self.learning_exploring = 0
        self.learning_dwells: list[float] = []
        self.learning_dwells_new: list[float] = []
        self.execution_attempts = self.execution_crossings = self.execution_errors = 0
        self.execution_off_path = self.execution_squares = 0
        self.execution_dwells: list[float] = []
        self.seen_phase_execution = False
        # As the room sees it: everything after the first crossing counts as execution.
        self.room_discoveries = self.room_failures = 0
        self.room_crossings = self.room_errors = self.room_squares = 0
        self.planning_ended: float | None = None

    def _leave(self, player: str, t: float) -> None:
        began = self.on_board.pop(player, None)
        if began is not None and player in self.players:
            self.players[player].seconds_on_board += t - began

    def feed_all(self, events: Iterable[Event]) -> Scorer:
        """``feed`` each event, in one loop (a report scores a year of logs)."""
        step, handlers, not_scored = self._step, _FEED, NOT_SCORED
        for event in events:
            self.last_t = event.t
            kind = type(event)
            if kind is StepTaken:
                step(event)  # type: ignore[arg-type]
            elif kind not in not_scored:
                handlers[kind](self, event)
        return self

    def _step(self, event: StepTaken) -> None:
        """A step: by far the most common event, so read directly, not through a pattern."""
        player, cls, dwell = event.player, event.class_, event.dwell
        exploring, step_phase = event.exploring, event.phase
        if self.planning_ended is not None:
            # Planning is never hesitation: a log written before the engine knew it (dwell
            # from the turn's start) is scored as if dwell ran from the end of planning.
            dwell = min(dwell, round(event.t - self.planning_ended, 3))   # a log's ms
        if not self.clock_started:
            self.clock_started = True
            self.learning.open(event.t)
        stats = self.players.get(player) or self.players.setdefault(player, _Player())
        if player not in self.on_board:
            self.on_board[player] = event.t
            stats.attempts += 1
            if step_phase == _EXECUTION:
                self.execution_attempts += 1
                if self.lag is None and self.first_found is not None:
                    self.lag = event.t - self.first_found
        stats.steps += 1
        stats.dwells.append(dwell)
        if exploring:
            stats.dwells_new.append(dwell)
        beep = cls in BEEPS
        if beep:                      # a fifth of the steps: what only a beep counts
            self._beep(stats, cls, step_phase)
        if step_phase == _LEARNING:
            self.learning_steps += 1
            self.learning_dwells.append(dwell)
            if exploring:
                self.learning_exploring += 1
                self.learning_dwells_new.append(dwell)
        elif step_phase == _EXECUTION:
            self.execution_dwells.append(dwell)
            self.execution_off_path += exploring
        if self.curveballs:
            self._after_curveball(self.curveballs[-1], event, beep)

    def _beep(self, stats: _Player, cls: str, step_phase: str) -> None:
        """What a step that beeped counts (discoveries and repeat errors are beeps)."""
        discovery, repeat = cls in DISCOVERIES, cls == _REPEAT_BEEP
        # A player's discoveries and repeat errors count in every phase (METRICS.md, Per player).
        stats.discoveries += discovery
        stats.repeat_errors += repeat
        if step_phase == _LEARNING:
            self.learning_failures += 1
            self.learning_discoveries += discovery
            self.learning_repeats += repeat
        elif step_phase == _EXECUTION:
            self.execution_errors += 1
            stats.execution_errors += 1
        # The board's one rule (docs/metrics.md): the room's learning ends at the first
        # crossing; every later step counts as execution, hidden relearning included, so each
        # beep is in exactly one of the board's failures and errors.
        if self.first_found is None:
            self.room_failures += 1
            self.room_discoveries += discovery
        else:
            self.room_errors += 1

    @staticmethod
    def _after_curveball(curve: _Curveball, event: StepTaken, beep: bool) -> None:
        """A step after the path changed: how soon the team noticed, and how often it kept
        to the old path (docs/metrics.md, "Curveball")."""
        if curve.first_surprise is not None:
            curve.steps_since_surprise += 1
            if curve.detect_steps is None and event.exploring:
                curve.detect_steps = curve.steps_since_surprise
                curve.detect_seconds = event.t - curve.first_surprise
            if beep and event.square in curve.old_path:
                curve.rigid_repeats += 1
        elif event.class_ == _SURPRISE_BEEP:
            curve.first_surprise = event.t

    def feed(self, event: Event) -> None:
        self.last_t = event.t
        if type(event) is StepTaken:      # by far the most common event: no table look-up
            self._step(event)
        elif type(event) not in NOT_SCORED:
            _FEED[type(event)](self, event)

    # ----------------------------------------------------------------- one handler per event
    def _phase_changed(self, event: PhaseChanged) -> None:
        new = event.to
        if event.from_ == Phase.PLANNING:
            self.planning_ended = event.t
            self.clock_started = True
            self.learning.open(event.t)
        if new == Phase.EXECUTION:
            self.learning.close(event.t)
            self.execution.open(event.t)
            self.seen_phase_execution = True
            if self.first_found is None:
                self.first_found = event.t
                self.found_seconds = self.learning.total(event.t)
            elif self.curveballs and self.curveballs[-1].relearn_seconds is None:
                latest = self.curveballs[-1]
                latest.relearn_seconds = event.t - latest.changed_at
        elif new == Phase.LEARNING and event.cause == PhaseCause.PATH_CHANGED:
            self.execution.close(event.t)
            self.learning.open(event.t)
        self.phase = new

    def _crossed(self, event: Crossed) -> None:
        player, cross_phase = event.player, event.phase
        self._leave(player, event.t)
        self.players.setdefault(player, _Player()).crossings += 1
        if cross_phase == Phase.EXECUTION:
            self.execution_crossings += 1
            self.execution_squares += self.path_length
        if self.first_found is not None and event.t >= self.first_found and (
                cross_phase == Phase.EXECUTION or self.curveballs):
            self.room_crossings += 1
            self.room_squares += self.path_length

    def _player_skipped(self, event: PlayerSkipped) -> None:
        player = event.player
        began = self.on_board.get(player)
        before = self.players[player].seconds_on_board if player in self.players else 0.0
        self._leave(player, event.t)
        self.actions[event.seq] = _Action(UndoAction.SKIP, event.t, player, began=began,
                                          before=before)

    def _retreat_done(self, event: RetreatDone) -> None:
        self._leave(event.player, event.t)

    def _turn_started(self, event: TurnStarted) -> None:
        for player in list(self.on_board):
            self._leave(player, event.t)

    def _path_changed(self, event: PathChanged) -> None:
        self.curveballs.append(_Curveball(event.t, self.current_path))
        self.current_path = frozenset(event.path)
        self.path_length = len(event.path)

    def _penalty_recorded(self, event: PenaltyRecorded) -> None:
        kind = event.kind
        self.penalties[kind] = self.penalties.get(kind, 0) + 1
        self.penalty_cost += event.cost
        if event.by == Actor.FACILITATOR:
            self.actions[event.seq] = _Action(UndoAction.PENALTY, event.t, kind, cost=event.cost)

    def _memory_aid_toggled(self, event: MemoryAidToggled) -> None:
        on = bool(event.on)
        self.memory_aid_used = self.memory_aid_used or on
        self.aid_toggles[event.seq] = on
        self.actions[event.seq] = _Action(UndoAction.MEMORY_AID, event.t, "on" if on else "off")

    def _curveball_armed(self, event: CurveballArmed) -> None:
        if event.by == Actor.FACILITATOR:
            self.actions[event.seq] = _Action(UndoAction.CURVEBALL, event.t)

    def _action_undone(self, event: ActionUndone) -> None:
        self._undo(event.undone, event.t)

    def _path_revealed(self, event: PathRevealed) -> None:
        self.reveals += 1

    def _session_ended(self, event: SessionEnded) -> None:
        self.outcome, self.end_t = event.outcome, event.t

    def _undo(self, seq: int, t: float) -> None:
        """A facilitator's action taken back: the figures become those of a session in which
        it never happened; the action is listed under ``undone``."""
        action = self.actions.pop(seq, None)
        if action is None:
            return
        if action.action == UndoAction.PENALTY:
            penalty = action.detail
            self.penalties[penalty] -= 1
            if not self.penalties[penalty]:
                del self.penalties[penalty]
            self.penalty_cost -= action.cost
        elif action.action == UndoAction.MEMORY_AID:
            del self.aid_toggles[seq]
            self.memory_aid_used = self.memory_aid or any(self.aid_toggles.values())
        elif action.action == UndoAction.SKIP:
            player, began = action.detail, action.began
            if began is not None and player in self.players:
                # Put back the exact time (not a subtraction: unrounded figures must come out
                # as if the skip never happened, to the last bit).
                self.players[player].seconds_on_board = action.before
                self.on_board[player] = began     # the attempt goes on
        self.undone.append(UndoneAction(action.action, action.detail, action.at, t))

    def _end(self, now: float | None) -> float:
        if self.end_t is not None:
            return self.end_t
        return max(self.last_t, now if now is not None else self.last_t)

    def board(self, now: float | None = None) -> BoardFigures:
        """The live headline as the room sees it: learning until the first crossing, execution
        from it on (so a curveball's hidden relearning never freezes it); the one rule is
        applied in ``_step``. Cheap: counts and two rates, for the board to ask every second."""
        end = self._end(now)
        if self.first_found is not None:
            learning_seconds = self.found_seconds
        else:
            learning_seconds = self.learning.total(end) if self.clock_started else None
        room_seconds = end - self.first_found if self.first_found is not None else None
        shown = Phase.PLANNING if self.phase == Phase.PLANNING else (
            Phase.EXECUTION if self.first_found is not None else Phase.LEARNING)
        return BoardFigures(
            phase=shown,
            discoveries=self.room_discoveries, failures=self.room_failures,
            discoveries_per_minute=_per_minute(self.room_discoveries, learning_seconds),
            crossings=self.room_crossings if self.first_found is not None else None,
            errors=self.room_errors if self.first_found is not None else None,
            error_free_speed=_per_minute(self.room_squares, room_seconds) if room_seconds else None,
        )

    def figures(self, now: float | None = None) -> Figures:
        """Every figure, unrounded, as of the last event (or ``now``, for a session still going
        on). ``written`` rounds them for `maze score --json`."""
        end = self._end(now)

        learning_seconds = self.learning.total(end) if self.clock_started else None
        execution_seconds = self.execution.total(end) if self.seen_phase_execution else None
        ex = self.seen_phase_execution
        learning_median = _median(self.learning_dwells)
        execution_median = _median(self.execution_dwells)
        learning_block = LearningFigures(
            seconds=learning_seconds, steps=self.learning_steps, failures=self.learning_failures,
            discoveries=self.learning_discoveries, repeat_errors=self.learning_repeats,
            discoveries_per_minute=_per_minute(self.learning_discoveries, learning_seconds),
            failures_per_minute=_per_minute(self.learning_failures, learning_seconds),
            exploration_share=_ratio(self.learning_exploring, self.learning_steps),
            path_found_seconds=self.found_seconds,
            median_dwell=learning_median,
            median_dwell_new=_median(self.learning_dwells_new),
        )
        execution_block = ExecutionFigures(
            seconds=execution_seconds,
            attempts=self.execution_attempts if ex else None,
            crossings=self.execution_crossings if ex else None,
            errors=self.execution_errors if ex else None,
            error_free_speed=_per_minute(self.execution_squares, execution_seconds) if ex else None,
            error_rate=(_ratio(self.execution_errors, self.execution_crossings + self.execution_errors)
                        if ex else None),
            median_step_seconds=execution_median,
        )
        lag = self.lag
        pace = (execution_median / learning_median
                if execution_median is not None and learning_median else None)
        # Null until someone walks in execution.
        off_path = self.execution_off_path if self.execution_dwells else None
        curveballs = tuple(CurveballFigures(c.changed_at, c.detect_steps, c.detect_seconds,
                                            c.rigid_repeats, c.relearn_seconds)
                           for c in self.curveballs)
        switch = SwitchFigures(
            lag_seconds=lag, pace_ratio=pace, off_path_steps=off_path, curveballs=curveballs,
            parts=switch_parts(lag, pace, off_path, curveballs),
            score=switch_score(lag, pace, off_path, curveballs))
        on_board = {name: p.seconds_on_board + (end - self.on_board[name] if name in self.on_board else 0.0)
                    for name, p in self.players.items()}
        return Figures(
            team=self.setup.team, level=self.setup.level.name, session_id=self.setup.session_id,
            started_at=self.setup.started_at, roster=tuple(self.setup.roster), outcome=self.outcome,
            seconds=end, path_length=len(self.setup.level.path),
            learning=learning_block, execution=execution_block, switch=switch,
            penalties=PenaltyFigures(count=sum(self.penalties.values()), cost=self.penalty_cost,
                                     currency=self.setup.rules.currency, by_type=dict(self.penalties)),
            memory_aid_used=self.memory_aid_used, reveals=self.reveals,
            undone=tuple(self.undone),
            players={name: PlayerFigures(
                steps=p.steps, attempts=p.attempts, crossings=p.crossings,
                discoveries=p.discoveries, repeat_errors=p.repeat_errors,
                execution_errors=p.execution_errors, median_dwell=_median(p.dwells),
                median_dwell_new=_median(p.dwells_new),
                seconds_on_board=on_board[name]) for name, p in self.players.items()},
            board=self.board(now),
        )


# What each event does to the figures, one handler per event type (a step, the most common,
# is handled before this look-up).
_FEED: dict[type[Event], Callable[[Scorer, Any], None]] = {
    PhaseChanged: Scorer._phase_changed,
    Crossed: Scorer._crossed,
    PlayerSkipped: Scorer._player_skipped,
    RetreatDone: Scorer._retreat_done,
    TurnStarted: Scorer._turn_started,
    PathChanged: Scorer._path_changed,
    PenaltyRecorded: Scorer._penalty_recorded,
    MemoryAidToggled: Scorer._memory_aid_toggled,
    CurveballArmed: Scorer._curveball_armed,
    ActionUndone: Scorer._action_undone,
    PathRevealed: Scorer._path_revealed,
    SessionEnded: Scorer._session_ended,
}
# Events no figure depends on: a beep is counted from its step, a walk-back's moves cost no time
# of their own, pauses are outside active time, a resumption or a muted sound changes nothing.
# Every event type is a step, in _FEED or here (a test says so), so a new one is placed on purpose.
NOT_SCORED = frozenset({BeepSounded, RetreatStarted, RetreatStepped, RetreatErred, Paused,
                        Resumed, SoundMuted, SessionResumed})


class LiveScore:
    """A Scorer kept up to date with a growing (or, in a replay, rewound) list of events."""

    def __init__(self, setup: SessionSetup) -> None:
        self.setup = setup
        self.scorer = Scorer(setup)
        self.fed = 0

    def update(self, events: Sequence[Event]) -> Scorer:
        if len(events) < self.fed:                 # rewound: start again
            self.scorer, self.fed = Scorer(self.setup), 0
        for event in events[self.fed:]:
            self.scorer.feed(event)
        self.fed = len(events)
        return self.scorer


def score(setup: SessionSetup, events: Iterable[Event], now: float | None = None) -> Figures:
    """All figures of one session, unrounded (``written`` rounds them once, for writing).
    ``now``: the live clock, for a session still going on."""
    return Scorer(setup).feed_all(events).figures(now)
