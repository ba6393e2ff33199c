"""Replaying a long session (issue 18): a 26x40 board, 30 players, about 11,000 steps, at 1080p.

Frame times while it plays at 1x and at 16x (median, p95, p99; each frame is a whole
``App.step``: the replay clock, the events it applies, the drawing and the flip), and the
time of each way of seeking (End, Home, a click on the timeline at several points, one step
back at the end; each also a whole ``App.step``, its frame included), beside a baseline
measured in the same run: one full-screen blit of a cached surface and a flip.

    python benchmarks/replay.py            # the full run (about half a minute)
    python benchmarks/replay.py --quick    # fewer frames, to check that everything runs

The dummy SDL video driver unless SDL_VIDEODRIVER says otherwise (for example x11 under
Xvfb). Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

SIZE = (1920, 1080)
FRAME_TARGET = 8.0         # ms, every frame
SEEK_TARGET = 50.0         # ms, every seek


def long_session(seed: int = 5) -> tuple[Any, list[Any]]:
    """A simulated session of 30 players on a 26x40 board, played to its end (the clock long
    enough never to run out), with a curveball after three crossings: about 10,700 steps
    and 20,800 events."""
    from maze.core.board import Board
    from maze.core.level import Level
    from maze.core.path import generate_path, path_names
    from maze.core.session import make_setup
    from maze.sim.team import play
    path = generate_path(Board(26, 40), random.Random(seed))
    level = Level("26x40", 26, 40, tuple(path_names(path)))
    setup = make_setup(level, "Bench", tuple(f"P{i}" for i in range(30)), None, {}, seed,
                       f"replay{seed:04d}", "2026-11-22T10:00:00+00:00")
    setup = setup.__class__(**{**setup.__dict__, "rules": setup.rules.with_overrides(
        {"time_limit": 86400.0})})
    events: list[Any] = []
    play(setup, random.Random(seed), sink=events.append, curveball_after=3, max_actions=60_000)
    return setup, events


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def _key(code: int) -> Any:
    import pygame
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)


def _click(pos: tuple[int, int]) -> Any:
    import pygame
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)


Timing = tuple[float, float]     # seconds: wall clock, and this process's CPU


def _timed(work: Callable[[], Any]) -> Timing:
    """The wall time of ``work`` and this process's CPU time for it (on a machine shared
    with other work, the wall time also counts the times the process waited for a core)."""
    cpu, start = time.process_time(), time.perf_counter()
    work()
    return time.perf_counter() - start, time.process_time() - cpu


Rows = list[tuple[str, list[Timing], str, float]]


def measure(frames: int, repeats: int) -> tuple[Rows, int, int]:
    """Rows: (what, times in seconds, what kind of target, target ms); the session's steps
    and events."""
    import pygame

    from maze.ui.app import App
    from maze.ui.scenes.charts import timeline_x
    from maze.ui.scenes.replay import ReplayScene
    pygame.display.init()
    pygame.font.init()
    setup, events = long_session()
    clock = [1000.0]
    app = App(SIZE, clock=lambda: clock[0])
    rows: Rows = []
    opened = _timed(lambda: ReplayScene(app, setup, events))
    scene = ReplayScene(app, setup, events)
    app.start(scene)
    rows.append(("open the replay (before its first frame)", [opened], "", 0.0))
    rows.append(("first frame (draws and caches)", [_timed(lambda: app.step([]))], "", 0.0))
    end = events[-1].t

    def frames_at(speed_presses: int) -> list[Timing]:
        times = []
        app.step([_key(pygame.K_HOME)])
        for _ in range(speed_presses):
            app.step([_key(pygame.K_UP)])
        for share in (0.1, 0.5, 0.9):            # early, halfway and late in the session
            scene.seek(end * share)
            if scene.paused:
                app.step([_key(pygame.K_SPACE)])
            for _ in range(frames):
                clock[0] += 1 / 60
                times.append(_timed(lambda: app.step([])))
        for _ in range(speed_presses):
            app.step([_key(pygame.K_DOWN)])
        return times

    rows.append(("frame, playing at 1x", frames_at(0), "frame", FRAME_TARGET))
    rows.append(("frame, playing at 16x", frames_at(4), "frame", FRAME_TARGET))
    if not scene.paused:
        app.step([_key(pygame.K_SPACE)])

    def seek_times(before: Callable[[], None], work: Callable[[], None]) -> list[Timing]:
        times = []
        for _ in range(repeats):
            before()
            times.append(_timed(work))
        return times

    halfway = lambda: scene.seek(end / 2)               # noqa: E731
    at_end = lambda: scene.seek(end)                    # noqa: E731
    rows.append(("seek: End (from halfway)", seek_times(halfway, lambda: app.step([_key(pygame.K_END)])),
                 "seek", SEEK_TARGET))
    rows.append(("seek: Home (from the end)", seek_times(at_end, lambda: app.step([_key(pygame.K_HOME)])),
                 "seek", SEEK_TARGET))
    rows.append(("seek: one step back at the end (Left)",
                 seek_times(at_end, lambda: app.step([_key(pygame.K_LEFT)])), "seek", SEEK_TARGET))
    rect = scene._timeline_rect
    for share in (0.1, 0.3, 0.5, 0.7, 0.9, 0.99):
        x = timeline_x(rect, scene._label_w, end, end * share)
        pos = (x, rect.y + rect.height // 2)
        rows.append((f"seek: click at {share:.0%} of the timeline (from the end)",
                     seek_times(at_end, lambda pos=pos: app.step([_click(pos)])), "seek",
                     SEEK_TARGET))
    start = lambda: scene.seek(0.0)                     # noqa: E731
    pos = (timeline_x(rect, scene._label_w, end, end * 0.9), rect.y + rect.height // 2)
    rows.append(("seek: click at 90% of the timeline (from the start)",
                 seek_times(start, lambda: app.step([_click(pos)])), "seek", SEEK_TARGET))
    cached = pygame.Surface(SIZE)
    cached.fill((20, 30, 40))

    def blit() -> None:
        app.screen.blit(cached, (0, 0))
        pygame.display.flip()

    rows.insert(0, ("baseline: one full-screen blit and flip",
                    [_timed(blit) for _ in range(max(frames, 50))], "", 0.0))
    pygame.quit()
    from maze.core.events import StepTaken
    return rows, sum(type(e) is StepTaken for e in events), len(events)


def table(rows: Rows) -> tuple[str, bool]:
    base = statistics.median(wall for wall, _ in rows[0][1])
    lines = [f"{'figure':54} {'median':>7} {'p95':>7} {'p99':>7} {'max':>7} {'cpu p99':>7} "
             f"{'x blit':>7}  target", "-" * 116]
    ok = True
    for what, times, kind, target in rows:
        ms = [wall * 1e3 for wall, _ in times]
        cpu = [used * 1e3 for _, used in times]
        median = statistics.median(ms)
        worst = max(ms)
        verdict = ""
        if kind == "frame":
            passed = percentile(ms, 0.99) < target
            verdict = f"p99 < {target:g} ms  {'PASS' if passed else 'FAIL'}"
            ok &= passed
        elif kind == "seek":
            passed = worst < target
            verdict = f"max < {target:g} ms  {'PASS' if passed else 'FAIL'}"
            ok &= passed
        many = len(ms) > 1
        p95 = f"{percentile(ms, 0.95):7.2f}" if many else f"{'':7}"
        p99 = f"{percentile(ms, 0.99):7.2f}" if many else f"{'':7}"
        lines.append(f"{what:54} {median:7.2f} {p95} {p99} {worst:7.2f} "
                     f"{percentile(cpu, 0.99):7.2f} {median / (base * 1e3):6.1f}x  {verdict}")
    return "\n".join(lines), ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames and repetitions")
    args = parser.parse_args(argv)
    frames, repeats = (20, 2) if args.quick else (120, 5)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows, steps, count = measure(frames, repeats)
    text, ok = table(rows)
    after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Replay of a 26x40, 30-player session ({steps} steps, {count} events) at "
          f"{SIZE[0]}x{SIZE[1]}, SDL_VIDEODRIVER={os.environ['SDL_VIDEODRIVER']}, load "
          f"{load:.2f} at the start and {after:.2f} at the end on {os.cpu_count()} cores; in ms "
          "(wall clock; 'cpu p99': this process's CPU time)")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
