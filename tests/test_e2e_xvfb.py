"""End to end, as a person would: the installed `maze` command in a real X window, keys pressed
with xdotool, then the log read back and checked event by event."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from helpers import compact
from xvfb import Window, display, require_tools

from maze.storage.jsonfile import DataError
from maze.storage.log import read_log

pytestmark = pytest.mark.xvfb

LEVEL = {"format": "maze-level", "version": 1, "name": "E2E 4x4", "cols": 4, "rows": 4,
         "path": ["B1", "B2", "C3", "C4"]}


def wait_for(predicate, seconds: float = 20.0) -> bool:
    """Poll until something the program writes to disk is there (not a sleep to pass a race:
    the condition is checked, and the test fails if it never holds)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def events_in(folder: Path) -> list[str]:
    logs = list(folder.glob("*.jsonl"))
    if not logs:
        return []
    try:
        return [compact(e) for e in read_log(logs[0]).events]
    except DataError:            # created this instant, its first line not yet written
        if logs[0].stat().st_size == 0:
            return []
        raise


def test_a_short_session_in_a_real_window(tmp_path):
    require_tools()
    maze = shutil.which("maze")
    assert maze, "the maze command is not installed (pip install -e .)"
    level = tmp_path / "e2e.json"
    level.write_text(json.dumps(LEVEL))
    logs = tmp_path / "logs"
    with display("1024x768") as name:
        window = Window([maze, "play", str(level), "--players", "Ana,Ben", "--log-dir",
                         str(logs), "--window", "1000x740"], name, cwd=tmp_path)
        try:
            assert wait_for(lambda: len(events_in(logs)) >= 2)
            window.keys("Left", "Up", "q")           # column B, enter B1, up-left: A2 beeps
            assert wait_for(lambda: any("turn Ben" in e for e in events_in(logs)))
            window.keys("Up", "Up", "e", "Up")       # Ben: B1 B2 C3 C4 crosses
            assert wait_for(lambda: any("path_found" in e for e in events_in(logs)))
            shot = window.screenshot("e2e-execution-1024x768.png")
            window.keys("ctrl+q", "Return")
            assert wait_for(lambda: any("ended" in e for e in events_in(logs)))
            window.screenshot("e2e-results-1024x768.png")
        finally:
            window.close()
    kinds = [e.split(" ", 1)[1] for e in events_in(logs)]
    assert kinds == [
        "phase None>learning session_started", "turn Ana",
        "step Ana B1 new_safe", "step Ana A2 new_beep", "beep A2", "retreat_started 2",
        "retreat_step B1", "retreat_step off", "retreat_done", "turn Ben",
        "step Ben B1 known_safe", "step Ben B2 new_safe", "step Ben C3 new_safe",
        "step Ben C4 new_safe", "crossing Ben learning", "phase learning>execution path_found",
        "turn Ana", "ended ended_by_facilitator"]
    times = [float(e.split(" ", 1)[0]) for e in events_in(logs)]
    retreat = times[kinds.index("retreat_step off")] - times[kinds.index("retreat_started 2")]
    assert retreat == pytest.approx(1.0, abs=0.01)    # two squares at the preset's 0.5 s pace
    assert shot.stat().st_size > 10_000
    print(f"screenshot for a human to look at: {shot}")


def test_stopping_the_program_mid_session_loses_nothing(tmp_path):
    require_tools()
    maze = shutil.which("maze")
    assert maze
    logs = tmp_path / "logs"
    with display("1024x768") as name:
        window = Window([maze, "play", "quick-demo", "--players", "Ana", "--log-dir", str(logs),
                         "--window", "800x600"], name, cwd=tmp_path)
        try:
            assert wait_for(lambda: len(events_in(logs)) >= 2)
            window.keys("Up")
            assert wait_for(lambda: any("step" in e for e in events_in(logs)))
            window.process.terminate()                 # SIGTERM: no chance to tidy up
            window.process.wait(10)
        finally:
            window.close()
    read = read_log(next(logs.glob("*.jsonl")))
    assert read.warnings == [] and any(e.TYPE == "step" for e in read.events)
    assert not read.ended           # scored later as unfinished, not invented as ended


def test_a_killed_session_resumed_as_a_facilitator_would_and_scored(tmp_path):
    """SIGKILL with Ben on the board; `maze resume LOG` in a new window; the team finishes;
    the log holds the first part untouched, a session_resumed record, then the rest."""
    require_tools()
    maze = shutil.which("maze")
    assert maze
    level = tmp_path / "e2e.json"
    level.write_text(json.dumps(LEVEL))
    logs = tmp_path / "logs"
    with display("1024x768") as name:
        window = Window([maze, "play", str(level), "--players", "Ana,Ben", "--log-dir",
                         str(logs), "--window", "1000x740", "--no-sound"], name, cwd=tmp_path)
        try:
            assert wait_for(lambda: len(events_in(logs)) >= 2)
            window.keys("Left", "Up", "q")           # Ana: B1, then A2 beeps
            assert wait_for(lambda: any("turn Ben" in e for e in events_in(logs)))
            window.keys("Up")                        # Ben on B1...
            assert wait_for(lambda: any("step Ben B1" in e for e in events_in(logs)))
            window.process.kill()                    # ...when the power goes
            window.process.wait(10)
        finally:
            window.close()
        log = next(logs.glob("*.jsonl"))
        before = log.read_bytes()
        window = Window([maze, "resume", str(log), "--window", "1000x740", "--no-sound"], name,
                        cwd=tmp_path)
        try:
            assert wait_for(lambda: any("session_resumed" in e for e in events_in(logs)))
            window.keys("Up", "e", "Up")             # Ben goes on from B1 and crosses
            assert wait_for(lambda: any("path_found" in e for e in events_in(logs)))
            window.keys("Left", "Up", "Up", "e", "Up")   # Ana crosses, then Ben again
            assert wait_for(lambda: any("turn Ben" in e for e in events_in(logs)[-3:]))
            window.keys("Up", "Up", "e", "Up")       # the start column stays on B
            assert wait_for(lambda: any("ended completed" in e for e in events_in(logs))), \
                events_in(logs)
        finally:
            window.close()
    assert log.read_bytes().startswith(before)
    kinds = [e.split(" ", 1)[1] for e in events_in(logs)]
    assert kinds[kinds.index("session_resumed") - 1] == "step Ben B1 known_safe"
    assert kinds[-3:] == ["step Ben C4 known_safe", "crossing Ben execution", "ended completed"]
    from maze.cli import main
    assert main(["score", str(log), "--json"]) == 0
