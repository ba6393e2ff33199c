"""The state of a session, rebuilt by applying events one by one.

``apply`` is the only place state changes: the live session applies each event it emits, and a
replay applies the events of a log, so both arrive at the same state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from maze.core.board import Board, Square, parse_square
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
    StepTaken,
    TurnStarted,
)
from maze.core.path import parse_path
from maze.core.record import Record, field
from maze.core.rules import Rules
from maze.core.vocabulary import (
    BEEP_CLASSES,
    Actor,
    Currency,
    Outcome,
    PathSource,
    Phase,
    UndoAction,
)
from maze.core.vocabulary import StepClass as StepClass  # where the front end has found it


class Knowledge(Record):
    """What the team learned of a square the last time anyone stepped on it."""

    beeped: bool
    epoch: int       # how many path changes had happened when it was learned


# What taking back a facilitator's action restores, one record per kind of action (taking
# back a curveball restores nothing: it only disarms it).
class PenaltyRefund(Record):
    cost: float
    currency: Currency


class MemoryAidBefore(Record):
    on: bool


class TurnBeforeSkip(Record):
    """The turn as it was when the player was skipped, to carry on as if never skipped."""

    player: str
    turn: int
    position: Square | None
    trail: tuple[Square, ...]
    retreat: tuple[Square | None, ...] | None
    retreat_last_t: float
    turn_anchor_t: float
    steps_this_turn: int
    was_excused: bool
    was_owing: bool


class Undoable(Record):
    """A facilitator's action that Ctrl+Z can still take back, and what taking it back restores."""

    seq: int
    action: UndoAction
    restore: PenaltyRefund | MemoryAidBefore | TurnBeforeSkip | None = None


class SessionState(Record, frozen=False):
    roster: tuple[str, ...]
    rules: Rules
    board: Board
    path: tuple[Square, ...]
    alternate: tuple[Square, ...] | None = None
    curveball_after: int | None = None
    seq: int = 0
    t: float = 0.0
    phase: Phase | None = None
    outcome: Outcome | None = None
    turn: int = 0
    position: Square | None = None
    trail: list[Square] = field(default_factory=list)
    retreat: list[Square | None] | None = None   # squares still to walk back; None = off board
    retreat_last_t: float = 0.0
    turn_anchor_t: float = 0.0
    steps_this_turn: int = 0
    clock_started_at: float | None = None
    planning_ends_at: float | None = None
    paused: bool = False
    path_epoch: int = 0
    knowledge: dict[Square, Knowledge] = field(default_factory=dict)
    crossed_execution: set[str] = field(default_factory=set)   # of the current path
    crossed_any: set[str] = field(default_factory=set)         # of the current path
    excused: set[str] = field(default_factory=set)
    owes: set[str] = field(default_factory=set)
    execution_crossings: int = 0
    armed_path: tuple[Square, ...] | None = None
    armed_source: PathSource | None = None
    armed_by: Actor | None = None
    scheduled_fired: bool = False
    penalty_seconds: float = 0.0
    points_spent: float = 0.0
    memory_aid: bool = False
    reveals: int = 0
    steps: int = 0
    beeps: int = 0
    crossings: int = 0
    retreat_errors: int = 0
    undoable: list[Undoable] = field(default_factory=list)   # newest last

    @property
    def ended(self) -> bool:
        return self.outcome is not None

    @property
    def current_player(self) -> str:
        return self.roster[self.turn]

    @property
    def path_set(self) -> frozenset[Square]:
        return frozenset(self.path)

    @property
    def shown_phase(self) -> Phase | None:
        """The phase the screen shows: a curveball's hidden relearning still reads Execution."""
        if self.phase is Phase.LEARNING and self.path_epoch > 0:
            return Phase.EXECUTION
        return self.phase

    @property
    def budget_left(self) -> float | None:
        if self.rules.currency != Currency.POINTS or self.rules.budget is None:
            return None
        return self.rules.budget - self.points_spent

    # ----------------------------------------------------------------- queries at a moment
    def time_left(self, now: float) -> float:
        """Seconds left at active time ``now`` (the full limit until the clock starts)."""
        limit = self.rules.time_limit - self.penalty_seconds
        if self.clock_started_at is None:
            return max(0.0, limit)
        return max(0.0, self.clock_started_at + limit - (self.t if self.ended else now))

    def planning_left(self, now: float) -> float | None:
        if self.phase is not Phase.PLANNING or self.planning_ends_at is None:
            return None
        return max(0.0, self.planning_ends_at - now)

    def eligible(self, player: str) -> bool:
        """Who may take a turn: everyone, except in execution only those who owe a crossing."""
        return self.phase is not Phase.EXECUTION or player in self.owes

    def upcoming(self, count: int) -> list[str]:
        from maze.core.turns import TurnOrder
        return TurnOrder(self.roster, self.turn).upcoming(count, self.eligible)

    def apply(self, event: Event) -> None:
        """The one place state changes: each event type has its handler (``_APPLY``, below
        the class); the events no state depends on (a sound muted, a resumption) have none."""
        self.seq = event.seq
        self.t = event.t
        handler = _APPLY.get(type(event))
        if handler is not None:
            handler(self, event)

    # ----------------------------------------------------------------- one handler per event
    def _phase_changed(self, event: PhaseChanged) -> None:
        previous, self.phase = self.phase, Phase(event.to)
        if self.phase is Phase.PLANNING:
            self.planning_ends_at = event.t + self.rules.planning
        if previous is Phase.PLANNING:
            self.clock_started_at = event.t
        if self.phase is Phase.EXECUTION:
            self.owes = self._owing()

    def _turn_started(self, event: TurnStarted) -> None:
        self.turn = self.roster.index(event.player)
        self._leave_board()
        self.turn_anchor_t = event.t
        self.steps_this_turn = 0

    def _step_taken(self, event: StepTaken) -> None:
        self._moved()
        square = parse_square(event.square)
        if self.clock_started_at is None:
            self.clock_started_at = event.t
        self.knowledge[square] = Knowledge(event.class_ in BEEP_CLASSES, self.path_epoch)
        self.position = square
        self.trail.append(square)
        self.turn_anchor_t = event.t
        self.steps_this_turn += 1
        self.steps += 1

    def _beep_sounded(self, event: BeepSounded) -> None:
        self.beeps += 1

    def _retreat_started(self, event: RetreatStarted) -> None:
        walk_back: list[Square | None] = list(reversed(self.trail[:-1]))
        self.retreat = walk_back + [None]
        self.retreat_last_t = event.t

    def _retreat_stepped(self, event: RetreatStepped) -> None:
        self._moved()
        assert self.retreat is not None
        self.retreat.pop(0)
        self.position = None if event.square is None else parse_square(event.square)
        self.retreat_last_t = event.t

    def _retreat_erred(self, event: RetreatErred) -> None:
        self.retreat_errors += 1

    def _retreat_done(self, event: RetreatDone) -> None:
        self._leave_board()

    def _crossed(self, event: Crossed) -> None:
        self.crossings += 1
        self._leave_board()
        self.crossed_any.add(event.player)
        if self.phase is Phase.EXECUTION:
            self.crossed_execution.add(event.player)
            self.owes.discard(event.player)
            self.execution_crossings += 1

    def _paused(self, event: Paused) -> None:
        self.paused = True

    def _resumed(self, event: Resumed) -> None:
        self.paused = False

    def _curveball_armed(self, event: CurveballArmed) -> None:
        if event.by == Actor.FACILITATOR:
            self.undoable.append(Undoable(event.seq, UndoAction.CURVEBALL))
        self.armed_path = parse_path(event.path)
        self.armed_by = event.by
        self.armed_source = event.source
        if event.by == Actor.SCHEDULE:
            self.scheduled_fired = True

    def _path_changed(self, event: PathChanged) -> None:
        self._moved()   # whatever was skipped stays skipped once the path has changed
        self.undoable = [u for u in self.undoable if u.action != UndoAction.CURVEBALL]
        self.path = parse_path(event.path)
        self.path_epoch += 1
        self.armed_path = self.armed_source = self.armed_by = None
        self.crossed_execution = set()
        self.crossed_any = set()

    def _path_revealed(self, event: PathRevealed) -> None:
        self.reveals += 1

    def _memory_aid_toggled(self, event: MemoryAidToggled) -> None:
        self.undoable.append(Undoable(event.seq, UndoAction.MEMORY_AID,
                                      MemoryAidBefore(self.memory_aid)))
        self.memory_aid = bool(event.on)

    def _penalty_recorded(self, event: PenaltyRecorded) -> None:
        cost, currency = event.cost, event.currency
        if event.by == Actor.FACILITATOR:
            self.undoable.append(Undoable(event.seq, UndoAction.PENALTY,
                                          PenaltyRefund(cost, currency)))
        if currency == Currency.POINTS:
            self.points_spent += cost
        else:
            self.penalty_seconds += cost

    def _player_skipped(self, event: PlayerSkipped) -> None:
        player = event.player
        self.undoable.append(Undoable(event.seq, UndoAction.SKIP, TurnBeforeSkip(
            player=player, turn=self.turn, position=self.position, trail=tuple(self.trail),
            retreat=None if self.retreat is None else tuple(self.retreat),
            retreat_last_t=self.retreat_last_t, turn_anchor_t=self.turn_anchor_t,
            steps_this_turn=self.steps_this_turn, was_excused=player in self.excused,
            was_owing=player in self.owes)))
        self._leave_board()
        if self.phase is Phase.EXECUTION:
            self.excused.add(player)
            self.owes.discard(player)

    def _action_undone(self, event: ActionUndone) -> None:
        for i, entry in enumerate(self.undoable):
            if entry.seq == event.undone:
                del self.undoable[i]
                self._undo(entry)
                break          # an undo of nothing undoable changes nothing

    def _session_ended(self, event: SessionEnded) -> None:
        self.outcome = event.outcome
        self.undoable = []

    # ----------------------------------------------------------------- helpers
    def _moved(self) -> None:
        """Someone moved: a skip can no longer be taken back (the turn has been played)."""
        if self.undoable:
            self.undoable = [u for u in self.undoable if u.action != UndoAction.SKIP]

    def _undo(self, entry: Undoable) -> None:
        """Put back what the action changed, as if it had never happened."""
        match entry.restore:
            case PenaltyRefund(cost=cost, currency=currency):
                if currency == Currency.POINTS:
                    self.points_spent -= cost
                else:
                    self.penalty_seconds -= cost
            case MemoryAidBefore(on=on):
                self.memory_aid = on
            case TurnBeforeSkip() as before:
                self.turn, self.position = before.turn, before.position
                self.trail = list(before.trail)
                self.retreat = None if before.retreat is None else list(before.retreat)
                self.retreat_last_t = before.retreat_last_t
                self.turn_anchor_t = before.turn_anchor_t
                self.steps_this_turn = before.steps_this_turn
                if not before.was_excused:
                    self.excused.discard(before.player)
                if before.was_owing:
                    self.owes.add(before.player)
            case None:                 # a curveball: disarmed
                self.armed_path = self.armed_source = self.armed_by = None

    def _leave_board(self) -> None:
        self.position = None
        self.trail = []
        self.retreat = None

    def _owing(self) -> set[str]:
        """Who must cross now that the path is (again) known."""
        done = self.crossed_execution | self.excused
        if self.rules.execution == "remaining":
            done |= self.crossed_any
        return {p for p in self.roster if p not in done}


# What each event does to the state, one handler per event type (looked up by exact type:
# no event type derives from another). Events absent here change nothing but seq and t.
_APPLY: dict[type[Event], Callable[[SessionState, Any], None]] = {
    PhaseChanged: SessionState._phase_changed,
    TurnStarted: SessionState._turn_started,
    StepTaken: SessionState._step_taken,
    BeepSounded: SessionState._beep_sounded,
    RetreatStarted: SessionState._retreat_started,
    RetreatStepped: SessionState._retreat_stepped,
    RetreatErred: SessionState._retreat_erred,
    RetreatDone: SessionState._retreat_done,
    Crossed: SessionState._crossed,
    Paused: SessionState._paused,
    Resumed: SessionState._resumed,
    CurveballArmed: SessionState._curveball_armed,
    PathChanged: SessionState._path_changed,
    PathRevealed: SessionState._path_revealed,
    MemoryAidToggled: SessionState._memory_aid_toggled,
    PenaltyRecorded: SessionState._penalty_recorded,
    PlayerSkipped: SessionState._player_skipped,
    ActionUndone: SessionState._action_undone,
    SessionEnded: SessionState._session_ended,
}
