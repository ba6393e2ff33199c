"""Charts drawn with pygame for the debrief and the replay: the timeline strip and the
heatmap over the board. Square states differ in shape too (beeps are squares, safe steps
dots), never by colour alone."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

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


class _Plan:
    """Where a timeline puts everything, for one rect and one window of player lanes."""

    def __init__(self, width: Callable[[str, int], int], rect: pygame.Rect, line: Timeline,
                 roster: Sequence[str], screen_h: int, first: int, follow: str | None) -> None:
        self.label_h = label_h = readable_label(screen_h)
        self.axis_h = axis_height(screen_h)
        names = list(roster) or [""]
        total = len(names)
        room = max(lane_height(screen_h), rect.height - self.axis_h - 6)
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
        self.first, self.shown, self.total, self.summary = first, shown, total, summary
        self.names = names
        lanes = shown + summary
        self.lane_h = lane_h = max(lane_height(screen_h), min(room // lanes, round(label_h * ROOMY_LANE)))
        self.labels = ([_(EVERYONE)] if summary else []) + names[first:first + shown]
        # A name up to 24 characters is never cut (the text rule): the names take up to half.
        # As wide as the widest name of the team, so the axis stays put as the lanes scroll.
        widest = max(width(n, label_h) for n in ([_(EVERYONE)] if summary else []) + names)
        self.label_w = min(rect.width // 2, widest + label_h // 2 + 6)
        self.end = max(line.end, 1.0)
        self.inner = pygame.Rect(rect.x + self.label_w, rect.y + 3, rect.width - self.label_w - 4,
                                 lane_h * lanes)
        self.mark = max(2, min(lane_h // 3, 6))

    @property
    def view(self) -> TimelineView:
        return TimelineView(self.label_w, self.first, self.shown, self.total)


def draw_timeline(surface: pygame.Surface, text: TextCache, rect: pygame.Rect, line: Timeline,
                  roster: Sequence[str], position: float | None = None, first: int = 0,
                  follow: str | None = None) -> TimelineView:
    """A lane per player with the name beside it, the phases shaded behind, a mark per step,
    and a time axis underneath (minutes from the start).

    Names and times are detail text (2.5% of the window height at least), never smaller:
    when the lanes do not all fit at that size (30 players on a short strip) the first lane
    shows everyone's steps and the others show as many players as fit, from ``first`` (or
    around ``follow``, the player at the board); the caller scrolls them. (``TimelineCache``
    draws the same pixels from what it drew before.)"""
    plan = _Plan(text.width, rect, line, roster, surface.get_height(), first, follow)
    _draw_under(surface, text, rect, line, plan)
    lane_of = {name: plan.summary + i for i, name in enumerate(plan.labels[plan.summary:])}
    _stamp(surface, _marks(rect, line, plan, lane_of), plan, plan.inner.y)
    _draw_over(surface, text, rect, line, plan)
    if position is not None:
        _draw_position(surface, rect, plan, position)
    return plan.view


class TimelineCache:
    """One session's timeline drawn once and kept, for a replay: each frame blits what was
    drawn and draws only the line at the replay's position. Pixel for pixel what
    ``draw_timeline`` draws over the same background (a test compares them).

    Every lane's marks (everyone's and each player's) are drawn once, into a sheet; the
    timeline for a window of lanes is the background, the phases and the names, then the
    sheet's rows for those lanes, then the curveballs and the axis, kept for the next frames
    (a few windows at once, as the lanes follow the player at the board)."""

    KEPT = 3                 # windows of lanes kept drawn

    def __init__(self, text: TextCache, line: Timeline, roster: Sequence[str]) -> None:
        self.text, self.line, self.roster = text, line, roster
        self._sheet: pygame.Surface | None = None
        self._sheet_key: tuple[object, ...] = ()
        self._drawn: dict[tuple[object, ...], pygame.Surface] = {}
        self._widths: dict[tuple[str, int], int] = {}

    def _width(self, name: str, height: int) -> int:
        known = self._widths.get((name, height))
        if known is None:
            known = self._widths[name, height] = self.text.width(name, height)
        return known

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, position: float | None = None,
             first: int = 0, follow: str | None = None) -> TimelineView:
        """Draw the timeline over what ``surface`` already shows (the same background every
        time: what is under the timeline is drawn first, as it is kept with it)."""
        screen_h = surface.get_height()
        plan = _Plan(self._width, rect, self.line, self.roster, screen_h, first, follow)
        area = rect.inflate(2 * SPILL, 2 * SPILL)
        key = (tuple(area), screen_h, plan.first)
        piece = self._drawn.pop(key, None)
        if piece is None:
            piece = self._compose(surface, rect, area, plan)
            while len(self._drawn) >= self.KEPT:
                del self._drawn[next(iter(self._drawn))]
        self._drawn[key] = piece                          # the most recent last
        surface.blit(piece, area)
        if position is not None:
            _draw_position(surface, rect, plan, position)
        return plan.view

    def _compose(self, surface: pygame.Surface, rect: pygame.Rect, area: pygame.Rect,
                 plan: _Plan) -> pygame.Surface:
        piece = pygame.Surface(area.size)
        piece.blit(surface, (0, 0), area)                  # what the timeline is drawn over
        local = rect.move(-area.x, -area.y)
        local_plan = _Plan(self._width, local, self.line, self.roster, surface.get_height(),
                           plan.first, None)
        sheet = self._marks_sheet(local, local_plan)
        _draw_under(piece, self.text, local, self.line, local_plan)
        lane_h, y = local_plan.lane_h, local_plan.inner.y
        if local_plan.summary:                             # everyone's lane: the sheet's first row
            piece.blit(sheet, (0, y), pygame.Rect(0, 0, sheet.get_width(), lane_h))
            y += lane_h
        rows = pygame.Rect(0, (1 + local_plan.first) * lane_h, sheet.get_width(),
                           local_plan.shown * lane_h)
        piece.blit(sheet, (0, y), rows)
        _draw_over(piece, self.text, local, self.line, local_plan)
        return piece

    def _marks_sheet(self, local: pygame.Rect, plan: _Plan) -> pygame.Surface:
        """Every lane's marks, drawn once for this size: everyone's, then each player's, a
        lane's height apart, on a transparent sheet as wide as the timeline's piece."""
        key = (local.size, plan.lane_h, plan.mark, plan.label_w, plan.end)
        if self._sheet is None or key != self._sheet_key:
            sheet = pygame.Surface((local.right + SPILL, plan.lane_h * (plan.total + 1)),
                                   pygame.SRCALPHA)
            lane_of = {name: 1 + i for i, name in enumerate(plan.names)}
            _stamp(sheet, _marks(local, self.line, plan, lane_of, everyone=True), plan, 0)
            self._sheet, self._sheet_key = sheet, key
        return self._sheet


SPILL = 3    # pixels a timeline's marks and axis may reach outside its rect


def _draw_under(surface: pygame.Surface, text: TextCache, rect: pygame.Rect, line: Timeline,
                plan: _Plan) -> None:
    """What lies under the marks: the panel, the phases' shading, the lanes' names."""
    pygame.draw.rect(surface, theme.PANEL, rect)
    inner, label_h, lane_h, label_w = plan.inner, plan.label_h, plan.lane_h, plan.label_w
    for span in line.spans:
        x0, x1 = (timeline_x(rect, label_w, plan.end, t) for t in (span.start, span.end))
        band = pygame.Surface((max(1, x1 - x0), inner.height), pygame.SRCALPHA)
        band.fill((*PHASE_COLORS.get(span.phase, theme.TEXT_DIM), 55))
        surface.blit(band, (x0, inner.y))
    summary = plan.summary
    for i, name in enumerate(plan.labels):
        y = inner.y + i * lane_h + lane_h // 2
        text.draw(surface, name, label_h, theme.TEXT if summary and i == 0 else theme.TEXT_DIM,
                  max_width=label_w - label_h // 2 - 4, user=not (summary and i == 0),
                  midright=(rect.x + label_w - label_h // 2, y))
    if summary:              # everyone's lane, set apart from the players' lanes
        pygame.draw.line(surface, theme.TEXT_DIM, (inner.x, inner.y + lane_h),
                         (inner.right, inner.y + lane_h), 1)


def _draw_over(surface: pygame.Surface, text: TextCache, rect: pygame.Rect, line: Timeline,
               plan: _Plan) -> None:
    """What lies over the marks: the curveballs' dashes and the time axis."""
    inner = plan.inner
    for t in line.curveballs:
        x = timeline_x(rect, plan.label_w, plan.end, t)
        for y in range(inner.y, inner.bottom, 8):
            pygame.draw.line(surface, theme.PLANNING, (x, y), (x, min(y + 4, inner.bottom)), 2)
    _draw_axis(surface, text, rect, plan.label_w, plan.end, inner.bottom + 2, plan.label_h)


def _draw_position(surface: pygame.Surface, rect: pygame.Rect, plan: _Plan, position: float) -> None:
    x = timeline_x(rect, plan.label_w, plan.end, position)
    pygame.draw.line(surface, theme.TOKEN, (x, rect.y), (x, plan.inner.bottom + 2), 3)


Mark = tuple[int, int, str]          # (lane, x, step class)


def _marks(rect: pygame.Rect, line: Timeline, plan: _Plan, lane_of: dict[str, int],
           everyone: bool = False) -> list[Mark]:
    """The marks to draw, in order: each step's in everyone's lane (lane 0, when there is
    one, or ``everyone``) and in its player's lane, if that lane is in ``lane_of``. A mark
    drawn again later at the same place is left out the first time: the later one covers it
    (thousands of steps share a few hundred columns of pixels)."""
    x0, width, end = rect.x + plan.label_w, rect.width - plan.label_w - 4, plan.end
    steps = line.steps
    xs = [x0 + round(width * min(max(step.t, 0.0), end) / end) for step in steps]  # timeline_x
    summary = plan.summary or everyone
    latest: dict[Mark, None] = {}          # from the last step back: the first seen is kept
    for step, x in zip(reversed(steps), reversed(xs), strict=True):
        cls = step.class_
        lane = lane_of.get(step.player)
        if lane is not None:
            latest.setdefault((lane, x, cls))
        if summary:
            latest.setdefault((0, x, cls))
    return list(reversed(latest))


def _stamp(surface: pygame.Surface, marks: list[Mark], plan: _Plan, top: int) -> None:
    """Each mark, as a stamp drawn once per class: a square for a beep, a dot for a safe step
    (shapes, not colour alone), centred in its lane (lanes ``plan.lane_h`` apart from ``top``)."""
    mark, lane_h = plan.mark, plan.lane_h
    radius = max(2, mark - 1)
    stamps: dict[str, tuple[pygame.Surface, int]] = {}
    for cls in {m[2] for m in marks}:
        color = CLASS_COLORS.get(cls, theme.TEXT_DIM)
        if "beep" in cls:
            image = pygame.Surface((2 * mark, 2 * mark))
            image.fill(color)
            stamps[cls] = (image, mark)
        else:
            image = pygame.Surface((2 * radius + 3, 2 * radius + 3), pygame.SRCALPHA)
            pygame.draw.circle(image, color, (radius + 1, radius + 1), radius)
            stamps[cls] = (image, radius + 1)
    middle = top + lane_h // 2
    seq = []
    for lane, x, cls in marks:
        image, half = stamps[cls]
        seq.append((image, (x - half, middle + lane * lane_h - half)))
    surface.fblits(seq)


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
