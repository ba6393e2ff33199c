"""Issue 13 (storage, command line, report): each fault found from outside, attacked again.

Every damaged input gets one line naming the file and the field and exit 1, or a documented
skip; never a traceback, a hang or a memory blow-up."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_damaged_inputs import good_log

from maze.cli import main
from maze.reporting import leaderboard
from maze.storage.jsonfile import DataError, shown
from maze.storage.log import log_from_bytes, read_log

ROOT = Path(__file__).resolve().parent.parent
GOOD_NAME = "2026-11-22_100000_Testers_0000beef.jsonl"


def maze(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real program in its own process (a hang fails the test by its timeout)."""
    full = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
                PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([sys.executable, "-m", "maze", *args], capture_output=True,
                          text=True, cwd=cwd, env=full, timeout=timeout)


def edited(change_header: dict | None = None, line: int | None = None,
           change_event: dict | None = None, raw_value: tuple[str, str] | None = None) -> bytes:
    """The good log with a header field or an event field changed (``raw_value``: a field
    written as raw JSON text, for NaN and 1e400)."""
    raw, _ = good_log()
    lines = raw.rstrip(b"\n").split(b"\n")
    if change_header:
        head = json.loads(lines[0])
        head.update(change_header)
        lines[0] = json.dumps(head).encode()
    if line is not None:
        event = json.loads(lines[line])
        event.update(change_event or {})
        text = json.dumps(event)
        if raw_value:
            key, value = raw_value
            event[key] = "@@"
            text = json.dumps(event).replace('"@@"', value)
        lines[line] = text.encode()
    return b"\n".join(lines) + b"\n"


def line_of(kind: str) -> int:
    raw, _ = good_log()
    return next(i for i, text in enumerate(raw.split(b"\n"))
                if f'"type": "{kind}"'.encode() in text)


def one_line_error(raw: bytes, *words: str) -> str:
    with pytest.raises(DataError) as caught:
        log_from_bytes(raw, "x.jsonl")
    assert len(caught.value.problems) == 1
    problem = caught.value.problems[0]
    assert problem.startswith("x.jsonl: ") and "\n" not in problem and len(problem) < 400
    for word in words:
        assert word in problem, problem
    return problem


# ------------------------------------------------------------ 11, 13, issue 14.5: fields

@pytest.mark.parametrize("kind, field, value, words", [
    ("step", "square", "ZZ99", ["step.square", "ZZ99", "not a square"]),       # issue 14.5
    ("step", "class", -1, ["step.class", "must be one of"]),
    ("step", "class", "teleport", ["step.class"]),
    ("retreat_step", "square", "1.5", ["retreat_step.square", "1.5"]),
    ("retreat_step", "square", 1.5, ["retreat_step.square", "a number"]),
    ("step", "player", 7, ["step.player", "a number"]),
    ("step", "player", "Zed", ["step.player", "not a player"]),
    ("step", "exploring", "yes", ["step.exploring", "true or false"]),
    ("step", "phase", "lunch", ["step.phase"]),
    ("path_changed", "path", ["B1", "Q9"], ["path_changed.path[1]", "Q9"]),
    ("crossing", "phase", None, ["crossing.phase", "null"]),
    ("curveball_armed", "by", "f" * 201, ["curveball_armed.by", "201 characters"]),
    ("session_ended", "outcome", "victory", ["session_ended.outcome"]),
    ("retreat_started", "squares", -3, ["retreat_started.squares"]),
])
def test_an_event_field_of_the_wrong_type_or_range_is_refused_naming_line_and_field(
        kind, field, value, words):
    at = line_of(kind)
    problem = one_line_error(edited(line=at, change_event={field: value}), f"line {at + 1}:",
                             *(words or [f"{kind}.{field}"]))
    assert "Traceback" not in problem


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
@pytest.mark.parametrize("field", ["t", "dwell"])
def test_non_finite_numbers_are_refused_naming_the_field(field, value):
    one_line_error(edited(line=line_of("step"), raw_value=(field, value)), f"step.{field}",
                   "finite")


@pytest.mark.parametrize("change, words", [
    ({"preset": {"a": 1}}, ["header.preset", "an object"]),
    ({"preset": ["classic"]}, ["header.preset", "a list"]),
    ({"team": "T" * 2_000_000}, ["header.team", "2000000 characters", "at most 200"]),
    ({"team": 12}, ["header.team", "a number"]),
    ({"roster": ["Ana", 7, "Chen"]}, ["header.roster[1]", "a number"]),
    ({"roster": ["Ana", "B" * 201, "Chen"]}, ["header.roster[1]", "201 characters"]),
    ({"session_id": ["x"]}, ["header.session_id"]),
    ({"seed": 1.5}, ["header.seed", "whole number"]),
    ({"seed": 10**40}, ["header.seed"]),
    ({"rules": {"oops": 1}}, ["header.rules"]),
])
def test_a_header_field_of_the_wrong_type_or_length_is_refused_in_one_line(change, words):
    one_line_error(edited(change_header=change), *words)


def test_a_header_rule_that_is_not_finite_is_refused():
    raw, _ = good_log()
    head, rest = raw.split(b"\n", 1)
    head = head.replace(b'"time_limit": 1200.0', b'"time_limit": NaN')
    one_line_error(head + b"\n" + rest, "header", "time_limit")


def test_every_command_refuses_the_same_damaged_log_in_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(edited(line=line_of("step"), change_event={"square": "ZZ99"}))
    for args in (["score"], ["score", "--json"], ["replay"], ["resume"]):
        result = maze(*args, str(bad), cwd=tmp_path)
        assert result.returncode == 1, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(bad) in lines[0] and "step.square" in lines[0], lines
        assert result.stdout == ""


def test_score_json_never_prints_infinity(tmp_path, capsys):
    log = tmp_path / "ok.jsonl"
    log.write_bytes(good_log()[0])
    assert main(["score", "--json", str(log)]) == 0
    out = capsys.readouterr().out
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in the JSON"))


# ------------------------------------------------------------------- 12: FIFOs, devices

@pytest.fixture
def fifo_folder(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / GOOD_NAME).write_bytes(good_log()[0])
    os.mkfifo(folder / "2026-11-23_100000_fifo_ffff.jsonl")
    return folder


@pytest.mark.parametrize("args", [["score"], ["score", "--json"], ["replay"], ["resume"]])
def test_a_fifo_or_dev_zero_as_a_log_is_refused_at_once(fifo_folder, args):
    for path in (fifo_folder / "2026-11-23_100000_fifo_ffff.jsonl", Path("/dev/zero")):
        result = maze(*args, str(path), timeout=30)
        assert result.returncode == 1
        assert result.stderr.strip() == f"{path}: not a regular file (a FIFO or a device, say), " \
                                        f"so it is not read"


def test_a_fifo_as_a_level_or_in_the_levels_folder_is_refused_at_once(tmp_path):
    levels = tmp_path / "data" / "levels"
    levels.mkdir(parents=True)
    os.mkfifo(levels / "piped.json")
    env = {"MAZE_DATA_DIR": str(tmp_path / "data")}
    result = maze("check", str(levels / "piped.json"), env=env, timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    result = maze("levels", env=env, timeout=30)
    assert result.returncode == 0 and "piped" in result.stdout and "not a regular file" in result.stdout
    result = maze("play", "piped", "--players", "A", env=env, timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stderr


def test_a_fifo_as_the_settings_file_is_ignored_with_a_notice(tmp_path):
    code = ("from pathlib import Path; from maze.storage.settings import load_settings; "
            f"print(load_settings(Path({str(tmp_path / 'settings.json')!r}))[1])")
    os.mkfifo(tmp_path / "settings.json")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=30, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert "Settings ignored" in result.stdout and "not a regular file" in result.stdout


def test_a_fifo_in_the_log_folder_never_stops_the_report_resume_list_or_leaderboard(fifo_folder):
    result = maze("report", str(fifo_folder), "-o", str(fifo_folder.parent / "r.html"), timeout=30)
    assert result.returncode == 0, result.stderr
    assert "fifo_ffff.jsonl: not a regular file" in result.stderr
    assert "Skipped" in (fifo_folder.parent / "r.html").read_text(encoding="utf-8")
    code = ("import sys; from pathlib import Path; from maze.storage.log import unfinished_logs, "
            "read_log; from maze.reporting import leaderboard; f = Path(sys.argv[1]); "
            "print(len(unfinished_logs(f))); "
            "print(len(leaderboard(f, read_log(f / sys.argv[2]).setup)))")
    result = subprocess.run([sys.executable, "-c", code, str(fifo_folder), GOOD_NAME],
                            capture_output=True, text=True, timeout=30,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.stdout.split() == ["0", "1"], result.stderr
    assert result.stderr.count("warning:") == 1 and "not a regular file" in result.stderr


def test_a_log_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    from maze.storage.log import MAX_LOG_BYTES
    big = tmp_path / "big.jsonl"
    with open(big, "wb") as handle:
        handle.truncate(MAX_LOG_BYTES + 1)          # sparse: nothing is written
    with pytest.raises(DataError, match="larger than 64 MB"):
        read_log(big)


# ------------------------------------------------------ 2: a damaged neighbour, said once

def test_the_leaderboard_skips_damaged_neighbours_and_says_so_once(tmp_path, capsys):
    raw, setup = good_log()
    (tmp_path / GOOD_NAME).write_bytes(raw)
    (tmp_path / "2026-11-23_100000_a_1.jsonl").write_bytes(edited({"preset": {"a": 1}}))
    (tmp_path / "2026-11-23_100001_b_2.jsonl").write_bytes(
        edited(line=line_of("step"), change_event={"class": -1}))
    (tmp_path / "2026-11-23_100002_c_3.jsonl").write_bytes(b"\x00" * 100)
    head = json.loads(raw.split(b"\n", 1)[0])
    head["level"]["preset"] = {"a": 1}                 # the TypeError of issue 13 item 2
    (tmp_path / "2026-11-23_100003_d_4.jsonl").write_bytes(
        json.dumps(head).encode() + b"\n" + raw.split(b"\n", 1)[1])
    os.mkfifo(tmp_path / "2026-11-23_100004_e_5.jsonl")
    board = leaderboard(tmp_path, setup)
    assert [e.session_id for e in board] == ["0000beef"]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "left out 5 logs" in err


# -------------------------------------------------------------- 4, 7, 9: the report

def test_one_bad_log_never_aborts_the_report_and_each_is_listed_with_its_reason(tmp_path):
    raw, _ = good_log()
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / GOOD_NAME).write_bytes(raw)
    # A four-hour session: the timeline's ticks once ran out (StopIteration).
    long = raw.replace(b'"session_id": "0000beef"', b'"session_id": "0000long"').replace(
        b'"time_limit": 1200.0', b'"time_limit": 86400.0')
    last = long.rstrip(b"\n").split(b"\n")
    end = json.loads(last[-1])
    end["t"] = 4 * 3600.0
    last[-1] = json.dumps(end).encode()
    (folder / "2026-11-22_110000_Long_0000long.jsonl").write_bytes(b"\n".join(last) + b"\n")
    (folder / "2026-11-22_120000_Dwell_x.jsonl").write_bytes(
        edited({"session_id": "dwell"}, line_of("step"), raw_value=("dwell", "1e400")))
    (folder / "2026-11-22_130000_Preset_x.jsonl").write_bytes(
        edited({"session_id": "preset", "preset": {"a": 1}}))
    out = tmp_path / "r.html"
    result = maze("report", str(folder), "-o", str(out), "--single")
    assert result.returncode == 0, result.stderr
    assert "2 sessions" in result.stdout and "2 logs skipped" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "Dwell_x.jsonl" in page and "step.dwell must be a finite number" in page
    assert "Preset_x.jsonl" in page and "header.preset must be text" in page
    assert "Traceback" not in result.stderr
    assert ">240:00</text>" in page          # the four-hour timeline's last tick


@pytest.mark.parametrize("anonymize", [False, True])
def test_markup_in_any_field_is_escaped_and_the_report_forbids_scripts(tmp_path, anonymize):
    attack = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    log = tmp_path / "x.jsonl"
    log.write_bytes(edited({"session_id": attack, "started_at": attack, "team": attack,
                            "preset": attack}))
    out = tmp_path / "r.html"
    assert main(["report", str(log), "-o", str(out), "--single"]
                + (["--anonymize"] if anonymize else [])) == 0
    page = out.read_text(encoding="utf-8")
    assert "<img" not in page and "<script" not in page
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:; script-src 'none'\">") in page
    if not anonymize:                        # the section's id: the id's letters and digits
        assert 'id="s1-imgsrcxonerroralert1scriptal"' in page


def test_csv_cells_that_would_be_formulas_get_an_apostrophe(tmp_path):
    log = tmp_path / "x.jsonl"
    raw = edited({"team": '=HYPERLINK("http://evil","x")'}).replace(b'"Ana"', b'"@SUM(A1)"') \
        .replace(b'"Ben"', b'"+1"').replace(b'"Chen"', b'"-2+3"')
    log.write_bytes(raw)
    table = tmp_path / "s.csv"
    assert main(["report", str(log), "--csv", str(table)]) == 0
    with open(table, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["team"] for r in rows} == {"'=HYPERLINK(\"http://evil\",\"x\")"}
    assert {r["player"] for r in rows} == {"'@SUM(A1)", "'+1", "'-2+3"}
    assert all(float(r["t"]) >= 0 for r in rows)        # numbers stay numbers


# ---------------------------------------------------- 5, 15: level files

@pytest.mark.parametrize("preset", [["classic"], {"a": 1}, 3, None])
def test_a_preset_that_is_not_a_name_is_one_line_in_check_levels_and_play(tmp_path, preset):
    levels = tmp_path / "data" / "levels"
    levels.mkdir(parents=True)
    level = {"format": "maze-level", "version": 1, "name": "odd", "cols": 4, "rows": 4,
             "preset": preset, "path": ["B1", "B2", "C3", "C4"]}
    (levels / "odd.json").write_text(json.dumps(level))
    env = {"MAZE_DATA_DIR": str(tmp_path / "data")}
    result = maze("check", str(levels / "odd.json"), env=env)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "odd.json: preset must be one of" in result.stderr
    result = maze("levels", env=env)
    assert result.returncode == 0 and "odd" in result.stdout and "INVALID" in result.stdout
    assert "Traceback" not in result.stderr
    result = maze("play", "odd", "--players", "A", env=env)
    assert result.returncode == 1 and "preset must be one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_huge_path_is_one_line_and_many_problems_stop_after_ten(tmp_path):
    level = {"format": "maze-level", "version": 1, "name": "huge", "cols": 26, "rows": 40,
             "path": ["B1"] * 150_000}
    (tmp_path / "huge.json").write_text(json.dumps(level))
    result = maze("check", "huge.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "huge.json: path has 150000 squares; a 26x40 board has only 1040"
    level["path"] = [f"Z{i}" for i in range(1, 100)]
    (tmp_path / "many.json").write_text(json.dumps(level))
    result = maze("check", "many.json", cwd=tmp_path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 11
    assert lines[-1].startswith("maze: and ") or lines[-1].startswith("and ")
    assert lines[-1].endswith(" more problems")


# ------------------------------------------------- 10: control characters on the terminal

def test_control_characters_from_names_are_shown_escaped(tmp_path):
    evil = "Ana\x1b[2J\x07\x08\u202e\x9b"
    raw = good_log()[0].replace(b'"Ana"', json.dumps(evil).encode()).replace(
        b'"Testers"', json.dumps("T\x1b]0;owned\x07").encode())
    log = tmp_path / "x.jsonl"
    log.write_bytes(raw)
    levels = tmp_path / "data" / "levels"
    levels.mkdir(parents=True)
    level = {"format": "maze-level", "version": 1, "name": "L\x1b[31m\x07", "cols": 4,
             "rows": 4, "path": ["B1", "B2", "C3", "C4"]}
    (levels / "bell\x07.json").write_text(json.dumps(level))
    env = {"MAZE_DATA_DIR": str(tmp_path / "data")}
    for args in (["score", str(log)], ["score", "--json", str(log)],
                 ["check", str(levels / "bell\x07.json")], ["levels"]):
        result = maze(*args, env=env)
        assert result.returncode == 0, (args, result.stderr)
        for text in (result.stdout, result.stderr):
            assert not any(c in text for c in "\x1b\x07\x08\u202e\x9b"), (args, text[:300])
        assert "\\x1b" in result.stdout or "\\u001b" in result.stdout, args
    result = maze("score", "--json", str(log))
    figures = json.loads(result.stdout)
    assert evil in figures["players"]                    # the same name, once parsed


# ----------------------------------------------------------- 14: output errors

def test_output_errors_are_one_line_never_a_traceback(tmp_path):
    log = tmp_path / "x.jsonl"
    log.write_bytes(good_log()[0])
    (tmp_path / "FILE").write_text("a file, not a folder")
    result = maze("new-level", "-o", str(tmp_path / "FILE" / "x.json"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"maze: {tmp_path / 'FILE' / 'x.json'}: cannot be written " \
                                    f"({tmp_path / 'FILE'} is not a folder)"
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "maze", "score", str(log)], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 1
    assert result.stderr.strip() == "maze: cannot write the output (No space left on device)"


def test_a_closed_pipe_ends_quietly(tmp_path):
    levels = tmp_path / "data" / "levels"             # `maze levels`: more than a pipe holds
    levels.mkdir(parents=True)
    for i in range(800):
        level = {"format": "maze-level", "version": 1, "name": f"Level {i} " + "x" * 60,
                 "cols": 4, "rows": 4, "path": ["B1", "B2", "C3", "C4"]}
        (levels / f"level-{i:04d}.json").write_text(json.dumps(level))
    process = subprocess.Popen([sys.executable, "-m", "maze", "levels"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE,
                               env=dict(os.environ, PYTHONPATH=str(ROOT),
                                        MAZE_DATA_DIR=str(tmp_path / "data")))
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()                              # `maze levels | head -1`
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 1
    assert err == ""                                    # no traceback, no "Exception ignored"


def test_a_broken_pipe_in_process_is_quiet(tmp_path, monkeypatch, capsys):
    class Closed:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    log = tmp_path / "x.jsonl"
    log.write_bytes(good_log()[0])
    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["score", str(log)]) == 1
    assert capsys.readouterr().err == ""


# ------------------------------------------------------- 6: no display

def test_no_display_is_one_line_and_exit_1_with_no_log_written(tmp_path, monkeypatch, capsys):
    for name in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("SDL falls back to an offscreen driver only where X11/Wayland are used")
    for args in (["play", "--players", "Ana,Ben", "--log-dir", str(tmp_path / "logs")],
                 ["demo"]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.startswith("maze: no display") and err.count("\n") == 1
    assert not list(tmp_path.rglob("*.jsonl"))


def test_a_driver_chosen_on_purpose_is_respected():
    from maze.ui.displays import no_display_reason
    assert no_display_reason({"SDL_VIDEODRIVER": "offscreen"}, "linux") is None
    assert no_display_reason({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert no_display_reason({}, "win32") is None
    assert no_display_reason({}, "linux") is not None


# ------------------------------------------- 13: names bounded; issue 12: command messages

def test_names_over_200_characters_are_refused_on_the_command_line(tmp_path):
    result = maze("play", "--players", "Ana," + "B" * 201, "--log-dir", str(tmp_path))
    assert result.returncode == 1 and "--players: a name of 201 characters; at most 200" in result.stderr
    result = maze("play", "--team", "T" * 201, "--players", "Ana", "--log-dir", str(tmp_path))
    assert result.returncode == 1 and "--team: a name of 201 characters" in result.stderr


@pytest.mark.parametrize("args, line", [
    (["pley"], "maze: unknown command 'pley' (did you mean play?)"),
    (["reprot", "DIR"], "maze: unknown command 'reprot' (did you mean report?)"),
    (["--preset", "fast"], "maze: --preset: 'fast' is not one of: classic, no-diagonals, "
                           "quick-demo, strict"),
    (["play", "--preset", "fast"], "maze: --preset: 'fast' is not one of: classic, "
                                   "no-diagonals, quick-demo, strict"),
])
def test_command_line_mistakes_are_one_line(tmp_path, args, line):
    result = maze(*[a.replace("DIR", str(tmp_path)) for a in args], cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == line
    assert shown(result.stderr.strip()) == result.stderr.strip()


def test_plain_maze_level_still_plays_a_level_file_named_like_a_command(tmp_path, monkeypatch):
    from maze.cli import mistyped_command
    level = tmp_path / "pley"
    level.write_text("{}")
    monkeypatch.chdir(tmp_path)
    assert mistyped_command("pley") is None             # a real file wins
    assert mistyped_command("classic") is None
    assert mistyped_command(str(tmp_path / "nothere.json")) is None
    assert mistyped_command("repot") == "report"


def test_an_anonymized_report_quotes_no_name_from_a_log_it_skipped(tmp_path):
    bad = tmp_path / "2026-11-22_100000_Secret-team_x.jsonl"
    bad.write_bytes(edited(line=line_of("step"), change_event={"player": "Secret Person"}))
    out = tmp_path / "r.html"
    result = maze("report", str(bad), "-o", str(out), "--anonymize")
    assert result.returncode == 1
    assert "Secret" not in (out.read_text(encoding="utf-8") if out.exists() else "")
    from maze.reporting import write_report
    count, skipped = write_report([bad], out, anonymize=True)
    assert count == 0 and len(skipped) == 1 and skipped[0][0] == "a log"
    assert "step.player" in skipped[0][1] and "Secret" not in skipped[0][1]
    assert "Secret" not in out.read_text(encoding="utf-8")


def test_a_screen_can_ask_the_leaderboard_which_logs_it_left_out(tmp_path):
    raw, setup = good_log()
    (tmp_path / GOOD_NAME).write_bytes(raw)
    (tmp_path / "2026-11-23_100000_a_1.jsonl").write_bytes(edited({"preset": {"a": 1}}))
    skipped: list[str] = []
    assert len(leaderboard(tmp_path, setup, skipped=skipped)) == 1
    assert len(skipped) == 1 and "a_1.jsonl: header.preset" in skipped[0]


def test_remembered_players_a_log_would_refuse_are_not_remembered(tmp_path):
    from maze.storage.settings import load_settings
    for players in (["Ana", "  "], ["Ana", "Ana"], ["Ana", "B" * 201], ["Ana", 7]):
        path = tmp_path / "settings.json"
        path.write_text(json.dumps({"format": "maze-settings", "version": 1,
                                    "players": players, "team": "Red"}))
        settings, notice = load_settings(path)
        assert settings.players == [] and settings.team == "Red" and notice is None


@pytest.mark.parametrize("field", ["time_limit", "budget", "penalty_cost"])
def test_a_whole_number_beyond_a_float_is_one_line_not_an_overflow(tmp_path, field):
    level = {"format": "maze-level", "version": 1, "name": "x", "cols": 4, "rows": 4,
             "path": ["B1", "B2", "C3", "C4"], "rules": {field: "@"}}
    (tmp_path / "big.json").write_text(json.dumps(level).replace('"@"', "1" + "0" * 400))
    result = maze("check", "big.json", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"big.json: rules.{field} must be from" in result.stderr
    assert "(it is a 401-digit number)" in result.stderr
    log = tmp_path / "x.jsonl"
    log.write_bytes(edited(line=line_of("step"), raw_value=("t", "1" + "0" * 400)))
    result = maze("score", str(log))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("step.t must be from 0 to 1e+07 (it is a 401-digit number)")


def test_many_gaps_are_a_few_warnings_and_a_count():
    raw, _ = good_log()
    lines = raw.rstrip(b"\n").split(b"\n")
    read = log_from_bytes(b"\n".join(lines[:1] + lines[1::2]) + b"\n", "gaps.jsonl")
    assert len(read.warnings) == 6
    assert read.warnings[-1].startswith("gaps.jsonl: and ") and "more gaps" in read.warnings[-1]
