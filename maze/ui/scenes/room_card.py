"""The room's join card on the board: a QR code, the short address and the room code, large
enough to scan and read from across the room. Beside the board when the window leaves room
there; otherwise over the board until the first step (when the players join)."""

from __future__ import annotations

import pygame

from maze.lang import _
from maze.ui import theme
from maze.ui.layout import Layout
from maze.ui.text import ROOM, TextCache

QUIET = 2        # modules of white around the code (the standard asks 4; 2 scans on screens)


def qr_matrix(url: str) -> list[list[bool]]:
    import segno
    code = segno.make(url, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix]


def qr_surface(url: str, size: int) -> pygame.Surface:
    """The code drawn at whole pixels per module (sharp edges scan best)."""
    matrix = qr_matrix(url)
    modules = len(matrix) + 2 * QUIET
    px = max(1, size // modules)
    image = pygame.Surface((modules * px, modules * px))
    image.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                image.fill((0, 0, 0), ((x + QUIET) * px, (y + QUIET) * px, px, px))
    return image


class RoomCard:
    def __init__(self, url: str, address: str, code: str) -> None:
        self.url = url
        self.address = address          # short: "192.168.1.20:8765"
        self.code = code
        self._qr: pygame.Surface | None = None
        self._qr_size = 0
        self.qr_rect = pygame.Rect(0, 0, 0, 0)     # where the code was drawn last (tests look)

    def area(self, layout: Layout) -> tuple[pygame.Rect, bool]:
        """Where the card goes, and whether that is beside the board (else over it)."""
        h = layout.height
        line = max(12, round(0.045 * h))
        left = layout.board_area.x - 2 * layout.label_height - layout.region.x
        beside = left >= 0.24 * h
        if beside:
            width = left - line // 2
            rect = pygame.Rect(layout.region.x + line // 4, layout.region.y, width,
                               layout.region.height)
        else:
            side = min(layout.grid.width, layout.grid.height + layout.start_strip.height)
            rect = pygame.Rect(0, 0, side, side)
            rect.center = layout.grid.center
        return rect, beside

    def qr_image(self) -> pygame.Surface | None:
        """The code as last drawn (None before the first draw)."""
        return self._qr

    def draw(self, surface: pygame.Surface, text: TextCache, layout: Layout) -> pygame.Rect:
        rect, beside = self.area(layout)
        h = layout.height
        line = max(12, round(0.045 * h))
        if not beside:
            surface.fill(theme.BACKGROUND, rect)
            text.cover(surface, rect, over=True)
        size = min(rect.width, rect.height - 3 * line, round(0.5 * h))
        if size != self._qr_size:
            self._qr, self._qr_size = qr_surface(self.url, size), size
        assert self._qr is not None
        top = rect.y + max(0, (rect.height - self._qr.get_height() - 3 * line) // 2)
        qr_rect = self.qr_rect = self._qr.get_rect(midtop=(rect.centerx, top))
        surface.blit(self._qr, qr_rect)
        y = qr_rect.bottom + line // 4
        for words, bold in ((self.address, False), (_("Room {code}").format(code=self.code), True)):
            fit = text.fitting_height(words, line, bold, rect.width, smallest=1)
            text.draw(surface, words, fit, theme.TOKEN if bold else theme.TEXT, bold=bold,
                      role=ROOM, max_width=rect.width, midtop=(rect.centerx, y))
            y += round(line * 1.3)
        return rect.union(qr_rect)
