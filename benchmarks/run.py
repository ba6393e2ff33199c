"""Benchmarks: each figure measured beside a baseline taken in the same run, so the machine's
speed cancels out. Prints one table: figure, value, baseline, ratio, target, PASS/FAIL.

    python benchmarks/run.py            # the full run (about two minutes)
    python benchmarks/run.py --quick    # fewer repetitions, to check that everything runs
    python benchmarks/run.py --report-5000   # also the report of 5,000 sessions (+4 minutes)
    python benchmarks/run.py --readme   # and write the table into README.md

Start-up, memory at 4K and idle CPU are measured from outside the process on a real X display
(Xvfb) beside a bare pygame-ce program; board frames in-process with SDL's dummy driver.

Exit status 1 if any target is missed, 2 if a figure could not be measured (an ERROR row).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@dataclass
class Row:
    figure: str
    value: float
    baseline: float | None
    unit: str
    target: str
    ok: bool

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline


def _setup(level_name: str = "classic", roster=("Ana", "Ben", "Chen"), seed: int = 1, cols=None, rows=None):
    from maze.core.board import Board
    from maze.core.level import Level
    from maze.core.path import generate_path, path_names
    from maze.core.session import make_setup
    from maze.paths import builtin_levels_dir
    from maze.storage.levels import load_level
    if cols:
        path = generate_path(Board(cols, rows), random.Random(seed))
        level = Level(f"{cols}x{rows}", cols, rows, tuple(path_names(path)))
    else:
        level = load_level(builtin_levels_dir() / f"{level_name}.json")
    return make_setup(level, "Bench", roster, None, {}, seed, f"bench{seed:04d}",
                      "2026-11-22T10:00:00+00:00")


# ------------------------------------------------------------------------------ frame cost
def frame_cost(size: tuple[int, int], frames: int, cols=None, rows=None) -> tuple[float, float]:
    """Median seconds of a typical play frame (the token moving, the clock ticking) against
    blitting one full-screen cached surface and flipping."""
    import pygame

    from maze.storage.log import SessionLog
    from maze.ui.app import App
    from maze.ui.scenes.board import BoardScene
    pygame.display.init()
    pygame.font.init()
    clock = [0.0]
    app = App(size, clock=lambda: clock[0])
    setup = _setup(cols=cols, rows=rows, roster=tuple(f"P{i}" for i in range(30)))
    with tempfile.TemporaryDirectory() as folder:
        board = BoardScene(app, setup, SessionLog(Path(folder), setup))
        app.start(board)
        app.step([])
        clock[0] += 5
        app.step([])                               # the opening announcement is gone
        session = board.session
        times = []
        for _ in range(frames):
            clock[0] += 1.0                        # the clock ticks every frame
            state = session.state
            if state.position is None and state.retreat is None:
                target = setup.level.squares()[0]
            elif state.retreat is None and state.position is not None:
                nxt = [sq for sq in state.board.neighbours(state.position) if sq in state.path_set
                       and sq not in state.trail]
                target = nxt[0] if nxt else state.position
            else:
                target = None
            if target is not None:
                try:
                    session.move(target)           # the token moves
                except Exception:
                    pass
            start = time.perf_counter()
            app.step([])                           # a whole frame: update, then draw
            times.append(time.perf_counter() - start)
            if state.ended:
                break
        cached = pygame.Surface(size)
        cached.fill((20, 30, 40))
        base = []
        for _ in range(frames):
            start = time.perf_counter()
            app.screen.blit(cached, (0, 0))
            pygame.display.flip()
            base.append(time.perf_counter() - start)
        board.closing()
    pygame.quit()
    return statistics.median(times), statistics.median(base)


# ------------------------------------------------------------------------------ late board
def long_session_log(folder: Path, events: int, memory_aid: bool) -> Path:
    """The log of a session still being played: a 26x40 board, 30 players, played by the
    simulated team until it holds about ``events`` events (the clock never runs out)."""
    from maze.sim.team import play
    from maze.storage.log import SessionLog
    setup = _setup(cols=26, rows=40, roster=tuple(f"P{i}" for i in range(30)), seed=7)
    setup = setup.__class__(**{**setup.__dict__, "rules": setup.rules.with_overrides(
        {"time_limit": 86400.0, "memory_aid": memory_aid})})
    played: list[Any] = []
    play(setup, random.Random(7), sink=played.append, max_actions=round(events / 1.1))
    log = SessionLog(folder, setup)
    for event in played:
        if event.TYPE != "session_ended":        # left open, as a session still being played
            log.append(event)
    log.close()
    return log.path


def late_board_frames(size: tuple[int, int], memory_aid: bool, frames: int,
                      events: int = 11_000) -> LateFrames:
    """Board frames late in a long session (a 26x40 board, 30 players, ``events`` events):
    the team plays on, a click a frame, the clock ticking. A frame is the app's whole step
    (the click handled, the scene updated, drawn); the log's fsync (after a turn or a beep:
    the disk's time, not the frame's) is timed apart."""
    import pygame

    from maze.sim.team import STYLE_TABLE, choose
    from maze.storage.log import SessionLog, read_for_resume
    from maze.ui.app import App
    from maze.ui.scenes.board import BoardScene
    pygame.display.init()
    pygame.font.init()
    clock = [1000.0]
    app = App(size, clock=lambda: clock[0])
    rng = random.Random(3)
    style = STYLE_TABLE["forgetful"]
    with tempfile.TemporaryDirectory() as folder:
        path = long_session_log(Path(folder), events, memory_aid)
        read = read_for_resume(path)
        synced = [0.0]

        def fsync(fd: int) -> None:              # the log's disk syncs, timed apart
            start = time.perf_counter()
            os.fsync(fd)
            synced[0] += time.perf_counter() - start

        log = SessionLog.reopen(path, fsync=fsync)
        board = BoardScene(app, read.setup, log, resume=read.events, gap=0.0)
        held = len(board.session.events)
        app.start(board)
        app.step([])
        clock[0] += 10
        app.step([])                               # the resumed announcement is gone
        times: list[float] = []
        syncs: list[float] = []
        for _ in range(frames):
            session = board.session
            if session.state.ended:
                break
            events = []
            if session.state.retreat is not None and session.rules.retreat == "auto":
                clock[0] += (session.seconds_to_next_due() or 0.0) + 0.001
            else:
                clock[0] += 0.3
                target = choose(session, style, rng)
                if target is not None:             # the player clicks the next square
                    spot = board.layout().square_rect(target).center
                    events.append(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=spot, button=1))
            synced[0] = 0.0
            start = time.perf_counter()
            app.step(events)                       # a whole frame: the click, update, draw
            times.append(time.perf_counter() - start - synced[0])
            syncs.append(synced[0])
        marked = len(board.session.state.knowledge)
        board.closing()
    pygame.quit()
    times.sort()
    return LateFrames(statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)], held,
                      marked, sum(1 for t in syncs if t), sum(syncs) / max(1, len(syncs)))


@dataclass
class LateFrames:
    median: float       # seconds of a frame (the log's disk syncs left out: see ``synced``)
    p99: float
    events: int         # in the session when the frames began
    marked: int         # squares tested (marked, with the memory aid on) at the end
    synced: int         # frames in which the log synced to disk (a turn's end, a beep)
    sync_share: float   # seconds a frame spent on those syncs, on average


# ------------------------------------------------------------------------------ beep latency
def beep_latency(steps: int) -> tuple[float, float]:
    """Seconds from a key event being handled to the beep's play() call."""
    import pygame

    from maze.storage.log import SessionLog
    from maze.ui.app import App
    from maze.ui.navigator import navigated
    from maze.ui.scenes.board import BoardScene
    pygame.display.init()
    pygame.font.init()
    clock = [0.0]
    played: list[float] = []

    class Recorder:
        available, muted, notice = True, False, None

        def play(self, name: str) -> None:
            if name == "beep":
                played.append(time.perf_counter())

    app = navigated(App((1280, 800), clock=lambda: clock[0], sound=Recorder()))
    setup = _setup(cols=12, rows=12, roster=("Ana", "Ben"))
    beep_col = next(c for c in range(12) if (c, 0) not in set(setup.level.squares()))
    latencies = []
    with tempfile.TemporaryDirectory() as folder:
        board = BoardScene(app, setup, SessionLog(Path(folder), setup))
        app.start(board)
        app.step([])
        board.cursor = beep_col
        key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0, scancode=0, unicode="")
        for _ in range(steps):
            clock[0] += 1.0                        # the walk-back of the last beep is over
            # (and 1,000 beeps end well inside the 20 minutes of the session's time limit)
            app.step([])
            board.cursor = beep_col
            before = len(played)
            start = time.perf_counter()
            app.step([key])
            if len(played) > before:
                latencies.append(played[-1] - start)
        board.closing()
    pygame.quit()
    if len(latencies) < steps:
        raise RuntimeError(f"only {len(latencies)} of {steps} steps beeped")
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1]


# ------------------------------------------------------------------------------ a real window
# Start-up, memory and idle CPU are taken from outside the process, on a real X display
# (Xvfb), beside a bare pygame-ce program doing the least the same thing needs: opening its
# window, showing a frame, and waiting on events.
BARE = """
import os, sys
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")     # as the program does
pygame.display.init()
w, h = map(int, sys.argv[1].split("x"))
screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
screen.fill((20, 30, 40))
pygame.display.flip()
while pygame.event.wait().type != pygame.QUIT:
    pass
"""


class Screen:
    """A virtual X display (Xvfb, black, ``size``) and a way to read one pixel of it."""

    def __init__(self, size: tuple[int, int]) -> None:
        import ctypes
        import shutil
        if shutil.which("Xvfb") is None:
            raise RuntimeError("needs Xvfb (apt-get install xvfb xdotool)")
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24",
             "-nolisten", "tcp", "-br"], pass_fds=(write,),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        while not number.endswith(b"\n"):
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        self.name = ":" + number.decode().strip()
        self.size = size
        x11 = ctypes.CDLL("libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XGetImage.restype = ctypes.c_void_p
        x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                  ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x11.XGetSubImage.restype = ctypes.c_void_p
        x11.XGetSubImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                     ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int,
                                     ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        x11.XGetPixel.restype = ctypes.c_ulong
        x11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        self._x11 = x11
        self._display = x11.XOpenDisplay(self.name.encode())
        self._root = x11.XDefaultRootWindow(self._display)
        self._image = x11.XGetImage(self._display, self._root, 0, 0, 1, 1, 2**64 - 1, 2)

    def pixel(self, x: int, y: int) -> int:
        """The pixel at (x, y) of the screen, as X stores it (0: black)."""
        self._x11.XGetSubImage(self._display, self._root, x, y, 1, 1, 2**64 - 1, 2, self._image,
                               0, 0)
        return int(self._x11.XGetPixel(self._image, 0, 0))

    def env(self, folder: str) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.name, MAZE_DATA_DIR=folder, SDL_AUDIODRIVER="dummy")
        env.pop("SDL_VIDEODRIVER", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return env

    def launch(self, command: list[str], folder: str) -> tuple[subprocess.Popen[bytes], float]:
        """Start ``command`` on this screen; return it and the seconds until its first frame
        is on the screen (the middle of the screen, black until a window draws there)."""
        middle = (self.size[0] // 2, self.size[1] // 2)
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=self.env(folder), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = start + 60
        while self.pixel(*middle) == 0:
            if proc.poll() is not None or time.perf_counter() > deadline:
                stop(proc)
                raise RuntimeError(f"{command[1:4]} showed no frame")
            time.sleep(0.001)
        return proc, time.perf_counter() - start

    def close(self) -> None:
        self.server.kill()
        self.server.wait()


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def ours(folder: str, size: tuple[int, int], *extra: str) -> list[str]:
    return [sys.executable, "-m", "maze", "play", "--players", "A,B", "--log-dir", folder,
            "--window", f"{size[0]}x{size[1]}", *extra]


def bare(size: tuple[int, int]) -> list[str]:
    return [sys.executable, "-c", BARE, f"{size[0]}x{size[1]}"]


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (every thread), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def share_of_core(pid: int, seconds: float) -> float:
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds


def startup(runs: int) -> tuple[float, float, float]:
    """Median seconds from launch to the first board frame on screen (`maze play` in a
    1920x1080 window, in English and in German: the catalogue read and every word
    translated), against the bare program's first frame; runs interleaved."""
    # `pip install` compiles a package's bytecode, as it did pygame's: do the same for a source
    # tree, and let the runs use it.
    import compileall

    import maze
    compileall.compile_dir(str(Path(maze.__file__).parent), quiet=1)
    size = (1920, 1080)
    times: dict[str, list[float]] = {"ours": [], "bare": [], "german": []}
    screen = Screen(size)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(runs):
                for name, command in (("bare", bare(size)), ("ours", ours(folder, size)),
                                      ("german", ours(folder, size, "--lang", "de"))):
                    proc, took = screen.launch(command, folder)
                    stop(proc)
                    times[name].append(took)
    finally:
        screen.close()
    return (statistics.median(times["ours"]), statistics.median(times["bare"]),
            statistics.median(times["german"]))


def memory_4k(settle: float) -> tuple[float, float]:
    """Resident MB of the play screen in a real 3840x2160 window, ``settle`` seconds after its
    first frame (the sounds are made after it), against the bare program's window."""
    size = (3840, 2160)
    screen = Screen(size)
    found = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, command in (("bare", bare(size)), ("ours", ours(folder, size))):
                proc, _ = screen.launch(command, folder)
                try:
                    time.sleep(settle)
                    found[name] = resident_mb(proc.pid)
                finally:
                    stop(proc)
    finally:
        screen.close()
    return found["ours"], found["bare"]


def idle_cpu(seconds: float, settle: float = 5.0) -> tuple[float, float, float]:
    """Share of one core used by the play screen with nobody at the keys, the clock running
    (a planning phase: one change a second), then paused (Ctrl+Space, by xdotool); and by the
    bare program waiting on events. Measured from outside, over ``seconds`` each."""
    size = (1920, 1080)
    screen = Screen(size)
    try:
        with tempfile.TemporaryDirectory() as folder:
            proc, _ = screen.launch(bare(size), folder)
            try:
                time.sleep(min(1.0, settle))
                baseline = share_of_core(proc.pid, seconds)
            finally:
                stop(proc)
            proc, _ = screen.launch(ours(folder, size, "--planning", "3600"), folder)
            try:
                time.sleep(settle)                 # the sounds made, the announcement gone
                running = share_of_core(proc.pid, seconds)
                window = subprocess.run(["xdotool", "search", "--pid", str(proc.pid)],
                                        env=screen.env(folder), capture_output=True, text=True,
                                        check=True).stdout.split()[-1]
                subprocess.run(["xdotool", "windowfocus", "--sync", window],
                               env=screen.env(folder), check=True)
                subprocess.run(["xdotool", "key", "--window", window, "ctrl+space"],
                               env=screen.env(folder), check=True)
                time.sleep(settle)                 # the pause said, then nothing due at all
                paused = share_of_core(proc.pid, seconds)
            finally:
                stop(proc)
            logged = "".join(p.read_text() for p in Path(folder).glob("*.jsonl"))
            if '"paused"' not in logged:
                raise RuntimeError("the board was not paused by Ctrl+Space")
    finally:
        screen.close()
    return running, paused, baseline

# ------------------------------------------------------------------------------ report
def make_logs(folder: Path, count: int, events_each: int = 400) -> None:
    from maze.sim.team import play
    from maze.storage.log import SessionLog
    for i in range(count):
        setup = _setup(seed=i, roster=("Ana", "Ben", "Chen", "Dana"))
        log = SessionLog(folder, setup)
        play(setup, random.Random(i), sink=log.append, max_actions=round(events_each / 1.45))
        log.close()


def just_json(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                json.loads(line)
    return time.perf_counter() - start


@dataclass
class ReportCost:
    took: float                  # seconds, best of five
    baseline: float              # json.loads of the same lines, best of five, interleaved
    peak: float                  # MB traced, in a run of its own (with the CSV)
    summary: int                 # bytes of the summary page
    page: int                    # bytes of the median session page
    load_summary: float | None   # Chromium, seconds to load and lay out the summary
    load_page: float | None      # ... the median session page
    load_blank: float | None     # ... a blank page from the same folder: the baseline


def report_cost(folder: Path, count: int, browser: Any) -> ReportCost:
    """`maze report` over ``count`` logs (the summary and a page per session) against reading
    and json.loads-ing every line of them; the pages' sizes; Chromium's load times."""
    from maze.reporting import write_report
    paths = sorted(folder.glob("*.jsonl"))[:count]
    with tempfile.TemporaryDirectory() as out:
        report = Path(out) / "report.html"
        # Interleaved, best of five each: both sides see the same (shared, noisy) machine.
        bases, tooks = [], []
        for _ in range(5):
            bases.append(just_json(paths))
            tooks.append(_timed(lambda: write_report(paths, report)))
        tracemalloc.start()                       # memory in its own run: tracing slows code
        write_report(paths, report, Path(out) / "s.csv")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        pages = sorted((Path(out) / "report_files").iterdir(), key=lambda p: p.stat().st_size)
        median = pages[len(pages) // 2]
        blank = Path(out) / "blank.html"          # the baseline: a blank page from the same disk
        blank.write_text("<!DOCTYPE html><title>blank</title><p>blank</p>", encoding="utf-8")
        loads = (load_time(browser, report), load_time(browser, median),
                 load_time(browser, blank)) if browser is not None else (None, None, None)
        return ReportCost(min(tooks), min(bases), peak / 1e6, report.stat().st_size,
                          median.stat().st_size, *loads)


def chromium() -> Any:
    """Headless Chromium driven by selenium through Debian's chromedriver (as the tests do),
    or None if either is missing."""
    import shutil
    binary, driver = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or \
        "/usr/bin/chromedriver"
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    if not (Path(binary).exists() and Path(driver).exists()):
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="maze-bench-chromium-")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1200,1600"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.profile_dir = profile
    return browser


def load_time(browser: Any, page: Path, runs: int = 3) -> float:
    """Median seconds for Chromium to load a page (to its load event) and lay it out, from a
    blank tab."""
    times = []
    for _ in range(runs):
        browser.get("about:blank")
        start = time.perf_counter()
        browser.get(page.as_uri())
        browser.execute_script("return document.documentElement.getBoundingClientRect().height")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report_rows(counts: list[int]) -> list[Row]:
    """The report's rows for each number of sessions: time, memory, page sizes, Chromium."""
    rows: list[Row] = []
    browser = chromium()
    if browser is None:
        print("report: no Chromium (apt-get install chromium chromium-driver) and selenium: "
              "load times not measured", file=sys.stderr)
    try:
        with tempfile.TemporaryDirectory() as folder:
            logs = Path(folder)
            make_logs(logs, max(counts))
            first: ReportCost | None = None
            for count in counts:
                cost = report_cost(logs, count, browser)
                first = first or cost
                rows.append(Row(f"report, {count} logs", cost.took * 1e3, cost.baseline * 1e3, "ms",
                                "<= 3x json.loads", cost.took <= 3 * cost.baseline))
                rows.append(Row(f"report peak memory, {count} logs", cost.peak, None, "MB",
                                "< 50 MB more than 100 logs", cost.peak - first.peak < 50))
                rows.append(Row(f"summary page, {count} sessions", cost.summary / 1e3, None, "KB",
                                "<= 0.6 KB a session", cost.summary <= 600 * count))
                rows.append(Row(f"one session page (median), {count} logs", cost.page / 1e3, None,
                                "KB", "< 100 KB", cost.page < 100_000))
                if cost.load_summary is not None and cost.load_blank is not None:
                    rows.append(Row(f"Chromium load, summary of {count}", cost.load_summary * 1e3,
                                    cost.load_blank * 1e3, "ms", "< 3 s", cost.load_summary < 3))
                if cost.load_page is not None and cost.load_blank is not None:
                    rows.append(Row(f"Chromium load, one session page ({count})", cost.load_page * 1e3,
                                    cost.load_blank * 1e3, "ms", "< 1 s", cost.load_page < 1))
    finally:
        if browser is not None:
            import shutil
            browser.quit()
            shutil.rmtree(browser.profile_dir, ignore_errors=True)
    return rows


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def score_big(events: int) -> tuple[float, float]:
    """`maze score` on one log of ``events`` events, against reading and parsing it."""
    from maze.analysis.scores import score
    from maze.sim.team import play
    from maze.storage.log import SessionLog, read_log
    with tempfile.TemporaryDirectory() as folder:
        setup = _setup(cols=26, rows=40, roster=tuple(f"P{i}" for i in range(30)))
        setup = setup.__class__(**{**setup.__dict__, "rules": setup.rules.with_overrides(
            {"time_limit": 86400.0})})
        log = SessionLog(Path(folder), setup)
        play(setup, random.Random(5), sink=log.append, max_actions=events // 2)
        log.close()
        bases, tooks = [], []
        for _ in range(5):                        # interleaved, best of five each
            bases.append(just_json([log.path]))
            start = time.perf_counter()
            read = read_log(log.path)
            score(read.setup, read.events)
            tooks.append(time.perf_counter() - start)
        return min(tooks), min(bases)


def measured(rows: list[Row], name: str, work: Any) -> Any:
    """Run one measurement; if it fails, an ERROR row says why (the table still prints)."""
    try:
        return work()
    except Exception as exc:       # noqa: BLE001 - any failure is shown, and fails the run
        rows.append(Row(name, float("nan"), None, "", f"ERROR: {exc}"[:60], False))
        return None


def table(rows: list[Row], load: tuple[float, float]) -> str:
    width = max(len(r.figure) for r in rows)
    lines = [f"machine load (1-minute average): {load[0]:.2f} at the start, {load[1]:.2f} at the "
             f"end, on {os.cpu_count()} cores",
             f"{'figure':<{width}}  {'value':>10}  {'baseline':>10}  {'ratio':>6}  {'target':<26} "
             "result"]
    for r in rows:
        base = "-" if r.baseline is None else f"{r.baseline:.2f}"
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
        result = "ERROR" if r.value != r.value else "PASS" if r.ok else "FAIL"
        lines.append(f"{r.figure:<{width}}  {r.value:>8.2f}{r.unit:>2}  {base:>10}  {ratio:>6}  "
                     f"{r.target:<26} {result}")
    return "\n".join(lines)


README_START, README_END = "<!-- benchmark table: start -->", "<!-- benchmark table: end -->"


def write_readme(text: str) -> None:
    """Put the table (as printed) between the README's markers."""
    readme = ROOT / "README.md"
    body = readme.read_text(encoding="utf-8")
    head, rest = body.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(f"{head}{README_START}\n```\n{text}\n```\n{README_END}{tail}",
                      encoding="utf-8")


def frame_rows(rows: list[Row], q: bool) -> None:
    frames = 40 if q else 300
    blit = None
    for size in ((1920, 1080), (3840, 2160)):
        value, base = frame_cost(size, frames)
        blit = blit or base
        rows.append(Row(f"frame cost {size[0]}x{size[1]}", value * 1e3, base * 1e3, "ms",
                        "<= 1.0x baseline", value <= base))
    small, _ = frame_cost((1920, 1080), frames, cols=6, rows=9)
    big, _ = frame_cost((1920, 1080), frames, cols=26, rows=40)
    rows.append(Row("frame cost 26x40 board", big * 1e3, small * 1e3, "ms",
                    "<= 1.5x the 6x9 board", big <= 1.5 * small))
    events = 2_000 if q else 11_000
    for aid in (True, False):
        late = late_board_frames((1920, 1080), aid, 60 if q else 600, events)
        name = f"late board frame ({late.events:,} events, aid {'on' if aid else 'off'})"
        rows.append(Row(f"{name}, median", late.median * 1e3, blit * 1e3 if blit else None, "ms",
                        "< 2 ms", late.median < 0.002))
        rows.append(Row(f"{name}, p99", late.p99 * 1e3, blit * 1e3 if blit else None, "ms",
                        "< 8 ms", late.p99 < 0.008))
        print(f"{name}: {late.marked} squares tested; the log synced to disk in {late.synced} "
              f"frames ({late.sync_share * 1e3:.2f} ms a frame on average, not counted)",
              file=sys.stderr)


def window_rows(rows: list[Row], q: bool) -> None:
    """Idle CPU, start-up and memory at 4K: each on a real X display, each its own ERROR."""
    idle = measured(rows, "idle CPU (Xvfb)", lambda: idle_cpu(1.0 if q else 20.0, 1.0 if q else 5.0))
    if idle is not None:
        running, paused, bare_idle = idle
        rows.append(Row("idle CPU, clock running (Xvfb)", running * 100, bare_idle * 100, "%",
                        "< 0.5% of a core", running < 0.005))
        rows.append(Row("idle CPU, paused (Xvfb)", paused * 100, bare_idle * 100, "%",
                        "< 0.2% of a core", paused < 0.002))
    up = measured(rows, "start-up to first frame (Xvfb)", lambda: startup(2 if q else 9))
    if up is not None:
        rows.append(Row("start-up to first frame (Xvfb)", up[0] * 1e3, up[1] * 1e3, "ms",
                        "<= 1.5x bare pygame", up[0] <= 1.5 * up[1]))
        rows.append(Row("start-up to first frame, in German (Xvfb)", up[2] * 1e3, up[1] * 1e3,
                        "ms", "<= 1.5x bare pygame", up[2] <= 1.5 * up[1]))
    memory = measured(rows, "memory, 3840x2160 window (Xvfb)",
                      lambda: memory_4k(1.0 if q else 5.0))
    if memory is not None:
        rows.append(Row("memory, 3840x2160 window (Xvfb)", memory[0], memory[1], "MB",
                        "< 150 MB", memory[0] < 150))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions and shorter waits (checks every row is made)")
    parser.add_argument("--report-5000", action="store_true",
                        help="also the report of 5,000 sessions (about four more minutes)")
    parser.add_argument("--readme", action="store_true",
                        help="write the table into README.md (between its markers)")
    args = parser.parse_args()
    q = args.quick
    load_before = os.getloadavg()[0]
    rows: list[Row] = []
    measured(rows, "board frames", lambda: frame_rows(rows, q))
    window_rows(rows, q)
    beeps = measured(rows, "beep latency", lambda: beep_latency(100 if q else 1000))
    if beeps is not None:
        rows.append(Row("beep latency, median", beeps[0] * 1e3, None, "ms", "< 2 ms",
                        beeps[0] < 0.002))
        rows.append(Row("beep latency, 99th percentile", beeps[1] * 1e3, None, "ms", "< 2 ms",
                        beeps[1] < 0.002))
    from maze.ui.sound import BUFFER, RATE
    rows.append(Row("mixer buffer", BUFFER / RATE * 1e3, None, "ms", "<= 512 samples (11.6 ms)",
                    BUFFER <= 512))
    counts = [20] if q else [100, 1000, 5000] if args.report_5000 else [100, 1000]
    reported = measured(rows, "report", lambda: report_rows(counts))
    rows.extend(reported or [])
    events = 10_000 if q else 100_000
    scored = measured(rows, "score", lambda: score_big(events))
    if scored is not None:
        rows.append(Row(f"score, one log of {events:,} events", scored[0] * 1e3, scored[1] * 1e3,
                        "ms", "<= 3x json.loads", scored[0] <= 3 * scored[1]))
    text = table(rows, (load_before, os.getloadavg()[0]))
    print(text)
    if args.readme:
        write_readme(text)
    if any(r.value != r.value for r in rows):
        return 2
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
