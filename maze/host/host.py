"""The session host: one session, its log, and what the room is told, with no pygame.

It owns what used to live in the pygame board besides drawing: the session and its log (write
retries, the full-disk backlog), the live score, the time warnings, the announcements'
triggers (a crossing, a hand-over, a phase change), the column cursor at the start edge, and
the translation of intents into session commands. Its clients (the pygame board, the demo,
the replay, the room's phones) only draw and map input.

Every session event goes through one channel: the log first (on disk before it is heard or
seen), then the host's own reactions (what the screen will show), then each listener in the
order it was added (the screen, the network). Everything runs on the caller's thread; a
network thread hands commands over through a queue that the app loop drains.

Commands name the player who makes them: ``player=None`` is the laptop itself (whoever is at
the board); a named player who is not at the board is refused politely, so a phone can never
move someone else.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from maze.analysis.scores import BoardFigures, Figures, LiveScore
from maze.core.board import Square, parse_square
from maze.core.events import (
    BeepSounded,
    Crossed,
    Event,
    PhaseChanged,
    RetreatErred,
    RetreatStepped,
    SessionEnded,
    StepTaken,
    TurnStarted,
)
from maze.core.record import Record
from maze.core.session import ActionRefused, IllegalMove, Session, SessionSetup
from maze.core.state import Phase, SessionState, StepClass
from maze.host.intents import DEMO, KEYBOARD, MOUSE, Action, Move, Reply
from maze.host.refusals import refusal
from maze.lang import _, n_
from maze.storage.log import SessionLog

FLASH_SECONDS = 0.8
TIME_WARNINGS = (120, 30)          # seconds left
ANNOUNCE_SECONDS = 3.0
HANDOVER_SECONDS = 2.0
CUE_SECONDS = 1.6
NOTICE_SECONDS = 3.5
LOG_RETRY_SECONDS = 2.0

# Sources whose refusals the board shows (a phone is told on the phone instead).
LOCAL_SOURCES = frozenset({KEYBOARD, MOUSE, DEMO})

Listener = Callable[[Event], None]


class Timed(Record, frozen=False):
    """A message shown until ``until``; ``tone`` names its colour (the front end's theme)."""

    text: str
    until: float
    tone: str = "text"


def clock_text(seconds: float) -> str:
    """The clock counts down and shows 0:00 only when time is up.

    >>> clock_text(0.2), clock_text(61), clock_text(0)
    ('0:01', '1:01', '0:00')
    """
    seconds = max(0, int(seconds + 0.999))
    return f"{seconds // 60}:{seconds % 60:02d}"


def execution_progress(state: SessionState) -> tuple[int, int] | None:
    """(players across, players to cross in all) while the room sees execution."""
    if state.shown_phase is not Phase.EXECUTION:
        return None
    owing = [p for p in state.roster if p in state.owes]
    across = [p for p in state.roster if p in state.crossed_execution]
    return len(across), len(across) + len(owing)


def _silent(name: str) -> None:
    """No sound (a headless host)."""


class SessionHost:
    def __init__(self, setup: SessionSetup, log: SessionLog, clock: Callable[[], float],
                 resume: Sequence[Event] | None = None, gap: float | None = None,
                 play: Callable[[str], None] = _silent) -> None:
        """A new session; or, with ``resume`` (the events of an interrupted session, whose log
        ``log`` has been reopened), that session carried on where its log stops. ``play``
        sounds a tone by name ("step", "beep", "repeat", "crossing", "warning")."""
        self.setup = setup
        self.log = log
        self.clock = clock
        self.play = play
        self.listeners: list[Listener] = []
        self.cursor = setup.level.cols // 2
        self.flashes: dict[Square, float] = {}
        self.border_until = 0.0
        self.border_tone = "beep"
        self.announcement: Timed | None = None
        self.cue: Timed | None = None
        self.notice: Timed | None = None
        self.revealing = False
        self.reveal_until = 0.0        # the menu's reveal: shown for a few seconds
        self.finished = False
        self.generation = 0            # bumped whenever anything shown changes
        self._last_class: str | None = None
        self._crossed_by = ""
        self._handover_shown = ""
        self._log_retry_at: float | None = None
        self._said_restored = False
        self._source: str | None = None   # where the command being carried out came from
        self._live = LiveScore(setup)
        # A warning sounds only if that much time was ever left to count down from.
        self._warned: set[int] = {w for w in TIME_WARNINGS if w >= setup.rules.time_limit}
        rng = random.Random(setup.seed)
        if resume is None:
            self.session = Session(setup, clock, rng, self._on_event)
            self.session.start()
        else:
            from maze.storage.log import wall_clock_now
            self.session = Session.resumed(setup, resume, clock, rng, self._on_event,
                                           resumed_at=wall_clock_now(), gap=gap)
            self._resumed()

    def _resumed(self) -> None:
        """Say where the session stands and keep quiet the time warnings already past."""
        state = self.session.state
        left = self.session.time_left()
        self._warned.update(w for w in TIME_WARNINGS
                            if state.clock_started_at is not None and left <= w)
        # The clock beside says how much time is left (a time here would be a second behind
        # it by the next frame).
        # Translators: {keys} is a key combination, Ctrl+Space on an English keyboard
        text = (_("Resumed where it stopped: paused: {keys} goes on").format(keys=_("Ctrl+Space"))
                if state.paused else _("Resumed where it stopped: the clock goes on"))
        self.announcement = Timed(text, self.clock() + ANNOUNCE_SECONDS, "token")

    def _changed(self) -> None:
        self.generation += 1

    # ------------------------------------------------------------------ the event channel
    def listen(self, listener: Listener) -> None:
        """Hear every event from now on, after the log has it and the host has reacted."""
        self.listeners.append(listener)

    def _on_event(self, event: Event) -> None:
        # On disk (in the OS) before it is heard or seen; a step says where it came from.
        self.log.append(event, self._source_of(event))
        if self.log.error is not None and self._log_retry_at is None:
            self._log_retry_at = self.clock() + LOG_RETRY_SECONDS
        self._react(event)
        for listener in self.listeners:
            listener(event)

    def _source_of(self, event: Event) -> str | None:
        """The input a step came from: a step, or a manual retreat's step or error, is made
        by the command being carried out; an automatic walk-back step by nobody."""
        if self._source is None:
            return None
        if isinstance(event, StepTaken) or (
                isinstance(event, RetreatStepped | RetreatErred)
                and self.session.rules.retreat == "manual"):
            return self._source
        return None

    def _react(self, event: Event) -> None:
        now = self.clock()
        match event:
            case StepTaken(class_=cls):
                self._last_class = cls
                if cls in (StepClass.NEW_SAFE, StepClass.KNOWN_SAFE):
                    self.play("step")
            case BeepSounded(square=name):
                repeat = (self._last_class == StepClass.REPEAT_BEEP
                          and self.session.state.memory_aid)
                self.play("repeat" if repeat else "beep")
                self._flash(name, now)
            case RetreatErred(square=name):
                self.play("beep")
                self._flash(name, now)
                self.cue = Timed(_("Wrong way: retrace"), now + CUE_SECONDS, "beep")
            case Crossed(player=player, phase=phase):
                self.play("crossing")
                progress = self.progress()
                if phase == Phase.EXECUTION.value and progress is not None:
                    self._announce(_("{player} crossed: {n} of {total} across").format(
                        player=player, n=progress[0], total=progress[1]),
                        now, ANNOUNCE_SECONDS, "execution")
                self._crossed_by = player
            case PhaseChanged(to=to, cause=cause):
                self._announce_phase(Phase(to), cause, now)
            case TurnStarted(player=player):
                if len(self.session.state.roster) > 1 and event.seq > 2:
                    self._announce(_("{player}, your turn").format(player=player), now,
                                   HANDOVER_SECONDS, "token", append=True)
            case SessionEnded():
                self.finished = True
        self._changed()

    def _flash(self, name: str, now: float) -> None:
        self.flashes[parse_square(name)] = now + FLASH_SECONDS
        self.border_until = now + FLASH_SECONDS
        self.border_tone = "beep"

    def _announce(self, text: str, now: float, seconds: float, tone: str,
                  append: bool = False) -> None:
        """A large, short message across the board. A hand-over right after another message
        joins it ("Ana crossed: 2 of 5 across. Ben, your turn") instead of hiding it."""
        current = self.announcement
        if self._handover_shown and current is not None and current.text == self._handover_shown:
            current = None                 # a hand-over is replaced, never chained
        self._handover_shown = text if append else ""
        if append and current is not None and now < current.until:
            # Translators: two announcements joined, as in "Ana crossed: 2 of 5 across. Ben, your turn"
            joined = _("{first}. {then}").format(first=current.text, then=text)
            self.announcement = Timed(joined, max(current.until, now + seconds), current.tone)
        else:
            self.announcement = Timed(text, now + seconds, tone)

    def _announce_phase(self, phase: Phase, cause: str, now: float) -> None:
        if cause == "path_changed" or (cause == "path_found"
                                       and self.session.state.path_epoch > 0):
            return   # a curveball is never announced, nor the hidden return to execution
        if phase is Phase.EXECUTION:
            text = (_("{player} found the path! Execution: everyone across, no beeps").format(
                        player=self._crossed_by) if self._crossed_by else
                    _("Path found! Execution: everyone across, no beeps"))
        elif phase is Phase.LEARNING:
            text = _("Learning: silence, find the path")
        else:
            text = _("Planning: talk it over")
        self._announce(text, now, ANNOUNCE_SECONDS, phase.value)

    def notify(self, text: str, tone: str = "text") -> None:
        """A short message in the side panel (for the facilitator)."""
        self.notice = Timed(text, self.clock() + NOTICE_SECONDS, tone)
        self._changed()

    def refuse(self, text: str, source: str) -> Reply:
        if source in LOCAL_SOURCES:
            self.cue = Timed(text, self.clock() + CUE_SECONDS, "dim")
            self._changed()
        return Reply(False, text)

    # ------------------------------------------------------------------ what the room sees
    def progress(self) -> tuple[int, int] | None:
        """(players across, players to cross in all) while the room sees execution."""
        return execution_progress(self.session.state)

    def turns_until(self, player: str) -> int | None:
        """How many turns come before ``player``'s (0: at the board now; 1: next; None: not in
        the roster, or not due again, e.g. already across in execution)."""
        state = self.session.state
        if player not in state.roster or state.ended:
            return None
        if state.current_player == player:
            return 0
        upcoming = self.session.upcoming(len(state.roster) + 1)
        if player in upcoming:
            return upcoming.index(player) + 1
        return None

    def live_figures(self) -> Figures:
        """Every figure now, by the same code as `maze score` (fed event by event)."""
        return self._live.update(self.session.events).figures(self.session.now())

    def live_board(self) -> BoardFigures:
        """The headline the room sees, as `maze score` computes its ``board`` block."""
        return self._live.update(self.session.events).board(self.session.now())

    def clock_running(self) -> bool:
        s = self.session.state
        return not s.paused and not s.ended and (
            s.phase is Phase.PLANNING or s.clock_started_at is not None)

    def clock_display(self) -> str:
        planning = self.session.planning_left()
        return clock_text(planning if planning is not None else self.session.time_left())

    # ------------------------------------------------------------------ commands
    def tick(self) -> None:
        """Emit what fell due: read input against the session as it is now, not as it was
        at the last frame (a walk-back may have ended and the next turn begun since)."""
        self.session.tick()

    def _at_board(self, player: str | None) -> str | None:
        """Why ``player`` may not act at the board now (None: they may)."""
        if player is None:
            return None
        state = self.session.state
        if player not in state.roster:
            return _("Not in this team")
        if state.current_player != player:
            return _("Not your turn: {player} is at the board").format(
                player=state.current_player)
        return None

    def move(self, move: Move, player: str | None = None, source: str = KEYBOARD) -> Reply:
        """One step in a direction; at the start edge, Left/Right choose the column and Up
        (or a diagonal up) enters."""
        self.tick()
        if self.finished:
            return Reply(False, _("The session is over"))
        refused = self._at_board(player)
        if refused:
            return self.refuse(refused, source)
        state = self.session.state
        if state.position is None and state.retreat is None:
            if move.drow == 0:                       # choose the column at the start edge
                self.cursor = min(max(0, self.cursor + move.dcol), state.board.cols - 1)
                self._changed()
                return Reply(True)
            if move.drow < 0:
                return self.refuse(_("Up enters the board"), source)
            if move.dcol and not state.board.diagonals:
                return self.refuse(_("No diagonals here"), source)
            target = Square(self.cursor + move.dcol, 0)
        else:
            here = state.position
            assert here is not None
            if move.dcol and move.drow and not state.board.diagonals:
                return self.refuse(_("No diagonals here"), source)
            target = Square(here.col + move.dcol, here.row + move.drow)
        return self._command_move(target, source)

    def choose_column(self, col: int, player: str | None = None, source: str = MOUSE) -> Reply:
        """Light a column of the start edge (a click on the START strip, a phone's choice)."""
        self.tick()
        refused = self._at_board(player)
        if refused:
            return self.refuse(refused, source)
        if not 0 <= col < self.session.state.board.cols:
            return self.refuse(_("Off the board"), source)
        if self.session.state.position is None:
            self.cursor = col
            self._changed()
        return Reply(True)

    def step_to(self, target: Square, player: str | None = None, source: str = MOUSE) -> Reply:
        """A step onto a named square (a click; row -1 is the START strip: choose there)."""
        if target.row == -1 and self.session.state.position is None:
            return self.choose_column(target.col, player, source)
        self.tick()
        if self.finished:
            return Reply(False, _("The session is over"))
        refused = self._at_board(player)
        if refused:
            return self.refuse(refused, source)
        return self._command_move(target, source)

    def _command_move(self, target: Square, source: str) -> Reply:
        self._source = source
        try:
            self.session.move(target)
        except IllegalMove as exc:
            return self.refuse(refusal(exc), source)
        finally:
            self._source = None
        if target.row == 0 and target in self.session.state.board:
            self.cursor = target.col
        self._changed()
        return Reply(True)

    def reveal_for(self, seconds: float) -> Reply:
        """Show the path for a while (the menu's reveal: a mouse cannot hold a key)."""
        try:
            if not self.revealing:
                self.session.reveal()
        except (ActionRefused, IllegalMove) as exc:
            self.notify(refusal(exc), "dim")
            return Reply(False, refusal(exc))
        self.revealing = True
        self.reveal_until = self.clock() + seconds
        self._changed()
        return Reply(True)

    def stop_revealing(self) -> None:
        if self.revealing:
            self.revealing = False
            self._changed()

    def act(self, action: Action, source: str = KEYBOARD, notify: bool = True) -> Reply:
        """Carry out a facilitator's action on the session (from a key, the Esc menu, the
        facilitator's remote). ``notify`` False keeps the side panel quiet (the demo)."""
        from maze.host.actions import carry_out
        return carry_out(self, action, notify)

    def note_muted(self, on: bool) -> None:
        """The front end muted or unmuted its sound: the log records it."""
        try:
            self.session.note_muted(on)
        except (ActionRefused, IllegalMove) as exc:
            self.notify(refusal(exc), "dim")
            return
        self.notify(_("Sound off") if on else _("Sound on"))

    def end(self) -> None:
        if not self.session.state.ended:
            try:
                self.session.end()
            except IllegalMove:
                pass

    # ------------------------------------------------------------------ time
    def _time_warnings(self, now: float) -> None:
        """At 2 minutes and at 30 seconds left: a tone distinct from the beep, a banner, and
        the border in orange, so the room sees and hears it. Each sounds once."""
        state = self.session.state
        if state.ended or state.clock_started_at is None or state.paused:
            return
        left = self.session.time_left()
        due = [w for w in TIME_WARNINGS if left <= w and w not in self._warned]
        if not due:
            return
        self._warned.update(due)
        seconds = min(due)
        text = (n_("{n} minute left", "{n} minutes left", seconds // 60).format(n=seconds // 60)
                if seconds >= 60 else
                n_("{n} second left", "{n} seconds left", seconds).format(n=seconds))
        self.play("warning")
        self.announcement = Timed(text, now + ANNOUNCE_SECONDS, "warning")
        self.border_until = now + FLASH_SECONDS
        self.border_tone = "warning"
        self._changed()

    def update(self) -> None:
        """Emit what fell due, sound the warnings, retry the log, and let timed messages go."""
        self.session.tick()
        now = self.clock()
        self._time_warnings(now)
        if self._log_retry_at is not None and now >= self._log_retry_at:
            self._log_retry_at = None if self.log.flush() else now + LOG_RETRY_SECONDS
            self._changed()
        if self.log.restored and not self._said_restored:    # its folder was removed
            self._said_restored = True
            self.notify(_("The log's folder was removed: the log was written again, whole"),
                        "warning")
        for square, until in list(self.flashes.items()):
            if now >= until:
                del self.flashes[square]
                self._changed()
        for name in ("announcement", "cue", "notice"):
            timed = getattr(self, name)
            if timed is not None and now >= timed.until:
                setattr(self, name, None)
                self._changed()
        if self.reveal_until and now >= self.reveal_until:
            self.reveal_until = 0.0
            self.revealing = False
            self._changed()
        if self.border_until and now >= self.border_until:
            self.border_until = 0.0
            self._changed()

    def wake_in(self) -> float | None:
        """Seconds until the host needs ``update`` without any input (None: never)."""
        now = self.clock()
        times: list[float] = []
        due = self.session.seconds_to_next_due()
        if due is not None:
            times.append(due)
        if self.clock_running():
            left = self.session.planning_left()
            left = self.session.time_left() if left is None else left
            times.append((left % 1.0) + 0.001)
            for warning in TIME_WARNINGS:      # wake exactly when a warning falls due
                if warning not in self._warned and left > warning:
                    times.append(left - warning)
        for until in [*self.flashes.values(), self.border_until, self.reveal_until,
                      *(t.until for t in (self.announcement, self.cue, self.notice) if t)]:
            if until:
                times.append(max(0.0, until - now))
        if self._log_retry_at is not None:
            times.append(max(0.0, self._log_retry_at - now))
        return min(times) if times else None

    def close(self) -> None:
        self.log.close()
