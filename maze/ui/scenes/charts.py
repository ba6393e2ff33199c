"""Charts drawn with pygame for the debrief and the replay: the timeline strip and the
heatmap over the board. Square states differ in shape too (beeps are squares, safe steps
dots), never by colour alone."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from maze.analysis.debrief import SquareStats, Timeline
from maze.core.board import parse_square
from maze.ui import theme
from maze.ui.layout import Layout
from maze.ui.text import TextCache

CLASS_COLORS = {"new_safe": theme.SAFE, "known_safe": (150, 160, 175), "new_beep": theme.BEEP,
                "repeat_beep": (190, 40, 20), "surprise_beep": theme.PLANNING}
PHASE_COLORS = {"planning": theme.PLANNING, "learning": theme.LEARNING,
                "execution": theme.EXECUTION}


def timeline_x(rect: pygame.Rect, label_w: int, end: float, t: float) -> int:
    return rect.x + label_w + round((rect.width - label_w - 4) * min(max(t, 0.0), end) / max(end, 1.0))


def time_at(rect: pygame.Rect, label_w: int, end: float, x: int) -> float:
    share = (x - rect.x - label_w) / max(1, rect.width - label_w - 4)
    return min(max(share, 0.0), 1.0) * max(end, 1.0)


def draw_timeline(surface: pygame.Surface, text: TextCache, rect: pygame.Rect, line: Timeline,
                  roster: Sequence[str], position: float | None = None) -> int:
    """A lane per player, the phases shaded behind, a mark per step; returns the label width
    (for turning a click into a time)."""
    pygame.draw.rect(surface, theme.PANEL, rect)
    lanes = max(1, len(roster))
    lane_h = max(3, (rect.height - 6) // lanes)
    label_h = min(lane_h, max(10, rect.height // 8))
    label_w = min(rect.width // 5, max(text.width(n, label_h) for n in roster) + 10) if lane_h >= 10 else 6
    end = max(line.end, 1.0)
    inner = pygame.Rect(rect.x + label_w, rect.y + 3, rect.width - label_w - 4, lane_h * lanes)
    for span in line.spans:
        x0, x1 = (timeline_x(rect, label_w, end, t) for t in (span.start, span.end))
        band = pygame.Surface((max(1, x1 - x0), inner.height), pygame.SRCALPHA)
        band.fill((*PHASE_COLORS.get(span.phase, theme.TEXT_DIM), 55))
        surface.blit(band, (x0, inner.y))
    index = {name: i for i, name in enumerate(roster)}
    for i, name in enumerate(roster):
        y = inner.y + i * lane_h + lane_h // 2
        if lane_h >= 10:
            text.draw(surface, name, label_h, theme.TEXT_DIM, max_width=label_w - 6,
                      midright=(rect.x + label_w - 4, y))
    mark = max(2, min(lane_h // 3, 6))
    for step in line.steps:
        x = timeline_x(rect, label_w, end, step.t)
        y = inner.y + index.get(step.player, 0) * lane_h + lane_h // 2
        color = CLASS_COLORS.get(step.class_, theme.TEXT_DIM)
        if "beep" in step.class_:
            surface.fill(color, (x - mark, y - mark, 2 * mark, 2 * mark))
        else:
            pygame.draw.circle(surface, color, (x, y), max(2, mark - 1))
    for t in line.curveballs:
        x = timeline_x(rect, label_w, end, t)
        for y in range(inner.y, inner.bottom, 8):
            pygame.draw.line(surface, theme.PLANNING, (x, y), (x, min(y + 4, inner.bottom)), 2)
    if position is not None:
        x = timeline_x(rect, label_w, end, position)
        pygame.draw.line(surface, theme.TOKEN, (x, rect.y), (x, rect.bottom - 1), 3)
    return label_w


def draw_heatmap(surface: pygame.Surface, text: TextCache, layout: Layout,
                 cells: dict[str, SquareStats], mode: str,
                 paths: Sequence[Sequence[str]]) -> None:
    """Squares shaded by beeps, visits or dwell (the value written in), the path(s) drawn."""
    color = {"beeps": theme.BEEP, "visits": theme.SAFE, "dwell": theme.PLANNING}[mode]
    top = max((getattr(c, mode) for c in cells.values()), default=0) or 1
    gap = max(1, layout.square // 16)
    number_h = max(8, layout.square // 3)
    for name, cell in cells.items():
        value = getattr(cell, mode)
        if not value:
            continue
        rect = layout.square_rect(parse_square(name)).inflate(-gap, -gap)
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        shade.fill((*color, round(60 + 195 * value / top)))
        surface.blit(shade, rect)
        if mode == "beeps":       # a beep also shows as a cross in the corner
            c, x0, y0 = rect.width // 5, rect.x + 3, rect.y + 3
            pygame.draw.line(surface, theme.TEXT, (x0, y0), (x0 + c, y0 + c), 2)
            pygame.draw.line(surface, theme.TEXT, (x0 + c, y0), (x0, y0 + c), 2)
        shown = f"{value:.0f}" if isinstance(value, float) else str(value)
        text.draw(surface, shown, number_h, theme.TEXT, bold=True,
                  center=rect.center)
    for i, path in enumerate(paths):
        points = [layout.square_rect(parse_square(n)).center for n in path]
        stroke = theme.PATH if i == 0 else theme.SAFE
        if len(points) > 1:
            width = max(3, layout.square // 12)
            if i == 0:
                pygame.draw.lines(surface, stroke, False, points, width)
            else:                  # a later path: dashed, so it differs in shape too
                for a, b in zip(points, points[1:], strict=False):
                    for k in range(0, 6, 2):
                        p0 = (a[0] + (b[0] - a[0]) * k // 6, a[1] + (b[1] - a[1]) * k // 6)
                        p1 = (a[0] + (b[0] - a[0]) * (k + 1) // 6, a[1] + (b[1] - a[1]) * (k + 1) // 6)
                        pygame.draw.line(surface, stroke, p0, p1, width)
        for p in points[:1]:
            pygame.draw.circle(surface, stroke, p, max(4, layout.square // 8))
