"""`maze card LEVEL`: a printable one-page answer card, like the paper keys facilitators hold
for the physical kit: the board with the path numbered square by square (and the curveball's
alternate path, if the level has one). Self-contained HTML; prints on A4 and Letter."""

from __future__ import annotations

from html import escape

from maze.analysis.rules_text import rules_summary
from maze.core.board import parse_square
from maze.core.level import BUILTIN_WORDS, Level
from maze.lang import _, builtin, current, n_

CELL = 56


def _board(level: Level, path: tuple[str, ...], color: str, title: str) -> str:
    cols, rows, pad = level.cols, level.rows, 30
    width, height = cols * CELL + 2 * pad, rows * CELL + 2 * pad
    order = {name: i for i, name in enumerate(path, start=1)}
    out = [f'<figure><figcaption>{escape(title)}</figcaption>'
           f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="img" aria-label="{escape(title)}">']
    for col in range(cols):
        x = pad + col * CELL + CELL / 2
        out.append(f'<text x="{x}" y="{pad - 10}" class="axis">{chr(65 + col)}</text>')
        out.append(f'<text x="{x}" y="{height - 8}" class="axis">{chr(65 + col)}</text>')
    for row in range(rows):
        y = pad + (rows - 1 - row) * CELL + CELL / 2 + 5
        out.append(f'<text x="{pad / 2}" y="{y}" class="axis">{row + 1}</text>')
        for col in range(cols):
            name = f"{chr(65 + col)}{row + 1}"
            x, top = pad + col * CELL, pad + (rows - 1 - row) * CELL
            number = order.get(name)
            fill = color if number else "#ffffff"
            out.append(f'<rect x="{x + 2}" y="{top + 2}" width="{CELL - 4}" height="{CELL - 4}" '
                       f'fill="{fill}" fill-opacity="{0.35 if number else 1}" stroke="#444" rx="5"/>')
            if number:
                out.append(f'<text x="{x + CELL / 2}" y="{top + CELL / 2 + 7}" class="step">{number}</text>')
    points = " ".join(f"{pad + parse_square(n).col * CELL + CELL / 2},"
                      f"{pad + (rows - 1 - parse_square(n).row) * CELL + CELL / 2}" for n in path)
    out.append(f'<polyline points="{points}" fill="none" stroke="{color}" stroke-width="3" '
               f'stroke-opacity="0.6"/></svg>')
    out.append(f'<p class="squares">{" → ".join(escape(n) for n in path)}</p></figure>')
    return "".join(out)


def card_html(level: Level) -> str:
    rules = level.resolve_rules()
    n = len(level.path)
    parts = [_board(level, level.path, "#c9a800",
                    n_("The path: {n} square", "The path: {n} squares", n).format(n=n))]
    if level.curveball and level.curveball.path:
        n = len(level.curveball.path)
        # Translators: {keys} is a key combination, Ctrl+K on an English keyboard
        when = (_("after execution crossing {n}").format(n=level.curveball.after_crossings)
                if level.curveball.after_crossings else
                _("when you press {keys}").format(keys=_("Ctrl+K")))
        parts.append(_board(level, level.curveball.path, "#2a7fb8",
                            n_("The curveball's path ({when}): {n} square",
                               "The curveball's path ({when}): {n} squares", n).format(
                                when=when, n=n)))
    elif level.curveball:
        parts.append("<p>" + escape(_("A curveball generates its new path during the session "
                                      "(same start); hold {keys} to see it then.").format(
            keys=_("Ctrl+R"))) + "</p>")
    title = escape(_("Answer card: {level}").format(level=builtin(level.name, BUILTIN_WORDS)))
    return ("<!DOCTYPE html>\n"
            f"<html lang=\"{current().replace('_', '-')}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>"
            "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:12mm;color:#111}"
            "h1{font-size:1.4rem;margin:0 0 .3rem} .meta{color:#555;margin:0 0 1rem}"
            ".cards{display:flex;gap:1.5rem;flex-wrap:wrap;align-items:flex-start}"
            "figure{margin:0} figcaption{font-weight:bold;margin-bottom:.3rem}"
            "svg{max-width:100%;height:auto} .axis{font-size:13px;text-anchor:middle;fill:#555}"
            ".step{font-size:20px;font-weight:bold;text-anchor:middle}"
            ".squares{font-size:.9rem;max-width:30rem} .keep{color:#a00;font-weight:bold}"
            "@page{margin:10mm} @media print{body{margin:0} .cards{flex-wrap:nowrap}"
            "figure{flex:1 1 0;min-width:0} svg{width:100%;height:auto;max-height:130mm}}"
            "</style></head><body>"
            f"<h1>{title}</h1>"
            f"<p class=\"meta\">{escape(rules_summary(rules))}. "
            + escape(_("Row 1 is the start edge (bottom), row {rows} the goal edge.").format(
                rows=level.rows))
            + " <span class=\"keep\">"
            + escape(_("For the facilitator only: keep it out of the players' sight."), quote=False)
            + "</span></p>"
            f"<div class=\"cards\">{''.join(parts)}</div></body></html>\n")
