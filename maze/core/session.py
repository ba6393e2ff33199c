"""A live session: commands in, events out.

Each command reads the injected clock, first emits whatever was due by then (an auto-retreat
step, the end of planning, time up) at the moment it fell due, then does its own work. Every
event goes through ``SessionState.apply`` and then to the sink (the session log), so what the
screen shows is already on disk.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any, TypeVar

from maze.core.board import Square
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
from maze.core.level import Level
from maze.core.path import derive_path, path_names
from maze.core.record import Record
from maze.core.rules import Rules
from maze.core.state import SessionState
from maze.core.vocabulary import (
    BEEP_CLASSES,
    Actor,
    Outcome,
    PathSource,
    PenaltyKind,
    Phase,
    PhaseCause,
    RetreatMode,
    StepClass,
)

Clock = Callable[[], float]
E = TypeVar("E", bound=Event)
Sink = Callable[[Event], None]


class IllegalMove(ValueError):
    """A move the rules refuse (off the side, two squares away, while walking back): a gentle cue,
    never a beep, never logged."""


class ActionRefused(ValueError):
    """A facilitator action that cannot happen now (a curveball before the path is known, an
    undo with nothing to undo)."""


# The most players a session takes: the setup screen, the command line and the log reader all
# hold a roster to this (the layouts and the one-page report are drawn for it).
MAX_PLAYERS = 30


class SessionSetup(Record):
    """Everything a session starts from; written whole into the log header."""

    team: str
    roster: tuple[str, ...]
    level: Level
    preset: str
    rules: Rules
    seed: int
    session_id: str
    started_at: str

    def initial_state(self) -> SessionState:
        curveball = self.level.curveball
        alternate = None
        if curveball is not None and curveball.path is not None:
            alternate = tuple(Level(self.level.name, self.level.cols, self.level.rows,
                                    curveball.path).squares())
        return SessionState(
            roster=self.roster, rules=self.rules, board=self.level.board(self.rules),
            path=self.level.squares(), alternate=alternate,
            curveball_after=curveball.after_crossings if curveball else None,
            memory_aid=self.rules.memory_aid)


def make_setup(level: Level, team: str, roster: Sequence[str], preset: str | None,
               flags: dict[str, Any], seed: int, session_id: str,
               started_at: str) -> SessionSetup:
    """A new session's setup: the level's preset (or ``preset``) with ``flags`` on top."""
    preset_name = preset or level.preset
    rules = level.resolve_rules(preset_name, flags)
    return SessionSetup(team=team, roster=tuple(roster), level=level, preset=preset_name,
                        rules=rules, seed=seed, session_id=session_id, started_at=started_at)


def replay(setup: SessionSetup, events: Iterable[Event]) -> SessionState:
    """The state a session had after these events."""
    state = setup.initial_state()
    for event in events:
        state.apply(event)
    return state


class Due(IntEnum):
    """What falls due by itself as time passes; at the same moment, the lower comes first
    (time up before the end of planning before the next step of a walk-back)."""

    TIME_UP = 0
    PLANNING_OVER = 1
    RETREAT_STEP = 2


class Session:
    def __init__(self, setup: SessionSetup, clock: Clock, rng: random.Random,
                 sink: Sink | None = None) -> None:
        if len(set(setup.roster)) != len(setup.roster) or not setup.roster:
            raise ValueError("the roster needs one or more players with distinct names")
        self.setup = setup
        self.state = setup.initial_state()
        self.events: list[Event] = []
        self._clock = clock
        self._rng = rng
        self._sink = sink
        self._origin = clock()
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._batch: list[Event] = []
        # The generator's state before each pending curveball drew its path: undoing the
        # curveball puts it back, so later curveballs draw as if it had never happened.
        self._rng_before: dict[int, Any] = {}

    @classmethod
    def resumed(cls, setup: SessionSetup, events: Iterable[Event], clock: Clock,
                rng: random.Random, sink: Sink | None = None, *, resumed_at: str = "",
                gap: float | None = None) -> Session:
        """Carry on an interrupted session: its state is its events replayed, its clock goes on
        from the last logged moment, and a ``session_resumed`` event records the gap. ``rng``
        is wound on past the curveball paths already drawn, so later ones are the same as had
        the session never stopped."""
        session = cls(setup, clock, rng, sink)
        state = session.state
        for event in events:
            if isinstance(event, CurveballArmed) and event.source == PathSource.GENERATED:
                before = rng.getstate()
                derive_path(state.board, state.path, rng)
                session._rng_before[event.seq] = before
            elif isinstance(event, ActionUndone) and event.undone in session._rng_before:
                rng.setstate(session._rng_before.pop(event.undone))
            state.apply(event)
            session.events.append(event)
        if not session.events:
            raise ActionRefused("nothing to resume: the session never started")
        if state.ended:
            raise ActionRefused("the session has ended: nothing to resume")
        session._origin = clock() - state.t
        if state.paused:
            session._paused_at = clock()
        session._emit(SessionResumed(*session._stamp(state.t), resumed_at=resumed_at,
                      gap=None if gap is None else round(max(0.0, gap), 3)))
        session._batch = []
        return session

    # ----------------------------------------------------------------- clock and emission
    @property
    def rules(self) -> Rules:
        return self.setup.rules

    def now(self) -> float:
        """Active seconds since the session started (pauses excluded), to the millisecond."""
        wall = self._paused_at if self._paused_at is not None else self._clock()
        return max(self.state.t, round(wall - self._origin - self._paused_total, 3))

    def _stamp(self, t: float) -> tuple[int, float]:
        """The next event's number and time (never before the last event's)."""
        return self.state.seq + 1, round(max(t, self.state.t), 3)

    def _emit(self, event: E) -> E:
        """Apply a new event (numbered and timed by ``_stamp``), then hand it to the sink."""
        self.state.apply(event)
        self.events.append(event)
        self._batch.append(event)
        if self._sink is not None:
            self._sink(event)
        return event

    def _command(self) -> float:
        """Start a command: emit what fell due, refuse if the session is over."""
        self._batch = []
        now = self.now()
        self._advance(now)
        if self.state.ended:
            raise IllegalMove("The session is over")
        return now

    def _done(self) -> list[Event]:
        batch, self._batch = self._batch, []
        return batch

    # ----------------------------------------------------------------- scheduling
    def _next_due(self) -> tuple[float, Due] | None:
        s = self.state
        if s.ended or s.phase is None:
            return None
        due: list[tuple[float, Due]] = []
        if s.phase is Phase.PLANNING and s.planning_ends_at is not None:
            due.append((s.planning_ends_at, Due.PLANNING_OVER))
        if s.clock_started_at is not None and s.phase is not Phase.PLANNING:
            due.append((s.clock_started_at + self.rules.time_limit - s.penalty_seconds,
                        Due.TIME_UP))
        if s.retreat is not None and self.rules.retreat == RetreatMode.AUTO:
            due.append((s.retreat_last_t + self.rules.retreat_pace, Due.RETREAT_STEP))
        return min(due) if due else None

    def _advance(self, now: float) -> None:
        while (due := self._next_due()) is not None and due[0] <= now:
            t, kind = due
            if kind == Due.TIME_UP:
                self._emit(SessionEnded(*self._stamp(t), outcome=Outcome.TIME_UP))
            elif kind == Due.PLANNING_OVER:
                self._emit(PhaseChanged(*self._stamp(t), from_=Phase.PLANNING,
                           to=Phase.LEARNING, cause=PhaseCause.PLANNING_OVER))
            else:
                self._retreat_step(t)

    def seconds_to_next_due(self) -> float | None:
        """How long until something happens by itself (for the front end's wait), or None."""
        if self.state.paused:
            return None
        due = self._next_due()
        return None if due is None else max(0.0, due[0] - self.now())

    # ----------------------------------------------------------------- queries
    def time_left(self) -> float:
        return self.state.time_left(self.now())

    def planning_left(self) -> float | None:
        return self.state.planning_left(self.now())

    def eligible(self, player: str) -> bool:
        return self.state.eligible(player)

    def upcoming(self, count: int) -> list[str]:
        return self.state.upcoming(count)

    def can_move(self) -> bool:
        s = self.state
        return not (s.ended or s.paused or s.phase is Phase.PLANNING
                    or (s.retreat is not None and self.rules.retreat == RetreatMode.AUTO))

    # ----------------------------------------------------------------- commands
    def start(self) -> list[Event]:
        if self.events:
            raise ActionRefused("the session has already started")
        self._batch = []
        first = Phase.PLANNING if self.rules.planning > 0 else Phase.LEARNING
        self._emit(PhaseChanged(*self._stamp(0.0), from_=None, to=first, cause=PhaseCause.SESSION_STARTED))
        self._emit(TurnStarted(*self._stamp(0.0), player=self.state.roster[0]))
        return self._done()

    def tick(self) -> list[Event]:
        """Emit whatever fell due by now (call it whenever the front end wakes)."""
        self._batch = []
        self._advance(self.now())
        return self._done()

    def move(self, target: Square) -> list[Event]:
        """The current player steps toward ``target`` (row -1 is the start edge)."""
        now = self._command()
        s = self.state
        if s.paused:
            raise IllegalMove("Paused")
        if s.phase is Phase.PLANNING:
            raise IllegalMove("Planning: no steps yet")
        if s.retreat is not None:
            if self.rules.retreat == RetreatMode.AUTO:
                raise IllegalMove("Wait: walking back")
            self._manual_retreat(target, now)
            return self._done()
        if target not in s.board:
            raise IllegalMove("Off the board")
        if s.position is None:
            if target.row != 0:
                raise IllegalMove("Enter on row 1")
        elif not s.board.adjacent(s.position, target):
            raise IllegalMove("One square at a time")
        self._step(target, now)
        return self._done()

    def _step(self, square: Square, t: float) -> None:
        s = self.state
        player = s.current_player
        known = s.knowledge.get(square)
        safe = square in s.path_set
        if safe:
            cls = StepClass.KNOWN_SAFE if known and not known.beeped else StepClass.NEW_SAFE
        elif known is None:
            cls = StepClass.NEW_BEEP
        else:
            cls = StepClass.REPEAT_BEEP if known.beeped else StepClass.SURPRISE_BEEP
        exploring = known is None or known.epoch < s.path_epoch
        assert s.phase is not None
        # Dwell runs from the player's previous step or the turn's start, or from the end of
        # planning if that came later: planning time is never hesitation (METRICS.md).
        anchor = s.turn_anchor_t if s.clock_started_at is None else max(
            s.turn_anchor_t, s.clock_started_at)
        self._emit(StepTaken(*self._stamp(t), player=player, square=square.name, class_=cls,
                   dwell=round(t - anchor, 3), exploring=exploring,
                   phase=s.phase))
        if cls in BEEP_CLASSES:
            self._emit(BeepSounded(*self._stamp(t), player=player, square=square.name))
            if cls is StepClass.REPEAT_BEEP and self.rules.repeat_beep_cost > 0:
                self._penalty(PenaltyKind.REPEAT_BEEP, self.rules.repeat_beep_cost, Actor.GAME, t)
                if s.ended:
                    return
            self._emit(RetreatStarted(*self._stamp(t), player=player, mode=self.rules.retreat,
                       squares=len(s.trail)))
        elif square == s.path[-1]:
            self._cross(player, t)

    def _cross(self, player: str, t: float) -> None:
        s = self.state
        phase = s.phase
        assert phase is not None
        self._emit(Crossed(*self._stamp(t), player=player, phase=phase))
        if phase is Phase.LEARNING:
            self._emit(PhaseChanged(*self._stamp(t), from_=Phase.LEARNING,
                       to=Phase.EXECUTION, cause=PhaseCause.PATH_FOUND))
        elif (phase is Phase.EXECUTION and s.curveball_after is not None
              and not s.scheduled_fired and s.execution_crossings >= s.curveball_after
              and s.armed_path is None):
            # The scheduled curveball is checked before the completion check.
            found = self._next_curveball_path()
            if found is not None:
                self._emit(CurveballArmed(*self._stamp(t), by=Actor.SCHEDULE,
                                          path=tuple(path_names(found[0])), source=found[1]))
        self._end_turn(t)

    def _end_turn(self, t: float) -> None:
        s = self.state
        if s.armed_path is not None and s.phase is Phase.EXECUTION:
            self._change_path(t)
        if s.phase is Phase.EXECUTION and not s.owes:
            self._emit(SessionEnded(*self._stamp(t), outcome=Outcome.COMPLETED))
            return
        from maze.core.turns import TurnOrder
        index = TurnOrder(s.roster, s.turn).next_index(self.eligible)
        assert index is not None  # somebody owes, or everybody is eligible
        self._emit(TurnStarted(*self._stamp(t), player=s.roster[index]))

    def _change_path(self, t: float) -> None:
        s = self.state
        assert s.armed_path is not None and s.armed_source and s.armed_by
        self._emit(PathChanged(*self._stamp(t), path=tuple(path_names(s.armed_path)), source=s.armed_source,
                   by=s.armed_by))
        self._emit(PhaseChanged(*self._stamp(t), from_=Phase.EXECUTION, to=Phase.LEARNING,
                   cause=PhaseCause.PATH_CHANGED))

    def _retreat_step(self, t: float) -> None:
        s = self.state
        assert s.retreat is not None
        player = s.current_player
        target = s.retreat[0]
        self._emit(RetreatStepped(*self._stamp(t), player=player,
                   square=None if target is None else target.name))
        if target is None:
            self._emit(RetreatDone(*self._stamp(t), player=player))
            self._end_turn(t)

    def _manual_retreat(self, target: Square, t: float) -> None:
        s = self.state
        assert s.retreat is not None and s.position is not None
        expected = s.retreat[0]
        leaving = target.row == -1 and s.position.row == 0 and (
            abs(target.col - s.position.col) <= (1 if s.board.diagonals else 0))
        if (expected is None and leaving) or target == expected:
            self._retreat_step(t)
        elif target in s.board and s.board.adjacent(s.position, target):
            self._emit(RetreatErred(*self._stamp(t), player=s.current_player, square=target.name))
            self._penalty(PenaltyKind.RETREAT_ERROR, self.rules.penalty_cost, Actor.GAME, t)
        else:
            raise IllegalMove("Retrace your steps")

    def _penalty(self, kind: PenaltyKind, cost: float, by: Actor, t: float) -> None:
        self._emit(PenaltyRecorded(*self._stamp(t), kind=kind, cost=cost,
                                   currency=self.rules.currency, by=by))
        budget = self.state.budget_left
        if budget is not None and budget <= 0:
            self._emit(SessionEnded(*self._stamp(t), outcome=Outcome.BUDGET_SPENT))
        else:
            self._advance(t)  # a time penalty may have used up the time left

    def _next_curveball_path(self) -> tuple[tuple[Square, ...], PathSource] | None:
        s = self.state
        if s.path_epoch == 0 and s.alternate is not None and s.alternate != s.path:
            return s.alternate, PathSource.ALTERNATE
        generated = derive_path(s.board, s.path, self._rng)
        return None if generated is None else (generated, PathSource.GENERATED)

    # ----------------------------------------------------------------- facilitator
    def pause(self) -> list[Event]:
        now = self._command()
        if self.state.paused:
            raise ActionRefused("Already paused")
        self._emit(Paused(*self._stamp(now)))
        self._paused_at = self._clock()
        return self._done()

    def resume(self) -> list[Event]:
        self._batch = []
        if self._paused_at is None or self.state.ended:
            raise ActionRefused("Not paused")
        now = self.now()
        self._paused_total += self._clock() - self._paused_at
        self._paused_at = None
        self._emit(Resumed(*self._stamp(now)))
        return self._done()

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.state.paused else self.pause()

    def end_planning(self) -> list[Event]:
        now = self._command()
        if self.state.phase is not Phase.PLANNING:
            raise ActionRefused("No planning to end")
        self._emit(PhaseChanged(*self._stamp(now), from_=Phase.PLANNING, to=Phase.LEARNING,
                   cause=PhaseCause.ENDED_BY_FACILITATOR))
        return self._done()

    def curveball(self) -> list[Event]:
        """Change the hidden path, silently, at the start of the next turn."""
        now = self._command()
        s = self.state
        if s.phase is not Phase.EXECUTION:
            if s.path_epoch > 0:
                raise ActionRefused("Curveball refused: the path changed already")
            raise ActionRefused("Curveball refused: no path found yet")
        if s.armed_path is not None:
            raise ActionRefused("Curveball already waiting")
        before = self._rng.getstate()
        found = self._next_curveball_path()
        if found is None:
            raise ActionRefused("Curveball refused: no other path")
        armed = self._emit(CurveballArmed(*self._stamp(now), by=Actor.FACILITATOR,
                                          path=tuple(path_names(found[0])), source=found[1]))
        if found[1] is PathSource.GENERATED:
            self._rng_before[armed.seq] = before
        if s.position is None and s.steps_this_turn == 0:
            self._change_path(now)  # nobody has stepped this turn: nothing under their feet
        return self._done()

    def penalty(self, kind: PenaltyKind | str) -> list[Event]:
        """The facilitator records an infraction (the front end's keymap gives its text)."""
        try:
            infraction = PenaltyKind(kind)
        except ValueError:
            raise ActionRefused(f"No such penalty: {kind}") from None
        now = self._command()
        self._penalty(infraction, self.rules.penalty_cost, Actor.FACILITATOR, now)
        return self._done()

    def skip(self) -> list[Event]:
        now = self._command()
        self._emit(PlayerSkipped(*self._stamp(now), player=self.state.current_player))
        self._end_turn(now)
        return self._done()

    def undo(self) -> list[Event]:
        """Take back the facilitator's last action that can still be taken back (a penalty, a
        skip before the next move, a curveball not yet in effect, a memory-aid toggle) with a
        compensating event; the log keeps both."""
        now = self._command()
        if not self.state.undoable:
            raise ActionRefused("Nothing to undo")
        entry = self.state.undoable[-1]
        self._emit(ActionUndone(*self._stamp(now), undone=entry.seq, action=entry.action))
        if entry.seq in self._rng_before:
            self._rng.setstate(self._rng_before.pop(entry.seq))
        return self._done()

    def toggle_memory_aid(self) -> list[Event]:
        now = self._command()
        self._emit(MemoryAidToggled(*self._stamp(now), on=not self.state.memory_aid))
        return self._done()

    def note_muted(self, on: bool) -> list[Event]:
        """Sound is the front end's business; the log records that the facilitator muted it."""
        now = self._command()
        self._emit(SoundMuted(*self._stamp(now), on=on))
        return self._done()

    def reveal(self) -> list[Event]:
        now = self._command()
        self._emit(PathRevealed(*self._stamp(now)))
        return self._done()

    def end(self) -> list[Event]:
        now = self._command()
        self._emit(SessionEnded(*self._stamp(now), outcome=Outcome.ENDED_BY_FACILITATOR))
        return self._done()
