"""Shareable outputs: with --anonymize no real name appears anywhere in the report, the CSV
or `maze score`, and the same person gets the same pseudonym in every session."""

from __future__ import annotations

import contextlib
import io
import json
import random

from maze.cli import main
from maze.core.session import make_setup
from maze.paths import builtin_levels_dir
from maze.sim.team import play
from maze.storage.levels import load_level
from maze.storage.log import SessionLog

TEAMS = ("Velvetfoxes", "Qorbelians")
PLAYERS = (("Zyxwanda", "Brunhildeo", "Żółtoświetlik"), ("Zyxwanda", "Malachorix", "שושנהלה"))


def _logs(folder):
    for i, (team, roster) in enumerate(zip(TEAMS, PLAYERS, strict=True)):
        setup = make_setup(load_level(builtin_levels_dir() / "classic.json"), team, roster, None,
                           {}, i, f"anon{i}", f"2026-11-2{i}T09:00:00+00:00")
        log = SessionLog(folder, setup)
        play(setup, random.Random(i), sink=log.append)
        log.close()


def test_no_real_name_appears_in_anonymized_outputs(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    _logs(logs)
    html, csv = tmp_path / "r.html", tmp_path / "s.csv"
    assert main(["report", str(logs), "-o", str(html), "--csv", str(csv), "--anonymize"]) == 0
    outputs = {"report": html.read_text(encoding="utf-8"),
               "csv": csv.read_text(encoding="utf-8-sig")}
    pages = sorted((tmp_path / "r_files").iterdir())      # a page per session, beside it
    assert len(pages) == 2 and all(p.name.endswith(".html") for p in pages)
    outputs.update((f"page {page.name}", page.read_text(encoding="utf-8")) for page in pages)
    for path in sorted(logs.glob("*.jsonl")):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert main(["score", str(path), "--json", "--anonymize"]) == 0
        outputs[f"score {path.name}"] = buffer.getvalue()
    names = set(TEAMS) | {p for roster in PLAYERS for p in roster}
    for where, text in outputs.items():
        for name in names:
            assert name not in text, (where, name)
    assert "Team A" in outputs["report"] and "Player 1" in outputs[f"page {pages[0].name}"]
    first = json.loads(next(v for k, v in outputs.items() if k.startswith("score")))
    assert first["team"].startswith("Team ") and all(p.startswith("Player ") for p in first["roster"])
    # The same person (Zyxwanda, in both teams) has the same pseudonym throughout the report.
    rows = [r.split(",") for r in outputs["csv"].splitlines()[1:]]
    first_players = {r[3] for r in rows if r[1] == "Team A"}
    second_players = {r[3] for r in rows if r[1] == "Team B"}
    assert "Player 1" in first_players and "Player 1" in second_players
