"""Inline SVG charts for the report: the board heatmap and the timeline. Text from people is
escaped; colours match the program's palette and every state also differs in shape."""

from __future__ import annotations

import math
from functools import lru_cache
from html import escape

from maze.analysis.debrief import SquareStats, Timeline
from maze.analysis.text import beeps_of_kind, phase_word, tenths
from maze.core.board import parse_square
from maze.core.events import StepTaken
from maze.core.level import Level
from maze.core.rules import Rules
from maze.lang import _

BEEP, SAFE, PATH, LEARN, EXEC, PLAN = "#e66100", "#56b4e9", "#c9a800", "#56b4e9", "#009e73", "#cc79a7"
CLASS_COLORS = {"new_safe": SAFE, "known_safe": "#7a8696", "new_beep": BEEP,
                "repeat_beep": "#8b1e00", "surprise_beep": "#cc79a7"}
CELL = 40


# A square as drawn: its place in drawing order; its shade, its count's <text> up to the
# count, and its cross, as path data or markup.
Place = tuple[int, str, str, str]
_BOARDS: dict[tuple[int, int], tuple[str, dict[str, Place]]] = {}


def _board(cols: int, rows: int) -> tuple[str, dict[str, Place]]:
    """What every board of that size draws (the square names around it, the empty squares in
    one path), and how each square is drawn (Place); made once per size (a report draws
    thousands of boards of a few sizes)."""
    found = _BOARDS.get((cols, rows))
    if found is not None:
        return found
    pad = 26
    height = rows * CELL + 2 * pad
    out = []
    for col in range(cols):
        letter = chr(65 + col)
        x = pad + col * CELL + CELL / 2
        out.append(f'<text x="{x}" y="{pad - 8}" class="axis">{letter}</text>')
        out.append(f'<text x="{x}" y="{height - 8}" class="axis">{letter}</text>')
    for row in range(rows):
        y = pad + (rows - 1 - row) * CELL + CELL / 2 + 4
        out.append(f'<text x="{pad / 2}" y="{y}" class="axis">{row + 1}</text>')
    corners = {f"{chr(65 + col)}{row + 1}": (row * cols + col, pad + col * CELL, pad + (rows - 1 - row) * CELL)
               for row in range(rows) for col in range(cols)}
    places = {name: (order, f"M{x + 1} {y + 1}h{CELL - 2}v{CELL - 2}h{2 - CELL}z",
                     f'<text x="{x + CELL / 2}" y="{y + CELL / 2 + 5}">', f"M{x + 4} {y + 4}l6 6m0-6l-6 6")
              for name, (order, x, y) in corners.items()}
    empty = "".join(place[1] for place in places.values())
    out.append(f'<path class="cell" d="{empty}"/>')
    found = _BOARDS[(cols, rows)] = ("".join(out), places)
    return found


@lru_cache(maxsize=256)
def _points(path: tuple[str, ...], rows: int) -> str:
    """A path's squares' centres, as a polyline's points (the same for every session on the
    level: a report draws thousands of boards of a few levels)."""
    pad = 26
    points = []
    for name in path:
        sq = parse_square(name)
        points.append(f"{pad + sq.col * CELL + CELL / 2},{pad + (rows - 1 - sq.row) * CELL + CELL / 2}")
    return " ".join(points)


def heatmap_svg(level: Level, rules: Rules, cells: dict[str, SquareStats], mode: str = "beeps",
                paths: list[tuple[str, ...]] | None = None) -> str:
    """The board, each square shaded by beeps (or visits), counts written in; the path(s) drawn."""
    cols, rows = level.cols, level.rows
    pad = 26
    width, height = cols * CELL + 2 * pad, rows * CELL + 2 * pad
    top = max((getattr(c, mode) for c in cells.values()), default=0) or 1
    board_label = _("Board: beeps per square") if mode == "beeps" else _("Board: visits per square")
    out = [f'<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{escape(board_label)}">']
    frame, places = _board(cols, rows)
    out.append(frame)
    # One <path> per kind of mark, not an element per square: the empty squares (the same
    # for every board of that size), the shades (in 8 steps of opacity), the crosses of
    # squares that beeped; the counts stay text.
    color = BEEP if mode == "beeps" else SAFE
    shades: dict[int, list[str]] = {}
    crosses: list[str] = []
    counts: list[str] = []
    for (_order, square, count, cross), name in sorted((places[n], n) for n in cells if n in places):
        cell = cells[name]
        value = getattr(cell, mode)
        if value:
            shades.setdefault(min(7, int(8 * value / top)), []).append(square)
            shown = f"{value:.0f}" if isinstance(value, float) else str(value)
            counts.append(f"{count}{shown}</text>")
        if cell.beeps and mode == "beeps":      # a beep also differs in shape
            crosses.append(cross)
    for step, squares in sorted(shades.items()):
        out.append(f'<path fill="{color}" fill-opacity="{0.12 + 0.88 * (step + 1) / 8:.2f}" '
                   f'd="{"".join(squares)}"/>')
    if crosses:
        out.append(f'<path class="mark" d="{"".join(crosses)}"/>')
    if counts:
        out.append(f'<g class="count">{"".join(counts)}</g>')
    for index, path in enumerate(paths or [tuple(level.path)]):
        dash = ' stroke-dasharray="6 4"' if index else ""
        stroke = PATH if index == 0 else SAFE
        out.append(f'<polyline points="{_points(tuple(path), rows)}" fill="none" stroke="{stroke}" '
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

    label = escape(_("Timeline of every step"))
    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" role="img" aria-label="{label}">']
    shade = {"planning": PLAN, "learning": LEARN, "execution": EXEC}
    for span in line.spans:
        out.append(f'<rect x="{x(span.start):.1f}" y="{top}" width="{max(0.5, (span.end - span.start) * scale):.1f}" '
                   f'height="{lane * len(roster)}" fill="{shade.get(span.phase, "#999")}" '
                   f'fill-opacity="0.15"><title>{escape(phase_word(span.phase))}</title></rect>')
        out.append(f'<text x="{x(span.start) + 3:.1f}" y="{top - 5}" class="phase">'
                   f'{escape(phase_word(span.phase))}</text>')
    for index, name in enumerate(roster):
        y = top + index * lane + lane / 2
        out.append(f'<text x="{left - 6}" y="{y + 4}" class="lane">{escape(name[:18])}</text>')
        out.append(f'<line x1="{left}" y1="{y}" x2="{width - 10}" y2="{y}" class="grid"/>')
    # One <path> per lane and class, not an element per step: a safe step is a dot (a
    # zero-length line with round caps), a beep a square (the same with square caps), each at
    # a whole pixel, written relative to the mark before. A beep path's title lists its times
    # and squares, what each beep's own title told before.
    lanes = {name: i for i, name in enumerate(roster)}
    marks: dict[tuple[int, str], list[StepTaken]] = {}
    for step in line.steps:
        key = (lanes.get(step.player, 0), step.class_)
        found = marks.get(key)
        if found is None:
            marks[key] = [step]
        else:
            found.append(step)
    escaped: dict[str, str] = {}

    def esc(value: str) -> str:            # few distinct squares: escape each once
        found = escaped.get(value)
        if found is None:
            found = escaped[value] = escape(value)
        return found

    for index, class_ in sorted(marks, key=lambda key: ("beep" in key[1], key)):    # beeps on top
        steps = marks[(index, class_)]
        xs = [round(left + step.t * scale) for step in steps]
        moves = [f"M{xs[0]} {top + index * lane + lane // 2}h0"]
        moves += [f"m{b - a} 0h0" for a, b in zip(xs, xs[1:], strict=False)]
        beep = "beep" in class_
        title = ""
        if beep:
            name = roster[index] if index < len(roster) else ""
            at = escape(_("{seconds} s {square}"))
            times = ", ".join([at.format(seconds=seconds, square=esc(step.square))
                               for seconds, step in zip(tenths([step.t for step in steps]),
                                                        steps, strict=True)])
            # Translators: a lane's tooltip in the report's timeline: the player, what kind of
            # beeps, then when and where each was ("Ana: 2 new beeps: 3.2 s D2, 5.0 s E3")
            title = ("<title>" + escape(_("{name}: {beeps}: {times}")).format(
                name=escape(name), beeps=escape(beeps_of_kind(class_, len(steps))),
                times=times) + "</title>")
        out.append(f'<path class="{"beeps" if beep else "steps"}" stroke="{CLASS_COLORS.get(class_, "#999")}" '
                   f'd="{"".join(moves)}">{title}</path>')
    changed = escape(_("path changed"))
    for t in line.curveballs:
        out.append(f'<line x1="{x(t):.1f}" y1="{top - 2}" x2="{x(t):.1f}" y2="{top + lane * len(roster)}" '
                   f'stroke="{PLAN}" stroke-width="2" stroke-dasharray="4 3"><title>{changed}</title></line>')
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
