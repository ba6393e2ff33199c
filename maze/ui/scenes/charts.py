"""Charts drawn with pygame for the debrief and the replay: the timeline strip and the
heatmap over the board. Square states differ in shape too (beeps are squares, safe steps
dots), never by colour alone."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from maze.analysis.debrief import SquareStats, Timeline
from maze.core.board import parse_square
from maze.lang import N_, _, integer, number
from maze.ui import theme
from maze.ui.layout import Layout
from maze.ui.text import AXIS, DETAIL, DETAIL_SHARE, TextCache

CLASS_COLORS = {"new_safe": theme.SAFE, "known_safe": (150, 160, 175), "new_beep": theme.BEEP,
                "repeat_beep": (190, 40, 20), "surprise_beep": theme.PLANNING}
PHASE_COLORS = {"planning": theme.PLANNING, "learning": theme.LEARNING,
                "execution": theme.EXECUTION}


def timeline_x(rect: pygame.Rect, label_w: int, end: float, t: float) -> int:
    return rect.x + label_w + round((rect.width - label_w - 4) * min(max(t, 0.0), end) / max(end, 1.0))


def time_at(rect: pygame.Rect, label_w: int, end: float, x: int) -> float:
    share = (x - rect.x - label_w) / max(1, rect.width - label_w - 4)
    return min(max(share, 0.0), 1.0) * max(end, 1.0)


def time_label(seconds: float) -> str:
    """A time on the axis: minutes and seconds from the start ("0:00", "1:30", "12:00")."""
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


TICK_STEPS = (5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600)   # seconds
EVERYONE = N_("Everyone")


class TimelineView:
    """What ``draw_timeline`` drew: the label column (to turn a click into a time) and which
    players have a lane (``first`` to ``first + shown``: when the lanes do not all fit at a
    readable size, a lane of everyone's steps comes first, then a window of player lanes)."""

    def __init__(self, label_w: int, first: int, shown: int, total: int) -> None:
        self.label_w, self.first, self.shown, self.total = label_w, first, shown, total

    @property
    def scrolls(self) -> bool:
        return self.shown < self.total


def readable_label(screen_height: int) -> int:
    """The height of timeline labels: detail text, 2.5% of the window height at least."""
    return math.ceil(DETAIL_SHARE * screen_height)


def lane_height(screen_height: int) -> int:
    return readable_label(screen_height) + 2


def axis_height(screen_height: int) -> int:
    label = readable_label(screen_height)
    return label + max(5, label // 3)


ROOMY_LANE = 2.2     # a lane at most this many label heights tall (few players, much room)


def timeline_height(players: int, screen_height: int, roomy: bool = False) -> int:
    """The height a timeline needs to give every player a labelled lane (``roomy``: lanes
    as tall as the timeline ever makes them)."""
    lane = round(readable_label(screen_height) * ROOMY_LANE) if roomy else lane_height(screen_height)
    return lane * max(1, players) + axis_height(screen_height) + 8


def lanes_fit(rect_height: int, screen_height: int) -> int:
    """How many labelled lanes a timeline of this height holds."""
    room = max(lane_height(screen_height), rect_height - axis_height(screen_height) - 6)
    return max(1, room // lane_height(screen_height))


def draw_timeline(surface: pygame.Surface, text: TextCache, rect: pygame.Rect, line: Timeline,
                  roster: Sequence[str], position: float | None = None, first: int = 0,
                  follow: str | None = None) -> TimelineView:
    """A lane per player with the name beside it, the phases shaded behind, a mark per step,
    and a time axis underneath (minutes from the start).

    Names and times are detail text (2.5% of the window height at least), never smaller:
    when the lanes do not all fit at that size (30 players on a short strip) the first lane
    shows everyone's steps and the others show as many players as fit, from ``first`` (or
    around ``follow``, the player at the board); the caller scrolls them."""
    pygame.draw.rect(surface, theme.PANEL, rect)
    screen_h = surface.get_height()
    label_h = readable_label(screen_h)
    axis_h = axis_height(screen_h)
    names = list(roster) or [""]
    total = len(names)
    room = max(lane_height(screen_h), rect.height - axis_h - 6)
    fit = lanes_fit(rect.height, screen_h)
    if total <= fit:
        first, shown, summary = 0, total, False
    else:
        shown = max(1, fit - 1)
        summary = True
        if follow in names:
            at = names.index(follow)
            if not first <= at < first + shown:
                first = at - shown // 2
        first = min(max(0, first), total - shown)
    lanes = shown + summary
    lane_h = max(lane_height(screen_h), min(room // lanes, round(label_h * ROOMY_LANE)))
    window = names[first:first + shown]
    labels = ([_(EVERYONE)] if summary else []) + window
    # A name up to 24 characters is never cut (the text rule): the names take up to half.
    label_w = min(rect.width // 2, max(text.width(n, label_h) for n in labels) + label_h // 2 + 6)
    end = max(line.end, 1.0)
    inner = pygame.Rect(rect.x + label_w, rect.y + 3, rect.width - label_w - 4, lane_h * lanes)
    for span in line.spans:
        x0, x1 = (timeline_x(rect, label_w, end, t) for t in (span.start, span.end))
        band = pygame.Surface((max(1, x1 - x0), inner.height), pygame.SRCALPHA)
        band.fill((*PHASE_COLORS.get(span.phase, theme.TEXT_DIM), 55))
        surface.blit(band, (x0, inner.y))
    lane_of: dict[str, int] = {name: summary + i for i, name in enumerate(window)}
    for i, name in enumerate(labels):
        y = inner.y + i * lane_h + lane_h // 2
        text.draw(surface, name, label_h, theme.TEXT if summary and i == 0 else theme.TEXT_DIM,
                  max_width=label_w - label_h // 2 - 4, user=not (summary and i == 0),
                  midright=(rect.x + label_w - label_h // 2, y))
    if summary:              # everyone's lane, set apart from the players' lanes
        pygame.draw.line(surface, theme.TEXT_DIM, (inner.x, inner.y + lane_h),
                         (inner.right, inner.y + lane_h), 1)
    mark = max(2, min(lane_h // 3, 6))
    for step in line.steps:
        x = timeline_x(rect, label_w, end, step.t)
        rows = [0] if summary else []
        if step.player in lane_of:
            rows.append(lane_of[step.player])
        for row in rows:
            y = inner.y + row * lane_h + lane_h // 2
            color = CLASS_COLORS.get(step.class_, theme.TEXT_DIM)
            if "beep" in step.class_:
                surface.fill(color, (x - mark, y - mark, 2 * mark, 2 * mark))
            else:
                pygame.draw.circle(surface, color, (x, y), max(2, mark - 1))
    for t in line.curveballs:
        x = timeline_x(rect, label_w, end, t)
        for y in range(inner.y, inner.bottom, 8):
            pygame.draw.line(surface, theme.PLANNING, (x, y), (x, min(y + 4, inner.bottom)), 2)
    _draw_axis(surface, text, rect, label_w, end, inner.bottom + 2, label_h)
    if position is not None:
        x = timeline_x(rect, label_w, end, position)
        pygame.draw.line(surface, theme.TOKEN, (x, rect.y), (x, inner.bottom + 2), 3)
    return TimelineView(label_w, first, shown, total)


LEGEND = (("dot", theme.SAFE, N_("new safe step")),
          ("dot", CLASS_COLORS["known_safe"], N_("known safe step")),
          ("square", theme.BEEP, N_("new beep")),
          ("square", CLASS_COLORS["repeat_beep"], N_("repeat beep")),
          ("square", CLASS_COLORS["surprise_beep"], N_("beep on a changed path")),
          ("dash", theme.PLANNING, N_("curveball")),
          *(("band", PHASE_COLORS[phase], words) for phase, words in (
              ("planning", N_("planning")), ("learning", N_("learning")),
              ("execution", N_("execution")))))


def legend_height(text: TextCache, width: int, screen_height: int) -> int:
    """The height ``draw_legend`` needs at this width."""
    return len(_legend_lines(text, width, readable_label(screen_height))) * \
        text.font(readable_label(screen_height)).get_height()


LegendItem = tuple[str, tuple[int, int, int], str]


def _legend_lines(text: TextCache, width: int, label_h: int) -> list[list[LegendItem]]:
    lines: list[list[LegendItem]] = [[]]
    used = 0
    for item in LEGEND:
        need = label_h * 2 + text.width(_(item[2]), label_h)
        if lines[-1] and used + need > width:
            lines.append([])
            used = 0
        lines[-1].append(item)
        used += need
    return lines


def draw_legend(surface: pygame.Surface, text: TextCache, rect: pygame.Rect) -> None:
    """What the timeline's marks mean, each beside a sample of its shape and colour."""
    label_h = readable_label(surface.get_height())
    line_h = text.font(label_h).get_height()
    mark = max(3, label_h // 4)
    y = rect.y
    for items in _legend_lines(text, rect.width, label_h):
        x = rect.x
        cy = y + line_h // 2
        for shape, color, words in items:
            sample = (x + mark, cy)
            if shape == "dot":
                pygame.draw.circle(surface, color, sample, mark)
            elif shape == "square":
                surface.fill(color, (x, cy - mark, 2 * mark, 2 * mark))
            elif shape == "band":       # a phase: its shading behind the lanes
                band = pygame.Surface((2 * mark, 4 * mark), pygame.SRCALPHA)
                band.fill((*color, 110))
                surface.blit(band, (x, cy - 2 * mark))
            else:
                pygame.draw.line(surface, color, (x + mark, cy - 2 * mark), (x + mark, cy + 2 * mark), 2)
            spot = text.draw(surface, _(words), label_h, theme.TEXT_DIM,
                             midleft=(x + 2 * mark + label_h // 3, cy))
            x = spot.right + label_h
        y += line_h


def _draw_axis(surface: pygame.Surface, text: TextCache, rect: pygame.Rect, label_w: int,
               end: float, y: int, label_h: int) -> None:
    """Ticks along the time axis, labelled, as many as fit without crowding."""
    x0, x1 = timeline_x(rect, label_w, end, 0), timeline_x(rect, label_w, end, end)
    pygame.draw.line(surface, theme.TEXT_DIM, (x0, y), (x1, y), 1)
    widest = text.width(time_label(end), label_h) + label_h
    per_second = max(1, x1 - x0) / end
    step = next((s for s in TICK_STEPS if s * per_second >= widest), TICK_STEPS[-1])
    tick = max(3, label_h // 4)
    last_right = rect.x
    t = 0.0
    while t <= end + 0.001:
        x = timeline_x(rect, label_w, end, t)
        pygame.draw.line(surface, theme.TEXT_DIM, (x, y), (x, y + tick), 1)
        label = time_label(t)
        spot = pygame.Rect(0, 0, text.width(label, label_h), label_h)
        spot.midtop = (x, y + tick)
        spot.right = min(spot.right, rect.right - 2)
        spot.left = max(spot.left, rect.x + 2)
        if spot.left >= last_right + label_h // 2 and spot.bottom <= rect.bottom + 1:
            text.draw(surface, label, label_h, theme.TEXT_DIM, topleft=spot.topleft)
            last_right = spot.right
        t += step


def draw_heatmap(surface: pygame.Surface, text: TextCache, layout: Layout,
                 cells: dict[str, SquareStats], mode: str,
                 paths: Sequence[Sequence[str]]) -> None:
    """Squares shaded by beeps, visits or dwell, the path(s) drawn over them, then each
    square's value written in its lower right corner on a dark plate, last, so neither the
    path's line nor its start dot ever hides a number."""
    color = {"beeps": theme.BEEP, "visits": theme.SAFE, "dwell": theme.PLANNING}[mode]
    top = max((getattr(c, mode) for c in cells.values()), default=0) or 1
    gap = max(1, layout.square // 16)
    # The values are detail text (2.5% of the window height); on a board whose squares are
    # too small for that they are as large as the squares allow, like the axis labels.
    readable = math.ceil(DETAIL_SHARE * surface.get_height())
    number_h, role = max(readable, layout.square // 3), DETAIL
    if number_h > layout.square * 0.55:
        number_h, role = max(8, layout.square // 3), AXIS
    numbers: list[tuple[str, pygame.Rect]] = []
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
        numbers.append((number(value, 0) if isinstance(value, float) else integer(value), rect))
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
    pad = max(1, number_h // 8)
    for shown, rect in numbers:
        plate = pygame.Rect(0, 0, text.width(shown, number_h, True) + 2 * pad, number_h)
        plate.bottomright = (rect.right - pad, rect.bottom - pad)
        surface.fill(theme.BACKGROUND, plate)
        text.draw(surface, shown, number_h, theme.TEXT, bold=True, role=role, center=plate.center)
