"""The demo plays a whole session by itself; the benchmarks run and print every figure."""

from __future__ import annotations

import os
import re
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

pytestmark = pytest.mark.slow      # the demo plays 5,000 frames; the benchmark opens windows

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


# Every row the benchmark prints, and whether it stands beside a baseline from the same run.
ROWS = {
    "frame cost 1920x1080": True, "frame cost 3840x2160": True, "frame cost 26x40 board": True,
    "late board frame (2,281 events, aid on), median": True,
    "late board frame (2,281 events, aid on), p99": True,
    "late board frame (2,281 events, aid off), median": True,
    "late board frame (2,281 events, aid off), p99": True,
    "idle CPU, clock running (Xvfb)": True, "idle CPU, paused (Xvfb)": True,
    "start-up to first frame (Xvfb)": True, "start-up to first frame, in German (Xvfb)": True,
    "memory, 3840x2160 window (Xvfb)": True,
    "beep latency, median": False, "beep latency, 99th percentile": False,
    "mixer buffer": False, "report, 20 logs": True, "score, one log of 10,000 events": True,
}


@pytest.mark.xvfb
def test_the_benchmarks_measure_every_figure_beside_its_baseline():
    """`--quick` measures every figure (fewer repetitions, shorter waits) and prints the table:
    every row there, a number in it, its baseline beside it, the machine's load above it. A
    figure that could not be measured is an ERROR row and exit status 2; whether the targets
    are met (PASS or FAIL) is the benchmark's business, not a test's."""
    from xvfb import require_tools
    require_tools()
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("machine load (1-minute average): ")
    assert lines[0].endswith(f"on {os.cpu_count()} cores")
    assert lines[1].split()[:5] == ["figure", "value", "baseline", "ratio", "target"]
    row = re.compile(r"(.+?)\s{2,}([-\d.na]+) ?(ms|%|MB|KB|)\s+(\S+)\s+(\S+)\s+.*\s(PASS|FAIL|ERROR)$")
    rows = {}
    for line in lines[2:]:
        found = row.fullmatch(line)
        assert found, line
        rows[found[1]] = found.groups()[1:]
    assert not [name for name, r in rows.items() if r[-1] == "ERROR"]
    for name, with_baseline in ROWS.items():
        assert name in rows, name
        value, _, baseline, ratio, _ = rows[name]
        assert float(value) >= 0, name
        if with_baseline:
            assert float(baseline) > 0 and float(ratio) >= 0, name
