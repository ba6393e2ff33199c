"""The app loop: a small stack of scenes; wait for events, redraw only when something changed.

A scene hands back a transition (push, pop, replace, quit); what it pushes or shows instead is
a scene, or a place (maze.ui.screens: "the debrief of this session") that the app's navigator
builds (maze.ui.navigator), so that no scene imports another.

``run`` blocks on ``pygame.event.wait`` with a timeout set by what the scenes have scheduled
(the next auto-retreat step, the end of a flash, the clock's next second), so an idle screen
costs nothing. ``step`` processes one batch of events; tests call it directly with their own
events and an injected clock.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any, Protocol

import pygame

from maze.lang import _, integer
from maze.ui.displays import display_sizes, usable
from maze.ui.sound import Player, Silent
from maze.ui.text import TextCache


class Place:
    """A screen named by what it shows (maze.ui.screens); the navigator builds its scene."""


class Navigator(Protocol):
    def open(self, place: Place) -> Scene:
        """The scene of ``place``; LookupError if this program has none (ValueError: one line
        to show, when building it failed: a log that cannot be written)."""

    def offers(self, kind: type[Place]) -> bool:
        """Whether places of this kind can be opened (the next team: only in `maze play`)."""


class Push:
    """Put a scene on top (an overlay, or a screen to come back from)."""

    __match_args__ = ("scene",)

    def __init__(self, scene: Scene | Place) -> None:
        self.scene = scene


class Pop:
    """Close this scene; the one below shows again."""


class Replace:
    """Close this scene (and any above it) and show another instead."""

    __match_args__ = ("scene",)

    def __init__(self, scene: Scene | Place) -> None:
        self.scene = scene


class Quit:
    """Leave the program."""


Transition = Push | Pop | Replace | Quit


class Scene:
    """One screen. ``handle`` and ``update`` may return a transition."""

    opaque = True   # an overlay sets False: the scene below is drawn first

    def __init__(self, app: App) -> None:
        self.app = app
        self.dirty = True
        self.full_redraw = True      # the next draw repaints everything (not only changes)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        return None

    def update(self) -> Transition | None:
        return None

    def draw(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Draw the scene; return the rectangles that changed, or None for the whole window."""
        raise NotImplementedError

    def wake_in(self) -> float | None:
        """Seconds until this scene needs an update without any input (None: never)."""
        return None

    def resized(self) -> None:
        self.dirty = True

    def before_close(self) -> Scene | Place | None:
        """The window's close button: a question to ask first (events not yet on disk, say),
        or None to let the program close."""
        return None

    def closing(self) -> None:
        """The window is closing (or the scene is replaced): release files."""


REST_AFTER = 2.0     # seconds with no sound and no input (or nothing due) before the device rests
# What a person does at the laptop (a phone's tap wakes the loop with an event of its own): the
# sound device is opened again on it, before it is handled, so its sound plays at once.
INPUT_EVENTS = frozenset({pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN})


class RestingSound:
    """The program's sounds, with the sound device closed while the board stands still: its
    audio thread wakes every buffer (86 times a second) even in silence, which alone costs an
    idle board 0.6% of a core, more than the rest of the program. It rests after REST_AFTER
    seconds without a sound or an input; the next input (a key, a click, a tap) or sound opens
    it again first (0.15 ms with SDL's dummy driver; a few milliseconds on a sound server), so
    nothing is ever lost."""

    def __init__(self, inner: Player, format: tuple[int, int, int], buffer: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.inner = inner
        self._format = format
        self._buffer = buffer
        self._clock = clock
        self.resting = False
        self.active_at = clock()          # the last sound or input

    @classmethod
    def around(cls, app: App) -> RestingSound | None:
        """Put ``app``'s sounds behind one (None when there is no open sound device)."""
        init = pygame.mixer.get_init() if app.sound.available else None
        if not init:
            return None
        from maze.ui.sound import BUFFER
        resting = cls(app.sound, init, BUFFER, app.clock)
        app.sound = resting
        return resting

    @property
    def available(self) -> bool:
        return self.inner.available

    @available.setter
    def available(self, value: bool) -> None:
        self.inner.available = value

    @property
    def notice(self) -> str | None:
        return self.inner.notice

    @notice.setter
    def notice(self, value: str | None) -> None:
        self.inner.notice = value

    @property
    def muted(self) -> bool:
        return self.inner.muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self.inner.muted = value

    def rest(self) -> None:
        """Close the device, unless a sound is still playing."""
        if not self.resting and pygame.mixer.get_init() and not pygame.mixer.get_busy():
            pygame.mixer.quit()
            self.resting = True

    def wake(self) -> bool:
        """Open the device again (an input came, or a sound is to play); False if it cannot."""
        self.active_at = self._clock()
        if self.resting and not self.inner.muted:
            try:
                pygame.mixer.init(*self._format, self._buffer)
                self.resting = False
            except pygame.error:
                return False           # the device went away: silent, as without one
        return True

    def quiet_for(self) -> float:
        return self._clock() - self.active_at

    def play(self, name: str) -> None:
        if self.wake():
            self.inner.play(name)


class App:
    def __init__(self, size: tuple[int, int] = (1280, 800), fullscreen: bool = False,
                 clock: Callable[[], float] = time.monotonic, sound: Player | None = None,
                 title: str = "maze", display: int = 0) -> None:
        self.clock = clock
        self.display = display          # SDL's index of the display the window is on
        self.wanted_display = display   # where it belongs (the projector, while unplugged)
        self.sound: Player = sound or Silent()
        # Work that can wait until the first frame is on screen (synthesizing the tones).
        self.after_first_frame: list[Callable[[], None]] = []
        self.text = TextCache()
        self.windowed_size = size
        self.fullscreen = False
        self.stack: list[Scene] = []
        self.running = True
        self._asked_to_close = False     # a second close of the window closes it
        self.frames = 0
        self.title = title
        # Builds the scene of a place a transition names (set by maze.wiring, or a test).
        self.navigator: Navigator | None = None
        # Work to do when the program ends (stopping the room's server).
        self.cleanup: list[Callable[[], None]] = []
        self.screen = self._open(fullscreen)
        self.fullscreen = fullscreen

    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def _open(self, fullscreen: bool, afresh: bool = False) -> pygame.Surface:
        # The window's pixels go to the screen by the plain software path. Otherwise SDL opens
        # a hidden OpenGL context on Linux to choose one, and a software GL driver (Mesa's
        # llvmpipe, as on a laptop without a GPU driver or under Xvfb) keeps worker threads
        # that cost an idle board 0.5-0.8% of a core. SDL itself takes this path unless the GL
        # driver is NVIDIA's or AMD's; a user's own setting wins.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        self.display = usable(self.display)
        if (fullscreen or afresh) and pygame.display.get_surface() is not None:
            # Resizing a window into fullscreen leaves it at its windowed position when there
            # is no window manager (a bare X server, a kiosk), and an open window stays on its
            # display: open it afresh.
            pygame.display.quit()
            pygame.display.init()
            self.display = usable(self.display)
        pygame.display.set_caption(self.title)
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN, display=self.display)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE, display=self.display)

    def move_to_display(self, index: int) -> None:
        """Put the window on another display (the setup screen's choice): fullscreen there if it
        was fullscreen, else a window that fits it."""
        self.wanted_display = index
        index = usable(index)
        if index == self.display:
            return
        self.display = index
        if not self.fullscreen:
            w, h = display_sizes()[index]
            self.windowed_size = (min(self.windowed_size[0], w), min(self.windowed_size[1], h))
        self.screen = self._open(self.fullscreen, afresh=True)
        self._resized()

    def _check_display(self) -> None:
        """A display unplugged under the window (the projector's cable pulled mid-session):
        open again on one that is there, and say so; when it is plugged in again, go back to
        it. Never a crash."""
        here = usable(self.display) == self.display
        wanted = self.wanted_display
        if here and (self.display == wanted or usable(wanted) != wanted):
            return
        if here:             # the display it belongs on is back
            self.display = wanted
            message = _("Display {n} is back: the board is on it again").format(
                n=integer(wanted + 1))
        else:
            lost = self.display + 1
        self.screen = self._open(self.fullscreen, afresh=True)
        self._resized()
        if not here:
            message = _("Display {n} was disconnected: now on display {other}").format(
                n=integer(lost), other=integer(self.display + 1))
        notify = getattr(self.top, "notify", None) if self.stack else None
        if notify is not None:
            notify(message)

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.screen.get_size()
        self.fullscreen = not self.fullscreen
        self.screen = self._open(self.fullscreen)
        self._resized()

    def _resized(self) -> None:
        self.screen = pygame.display.get_surface() or self.screen
        for scene in self.stack:
            scene.resized()
            scene.full_redraw = True

    def start(self, scene: Scene | Place) -> None:
        self.stack = [self.scene(scene)]

    def scene(self, place: Scene | Place) -> Scene:
        """The scene itself, or the scene the navigator builds for a place."""
        if isinstance(place, Scene):
            return place
        if self.navigator is None:
            raise LookupError(f"no navigator to open {place!r}")
        return self.navigator.open(place)

    def offers(self, kind: type[Place]) -> bool:
        return self.navigator is not None and self.navigator.offers(kind)

    def _apply(self, index: int, result: Transition | None) -> None:
        if result is None:
            return
        match result:
            case Push(scene):
                self.stack.append(self.scene(scene))
            case Pop():
                self.stack.pop(index)
                if self.stack:
                    self.top.dirty = self.top.full_redraw = True
            case Replace(scene):
                new = self.scene(scene)
                for old in self.stack[index:]:
                    old.closing()
                del self.stack[index:]
                self.stack.append(new)
            case Quit():
                self.running = False
            case _:
                raise TypeError(f"not a transition: {result!r}")
        if not self.stack:
            self.running = False

    def step(self, events: list[pygame.event.Event]) -> None:
        """Handle events, let every scene update, and draw if anything changed."""
        self._check_display()            # one cheap SDL call: is our display still there?
        for event in events:
            if not self.running:
                break
            if event.type == pygame.QUIT:
                question = None if self._asked_to_close else next(
                    (q for s in reversed(self.stack) if (q := s.before_close()) is not None), None)
                if question is None:             # nothing to ask, or asked once already
                    self.running = False
                    break
                self._asked_to_close = True
                self.stack.append(self.scene(question))
                continue
            if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
                self._resized()
                continue
            if event.type == pygame.KEYDOWN and (
                    event.key == pygame.K_F11 or (event.key == pygame.K_f
                                                  and getattr(event, "mod", 0) & pygame.KMOD_CTRL)):
                self.toggle_fullscreen()
                continue
            if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
                self.top.dirty = self.top.full_redraw = True
            self._apply(len(self.stack) - 1, self.top.handle(event))
        for scene in list(self.stack):
            if self.running and scene in self.stack:
                self._apply(self.stack.index(scene), scene.update())
        if self.running and self.stack:
            self.draw()

    def draw(self, force: bool = False) -> bool:
        visible = self._visible()
        if not force and not any(s.dirty for s in visible):
            return False
        if len(visible) == 1 and not force:
            rects = visible[0].draw(self.screen)      # a scene may redraw only what changed
            visible[0].dirty = False
            if rects is None:
                pygame.display.flip()
            elif rects:
                pygame.display.update(rects)
        else:                                         # overlays: everything, bottom up
            for scene in visible:
                self.text.next_layer()
                scene.full_redraw = True
                scene.draw(self.screen)
                scene.dirty = False
            pygame.display.flip()
        self.frames += 1
        return True

    def _visible(self) -> list[Scene]:
        start = len(self.stack) - 1
        while start > 0 and not self.stack[start].opaque:
            start -= 1
        return self.stack[start:]

    def wake_in(self) -> float | None:
        times = [t for s in self.stack if (t := s.wake_in()) is not None]
        return min(times) if times else None

    def run(self, waiter: Any = None) -> int:
        """Show the first frame, then wait for events (or the next due moment: ``wake_in``)
        and step, until the program ends. ``waiter`` (tests: simulated time) has the
        ``wait(seconds)`` of maze.ui.waiting.EventWaiter."""
        self.draw(force=True)
        for work in self.after_first_frame:
            work()
        self.after_first_frame.clear()
        if waiter is None:
            from maze.ui.waiting import EventWaiter
            waiter = EventWaiter()
        resting = RestingSound.around(self)
        while self.running and self.stack:
            wait = self.wake_in()
            if resting is not None and not resting.resting:
                # No sound and no input for a while (the board standing still, or paused): the
                # sound device rests until the next input or sound.
                quiet = resting.quiet_for()
                if quiet >= REST_AFTER:
                    resting.rest()
                elif wait is None or wait > REST_AFTER - quiet:
                    wait = REST_AFTER - quiet
            events = waiter.wait(wait)
            if resting is not None and any(e.type in INPUT_EVENTS for e in events):
                resting.wake()
            self.step(events)
        if resting is not None:
            self.sound = resting.inner
        for scene in reversed(self.stack):
            scene.closing()
        for work in self.cleanup:
            work()
        return 0
