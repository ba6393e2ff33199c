"""Replay: a session played back on the board, drawn exactly as it was live.

Space pauses; Right / Left step one event forward or back; Up / Down (or + / -) change the
speed (1x to 16x); Home and End jump to the start or the end; a click on the timeline jumps
there; P shows the path; D opens the debrief; Esc quits. Works from the log alone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pygame

from maze.analysis.debrief import timeline
from maze.analysis.scores import BoardFigures, LiveScore
from maze.core.board import parse_square
from maze.core.events import BeepSounded, Crossed, Event, PhaseChanged, RetreatErred, StepTaken
from maze.core.rules import Rules
from maze.core.session import SessionSetup, replay
from maze.core.state import Phase, SessionState, StepClass
from maze.ui import theme
from maze.ui.app import App, Quit, Replace, Scene, Transition
from maze.ui.layout import Layout, compute
from maze.ui.scenes.board import ANNOUNCE_SECONDS, FLASH_SECONDS, PHASE_TEXT, Timed, clock_text
from maze.ui.scenes.charts import draw_timeline, time_at

SPEEDS = (1, 2, 4, 8, 16)


class _NoLog:
    error = None
    backlog = 0


class ReplayView:
    """What the board renderer asks of a session, answered from a replayed state at a time."""

    def __init__(self, setup: SessionSetup) -> None:
        self.setup = setup
        self.state: SessionState = setup.initial_state()
        self.t = 0.0

    @property
    def rules(self) -> Rules:
        return self.setup.rules

    def now(self) -> float:
        return self.t

    def time_left(self) -> float:
        return self.state.time_left(self.t)

    def planning_left(self) -> float | None:
        return self.state.planning_left(self.t)

    def upcoming(self, count: int) -> list[str]:
        return self.state.upcoming(count)


class ReplayScene(Scene):
    def __init__(self, app: App, setup: SessionSetup, events: Sequence[Event],
                 log_path: Path | None = None, speed: float = 1.0) -> None:
        super().__init__(app)
        self.setup = setup
        self.events = list(events)
        self.log_path = log_path
        self.session = ReplayView(setup)
        self.index = 0                                  # events applied so far
        self.speed = min(SPEEDS, key=lambda s: abs(s - speed))
        self.paused = False
        self.line = timeline(self.events)
        self.end = self.line.end
        self.flashes: dict[Any, float] = {}
        self.border_until = 0.0
        self.announcement: Timed | None = None
        self.cue: Timed | None = None
        self.notice: Timed | None = None
        self.revealing = False
        self.log = _NoLog()
        self.cursor = setup.level.cols // 2
        self._last_wall = app.clock()
        self._layout: Layout | None = None
        self._static: pygame.Surface | None = None
        self._timeline_rect = pygame.Rect(0, 0, 0, 0)
        self._label_w = 0
        self._live = LiveScore(setup)

    # ------------------------------------------------------------------ the replay clock
    @property
    def finished(self) -> bool:
        return self.index >= len(self.events)

    def _apply_next(self, react: bool) -> None:
        event = self.events[self.index]
        self.session.state.apply(event)
        self.index += 1
        if react:
            self._react(event)

    def _react(self, event: Event) -> None:
        now = self.app.clock()
        match event:
            case StepTaken(square=name, class_=cls):
                if cls in (StepClass.NEW_SAFE, StepClass.KNOWN_SAFE):
                    self.app.sound.play("step")
                self.cursor = parse_square(name).col
            case BeepSounded(square=name) | RetreatErred(square=name):
                self.app.sound.play("beep")
                self.flashes[parse_square(name)] = now + FLASH_SECONDS / max(1, self.speed ** 0.5)
                self.border_until = now + FLASH_SECONDS / max(1, self.speed ** 0.5)
            case Crossed():
                self.app.sound.play("crossing")
            case PhaseChanged(to=to, cause=cause) if cause not in ("path_changed",):
                if not (cause == "path_found" and self.session.state.path_epoch > 0):
                    self.announcement = Timed(PHASE_TEXT[Phase(to)][0], now + ANNOUNCE_SECONDS / 2,
                                              PHASE_TEXT[Phase(to)][2])

    def seek(self, t: float) -> None:
        """Jump to active time ``t``: rebuild the state from the start (replays are cheap)."""
        t = min(max(0.0, t), self.end)
        self.session.state = self.setup.initial_state()
        self.index = 0
        while not self.finished and self.events[self.index].t <= t:
            self._apply_next(react=False)
        self.session.t = t
        self.flashes.clear()
        self.border_until = 0.0
        self.dirty = True

    def step(self, delta: int) -> None:
        self.paused = True
        if delta > 0 and not self.finished:
            self._apply_next(react=True)
            self.session.t = self.events[self.index - 1].t
        elif delta < 0 and self.index > 0:
            target = self.index - 1
            self.seek(self.events[target - 1].t if target > 0 else 0.0)
            while self.index > target:        # several events can share one time
                self.session.state = replay(self.setup, self.events[:target])
                self.index = target
        self.dirty = True

    def update(self) -> Transition | None:
        wall = self.app.clock()
        elapsed, self._last_wall = wall - self._last_wall, wall
        if not self.paused and not self.finished:
            self.session.t = min(self.end, self.session.t + elapsed * self.speed)
            while not self.finished and self.events[self.index].t <= self.session.t:
                self._apply_next(react=True)
            self.dirty = True
            if self.finished:
                self.paused = True
        for square, until in list(self.flashes.items()):
            if wall >= until:
                del self.flashes[square]
                self.dirty = True
        if self.border_until and wall >= self.border_until:
            self.border_until = 0.0
            self.dirty = True
        if self.announcement and wall >= self.announcement.until:
            self.announcement = None
            self.dirty = True
        return None

    def wake_in(self) -> float | None:
        times = [max(0.0, u - self.app.clock()) for u in [*self.flashes.values(), self.border_until] if u]
        if self.announcement:
            times.append(max(0.0, self.announcement.until - self.app.clock()))
        if not self.paused and not self.finished:
            times.append(min(0.25, (self.events[self.index].t - self.session.t) / self.speed))
        return min(times) if times else None

    # ------------------------------------------------------------------ input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self._timeline_rect.collidepoint(event.pos):
                self.seek(time_at(self._timeline_rect, self._label_w, self.end, event.pos[0]))
            return None
        if event.type != pygame.KEYDOWN:
            return None
        self.dirty = True
        key = event.key
        if key == pygame.K_SPACE:
            if self.finished:
                self.seek(0.0)
            self.paused = not self.paused
            self._last_wall = self.app.clock()
        elif key == pygame.K_RIGHT:
            self.step(1)
        elif key == pygame.K_LEFT:
            self.step(-1)
        elif key in (pygame.K_UP, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.speed = SPEEDS[min(len(SPEEDS) - 1, SPEEDS.index(self.speed) + 1)]
        elif key in (pygame.K_DOWN, pygame.K_MINUS, pygame.K_KP_MINUS):
            self.speed = SPEEDS[max(0, SPEEDS.index(self.speed) - 1)]
        elif key == pygame.K_HOME:
            self.seek(0.0)
        elif key == pygame.K_END:
            self.seek(self.end)
        elif key == pygame.K_p:
            self.revealing = not self.revealing
        elif key == pygame.K_d:
            from maze.ui.scenes.debrief import DebriefScene
            return Replace(DebriefScene(self.app, self.setup, self.events, self.log_path))
        elif key in (pygame.K_ESCAPE, pygame.K_q):
            return Quit()
        return None

    # ------------------------------------------------------------------ drawing
    def live_board(self) -> BoardFigures:
        return self._live.update(self.events[: self.index]).board(self.session.t)

    def _clock_display(self) -> str:
        left = self.session.planning_left()
        return clock_text(left if left is not None else self.session.time_left())

    def layout(self) -> Layout:
        w, h = self.app.size
        strip = max(40, round(h * 0.16))
        if self._layout is None or (self._layout.width, self._layout.height) != (w, h - strip):
            self._layout = compute(w, h - strip, self.setup.level.cols, self.setup.level.rows)
            self._static = None
        return self._layout

    def resized(self) -> None:
        self._layout = None
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        from maze.ui.scenes.render import draw_board_dynamic, draw_board_static, draw_hud
        layout = self.layout()
        text = self.app.text
        if self._static is None:
            self._static = draw_board_static(text, layout, self.setup.level.cols)
        surface.fill(theme.BACKGROUND)
        surface.blit(self._static, (0, 0))
        draw_board_dynamic(self, surface, layout)  # type: ignore[arg-type]
        draw_hud(self, surface, layout)  # type: ignore[arg-type]
        w, h = surface.get_size()
        rect = pygame.Rect(0, layout.height, w, h - layout.height)
        status_h = max(10, round(rect.height * 0.28))
        strip = pygame.Rect(rect.x + 6, rect.y + status_h + 4, rect.width - 12, rect.height - status_h - 8)
        self._timeline_rect = strip
        self._label_w = draw_timeline(surface, text, strip, self.line, self.setup.roster,
                                      position=self.session.t)
        state = "paused" if self.paused else "playing"
        if self.finished:
            state = "end"
        status = (f"Replay {self.speed}x, {state}   {clock_text(self.session.t)} / {clock_text(self.end)}"
                  f"   Space: play/pause   Left/Right: step   Up/Down: speed   click: jump   "
                  f"P: path   D: debrief   Esc: quit")
        text.draw(surface, status, status_h, theme.TEXT_DIM, max_width=w - 12, topleft=(6, rect.y + 2))
