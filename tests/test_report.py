"""`maze report`: a self-contained HTML file that parses, escapes names and references nothing
outside itself; a CSV of every step that a spreadsheet (and the csv module) reads back."""

from __future__ import annotations

import csv
import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from maze.cli import main
from maze.core.board import Board
from maze.core.level import Level
from maze.core.path import generate_path, path_names
from maze.core.session import make_setup
from maze.paths import builtin_levels_dir
from maze.sim.team import play
from maze.storage.levels import load_level
from maze.storage.log import SessionLog

HOSTILE = '<script>alert("x")</script> & \'Co\' 🙂 שלום'


def simulated(folder: Path, level: str | Level, team: str, roster, seed: int, **kw) -> Path:
    if isinstance(level, str):
        level = load_level(builtin_levels_dir() / f"{level}.json")
    started = kw.pop("started", f"2026-11-{10 + seed % 20}T09:00:00+00:00")
    setup = make_setup(level, team, roster, None, kw.pop("flags", {}), seed, f"id{seed:05d}", started)
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


LONG_TEAM = ("The very long team name of the east wing, second floor, " * 4)[:200]
THIRTY = [f"{i:02d} Aleksandra-Wiśniewska Ko"[:22 + i % 4] for i in range(30)]


def add_facilitator_actions(path: Path, rounds: int = 1) -> None:
    """Give a simulated log what a facilitator adds by hand, just before its end: a penalty of
    each kind per round (the first of each round undone), the memory aid, two reveals; so its
    page has every kind of note."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end = json.loads(lines[-1])
    assert end["type"] == "session_ended"
    seq, t = end["seq"], end["t"]
    extra: list[dict] = []
    for _ in range(rounds):
        first = seq + len(extra)
        extra += [{"type": "penalty", "kind": kind, "cost": 30.0, "currency": "seconds", "by": "facilitator"}
                  for kind in ("talking", "pointing", "two_on_board", "marking")]
        extra.append({"type": "action_undone", "undone": first, "action": "penalty"})
    extra += [{"type": "memory_aid", "on": True}, {"type": "path_revealed"}, {"type": "path_revealed"}]
    events = [{"seq": seq + i, "t": t, **event} for i, event in enumerate(extra)]
    end["seq"] = seq + len(extra)
    path.write_text("\n".join(lines[:-1] + [json.dumps(e) for e in events] + [json.dumps(end)]) + "\n",
                    encoding="utf-8")


def ten_sessions(folder: Path) -> list[Path]:
    """Ten sessions as a training day makes them, with the largest the program allows: 30
    players with long names, a 26x40 board, a 200-character team name, a curveball, every
    facilitator note; three sessions of one team on one day; one ended after 2 seconds and one
    never ended (a closed window)."""
    big = Level(name="Great hall " * 6, cols=26, rows=40,
                path=tuple(path_names(generate_path(Board(26, 40, True), random.Random(7), "normal"))))
    wide = Level(name="Long gallery", cols=26, rows=8,
                 path=tuple(path_names(generate_path(Board(26, 8, True), random.Random(8), "normal"))))
    paths = [simulated(folder, big, "The east wing " * 4, THIRTY, 11, curveball_after=2,
                       started="2026-11-10T09:05:00+01:00"),
             simulated(folder, "classic", "All thirty", THIRTY, 12, curveball_after=2,
                       started="2026-11-10T10:05:00+01:00")]
    for path in paths:
        add_facilitator_actions(path)
    for n, (team, at) in enumerate((("Red team", "09:00"), ("Red team", "11:30"), ("red  team", "14:00"))):
        paths.append(simulated(folder, "classic", team, ["Ana", "Ben", "Chen"], 20 + n,
                               started=f"2026-11-11T{at}:00+01:00"))
    paths.append(simulated(folder, "curveball", LONG_TEAM, ["Hana", "Ivo", "Jo", "Kai"], 30,
                           started="2026-11-11T15:00:00+01:00"))
    paths.append(simulated(folder, "classic", "Quick quitters", ["Max", "Moe"], 31, max_actions=3,
                           started="2026-11-11T16:00:00+01:00"))
    closed = simulated(folder, "classic", "Closed window", ["Nia", "Olu"], 32, max_actions=4,
                       started="2026-11-11T16:10:00+01:00")
    lines = closed.read_text(encoding="utf-8").splitlines()
    closed.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")     # no session_ended
    paths.append(closed)
    paths.append(simulated(folder, "strict", "Strict ones", [f"Player {i}" for i in range(12)], 33,
                           started="2026-11-12T09:00:00+01:00"))
    paths.append(simulated(folder, wide, "Gallery", ["Uma", "Vic", "Wen", "Xi", "Yan"], 34,
                           started="2026-11-12T11:00:00+01:00", flags={"time_limit": 300.0}))
    return paths


@pytest.fixture(scope="module")
def ten(tmp_path_factory) -> list[Path]:
    return ten_sessions(tmp_path_factory.mktemp("ten"))


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
    assert main(["report", str(logs), "-o", str(html), "--csv", str(steps), "--single"]) == 0
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
    assert list(rows[0]) == ["session_id", "team", "level", "player", "t", "square", "class", "dwell",
                             "phase", "exploring", "date", "time", "attempt"]
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
    assert main(["report", str(one), str(logs), "-o", str(out), "--single"]) == 0
    assert out.read_text(encoding="utf-8").count("<h2>Red:") == 1
    assert "the same session as" in capsys.readouterr().err


class Tables(HTMLParser):
    """The text of every cell of the tables with a given class: [table][row][cell]."""

    def __init__(self, cls: str) -> None:
        super().__init__()
        self.cls, self.tables, self.inside, self.cell = cls, [], False, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.inside = self.cls in (dict(attrs).get("class") or "").split()
            if self.inside:
                self.tables.append([])
        elif self.inside and tag == "tr":
            self.tables[-1].append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" ")

    def handle_endtag(self, tag):
        if self.inside and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.inside = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def summary_rows(html: str) -> list[dict[str, str]]:
    parser = Tables("summary")
    parser.feed(html)
    rows = []
    for table in parser.tables:
        head = [h.split(" ")[0] for h in table[0]]
        rows.extend(dict(zip(head, row, strict=True)) for row in table[1:])
    return rows


@pytest.fixture(scope="module")
def ten_report(ten, tmp_path_factory) -> tuple[str, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("ten-out")
    html, steps = out / "report.html", out / "steps.csv"
    # Given newest first: the attempt numbers come from the start times, not the order given.
    assert main(["report", *map(str, reversed(ten)), "-o", str(html), "--csv", str(steps), "--single"]) == 0
    with open(steps, encoding="utf-8-sig", newline="") as handle:
        return html.read_text(encoding="utf-8"), list(csv.DictReader(handle))


def test_the_csv_tells_three_sessions_of_one_team_apart(ten_report):
    _, rows = ten_report
    red = {(r["session_id"], r["team"], r["date"], r["time"], r["attempt"]) for r in rows
           if r["team"].casefold().split() == ["red", "team"]}
    assert red == {("id00020", "Red team", "2026-11-11", "09:00", "1"),
                   ("id00021", "Red team", "2026-11-11", "11:30", "2"),
                   ("id00022", "red  team", "2026-11-11", "14:00", "3")}   # case and spaces ignored
    others = {(r["team"], r["attempt"]) for r in rows
              if r["level"] == "Classic 6x9" and r["team"].casefold().split() != ["red", "team"]}
    assert others == {("All thirty", "1"), ("Quick quitters", "1"), ("Closed window", "1")}
    assert {r["date"] for r in rows if r["session_id"] == "id00012"} == {"2026-11-10"}


def test_the_summary_lists_each_level_in_the_order_played_with_time_of_day_and_attempt(ten_report):
    html, _ = ten_report
    classic = [r for r in summary_rows(html) if r["Team"] in
               ("All thirty", "Red team", "red team", "Quick quitters", "Closed window")]
    assert [(r["Team"], r["Started"], r["Attempt"]) for r in classic] == [
        ("All thirty", "2026-11-10 10:05", "1"), ("Red team", "2026-11-11 09:00", "1"),
        ("Red team", "2026-11-11 11:30", "2"), ("red team", "2026-11-11 14:00", "3"),
        ("Quick quitters", "2026-11-11 16:00", "1"), ("Closed window", "2026-11-11 16:10", "1")]


def test_sessions_ended_early_or_unfinished_are_listed_but_not_ranked(ten_report):
    html, _ = ten_report
    rows = {r["Team"]: r for r in summary_rows(html)}
    quick, closed = rows["Quick quitters"], rows["Closed window"]
    assert quick["Outcome"] == "ended by the facilitator (not ranked)"
    assert closed["Outcome"] == "unfinished (no end recorded) (not ranked)"
    learning = {team: float(r["Learning"].split()[0]) for team, r in rows.items() if r["Learning"] != "-"}
    assert learning["Quick quitters"] == max(learning.values())      # 2 seconds: the "best" rate
    assert "#" not in " ".join(quick.values()) + " ".join(closed.values())
    firsts = [team for team, r in rows.items() if r["Learning"].endswith("#1")]
    assert firsts == ["red team"]            # the best of the four that played to the end
    assert "listed but not ranked" in html


def test_the_leaderboard_ranks_only_sessions_that_ran_their_course(ten):
    from maze.reporting import leaderboard
    from maze.storage.log import read_log
    red = read_log(next(p for p in ten if "id00021" in p.name)).setup
    shown = leaderboard(ten[0].parent, red)                   # what the results screen lists
    assert {e.session_id for e in shown} == {"id00012", "id00020", "id00021", "id00022"}
    assert all(e.ranked for e in shown) and shown[0].session_id == "id00022"
    board = leaderboard(ten[0].parent, red, include_unranked=True)
    by_id = {entry.session_id: entry for entry in board}
    assert set(by_id) == {"id00012", "id00020", "id00021", "id00022", "id00031", "id00032"}
    for early in ("id00031", "id00032"):
        assert not by_id[early].ranked and by_id[early].ranks == (None, None, None)
        assert by_id[early].scores[0] is not None
    assert by_id["id00022"].ranks[0] == 1 and by_id["id00022"].ranked
    assert sorted(e.ranks[0] for e in board if e.ranked) == [1, 2, 3, 4]
    reds = [e for e in board if e.team.casefold().split() == ["red", "team"]]
    assert [e.time_of_day for e in reds] == ["14:00", "11:30", "09:00"]     # newest first
    assert reds[0].when == "2026-11-11 14:00"


def test_a_session_with_more_notes_than_a_page_holds_flows_over(tmp_path):
    path = simulated(tmp_path, "classic", "Many notes", ["Ana", "Ben"], 40, curveball_after=1)
    add_facilitator_actions(path, rounds=120)         # 120 undone penalties: a long paragraph
    html = tmp_path / "r.html"
    assert main(["report", str(path), "-o", str(html), "--single"]) == 0
    text = html.read_text(encoding="utf-8")
    assert text.count("<s>penalty for talking") == 120
    assert '<section class="session long" id=' in text


def test_attempts_follow_the_start_instant_and_survive_start_times_that_are_not_dates(ten, tmp_path):
    from maze.analysis.report import attempt_numbers
    from maze.storage.sessions import read_headers
    head = json.loads(ten[2].read_text(encoding="utf-8").splitlines()[0])      # Red team, 09:00
    starts = {"a": "2026-11-11T10:00:00+01:00", "b": "2026-11-11T09:30:00+00:00",  # b is later
              "c": "yesterday", "d": "0001-01-01T00:00:00", "e": "2026-11-11T08:00:00+01:00"}
    files = []
    for sid, started in starts.items():
        path = tmp_path / f"{sid}.jsonl"
        path.write_text(json.dumps({**head, "session_id": sid, "started_at": started}) + "\n",
                        encoding="utf-8")
        files.append(path)
    (tmp_path / "junk.jsonl").write_bytes(b"\xff not a log")
    numbers = attempt_numbers(read_headers([*files, tmp_path / "junk.jsonl", tmp_path / "missing.jsonl",
                                            files[0]]))
    assert numbers == {"e": 1, "a": 2, "b": 3, "d": 4, "c": 5}     # times first, then the others by text


# ------------------------------------------------------------------ the summary and its pages
def test_the_report_is_a_summary_linking_to_a_small_page_per_session_beside_it(logs, tmp_path, capsys):
    html = tmp_path / "year 2026.html"
    assert main(["report", str(logs), "-o", str(html)]) == 0
    assert "a page per session in" in capsys.readouterr().out
    folder = tmp_path / "year 2026_files"
    pages = sorted(folder.iterdir())
    assert len(pages) == 6 and all(re.fullmatch(r"s[1-6]-id000[0-9]{2}\.html", p.name) for p in pages)
    text = html.read_text(encoding="utf-8")
    assert '<section class="session' not in text and "<svg" not in text      # only the summary
    parser = Collector()
    parser.feed(text)
    links = [v for name, v in parser.attrs if name == "href"]
    assert sorted(links) == sorted(f"year%202026_files/{p.name}" for p in pages)
    for page in pages:
        body = page.read_text(encoding="utf-8")
        assert body.count('<section class="session') == 1 and "<script" not in body.lower()
        assert "Content-Security-Policy" in body and 'href="../year%202026.html"' in body
        parser = Collector()
        parser.feed(body)
        assert "script" not in parser.tags and "marquee" not in parser.tags
        assert all(v is None or v == "../year%202026.html" for name, v in parser.attrs
                   if name in ("src", "href", "xlink:href", "action"))


def test_a_session_id_never_makes_a_path_and_pages_of_an_older_report_go(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    first = simulated(logs, "quick-demo", "One", ["Ana"], 51, max_actions=5)
    second = simulated(logs, "quick-demo", "Two", ["Ben"], 52, max_actions=5)
    lines = second.read_text(encoding="utf-8").splitlines()
    head = json.loads(lines[0])
    head["session_id"] = '../../<img src=x>"evil'
    second.write_text("\n".join([json.dumps(head), *lines[1:]]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["report", str(logs), "-o", str(out / "r.html")]) == 0
    names = sorted(p.name for p in (out / "r_files").iterdir())
    assert names == ["s1-id00051.html", "s2-imgsrcxevil.html"]
    assert sorted(p.name for p in out.iterdir()) == ["r.html", "r_files"]   # nothing written elsewhere
    assert "&lt;img src=x&gt;&quot;evil" in (out / "r_files" / names[1]).read_text(encoding="utf-8")
    (out / "r_files" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["report", str(first), "-o", str(out / "r.html")]) == 0     # fewer sessions now
    assert sorted(p.name for p in (out / "r_files").iterdir()) == ["notes.txt", "s1-id00051.html"]


def test_a_file_in_the_way_of_the_pages_folder_is_one_line(tmp_path, logs, capsys):
    (tmp_path / "r_files").write_text("not a folder", encoding="utf-8")
    assert main(["report", str(logs), "-o", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "r_files: cannot be written" in err[0] and "Traceback" not in err[0]


def test_the_summary_of_a_thousand_sessions_is_small():
    """The summary carries a row per session and nothing else (the sessions are on their own
    pages): 1,000 sessions of 30-character team names on 20 levels over 12 months come to
    less than 500 KB, so 5,000 stay under 2.5 MB, which Chromium opens in about a second on
    the project's machine (benchmarks/run.py measures it; the target is 3 s). The whole
    report of 1,000 sessions used to be 30 MB."""
    from maze.analysis.summary import Row, summary_html
    rng = random.Random(4)
    rows = [Row(f"{i:08x}", f"Team {i:04d} of the east wing {rng.random():.2f}"[:30],
                f"Level {i % 20}", f"key{i % 20}", "6x9, diagonals, auto retreat, 20 min",
                f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{9 + i % 8:02d}:00:00+01:00",
                rng.choice(["completed", "time_up", "ended_by_facilitator"]),
                (rng.uniform(0, 9), rng.choice([None, rng.uniform(20, 90)]), rng.uniform(0, 100)),
                f"s{i + 1}-{i:08x}", 1 + i % 3) for i in range(1000)]
    html = "".join(summary_html(rows, [], lambda row: f"report_files/{row.anchor}.html"))
    assert html.count("<tr class=") == 1000
    assert len(html.encode()) < 500_000, len(html.encode())


def test_the_report_is_made_from_sessions_in_memory_without_a_file(tmp_path):
    """The analysis side of the report takes sessions and gives text: a session's section,
    its own page linking back, its CSV rows and the summary linking to the pages."""
    from types import SimpleNamespace

    from maze.analysis.report import END, Report, attempt_numbers
    from maze.core.events import StepTaken
    level = load_level(builtin_levels_dir() / "classic.json")
    reads = []
    for seed, team in ((1, "Red"), (2, "Blue")):
        setup = make_setup(level, team, ["Ana", "Ben"], None, {}, seed, f"mem{seed}",
                           f"2026-11-1{seed}T09:00:00+00:00")
        events: list = []
        play(setup, random.Random(seed), sink=events.append)
        reads.append(SimpleNamespace(path=f"/logs/{team}.jsonl", setup=setup, events=events,
                                     warnings=[]))
    report = Report(attempt_numbers(r.setup for r in reads))
    made = [report.add(r.path, r) for r in reads if report.admit(r.path, r)]
    assert [m.row.team for m in made] == ["Red", "Blue"]
    assert "<h2>Red: Classic" in made[0].section
    page = report.page(made[0], "my report.html")
    assert page.startswith("<!DOCTYPE html>") and page.endswith(END)
    assert 'href="../my%20report.html"' in page and made[0].section in page
    steps = sum(type(e) is StepTaken for e in reads[0].events)
    assert len(list(report.csv_rows(made[0]))) == steps
    assert not report.admit("/logs/copy.jsonl", reads[0])          # the same session again
    assert report.skipped == [("/logs/copy.jsonl", "the same session as /logs/Red.jsonl")]
    summary = "".join(report.summary("my report_files"))
    assert f'href="my%20report_files/{made[1].page_name}"' in summary
    assert "/logs/copy.jsonl" in summary                            # listed as skipped


def test_a_report_cut_short_leaves_the_earlier_one_whole(tmp_path):
    from maze.storage.reports import atomic_text
    out = tmp_path / "report.html"
    out.write_text("the earlier report", encoding="utf-8")
    with pytest.raises(OSError), atomic_text(out) as handle:
        handle.write("half a report")
        raise OSError(28, "No space left on device")
    assert out.read_text(encoding="utf-8") == "the earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]   # no temporary file left


def test_a_page_written_over_a_longer_page_of_an_earlier_report_is_the_new_page_alone(tmp_path):
    """Pages of an earlier report are written over in place (then cut to the new length):
    nothing of the longer old page is left at the end of a shorter new one."""
    logs = tmp_path / "logs"
    logs.mkdir()
    log = simulated(logs, "classic", "Again", ["Ana", "Ben"], 61)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    out.mkdir()
    fresh.mkdir()
    assert main(["report", str(log), "-o", str(out / "r.html")]) == 0
    [page] = (out / "r_files").iterdir()
    longer = page.stat().st_size
    lines = log.read_text(encoding="utf-8").splitlines()
    log.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")      # the same session, cut
    assert main(["report", str(log), "-o", str(out / "r.html")]) == 0
    assert main(["report", str(log), "-o", str(fresh / "r.html")]) == 0
    again = (out / "r_files" / page.name).read_bytes()
    assert len(again) < longer and again == (fresh / "r_files" / page.name).read_bytes()
    assert again.endswith(b"</body></html>\n")


@pytest.mark.parametrize("code, words", [
    ("en", ("1 crossing, 1 error", "0 off-path steps")),
    ("de", ("1 Überquerung, 1 Fehler", "0 Schritte neben den Pfad")),
    ("pt_BR", ("1 travessia, 1 erro", "0 passo fora do caminho")),   # 0 is singular (CLDR)
])
def test_the_score_cards_count_in_the_languages_plural_forms(code, words, tmp_path):
    """One crossing is "1 crossing", not "1 crossings" (nor "1 Überquerungen")."""
    import html as html_module
    import re

    from maze import lang
    log = Path(__file__).parent / "fixtures" / "one-crossing" / "one-crossing.jsonl"
    out = tmp_path / "one.html"
    try:
        assert main(["report", str(log), "--single", "-o", str(out), "--lang", code]) == 0
    finally:
        lang.use("en")
    text = " ".join(html_module.unescape(re.sub("<[^>]+>", " ", out.read_text("utf-8"))).split())
    for expected in words:
        assert expected in text
