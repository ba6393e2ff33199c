"""The demo plays a whole session by itself; the benchmarks run and print every figure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from helpers import FakeClock

from maze.cli import build_parser
from maze.core.session import replay
from maze.storage.log import read_log
from maze.ui.scenes.debrief import DebriefScene
from maze.wiring import build_demo

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_the_demo_team_plays_a_whole_session_on_screen(tmp_path):
    pygame.display.init()
    pygame.font.init()
    try:
        args = build_parser().parse_args(["demo", "quick-demo", "--players", "3", "--seed", "4",
                                          "--speed", "8", "--window", "800x600", "--no-sound"])
        clock = FakeClock()
        app = build_demo(args, tmp_path, clock)
        board = app.top
        board._next_at = clock()
        for _ in range(5000):
            if isinstance(app.top, DebriefScene):
                break
            clock.advance(0.2)
            app.step([])
        assert isinstance(app.top, DebriefScene)
        read = read_log(next(tmp_path.glob("*.jsonl")))
        assert read.ended and read.warnings == []
        assert replay(read.setup, read.events) == board.session.state
        assert any(e.TYPE == "crossing" for e in read.events)
    finally:
        pygame.quit()


def test_the_benchmarks_run_and_print_every_row():
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                            capture_output=True, text=True, env=env, timeout=600)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == ["figure", "value", "baseline", "ratio", "target"]
    figures = [line for line in lines[1:] if line.strip()]
    for name in ("frame cost 1920x1080", "frame cost 3840x2160", "frame cost 26x40 board",
                 "idle CPU", "beep latency, median", "beep latency, 99th percentile",
                 "mixer buffer", "start-up to first frame", "report, 100 logs",
                 "score, one log of", "play screen memory at 3840x2160"):
        assert any(line.startswith(name) for line in figures), name
    assert all(line.rstrip().endswith(("PASS", "FAIL")) for line in figures)
