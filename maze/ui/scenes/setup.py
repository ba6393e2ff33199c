"""A minimal setup screen for plain `maze`: team, players, level; Enter starts.

(The full facilitator's setup — reorder, presets, overrides, remembered settings — builds on
this.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from maze.storage.levels import LevelEntry, rules_summary
from maze.ui import theme
from maze.ui.app import App, Replace, Scene, Transition

StartSession = Callable[[str, str, LevelEntry], Scene]   # may raise ValueError with a message

FIELDS = ("team", "players", "level")


class SetupScene(Scene):
    def __init__(self, app: App, levels: Sequence[LevelEntry], start: StartSession,
                 team: str = "", players: str = "", level_key: str = "classic") -> None:
        super().__init__(app)
        self.levels = [e for e in levels if e.level is not None]
        self.values = {"team": team, "players": players}
        self.focus = "players" if team else "team"
        self.selected = next((i for i, e in enumerate(self.levels) if e.key == level_key), 0)
        self.start = start
        self.error = ""
        self._rects: dict[str, pygame.Rect] = {}
        pygame.key.start_text_input()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.TEXTINPUT and self.focus in self.values:
            self.values[self.focus] += event.text
            self.dirty = True
        elif event.type == pygame.KEYDOWN:
            self.dirty = True
            if event.key == pygame.K_TAB:
                step = -1 if event.mod & pygame.KMOD_SHIFT else 1
                self.focus = FIELDS[(FIELDS.index(self.focus) + step) % len(FIELDS)]
            elif event.key == pygame.K_BACKSPACE and self.focus in self.values:
                self.values[self.focus] = self.values[self.focus][:-1]
            elif event.key in (pygame.K_UP, pygame.K_DOWN) and self.focus == "level":
                delta = -1 if event.key == pygame.K_UP else 1
                self.selected = (self.selected + delta) % max(1, len(self.levels))
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self._start()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.dirty = True
            for name, rect in self._rects.items():
                if rect.collidepoint(event.pos):
                    if name == "start":
                        return self._start()
                    if name.startswith("level:"):
                        self.selected = int(name.split(":")[1])
                        self.focus = "level"
                    else:
                        self.focus = name
        return None

    def _start(self) -> Transition | None:
        if not self.levels:
            self.error = "No levels found"
            return None
        try:
            scene = self.start(self.values["team"], self.values["players"],
                               self.levels[self.selected])
        except ValueError as exc:
            self.error = str(exc)
            return None
        pygame.key.stop_text_input()
        return Replace(scene)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        text = self.app.text
        w, h = surface.get_size()
        unit = max(10, round(0.045 * h))
        x, width = round(0.06 * w), round(0.88 * w)
        y = round(0.05 * h)
        surface.blit(text.render("New session", round(unit * 1.4), theme.TOKEN, bold=True), (x, y))
        y += round(unit * 2.2)
        self._rects = {}
        for name, label, hint in (("team", "Team", "the team's name"),
                                  ("players", "Players", "names in turn order, separated by commas")):
            surface.blit(text.render(label, round(unit * 0.8), theme.TEXT_DIM), (x, y))
            y += round(unit * 1.1)
            box = pygame.Rect(x, y, width, round(unit * 1.5))
            self._rects[name] = box
            focused = self.focus == name
            pygame.draw.rect(surface, theme.PANEL, box)
            pygame.draw.rect(surface, theme.TOKEN if focused else theme.SQUARE_EDGE, box,
                             width=max(2, unit // 12))
            value = self.values[name]
            shown = text.render(value + ("|" if focused else "") if value or focused else hint,
                                unit, theme.TEXT if value else theme.TEXT_DIM,
                                max_width=width - unit)
            surface.blit(shown, shown.get_rect(midleft=(box.x + unit // 2, box.centery)))
            y += round(unit * 2)
        surface.blit(text.render("Level (Up/Down)", round(unit * 0.8), theme.TEXT_DIM), (x, y))
        y += round(unit * 1.1)
        row_h = round(unit * 1.2)
        room = max(1, (h - y - round(unit * 3.2)) // row_h)
        first = max(0, min(self.selected - room // 2, len(self.levels) - room))
        for i, entry in enumerate(self.levels[first:first + room], start=first):
            rect = pygame.Rect(x, y, width, row_h)
            self._rects[f"level:{i}"] = rect
            selected = i == self.selected
            if selected:
                pygame.draw.rect(surface, theme.PANEL, rect)
                pygame.draw.rect(surface, theme.TOKEN if self.focus == "level" else theme.SQUARE_EDGE,
                                 rect, width=max(2, unit // 12))
            assert entry.level is not None
            label = f"{entry.level.name}   ({rules_summary(entry.level.resolve_rules())})"
            surface.blit(text.render(label, round(unit * 0.8), theme.TEXT if selected else theme.TEXT_DIM,
                                     max_width=width - unit), (x + unit // 2, y + row_h // 8))
            y += row_h
        hidden = len(self.levels) - (first + room)
        if hidden > 0:
            surface.blit(text.render(f"{hidden} more below (Down)", round(unit * 0.7),
                                     theme.TEXT_DIM), (x + unit // 2, y))
        start = text.render("Start (Enter)", unit, theme.BACKGROUND, bold=True)
        button = pygame.Rect(x, h - round(unit * 2.4), start.get_width() + unit,
                             round(unit * 1.6))
        self._rects["start"] = button
        pygame.draw.rect(surface, theme.EXECUTION, button, border_radius=unit // 4)
        surface.blit(start, start.get_rect(center=button.center))
        if self.error:
            surface.blit(text.render(self.error, round(unit * 0.8), theme.BEEP,
                                     max_width=width - button.width - unit),
                         (button.right + unit, button.centery - unit // 2))
