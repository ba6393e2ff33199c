"""`maze report`: one self-contained HTML file for any number of session logs, and a CSV of
every step. The HTML uses no network, no scripts and no files besides itself; it prints on A4
and Letter; every name typed by people is escaped, never taken as markup.

Logs are read one at a time and each session's section is written out as soon as it is made,
so a year of logs does not sit in memory (only one summary row per session does)."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import IO, Any

from maze import __version__
from maze.analysis.debrief import heatmap, prompts, timeline
from maze.analysis.leaderboard import level_identity, rank_values
from maze.analysis.scores import score
from maze.analysis.spreadsheet import safe_row
from maze.analysis.svg import heatmap_svg, timeline_svg
from maze.analysis.text import OUTCOMES, minutes, num, undone_text
from maze.core.events import PathChanged, StepTaken
from maze.storage.jsonfile import DataError
from maze.storage.levels import rules_summary
from maze.storage.log import UNUSABLE, read_log, unusable

CSV_FIELDS = ("session_id", "team", "level", "player", "t", "square", "class", "dwell",
              "phase", "exploring")

STYLE = """
:root { --ink: #14181f; --dim: #5a6472; --line: #d5dae1; --beep: #e66100; --learn: #2a7fb8;
        --exec: #00795a; --plan: #9c4f7f; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
       margin: 2rem auto; max-width: 62rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta, .note { color: var(--dim); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; }
th { font-weight: 600; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.rank { color: var(--dim); font-size: .8em; }
.scores { display: flex; gap: 1rem; flex-wrap: wrap; margin: .6rem 0; }
.score { flex: 1 1 12rem; border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .7rem; }
.score b { display: block; font-size: 1.5rem; }
.score.learning { border-top: 4px solid var(--learn); }
.score.execution { border-top: 4px solid var(--exec); }
.score.switching { border-top: 4px solid var(--plan); }
.charts { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; }
svg .axis, svg .tick, svg .phase { font-size: 11px; fill: #5a6472; text-anchor: middle; }
svg .phase { text-anchor: start; } svg .lane { font-size: 11px; text-anchor: end; fill: #14181f; }
svg .count { font-size: 13px; text-anchor: middle; font-weight: bold; fill: #14181f; }
svg .cell { fill: #eef1f5; stroke: #c4cbd4; } svg .grid { stroke: #e3e7ec; }
svg .mark { stroke: #14181f; stroke-width: 1.5; }
ul.prompts li { margin: .25rem 0; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: -.1rem; margin-right: .3rem; }
@page { margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  section.session { break-before: page; }
  .charts { flex-wrap: nowrap; } table, svg, .scores { break-inside: avoid; }
}
"""


@dataclass(frozen=True)
class Row:
    session_id: str
    team: str
    level: str
    level_key: str
    level_summary: str
    started_at: str
    outcome: str
    scores: tuple[float | None, float | None, float | None]
    anchor: str


def find_logs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Log files given, and *.jsonl files found recursively in folders given, in order."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.jsonl") if not p.is_dir()))  # a FIFO: said
        else:
            found.append(path)
    return found


# The report needs no script, no network and no file besides itself: a browser refuses any,
# should a log's text ever get past the escaping.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'"


def _anchor(number: int, session_id: str) -> str:
    """A section's id: the session id's letters and digits only (it comes from a log)."""
    return f"s{number}-" + "".join(c for c in session_id[:40] if c.isascii() and c.isalnum())


def _unquoted(reason: str) -> str:
    """A reason with the values it quotes left out (a name, with --anonymize)."""
    import re
    return re.sub(r'"[^"]*"', '"…"', reason)


def _headline(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def session_section(read: Any, figures: dict[str, Any], anchor: str) -> str:
    setup, events = read.setup, read.events
    e = escape
    learn, exe, sw = figures["learning"], figures["execution"], figures["switch"]
    parts = [f'<section class="session" id="{anchor}">',
             f"<h2>{e(setup.team)}: {e(setup.level.name)}</h2>",
             f'<p class="meta">{e(setup.started_at)}; {e(OUTCOMES.get(figures["outcome"], figures["outcome"]))}; '
             f"{minutes(figures['seconds'])} played; roster: {e(', '.join(setup.roster))}; "
             f"{e(rules_summary(setup.rules))}; session {e(setup.session_id)}</p>"]
    for warning in read.warnings:
        parts.append(f'<p class="note">Note: {e(warning)}</p>')
    parts.append('<div class="scores">'
                 f'<div class="score learning">Learning<b>{_headline(learn["discoveries_per_minute"])}</b>'
                 f'discoveries per minute; {learn["discoveries"]} discoveries, {learn["repeat_errors"]} '
                 f'repeat beeps; path found after {minutes(learn["path_found_seconds"])}</div>'
                 f'<div class="score execution">Execution<b>{_headline(exe["error_free_speed"])}</b>'
                 f'squares per minute, error-free; {num(exe["crossings"])} crossings, '
                 f'{num(exe["errors"])} errors</div>'
                 f'<div class="score switching">Switching<b>{_headline(sw["score"], 0)}</b>'
                 f'out of 100; lag {num(sw["lag_seconds"], " s")}, pace ratio {num(sw["pace_ratio"], "", 2)}, '
                 f'{num(sw["off_path_steps"])} off-path steps</div></div>')
    for i, curve in enumerate(sw["curveballs"], start=1):
        parts.append(f'<p class="meta">Curveball {i} at {minutes(curve["changed_at"])}: noticed after '
                     f'{num(curve["detect_steps"])} steps ({num(curve["detect_seconds"], " s")}), '
                     f'{curve["rigid_repeats"]} beeps on the old path, relearned in '
                     f'{num(curve["relearn_seconds"], " s")}.</p>')
    paths = [tuple(setup.level.path)] + [tuple(ev.path) for ev in events if isinstance(ev, PathChanged)]
    parts.append('<div class="charts">')
    parts.append(heatmap_svg(setup.level, setup.rules, heatmap(events), "beeps", paths))
    parts.append("</div>")
    parts.append('<p class="legend note"><span><i class="swatch" style="background:#e66100"></i>'
                 'beeps per square (number written in, crossed corner)</span>'
                 '<span><i class="swatch" style="background:#c9a800"></i>the path</span>'
                 + ('<span><i class="swatch" style="background:#56b4e9"></i>the path after a change '
                    '(dashed)</span>' if len(paths) > 1 else "") + "</p>")
    parts.append(timeline_svg(timeline(events), setup.roster))
    parts.append('<p class="legend note"><span>circles: safe steps (blue new, grey known)</span>'
                 '<span>squares: beeps (orange new, dark red repeat, pink surprise)</span>'
                 '<span>shading: learning blue, execution green, planning pink</span></p>')
    parts.append("<h3>Players</h3><table><thead><tr><th>Player</th><th>Steps</th><th>Attempts</th>"
                 "<th>Crossings</th><th>Discoveries</th><th>Repeat beeps</th><th>Execution errors</th>"
                 "<th>Median pause</th><th>Before new squares</th></tr></thead><tbody>")
    for name, p in figures["players"].items():
        parts.append(f"<tr><td>{e(name)}</td><td class=n>{p['steps']}</td><td class=n>{p['attempts']}</td>"
                     f"<td class=n>{p['crossings']}</td><td class=n>{p['discoveries']}</td>"
                     f"<td class=n>{p['repeat_errors']}</td><td class=n>{p['execution_errors']}</td>"
                     f"<td class=n>{num(p['median_dwell'], ' s')}</td>"
                     f"<td class=n>{num(p['median_dwell_new'], ' s')}</td></tr>")
    parts.append("</tbody></table>")
    pen = figures["penalties"]
    if pen["count"]:
        unit = "s" if pen["currency"] == "seconds" else "points"
        kinds = ", ".join(f"{e(k.replace('_', ' '))} {v}" for k, v in pen["by_type"].items())
        parts.append(f'<p class="meta">Penalties: {pen["count"]} ({pen["cost"]:g} {unit}): {kinds}.</p>')
    if figures["undone"]:
        parts.append('<p class="meta">Undone by the facilitator, not counted: ' + "; ".join(
            f"<s>{e(undone_text(u))}</s>" for u in figures["undone"]) + ".</p>")
    extras = []
    if figures["memory_aid_used"]:
        extras.append("the memory aid was on")
    if figures["reveals"]:
        extras.append(f"the path was revealed {figures['reveals']} time(s)")
    if extras:
        parts.append(f'<p class="meta">Note: {"; ".join(extras)}.</p>')
    parts.append("<h3>For the debrief</h3><ul class=\"prompts\">")
    parts.extend(f"<li>{e(p)}</li>" for p in prompts(setup, events, figures))
    parts.append("</ul></section>\n")
    return "".join(parts)


def summary_html(rows: list[Row], skipped: list[tuple[str, str]]) -> str:
    e = escape
    out = ["<h2>Summary</h2>"]
    levels: dict[str, list[Row]] = {}
    for row in rows:
        levels.setdefault(row.level_key, []).append(row)
    for group in levels.values():
        first = group[0]
        ranks = [rank_values([r.scores[i] for r in group]) for i in range(3)]
        out.append(f"<h3>{e(first.level)} <span class=\"note\">({e(first.level_summary)})</span></h3>")
        out.append("<table><thead><tr><th>Team</th><th>Date</th><th>Outcome</th>"
                   "<th>Learning<br><span class=note>discoveries/min</span></th>"
                   "<th>Execution<br><span class=note>squares/min</span></th>"
                   "<th>Switching<br><span class=note>of 100</span></th></tr></thead><tbody>")
        for index, row in enumerate(group):
            cells = []
            for i, value in enumerate(row.scores):
                rank = ranks[i][index]
                rank_text = f' <span class="rank">#{rank}</span>' if rank and len(group) > 1 else ""
                cells.append(f"<td class=n>{_headline(value, 0 if i == 2 else 1)}{rank_text}</td>")
            out.append(f'<tr><td><a href="#{row.anchor}">{e(row.team)}</a></td><td>{e(row.started_at[:16])}</td>'
                       f"<td>{e(OUTCOMES.get(row.outcome, row.outcome))}</td>{''.join(cells)}</tr>")
        out.append("</tbody></table>")
    if len(levels) > 1:
        out.append('<p class="note">Scores are ranked within each level only: different boards, '
                   "paths or rules are not comparable.</p>")
    if skipped:
        out.append("<h3>Skipped</h3><ul>")
        out.extend(f"<li>{e(path)}: {e(reason)}</li>" for path, reason in skipped)
        out.append("</ul>")
    return "".join(out)


def csv_rows(read: Any) -> Iterator[tuple[Any, ...]]:
    """One row per step, in the order of CSV_FIELDS."""
    setup = read.setup
    head = (setup.session_id, setup.team, setup.level.name)
    for event in read.events:
        if type(event) is StepTaken:
            yield (*head, event.player, event.t, event.square, event.class_, event.dwell,
                   event.phase, "yes" if event.exploring else "no")


def write_report(inputs: Iterable[str | os.PathLike[str]], output: Path | None,
                 csv_path: Path | None = None, summary_only: bool = False,
                 warn: Any = None, anonymize: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """Write the report (and CSV); returns how many sessions it holds and what was skipped.
    With ``anonymize``, names become pseudonyms and no file path (which holds the team's
    name) is written."""
    from maze.analysis.anonymize import Pseudonyms
    pseudonyms = Pseudonyms() if anonymize else None
    rows: list[Row] = []
    skipped: list[tuple[str, str]] = []
    seen: dict[str, Path] = {}
    body = tempfile.TemporaryFile("w+", encoding="utf-8")
    csv_handle: IO[str] | None = None
    writer = None
    if csv_path is not None:
        csv_handle = open(csv_path, "w", encoding="utf-8-sig", newline="")
        writer = csv.writer(csv_handle)
        writer.writerow(CSV_FIELDS)
    try:
        for path in find_logs(inputs):
            try:
                read = read_log(path)
            except DataError as exc:
                shown = "a log" if anonymize else str(path)
                reason = exc.problems[0].split(": ", 1)[-1]
                skipped.append((shown, _unquoted(reason) if anonymize else reason))
                continue
            if pseudonyms is not None:
                read.setup, read.events = pseudonyms.session(read.setup, read.events)
                read.warnings = [w.replace(str(path), "a log") for w in read.warnings]
                read.path = "a log"
            if read.setup.session_id in seen:      # a file given twice, or a copy of a log
                skipped.append(("a log" if anonymize else str(path),
                                f"the same session as {'another log' if anonymize else seen[read.setup.session_id]}"))
                continue
            seen[read.setup.session_id] = path
            if warn:
                for warning in read.warnings:
                    warn(warning)
            try:
                figures = score(read.setup, read.events)
                section = session_section(read, figures, anchor=_anchor(len(rows) + 1, read.setup.session_id)) \
                    if not summary_only and output is not None else ""
            except UNUSABLE as exc:
                skipped.append(("a log" if anonymize else str(path),
                                unusable(str(path), exc).problems[0].split(": ", 1)[1]))
                del seen[read.setup.session_id]
                continue
            anchor = _anchor(len(rows) + 1, read.setup.session_id)
            rows.append(Row(read.setup.session_id, read.setup.team, read.setup.level.name,
                            level_identity(read.setup), rules_summary(read.setup.rules),
                            read.setup.started_at, figures["outcome"],
                            (figures["learning"]["discoveries_per_minute"],
                             figures["execution"]["error_free_speed"], figures["switch"]["score"]),
                            anchor))
            if section:
                body.write(section)
            if writer is not None:
                writer.writerows(map(safe_row, csv_rows(read)))   # no formulas from names
        if output is not None:
            tmp = output.with_name(f".{output.name}.tmp")
            with open(tmp, "w", encoding="utf-8") as out:
                out.write('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                          '<meta name="viewport" content="width=device-width, initial-scale=1">'
                          f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
                          f"<title>maze report: {len(rows)} session(s)</title><style>{STYLE}</style>"
                          "</head><body>\n<h1>Maze sessions</h1>"
                          f'<p class="meta">{len(rows)} session(s); made by maze {escape(__version__)}. '
                          "What each figure means: docs/metrics.md in the program.</p>\n")
                out.write(summary_html(rows, skipped))
                body.seek(0)
                while chunk := body.read(1 << 16):
                    out.write(chunk)
                out.write("</body></html>\n")
            os.replace(tmp, output)
    finally:
        body.close()
        if csv_handle is not None:
            csv_handle.close()
    return len(rows), skipped
