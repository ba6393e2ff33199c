"""Fonts shipped with the program (DejaVu Sans), sized by pixel height, and a bounded cache of
rendered text so nothing is rendered twice for the same frame content."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from maze.paths import assets_dir

_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


class TextCache:
    def __init__(self, limit: int = 512) -> None:
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self._surfaces: OrderedDict[tuple[str, int, bool, tuple[int, ...]], pygame.Surface] = \
            OrderedDict()
        self._limit = limit

    def font(self, height: int, bold: bool = False) -> pygame.font.Font:
        """A font whose line height is at most ``height`` pixels (and close to it)."""
        height = max(6, int(height))
        key = (height, bold)
        font = self._fonts.get(key)
        if font is None:
            path = assets_dir() / "fonts" / _FONT_FILES[bold]
            size = max(4, round(height / 1.17))
            font = pygame.font.Font(str(path), size)
            while font.get_linesize() > height and size > 4:
                size -= 1
                font = pygame.font.Font(str(path), size)
            self._fonts[key] = font
        return font

    def render(self, text: str, height: int, color: tuple[int, ...], bold: bool = False,
               max_width: int | None = None) -> pygame.Surface:
        if max_width is not None:
            text = self.fit(text, height, bold, max_width)
        key = (text, int(height), bold, tuple(color))
        surface = self._surfaces.get(key)
        if surface is None:
            surface = self.font(height, bold).render(text, True, color)
            self._surfaces[key] = surface
            if len(self._surfaces) > self._limit:
                self._surfaces.popitem(last=False)
        else:
            self._surfaces.move_to_end(key)
        return surface

    def fitting_height(self, text: str, height: int, bold: bool, max_width: int,
                       smallest: int = 10) -> int:
        """The largest line height up to ``height`` at which ``text`` fits ``max_width``."""
        while height > smallest and self.font(height, bold).size(text)[0] > max_width:
            height = max(smallest, int(height * 0.9))
        return height

    def fit(self, text: str, height: int, bold: bool, max_width: int) -> str:
        """The text, cut with an ellipsis if it is wider than ``max_width``."""
        font = self.font(height, bold)
        if font.size(text)[0] <= max_width:
            return text
        low, high = 0, len(text)
        while low < high:
            mid = (low + high + 1) // 2
            if font.size(text[:mid] + "…")[0] <= max_width:
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + "…"
