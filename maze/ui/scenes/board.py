"""The board: the projector view where the team plays.

A client of the session host (maze/host): it draws what the host says the room sees, and maps
keys and clicks to intents for the host to carry out. The session, its log, the live score,
the timers and the announcements all live in the host.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pygame

from maze.analysis.scores import BoardFigures, Figures
from maze.core.board import Square
from maze.core.events import Event
from maze.core.session import Session, SessionSetup
from maze.host.host import (  # noqa: F401  (re-exported: the replay and tests use them)
    ANNOUNCE_SECONDS,
    FLASH_SECONDS,
    TIME_WARNINGS,
    SessionHost,
    Timed,
    clock_text,
)
from maze.host.intents import KEYBOARD, MOUSE
from maze.lang import _
from maze.storage.log import SessionLog
from maze.ui import theme
from maze.ui.app import App, Place, Push, Replace, Scene, Transition
from maze.ui.keymap import Action, Move, ctrl_held, intent_for, is_move_key
from maze.ui.layout import Layout, compute

if TYPE_CHECKING:
    from maze.room.link import RoomLink
    from maze.room.server import RoomServer

# Posted by the room's server thread when a phone's command waits: wakes the app loop.
ROOM_EVENT = pygame.event.custom_type()

def _timed_property(name: str) -> Any:
    """A message the host keeps (the board shows it; tests may clear it)."""
    def put(self: BoardScene, value: Any) -> None:
        setattr(self.host, name, value)
        self.host.generation += 1            # shown differently: the board redraws

    return property(lambda self: getattr(self.host, name), put)


class BoardScene(Scene):
    def __init__(self, app: App, setup: SessionSetup, log: SessionLog,
                 resume: Sequence[Event] | None = None, gap: float | None = None,
                 room: RoomServer | None = None) -> None:
        """A new session; or, with ``resume`` (the events of an interrupted session, whose log
        ``log`` has been reopened), that session carried on where its log stops. With
        ``room``, players' phones play too (room play) and the board shows how to join."""
        super().__init__(app)
        self.setup = setup
        self._layout: Layout | None = None
        self._static: pygame.Surface | None = None
        self._shown: tuple[dict[str, Any], dict[str, Any]] | None = None
        self._seen = -1
        self.host = SessionHost(setup, log, app.clock, resume=resume, gap=gap,
                                play=lambda name: self.app.sound.play(name))
        if resume is not None:
            from maze.core.events import SoundMuted
            muted = [e.on for e in self.session.events if isinstance(e, SoundMuted)]
            if muted and muted[-1]:       # stay muted if the facilitator had muted the sound
                self.app.sound.muted = True
        if app.sound.notice:
            self.host.notify(app.sound.notice, "warning")
        self.room: RoomLink | None = None
        self.card: Any = None
        if room is not None:
            self._open_room(room)

    def _open_room(self, server: RoomServer) -> None:
        from maze.room.link import RoomLink
        from maze.room.server import room_file
        from maze.ui.scenes.room_card import RoomCard
        server.attach(self.setup.roster, room_file(self.log.path))
        self.room = RoomLink(self.host, server)
        self._stepped = any(e.TYPE == "step" for e in self.session.events)
        self.host.listen(self._heard)
        short = server.address.removeprefix("http://").rstrip("/")
        self.card = RoomCard(server.join_url, short, server.code)
        self.room.publish()

    def _card_over_board(self) -> bool:
        """The join card covers the board only until the first step (when phones join), and
        never hides an announcement."""
        if self.card is None or self._layout is None or self.card.area(self._layout)[1]:
            return False
        wanted = not self._stepped if self._card_wanted is None else self._card_wanted
        return wanted and self.host.announcement is None

    _stepped = False
    _card_drawn = False                    # whether the last frame showed the card over the board
    _card_wanted: bool | None = None       # F2 shows or hides the card (None: until a step)

    def _heard(self, event: Event) -> None:
        if event.TYPE == "step":
            self._stepped = True
    # ------------------------------------------------------------------ what the host keeps
    @property
    def session(self) -> Session:
        return self.host.session

    @property
    def log(self) -> SessionLog:
        return self.host.log

    @property
    def finished(self) -> bool:
        return self.host.finished

    @property
    def flashes(self) -> dict[Square, float]:
        return self.host.flashes

    @property
    def border_until(self) -> float:
        return self.host.border_until

    @property
    def border_color(self) -> tuple[int, int, int]:
        return theme.TONES[self.host.border_tone]

    @property
    def revealing(self) -> bool:
        return self.host.revealing

    cursor = _timed_property("cursor")
    announcement = _timed_property("announcement")
    cue = _timed_property("cue")
    notice = _timed_property("notice")

    def notify(self, text: str, color: str = "warning") -> None:
        """A short message in the side panel (for the facilitator); ``color`` is a tone."""
        self.host.notify(text, color)
        self.dirty = True

    # ------------------------------------------------------------------ input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        if self.finished:
            return None
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            # Read the input against the session as it is now, not as it was at the last
            # frame: a walk-back may have ended, and the next player's turn begun, since.
            self.host.tick()
            if self.finished:
                return None
        result: Transition | None = None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F2 and self.card is not None:
            # How to join, for a late player: F2 shows the card over the board, F2 hides it.
            self._card_wanted = not self._card_over_board()
            self.full_redraw = self.dirty = True
        elif event.type == pygame.KEYDOWN:
            intent = intent_for(event)
            if intent is None:
                if ctrl_held(event) and is_move_key(event):
                    self.host.refuse(_("Release Ctrl to move"), KEYBOARD)
            elif isinstance(intent, Move):
                self.host.move(intent, source=KEYBOARD)
            else:
                result = self._action(intent)
        elif event.type == pygame.KEYUP and event.key == pygame.K_r:
            self.host.stop_revealing()
        elif event.type == pygame.WINDOWFOCUSLOST:
            self.host.stop_revealing()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            target = self.layout().square_at(event.pos)
            if target is not None:
                self.host.step_to(target, source=MOUSE)
        self._note_changes()
        return result

    def _note_changes(self) -> None:
        if self.host.generation != self._seen:
            self._seen = self.host.generation
            self.dirty = True

    def reveal_for(self, seconds: float) -> None:
        """Show the path for a while (the menu's reveal: a mouse cannot hold a key)."""
        self.host.reveal_for(seconds)
        self._note_changes()

    def act(self, action: Action) -> Transition | None:
        """Carry out a facilitator's action (from a key, or from the Esc menu)."""
        return self._action(action)

    def _action(self, action: Action) -> Transition | None:
        from maze.ui.screens import EndSession, Help, Menu  # the first frame needs no place
        match action:
            case Action.HELP:
                return Push(Help(self))
            case Action.MENU:
                return Push(Menu(self))
            case Action.END_SESSION:
                return Push(EndSession(self))
            case Action.MUTE:
                self.app.sound.muted = not self.app.sound.muted
                self.host.note_muted(self.app.sound.muted)
            case _:
                self.host.act(action, source=KEYBOARD)
        self.dirty = True
        return None

    def end_session(self) -> None:
        self.host.end()

    # ------------------------------------------------------------------ time
    def update(self) -> Transition | None:
        self.host.update()
        if self.room is not None:
            over = self._card_over_board()
            self.room.drain()             # the phones' taps, in the order they came
            if over != self._card_over_board():
                self.full_redraw = True
        self._note_changes()
        if self.finished:
            from maze.ui.screens import Debrief
            self.log.flush()
            return Replace(Debrief(self.setup, self.session.events, self.log.path))
        if self.host.clock_running():
            self.dirty = self.dirty or self._shown_clock != self.host.clock_display()
        return None

    _shown_clock = ""

    def wake_in(self) -> float | None:
        return self.host.wake_in()

    def before_close(self) -> Place | None:
        """Closing the window while events wait in memory (a full disk): ask first, and offer
        to save them elsewhere."""
        if self.log.backlog or self.log.error is not None:
            from maze.ui.screens import Unsaved
            return Unsaved(self.log)
        return None

    def closing(self) -> None:
        if self.room is not None:
            self.room.publish()           # the phones see the session end
        self.host.close()

    def live_figures(self) -> Figures:
        """Every figure now, by the same code as `maze score` (fed event by event)."""
        return self.host.live_figures()

    def live_board(self) -> BoardFigures:
        """The headline the room sees, as `maze score` computes its ``board`` block."""
        return self.host.live_board()

    # ------------------------------------------------------------------ drawing
    def layout(self) -> Layout:
        w, h = self.app.size
        level = self.setup.level
        if self._layout is None or (self._layout.width, self._layout.height) != (w, h):
            self._layout = compute(w, h, level.cols, level.rows)
            from maze.ui.scenes.render import cue_rows
            rows = cue_rows(self.app.text, self._layout)    # long words: a taller cue band
            if rows > self._layout.cue_rows:
                self._layout = compute(w, h, level.cols, level.rows, cue_rows=rows)
            self._static = self._marks = None
        return self._layout

    def resized(self) -> None:
        self._layout = None
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Draw what changed since the last frame (and return where), or everything (None).
        The static board with its marks is a kept layer (only changed squares drawn again);
        what changed is redrawn from it in few rectangles, each layer once per rectangle."""
        from maze.ui.scenes.render import (
            board_content,
            current_marks,
            dirty_rects,
            hud_content,
            merge_rects,
        )
        layout = self.layout()
        marks = current_marks(self.session.state)
        # The program's first frame draws the static board straight onto the window, and makes
        # its kept layer once the frame is on screen (a window-sized surface to fill and copy:
        # a tenth of the wait for the first frame).
        first = self._static is None and not marks and self.app.frames == 0
        marked: list[pygame.Rect] = []
        if first:
            self._draw_static(surface, layout)
            self.app.after_first_frame.append(self._keep_static_layer)
        else:
            if self._static is None or self._marks is None:
                self._keep_static_layer()
                self.full_redraw = True
            if self.card is not None and self._card_drawn != self._card_over_board():
                # The card comes or goes over the board (an announcement ended, a step, F2):
                # the whole frame, or only the changed rectangles would show it (a strip of
                # the code where the announcement's band was: no phone could scan it).
                self.full_redraw = True
            marked = self._marks.show(marks)
        content = (board_content(self), hud_content(self))
        self._shown_clock = self.host.clock_display()
        if first or self.full_redraw or self._shown is None:
            draw = self._draw_moving if first else self._draw_over
            draw(surface, layout, content, surface.get_rect())
            self._shown, self.full_redraw = content, False
            return None
        rects = merge_rects(dirty_rects(self._shown, content, layout) + marked, layout)
        for rect in rects:
            self._draw_over(surface, layout, content, rect)
        self._shown = content
        return rects

    _marks: Any = None     # the MarksLayer over the static board, for this window size

    def _draw_static(self, surface: pygame.Surface, layout: Layout) -> None:
        """The grid, its names and (beside the board) the room's card, onto ``surface``."""
        from maze.ui.scenes.render import draw_board_static
        draw_board_static(self.app.text, layout, self.setup.level.cols, onto=surface)
        if self.card is not None and self.card.area(layout)[1]:
            self.card.draw(surface, self.app.text, layout)     # beside: static

    def _keep_static_layer(self) -> None:
        """The static board as a kept layer, for the window's size now (the memory aid's marks
        are drawn on it as they come)."""
        from maze.ui.scenes.render import MarksLayer
        if self._static is not None and self._marks is not None:
            return                    # made already (a frame drawn before this was called)
        layout = self.layout()
        self._static = pygame.Surface((layout.width, layout.height))
        self._draw_static(self._static, layout)
        self._marks = MarksLayer(self._static, layout)

    def _draw_over(self, surface: pygame.Surface, layout: Layout,
                   content: tuple[dict[str, Any], dict[str, Any]], rect: pygame.Rect) -> None:
        """The board as it is now inside ``rect``: the kept layer, then what moves over it."""
        assert self._static is not None
        surface.set_clip(rect)
        surface.blit(self._static, rect, area=rect)
        self._draw_moving(surface, layout, content, rect)

    def _draw_moving(self, surface: pygame.Surface, layout: Layout,
                     content: tuple[dict[str, Any], dict[str, Any]], rect: pygame.Rect) -> None:
        """What moves over the static board, inside ``rect``."""
        from maze.ui.scenes.render import draw_board_dynamic, draw_hud
        surface.set_clip(rect)
        draw_board_dynamic(self, surface, layout, marks=False)
        draw_hud(self, surface, layout, content[1])
        self._card_drawn = self._card_over_board()
        if self._card_drawn:
            self.card.draw(surface, self.app.text, layout)
        surface.set_clip(None)
