"""Overlays drawn over the board: the F1 help and the Ctrl+Q confirmation. The session keeps
running underneath (the board still updates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from maze.ui import theme
from maze.ui.app import App, Pop, Push, Replace, Scene, Transition
from maze.ui.keymap import Action

if TYPE_CHECKING:
    from maze.ui.scenes.board import BoardScene

HELP_RULES = (
    "One safe path crosses the board; every other square beeps.",
    "One player at a time: enter at the start edge, one square at a time.",
    "A beep ends your try: you walk back the way you came, then the next player goes.",
    "Learning: find the path (beeps teach the team). No talking.",
    "Once someone crosses: everyone crosses the known path, fast, without a beep.",
)
HELP_KEYS = (
    ("Arrows", "move (Up toward the goal); Left/Right choose the column at the start"),
    ("Q E Z C", "diagonal moves (keypad 7 9 1 3 too); Q/E enter diagonally"),
    ("Mouse", "click a square next to yours (from the start: a square of row 1)"),
    ("Ctrl+Space", "pause / resume          Ctrl+Enter  end planning"),
    ("Ctrl+R", "hold to reveal the path    Ctrl+K  curveball"),
    ("Ctrl+1..4", "penalty: talking, pointing, two on the board, marking"),
    ("Ctrl+N", "skip the player    Ctrl+A  memory aid    Ctrl+M  mute"),
    ("Ctrl+Z", "undo your last slip (penalty, skip, curveball...)"),
    ("F11 / Ctrl+F", "fullscreen     F1  this help     Ctrl+Q  end the session"),
)


def _panel(surface: pygame.Surface, fraction: float = 0.86) -> pygame.Rect:
    w, h = surface.get_size()
    rect = pygame.Rect(0, 0, int(w * fraction), int(h * fraction))
    rect.center = (w // 2, h // 2)
    surface.fill(theme.PANEL, rect)
    pygame.draw.rect(surface, theme.SQUARE_EDGE, rect, width=max(2, h // 300))
    return rect


class HelpOverlay(Scene):
    opaque = False

    def __init__(self, app: App, board: BoardScene) -> None:
        super().__init__(app)
        self.board = board

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_ESCAPE,
                                                          pygame.K_RETURN):
            return Pop()
        if event.type == pygame.MOUSEBUTTONDOWN:
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        rect = _panel(surface)
        text = self.app.text
        h = surface.get_height()
        line_h = max(10, min(round(0.036 * h), rect.height // 17))
        y = rect.y + line_h
        text.draw(surface, "How to play", round(line_h * 1.4), theme.TOKEN, bold=True,
                  topleft=(rect.x + line_h, y))
        y += round(line_h * 2)
        width = rect.width - 2 * line_h
        for rule in HELP_RULES:
            text.draw(surface, rule, line_h, theme.TEXT, max_width=width, topleft=(rect.x + line_h, y))
            y += round(line_h * 1.25)
        y += line_h // 2
        key_w = max(text.font(line_h, True).size(k)[0] for k, _ in HELP_KEYS) + line_h
        for key, meaning in HELP_KEYS:
            text.draw(surface, key, line_h, theme.TOKEN, bold=True, topleft=(rect.x + line_h, y))
            text.draw(surface, meaning, line_h, theme.TEXT_DIM,
                                     max_width=width - key_w, topleft=(rect.x + line_h + key_w, y))
            y += round(line_h * 1.2)
        text.draw(surface, "F1 or Esc closes this help", line_h, theme.TEXT_DIM,
                  bottomright=(rect.right - line_h, rect.bottom - line_h // 2))


MENU_ITEMS: tuple[tuple[str, str, Action | None], ...] = (
    ("Back to the board", "Esc", None),
    ("Help: rules and keys", "F1", Action.HELP),
    ("Pause or resume the clock", "Ctrl+Space", Action.PAUSE),
    ("Memory aid on or off", "Ctrl+A", Action.MEMORY_AID),
    ("Sound on or off", "Ctrl+M", Action.MUTE),
    ("Fullscreen on or off", "F11", Action.FULLSCREEN),
    ("Skip the player at the board", "Ctrl+N", Action.SKIP),
    ("Undo my last slip", "Ctrl+Z", Action.UNDO),
    ("End the session and show the results", "Ctrl+Q", Action.END_SESSION),
)


class MenuOverlay(Scene):
    """Esc: every facilitator action in a list, for the mouse or for someone who forgot a key.
    Up/Down and Enter, or a click; Esc goes back."""

    opaque = False

    def __init__(self, app: App, board: BoardScene) -> None:
        super().__init__(app)
        self.board = board
        self.selected = 0
        self._rows: list[pygame.Rect] = []

    def _choose(self, index: int) -> Transition | None:
        action = MENU_ITEMS[index][2]
        if action is None:
            return Pop()
        if action is Action.FULLSCREEN:
            self.app.toggle_fullscreen()
            return Pop()
        follow = self.board.act(action)
        # The menu closes; an action that opens its own overlay (help, confirm) takes its place.
        return Replace(follow.scene) if isinstance(follow, Push) else Pop()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            self.dirty = True
            if event.key == pygame.K_ESCAPE:
                return Pop()
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                step = -1 if event.key == pygame.K_UP else 1
                self.selected = (self.selected + step) % len(MENU_ITEMS)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self._choose(self.selected)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, rect in enumerate(self._rows):
                if rect.collidepoint(event.pos):
                    return self._choose(index)
        return None

    def update(self) -> Transition | None:
        return Pop() if self.board.session.state.ended else None

    def draw(self, surface: pygame.Surface) -> None:
        rect = _panel(surface, 0.7)
        text = self.app.text
        h = surface.get_height()
        line_h = max(12, min(round(0.045 * h), rect.height // (len(MENU_ITEMS) + 3)))
        y = rect.y + line_h // 2
        text.draw(surface, "Menu", round(line_h * 1.2), theme.TOKEN, bold=True, topleft=(rect.x + line_h, y))
        y += round(line_h * 1.8)
        self._rows = []
        key_w = max(text.width(k, line_h) for _, k, _ in MENU_ITEMS)
        for index, (label, key, _) in enumerate(MENU_ITEMS):
            row = pygame.Rect(rect.x + line_h // 2, y, rect.width - line_h, round(line_h * 1.3))
            self._rows.append(row)
            if index == self.selected:
                pygame.draw.rect(surface, theme.STRIP, row)
                pygame.draw.rect(surface, theme.TOKEN, row, width=max(2, line_h // 12))
            text.draw(surface, label, line_h, theme.TEXT,
                                     max_width=row.width - key_w - 2 * line_h, topleft=(row.x + line_h // 2, row.y + line_h // 8))
            text.draw(surface, key, line_h, theme.TEXT_DIM,
                      topright=(row.right - line_h // 2,
                                                         row.y + line_h // 8))
            y += round(line_h * 1.4)


class ConfirmEnd(Scene):
    """Ctrl+Q: end the session? Enter confirms, Esc cancels."""

    opaque = False

    def __init__(self, app: App, board: BoardScene) -> None:
        super().__init__(app)
        self.board = board

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.board.end_session()
            return Pop()
        if event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def update(self) -> Transition | None:
        return Pop() if self.board.session.state.ended else None

    def draw(self, surface: pygame.Surface) -> None:
        rect = _panel(surface, 0.6)
        rect.height = rect.height // 2
        text = self.app.text
        h = max(12, round(0.05 * surface.get_height()))
        blit = text.render("End the session now?", h, theme.TEXT, bold=True,
                           max_width=rect.width - h)
        surface.blit(blit, blit.get_rect(center=(rect.centerx, rect.centery - h)))
        text.draw(surface, "Enter: end and show the results    Esc: keep playing", round(h * 0.7),
                           theme.TEXT_DIM, max_width=rect.width - h,
                  center=(rect.centerx, rect.centery + h))
