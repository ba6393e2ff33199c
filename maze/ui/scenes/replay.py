"""Replay: a session played back on the board, drawn as it was live, with every tested square
marked (a cross for a beep, a ring for a safe step: shapes, not colour alone) whatever the
memory-aid setting was, and the timeline of every step beside or under the board.

Space pauses; Right / Left step one event forward or back; Up / Down (or + / -) change the
speed (1x to 16x); Home and End jump to the start or the end; a click on the timeline jumps
there; Page Up / Page Down (or the mouse wheel) scroll the timeline's lanes when they do not
all fit; P shows the path; D opens the debrief. Esc goes back one level: to the debrief the
replay was opened from, or (a replay started with `maze replay LOG`) to that log's debrief;
it never quits. Ctrl+Q then Enter quits (Q alone is a player's diagonal key: nothing).
Works from the log alone.

The side panel is the board's, laid out for the whole window (so what the room reads is as
large as on the board); the board, the timeline and the key hints share the rest: the
timeline beside the board when the board leaves enough width (16:9, 21:9), else under it."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pygame

from maze.analysis.debrief import timeline
from maze.analysis.scores import BoardFigures
from maze.core.board import Square, parse_square
from maze.core.events import BeepSounded, Crossed, Event, PhaseChanged, RetreatErred, StepTaken
from maze.core.record import replace as record_replace
from maze.core.rules import Rules
from maze.core.session import SessionSetup
from maze.core.state import Phase, SessionState, StepClass
from maze.host.host import ANNOUNCE_SECONDS, FLASH_SECONDS, Timed
from maze.host.replaying import Rewind
from maze.lang import N_, _, number, p_
from maze.ui import theme
from maze.ui.app import App, Pop, Push, Quit, Replace, Scene, Transition
from maze.ui.keymap import ctrl_held
from maze.ui.layout import LABELLED_ROWS, READABLE, Layout, compute
from maze.ui.scenes.charts import (
    TimelineCache,
    TimelineView,
    draw_legend,
    draw_timeline,
    lanes_fit,
    legend_height,
    readable_label,
    time_at,
    time_label,
    timeline_height,
)
from maze.ui.scenes.render import draw_board_static
from maze.ui.screens import Debrief
from maze.ui.text import DETAIL, ROOM

SPEEDS = (1, 2, 4, 8, 16)


class _NoLog:
    error = None
    backlog = 0


class ReplayView:
    """What the board renderer asks of a session, answered from a replayed state at a time."""

    def __init__(self, rewind: Rewind) -> None:
        self.setup = rewind.setup
        self.rewind = rewind
        self.t = 0.0

    @property
    def state(self) -> SessionState:
        return self.rewind.state

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
        # The state and the live score at any event, reached from snapshots (issue 18).
        self.rewind = Rewind(setup, self.events)
        self.session = ReplayView(self.rewind)
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
        self._static: pygame.Surface | None = None   # the board, drawn once for the window
        # The board with the key hints, the legend and the memory aid's marks.
        self._base: pygame.Surface | None = None
        self._marked: dict[Square, bool] = {}        # the squares marked on _base: beeped?
        self._marked_at = -1                         # _base's marks: as of this many events
        self._timeline = TimelineCache(app.text, self.line, setup.roster)
        self._timeline_rect = pygame.Rect(0, 0, 0, 0)
        self._keys: list[tuple[str, pygame.Rect]] = []
        self._legend = pygame.Rect(0, 0, 0, 0)
        self._label_w = 0
        self._view: TimelineView | None = None      # what the timeline drew last
        self._lane_first = 0                        # the first player lane shown
        self._followed: str | None = None           # the player the lanes last followed

    # ------------------------------------------------------------------ the replay clock
    @property
    def index(self) -> int:
        """Events applied so far."""
        return self.rewind.index

    @property
    def finished(self) -> bool:
        return self.rewind.finished

    def _apply_next(self, react: bool) -> None:
        event = self.rewind.forward()
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
                    self.announcement = Timed(Phase(to).value.capitalize(),
                                              now + ANNOUNCE_SECONDS / 2, to)

    def seek(self, t: float) -> None:
        """Jump to active time ``t``: every event up to the first later one applied, from
        where the replay is or from the nearest snapshot before it."""
        t = min(max(0.0, t), self.end)
        self._jump(self.rewind.index_at(t), t)

    def _jump(self, index: int, t: float) -> None:
        self.rewind.go(index)
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
            target = self.index - 1           # one event back, even among several at one time
            self._jump(target, self.events[target - 1].t if target > 0 else 0.0)
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
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_lanes(-3 * event.y)
            return None
        if event.type != pygame.KEYDOWN:
            return None
        self.dirty = True
        key = event.key
        if key == pygame.K_q and ctrl_held(event):
            self.paused = True
            return Push(ConfirmQuit(self.app))
        if key == pygame.K_d:
            return Replace(self._debrief())
        if key == pygame.K_ESCAPE:
            return self.back()
        action = KEY_ACTIONS.get(key)
        if action is not None:
            action(self)
        return None

    # What the other keys do (KEY_ACTIONS, below the class): nothing they do leaves the replay.
    def play_or_pause(self) -> None:
        if self.finished:
            self.seek(0.0)
        self.paused = not self.paused
        self._last_wall = self.app.clock()

    def change_speed(self, delta: int) -> None:
        self.speed = SPEEDS[min(max(0, SPEEDS.index(self.speed) + delta), len(SPEEDS) - 1)]

    def page_lanes(self, delta: int) -> None:
        if self._view is not None:
            self.scroll_lanes(self._view.shown * delta)

    def toggle_path(self) -> None:
        self.revealing = not self.revealing

    def back(self) -> Transition:
        """Esc: one level back, never out of the program. Over another screen (a debrief that
        kept itself open under the replay), close the replay; alone (the debrief replaced by
        the replay, or `maze replay LOG`), show the debrief of this session."""
        if self in self.app.stack and self.app.stack.index(self) > 0:
            return Pop()
        return Replace(self._debrief())

    def _debrief(self) -> Debrief:
        return Debrief(self.setup, self.events, self.log_path)

    def scroll_lanes(self, delta: int) -> None:
        """Show other players' lanes, when the timeline cannot show them all at once."""
        view = self._view
        if view is None or not view.scrolls:
            return
        self._lane_first = min(max(0, view.first + delta), view.total - view.shown)
        self.dirty = True

    # ------------------------------------------------------------------ drawing
    def live_board(self) -> BoardFigures:
        return self.rewind.scorer.board(self.session.t)

    def tested_squares(self) -> dict[Any, bool]:
        """Every square stepped on so far and whether it beeped (what the replay marks)."""
        return {square: known.beeped for square, known in self.session.state.knowledge.items()}

    def status_lines(self) -> tuple[str, str]:
        state = _("paused") if self.paused else _("playing")
        if self.finished:
            state = _("at the end")
        speed = number(self.speed, len(f"{self.speed:g}".partition(".")[2]))
        # Translators: the replay's speed ("2x": twice as fast), then paused/playing/at the end
        return (_("Replay {speed}x, {state}").format(speed=speed, state=state),
                # Translators: where the replay is, of how long the session was: "1:30 of 12:00"
                _("{time} of {end}").format(time=time_label(self.session.t),
                                            end=time_label(self.end)))

    def layout(self) -> Layout:
        """The board's layout for the whole window (the side panel exactly as on the board),
        with the board itself moved into its share of the rest."""
        w, h = self.app.size
        if self._layout is not None and (self._layout.width, self._layout.height) == (w, h):
            return self._layout
        full = compute(w, h, self.setup.level.cols, self.setup.level.rows, snug=False)
        hints = [_(hint) for hint in KEY_HINTS]
        area = self._arrange(full, hints)
        if len(self.setup.roster) > lanes_fit(self._timeline_rect.height, h):
            hints.insert(5, _(SCROLL_HINT))             # the lanes scroll: say how
            area = self._arrange(full, hints)
        self._layout = _board_in(full, area, _margin(w, h), self._words)
        self._static = self._base = None
        return self._layout

    def _arrange(self, full: Layout, hints: list[str]) -> pygame.Rect:
        """Place the key hints (at the foot of the board's side) and the timeline (beside the
        board when the board leaves enough width, else under it); return the board's area."""
        w, h = full.width, full.height
        region, margin = full.region, _margin(w, h)
        level = self.setup.level
        text = self.app.text
        key_h = math.ceil(KEY_SHARE * h)
        line_h = text.font(key_h).get_height()
        lines = _wrap_items(text, hints, key_h, region.width - 2 * margin)
        keys_top = region.bottom - margin - line_h * len(lines)
        self._keys = [(line, pygame.Rect(region.x + margin, keys_top + i * line_h,
                                         region.width - 2 * margin, line_h))
                      for i, line in enumerate(lines)]
        rest = pygame.Rect(region.x, region.y, region.width, keys_top - margin // 2 - region.y)
        players = len(self.setup.roster)
        square = _square(rest.width, rest.height, level.cols, level.rows, h, margin)
        words = text.width(p_("board edge", "START"), round(full.label_height * 0.75), True) + margin
        board_w = square * level.cols + 2 * _band(h, level.rows) + 2 * margin + words
        self._words = 0
        self._legend = pygame.Rect(0, 0, 0, 0)
        spare = rest.width - board_w
        if spare >= max(BESIDE_SHARE * rest.width, BESIDE_LABELS * readable_label(h)):
            area = pygame.Rect(rest.x, rest.y, board_w, rest.height)
            self._words = words                     # START and GOAL, left of the board
            width = rest.right - area.right - margin
            legend = legend_height(text, width, h)
            room = rest.height - 2 * margin
            height = min(room, timeline_height(players, h, roomy=True))
            if height + legend + margin > room:
                legend = 0                          # no room to say what the marks mean
            top = rest.y + (rest.height - height - legend - margin) // 2
            self._timeline_rect = pygame.Rect(area.right, top, width, height)
            if legend:
                self._legend = pygame.Rect(area.right, top + height + margin, width, legend)
        else:                                                       # narrow: under the board
            height = min(max(timeline_height(min(players, 2), h), round(rest.height * 0.32)),
                         timeline_height(players, h))
            area = pygame.Rect(rest.x, rest.y, rest.width, rest.height - height - margin // 2)
            self._timeline_rect = pygame.Rect(rest.x + margin, area.bottom,
                                              rest.width - 2 * margin, height)
        return area

    def resized(self) -> None:
        self._layout = None
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        """A frame: the board, the key hints, the legend and every tested square's mark from
        a cached layer (only the squares whose marks changed redrawn into it), the timeline
        from its cache (only the position's line drawn), then the token, the flashes and the
        side panel. With an audit on (the tests, a developer's check) everything is drawn
        where it goes instead, so the audit sees every line: the same pixels (a test says so)."""
        from maze.ui.scenes.render import draw_board_dynamic, draw_hud, hud_content
        layout = self.layout()
        text = self.app.text
        if self._static is None:
            self._static = draw_board_static(text, layout, self.setup.level.cols)
        current = self.session.state.current_player
        follow = current if current != self._followed else None
        self._followed = current
        position = self.session.t
        if text.audit is not None:
            self._paint_base(surface)
            self._paint_marks(surface, layout, self.tested_squares())
            self._view = draw_timeline(surface, text, self._timeline_rect, self.line,
                                       self.setup.roster, position=position,
                                       first=self._lane_first, follow=follow)
        else:
            surface.blit(self._marked_base(layout), (0, 0))
            self._view = self._timeline.draw(surface, self._timeline_rect, position=position,
                                             first=self._lane_first, follow=follow)
        self._lane_first, self._label_w = self._view.first, self._view.label_w
        # Tested squares are marked whatever the memory aid was (GAME.md: replay shows square
        # states), by the replay itself: the board's renderer is told the aid is off.
        unaided = _Overlay(self.session.state, memory_aid=False)
        draw_board_dynamic(_Overlay(self, session=_Overlay(self.session, state=unaided)),  # type: ignore[arg-type]
                           surface, layout)
        content = hud_content(self)  # type: ignore[arg-type]
        content.pop("hint", None)                   # no F1 help here: the keys are below
        playing, where = self.status_lines()
        content["message"] = ("text", playing, theme.TOKEN, True)
        content["message2"] = ("text", where, theme.TEXT, False)
        draw_hud(self, surface, layout, content)  # type: ignore[arg-type]

    def _paint_base(self, surface: pygame.Surface) -> None:
        """What never changes while the window keeps its size: the board, the legend, the keys."""
        assert self._static is not None
        text = self.app.text
        surface.blit(self._static, (0, 0))
        if self._legend.height:
            draw_legend(surface, text, self._legend)
        for line, rect in self._keys:
            text.draw(surface, line, math.ceil(KEY_SHARE * surface.get_height()), theme.TEXT_DIM,
                      role=DETAIL, topleft=rect.topleft)

    def _paint_marks(self, surface: pygame.Surface, layout: Layout,
                     squares: dict[Any, bool]) -> None:
        """A cross for a beep, a ring for a safe step (shapes, not colour alone)."""
        from maze.ui.scenes.render import _cross, _ring
        gap = max(1, layout.square // 16)
        for square, beeped in squares.items():
            rect = layout.square_rect(square).inflate(-gap, -gap)
            (_cross if beeped else _ring)(surface, rect, theme.BEEP if beeped else theme.SAFE)

    def _marked_base(self, layout: Layout) -> pygame.Surface:
        """The cached layer: the base and the marks, brought up to the state's tested squares
        (a square no longer tested, after a seek back, is drawn again from the bare board)."""
        assert self._static is not None
        if self._base is None:
            self._base = pygame.Surface(self._static.get_size())
            self._paint_base(self._base)
            self._marked, self._marked_at = {}, -1
        if self._marked_at == self.index:      # the same events applied: the same squares
            return self._base
        self._marked_at = self.index
        tested, marked = self.tested_squares(), self._marked
        changed = {sq: beeped for sq, beeped in tested.items() if marked.get(sq) != beeped}
        gone = [sq for sq in marked if sq not in tested] if len(marked) + len(changed) > len(tested) else []
        for square in [*gone, *changed]:
            cell = layout.square_rect(square)
            self._base.blit(self._static, cell, cell)
            marked.pop(square, None)
        self._paint_marks(self._base, layout, changed)
        marked.update(changed)
        return self._base


class _Overlay:
    """An object seen through, with some attributes answered otherwise."""

    def __init__(self, under: Any, **instead: Any) -> None:
        self._under = under
        self.__dict__.update(instead)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._under, name)


# Translators: keys on the keyboard, then what they do in the replay
KEY_HINTS = (N_("Space: play/pause"), N_("Left/Right: step"), N_("Up/Down: speed"),
             N_("Home/End: start/end"), N_("click the timeline: jump"), N_("P: path"),
             N_("D: debrief"), N_("Esc: back"), N_("Ctrl+Q: quit"))
SCROLL_HINT = N_("PgUp/PgDn: more players")
_FASTER = (pygame.K_UP, pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS)
_SLOWER = (pygame.K_DOWN, pygame.K_MINUS, pygame.K_KP_MINUS)
KEY_ACTIONS: dict[int, Callable[[ReplayScene], None]] = {
    pygame.K_SPACE: ReplayScene.play_or_pause,
    pygame.K_RIGHT: lambda scene: scene.step(1),
    pygame.K_LEFT: lambda scene: scene.step(-1),
    **{key: lambda scene: scene.change_speed(1) for key in _FASTER},
    **{key: lambda scene: scene.change_speed(-1) for key in _SLOWER},
    pygame.K_HOME: lambda scene: scene.seek(0.0),
    pygame.K_END: lambda scene: scene.seek(scene.end),
    pygame.K_PAGEUP: lambda scene: scene.page_lanes(-1),
    pygame.K_PAGEDOWN: lambda scene: scene.page_lanes(1),
    pygame.K_p: ReplayScene.toggle_path,
}
KEY_SHARE = 0.03           # the key hints' height: detail text (2.5% of the window at least)
BESIDE_SHARE = 0.38        # the timeline goes beside the board when this much width is left
BESIDE_LABELS = 16         # and at least this many label heights (names and an axis)


def _margin(width: int, height: int) -> int:
    return max(4, round(0.02 * min(width, height)))     # as the board's layout


def _band(height: int, rows: int) -> int:
    """The room beside the board for the row numbers (as the board's layout leaves it)."""
    return round(math.ceil(READABLE * height) * (1.8 if rows >= 10 else 1.2))


def _square(width: int, height: int, cols: int, rows: int, window_h: int, margin: int) -> int:
    return _fit(width, height, cols, rows, window_h, margin)[0]


def _fit(width: int, height: int, cols: int, rows: int, window_h: int,
         margin: int) -> tuple[int, int]:
    """The square and the start and goal strips' height for a board in ``width`` x
    ``height``: strips tall enough for names the room reads, as on the board; on a board too
    small for such names (a short or portrait window) the strips shrink with the squares."""
    label = math.ceil(READABLE * window_h)
    across = (width - 2 * margin - 2 * _band(window_h, rows)) // cols
    strip = round(label * 1.5)
    square = max(2, min(across, (height - 2 * margin - 2 * strip) // rows))
    if square < label * 1.1:
        square = max(2, min(across, round((height - 2 * margin) / (rows + 2.4))))
        strip = round(square * 1.2)
    return square, strip


def _board_in(full: Layout, region: pygame.Rect, margin: int, words: int = 0) -> Layout:
    """``full`` (the board's layout for the whole window) with the board moved into
    ``region`` (right of ``words``, the room left for START and GOAL), its names still sized
    by the whole window's height (the room reads them), no how-to-move cue (nobody moves in a
    replay)."""
    cols, rows, h = full.cols, full.rows, full.height
    area = pygame.Rect(region.x + words, region.y, region.width - words, region.height)
    square, strip = _fit(area.width, area.height, cols, rows, h, margin)
    grid = pygame.Rect(area.x + (area.width - square * cols) // 2,
                       area.y + (area.height - square * rows) // 2, square * cols, square * rows)
    label_every = 1
    if rows > LABELLED_ROWS or square < full.label_height * 1.1:   # names would touch
        # every few rows, and row 1 (always named) clear of the next one named
        label_every = max(1, math.ceil(full.label_height * 1.1 / square)) + 1
    return record_replace(
        full, square=square, grid=grid, region=region, label_every=label_every,
        goal_strip=pygame.Rect(grid.x, grid.y - strip, grid.width, strip),
        start_strip=pygame.Rect(grid.x, grid.bottom, grid.width, strip),
        col_label_height=min(full.label_height, max(6, int(square * 0.9))),
        cue=pygame.Rect(area.x, area.bottom, 0, 0))


def _wrap_items(text: Any, items: Sequence[str], height: int, width: int) -> list[str]:
    """Key hints on as few lines as the width allows, never cutting one hint in two."""
    lines: list[str] = []
    for item in items:
        if lines and text.width(lines[-1] + SEPARATOR + item, height) <= width:
            lines[-1] += SEPARATOR + item
        else:
            lines.append(item)
    return lines


SEPARATOR = "   "


class ConfirmQuit(Scene):
    """Ctrl+Q's question over the replay: Enter (or a click on Quit) leaves the program, Esc
    (or a click on Stay) goes back to the replay."""

    opaque = False

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.buttons: dict[str, pygame.Rect] = {}

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return Quit()
            if event.key == pygame.K_ESCAPE:
                return Pop()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for name, rect in self.buttons.items():
                if rect.collidepoint(event.pos):
                    return Quit() if name == "quit" else Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        w, h = surface.get_size()
        title_h, button_h = math.ceil(0.06 * h), math.ceil(0.045 * h)
        shade = pygame.Surface((w, h), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        title = _("Quit the program?")
        labels = {"quit": _("Enter: {answer}").format(answer=_("quit")),
                  "stay": _("Esc: {answer}").format(answer=_("stay"))}
        pad = button_h // 2
        sizes = {n: (text.width(t, button_h, True) + 2 * pad, button_h + pad) for n, t in labels.items()}
        row_w = sum(s[0] for s in sizes.values()) + pad
        panel = pygame.Rect(0, 0, max(text.width(title, title_h, True), row_w) + 2 * title_h,
                            title_h * 2 + button_h * 2 + pad)
        panel.center = (w // 2, h // 2)
        surface.fill(theme.PANEL, panel)
        text.cover(surface, panel)
        pygame.draw.rect(surface, theme.WARNING, panel, width=max(2, title_h // 12))
        text.draw(surface, title, title_h, theme.TEXT, bold=True, role=ROOM,
                  midtop=(panel.centerx, panel.y + title_h // 2))
        x = panel.centerx - row_w // 2
        y = panel.y + title_h * 2
        for name, label in labels.items():
            rect = pygame.Rect((x, y), sizes[name])
            pygame.draw.rect(surface, theme.WARNING if name == "quit" else theme.TEXT_DIM, rect,
                             width=2, border_radius=pad // 2)
            text.draw(surface, label, button_h, theme.TEXT, bold=True, role=ROOM,
                      center=rect.center)
            self.buttons[name] = rect
            x += rect.width + pad
