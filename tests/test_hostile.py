"""Hostile files: malformed level files and damaged logs each get a clear one-line error, or a
documented skip (a damaged log line is skipped with one warning), never a traceback, never a
hang. 1,000 of each here; in CI (CI set, as .ci/run runs there) 5,000 of each."""

from __future__ import annotations

import json
import os
import random

import pytest
from helpers import make_level, make_setup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maze.analysis.scores import score
from maze.core.session import replay
from maze.sim.team import play
from maze.storage.jsonfile import DataError
from maze.storage.levels import level_from_bytes
from maze.storage.log import UNUSABLE, SessionLog, log_from_bytes

pytestmark = pytest.mark.slow

EXAMPLES = 5000 if os.environ.get("CI") else 1000
SOURCE = "hostile.json"

VALID_LEVEL = {"format": "maze-level", "version": 1, "name": "x", "cols": 4, "rows": 4,
               "path": ["B1", "B2", "C3", "C4"], "rules": {"retreat": "auto"},
               "curveball": {"path": ["B1", "A2", "A3", "B4"], "after_crossings": 2}}

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
                      st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=40),
                      st.just("x" * 100_000))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)),
    max_leaves=20)


@st.composite
def hostile_level(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 7))
    data = json.loads(json.dumps(VALID_LEVEL))
    if kind == 0:                                        # a field of the wrong type or value
        key = draw(st.sampled_from(sorted(data) + ["extra"]))
        data[key] = draw(json_value)
    elif kind == 1:                                      # a path square of any value
        data["path"][draw(st.integers(0, 3))] = draw(json_value)
    elif kind == 2:                                      # a rule of any value
        data["rules"][draw(st.sampled_from(["retreat", "time_limit", "budget", "x"]))] = \
            draw(json_value)
    elif kind == 3:                                      # a field missing
        del data[draw(st.sampled_from(sorted(data)))]
    elif kind == 4:                                      # deep nesting
        depth = draw(st.integers(10, 200_000))
        return b'{"format": "maze-level", "name": ' + b"[" * depth + b"]" * depth + b"}"
    elif kind == 5:                                      # raw bytes, invalid UTF-8 included
        return draw(st.binary(max_size=300))
    elif kind == 6:                                      # JSON cut off, or a key twice
        text = json.dumps(data)
        if draw(st.booleans()):
            return text[: draw(st.integers(0, len(text)))].encode()
        return text.replace('"name": "x"', '"name": "x", "name": "y"').encode()
    return json.dumps(data).encode()                     # valid: must load


@settings(max_examples=EXAMPLES, deadline=2000, suppress_health_check=list(HealthCheck))
@given(raw=hostile_level())
def test_a_hostile_level_file_gets_clear_lines_never_a_traceback(raw):
    try:
        level_from_bytes(raw, SOURCE)
    except DataError as exc:
        assert exc.problems
        for line in exc.problems:
            assert line.startswith(f"{SOURCE}: ") and "\n" not in line and len(line) < 2000


def _valid_log() -> bytes:
    import tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp(prefix="maze-hostile-"))
    setup = make_setup(make_level(alternate=("B1", "A2", "A3", "B4")), ("Ana", "Ben", "Chen"))
    log = SessionLog(folder, setup)
    play(setup, random.Random(3), sink=log.append, curveball_after=1)
    log.close()
    return log.path.read_bytes()


_LOG: list[bytes] = []


@st.composite
def damaged_log(draw: st.DrawFn) -> bytes:
    if not _LOG:
        _LOG.append(_valid_log())
    raw = _LOG[0]
    lines = raw.split(b"\n")
    kind = draw(st.integers(0, 6))
    if kind == 0:                                        # torn anywhere
        return raw[: draw(st.integers(0, len(raw)))]
    if kind == 1:                                        # bytes flipped
        data = bytearray(raw)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if kind == 2:                                        # lines inserted: any JSON at all
        at = draw(st.integers(1, len(lines)))
        extra = json.dumps(draw(json_value)).encode()
        return b"\n".join(lines[:at] + [extra] + lines[at:])
    if kind == 3:                                        # an event's fields given any values
        at = draw(st.integers(1, len(lines) - 2))
        event = json.loads(lines[at])
        key = draw(st.sampled_from(sorted(event)))
        event[key] = draw(json_value)
        return b"\n".join(lines[:at] + [json.dumps(event).encode()] + lines[at + 1:])
    if kind == 4:                                        # no header, or a header damaged
        if draw(st.booleans()):
            return b"\n".join(lines[1:])
        head = json.loads(lines[0])
        head[draw(st.sampled_from(sorted(head)))] = draw(json_value)
        return b"\n".join([json.dumps(head).encode()] + lines[1:])
    if kind == 5:                                        # lines shuffled or repeated
        body = lines[1:]
        draw(st.randoms()).shuffle(body)
        return b"\n".join(lines[:1] + body[: draw(st.integers(0, len(body)))] * 2)
    return draw(st.binary(max_size=400))                # anything at all


@settings(max_examples=EXAMPLES, deadline=2000, suppress_health_check=list(HealthCheck))
@given(raw=damaged_log())
def test_a_damaged_log_is_read_skipped_or_refused_in_one_line(raw):
    try:
        read = log_from_bytes(raw, "damaged.jsonl")
    except DataError as exc:
        assert len(exc.problems) >= 1
        assert all(p.startswith("damaged.jsonl: ") and "\n" not in p for p in exc.problems)
        return
    assert all("\n" not in w for w in read.warnings)
    try:                      # what maze score / report / replay do with it
        score(read.setup, read.events)
        replay(read.setup, read.events)
    except UNUSABLE:
        pass                  # refused by those commands with one line (see test_cli)


def test_the_sample_log_is_whole():
    assert log_from_bytes(_valid_log(), "ok.jsonl").warnings == []


def test_maze_score_refuses_a_log_whose_events_make_no_sense(tmp_path, capsys):
    from maze.cli import main

    raw = _valid_log()
    lines = raw.split(b"\n")
    event = json.loads(lines[3])
    event["square"] = "ZZ99" if "square" in event else event.get("player")
    lines[3] = json.dumps(event).encode()
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\n".join(lines))
    assert main(["score", str(bad)]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_a_line_break_in_a_field_name_stays_on_one_line():
    raw = b'{"format": "maze-level", "version": 1, "name": "x", "cols": 4, "rows": 4, ' \
          b'"path": ["B1", "B2", "C3", "C4"], "curveball": {"\\n": null}, "a\\nb": 1}'
    try:
        level_from_bytes(raw, SOURCE)
    except DataError as exc:
        assert all("\n" not in line for line in exc.problems)
        assert any("curveball.\\n is not a curveball field" in line for line in exc.problems)
