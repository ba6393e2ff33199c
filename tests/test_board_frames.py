"""The board's kept layers and its idle loop: a partial frame shows exactly what a full redraw
would, and an idle board draws only when something it shows changes."""

from __future__ import annotations

import random
import time

import numpy as np
import pygame
import pytest
from helpers import FakeClock, make_level, make_setup
from ui_helpers import Driver, click, key

from maze.storage.log import SessionLog
from maze.ui.app import App, RestingSound
from maze.ui.scenes.board import BoardScene

LEVEL = make_level(("B1", "B2", "C3", "D4", "D5", "E6", "E7", "F8"), cols=7, rows=8,
                   alternate=("A1", "A2", "A3", "B4", "C5", "C6", "D7", "D8"))


def full_redraw(board: BoardScene) -> pygame.Surface:
    """The board drawn from nothing (a fresh static board, every mark drawn again), leaving
    the board's kept layers as they were."""
    kept = board._static, board._marks, board._shown, board.full_redraw
    board._static = board._marks = board._shown = None
    surface = pygame.Surface(board.app.size)
    board.draw(surface)
    board._static, board._marks, board._shown, board.full_redraw = kept
    return surface


def random_input(rng: random.Random, board: BoardScene) -> list[pygame.event.Event]:
    """A player's or facilitator's input: moves, clicks on any square, Ctrl+A (memory aid),
    Ctrl+Space (pause), Ctrl+K (curveball), Ctrl+Z (undo), holding R (the path shown)."""
    layout = board.layout()
    roll = rng.random()
    if roll < 0.45:
        return key(rng.choice(["Up", "Up", "Left", "Right", "Down", "q", "e", "KP9", "KP7"]))
    if roll < 0.75:
        col, row = rng.randrange(LEVEL.cols), rng.randrange(-1, LEVEL.rows)
        x = layout.grid.x + col * layout.square + layout.square // 2
        y = (layout.start_cell(col).centery if row < 0
             else layout.grid.bottom - row * layout.square - layout.square // 2)
        return click((x, y))
    if roll < 0.85:
        return key("ctrl+" + rng.choice(["a", "space", "k", "z"]))
    down = key("ctrl+r")[0]
    return [down] if rng.random() < 0.5 else key("r")[1:]      # hold R, or let it go


@pytest.mark.parametrize("memory_aid", [True, False])
def test_a_partial_frame_shows_what_a_full_redraw_shows(tmp_path, memory_aid):
    pygame.display.init()
    pygame.font.init()
    try:
        seed = 18 + memory_aid
        print("seed", seed)
        rng = random.Random(seed)
        drive = Driver(tmp_path, make_setup(LEVEL, flags={"memory_aid": memory_aid}),
                       size=(1280, 720))
        board = drive.board
        most_marks = 0
        partial = 0
        for _ in range(250):
            drive.clock.advance(rng.choice([0.05, 0.3, 0.7, 1.0, 2.5]))
            before = drive.app.frames
            drive.app.step(random_input(rng, board) if rng.random() < 0.8 else [])
            if drive.app.frames == before:
                continue              # nothing drawn: what a frame shows is compared when drawn
            partial += not board.full_redraw
            state = board.session.state
            most_marks = max(most_marks, len(state.knowledge) if state.memory_aid else 0)
            expected = full_redraw(board)
            if pygame.image.tobytes(drive.app.screen, "RGB") == pygame.image.tobytes(expected, "RGB"):
                continue
            shown, wanted = (pygame.surfarray.array3d(s) for s in (drive.app.screen, expected))
            differ = np.argwhere((shown != wanted).any(axis=2))
            pytest.fail(f"{len(differ)} pixels differ, first at {differ[0].tolist()}, after "
                        f"{len(board.session.events)} events")
        assert partial > 60                     # most frames were partial ones
        if memory_aid:
            assert most_marks >= 8               # the marks were there to get wrong
    finally:
        pygame.quit()


def differing(a: pygame.Surface, b: pygame.Surface) -> str:
    """'' if the two show the same pixels; else how many differ and where the first is."""
    if pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB"):
        return ""
    differ = np.argwhere((pygame.surfarray.array3d(a) != pygame.surfarray.array3d(b)).any(axis=2))
    return f"{len(differ)} pixels differ, first at {differ[0].tolist()}"


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_first_frame_drawn_straight_onto_the_window_is_the_board_and_its_layer_follows(
        tmp_path, size):
    """Start-up draws the static board straight onto the window (no window-sized layer to
    fill and copy first) and keeps the layer after the frame is on screen: that frame, and the
    frames drawn from the layer after it, show what a full redraw shows."""
    pygame.display.init()
    pygame.font.init()
    try:
        drive = Driver(tmp_path, make_setup(LEVEL, flags={"memory_aid": True}), size=size)
        board, app = drive.board, drive.app
        assert app.frames == 1 and board._static is None      # drawn with no layer
        assert differing(app.screen, full_redraw(board)) == ""
        for work in app.after_first_frame:                      # as App.run does
            work()
        app.after_first_frame.clear()
        assert board._static is not None and board._static.get_size() == size
        drive.press("Up", "Right", "Up")                        # marks drawn on the kept layer
        assert not board.full_redraw and app.frames == 4
        assert differing(app.screen, full_redraw(board)) == ""
    finally:
        pygame.quit()


class SimulatedWaiter:
    """The app loop's waiter with time simulated: each wait moves the fake clock on to the
    moment asked for (at most half a second, as the real one when nothing is due), or to the
    next scripted input; after ``until`` seconds the window is closed."""

    def __init__(self, clock: FakeClock, script: dict[float, list[pygame.event.Event]],
                 until: float, watch=None) -> None:
        self.clock = clock
        self.start = clock.now
        self.script = sorted(script.items())
        self.until = until
        self.watch = watch or (lambda: None)
        self.waits: list[float | None] = []

    def wait(self, seconds: float | None) -> list[pygame.event.Event]:
        self.watch()
        self.waits.append(seconds)
        limit = 0.5 if seconds is None else min(seconds, 0.5)
        if self.script and self.start + self.script[0][0] <= self.clock.now + limit:
            at, events = self.script.pop(0)
            self.clock.now = max(self.clock.now, self.start + at)
            return events
        self.clock.advance(limit)
        if self.clock.now - self.start >= self.until:
            return [pygame.event.Event(pygame.QUIT)]
        return []


class Recorder:
    available, muted, notice = False, False, None

    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, name: str) -> None:
        self.played.append(name)


def test_an_idle_board_draws_once_a_second_for_its_clock_and_not_at_all_when_paused(tmp_path):
    pygame.display.init()
    pygame.font.init()
    try:
        clock = FakeClock()
        sound = Recorder()
        app = App((1024, 768), clock=clock, sound=sound)
        setup = make_setup(LEVEL, flags={"time_limit": 150.0})
        board = BoardScene(app, setup, SessionLog(tmp_path, setup))
        app.start(board)
        frames: list[tuple[float, int, str]] = []

        def watch() -> None:
            if board._shown is not None:
                frames.append((clock.now - waiter.start, app.frames, board._shown[1]["clock"][1]))

        # The first step starts the clock (2:30); nobody touches anything for a minute; then
        # the facilitator pauses for a minute.
        waiter = SimulatedWaiter(clock, {1.0: key("Right")[:1], 2.0: key("Up")[:1],
                                         64.0: key("ctrl+space")[:1]}, until=125.0, watch=watch)
        app.run(waiter)
        running = [f for f in frames if 10.0 <= f[0] < 60.0]
        drawn = running[-1][1] - running[0][1]
        assert 48 <= drawn <= 52               # one frame a second: the clock's change
        shown = [f[2] for f in running]
        seconds = sorted({int(m) * 60 + int(s) for m, s in (t.split(":") for t in shown)})
        assert seconds == list(range(seconds[0], seconds[-1] + 1))     # every second shown
        assert len(seconds) >= 49
        assert "warning" in sound.played       # two minutes left: the tone sounded
        paused = [f for f in frames if 70.0 <= f[0]]
        assert paused[-1][1] == paused[0][1]   # paused: not one frame drawn in 55 s
        assert paused[-1][2] == paused[0][2]
        assert len({f[2] for f in frames if 64.0 < f[0]}) == 1
        assert all(w is None or w >= 0.4 for w in waiter.waits[-20:])  # and no timer set
    finally:
        pygame.quit()


def _board_with_sound(tmp_path):
    """A board on an app with a real (dummy-driver) sound device and a fake clock."""
    from maze.ui.sound import open_sound
    clock = FakeClock()
    app = App((1024, 768), clock=clock, sound=open_sound(True))
    if not app.sound.available:
        pytest.skip("no mixer (SDL_AUDIODRIVER=dummy gives one)")
    setup = make_setup(LEVEL)
    board = BoardScene(app, setup, SessionLog(tmp_path, setup))
    app.start(board)
    return clock, app, board


def test_the_sound_device_rests_while_paused_and_the_next_sound_still_plays(tmp_path):
    pygame.display.init()
    pygame.font.init()
    try:
        clock, app, board = _board_with_sound(tmp_path)
        seen: list[tuple[float, bool, bool]] = []

        def watch() -> None:
            if 5.0 <= clock.now - waiter.start < 5.5:
                # A sound plays in real time, while this loop's time is simulated: let the
                # tick end before the device may rest (it never rests while a sound plays).
                deadline = time.monotonic() + 5
                while pygame.mixer.get_busy() and time.monotonic() < deadline:
                    pygame.time.wait(10)
            seen.append((clock.now - waiter.start, bool(pygame.mixer.get_init()),
                         bool(pygame.mixer.get_init()) and pygame.mixer.get_busy()))

        # Right then Up: a step onto B1 (the path): its tick. Paused at 5 s, on again at 20 s,
        # and a step at 30 s.
        waiter = SimulatedWaiter(clock, {1.0: key("Right")[:1], 2.0: key("Up")[:1],
                                         5.0: key("ctrl+space")[:1], 20.0: key("ctrl+space")[:1],
                                         30.0: key("Up")[:1]}, until=31.0, watch=watch)
        app.run(waiter)
        assert not isinstance(app.sound, RestingSound)      # given back as it was
        assert all(open_ for at, open_, _ in seen if at < 5.0)
        assert not any(open_ for at, open_, _ in seen if 10.0 <= at < 20.0)   # rested
        after = [s for s in seen if s[0] >= 30.0]
        assert after and after[0][1] and after[0][2]        # open again, the tick playing
        assert [e.TYPE for e in board.session.events].count("step") == 2
    finally:
        pygame.quit()


def test_the_sound_device_rests_while_the_board_stands_still_and_a_key_wakes_it(tmp_path):
    """The clock running, nobody at the keys: after REST_AFTER seconds without a sound or an
    input the device is closed (its audio thread is most of an idle board's cost); the next
    key opens it before it is handled, so that step's sound plays at once."""
    from maze.ui.app import REST_AFTER
    pygame.display.init()
    pygame.font.init()
    try:
        clock, app, board = _board_with_sound(tmp_path)
        seen: list[tuple[float, bool, bool, str]] = []

        def watch() -> None:
            if 2.0 <= clock.now - waiter.start < 2.5:
                deadline = time.monotonic() + 5     # the tick plays in real time: let it end
                while pygame.mixer.get_busy() and time.monotonic() < deadline:
                    pygame.time.wait(10)
            seen.append((clock.now - waiter.start, bool(pygame.mixer.get_init()),
                         bool(pygame.mixer.get_init()) and pygame.mixer.get_busy(),
                         board.session.state.phase))

        waiter = SimulatedWaiter(clock, {1.0: key("Right")[:1], 2.0: key("Up")[:1],
                                         12.0: key("Up")[:1]}, until=13.0, watch=watch)
        app.run(waiter)
        assert all(phase != "paused" for *_, phase in seen)          # the clock ran throughout
        assert any(open_ for at, open_, *_ in seen if 2.0 <= at < 2.0 + REST_AFTER)
        assert not any(open_ for at, open_, *_ in seen if 2.5 + REST_AFTER <= at < 12.0)
        after = [s for s in seen if s[0] >= 12.0]
        assert after and after[0][1] and after[0][2]        # opened by the key, the tick playing
        assert [e.TYPE for e in board.session.events].count("step") == 2
    finally:
        pygame.quit()
