"""Inline SVG charts for the report: the board heatmap and the timeline. Text from people is
escaped; colours match the program's palette and every state also differs in shape."""

from __future__ import annotations

import math
from html import escape

from maze.analysis.debrief import SquareStats, Timeline
from maze.core.board import parse_square
from maze.core.level import Level
from maze.core.rules import Rules

BEEP, SAFE, PATH, LEARN, EXEC, PLAN = "#e66100", "#56b4e9", "#c9a800", "#56b4e9", "#009e73", "#cc79a7"
CLASS_COLORS = {"new_safe": SAFE, "known_safe": "#7a8696", "new_beep": BEEP,
                "repeat_beep": "#8b1e00", "surprise_beep": "#cc79a7"}
CELL = 40


def heatmap_svg(level: Level, rules: Rules, cells: dict[str, SquareStats], mode: str = "beeps",
                paths: list[tuple[str, ...]] | None = None) -> str:
    """The board, each square shaded by beeps (or visits), counts written in; the path(s) drawn."""
    cols, rows = level.cols, level.rows
    pad = 26
    width, height = cols * CELL + 2 * pad, rows * CELL + 2 * pad
    top = max((getattr(c, mode) for c in cells.values()), default=0) or 1
    out = [f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="Board: {escape(mode)} per square">']
    for col in range(cols):
        letter = chr(65 + col)
        x = pad + col * CELL + CELL / 2
        out.append(f'<text x="{x}" y="{pad - 8}" class="axis">{letter}</text>')
        out.append(f'<text x="{x}" y="{height - 8}" class="axis">{letter}</text>')
    for row in range(rows):
        y = pad + (rows - 1 - row) * CELL + CELL / 2 + 4
        out.append(f'<text x="{pad / 2}" y="{y}" class="axis">{row + 1}</text>')
    for row in range(rows):
        for col in range(cols):
            name = f"{chr(65 + col)}{row + 1}"
            x, y = pad + col * CELL, pad + (rows - 1 - row) * CELL
            cell = cells.get(name)
            value = getattr(cell, mode) if cell else 0
            color = BEEP if mode == "beeps" else SAFE
            opacity = 0.12 + 0.88 * value / top if value else 0.0
            out.append(f'<rect x="{x + 1}" y="{y + 1}" width="{CELL - 2}" height="{CELL - 2}" '
                       f'class="cell"/>')
            if value:
                out.append(f'<rect x="{x + 1}" y="{y + 1}" width="{CELL - 2}" height="{CELL - 2}" '
                           f'fill="{color}" fill-opacity="{opacity:.2f}"/>')
                shown = f"{value:.0f}" if isinstance(value, float) else str(value)
                out.append(f'<text x="{x + CELL / 2}" y="{y + CELL / 2 + 5}" class="count">{shown}</text>')
            if cell and cell.beeps and mode == "beeps":      # a beep also differs in shape
                out.append(f'<path d="M{x + 4} {y + 4}l6 6M{x + 10} {y + 4}l-6 6" class="mark"/>')
    for index, path in enumerate(paths or [tuple(level.path)]):
        points = []
        for name in path:
            sq = parse_square(name)
            points.append(f"{pad + sq.col * CELL + CELL / 2},{pad + (rows - 1 - sq.row) * CELL + CELL / 2}")
        dash = ' stroke-dasharray="6 4"' if index else ""
        stroke = PATH if index == 0 else SAFE
        out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{stroke}" '
                   f'stroke-width="3" stroke-opacity="0.9"{dash}/>')
    out.append("</svg>")
    return "".join(out)


def timeline_svg(line: Timeline, roster: tuple[str, ...], width: int = 900) -> str:
    """A lane per player; each step a mark coloured by its class (beeps are squares, safe
    steps circles); the phases shaded; curveballs marked with a dashed line."""
    lane = 22
    left, top = 130, 18
    height = top + lane * len(roster) + 30
    end = max(line.end, 1.0)
    scale = (width - left - 10) / end

    def x(t: float) -> float:
        return left + t * scale

    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="Timeline of every step">']
    shade = {"planning": PLAN, "learning": LEARN, "execution": EXEC}
    for span in line.spans:
        out.append(f'<rect x="{x(span.start):.1f}" y="{top}" width="{max(0.5, (span.end - span.start) * scale):.1f}" '
                   f'height="{lane * len(roster)}" fill="{shade.get(span.phase, "#999")}" '
                   f'fill-opacity="0.15"><title>{escape(span.phase)}</title></rect>')
        out.append(f'<text x="{x(span.start) + 3:.1f}" y="{top - 5}" class="phase">{escape(span.phase)}</text>')
    for index, name in enumerate(roster):
        y = top + index * lane + lane / 2
        out.append(f'<text x="{left - 6}" y="{y + 4}" class="lane">{escape(name[:18])}</text>')
        out.append(f'<line x1="{left}" y1="{y}" x2="{width - 10}" y2="{y}" class="grid"/>')
    lanes = {name: i for i, name in enumerate(roster)}
    escaped: dict[str, str] = {}

    def esc(value: str) -> str:            # few distinct names and squares: escape each once
        found = escaped.get(value)
        if found is None:
            found = escaped[value] = escape(value)
        return found

    for step in line.steps:
        y = top + lanes.get(step.player, 0) * lane + lane / 2
        color = CLASS_COLORS.get(step.class_, "#999")
        if "beep" in step.class_:          # a beep tells its time, player and square on hover
            title = f"<title>{step.t:.1f} s {esc(step.player)} {esc(step.square)} {esc(step.class_)}</title>"
            out.append(f'<rect x="{x(step.t) - 4:.1f}" y="{y - 4}" width="8" height="8" fill="{color}">{title}</rect>')
        else:
            out.append(f'<circle cx="{x(step.t):.1f}" cy="{y}" r="3.5" fill="{color}"/>')
    for t in line.curveballs:
        out.append(f'<line x1="{x(t):.1f}" y1="{top - 2}" x2="{x(t):.1f}" y2="{top + lane * len(roster)}" '
                   f'stroke="{PLAN}" stroke-width="2" stroke-dasharray="4 3"><title>path changed</title></line>')
    axis_y = top + lane * len(roster) + 16
    # At most 12 ticks: a nice step up to 20 min, then whole hours (a session may last 24 h).
    step_s = next((s for s in (10, 30, 60, 120, 300, 600, 1200) if end / s <= 12),
                  3600 * max(1, math.ceil(end / 3600 / 12)))
    t = 0
    while t <= end:
        out.append(f'<text x="{x(t):.1f}" y="{axis_y}" class="tick">{int(t) // 60}:{int(t) % 60:02d}</text>')
        t += step_s
    out.append("</svg>")
    return "".join(out)
