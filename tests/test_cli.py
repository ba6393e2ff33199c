"""The `maze` command: clear one-line errors with exit status 1, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from maze.cli import main, parse_players
from maze.storage.levels import load_level


def maze(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "maze", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=60)


def test_levels_lists_built_in_levels_with_board_and_rules():
    result = maze("levels")
    assert result.returncode == 0
    assert "classic" in result.stdout and "6x9" in result.stdout and "manual retreat" in result.stdout


def test_new_level_same_seed_same_level(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["new-level", "--cols", "7", "--rows", "10", "--difficulty", "hard", "--seed",
                 "42", "-o", str(a)]) == 0
    assert main(["new-level", "--cols", "7", "--rows", "10", "--difficulty", "hard", "--seed",
                 "42", "-o", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert main(["check", str(a)]) == 0
    assert main(["new-level", "--seed", "1", "-o", str(a)]) == 1      # never overwrites
    level = load_level(a)
    assert (level.cols, level.rows) == (7, 10)


@pytest.mark.parametrize("args, message", [
    (["new-level", "--cols", "30", "-o", "x.json"], "--cols must be from 2 to 26"),
    (["play", "nonexistent-level", "--players", "A"], "nonexistent-level: no such level"),
    (["play", "--players", " , ", "--log-dir", "LOGS"], "--players: give at least one name"),
    (["play", "--players", "A", "--window", "big"], "--window: 'big' is not a size"),
    (["play", "--players", "A", "--log-dir", "FILE/logs"], "session logs cannot be written"),
    (["play", "--players", ",".join(f"P{i}" for i in range(31))], "at most 30 players"),
])
def test_bad_input_gets_one_line_and_exit_1(tmp_path, args, message):
    (tmp_path / "FILE").write_text("a file, not a folder")
    args = [a.replace("LOGS", str(tmp_path / "logs")) for a in args]
    result = maze(*args, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_broken_level_given_to_play_is_refused_before_any_window(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "maze-level", "version": 1, "name": "x", "cols": 3,
                               "rows": 3, "path": ["A1", "C2", "C3"]}))
    result = maze("play", str(bad), "--players", "A")
    assert result.returncode == 1
    assert result.stderr.strip() == f'{bad}: path[1] "C2" is not next to "A1"'


def test_python_dash_m_maze_and_version():
    result = maze("--version")
    assert result.returncode == 0 and result.stdout.startswith("maze ")


def test_players_are_parsed_in_order_and_made_distinct():
    assert parse_players("Ana,Ben, Chen") == ("Ana", "Ben", "Chen")
    assert parse_players("Ana,Ana,Ana") == ("Ana", "Ana 2", "Ana 3")


def test_plain_maze_with_options_means_maze_play(tmp_path):
    (tmp_path / "FILE").write_text("")
    result = maze("--players", "A", "--log-dir", str(tmp_path / "FILE" / "x"))
    assert result.returncode == 1 and "--log-dir" in result.stderr    # reached `play`


def test_maze_score_prints_a_summary_and_warns_about_a_torn_line(tmp_path):
    import random

    from helpers import FakeClock, make_level, make_setup, run

    from maze.core.session import Session
    from maze.storage.log import SessionLog
    setup = make_setup(make_level(), ("Ana", "Ben"))
    log = SessionLog(tmp_path, setup)
    clock = FakeClock()
    session = Session(setup, clock, random.Random(1), log.append)
    session.start()
    run(session, clock, ["B1", "A2", "wait 2", "B1", "B2", "C3", "C4"])
    log.close()
    with open(log.path, "ab") as handle:
        handle.write(b'{"seq": 99, "t"')                 # a torn last line
    result = maze("score", str(log.path))
    assert result.returncode == 0
    assert "Learning" in result.stdout and "Execution" in result.stdout and "Ana" in result.stdout
    assert result.stderr.count("warning:") == 1 and "damaged" in result.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"format": "maze-session", "version": 7}\n')
    result = maze("score", str(broken), "--json")
    assert result.returncode == 1 and "newer than this program" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_decimal_comma_is_a_number_as_the_help_writes_it():
    """German, French, Spanish, Portuguese and Dutch help texts write "0,25 to 8": the options
    take the number the way it is written there."""
    from maze.cli import build_parser
    args = build_parser("play").parse_args(["play", "--time-limit", "0,5", "--planning", "7,5"])
    assert (args.time_limit, args.planning) == (0.5, 7.5)
    args = build_parser("replay").parse_args(["replay", "x.jsonl", "--speed", "2,5"])
    assert args.speed == 2.5
