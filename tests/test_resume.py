"""Resume: an interrupted session, rebuilt from its log and carried on in the same file, ends
with the same events (apart from ``session_resumed``) and the same figures as the same session
played without a break."""

from __future__ import annotations

import json
import os
import random

import pytest
from helpers import FakeClock, make_level, make_setup, run, start

from maze.analysis.scores import score
from maze.cli import main
from maze.core.events import SessionResumed
from maze.core.record import replace
from maze.core.session import ActionRefused, Session
from maze.storage.jsonfile import DataError
from maze.storage.log import (
    LogInUse,
    SessionLog,
    read_for_resume,
    read_log,
    unfinished_logs,
)

CROSS = ["B1", "B2", "C3", "C4"]
ALT = ("B1", "A2", "A3", "B4")
# Ana beeps on A2 and walks back (items 0-2); Ben finds the path (3-6); Chen, on B1, meets a
# curveball (7-8) that takes effect when she has crossed (9-11); Ana beeps on B2, no longer
# safe (12-14); Ben finds the new path, then everyone crosses it.
SCRIPT = (["B1", "A2", "wait 2"] + CROSS + ["B1", "curveball", "B2", "C3", "C4"]
          + ["B1", "B2", "wait 2"] + list(ALT) * 4)
MANUAL = ["B1", "B2", "A3", "B2", "B1", "exit"] + CROSS * 4
GENERATED = CROSS + ["B1", "curveball", "B2", "C3", "C4", "B1", "wait 3", "end"]


def without_seq(events):
    return [{k: v for k, v in e.to_dict().items() if k != "seq"}
            for e in events if not isinstance(e, SessionResumed)]


def plain_and_resumed(script, at, level=None, roster=("Ana", "Ben", "Chen")):
    setup = make_setup(level or make_level(alternate=ALT), roster)
    plain, plain_clock = start(setup)
    run(plain, plain_clock, script)
    first, first_clock = start(setup)
    run(first, first_clock, script[:at])
    logged = list(first.events)                     # what the log holds when the power goes
    clock = FakeClock(start=86_400.0)               # the next day, another laptop
    resumed = Session.resumed(setup, logged, clock, random.Random(setup.seed), gap=3600.0)
    run(resumed, clock, script[at:])
    return setup, plain, resumed


POINTS = [
    pytest.param(SCRIPT, 1, None, id="mid-turn"),
    pytest.param(SCRIPT, 2, None, id="mid-retreat-auto"),
    pytest.param(MANUAL, 3, make_level(rules={"retreat": "manual"}), id="mid-retreat-manual"),
    pytest.param(MANUAL, 4, make_level(rules={"retreat": "manual"}),
                 id="one-step-into-a-manual-retreat"),
    pytest.param(SCRIPT, 7, None, id="right-after-the-phase-change"),
    pytest.param(SCRIPT, 9, None, id="right-after-the-curveball-while-it-waits"),
    pytest.param(SCRIPT, 12, None, id="right-after-the-curveball-took-effect"),
    pytest.param(SCRIPT, 13, None, id="right-after-the-first-surprise-beep"),
    pytest.param(SCRIPT, 0, None, id="before-the-first-step"),
    pytest.param(["pause", "resume"] + SCRIPT, 1, None, id="while-paused"),
    pytest.param(["wait 3", "wait 8"] + SCRIPT, 0,
                 make_level(alternate=ALT, rules={"planning": 10}), id="in-planning"),
    pytest.param(GENERATED, 6, make_level(), id="right-after-a-generated-curveball"),
    pytest.param(["B1", "penalty talking", "undo", "skip", "undo"] + SCRIPT[1:], 5, None,
                 id="after-undone-slips"),
]


@pytest.mark.parametrize(("script", "at", "level"), POINTS)
def test_a_resumed_session_ends_with_the_same_events_and_figures(script, at, level):
    setup, plain, resumed = plain_and_resumed(script, at, level)
    assert plain.state.ended
    assert without_seq(resumed.events) == without_seq(plain.events)
    assert [e.seq for e in resumed.events] == list(range(1, len(resumed.events) + 1))
    assert score(setup, resumed.events) == score(setup, plain.events)


def test_later_generated_curveballs_draw_the_same_paths_after_a_resume():
    level = make_level()                         # no alternate: every curveball is generated
    script = CROSS + ["B1", "curveball"]
    _, plain, resumed = plain_and_resumed(script, len(script), level)
    # The next path drawn (by a later curveball) comes from the same place in the sequence.
    assert resumed._rng.getstate() == plain._rng.getstate()
    plain.undo()
    resumed.undo()
    assert resumed._rng.getstate() == plain._rng.getstate()


def test_the_resumed_record_says_when_and_how_long_the_break_was():
    setup, _, resumed = plain_and_resumed(SCRIPT, 7)
    (record,) = [e for e in resumed.events if isinstance(e, SessionResumed)]
    index = resumed.events.index(record)
    assert record.seq == index + 1 and record.gap == 3600.0
    # The clock goes on from the last logged moment (Ben's crossing at 0:08), not the wall's.
    assert record.t == resumed.events[index - 1].t == 8.0
    assert resumed.events[index + 1].t == 9.0        # Chen's first step, a second later


def test_an_ended_or_unstarted_session_is_not_resumed():
    setup = make_setup()
    session, clock = start(setup)
    run(session, clock, ["B1", "end"])
    with pytest.raises(ActionRefused, match="ended"):
        Session.resumed(setup, session.events, clock, random.Random(1))
    with pytest.raises(ActionRefused, match="never started"):
        Session.resumed(setup, [], clock, random.Random(1))


# ------------------------------------------------------------------------ the same file

def crash(log: SessionLog, torn: bytes = b"") -> None:
    """What a power cut leaves: the descriptor gone, perhaps half a line at the end."""
    if torn:
        os.write(log._fd, torn)
    os.close(log._fd)


def test_resuming_appends_to_the_same_log_and_a_cut_line_is_left_behind(tmp_path):
    setup = make_setup(make_level(alternate=ALT))
    plain, plain_clock = start(setup)
    run(plain, plain_clock, SCRIPT)

    log = SessionLog(tmp_path, setup)
    first, clock = start(setup, sink=log.append)
    run(first, clock, SCRIPT[:7])
    crash(log, torn=b'{"seq": 19, "t": 9.0, "type": "st')
    before = log.path.read_bytes()

    read = read_for_resume(log.path)
    assert any("damaged" in w for w in read.warnings)
    log2 = SessionLog.reopen(log.path)
    clock2 = FakeClock(5000.0)
    resumed = Session.resumed(read.setup, read.events, clock2, random.Random(read.setup.seed),
                              log2.append, gap=12.5)
    run(resumed, clock2, SCRIPT[7:])
    log2.close()

    after = log.path.read_bytes()
    assert after.startswith(before)                       # appended, never rewritten
    assert after[len(before):].startswith(b"\n{")         # on a fresh line after the cut one
    final = read_log(log.path)
    assert without_seq(final.events) == without_seq(plain.events)
    assert score(final.setup, final.events) == score(setup, plain.events)


def test_a_log_open_in_another_window_is_not_resumed(tmp_path, capsys):
    setup = make_setup()
    log = SessionLog(tmp_path, setup)
    session, clock = start(setup, sink=log.append)
    with pytest.raises(LogInUse, match="open in another maze window"):
        SessionLog.reopen(log.path)
    assert main(["resume", str(log.path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "open in another maze window" in err
    log.close()


@pytest.mark.parametrize(("damage", "message"), [
    ("end", "has ended (ended by the facilitator); nothing to resume"),
    ("gap", "events 3 are missing: the session cannot be rebuilt exactly"),
    ("header-only", "the session never started"),
    ("not-a-log", "line 1 is not a maze session log header"),
])
def test_a_log_that_cannot_be_resumed_gets_one_line_naming_it(tmp_path, capsys, damage, message):
    setup = make_setup()
    log = SessionLog(tmp_path, setup)
    if damage != "header-only":
        session, clock = start(setup, sink=log.append)
        run(session, clock, ["B1", "B2"] + (["end"] if damage == "end" else []))
    log.close()
    if damage == "gap":
        lines = log.path.read_bytes().splitlines(keepends=True)
        log.path.write_bytes(b"".join(lines[:3] + lines[4:]))   # event 3 lost
    if damage == "not-a-log":
        log.path.write_bytes(b"hello\n")
    size = log.path.stat().st_size
    assert main(["resume", str(log.path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(log.path) in err and message in err, err
    assert log.path.stat().st_size == size                     # nothing appended


def test_the_resume_list_holds_the_unfinished_sessions_newest_first(tmp_path):
    made = []
    for i, outcome in enumerate(["unfinished", "ended", "unfinished"]):
        setup = replace(make_setup(), team=f"Team {i}", session_id=f"id{i}")
        log = SessionLog(tmp_path, setup)
        session, clock = start(setup, sink=log.append)
        run(session, clock, ["B1"] + (["end"] if outcome == "ended" else []))
        log.close()
        os.utime(log.path, (1_000_000 + i, 1_000_000 + i))
        made.append(log.path)
    (tmp_path / "junk.jsonl").write_bytes(b"\x00\xff garbage")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    SessionLog(tmp_path, replace(setup, session_id="never")).close()
    found = unfinished_logs(tmp_path)
    assert [f.path for f in found] == [made[2], made[0]]
    live = SessionLog(tmp_path, replace(setup, session_id="live"))
    start(setup, sink=live.append)                           # being played in another window
    assert [f.path for f in unfinished_logs(tmp_path)] == [made[2], made[0]]
    live.close()
    assert found[0].team == "Team 2" and found[0].stopped_at == 1.0 and found[0].players == 3


def test_the_header_is_not_rewritten_and_the_session_resumed_event_is_json(tmp_path):
    setup = make_setup()
    log = SessionLog(tmp_path, setup)
    session, clock = start(setup, sink=log.append)
    run(session, clock, ["B1"])
    crash(log)
    read = read_for_resume(log.path)
    log2 = SessionLog.reopen(log.path)
    Session.resumed(read.setup, read.events, FakeClock(), random.Random(0), log2.append,
                    resumed_at="2026-11-22T11:00:00+01:00", gap=None)
    log2.close()
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["format"] == "maze-session" and len(lines) == 5
    assert json.loads(lines[-1]) == {"seq": 4, "t": 1.0, "type": "session_resumed",
                                     "resumed_at": "2026-11-22T11:00:00+01:00", "gap": None}



def test_a_log_cut_at_any_byte_is_resumed_or_refused_in_one_line(tmp_path):
    """A power cut can leave the log cut anywhere: `maze resume` either carries it on or says
    in one line why not, never a traceback."""
    from maze.terminal import UsageError
    from maze.wiring import check_resumable

    setup = make_setup(make_level(alternate=ALT))
    log = SessionLog(tmp_path, setup)
    session, clock = start(setup, sink=log.append)
    run(session, clock, SCRIPT[:10])
    log.close()
    whole = log.path.read_bytes()
    cut = tmp_path / "cut.jsonl"
    resumed = refused = 0
    for end in range(0, len(whole) + 1, 7):
        cut.write_bytes(whole[:end])
        try:
            read = check_resumable(cut)
        except (DataError, UsageError) as exc:
            assert "\n" not in str(exc).strip() and str(cut) in str(exc)
            refused += 1
            continue
        assert len(read.events) <= len(session.events)
        resumed += 1
    assert resumed and refused
