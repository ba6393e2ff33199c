"""`maze report`: a self-contained HTML file that parses, escapes names and references nothing
outside itself; a CSV of every step that a spreadsheet (and the csv module) reads back."""

from __future__ import annotations

import csv
import json
import random
from html.parser import HTMLParser
from pathlib import Path

import pytest

from maze.cli import main, make_setup
from maze.paths import builtin_levels_dir
from maze.sim.team import play
from maze.storage.levels import load_level
from maze.storage.log import SessionLog

HOSTILE = '<script>alert("x")</script> & \'Co\' 🙂 שלום'


def simulated(folder: Path, level: str, team: str, roster, seed: int, **kw) -> Path:
    setup = make_setup(load_level(builtin_levels_dir() / f"{level}.json"), team, roster, None,
                       kw.pop("flags", {}), seed, f"id{seed:05d}", f"2026-11-{10 + seed % 20}T09:00:00+00:00")
    log = SessionLog(folder, setup)
    play(setup, random.Random(seed), sink=log.append, **kw)
    log.close()
    return log.path


@pytest.fixture(scope="module")
def logs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("logs")
    nested = folder / "week2"
    nested.mkdir()
    simulated(folder, "classic", "Red", ["Ana", "Ben", "Chen"], 1)
    simulated(folder, "classic", HOSTILE, ["Zoë", "<marquee>bold</marquee>", "محمد", "🙂 Joy"], 2)
    simulated(nested, "curveball", "Green", ["Hana", "Ivo", "Jo", "Kai"], 3)
    simulated(folder, "classic", "Blue", ["Eve", "Finn"], 4, curveball_after=1)
    timed = simulated(folder, "quick-demo", "Late", ["Max", "Moe"], 5,
                      flags={"time_limit": 20.0})
    torn = folder / "torn.jsonl"
    torn.write_bytes(timed.read_bytes().replace(b'"Late"', b'"Torn"').replace(b"id00005", b"id00099")
                     + b'{"seq": 999, "t": 3')
    (folder / "newer.jsonl").write_text(json.dumps({"format": "maze-session", "version": 9}) + "\n")
    return folder


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def report(logs, tmp_path_factory) -> tuple[Path, Path, str]:
    out = tmp_path_factory.mktemp("out")
    html, steps = out / "report.html", out / "steps.csv"
    assert main(["report", str(logs), "-o", str(html), "--csv", str(steps)]) == 0
    return html, steps, html.read_text(encoding="utf-8")


def test_every_session_is_in_the_report_and_the_newer_log_is_skipped(report):
    _, _, text = report
    parser = Collector()
    parser.feed(text)
    words = " ".join(parser.text)
    for team in ("Red", "Green", "Blue", "Late", "Torn", HOSTILE):
        assert team in words
    assert text.count('<section class="session"') == 6
    assert "newer.jsonl" in words and "newer than this program reads" in words
    assert "skipped 1 damaged line" in words


def test_names_are_text_never_markup(report):
    _, _, text = report
    parser = Collector()
    parser.feed(text)
    assert "script" not in parser.tags and "marquee" not in parser.tags   # no tag from a name
    assert "&lt;script&gt;" in text and "&lt;marquee&gt;bold&lt;/marquee&gt;" in text


def test_nothing_outside_the_file_is_referenced(report):
    _, _, text = report
    parser = Collector()
    parser.feed(text)
    for name, value in parser.attrs:
        if name in ("src", "href", "xlink:href", "action"):
            assert value is None or value.startswith("#"), (name, value)
    assert "@import" not in text and "url(" not in text
    assert "<script" not in text.lower()


def test_the_csv_has_one_row_per_step_and_round_trips(report, logs):
    from maze.storage.log import read_log
    _, steps, _ = report
    raw = steps.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                    # UTF-8 with BOM, for spreadsheets
    with open(steps, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = 0
    for path in sorted(logs.rglob("*.jsonl")):
        if path.name != "newer.jsonl":
            expected += sum(1 for e in read_log(path).events if e.TYPE == "step")
    assert len(rows) == expected
    hostile = [r for r in rows if r["team"] == HOSTILE]
    assert hostile and {r["player"] for r in hostile} >= {"<marquee>bold</marquee>", "🙂 Joy"}
    assert list(rows[0]) == ["session_id", "team", "level", "date", "time", "attempt", "player", "t",
                             "square", "class", "dwell", "phase", "exploring"]
    float(rows[0]["t"]), float(rows[0]["dwell"])


def test_summary_ranks_within_a_level(report):
    _, _, text = report
    assert "#1" in text and "not comparable" in text


def test_summary_only_and_no_logs(tmp_path, logs, capsys):
    out = tmp_path / "s.html"
    assert main(["report", str(logs), "-o", str(out), "--summary-only"]) == 0
    assert '<section class="session"' not in out.read_text(encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["report", str(empty), "-o", str(tmp_path / "x.html")]) == 1
    assert "no session logs" in capsys.readouterr().err


def test_the_same_session_given_twice_is_reported_once(tmp_path, logs, capsys):
    one = next(logs.glob("*Red*.jsonl"))
    out = tmp_path / "r.html"
    assert main(["report", str(one), str(logs), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("<h2>Red:") == 1
    assert "the same session as" in capsys.readouterr().err
