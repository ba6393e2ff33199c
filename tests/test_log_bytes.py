"""The log format does not move: sessions that between them write every event type give the
same bytes, line for line, as the logs kept in tests/fixtures/logs (written by the program
before the event fields became enums, maze/core/vocabulary.py). Only the header's program
version may differ."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from helpers import FakeClock, make_level, make_setup, run

from maze import __version__
from maze.core.events import EVENT_TYPES, event_from_dict
from maze.core.session import Session
from maze.storage.log import SessionLog

FIXTURES = Path(__file__).parent / "fixtures" / "logs"
ALT = ("B1", "A2", "A3", "B4")

# Manual walk-backs in seconds, with planning, a retreat error, every facilitator action and
# its undo, a curveball from the level's alternate, a pause and a resumption after a crash.
MANUAL = dict(
    level=dict(rules={"retreat": "manual", "planning": 60}, alternate=ALT),
    before=["wait 10", "end_planning", "B1@2", "A2@3", "A3", "B1", "exit", "penalty talking",
            "undo", "skip", "memory_aid", "reveal", "B1", "B2", "C3", "C4"],
    after=["pause", "resume", "B1", "B2", "penalty pointing", "undo", "C3", "C4", "curveball",
           "B1", "B2@4", "B1", "exit", "memory_aid", "undo", "B1", "A2", "A3", "B4", "end"],
)
# Automatic walk-backs in points, a scheduled curveball, repeat beeps charged until the
# budget is spent.
POINTS = dict(
    level=dict(rules={"currency": "points", "budget": 70, "repeat_beep_cost": 20},
               alternate=ALT, after=1),
    before=["A1@2", "wait 2", "B1", "B2", "C3", "C4", "B1", "B2", "C3", "C4"],
    after=["A1", "wait 3", "A1", "wait 3", "A1", "wait 3", "A1"],
)


def play(folder: Path, case: dict) -> bytes:
    """Play a case into a log in ``folder``: its first part, then (as after a crash) a
    resumption from the log's events and its second part."""
    setup = make_setup(make_level(**case["level"]))
    clock = FakeClock()
    log = SessionLog(folder, setup)
    session = Session(setup, clock, random.Random(setup.seed), log.append)
    session.start()
    run(session, clock, case["before"])
    session.note_muted(True)
    log.close()
    clock.advance(30)
    log = SessionLog.reopen(log.path)
    session = Session.resumed(setup, list(session.events), clock, random.Random(setup.seed),
                              log.append, resumed_at="2026-11-22T10:20:00+00:00", gap=30.0)
    run(session, clock, case["after"])
    log.close()
    return log.path.read_bytes().replace(f'"maze {__version__}"'.encode(), b'"maze VERSION"')


@pytest.mark.parametrize("name", ["manual", "points"])
def test_a_session_writes_the_same_log_bytes_as_before(tmp_path, name):
    written = play(tmp_path, {"manual": MANUAL, "points": POINTS}[name])
    kept = (FIXTURES / f"{name}.jsonl").read_bytes()
    assert written.splitlines() == kept.splitlines()
    assert written == kept


def test_the_kept_logs_hold_every_event_type():
    import json
    seen = set()
    for name in ("manual", "points"):
        lines = (FIXTURES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[1:]
        seen |= {event_from_dict(json.loads(line)).TYPE for line in lines}
    assert seen == set(EVENT_TYPES)


if __name__ == "__main__":     # writes the kept logs: run once, by the program of the day before
    import sys
    import tempfile
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name, case in (("manual", MANUAL), ("points", POINTS)):
        with tempfile.TemporaryDirectory() as folder:
            (FIXTURES / f"{name}.jsonl").write_bytes(play(Path(folder), case))
    sys.exit(0)
