"""A few widgets for the setup screen and the level editor. Each gets its rectangle from the
screen's layout at draw time, handles the events meant for it, and draws itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from maze.lang import N_, _, current
from maze.ui import theme
from maze.ui.text import DETAIL_SHARE, TextCache


def readable(surface: pygame.Surface) -> int:
    """The smallest line height anyone in the room should have to read on this surface."""
    return int(DETAIL_SHARE * surface.get_height() + 0.999)


def draw_fitted(surface: pygame.Surface, text: TextCache, line: str, unit: int,
                color: tuple[int, int, int], width: int, bold: bool = False, user: bool = False,
                **anchor: Any) -> pygame.Rect:
    """A line made smaller, down to the readable size, rather than cut."""
    size = text.fitting_height(line, unit, bold, width, smallest=readable(surface))
    return text.draw(surface, line, size, color, bold=bold, max_width=width, user=user, **anchor)


Words = str | Callable[[], str]


def say(words: Words) -> str:
    """A widget's words in the language in use, read when drawn (the setup screen switches
    language at once): a word marked with N_, or a function making a sentence with numbers."""
    return words() if callable(words) else _(words)


class Widget:
    focusable = True

    def __init__(self, label: Words = "") -> None:
        self.label = label
        self.rect = pygame.Rect(0, 0, 0, 0)

    def handle(self, event: pygame.event.Event) -> bool:
        """Handle an event given to the focused widget; True if it was used."""
        return False

    def click(self, pos: tuple[int, int]) -> bool:
        return False

    def draw(self, surface: pygame.Surface, text: TextCache, focused: bool, unit: int) -> None:
        raise NotImplementedError


def draw_frame(surface: pygame.Surface, rect: pygame.Rect, focused: bool, unit: int) -> None:
    pygame.draw.rect(surface, theme.PANEL, rect)
    pygame.draw.rect(surface, theme.TOKEN if focused else theme.SQUARE_EDGE, rect,
                     width=max(2, unit // 14))


def scroll_first(first: int, selected: int, room: int) -> int:
    """The first row to show of a scrolling list so that the selected row is in view."""
    return min(max(first, selected - room + 1), selected)


class TextField(Widget):
    def __init__(self, label: Words, value: str = "", hint: Words = "", limit: int = 120,
                 allowed: Callable[[str], bool] | None = None) -> None:
        super().__init__(label)
        self.value = value
        self.hint = hint
        self.limit = limit
        self.allowed = allowed

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTINPUT:
            accepted = "".join(c for c in event.text if c.isprintable() and
                               (self.allowed is None or self.allowed(c)))
            self.value = (self.value + accepted)[: self.limit]
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        return False

    def draw(self, surface: pygame.Surface, text: TextCache, focused: bool, unit: int) -> None:
        draw_frame(surface, self.rect, focused, unit)
        # An empty field keeps its hint, even while the cursor is in it.
        shown = self.value + ("|" if focused else "") if self.value else (
            ("|" if focused else "") + say(self.hint))
        color = theme.TEXT if self.value else theme.TEXT_DIM
        draw_fitted(surface, text, shown, unit, color, self.rect.width - unit,
                    user=bool(self.value), midleft=(self.rect.x + unit // 2, self.rect.centery))


class Choice(Widget):
    """One of a few options; Left/Right (or a click) changes it. Options' words are marked with
    N_ (translated when drawn); ``data=True`` when they are shown as they are (names, sizes)."""

    def __init__(self, label: Words, options: Sequence[tuple[str, Words]], value: str,
                 data: bool = False) -> None:
        super().__init__(label)
        self.options = list(options)          # (value, shown text)
        self.data = data
        self._needed: dict[tuple[str, int, int], int] = {}
        self.index = next((i for i, (v, _) in enumerate(self.options) if v == value), 0)

    @property
    def value(self) -> str:
        return self.options[self.index][0]

    def step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.options)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_RIGHT,
                                                          pygame.K_SPACE):
            self.step(-1 if event.key == pygame.K_LEFT else 1)
            return True
        return False

    def click(self, pos: tuple[int, int]) -> bool:
        self.step(-1 if pos[0] < self.rect.centerx - self.rect.width // 4 else 1)
        return True

    def draw(self, surface: pygame.Surface, text: TextCache, focused: bool, unit: int) -> None:
        draw_frame(surface, self.rect, focused, unit)
        _arrows(surface, self.rect, unit)
        room = self.rect.width - 2 * (unit // 2 + max(4, unit // 3)) - unit // 2
        draw_fitted(surface, text, self.line(), unit, theme.TEXT, room, center=self.rect.center)

    def line(self) -> str:
        shown = self.options[self.index][1]
        value = shown if self.data and isinstance(shown, str) else say(shown)
        # Translators: a setting on the setup screen and its value, as "Sound: on"
        return _("{label}: {value}").format(label=say(self.label), value=value)

    def needed(self, text: TextCache, unit: int, smallest: int) -> int:
        """The width at which every option's line fits, down to ``smallest`` (a layout gives
        a choice whose words are long the room they need)."""
        key = (current(), unit, smallest)
        if key not in self._needed:
            index, widest = self.index, 0
            for option in range(len(self.options)):
                self.index = option
                widest = max(widest, text.width(self.line(), smallest, False))
            self.index = index
            self._needed = {key: widest}
        return self._needed[key] + 2 * (unit // 2 + max(4, unit // 3)) + unit // 2 + 1


class Stepper(Choice):
    """A number from a range, in steps; 0 may have its own text (e.g. "as the preset")."""

    def __init__(self, label: Words, values: Sequence[int], value: int,
                 shown: Callable[[int], str], zero: Words = "") -> None:
        """``shown(v)`` says a value in the language in use ("30 s"); ``zero`` is 0's own words."""
        options: list[tuple[str, Words]] = [
            (str(v), zero if v == 0 and zero else (lambda v=v: shown(v))) for v in values]  # type: ignore[misc]
        super().__init__(label, options, str(value))

    @property
    def number(self) -> int:
        return int(self.value)

    def step(self, delta: int) -> None:   # a range stops at its ends
        self.index = min(max(0, self.index + delta), len(self.options) - 1)


class Toggle(Choice):
    def __init__(self, label: Words, value: bool) -> None:
        super().__init__(label, [("1", N_("on")), ("0", N_("off"))], "1" if value else "0")

    @property
    def on(self) -> bool:
        return self.value == "1"


class Button(Widget):
    def __init__(self, label: Words, action: Callable[[], object],
                 color: tuple[int, int, int] = theme.EXECUTION) -> None:
        super().__init__(label)
        self.action = action
        self.color = color

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE,):
            self.action()
            return True
        return False

    def click(self, pos: tuple[int, int]) -> bool:
        self.action()
        return True

    def draw(self, surface: pygame.Surface, text: TextCache, focused: bool, unit: int) -> None:
        pygame.draw.rect(surface, self.color, self.rect, border_radius=unit // 4)
        if focused:
            pygame.draw.rect(surface, theme.TOKEN, self.rect.inflate(6, 6), width=max(2, unit // 12),
                             border_radius=unit // 4)
        draw_fitted(surface, text, say(self.label), unit, theme.BACKGROUND, self.rect.width - unit // 2,
                    bold=True, center=self.rect.center)

    def needed(self, text: TextCache, unit: int) -> int:
        """The width at which the label fits at its full size."""
        return text.width(say(self.label), unit, True) + unit // 2 + 1


def _arrows(surface: pygame.Surface, rect: pygame.Rect, unit: int) -> None:
    """Left and right triangles at the ends of a choice: drawn shapes, not glyphs."""
    size = max(4, unit // 3)
    y = rect.centery
    left, right = rect.x + unit // 2, rect.right - unit // 2
    for tip, back in ((left, left + size), (right, right - size)):
        pygame.draw.polygon(surface, theme.TEXT_DIM, [(tip, y), (back, y - size), (back, y + size)])


def draw_arrow_up(surface: pygame.Surface, rect: pygame.Rect, color: tuple[int, int, int],
                  down: bool = False) -> None:
    cx, cy, s = rect.centerx, rect.centery, max(3, rect.height // 4)
    tip, base = (cy + s, cy - s) if down else (cy - s, cy + s)
    pygame.draw.polygon(surface, color, [(cx, tip), (cx - s, base), (cx + s, base)])


def draw_cross(surface: pygame.Surface, rect: pygame.Rect, color: tuple[int, int, int]) -> None:
    s = max(3, rect.height // 4)
    w = max(2, rect.height // 10)
    x, y = rect.center
    pygame.draw.line(surface, color, (x - s, y - s), (x + s, y + s), w)
    pygame.draw.line(surface, color, (x + s, y - s), (x - s, y + s), w)
