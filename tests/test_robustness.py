"""Robustness beyond hostile files: no code from data, and boards big and small."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from maze.analysis.scores import score
from maze.core.board import Board
from maze.core.level import Level
from maze.core.path import generate_path, path_names
from maze.core.session import make_setup, replay
from maze.sim.team import play
from maze.storage.log import SessionLog, read_log

pytestmark = pytest.mark.slow

PACKAGE = Path(__file__).resolve().parent.parent / "maze"
FORBIDDEN = re.compile(r"\b(eval|exec)\s*\(|\bpickle\b|\bmarshal\.loads?\b|yaml\.load\(|"
                       r"\b__import__\s*\(|\bshelve\b")


def test_no_code_is_ever_made_from_data():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if FORBIDDEN.search(code):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("cols, rows, players", [(26, 40, 30), (2, 2, 1), (2, 2, 3), (3, 16, 30)])
def test_big_and_small_boards_play_a_whole_session(tmp_path, cols, rows, players):
    board = Board(cols, rows)
    path = generate_path(board, random.Random(cols * rows), "hard")
    level = Level(f"{cols}x{rows}", cols, rows, tuple(path_names(path)), "classic",
                  {"time_limit": 86400.0})
    roster = tuple(f"Player {i + 1}" for i in range(players))
    setup = make_setup(level, "Big and small", roster, None, {}, 1, f"bs{cols}{rows}{players}",
                       "2026-11-22T10:00:00+00:00")
    log = SessionLog(tmp_path, setup)
    session = play(setup, random.Random(2), sink=log.append, max_actions=200_000)
    log.close()
    assert session.state.outcome == "completed"
    read = read_log(log.path)
    assert read.warnings == [] and replay(read.setup, read.events) == session.state
    figures = score(read.setup, read.events)
    assert figures.execution.crossings == players
