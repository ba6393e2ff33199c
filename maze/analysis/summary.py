"""The report's summary: one table of every session, sortable by team, level, date and each
score and filterable by level and month, with no script at all (the report's
Content-Security-Policy forbids them): the controls are radio buttons, and CSS does the rest.

How: each row carries its position in every sort order as CSS custom properties, one for
each order (``style="--t:12;--d:40"``); the table body is a flex column, and the checked sort button
sets each row's ``order`` to one of them (``body:has(#o-team:checked) tr.r {order: var(--t)}``).
The DOM order is the default sort (by level, then in the order played), so the page lays out
without any of it. A filter hides rows with two custom properties, one per group, read by
``display: var(--xl, var(--xm, grid))``: choosing a level sets ``--xl: none`` on every row
and ``--xl: initial`` (the guaranteed-invalid value, so the fallback applies) on that level's
rows, the same for months with ``--xm``; a row shows when both groups let it. Each rule's
last compound selector is a class, so a browser tests a row against a handful of rules, not
hundreds, and 5,000 rows re-sort in a fraction of a second."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from maze.analysis.leaderboard import is_ranked, rank_values, when_shown
from maze.analysis.text import outcome_text
from maze.lang import N_, _, number, p_
from maze.lang import month as month_in_language

# (id, label in the sort bar, the row's custom property, reversed): one radio button each
# Translators: the summary's sort buttons ("lowest" follows the score it sorts by)
SORTS = (("o-level", N_("level"), None, False),
         ("o-team", N_("team A-Z"), "t", False),
         ("o-team-z", N_("team Z-A"), "t", True),
         ("o-new", N_("newest"), "d", True),
         ("o-old", N_("oldest"), "d", False),
         ("o-learn", N_("learning"), "a", False),
         ("o-learn-low", N_("lowest"), "A", False),
         ("o-exec", N_("execution"), "b", False),
         ("o-exec-low", N_("lowest"), "B", False),
         ("o-switch", N_("switching"), "c", False),
         ("o-switch-low", N_("lowest"), "C", False))

SUMMARY_STYLE = """
.controls { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin: .6rem 0; font-size: .88rem; }
.controls fieldset { border: 1px solid var(--line); border-radius: .4rem; margin: 0;
                     padding: .2rem .5rem .4rem; display: flex; flex-wrap: wrap; gap: .25rem;
                     align-items: baseline; min-width: 0; }
.controls legend { font-weight: 600; padding: 0 .3rem; }
.controls label, table.sortable th label { cursor: pointer; }
.controls label { border: 1px solid var(--line); border-radius: 1rem; padding: .05rem .55rem; }
.controls input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.controls label:has(:checked) { background: var(--ink); color: #fff; border-color: var(--ink); }
.controls label:has(:focus-visible) { outline: 2px solid var(--learn); outline-offset: 2px; }
.controls .sort label.low { margin-left: -.2rem; }
.controls i { font-style: normal; color: var(--dim); } .controls label:has(:checked) i { color: #d5dae1; }
table.sortable, table.sortable > thead, table.sortable > tbody { display: block; }
table.sortable > tbody { display: flex; flex-direction: column; }
table.sortable tr { display: grid; grid-template-columns:
  COLUMNS; }
table.sortable tr.r { display: var(--xl, var(--xm, grid));
                      content-visibility: auto; contain-intrinsic-size: auto 2.6rem; }
table.sortable th, table.sortable td { min-width: 0; }
table.sortable td.when { white-space: normal; }
table.sortable th label { text-decoration: underline dotted; }
table.sortable th { padding-left: .3rem; padding-right: .3rem; }
table.sortable th:first-child { width: auto; }
table.sortable th .note { font-size: .85em; }
@media print { .controls { display: none; } table.sortable tr.r { content-visibility: visible; } }
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
    attempt: int | None = None


def moment(started_at: str) -> tuple[int, float | str]:
    """A sort key for start times: the instant when it parses (offsets taken into account),
    else the text, after every parsed one."""
    try:
        return (0, datetime.fromisoformat(started_at).timestamp())
    except (ValueError, OverflowError, OSError):     # not a date, or one no clock can place
        return (1, started_at)


def team_key(team: str) -> str:
    return " ".join(team.split()).casefold()


def month(started_at: str) -> str | None:
    """"2026-11" from the start as logged (the clock of the machine that ran it), if a date."""
    try:
        return datetime.fromisoformat(started_at).strftime("%Y-%m")
    except (ValueError, OverflowError, OSError):
        return None


def _month_shown(key: str | None) -> str | None:
    """A month ("2026-11", as the rows are grouped) as the language writes it ("11.2026")."""
    if key is None:
        return None
    year, _sep, number_of_month = key.partition("-")
    return month_in_language(int(year), int(number_of_month))


def headline(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else number(value, digits)


def _positions(count: int, key: Callable[[int], Any]) -> list[int]:
    """Each row's place (0 first) when the rows are sorted by ``key`` of their index."""
    places = [0] * count
    for place, index in enumerate(sorted(range(count), key=key)):
        places[index] = place
    return places


@dataclass(frozen=True)
class _Layout:
    """What the summary works out before it writes a line: the default order (levels in the
    order first met, each in the order played), each row's place in every sort order, its
    ranks within its level, and the levels and months to filter by, with their counts."""
    shown: list[int]                      # row indexes, in the default order
    levels: dict[str, int]                # level key -> its number, from 1
    months: dict[str | None, int]         # "2026-11" -> number; None (no date) -> 0
    month_of: list[str | None]
    orders: dict[str, list[int]]          # sort property -> each row's place
    ranks: list[list[int | None]]         # each row's three ranks (#1 the best), or None
    ranked: list[bool]


def _sort_orders(rows: list[Row], instants: list[tuple[int, float | str]]) -> dict[str, list[int]]:
    """Each row's place in every sort order of SORTS: team, date, and each score best or worst
    first (no score last either way; ties by date)."""
    n = len(rows)
    date_key = [(instants[i], rows[i].session_id) for i in range(n)]
    orders = {"t": _positions(n, lambda i: (team_key(rows[i].team), date_key[i])),
              "d": _positions(n, lambda i: date_key[i])}
    for letter, k in zip("abc", range(3), strict=True):
        def best(i: int, k: int = k) -> tuple[bool, float, tuple[tuple[int, float | str], str]]:
            value = rows[i].scores[k]
            return (value is None, -(value or 0.0), date_key[i])

        def worst(i: int, k: int = k) -> tuple[bool, float, tuple[tuple[int, float | str], str]]:
            value = rows[i].scores[k]
            return (value is None, value or 0.0, date_key[i])
        orders[letter], orders[letter.upper()] = _positions(n, best), _positions(n, worst)
    return orders


def _level_ranks(rows: list[Row], shown: list[int], ranked: list[bool]) -> list[list[int | None]]:
    """Ranks (#1 the best) within each level, among sessions that ran their course; none in a
    level with fewer than two such sessions."""
    ranks: list[list[int | None]] = [[None] * 3 for _ in rows]
    members: dict[str, list[int]] = {}
    for i in shown:
        members.setdefault(rows[i].level_key, []).append(i)
    for group in members.values():
        many = sum(ranked[i] for i in group) > 1
        for k in range(3):
            values = rank_values([rows[i].scores[k] for i in group], [ranked[i] for i in group])
            for i, rank in zip(group, values, strict=True):
                ranks[i][k] = rank if many else None
    return ranks


def _layout(rows: list[Row]) -> _Layout:
    levels: dict[str, int] = {}
    for row in rows:
        levels.setdefault(row.level_key, len(levels) + 1)
    instants = [moment(r.started_at) for r in rows]
    by_level = _positions(len(rows), lambda i: (levels[rows[i].level_key], instants[i],
                                                rows[i].session_id))
    shown = sorted(range(len(rows)), key=by_level.__getitem__)
    ranked = [is_ranked(r.outcome) for r in rows]
    month_of = [month(r.started_at) for r in rows]
    months: dict[str | None, int] = {}
    for m in sorted({m for m in month_of if m is not None}):
        months[m] = len(months) + 1
    if None in month_of:
        months[None] = 0
    return _Layout(shown, levels, months, month_of, _sort_orders(rows, instants),
                   _level_ranks(rows, shown, ranked), ranked)


def _controls(rows: list[Row], layout: _Layout) -> Iterator[str]:
    """The sort and filter buttons: radio buttons inside their labels (no script reads them:
    CSS does), each level and month with how many sessions it has."""
    e, n = escape, len(rows)
    level_count = dict.fromkeys(layout.levels.values(), 0)
    month_count = dict.fromkeys(layout.months.values(), 0)
    for i in range(n):
        level_count[layout.levels[rows[i].level_key]] += 1
        month_count[layout.months[layout.month_of[i]]] += 1
    yield ('<form class="controls" aria-label="' + e(_("Sort and filter the sessions")) + '">'
           '<fieldset class="sort"><legend>' + e(_("Sort by")) + "</legend>")
    for ident, label, _prop, _reverse in SORTS:
        low = ' class="low"' if ident.endswith("-low") else ""
        checked = " checked" if ident == "o-level" else ""
        yield (f'<label{low}><input type="radio" name="sort" id="{ident}"{checked}> '
               + e(_(label)) + "</label>")
    # Translators: "all" sessions, a filter button followed by how many there are
    every = e(p_("filter", "all"))
    yield '</fieldset><fieldset class="levels"><legend>' + e(_("Level")) + "</legend>"
    yield f'<label><input type="radio" name="level" id="l-all" checked> {every} <i>{n}</i></label>'
    names = {rows[i].level_key: rows[i] for i in layout.shown}
    for key, place in layout.levels.items():
        row = names[key]
        title = f' title="{e(row.level_summary)}"'
        yield (f'<label{title}><input type="radio" name="level" id="l{place}"> {e(row.level)} '
               f"<i>{level_count[place]}</i></label>")
    yield '</fieldset><fieldset class="months"><legend>' + e(_("Month")) + "</legend>"
    yield f'<label><input type="radio" name="month" id="m-all" checked> {every} <i>{n}</i></label>'
    undated = _("no date")
    for label_month, place in layout.months.items():
        yield (f'<label><input type="radio" name="month" id="m{place}"> '
               f'{e(_month_shown(label_month) or undated)} <i>{month_count[place]}</i></label>')
    yield "</fieldset></form>"


def _rules(layout: _Layout) -> str:
    """The style that makes the buttons work: one rule per sort order, level and month (ids
    and classes are ours, never a name), and the header naming the order in use."""
    rules = []
    for ident, _label, prop, reverse in SORTS:
        if prop is not None:
            value = f"calc(-1 * var(--{prop}))" if reverse else f"var(--{prop})"
            rules.append(f"body:has(#{ident}:checked) tr.r {{ order: {value}; }}")
    rules.append("body:has(#l-all:not(:checked)) tr.r { --xl: none; }")
    rules.extend(f"body:has(#l{place}:checked) tr.l{place} {{ --xl: initial; }}"
                 for place in layout.levels.values())
    rules.append("body:has(#m-all:not(:checked)) tr.r { --xm: none; }")
    rules.extend(f"body:has(#m{place}:checked) tr.m{place} {{ --xm: initial; }}"
                 for place in layout.months.values())
    rules.extend(f"body:has(#{ident}:checked) th.{ident} {{ background: #eef1f5; }}"
                 for ident, _label, prop, _reverse in SORTS if prop is not None and prop.islower())
    return f"<style>{''.join(rules)}</style>"


def summary_style() -> str:
    """The summary's style, its score columns as wide as their headers need in the language in
    use ("Umschalten", "Entdeckungen/min"): each row is a grid of its own, so the widths are
    set, not found by the browser. DejaVu Sans, the report's first font, is at most 0.72 em a
    letter in bold (the header) and 0.65 em in regular (the unit under it)."""
    def width(name: str, unit: str = "", least: float = 0) -> str:
        longest_piece = max(len(piece) for piece in unit.replace("/", "/ ").split()) if unit else 0
        need = max(len(name) * 0.72, longest_piece * 0.65 * 0.85) + 1.0
        return f"{max(least, math.ceil(need * 10) / 10):g}em"     # the table's font: on paper too
    team, level, outcome = width(_("Team")), width(_("Level")), width(_("Outcome"))
    columns = [f"minmax({team}, 2.4fr)", f"minmax({level}, 1.5fr)",
               width(_("Started"), "", 7.5), width(_("Attempt"), "", 5.2),
               f"minmax({outcome}, 1.3fr)",
               width(_("Learning"), _("discoveries/min"), 6.6),
               width(_("Execution"), _("squares/min"), 6.25),
               width(_("Switching"), _("of 100"), 6.25)]
    return SUMMARY_STYLE.replace("COLUMNS", " ".join(columns))


def _head() -> str:
    """The table's header: each sortable column's name is the label of its sort button."""
    e = escape

    def unit(text: str) -> str:       # a unit under a header, breakable after its slash
        return "<br><span class=note>" + e(text).replace("/", "/<wbr>") + "</span>"
    return "".join(f'<th class="{ident}"><label for="{ident}">{e(name)}</label>{below}</th>' + extra
                   for ident, name, below, extra in (
                       ("o-team", _("Team"), "", ""), ("o-level", _("Level"), "", ""),
                       ("o-new", _("Started"), "",
                        "<th>" + e(_("Attempt")) + "</th><th>" + e(_("Outcome")) + "</th>"),
                       ("o-learn", _("Learning"), unit(_("discoveries/min")), ""),
                       ("o-exec", _("Execution"), unit(_("squares/min")), ""),
                       ("o-switch", _("Switching"), unit(_("of 100")), "")))


def _table_row(row: Row, i: int, layout: _Layout, href: str | None) -> str:
    """One session's row: its team (linked), level, start, attempt, outcome and the three
    scores with their ranks; its places in the sort orders and its filter classes."""
    e = escape
    cells = []
    for k, value in enumerate(row.scores):
        rank = layout.ranks[i][k]
        rank_text = f' <span class="rank">#{rank}</span>' if rank else ""
        cells.append(f"<td class=n>{headline(value, 0 if k == 2 else 1)}{rank_text}</td>")
    outcome = e(outcome_text(row.outcome))
    if not layout.ranked[i]:
        outcome += ' <span class="note">' + e(_("(not ranked)")) + "</span>"
    team = f'<a href="{e(href)}">{e(row.team)}</a>' if href else e(row.team)
    style = ";".join(f"--{key}:{layout.orders[key][i]}" for key in ("t", "d", "a", "A", "b", "B", "c", "C"))
    return (f'<tr class="r l{layout.levels[row.level_key]} m{layout.months[layout.month_of[i]]}" '
            f'style="{style}"><td class=team>{team}</td><td>{e(row.level)}</td>'
            f"<td class=when>{e(when_shown(row.started_at))}</td><td class=n>{row.attempt or '-'}</td>"
            f"<td class=outcome>{outcome}</td>{''.join(cells)}</tr>\n")


def _words(text: str) -> str:
    """A text node: quotes stay as they are."""
    return escape(text, quote=False)


def _notes(rows: list[Row], layout: _Layout, skipped: list[tuple[str, str]]) -> Iterator[str]:
    """What the table's columns and ranks mean (only the notes that apply), then the skipped logs."""
    if rows:
        yield ('<p class="note">' + _words(_(
            "Sort and filter with the buttons above (or a column's name); rows are first "
            "grouped by level, each in the order played. Started: the date and time of day, on "
            "the clock of the machine that ran the session. Attempt: 1 for the team's first "
            "session on that level among the logs in this report, 2 for its second, and so on."))
            + "</p>")
    if not all(layout.ranked):
        yield ('<p class="note">' + _words(_(
            "Ranks (#1 is the best) compare only sessions that ran their course: everyone "
            "crossed, the time ran out or the budget was spent. Sessions ended early by the "
            "facilitator, or never ended, are listed but not ranked.")) + "</p>")
    if len(layout.levels) > 1:
        yield ('<p class="note">' + _words(_(
            "Scores are ranked within each level only: different boards, paths or rules are "
            "not comparable.")) + "</p>")
    if skipped:
        yield "<h3>" + escape(_("Skipped")) + "</h3><ul>"
        yield from (f"<li>{escape(path)}: {escape(reason)}</li>" for path, reason in skipped)
        yield "</ul>"


def summary_html(rows: list[Row], skipped: list[tuple[str, str]],
                 link: Callable[[Row], str | None]) -> Iterator[str]:
    """The summary, in pieces: the controls, one table of every session (in the order of
    ``rows`` grouped by level, then the order played), the notes and the skipped logs.
    ``link`` gives each row's link (a page beside the report, or an anchor) or None."""
    yield "<h2>" + escape(_("Summary")) + "</h2>"
    layout = _layout(rows)
    yield from _controls(rows, layout)
    yield _rules(layout)
    yield f'<table class="summary sortable"><thead><tr>{_head()}</tr></thead><tbody>'
    for i in layout.shown:
        yield _table_row(rows[i], i, layout, link(rows[i]))
    yield "</tbody></table>"
    yield from _notes(rows, layout, skipped)
