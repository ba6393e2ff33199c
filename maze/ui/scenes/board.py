"""The board: the projector view where the team plays.

Input becomes intents (keymap), intents become session commands, and the session's events come
back through ``_on_event``: written to the log first, then heard and seen.
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from typing import Any

import pygame

from maze.analysis.scores import BoardFigures, Figures, LiveScore
from maze.core.board import Square
from maze.core.events import (
    BeepSounded,
    Crossed,
    Event,
    PhaseChanged,
    RetreatErred,
    SessionEnded,
    StepTaken,
    TurnStarted,
)
from maze.core.record import Record
from maze.core.session import ActionRefused, IllegalMove, Session, SessionSetup
from maze.core.state import Phase, StepClass
from maze.storage.log import SessionLog
from maze.ui import theme
from maze.ui.app import App, Push, Replace, Scene, Transition
from maze.ui.keymap import PENALTY_KINDS, Action, Move, ctrl_held, intent_for, is_move_key
from maze.ui.layout import Layout, compute

# MAZE_REPORT_EVENTS=1 prints each event's number once it is in the log (the kill test reads it).
_REPORT_EVENTS = bool(os.environ.get("MAZE_REPORT_EVENTS"))
FLASH_SECONDS = 0.8
TIME_WARNINGS = (120, 30)          # seconds left
ANNOUNCE_SECONDS = 3.0
HANDOVER_SECONDS = 2.0
CUE_SECONDS = 1.6
NOTICE_SECONDS = 3.5
LOG_RETRY_SECONDS = 2.0

PHASE_TEXT = {
    Phase.PLANNING: ("Planning", "talk it over", theme.PLANNING),
    Phase.LEARNING: ("Learning", "find the path", theme.LEARNING),
    Phase.EXECUTION: ("Execution", "all across, no beeps", theme.EXECUTION),
}


class Timed(Record, frozen=False):
    text: str
    until: float
    color: tuple[int, int, int] = theme.TEXT


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds + 0.999))   # count down: show 0:00 only when time is up
    return f"{seconds // 60}:{seconds % 60:02d}"


class BoardScene(Scene):
    def __init__(self, app: App, setup: SessionSetup, log: SessionLog,
                 resume: Sequence[Event] | None = None, gap: float | None = None) -> None:
        """A new session; or, with ``resume`` (the events of an interrupted session, whose log
        ``log`` has been reopened), that session carried on where its log stops."""
        super().__init__(app)
        self.setup = setup
        self.log = log
        self.cursor = setup.level.cols // 2
        self.flashes: dict[Square, float] = {}
        self.border_until = 0.0
        self.announcement: Timed | None = None
        self.cue: Timed | None = None
        self.notice: Timed | None = None
        self.revealing = False
        self.reveal_until = 0.0        # the menu's reveal: shown for a few seconds
        self.finished = False
        self._last_class: str | None = None
        self._layout: Layout | None = None
        self._static: pygame.Surface | None = None
        self._log_retry_at: float | None = None
        self._live = LiveScore(setup)
        # A warning sounds only if that much time was ever left to count down from.
        self._warned: set[int] = {w for w in TIME_WARNINGS if w >= setup.rules.time_limit}
        self.border_color = theme.BEEP
        self._shown: tuple[dict[str, Any], dict[str, Any]] | None = None
        rng = random.Random(setup.seed)
        if resume is None:
            self.session = Session(setup, app.clock, rng, self._on_event)
            self.session.start()
        else:
            from maze.storage.log import wall_clock_now
            self.session = Session.resumed(setup, resume, app.clock, rng, self._on_event,
                                           resumed_at=wall_clock_now(), gap=gap)
            self._resumed()
        if app.sound.notice:
            self._notify(app.sound.notice, theme.WARNING)

    def _resumed(self) -> None:
        """Say where the session stands, keep quiet the time warnings already past, and stay
        muted if the facilitator had muted the sound."""
        from maze.core.events import SoundMuted
        muted = [e.on for e in self.session.events if isinstance(e, SoundMuted)]
        if muted and muted[-1]:
            self.app.sound.muted = True
        state = self.session.state
        left = self.session.time_left()
        self._warned.update(w for w in TIME_WARNINGS
                            if state.clock_started_at is not None and left <= w)
        # The clock beside says how much time is left (a time here would be a second behind
        # it by the next frame).
        where = "paused: Ctrl+Space goes on" if state.paused else "the clock goes on"
        self.announcement = Timed(f"Resumed where it stopped: {where}",
                                  self.app.clock() + ANNOUNCE_SECONDS, theme.TOKEN)

    # ------------------------------------------------------------------ events from the core
    def _on_event(self, event: Event) -> None:
        self.log.append(event)     # on disk (in the OS) before it is heard or seen
        if _REPORT_EVENTS:         # for the kill test: "this event is done", after it is written
            print(f"event {event.seq}", flush=True)
        if self.log.error is not None and self._log_retry_at is None:
            self._log_retry_at = self.app.clock() + LOG_RETRY_SECONDS
        now = self.app.clock()
        sound = self.app.sound
        match event:
            case StepTaken(class_=cls):
                self._last_class = cls
                if cls in (StepClass.NEW_SAFE, StepClass.KNOWN_SAFE):
                    sound.play("step")
            case BeepSounded(square=name):
                repeat = (self._last_class == StepClass.REPEAT_BEEP
                          and self.session.state.memory_aid)
                sound.play("repeat" if repeat else "beep")
                self._flash(name, now)
            case RetreatErred(square=name):
                sound.play("beep")
                self._flash(name, now)
                self.cue = Timed("Wrong way: retrace", now + CUE_SECONDS, theme.BEEP)
            case Crossed(player=player, phase=phase):
                sound.play("crossing")
                state = self.session.state
                if phase == Phase.EXECUTION.value and state.shown_phase is Phase.EXECUTION:
                    across = sum(1 for p in state.roster if p in state.crossed_execution)
                    total = across + sum(1 for p in state.roster if p in state.owes)
                    self._announce(f"{player} crossed: {across} of {total} across", now,
                                   ANNOUNCE_SECONDS, theme.EXECUTION)
                self._crossed_by = player
            case PhaseChanged(to=to, cause=cause):
                self._announce_phase(Phase(to), cause, now)
            case TurnStarted(player=player):
                if len(self.session.state.roster) > 1 and event.seq > 2:
                    self._announce(f"{player}, your turn", now, HANDOVER_SECONDS, theme.TOKEN,
                                   append=True)
            case SessionEnded():
                self.finished = True
        self.dirty = True

    def _flash(self, name: str, now: float) -> None:
        from maze.core.board import parse_square
        self.flashes[parse_square(name)] = now + FLASH_SECONDS
        self.border_until = now + FLASH_SECONDS
        self.border_color = theme.BEEP

    _crossed_by = ""
    _handover_shown = ""

    def _announce(self, text: str, now: float, seconds: float, color: tuple[int, int, int],
                  append: bool = False) -> None:
        """A large, short message across the board. A hand-over right after another message
        joins it ("Ana crossed: 2 of 5 across. Ben, your turn") instead of hiding it."""
        current = self.announcement
        if self._handover_shown and current is not None and current.text == self._handover_shown:
            current = None                 # a hand-over is replaced, never chained
        self._handover_shown = text if append else ""
        if append and current is not None and now < current.until:
            self.announcement = Timed(f"{current.text}. {text}", max(current.until, now + seconds),
                                      current.color)
        else:
            self.announcement = Timed(text, now + seconds, color)

    def _announce_phase(self, phase: Phase, cause: str, now: float) -> None:
        if cause == "path_changed" or (cause == "path_found"
                                       and self.session.state.path_epoch > 0):
            return   # a curveball is never announced, nor the hidden return to execution
        if phase is Phase.EXECUTION:
            who = f"{self._crossed_by} found the path!" if self._crossed_by else "Path found!"
            text = f"{who} Execution: everyone across, no beeps"
        elif phase is Phase.LEARNING:
            text = "Learning: silence, find the path"
        else:
            text = "Planning: talk it over"
        self._announce(text, now, ANNOUNCE_SECONDS, PHASE_TEXT[phase][2])

    def notify(self, text: str, color: tuple[int, int, int] = theme.WARNING) -> None:
        """A short message in the side panel (for the facilitator)."""
        self._notify(text, color)

    def _notify(self, text: str, color: tuple[int, int, int] = theme.TEXT) -> None:
        self.notice = Timed(text, self.app.clock() + NOTICE_SECONDS, color)
        self.dirty = True

    def _refuse(self, text: str) -> None:
        self.cue = Timed(text, self.app.clock() + CUE_SECONDS, theme.TEXT_DIM)
        self.dirty = True

    # ------------------------------------------------------------------ input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.finished:
            return None
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            # Read the input against the session as it is now, not as it was at the last
            # frame: a walk-back may have ended, and the next player's turn begun, since.
            self.session.tick()
            if self.finished:
                return None
        if event.type == pygame.KEYDOWN:
            intent = intent_for(event)
            if intent is None:
                if ctrl_held(event) and is_move_key(event):
                    self._refuse("Release Ctrl to move")
                return None
            if isinstance(intent, Move):
                self._move(intent)
                return None
            return self._action(intent)
        if event.type == pygame.KEYUP and event.key == pygame.K_r and self.revealing:
            self.revealing = False
            self.dirty = True
        elif event.type == pygame.WINDOWFOCUSLOST and self.revealing:
            self.revealing = False
            self.dirty = True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        return None

    def _move(self, move: Move) -> None:
        state = self.session.state
        if state.position is None and state.retreat is None:
            if move.drow == 0:                       # choose the column at the start edge
                self.cursor = min(max(0, self.cursor + move.dcol), state.board.cols - 1)
                self.dirty = True
                return
            if move.drow < 0:
                self._refuse("Up enters the board")
                return
            if move.dcol and not state.board.diagonals:
                self._refuse("No diagonals here")
                return
            target = Square(self.cursor + move.dcol, 0)
        else:
            here = state.position
            assert here is not None
            if move.dcol and move.drow and not state.board.diagonals:
                self._refuse("No diagonals here")
                return
            target = Square(here.col + move.dcol, here.row + move.drow)
        self._command_move(target)

    def _click(self, pos: tuple[int, int]) -> None:
        layout = self.layout()
        target = layout.square_at(pos)
        if target is None:
            return
        state = self.session.state
        if target.row == -1 and state.position is None:
            self.cursor = target.col
            self.dirty = True
            return
        self._command_move(target)

    def _command_move(self, target: Square) -> None:
        try:
            self.session.move(target)
        except IllegalMove as exc:
            self._refuse(str(exc))
            return
        if target.row == 0 and target in self.session.state.board:
            self.cursor = target.col

    def reveal_for(self, seconds: float) -> None:
        """Show the path for a while (the menu's reveal: a mouse cannot hold a key)."""
        try:
            if not self.revealing:
                self.session.reveal()
        except (ActionRefused, IllegalMove) as exc:
            self._notify(str(exc), theme.TEXT_DIM)
            return
        self.revealing = True
        self.reveal_until = self.app.clock() + seconds
        self.dirty = True

    def act(self, action: Action) -> Transition | None:
        """Carry out a facilitator's action (from a key, or from the Esc menu)."""
        return self._action(action)

    def _action(self, action: Action) -> Transition | None:
        from maze.ui.scenes.overlays import ConfirmEnd, HelpOverlay, MenuOverlay
        session = self.session
        try:
            match action:
                case Action.HELP:
                    return Push(HelpOverlay(self.app, self))
                case Action.MENU:
                    return Push(MenuOverlay(self.app, self))
                case Action.END_SESSION:
                    return Push(ConfirmEnd(self.app, self))
                case Action.MUTE:
                    self.app.sound.muted = not self.app.sound.muted
                    session.note_muted(self.app.sound.muted)
                    self._notify("Sound off" if self.app.sound.muted else "Sound on")
                case Action.PAUSE:
                    session.toggle_pause()
                case Action.END_PLANNING:
                    session.end_planning()
                case Action.REVEAL:
                    if not self.revealing:
                        session.reveal()
                        self.revealing = True
                case Action.CURVEBALL:
                    session.curveball()    # silent: nothing on screen changes
                case Action.SKIP:
                    player = session.state.current_player
                    session.skip()
                    self._notify(f"Skipped {player}")
                case Action.UNDO:
                    session.undo()
                    self._notify(self._undone_text(), theme.TEXT)
                case Action.MEMORY_AID:
                    session.toggle_memory_aid()
                    self._notify("Memory aid " + ("on" if session.state.memory_aid else "off"))
                case _ if action in PENALTY_KINDS:
                    kind = PENALTY_KINDS[action]
                    session.penalty(kind)
                    cost = session.rules.penalty_cost
                    unit = " s" if session.rules.currency == "seconds" else " points"
                    self._notify(f"Penalty: {kind.replace('_', ' ')} (-{cost:g}{unit})",
                                 theme.WARNING)
        except (ActionRefused, IllegalMove) as exc:
            self._notify(str(exc), theme.TEXT_DIM)
        self.dirty = True
        return None

    def _undone_text(self) -> str:
        """What Ctrl+Z just took back, in the facilitator's words."""
        from maze.core.events import ActionUndone, PenaltyRecorded, PlayerSkipped
        events = self.session.events
        undo = next(e for e in reversed(events) if isinstance(e, ActionUndone))
        target = next((e for e in reversed(events) if e.seq == undo.undone), None)
        match target:
            case PenaltyRecorded(kind=kind, cost=cost):
                unit = " s" if target.currency == "seconds" else " points"
                return f"Undone: penalty for {kind.replace('_', ' ')} (+{cost:g}{unit} back)"
            case PlayerSkipped():
                return f"Undone: skip. {self.session.state.current_player}'s turn again"
        if undo.action == "curveball":
            return "Undone: the curveball (the path stays as it is)"
        return "Undone: memory aid " + ("on" if self.session.state.memory_aid else "off") + " again"

    def end_session(self) -> None:
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
        text = f"{seconds // 60} minutes left" if seconds >= 60 else f"{seconds} seconds left"
        self.app.sound.play("warning")
        self.announcement = Timed(text, now + ANNOUNCE_SECONDS, theme.WARNING)
        self.border_until = now + FLASH_SECONDS
        self.border_color = theme.WARNING
        self.dirty = True

    def update(self) -> Transition | None:
        self.session.tick()
        now = self.app.clock()
        self._time_warnings(now)
        if self._log_retry_at is not None and now >= self._log_retry_at:
            self._log_retry_at = None if self.log.flush() else now + LOG_RETRY_SECONDS
            self.dirty = True
        for square, until in list(self.flashes.items()):
            if now >= until:
                del self.flashes[square]
                self.dirty = True
        for name in ("announcement", "cue", "notice"):
            timed = getattr(self, name)
            if timed is not None and now >= timed.until:
                setattr(self, name, None)
                self.dirty = True
        if self.reveal_until and now >= self.reveal_until:
            self.reveal_until = 0.0
            self.revealing = False
            self.dirty = True
        if self.border_until and now >= self.border_until:
            self.border_until = 0.0
            self.dirty = True
        if self.finished:
            from maze.ui.scenes.debrief import DebriefScene
            self.log.flush()
            return Replace(DebriefScene(self.app, self.setup, self.session.events, self.log.path))
        if self._clock_running():
            self.dirty = self.dirty or self._shown_clock != self._clock_display()
        return None

    def _clock_running(self) -> bool:
        s = self.session.state
        return not s.paused and not s.ended and (
            s.phase is Phase.PLANNING or s.clock_started_at is not None)

    def _clock_display(self) -> str:
        planning = self.session.planning_left()
        return clock_text(planning if planning is not None else self.session.time_left())

    _shown_clock = ""

    def wake_in(self) -> float | None:
        now = self.app.clock()
        times: list[float] = []
        due = self.session.seconds_to_next_due()
        if due is not None:
            times.append(due)
        if self._clock_running():
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

    def closing(self) -> None:
        self.log.close()

    def live_figures(self) -> Figures:
        """Every figure now, by the same code as `maze score` (fed event by event)."""
        return self._live.update(self.session.events).figures(self.session.now())

    def live_board(self) -> BoardFigures:
        """The headline the room sees, as `maze score` computes its ``board`` block."""
        return self._live.update(self.session.events).board(self.session.now())

    # ------------------------------------------------------------------ drawing
    def layout(self) -> Layout:
        w, h = self.app.size
        level = self.setup.level
        if self._layout is None or (self._layout.width, self._layout.height) != (w, h):
            self._layout = compute(w, h, level.cols, level.rows)
            self._static = None
        return self._layout

    def resized(self) -> None:
        self._layout = None
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Draw what changed since the last frame (and return where), or everything (None)."""
        from maze.ui.scenes.render import (
            board_content,
            dirty_rects,
            draw_board_dynamic,
            draw_board_static,
            draw_hud,
            hud_content,
        )
        layout = self.layout()
        if self._static is None:
            self._static = draw_board_static(self.app.text, layout, self.setup.level.cols)
            self.full_redraw = True
        content = (board_content(self), hud_content(self))
        self._shown_clock = self._clock_display()
        if self.full_redraw or self._shown is None:
            surface.blit(self._static, (0, 0))
            draw_board_dynamic(self, surface, layout)
            draw_hud(self, surface, layout, content[1])
            self._shown, self.full_redraw = content, False
            return None
        rects = dirty_rects(self._shown, content, layout)
        for rect in rects:
            surface.set_clip(rect)
            surface.blit(self._static, rect, area=rect)
            draw_board_dynamic(self, surface, layout)
            draw_hud(self, surface, layout, content[1])
        surface.set_clip(None)
        self._shown = content
        return rects
