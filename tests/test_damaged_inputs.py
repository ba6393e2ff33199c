"""Damaged and hostile logs and levels through every command, in-process (issue 13).

Every input goes through the one log reader or the one level reader (maze/storage), and then
through what people run: `maze score` (text and --json), `maze report` (HTML and CSV),
`maze check`, `maze levels`, the resume check and list, the leaderboard of the results
screen, and (fewer examples: it draws) the replay and debrief screens headless. Each output is
checked: exit status 0 or 1, never a traceback; an error is a few lines naming the file; the
JSON is valid JSON (no NaN, no Infinity); no control character reaches the terminal; no
markup from a name reaches the report unescaped; no CSV cell starts a formula.

The default run tries 400 logs and 400 levels; with CI set (as .ci/run runs), 10,000 of each.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import tempfile
from pathlib import Path

import pytest
from helpers import make_level, make_setup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_hostile import damaged_log, hostile_level

from maze.cli import main
from maze.reporting import leaderboard
from maze.sim.team import play
from maze.storage.jsonfile import DataError, shown
from maze.storage.log import SessionLog, unfinished_logs
from maze.terminal import UsageError

pytestmark = pytest.mark.slow

CI = bool(os.environ.get("CI"))
EXAMPLES = 10_000 if CI else 400
DRAWN = 1_000 if CI else 40          # the replay and debrief screens: a frame each

# Raw JSON text, so that what json.dumps never writes (NaN, Infinity, 1e400) can be put in.
MARKUP = ('"\\"><img src=x onerror=alert(1)>"', '"<script>alert(1)</script>"',
          '"<b id=x>bold</b>"')
NASTY = (
    '"ZZ99"', '"A0"', '-1', '"1.5"', '1.5', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400',
    '1' + '0' * 400, '-1' + '0' * 4000,
    '{"a": 1}', '[1, 2]', '[]', '{}', 'null', 'true', 'false', '0', '1e308', '123456789012345678901234',
    '""', '"   "', '"' + "x" * 201 + '"', '"' + "y" * 200 + '"', '"' + "z" * 2_000_000 + '"',
    '"\\u001b[2J\\u001b]0;owned\\u0007\\b\\r"', '"\\u202eevil\\u2066"', '"\\u009b31m"',
    '"\\u200bzero\\u00adwidth"', '"=HYPERLINK(\\"http://x\\")"', '"+1"', '"-2+3"', '"@SUM(A1)"',
    '"\\t=1"', '"\\r=1"', *MARKUP, '"classic"', '"learning"', '"new_beep"', '"Ana"', '"B1"',
) + ('[' + '[' * 50_000 + ']' * 50_000 + ']',)
NAMES = tuple(n for n in NASTY if n.startswith('"') and len(n) < 300) + MARKUP * 3


_GOOD: list[tuple[bytes, object]] = []


def good_log() -> tuple[bytes, object]:
    """A whole session (curveball, retreats, beeps) and its setup, made once."""
    if not _GOOD:
        folder = Path(tempfile.mkdtemp(prefix="maze-damaged-"))
        setup = make_setup(make_level(alternate=("B1", "A2", "A3", "B4")), ("Ana", "Ben", "Chen"))
        log = SessionLog(folder, setup)
        play(setup, random.Random(3), sink=log.append, curveball_after=1)
        log.close()
        _GOOD.append((log.path.read_bytes(), setup))
    return _GOOD[0]


def _set(text: bytes, path: list[str | int], raw: str) -> bytes:
    """``text`` (one JSON object) with the value at ``path`` replaced by raw JSON text."""
    marker = "@@NASTY@@"
    data = json.loads(text)
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = marker
    return json.dumps(data).replace(f'"{marker}"', raw).encode()


@st.composite
def nasty_log(draw: st.DrawFn, nasty: tuple[str, ...] = NASTY) -> bytes:
    raw, _ = good_log()
    names = tuple(n for n in NAMES if n in nasty or n in MARKUP)
    lines = raw.rstrip(b"\n").split(b"\n")
    kind = draw(st.integers(0, 4 if nasty is NASTY else 3))   # the older families: any text
    if kind == 0:                                    # a header field: any nasty value
        head = json.loads(lines[0])
        where: list[str | int] = [draw(st.sampled_from(sorted(head)))]
        if where[0] in ("rules", "level") and draw(st.booleans()):
            where.append(draw(st.sampled_from(sorted(head[where[0]]))))
        elif where[0] == "roster":
            where.append(draw(st.integers(0, 2)))
        lines[0] = _set(lines[0], where, draw(st.sampled_from(nasty)))
    elif kind == 1:                                  # an event field: any nasty value
        at = draw(st.integers(1, len(lines) - 1))
        event = json.loads(lines[at])
        lines[at] = _set(lines[at], [draw(st.sampled_from(sorted(event)))],
                         draw(st.sampled_from(nasty)))
    elif kind == 2:                                  # hostile names, used consistently
        for old in ("Ana", "Ben", "Testers"):
            if draw(st.booleans()):
                new = draw(st.sampled_from(names)).encode()
                lines = [line.replace(b'"' + old.encode() + b'"', new) for line in lines]
    elif kind == 3:                                  # a session id of markup
        lines[0] = _set(lines[0], ["session_id"], draw(st.sampled_from(MARKUP + names)))
    else:                                            # the older families of damage
        return draw(damaged_log())
    return b"\n".join(lines) + b"\n"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def _terminal_clean(status: int, out: str, err: str, source: str) -> None:
    assert status in (0, 1), (status, err)
    assert "Traceback" not in err
    for line in (out + err).splitlines():
        assert shown(line) == line, repr(line[:200])       # nothing a terminal acts on
    if status == 1:
        lines = err.splitlines()
        assert 1 <= len(lines) <= 12, lines[:3]
        assert any(source in line or line.startswith("maze:") for line in lines), lines[:3]


def _no_constant(name: str) -> None:
    raise AssertionError(f"{name} in JSON output")


def _check_log_commands(folder: Path, raw: bytes) -> bool:
    """Every command on one log; whether the log was accepted."""
    path = folder / "2026-11-23_100000_damaged_x.jsonl"
    path.write_bytes(raw)
    source = str(path)

    status, out, err = _run("score", source)
    _terminal_clean(status, out, err, source)
    accepted = status == 0

    status, out, err = _run("score", "--json", source)
    _terminal_clean(status, out, err, source)
    assert (status == 0) == accepted                       # the same rules for every command
    if status == 0:
        figures = json.loads(out, parse_constant=_no_constant)
        assert isinstance(figures, dict) and "learning" in figures

    html, table = folder / "r.html", folder / "s.csv"
    status, out, err = _run("report", source, "-o", str(html), "--csv", str(table))
    _terminal_clean(status, out, err, source)
    assert (status == 0) == accepted
    if status == 0:
        page = html.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in page and "script-src 'none'" in page
        for tag in ("<img", "<script", "<b id=x>", "onerror=alert(1)>"):
            assert tag not in page, tag
        with open(table, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell[:40]
                assert not cell.startswith("-") or _is_number(cell), cell[:40]
    html.unlink(missing_ok=True)
    table.unlink(missing_ok=True)

    from maze.wiring import check_resumable
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            check_resumable(path)                          # `maze resume`, before any window
        except DataError as exc:
            assert exc.problems and all(p.startswith(source) and "\n" not in p
                                        for p in exc.problems)
        except UsageError as exc:
            assert str(exc).startswith(source) and "\n" not in str(exc)
        unfinished_logs(folder)                            # the setup screen's resume list
        _, setup = good_log()
        board = leaderboard(folder, setup)                 # the results screen
    assert "0000beef" in [entry.session_id for entry in board]
    assert all(shown(line) == line for line in err.getvalue().splitlines())
    assert err.getvalue().count("the leaderboard left out") <= 1
    path.unlink()
    return accepted


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.fixture(scope="module")
def log_folder():
    """A log folder holding one whole log of the same level, for the leaderboard."""
    folder = Path(tempfile.mkdtemp(prefix="maze-damaged-logs-"))
    raw, _ = good_log()
    (folder / "2026-11-22_100000_Testers_0000beef.jsonl").write_bytes(raw)
    return folder


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=nasty_log())
def test_a_damaged_log_through_every_command(log_folder, raw):
    event("log accepted" if _check_log_commands(log_folder, raw) else "log refused")


@st.composite
def nasty_level(draw: st.DrawFn) -> bytes:
    from test_hostile import VALID_LEVEL
    text = json.dumps(VALID_LEVEL).encode()
    kind = draw(st.integers(0, 2))
    if kind == 0:
        field = draw(st.sampled_from(sorted(VALID_LEVEL) + ["extra"]))
        where: list[str | int] = [field]
        if field in ("rules", "curveball") and draw(st.booleans()):
            where.append(draw(st.sampled_from(sorted(VALID_LEVEL[field]))))
        elif field == "path" and draw(st.booleans()):
            where.append(draw(st.integers(0, 3)))
        return _set(text, where, draw(st.sampled_from(NASTY)))
    if kind == 1:                                   # a path far longer than the board
        return _set(text, ["path"], json.dumps(["B1"] * draw(st.integers(17, 150_000))))
    return draw(hostile_level())


@pytest.fixture(scope="module")
def data_dir():
    folder = Path(tempfile.mkdtemp(prefix="maze-damaged-levels-"))
    (folder / "levels").mkdir()
    return folder


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=nasty_level())
def test_a_damaged_level_through_check_and_levels(data_dir, raw, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(data_dir))
    path = data_dir / "levels" / "damaged.json"
    path.write_bytes(raw)
    status, out, err = _run("check", str(path))
    _terminal_clean(status, out, err, str(path))
    status, out, err = _run("levels")
    _terminal_clean(status, out, err, "")
    assert status == 0 and "damaged" in out


@settings(max_examples=DRAWN, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=nasty_log(NASTY))
def test_a_damaged_log_in_the_replay_and_debrief_screens(log_folder, raw):
    import pygame

    from maze.cli import build_parser
    from maze.ui.scenes.debrief import DebriefScene
    from maze.wiring import build_replay

    path = log_folder / "2026-11-23_100000_damaged_x.jsonl"
    path.write_bytes(raw)
    args = build_parser().parse_args(["replay", str(path), "--window", "1024x768"])
    try:
        try:
            app = build_replay(args)
        except (DataError, UsageError) as exc:
            lines = exc.problems if isinstance(exc, DataError) else [str(exc)]
            assert lines and all("\n" not in line for line in lines)
            return
        scene = app.top
        app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_END, mod=0, unicode="",
                                     scancode=0)])
        app.draw(force=True)
        app.start(DebriefScene(app, scene.setup, scene.events, path))
        for _ in range(3):
            app.draw(force=True)
            app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0, unicode="",
                                         scancode=0)])
    finally:
        path.unlink()
        pygame.display.quit()


def test_the_fuzzer_sees_accepted_logs_too(log_folder):
    """Not only refusals: a log with hostile names is read and reported in full."""
    raw, _ = good_log()
    hostile = raw.replace(b'"Ana"', MARKUP[0].encode()).replace(b'"Testers"', b'"=cmd|x"')
    assert _check_log_commands(log_folder, hostile)
    status, out, _ = _run("score", "--json", str(log_folder / "2026-11-22_100000_Testers_0000beef.jsonl"))
    assert status == 0 and json.loads(out)["team"] == "Testers"



@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(raw=nasty_log())
def test_the_fast_field_checks_agree_with_the_one_by_one_checks(raw):
    """The reader checks each field across all events at once and looks event by event only
    to name a problem: both ways must find the same first problem (or none)."""
    from maze.core.events import event_from_dict
    from maze.storage.checks import EventChecker

    _, setup = good_log()
    events = []
    for line in raw.split(b"\n")[1:]:
        try:
            data = json.loads(line)
            events.append(event_from_dict(data))
        except (ValueError, TypeError, RecursionError, AttributeError):
            continue
    checker = EventChecker(setup.level.board(setup.rules), setup.roster)
    one_by_one = next(((i, message) for i, event in enumerate(events)
                       if (message := checker.problem(event)) is not None), None)
    assert checker.first_problem(events) == one_by_one
