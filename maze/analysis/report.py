"""What `maze report` writes: a summary of any number of sessions, a page per session (or one
self-contained file), and a CSV of every step, as text made from sessions already read. The
HTML uses no network, no scripts and no files besides itself; it prints on A4 and Letter;
every name typed by people is escaped, never taken as markup.

Sessions come one at a time (see Report) and each one's section is handed back as soon as it is
made, so a year of logs never sits in memory (only one summary row per session does). Reading
the logs and writing the files is maze/reporting.py's, with maze/storage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol
from urllib.parse import quote

from maze import __version__
from maze.analysis.anonymize import Pseudonyms
from maze.analysis.debrief import heatmap, prompts, timeline
from maze.analysis.leaderboard import is_ranked, level_identity, when, when_shown
from maze.analysis.rules_text import rules_summary
from maze.analysis.scores import Figures, score
from maze.analysis.spreadsheet import safe_row
from maze.analysis.summary import Row, summary_html, summary_style
from maze.analysis.summary import moment as _moment
from maze.analysis.summary import team_key as _team_key
from maze.analysis.svg import heatmap_svg, timeline_svg
from maze.analysis.text import cost_text, minutes, num, outcome_text, penalty_word, undone_text
from maze.core.events import Event, StepTaken
from maze.core.level import BUILTIN_WORDS
from maze.core.session import SessionSetup
from maze.lang import _, builtin, current, n_, number, p_

# date, time and attempt came later: at the end, so a sheet that reads columns by place still works
CSV_FIELDS = ("session_id", "team", "level", "player", "t", "square", "class", "dwell", "phase",
              "exploring", "date", "time", "attempt")

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
h2, .meta, li, td { overflow-wrap: anywhere; }     /* a name without spaces still wraps */
table.summary th { overflow-wrap: normal; } table.summary th:first-child { width: 30%; }
table.summary td.n, td.when { white-space: nowrap; overflow-wrap: normal; }
table.summary td.outcome { min-width: 7.5rem; }
.rank { color: var(--dim); font-size: .8em; }
.scores { display: flex; gap: 1rem; flex-wrap: wrap; margin: .6rem 0; }
.score { flex: 1 1 12rem; border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .7rem; }
.score b { display: block; font-size: 1.5rem; }
.score.learning { border-top: 4px solid var(--learn); }
.score.execution { border-top: 4px solid var(--exec); }
.score.switching { border-top: 4px solid var(--plan); }
.charts { display: flex; gap: 1rem; flex-wrap: wrap; align-items: flex-start; }
figure { margin: 0; } .charts figure.line { flex: 1 1 100%; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; }
svg .axis, svg .tick, svg .phase { font-size: 11px; fill: #5a6472; text-anchor: middle; }
svg .phase { text-anchor: start; } svg .lane { font-size: 11px; text-anchor: end; fill: #14181f; }
svg .count { font-size: 13px; text-anchor: middle; font-weight: bold; fill: #14181f; }
svg .cell { fill: #eef1f5; stroke: #c4cbd4; } svg .grid { stroke: #e3e7ec; }
svg .mark { stroke: #14181f; stroke-width: 1.5; fill: none; }
svg path.steps { stroke-width: 7; stroke-linecap: round; fill: none; }
svg path.beeps { stroke-width: 8; stroke-linecap: square; fill: none; }
ul.prompts li { margin: .25rem 0; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: -.1rem; margin-right: .3rem; }
@page { margin: 12mm; }
/* Print: the summary from page 1 (as many pages as it needs), then each session on exactly one
   page of A4 or Letter. A session is a column of fixed height that fits both papers' printable
   area (Letter: 279.4 - 24 = 255.4 mm high; A4: 210 - 24 = 186 mm wide); its text takes what
   it needs and the two charts share the rest, each SVG scaled to fit its box. */
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 8.5pt; line-height: 1.25; }
  h1 { font-size: 16pt; } h2 { font-size: 12pt; margin: 0 0 1mm; }
  h3 { font-size: 9pt; margin: 1.5mm 0 .5mm; }
  table { font-size: 8pt; margin: .5mm 0 1mm; } th, td { padding: .4mm 1.2mm; }
  table.summary { break-inside: auto; } table.summary tr { break-inside: avoid; }
  section.session { break-before: page; break-inside: avoid; height: 248mm; overflow: hidden;
                    display: flex; flex-direction: column; }
  section.session > * { flex: none; margin-top: 0; margin-bottom: 1mm; }
  .meta, .note { font-size: 7.5pt; } .meta .roster { display: none; }
  .scores { gap: 2mm; margin: 0 0 1mm; flex-wrap: nowrap; }
  .score { padding: 1mm 2mm; font-size: 7.5pt; } .score b { font-size: 12pt; }
  /* the board above a full-width timeline; with many players, side by side */
  section.session > .charts { flex: 1 1 0; min-height: 60mm; flex-wrap: nowrap; gap: 2mm;
                              flex-direction: column; align-items: stretch; }
  .charts figure { display: flex; flex-direction: column; min-height: 0; min-width: 0; }
  .charts figure.map { flex: 1 1 0; min-height: 40mm; } .charts figure.line { flex: none; }
  .charts figure.map svg { flex: 1 1 0; min-height: 0; width: 100%; height: 100%; }
  .charts figure.line svg { width: 100%; height: auto; max-height: 60mm; }
  section.busy > .charts, section.crowded > .charts { flex-direction: row; gap: 3mm; }
  section.busy figure.map, section.crowded figure.map { flex: 0 1 40%; }
  section.busy figure.line, section.crowded figure.line { flex: 1 1 0; }
  section.busy figure.line svg, section.crowded figure.line svg { flex: 1 1 0; min-height: 0;
                                                                  height: 100%; max-height: none; }
  .legend { margin: .5mm 0 0; font-size: 6.5pt; line-height: 1.15; }
  ul.prompts { margin: 0; padding-left: 4mm; } ul.prompts li { margin: 0; }
  table.players th:first-child { width: 40%; }
  .busy table.players { font-size: 7pt; } .busy table.players td { padding: .15mm 1.2mm; }
  .crowded table.players { font-size: 6.3pt; line-height: 1.1; }
  .crowded table.players td, .crowded table.players th { padding: 0 1mm; }
  /* more notes than a page holds: the session flows on, its charts at a fixed size */
  section.session.long { height: auto; overflow: visible; display: block; }
  section.long figure.map svg { max-height: 150mm; } section.long figure.line svg { max-height: 90mm; }
  h2, h3 { break-after: avoid; } tr, li, .scores, figure { break-inside: avoid; }
}
"""


def attempt_numbers(setups: Iterable[SessionSetup]) -> dict[str, int]:
    """Session id -> attempt number: the session is the team's nth on that level (the same board,
    path(s) and rules, as in the summary), ordered by start time, among the sessions given (a
    copy of a log counts once). Team names match ignoring case and extra spaces."""
    groups: dict[tuple[str, str], dict[str, tuple[int, float | str]]] = {}
    for setup in setups:
        key = (_team_key(setup.team), level_identity(setup))
        groups.setdefault(key, {})[setup.session_id] = _moment(setup.started_at)
    numbers: dict[str, int] = {}
    for sessions in groups.values():
        ordered = sorted(sessions, key=lambda sid: (sessions[sid], sid))
        numbers.update((sid, n) for n, sid in enumerate(ordered, start=1))
    return numbers


# The report needs no script, no network and no file besides itself: a browser refuses any,
# should a log's text ever get past the escaping.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'"


def _many(n: int | None) -> int:
    """The count that picks a plural form: a figure not measured ("-") reads as many."""
    return 2 if n is None else n


def _list_separator() -> str:
    # Translators: between the items of a list of notes ("the memory aid was on; the path was
    # revealed 2 times"); French puts a no-break space before the semicolon
    return p_("list of notes", "; ")


def _team_level(setup: SessionSetup) -> str:
    # Translators: a session's title in the report: the team, then the level
    return _("{team}: {level}").format(team=setup.team, level=level_name(setup))


def level_name(setup: SessionSetup) -> str:
    """The session's level as the room reads it (a built-in level's name translated)."""
    return builtin(setup.level.name, BUILTIN_WORDS)


def _anchor(number: int, session_id: str) -> str:
    """A section's id: the session id's letters and digits only (it comes from a log)."""
    return f"s{number}-" + "".join(c for c in session_id[:40] if c.isascii() and c.isalnum())


def _unquoted(reason: str) -> str:
    """A reason with the values it quotes left out (a name, with --anonymize)."""
    return re.sub(r'"[^"]*"', _("(a value from the log)"), reason)


def _headline(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else number(value, digits)


# Print: a session's page is PAGE_MM high (see STYLE); its charts get what the text leaves,
# never less than charts_mm(). The text's height is estimated from its length (measured in
# Chromium at the print sizes of STYLE); a session whose text would leave the charts less flows
# over two pages instead of being cut. Tests print the fullest session that keeps one page.
PAGE_MM, CHARTS_MM, MAP_MM = 248.0, 60.0, 40.0
_TAGS = re.compile(r"<[^>]+>")


def _lines(text: str, per_line: int) -> int:
    return max(1, -(-len(text) // per_line))


def charts_mm(setup: Any) -> float:
    """The least height a session's two charts keep on its printed page, legends included:
    side by side (more than 8 players) CHARTS_MM; else the board (at least MAP_MM) above the
    timeline, which takes the page's width at its own proportions (see timeline_svg), at most
    60 mm."""
    players = len(setup.roster)
    if players > 8:
        return CHARTS_MM
    return MAP_MM + min(60.0, 186.0 * (48 + 22 * players) / 900) + 12.0


def print_text_mm(setup: Any, notes: list[str], questions: list[str]) -> float:
    """How high a session's text stands on its printed page, in mm, all but the charts."""
    players = len(setup.roster)
    # a row's height, a name's characters per line and the header's height, per density
    row, per_line, head = (2.75, 50, 8.0) if players > 16 else (3.7, 42, 10.5) if players > 8 else (4.6, 29, 12.0)
    table = head + sum(row * _lines(name, per_line) for name in setup.roster)
    title = 5.3 * _lines(_team_level(setup), 66)
    meta, scores, headings = 4.3, 19.5, 10.0
    note_mm = sum(1.0 + 3.3 * _lines(_TAGS.sub("", note), 115) for note in notes)
    question_mm = sum(3.75 * _lines(q, 110) for q in questions)
    return title + meta + scores + headings + table + note_mm + question_mm


def _crowding(setup: Any) -> str:
    """A class that makes a big session's page denser in print, so it stays one page."""
    if len(setup.roster) > 16:
        return " crowded"
    return " busy" if len(setup.roster) > 8 else ""


def _scores_html(figures: Figures) -> str:
    """The three headline figures, each with what it counts."""
    e = escape
    learn, exe, sw = figures.learning, figures.execution, figures.switch
    learning = _("discoveries per minute; {discoveries}, {repeats}; path found after {time}").format(
        discoveries=n_("{n} discovery", "{n} discoveries", learn.discoveries).format(
            n=learn.discoveries),
        repeats=n_("{n} repeat beep", "{n} repeat beeps", learn.repeat_errors).format(
            n=learn.repeat_errors),
        time=minutes(learn.path_found_seconds))
    execution = _("squares per minute, error-free; {crossings}, {errors}").format(
        crossings=n_("{n} crossing", "{n} crossings", _many(exe.crossings)).format(
            n=num(exe.crossings)),
        errors=n_("{n} error", "{n} errors", _many(exe.errors)).format(n=num(exe.errors)))
    switching = _("out of 100; lag {lag}, pace ratio {ratio}, {off_path}").format(
        lag=num(sw.lag_seconds, _(" s")), ratio=num(sw.pace_ratio, "", 2),
        off_path=n_("{n} off-path step", "{n} off-path steps", _many(sw.off_path_steps)).format(
            n=num(sw.off_path_steps)))
    names = e(_("Learning")), e(_("Execution")), e(_("Switching"))
    return ('<div class="scores">'
            f'<div class="score learning">{names[0]}'
            f'<b>{_headline(learn.discoveries_per_minute)}</b>{e(learning)}</div>'
            f'<div class="score execution">{names[1]}'
            f'<b>{_headline(exe.error_free_speed)}</b>{e(execution)}</div>'
            f'<div class="score switching">{names[2]}'
            f'<b>{_headline(sw.score, 0)}</b>{e(switching)}</div></div>')


def _curveballs(figures: Figures) -> list[str]:
    """One paragraph per curveball: when it came, how soon it was noticed and relearned."""
    return ['<p class="meta">' + escape(n_(
        "Curveball {i} at {at}: noticed after {steps} step ({seconds}), {beeps} on the old "
        "path, relearned in {relearn}.",
        "Curveball {i} at {at}: noticed after {steps} steps ({seconds}), {beeps} on the old "
        "path, relearned in {relearn}.", _many(curve.detect_steps)).format(
        i=i, at=minutes(curve.changed_at), steps=num(curve.detect_steps),
        seconds=num(curve.detect_seconds, _(" s")),
        beeps=n_("{n} beep", "{n} beeps", curve.rigid_repeats).format(n=curve.rigid_repeats),
        relearn=num(curve.relearn_seconds, _(" s")))) + "</p>"
        for i, curve in enumerate(figures.switch.curveballs, start=1)]


def _legends(paths: list[tuple[str, ...]]) -> tuple[str, str]:
    """The legends under the board and under the timeline."""
    def swatch(colour: str, text: str) -> str:
        return (f'<span><i class="swatch" style="background:{colour}"></i>{escape(text)}'
                "</span>")
    board = ('<figcaption class="legend note">'
             + swatch("#e66100", _("beeps per square (number written in, crossed corner)"))
             + swatch("#c9a800", _("the path"))
             + (swatch("#56b4e9", _("the path after a change (dashed)")) if len(paths) > 1 else "")
             + "</figcaption>")
    kinds = (_("circles: safe steps (blue new, grey known)"),
             _("squares: beeps (orange new, dark red repeat, pink surprise)"),
             _("shading: learning blue, execution green, planning pink"))
    line = ('<figcaption class="legend note">'
            + "".join(f"<span>{escape(text)}</span>" for text in kinds) + "</figcaption>")
    return board, line


def _players_table(figures: Figures) -> str:
    e = escape
    # Translators: column headers of the report's players' table
    heads = (_("Player"), _("Steps"), _("Attempts"), _("Crossings"), _("Discoveries"),
             _("Repeat beeps"), _("Execution errors"), _("Median pause"), _("Before new squares"))
    parts = ["<h3>" + e(_("Players")) + "</h3><table class=players><thead><tr>"
             + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr></thead><tbody>"]
    seconds = _(" s")
    for name, p in figures.players.items():
        parts.append(f"<tr><td>{e(name)}</td><td class=n>{p.steps}</td><td class=n>{p.attempts}</td>"
                     f"<td class=n>{p.crossings}</td><td class=n>{p.discoveries}</td>"
                     f"<td class=n>{p.repeat_errors}</td><td class=n>{p.execution_errors}</td>"
                     f"<td class=n>{e(num(p.median_dwell, seconds))}</td>"
                     f"<td class=n>{e(num(p.median_dwell_new, seconds))}</td></tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _notes(figures: Figures) -> list[str]:
    """Penalties, undone actions, the memory aid and reveals, one paragraph each."""
    e = escape
    out = []
    pen = figures.penalties
    if pen.count:
        cost = cost_text(pen.cost, pen.currency)
        kinds = ", ".join(f"{penalty_word(k)} {v}" for k, v in pen.by_type.items())
        out.append('<p class="meta">' + e(_("Penalties: {n} ({cost}): {kinds}.").format(
            n=pen.count, cost=cost, kinds=kinds)) + "</p>")
    if figures.undone:
        out.append('<p class="meta">' + e(_("Undone by the facilitator, not counted: {actions}."))
                   .replace("{actions}", e(_list_separator()).join(f"<s>{e(undone_text(u))}</s>"
                                                   for u in figures.undone)) + "</p>")
    extras = []
    if figures.memory_aid_used:
        extras.append(_("the memory aid was on"))
    if figures.reveals:
        extras.append(n_("the path was revealed {n} time", "the path was revealed {n} times",
                         figures.reveals).format(n=figures.reveals))
    if extras:
        out.append('<p class="meta">' + e(_("Note: {notes}.").format(notes=_list_separator().join(extras)))
                   + "</p>")
    return out


def _meta(read: SessionRead, figures: Figures, attempt: int | None) -> str:
    """The line under a session's title: when, the outcome, how long, who, the rules, its id."""
    setup = read.setup
    e = escape
    outcome = outcome_text(figures.outcome)
    if not is_ranked(figures.outcome):
        outcome = _("{outcome} (not ranked)").format(outcome=outcome)
    started = e(when_shown(setup.started_at))
    if attempt:
        started = e(_("{when}; attempt {n}").format(when=when_shown(setup.started_at), n=attempt))
    roster = e(_("roster: {names}").format(names=", ".join(setup.roster)))
    played = e(_("{time} played").format(time=minutes(figures.seconds)))
    session = e(_("session {id}").format(id=setup.session_id))
    sep = e(_list_separator())
    return (f'<p class="meta">{started}{sep}{e(outcome)}{sep}{played}{sep}'
            f"<span class=roster>{roster}{sep}</span>{e(rules_summary(setup.rules))}{sep}"
            f"{session}</p>")


def session_section(read: SessionRead, figures: Figures, anchor: str, attempt: int | None = None) -> str:
    setup, events = read.setup, read.events
    e = escape
    parts = [f'<section class="session{_crowding(setup)}" id="{anchor}">',
             f"<h2>{e(_team_level(setup))}</h2>",
             _meta(read, figures, attempt)]
    for warning in read.warnings:
        parts.append('<p class="note">' + e(_("Note: {warning}").format(warning=warning))
                     + "</p>")
    parts.append(_scores_html(figures))
    parts.extend(_curveballs(figures))
    line = timeline(events)
    paths = [tuple(setup.level.path), *line.paths]
    board_legend, line_legend = _legends(paths)
    parts.append('<div class="charts"><figure class="map">')
    parts.append(heatmap_svg(setup.level, setup.rules, heatmap(line.steps), "beeps", paths))
    parts.append(board_legend + "</figure>")
    parts.append('<figure class="line">' + timeline_svg(line, setup.roster))
    parts.append(line_legend + "</figure></div>")
    parts.append(_players_table(figures))
    parts.extend(_notes(figures))
    parts.append("<h3>" + e(_("For the debrief")) + '</h3><ul class="prompts">')
    questions = prompts(setup, events, figures, steps=line.steps)
    parts.extend(f"<li>{e(p)}</li>" for p in questions)
    parts.append("</ul></section>\n")
    notes = [p for p in parts[3:] if p.startswith(('<p class="meta">', '<p class="note">'))]
    if print_text_mm(setup, notes, questions) + charts_mm(setup) > PAGE_MM:
        parts[0] = f'<section class="session long{_crowding(setup)}" id="{anchor}">'
    return "".join(parts)


def csv_rows(read: SessionRead, attempt: int | None = None) -> Iterator[tuple[Any, ...]]:
    """One row per step, in the order of CSV_FIELDS."""
    setup = read.setup
    started = when(setup.started_at)
    head = (setup.session_id, setup.team, setup.level.name)
    tail = (started[:10], started[11:], "" if attempt is None else attempt)
    for event in read.events:
        if type(event) is StepTaken:
            yield (*head, event.player, event.t, event.square, event.class_, event.dwell,
                   event.phase, "yes" if event.exploring else "no", *tail)


# A session's page, beside the summary in its folder: its anchor (see _anchor: a counter and
# the session id's letters and digits), then .html. Only files so named are ever removed.
PAGE_NAME = re.compile(r"s[0-9]+-[A-Za-z0-9]*\.html")


def _compact(css: str) -> str:
    """The style without comments and indentation: it is written into every page."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return re.sub(r"\s*\n\s*", " ", css).strip()


PAGE_STYLE = _compact(STYLE + "nav.back { margin-bottom: 1rem; } @media print { nav.back { display: none; } }")


def _head(title: str, style: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{current().replace("_", "-")}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f"<title>{title}</title><style>{style}</style></head><body>\n")


class SessionRead(Protocol):
    """A session as read from its log: its setup, its events, the warnings its reading gave
    and where it came from (as shown to people)."""
    path: str
    setup: SessionSetup
    events: list[Event]
    warnings: list[str]


@dataclass(frozen=True)
class Made:
    """One session's part of the report: its summary row, its section (empty when the report
    is the summary alone) and what it was made from (for its CSV rows)."""
    row: Row
    section: str
    read: SessionRead

    @property
    def page_name(self) -> str:
        """Its page's file name, beside the summary (see PAGE_NAME)."""
        return f"{self.row.anchor}.html"


END = "</body></html>\n"


class Report:
    """The report, made one session at a time from sessions read elsewhere: each session's
    section and CSV rows are handed back as soon as they are made (to be written out), and
    only one summary row per session is kept, so memory stays flat however many logs there
    are. No file is read or written here: the caller chooses what to read and where to write.

    A session goes in by ``admit`` (not twice) and then ``add`` (scored); a log that cannot be
    used is ``skip``-ped with the one line that says why. With ``anonymize``, names become
    pseudonyms and no file path (which holds the team's name) is shown."""

    def __init__(self, attempts: dict[str, int], sections: bool = True,
                 anonymize: bool = False) -> None:
        self.attempts = attempts
        self.sections = sections
        self.pseudonyms = Pseudonyms() if anonymize else None
        self.rows: list[Row] = []
        self.skipped: list[tuple[str, str]] = []
        self._seen: dict[str, str] = {}

    def _shown(self, source: str) -> str:
        return _("a log") if self.pseudonyms is not None else source

    def skip(self, source: str, problem: str) -> None:
        """Leave a log out: ``problem`` is the one line saying why, "source: reason"."""
        prefix = source + ": "
        reason = problem[len(prefix):] if problem.startswith(prefix) else problem.split(": ", 1)[-1]
        self.skipped.append((self._shown(source),
                             reason if self.pseudonyms is None else _unquoted(reason)))

    def admit(self, source: str, read: SessionRead) -> bool:
        """Whether a session goes in: not one already in (a file given twice, or a copy of a
        log), which is skipped. With ``anonymize`` its names become pseudonyms here, before its
        warnings are said."""
        if self.pseudonyms is not None:
            read.setup, read.events = self.pseudonyms.session(read.setup, read.events)
            read.warnings = [w.replace(source, _("a log")) for w in read.warnings]
            read.path = _("a log")
        earlier = self._seen.get(read.setup.session_id)
        if earlier is not None:
            self.skipped.append((self._shown(source), _("the same session as {log}").format(
                log=earlier if self.pseudonyms is None else _("another log"))))
            return False
        return True

    def add(self, source: str, read: SessionRead) -> Made:
        """A session admitted, scored and made into its row and section. Events that make no
        sense raise what the scorer raises; the session is then not in (skip its log)."""
        setup = read.setup
        anchor = _anchor(len(self.rows) + 1, setup.session_id)
        figures = score(setup, read.events)
        attempt = self.attempts.get(setup.session_id)
        section = session_section(read, figures, anchor=anchor, attempt=attempt) if self.sections else ""
        self._seen[setup.session_id] = source
        row = Row(setup.session_id, setup.team, level_name(setup), level_identity(setup),
                  rules_summary(setup.rules), setup.started_at, figures.outcome,
                  (figures.learning.discoveries_per_minute, figures.execution.error_free_speed,
                   figures.switch.score), anchor, attempt)
        self.rows.append(row)
        return Made(row, section, read)

    @staticmethod
    def csv_rows(made: Made) -> Iterator[tuple[Any, ...]]:
        """A session's CSV rows, no cell read as a formula (a name starting with "=")."""
        return map(safe_row, csv_rows(made.read, made.row.attempt))

    @staticmethod
    def page(made: Made, summary_name: str) -> str:
        """A session's own page, linking back to the summary (the file ``summary_name`` in
        the folder above)."""
        title = escape(f"maze: {_team_level(made.read.setup)}")
        back = "../" + quote(summary_name)
        every = escape(_("All sessions"))
        return (f'{_head(title, PAGE_STYLE)}<nav class="back"><a href="{escape(back)}">'
                f"{every}</a></nav>\n{made.section}{END}")

    def summary(self, pages: str | None) -> Iterator[str]:
        """The summary page, in pieces, up to where the sections go (if in the same file; then
        END). Each row links to its page in the folder named ``pages`` beside the summary, or,
        without, to its section further down (if there are sections)."""
        prefix = quote(pages) + "/" if pages is not None else ""

        def link(row: Row) -> str | None:
            if pages is not None:
                return f"{prefix}{row.anchor}.html"
            return f"#{row.anchor}" if self.sections else None
        n = len(self.rows)
        sessions = n_("{n} session", "{n} sessions", n).format(n=n)
        yield _head(escape(_("maze report: {sessions}").format(sessions=sessions)),
                    _compact(STYLE + summary_style()))
        yield ("<h1>" + escape(_("Maze sessions")) + '</h1><p class="meta">'
               + escape(_("{sessions}; made by maze {version}. What each figure means: "
                          "docs/metrics.md in the program.").format(
                   sessions=sessions, version=__version__)) + "</p>\n")
        yield from summary_html(self.rows, self.skipped, link)

