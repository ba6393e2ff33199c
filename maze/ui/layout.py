"""Where everything goes for a window size: a pure function of the size and the board.

Row 1 is at the bottom, next to the start edge; the goal edge is at the top, so "up" on the
keyboard is toward the goal. Texts the room must read get at least 4% of the window height.
"""

from __future__ import annotations

import math

from pygame import Rect

from maze.core.board import Square
from maze.core.record import Record, field

READABLE = 0.04        # the projector rule: share of the window height
LABELLED_ROWS = 16     # boards up to this many rows name every row at the readable size


class HudLine(Record):
    role: str
    rect: Rect
    height: int          # text line height in pixels


class Layout(Record):
    width: int
    height: int
    cols: int
    rows: int
    square: int
    grid: Rect
    start_strip: Rect
    goal_strip: Rect
    hud: Rect
    region: Rect         # the board's side of the window (everything but the HUD)
    label_height: int
    col_label_height: int
    label_every: int
    hud_lines: tuple[HudLine, ...] = field(default=())
    cue: Rect = field(default=Rect(0, 0, 0, 0))   # under the start edge: how to move
    cue_rows: int = 2                             # the lines of text the cue band holds

    def square_rect(self, square: Square) -> Rect:
        x = self.grid.x + square.col * self.square
        y = self.grid.bottom - (square.row + 1) * self.square
        return Rect(x, y, self.square, self.square)

    def start_cell(self, col: int) -> Rect:
        return Rect(self.grid.x + col * self.square, self.start_strip.y, self.square,
                    self.start_strip.height)

    def square_at(self, pos: tuple[int, int]) -> Square | None:
        """The square under a pixel; row -1 means the start edge under that column."""
        x, y = pos
        if not self.grid.x <= x < self.grid.right:
            return None
        col = (x - self.grid.x) // self.square
        if self.grid.y <= y < self.grid.bottom:
            return Square(col, (self.grid.bottom - 1 - y) // self.square)
        if self.start_strip.collidepoint(x, y):
            return Square(col, -1)
        return None

    def line(self, role: str) -> HudLine:
        """The side panel's line for ``role`` (KeyError if this layout has none)."""
        by_role = self.__dict__.get("_by_role")     # asked ten times a frame: found once
        if by_role is None:
            by_role = self.__dict__["_by_role"] = {line.role: line for line in self.hud_lines}
        return by_role[role]

    @property
    def board_area(self) -> Rect:
        return self.goal_strip.union(self.start_strip).union(self.grid)


# The HUD: (role, share of the window height). Every role but "hint" is read by the room.
HUD_ROLES: tuple[tuple[str, float], ...] = (   # few sizes: each one is a font to load
    ("phase", 0.060), ("phase_detail", 0.045), ("clock", 0.120), ("talk", 0.045),
    ("player_label", 0.045), ("player", 0.080), ("next", 0.045), ("score", 0.045),
    ("score2", 0.045), ("message", 0.036), ("message2", 0.036), ("hint", 0.030),
)


def compute(width: int, height: int, cols: int, rows: int, hud: bool = True,
            readable: int | None = None, snug: bool = True, cue_rows: int = 2) -> Layout:
    """The play screen's layout; ``hud=False`` gives the whole area to the board (the editor
    draws its own panel beside it). ``readable``: the square names' height, when the board is
    a part of a larger screen (by default 4% of this area's height). ``snug``: the side panel
    takes the width the board does not need (else it keeps its own minimum). ``cue_rows``: the
    lines of the how-to-move band under the board (more when a language's words wrap)."""
    width, height = max(width, 1), max(height, 1)
    readable = readable or math.ceil(READABLE * height)
    margin = max(4, round(0.02 * min(width, height)))
    side = width >= 1.2 * height
    if not hud:
        panel = Rect(width, 0, 0, height)
        region = Rect(0, 0, width, height)
    elif side:
        # The board takes the width its height allows; the side panel takes the rest (at
        # least its own minimum, at most half the window), so a 4:3 projector and a 21:9
        # screen both put their width to use.
        hud_w = min(max(round(0.30 * width), round(0.50 * height)), round(0.45 * width))
        strip = round(readable * 1.5)
        tall = (height - 2 * margin - 2 * strip - round(readable * 2.3)) // max(rows, 1)
        band_w = round(readable * (1.8 if rows >= 10 else 1.2))
        word_w = round(readable * 3.2)          # "START" and "GOAL" beside the strips
        board_w = tall * cols + 2 * max(band_w, word_w) + 2 * margin
        if snug:     # (the replay keeps the width beside the board for its timeline)
            hud_w = min(max(hud_w, width - board_w), round(0.6 * width))
        panel = Rect(width - hud_w, 0, hud_w, height)
        region = Rect(0, 0, width - hud_w, height)
    else:
        hud_h = round(0.44 * height)
        panel = Rect(0, 0, width, hud_h)
        region = Rect(0, hud_h, width, height - hud_h)

    label_height = readable
    strip_h = round(label_height * 1.5)
    band = round(label_height * (1.8 if rows >= 10 else 1.2))   # room for "12" beside a row
    avail_w = region.width - 2 * margin - 2 * band
    # Under the start edge, two lines (or more) that tell a first-time player how to move, at
    # the size the room reads (the board gives up that much height; the editor has no players).
    cue_h = round(readable * 1.15 * cue_rows) if hud else 0
    avail_h = region.height - 2 * margin - 2 * strip_h - cue_h
    square = max(2, min(avail_w // cols, avail_h // rows))
    grid_w, grid_h = square * cols, square * rows
    gx = region.x + (region.width - grid_w) // 2
    gy = region.y + (region.height - grid_h - cue_h) // 2
    grid = Rect(gx, gy, grid_w, grid_h)
    goal = Rect(gx, gy - strip_h, grid_w, strip_h)
    start = Rect(gx, grid.bottom, grid_w, strip_h)

    label_every = 1
    if rows > LABELLED_ROWS:
        label_every = max(1, math.ceil(label_height * 1.1 / square))
    col_label_height = min(label_height, max(6, int(square * 0.9)))

    cue = Rect(region.x + margin, start.bottom, region.width - 2 * margin, cue_h)
    lines = _hud_lines(panel.inflate(-2 * margin, -2 * margin), height, side) if hud else ()
    return Layout(width, height, cols, rows, square, grid, start, goal, panel, region, label_height,
                  col_label_height, label_every, lines, cue, cue_rows)


def _hud_lines(area: Rect, height: int, side: bool) -> tuple[HudLine, ...]:
    sizes = [(role, max(math.ceil(share * height), 6)) for role, share in HUD_ROLES]
    if side and area.width < 1.1 * height:
        columns = [sizes]
    else:   # a wide, short panel (above the board, or beside it on 21:9): two columns, the
        # phase and the clock on the left, who is at the board and the scores on the right
        columns = [sizes[:4], sizes[4:]]
    col_w = area.width // len(columns)
    out = []
    for c, column in enumerate(columns):
        total = sum(h for _, h in column)
        gap = max(0, (area.height - total) // (len(column) + 1))
        gap = min(gap, round(0.03 * height))
        y = area.y + gap
        for role, h in column:
            out.append(HudLine(role, Rect(area.x + c * col_w, y, col_w, h), h))
            y += h + gap
    return tuple(out)
