"""The session log: appended as events happen, never rewritten, tolerant readers."""

from __future__ import annotations

import errno
import json
import os
import random

import pytest
from helpers import FakeClock, make_level, make_setup, run

from maze.core.session import Session, replay
from maze.storage.log import LogError, SessionLog, log_file_name, read_log, safe_name


def play_logged(folder, script, setup=None, **log_kw):
    setup = setup or make_setup(make_level(), ("Ana", "Ben"))
    log = SessionLog(folder, setup, **log_kw)
    clock = FakeClock()
    session = Session(setup, clock, random.Random(setup.seed), log.append)
    session.start()
    run(session, clock, script)
    return session, log


def test_every_event_is_on_disk_as_soon_as_it_happens(tmp_path):
    setup = make_setup(make_level(), ("Ana", "Ben"))
    log = SessionLog(tmp_path, setup)
    clock = FakeClock()
    lines_seen = []

    def sink(event):
        log.append(event)
        # Read the file from outside, as another process would, right after each event.
        lines_seen.append(len(log.path.read_bytes().splitlines()))

    session = Session(setup, clock, random.Random(1), sink)
    session.start()
    run(session, clock, ["B1", "A2", "wait 2"])
    assert lines_seen == list(range(2, 2 + len(session.events)))


def test_header_holds_everything_to_replay_without_the_level_file(tmp_path):
    session, log = play_logged(tmp_path, ["B1", "B2", "C3", "C4", "B1", "A2", "wait 3"])
    log.close()
    read = read_log(log.path)
    header = read.header
    for key in ("format", "version", "program", "team", "roster", "preset", "rules", "level",
                "started_at", "session_id", "seed"):
        assert key in header
    assert header["level"]["path"] == ["B1", "B2", "C3", "C4"]
    assert read.events == session.events
    assert replay(read.setup, read.events) == session.state
    assert read.warnings == []


def test_an_existing_log_is_never_opened_for_writing(tmp_path):
    setup = make_setup()
    first = SessionLog(tmp_path, setup)
    first.close()
    before = first.path.read_bytes()
    with pytest.raises(FileExistsError):
        SessionLog(tmp_path, setup)
    assert first.path.read_bytes() == before


def test_syncs_at_turn_ends_phase_changes_and_the_end(tmp_path):
    synced = []
    session, log = play_logged(tmp_path, ["B1", "A2", "wait 2", "end"],
                               fsync=lambda fd: synced.append(len(log_lines(tmp_path))))
    # opening phase (with the header), first turn, the turn after the retreat, the end
    assert len(synced) == 4 and synced[0] >= 2


def log_lines(folder):
    files = list(folder.glob("*.jsonl"))
    return files[0].read_bytes().splitlines() if files else []


def test_disk_full_keeps_events_in_memory_and_writes_them_later(tmp_path):
    state = {"full": False}

    def write(fd, data):
        if state["full"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return os.write(fd, data)

    setup = make_setup(make_level(), ("Ana", "Ben"))
    log = SessionLog(tmp_path, setup, write=write)
    clock = FakeClock()
    session = Session(setup, clock, random.Random(1), log.append)
    session.start()
    run(session, clock, ["B1"])
    written_before = log.path.read_bytes()
    state["full"] = True
    run(session, clock, ["A2", "wait 2"])         # the game goes on
    assert log.error is not None and log.backlog > 0
    assert log.path.read_bytes() == written_before   # nothing already written is lost
    state["full"] = False
    assert log.flush() is True
    read = read_log(log.path)
    assert read.events == session.events and read.warnings == []


def test_a_torn_write_resumes_on_a_fresh_line(tmp_path):
    calls = {"n": 0}

    def write(fd, data):
        calls["n"] += 1
        if calls["n"] == 5:                       # the disk takes half a line, then fills
            return os.write(fd, data[: len(data) // 2])
        return os.write(fd, data)

    session, log = play_logged(tmp_path, ["B1", "A2", "wait 2"], write=write)
    log.flush()
    read = read_log(log.path)
    assert len(read.warnings) == 1 and "skipped 1 damaged line" in read.warnings[0]
    assert [e.seq for e in read.events] == [e.seq for e in session.events]


def test_reader_skips_a_torn_last_line_with_one_warning_and_reports_gaps(tmp_path):
    session, log = play_logged(tmp_path, ["B1", "A2", "wait 2"])
    log.close()
    lines = log.path.read_bytes().splitlines(keepends=True)
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_bytes(b"".join(lines[:3] + lines[5:]) + b'{"seq": 99, "t": 1')
    read = read_log(damaged)
    assert [w.split(": ", 1)[1] for w in read.warnings] == [
        "skipped 1 damaged line: line " + str(len(lines) - 1), "events 3-4 are missing"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"not json\n", "line 1 is not a maze session log header"),
    (b'{"format": "maze-session", "version": 2}\n', "newer than this program reads"),
    (b'{"format": "other"}\n', "not a maze session log header"),
])
def test_unreadable_logs_get_one_clear_line(tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(LogError, match=message) as err:
        read_log(path)
    assert len(err.value.problems) == 1 and str(path) in err.value.problems[0]


@pytest.mark.parametrize("team", ["../../etc/passwd", "a/b\\c", "nul\x00byte", "\x07bell",
                                  "x" * 200, "🙂🙂", "צוות", "<script>", "CON", ".."])
def test_log_file_names_are_safe_and_stay_in_the_folder(tmp_path, team):
    setup = make_setup()
    setup = type(setup)(**{**setup.__dict__, "team": team})
    name = log_file_name(setup)
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert len(name) < 120
    log = SessionLog(tmp_path, setup)
    log.close()
    assert log.path.parent == tmp_path
    assert json.loads(log.path.read_text(encoding="utf-8").splitlines()[0])["team"] == team


def test_safe_name_keeps_letters_of_any_script():
    assert safe_name("Équipe Ωmega") == "Équipe-Ωmega"


def test_a_log_whose_folder_is_removed_mid_session_is_written_again_whole(tmp_path):
    """Removing the log folder mid-session would send every later event into a file nobody
    can open: at the next sync the log is written again at its path, every line of it."""
    import shutil

    from helpers import make_setup, run, start
    setup = make_setup()
    folder = tmp_path / "logs"
    log = SessionLog(folder, setup)
    session, clock = start(setup, sink=log.append)
    run(session, clock, ["B1", "A2"])             # a beep: the turn ends, the log is synced
    shutil.rmtree(folder)
    run(session, clock, ["B1", "B2", "C3"])       # written into the removed file at first
    run(session, clock, ["C4"])                   # the crossing ends a turn: checked, restored
    log.close()
    assert log.restored and log.path.exists()
    assert [e.to_dict() for e in read_log(log.path).events] == \
        [e.to_dict() for e in session.events]


def test_events_the_disk_refuses_can_be_saved_elsewhere_whole(tmp_path):
    from helpers import make_setup, run, start
    setup = make_setup()
    full = {"on": False}

    def write(fd, data):
        if full["on"]:
            raise OSError(28, "No space left on device")
        return os.write(fd, data)

    log = SessionLog(tmp_path / "logs", setup, write=write)
    session, clock = start(setup, sink=log.append)
    run(session, clock, ["B1"])
    full["on"] = True
    run(session, clock, ["A2", "B1", "B2"])
    assert log.backlog > 0 and log.error is not None
    saved = log.save_copy(tmp_path / "rescued")
    assert [e.to_dict() for e in read_log(saved).events] == [e.to_dict() for e in session.events]
    assert log.backlog > 0                       # the log itself is left as it is


def test_closing_a_log_twice_leaves_the_file_that_took_its_number_open(tmp_path):
    """The board closes its log when the session ends; a second close (a scene closed again)
    must not close whatever file the system gave the same number since: a font, another log."""
    log = SessionLog(tmp_path, make_setup())
    number = log._fd
    log.close()
    other = os.open(tmp_path / "other.txt", os.O_CREAT | os.O_WRONLY)
    try:
        assert other == number                  # the system reuses the lowest free number
        log.close()
        os.write(other, b"still open")
        assert (tmp_path / "other.txt").read_bytes() == b"still open"
    finally:
        os.close(other)


@pytest.mark.parametrize("extra", [{"note": "by hand"}, {"TYPE": "session_ended"}, {"FIELDS": []}])
def test_a_key_this_program_does_not_know_is_passed_over(tmp_path, extra):
    """A log read whole makes each line's dict its event's own attributes when it holds exactly
    the event's keys; a line with another key (added by hand, by a newer program) is read
    field by field and gives the same events, the unknown key ignored, never taken as a name
    the event's class uses."""
    session, log = play_logged(tmp_path, ["B1", "A2", "wait 2"])
    log.close()
    plain = read_log(log.path)
    lines = log.path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if '"type": "step"' in line)
    lines[at] = json.dumps({**json.loads(lines[at]), **extra})
    log.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_log(log.path)
    assert read.events == plain.events == session.events and read.warnings == []
    step = read.events[at - 1]
    assert step.TYPE == "step" and step.to_dict() == plain.events[at - 1].to_dict()
    assert all(vars(e).keys() == set(e.FIELDS) for e in read.events)
