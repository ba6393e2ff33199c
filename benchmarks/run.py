"""Benchmarks: each figure measured beside a baseline taken in the same run, so the machine's
speed cancels out. Prints one table: figure, value, baseline, ratio, target, PASS/FAIL.

    python benchmarks/run.py            # the full run (about two minutes)
    python benchmarks/run.py --quick    # fewer repetitions, to check that everything runs
    python benchmarks/run.py --report-5000   # also the report of 5,000 sessions (+4 minutes)

Exit status 1 if any target is missed.
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
    from maze.cli import make_setup
    from maze.core.board import Board
    from maze.core.level import Level
    from maze.core.path import generate_path, path_names
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
                      events: int = 11_000) -> tuple[float, float, int, int]:
    """Median and 99th-percentile seconds of a board frame late in a long session (a 26x40
    board, 30 players, ``events`` events): the team plays on, a move a frame, the clock
    ticking; and how many events the session held (and squares marked)."""
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
        board = BoardScene(app, read.setup, SessionLog.reopen(path), resume=read.events, gap=0.0)
        held = len(board.session.events)
        app.start(board)
        app.step([])
        clock[0] += 10
        app.step([])                               # the resumed announcement is gone
        times = []
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
            start = time.perf_counter()
            app.step(events)                       # a whole frame: the click, update, draw
            times.append(time.perf_counter() - start)
        marked = len(board.session.state.knowledge)
        board.closing()
    pygame.quit()
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.99) - 1)], held, marked


# ------------------------------------------------------------------------------ idle CPU
def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def _xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """A virtual X display, if Xvfb is installed."""
    import shutil
    if shutil.which("Xvfb") is None:
        return None
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    return server, ":" + number.decode().strip()


def idle_cpu(seconds: float) -> tuple[float, str]:
    """Share of one core used by the real program over ``seconds`` with nobody at the keys,
    and the video driver it ran on. On a real display (X11, here Xvfb) SDL blocks while it
    waits for events; its dummy driver polls every millisecond instead, so the figure is
    taken on X when there is one."""
    display = _xvfb()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, MAZE_DATA_DIR=folder)
        driver = "dummy"
        if display is not None:
            env.pop("SDL_VIDEODRIVER", None)
            env["DISPLAY"] = display[1]
            driver = "x11 (Xvfb)"
        proc = subprocess.Popen([sys.executable, "-m", "maze", "play", "--players", "A,B",
                                 "--log-dir", folder, "--window", "1600x900"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(5.0)                        # start-up and the opening announcement
            before = _cpu_seconds(proc.pid)
            time.sleep(seconds)
            used = _cpu_seconds(proc.pid) - before
        finally:
            proc.terminate()
            proc.wait(10)
            if display is not None:
                display[0].kill()
                display[0].wait()
    return used / seconds, driver


# ------------------------------------------------------------------------------ beep latency
def beep_latency(steps: int) -> tuple[float, float]:
    """Seconds from a key event being handled to the beep's play() call."""
    import pygame

    from maze.storage.log import SessionLog
    from maze.ui.app import App
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

    app = App((1280, 800), clock=lambda: clock[0], sound=Recorder())
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
            clock[0] += 2.0                        # the walk-back of the last beep is over
            app.step([])
            board.cursor = beep_col
            before = len(played)
            start = time.perf_counter()
            app.step([key])
            if len(played) > before:
                latencies.append(played[-1] - start)
        board.closing()
    pygame.quit()
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.99) - 1]


# ------------------------------------------------------------------------------ start-up
BARE = """
import os
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
pygame.display.init()
screen = pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
screen.fill((20, 30, 40))
pygame.display.flip()
"""


def startup(runs: int) -> tuple[float, float]:
    """Median seconds from launch to the first board frame, against a bare pygame-ce program
    opening a window and showing its first frame."""
    ours, bare = [], []
    # `pip install` compiles a package's bytecode, as it did pygame's: do the same for a source
    # tree, and let the runs use it (some machines set PYTHONDONTWRITEBYTECODE).
    import compileall

    import maze
    compileall.compile_dir(str(Path(maze.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, MAZE_DATA_DIR=folder, MAZE_EXIT_AFTER_FIRST_FRAME="1")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", BARE], env=env, check=True)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "maze", "play", "--players", "A,B", "--log-dir",
                            folder, "--window", "1920x1080"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ours.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(bare)


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
    from maze.analysis.report import write_report
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


# ------------------------------------------------------------------------------ memory
def play_memory() -> float:
    """Resident memory (MB) of the real program's play screen at 3840x2160."""
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, MAZE_DATA_DIR=folder)
        proc = subprocess.Popen([sys.executable, "-m", "maze", "play", "--players", "A,B",
                                 "--log-dir", folder, "--window", "3840x2160"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(5.0)
            for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        finally:
            proc.terminate()
            proc.wait(10)
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (checks it runs)")
    parser.add_argument("--report-5000", action="store_true",
                        help="also the report of 5,000 sessions (about four more minutes)")
    args = parser.parse_args()
    q = args.quick
    load_before = os.getloadavg()
    rows: list[Row] = []
    frames = 40 if q else 300
    for size in ((1920, 1080), (3840, 2160)):
        value, base = frame_cost(size, frames)
        rows.append(Row(f"frame cost {size[0]}x{size[1]}", value * 1e3, base * 1e3, "ms",
                        "<= 1.0x baseline", value <= base))
    small, _ = frame_cost((1920, 1080), frames, cols=6, rows=9)
    big, _ = frame_cost((1920, 1080), frames, cols=26, rows=40)
    rows.append(Row("frame cost 26x40 board", big * 1e3, small * 1e3, "ms",
                    "<= 1.5x the 6x9 board", big <= 1.5 * small))
    cpu, driver = idle_cpu(2.0 if q else 10.0)
    rows.append(Row(f"idle CPU, one core ({driver})", cpu * 100, None, "%", "< 1%", cpu < 0.01))
    median, p99 = beep_latency(100 if q else 1000)
    rows.append(Row("beep latency, median", median * 1e3, None, "ms", "< 2 ms", median < 0.002))
    rows.append(Row("beep latency, 99th percentile", p99 * 1e3, None, "ms", "< 2 ms", p99 < 0.002))
    from maze.ui.sound import BUFFER, RATE
    rows.append(Row("mixer buffer", BUFFER / RATE * 1e3, None, "ms", "<= 512 samples (11.6 ms)",
                    BUFFER <= 512))
    ours, bare = startup(3 if q else 9)
    rows.append(Row("start-up to first frame", ours * 1e3, bare * 1e3, "ms", "<= 1.5x bare pygame",
                    ours <= 1.5 * bare))
    rows.extend(report_rows([100] if q else [100, 1000, 5000] if args.report_5000 else [100, 1000]))
    took, base = score_big(10_000 if q else 100_000)
    rows.append(Row(f"score, one log of {'10,000' if q else '100,000'} events", took * 1e3,
                    base * 1e3, "ms", "<= 3x json.loads", took <= 3 * base))
    rss = play_memory()
    rows.append(Row("play screen memory at 3840x2160", rss, None, "MB", "< 150 MB", rss < 150))
    load_after = os.getloadavg()
    print(f"machine load (1-minute average): {load_before[0]:.2f} at the start, {load_after[0]:.2f} at "
          f"the end, on {os.cpu_count()} cores", file=sys.stderr)
    width = max(len(r.figure) for r in rows)
    print(f"{'figure':<{width}}  {'value':>10}  {'baseline':>10}  {'ratio':>6}  {'target':<26} result")
    for r in rows:
        base = "-" if r.baseline is None else f"{r.baseline:.2f}"
        ratio = "-" if r.ratio is None else f"{r.ratio:.2f}"
        print(f"{r.figure:<{width}}  {r.value:>8.2f}{r.unit:>2}  {base:>10}  {ratio:>6}  "
              f"{r.target:<26} {'PASS' if r.ok else 'FAIL'}")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
