"""Overlays drawn over another screen: the F1 help, the Esc menu and the confirmations (end the
session, quit the program). The session keeps running underneath (the board still updates).

Every panel is opaque and tells the text layer so (``cover``): what it hides is hidden, not
overlapped. Text wraps or the panel's lines get smaller (never below the readable size); the
program's own words are never cut."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from maze.core.state import Phase
from maze.lang import N_, _, integer, n_
from maze.terminal import say
from maze.ui import theme
from maze.ui.app import App, Pop, Push, Quit, Replace, Scene, Transition
from maze.ui.keymap import Action, ctrl_held
from maze.ui.text import DETAIL_SHARE, ROOM, TextCache

if TYPE_CHECKING:
    from maze.storage.log import SessionLog
    from maze.ui.screens import Facilitated

HELP_RULES = (
    N_("One safe path crosses the board; every other square beeps."),
    N_("One player at a time: enter at the start edge, then one square at a time."),
    N_("A beep ends your try: you walk back the way you came, then the next player goes."),
    N_("Learning: find the path (beeps teach the team). No talking."),
    N_("Once someone crosses: everyone crosses the known path, fast, without a beep."),
)
# Keys a player reads are words too (Ctrl is Strg on a German keyboard).
HELP_KEYS = (
    (N_("Left / Right"), N_("at the start edge: choose the column to enter by")),
    (N_("Up"), N_("step onto the board, then toward the goal")),
    (N_("Arrows"), N_("move one square (Down and sideways too)")),
    (N_("Q E Z C"), N_("diagonal moves (keypad 7 9 1 3 too)")),
    (N_("Mouse or touch"), N_("tap a square next to yours (at the start: a square of row 1)")),
    (N_("Esc"), N_("the facilitator's menu: every action, by mouse too")),
    (N_("Ctrl+Space"), N_("pause or resume the clock")),
    (N_("Ctrl+1 2 3 4"), N_("penalty: talking, pointing, two on the board, marking")),
    (N_("Ctrl+N  Ctrl+A"), N_("skip the player; memory aid on or off")),
    (N_("Ctrl+Z"), N_("undo the facilitator's last slip")),
    (N_("Ctrl+Q"), N_("end the session (asks first)")),
    (N_("F11  Ctrl+M"), N_("fullscreen; sound on or off")),
)


def _panel(surface: pygame.Surface, text: TextCache, fraction: float = 0.86,
           height: float | None = None) -> pygame.Rect:
    w, h = surface.get_size()
    rect = pygame.Rect(0, 0, int(w * fraction), int(h * (height or fraction)))
    rect.center = (w // 2, h // 2)
    surface.fill(theme.PANEL, rect)
    text.cover(surface, rect)
    pygame.draw.rect(surface, theme.SQUARE_EDGE, rect, width=max(2, h // 300))
    return rect


def _readable(surface: pygame.Surface) -> int:
    return int(DETAIL_SHARE * surface.get_height() + 0.999)


class HelpOverlay(Scene):
    opaque = False

    def __init__(self, app: App, board: Scene | None = None) -> None:
        super().__init__(app)
        self.board = board

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_ESCAPE,
                                                          pygame.K_RETURN):
            return Pop()
        if event.type == pygame.MOUSEBUTTONDOWN:
            return Pop()
        return None

    def _rules(self, width: int, line_h: int) -> list[tuple[str, str, int]]:
        text = self.app.text
        return [("", part, 0) for rule in HELP_RULES
                for part in text.wrap(_(rule), line_h, False, width)]

    def _keys(self, width: int, line_h: int, key_w: int) -> list[tuple[str, str, int]]:
        text = self.app.text
        rows: list[tuple[str, str, int]] = []
        for key, meaning in HELP_KEYS:
            for i, part in enumerate(text.wrap(_(meaning), line_h, False, width - key_w)):
                rows.append((_(key) if i == 0 else "", part, key_w))
        return rows

    def draw(self, surface: pygame.Surface) -> None:
        """The rules, then the keys; side by side on a wide screen (21:9), one under the other
        elsewhere; at the largest size at which everything fits."""
        text = self.app.text
        rect = _panel(surface, text, 0.94, 0.94)
        h = surface.get_height()
        smallest = _readable(surface)
        wide = rect.width > 1.6 * rect.height
        line_h = max(smallest, round(0.045 * h))     # as large as the panel allows
        while True:
            pad = line_h
            inner = rect.width - 2 * pad
            col_w = (inner - pad) // 2 if wide else inner
            key_w = max(text.width(_(k), line_h, True) for k, _meaning in HELP_KEYS) + line_h
            rules, keys = self._rules(col_w, line_h), self._keys(col_w, line_h, key_w)
            columns = [rules, keys] if wide else [rules + [("", "", 0)] + keys]
            tallest = max(len(c) for c in columns)
            needed = round(line_h * 2.2) + tallest * round(line_h * 1.15) + line_h * 2
            if needed <= rect.height or line_h <= smallest:
                break
            line_h -= 1
        x, y = rect.x + pad, rect.y + line_h // 2
        text.draw(surface, _("How to play"), round(line_h * 1.4), theme.TOKEN, bold=True,
                  topleft=(x, y))
        top = y + round(line_h * 2.2)
        for c, rows in enumerate(columns):
            left, y = x + c * (col_w + pad), top
            for key, part, indent in rows:
                if key:
                    text.draw(surface, key, line_h, theme.TOKEN, bold=True, topleft=(left, y))
                if part:
                    text.draw(surface, part, line_h, theme.TEXT_DIM if indent else theme.TEXT,
                              max_width=col_w - indent, topleft=(left + indent, y))
                y += round(line_h * 1.15)
        # Translators: F1 and Esc are keys on the keyboard
        text.draw(surface, _("F1 or Esc closes this help"), line_h, theme.TEXT_DIM,
                  bottomright=(rect.right - pad, rect.bottom - line_h // 2))


class MenuItem:
    __slots__ = ("label", "key", "action", "changes")

    def __init__(self, label: str, key: str, action: Action | None, changes: bool = True) -> None:
        self.label, self.key, self.action = label, key, action
        self.changes = changes       # changes the session: Ctrl+Enter or a click, not Enter


MENU_ITEMS: tuple[MenuItem, ...] = (
    MenuItem(N_("Back to the board"), N_("Esc"), None, changes=False),
    MenuItem(N_("Help: rules and keys"), N_("F1"), Action.HELP, changes=False),
    MenuItem(N_("Pause or resume the clock"), N_("Ctrl+Space"), Action.PAUSE),
    MenuItem(N_("End planning, start the clock"), N_("Ctrl+Enter"), Action.END_PLANNING),
    MenuItem(N_("Penalty: talking"), N_("Ctrl+1"), Action.PENALTY_TALKING),
    MenuItem(N_("Penalty: pointing"), N_("Ctrl+2"), Action.PENALTY_POINTING),
    MenuItem(N_("Penalty: two on the board"), N_("Ctrl+3"), Action.PENALTY_TWO_ON_BOARD),
    MenuItem(N_("Penalty: marking"), N_("Ctrl+4"), Action.PENALTY_MARKING),
    MenuItem(N_("Skip the player at the board"), N_("Ctrl+N"), Action.SKIP),
    # Worded for the facilitator, who knows the terms from the guide; the room reads it too.
    MenuItem(N_("Curveball"), N_("Ctrl+K"), Action.CURVEBALL),
    MenuItem(N_("Reveal, for 5 seconds"), N_("Ctrl+R"), Action.REVEAL),
    MenuItem(N_("Memory aid on or off"), N_("Ctrl+A"), Action.MEMORY_AID),
    MenuItem(N_("Sound on or off"), N_("Ctrl+M"), Action.MUTE),
    MenuItem(N_("Undo the last penalty, skip or switch"), N_("Ctrl+Z"), Action.UNDO),
    MenuItem(N_("Fullscreen on or off"), N_("F11"), Action.FULLSCREEN, changes=False),
    MenuItem(N_("End the session and show the results"), N_("Ctrl+Q"), Action.END_SESSION),
)
REVEAL_SECONDS = 5.0


class MenuOverlay(Scene):
    """Esc: every facilitator action in a list, for the mouse or for someone who forgot a key.
    Up/Down choose; a click, or Ctrl+Enter, carries out an action that changes the session
    (plain Enter only for Back, Help and Fullscreen: a player pressing Esc and Enter changes
    nothing). Esc goes back."""

    opaque = False

    def __init__(self, app: App, board: Facilitated) -> None:
        super().__init__(app)
        self.board = board
        self.selected = 0
        self.refused = False
        self._rows: list[pygame.Rect] = []

    def _choose(self, index: int) -> Transition | None:
        action = MENU_ITEMS[index].action
        if action is None:
            return Pop()
        if action is Action.FULLSCREEN:
            self.app.toggle_fullscreen()
            return Pop()
        if action is Action.REVEAL:
            self.board.reveal_for(REVEAL_SECONDS)
            return Pop()
        follow = self.board.act(action)
        # The menu closes; an action that opens its own overlay (help, confirm) takes its place.
        return Replace(follow.scene) if isinstance(follow, Push) else Pop()

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            self.dirty = True
            self.refused = False
            if event.key == pygame.K_ESCAPE:
                return Pop()
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                step = -1 if event.key == pygame.K_UP else 1
                self.selected = (self.selected + step) % len(MENU_ITEMS)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if MENU_ITEMS[self.selected].changes and not ctrl_held(event):
                    self.refused = True        # a player's Enter changes nothing
                    return None
                return self._choose(self.selected)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, rect in enumerate(self._rows):
                if rect.collidepoint(event.pos):
                    return self._choose(index)
        return None

    def update(self) -> Transition | None:
        return Pop() if self.board.session.state.ended else None

    def _plan(self, surface: pygame.Surface) -> tuple[float, int, list[list[str]]]:
        """The panel's share of the width, the line height, and each label's lines: every
        label at one size, the menu wider, then a long label on two lines (German's undo),
        rather than one label smaller than the others."""
        text = self.app.text
        w, h = surface.get_size()
        floor = _readable(surface)
        height = int(h * 0.94)
        line_h = max(floor, min(round(0.04 * h), int(height / (len(MENU_ITEMS) * 1.3 + 4))))
        labels = [_(item.label) for item in MENU_ITEMS]
        for fraction in (0.8, 0.94):
            room = self._room(int(w * fraction), line_h)
            wrapped = [text.wrap(label, line_h, False, room) for label in labels]
            if all(len(lines) == 1 for lines in wrapped):
                return fraction, line_h, wrapped
        for size in range(line_h, floor - 1, -1):   # the largest size at which all fit
            room = self._room(int(w * 0.94), size)
            wrapped = [text.wrap(label, size, False, room) for label in labels]
            extra = sum(len(lines) - 1 for lines in wrapped)
            if size * (len(MENU_ITEMS) * 1.3 + extra * 1.1 + 4) <= height:
                break
        return 0.94, size, wrapped

    def _room(self, panel_w: int, line_h: int) -> int:
        """The width a label has beside the widest key, in a panel ``panel_w`` wide."""
        key_w = max(self.app.text.width(_(item.key), line_h) for item in MENU_ITEMS)
        return panel_w - line_h - key_w - 2 * line_h

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        fraction, line_h, wrapped = self._plan(surface)
        rect = _panel(surface, text, fraction, 0.94)
        y = rect.y + line_h // 3
        text.draw(surface, _("Facilitator's menu"), round(line_h * 1.2), theme.TOKEN, bold=True,
                  topleft=(rect.x + line_h, y))
        y += round(line_h * 1.6)
        self._rows = []
        step = round(line_h * 1.1)           # a label's second line
        planning = self.board.session.state.phase is Phase.PLANNING
        for index, (item, lines) in enumerate(zip(MENU_ITEMS, wrapped, strict=True)):
            row = pygame.Rect(rect.x + line_h // 2, y, rect.width - line_h,
                              round(line_h * 1.25) + (len(lines) - 1) * step)
            self._rows.append(row)
            if index == self.selected:
                pygame.draw.rect(surface, theme.STRIP, row)
                pygame.draw.rect(surface, theme.TOKEN, row, width=max(2, line_h // 12))
            room = self._room(rect.width, line_h)
            # Ending planning only means something during planning: shown dim otherwise.
            dim = item.action is Action.END_PLANNING and not planning
            top = row.centery - (len(lines) - 1) * step // 2
            for i, line in enumerate(lines):
                text.draw(surface, line, line_h, theme.TEXT_DIM if dim else theme.TEXT,
                          max_width=room, midleft=(row.x + line_h // 2, top + i * step))
            text.draw(surface, _(item.key), line_h, theme.TEXT_DIM,
                      midright=(row.right - line_h // 2, row.centery))
            y += round(line_h * 1.3) + (len(lines) - 1) * step
        hint = (_("Hold Ctrl and press Enter, or click, to do this") if self.refused else
                _("Up/Down choose; click or Ctrl+Enter to do it; Esc goes back"))
        size = text.fitting_height(hint, line_h, self.refused, rect.width - 2 * line_h,
                                   smallest=_readable(surface))
        text.draw(surface, hint, size, theme.WARNING if self.refused else theme.TEXT_DIM,
                  bold=self.refused, max_width=rect.width - 2 * line_h,
                  midbottom=(rect.centerx, rect.bottom - line_h // 3))


class Confirm(Scene):
    """A question over the screen: Enter (or a click on the left button) says yes, Esc (or the
    other button) says no."""

    opaque = False

    def __init__(self, app: App, question: str, yes: str, no: str,
                 on_yes: Callable[[], Transition | None]) -> None:
        super().__init__(app)
        self.question, self.yes, self.no = question, yes, no
        self.on_yes = on_yes
        self._buttons: list[pygame.Rect] = []

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.on_yes() or Pop()
            if event.key == pygame.K_ESCAPE:
                return Pop()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self._buttons:
            if self._buttons[0].collidepoint(event.pos):
                return self.on_yes() or Pop()
            if self._buttons[1].collidepoint(event.pos):
                return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        w, h = surface.get_size()
        floor = _readable(surface)
        big = max(floor, round(0.05 * h))
        small = max(floor, round(0.035 * h))
        # Translators: a button: the key, then what it does ("Enter: quit")
        labels = (_("Enter: {answer}").format(answer=self.yes),
                  # Translators: a button: the key, then what it does ("Esc: stay")
                  _("Esc: {answer}").format(answer=self.no))
        # The dialog is as wide as its buttons need (each sized to its label, both at one
        # size, the largest down to the readable one that fits the window), at least 70%.
        widest = round(0.94 * w)

        def buttons_width(size: int) -> int:
            return sum(text.width(label, size, True) + size for label in labels) + 3 * small

        fit = next((size for size in range(small, floor - 1, -1)
                    if buttons_width(size) <= widest), floor)
        rect = _panel(surface, text, min(0.94, max(0.7, buttons_width(fit) / w)), 0.4)
        size = text.fitting_height(self.question, big, True, rect.width - big, smallest=floor)
        text.draw(surface, self.question, size, theme.TEXT, bold=True, role=ROOM,
                  max_width=rect.width - big, center=(rect.centerx, rect.y + rect.height // 3))
        widths = [text.width(label, fit, True) + fit for label in labels]
        if 2 * max(widths) + 3 * small <= rect.width:      # two alike when they can be
            widths = [(rect.width - 3 * small) // 2] * 2
        else:                                                # else each its own, the rest shared
            spare = rect.width - sum(widths) - 3 * small
            widths = [width + spare // 2 for width in widths]
        self._buttons = []
        x = rect.x + small
        for i, (label, width) in enumerate(zip(labels, widths, strict=True)):
            button = pygame.Rect(x, rect.bottom - round(small * 2.6), width, round(small * 1.8))
            pygame.draw.rect(surface, theme.EXECUTION if i == 0 else theme.SQUARE_EDGE, button,
                             border_radius=small // 4)
            text.draw(surface, label, fit, theme.BACKGROUND, bold=True,
                      max_width=button.width - fit // 2, center=button.center)
            self._buttons.append(button)
            x += width + small


class ConfirmEnd(Confirm):
    """Ctrl+Q on the board: end the session? Enter confirms, Esc cancels."""

    def __init__(self, app: App, board: Facilitated) -> None:
        super().__init__(app, _("End the session now?"), _("end, show the results"),
                         _("keep playing"), self._end)
        self.board = board

    def _end(self) -> Transition | None:
        self.board.end_session()
        return Pop()

    def update(self) -> Transition | None:
        return Pop() if self.board.session.state.ended else None


class ConfirmQuit(Confirm):
    """Ctrl+Q anywhere but the board: quit the program? Enter quits, Esc stays."""

    def __init__(self, app: App) -> None:
        super().__init__(app, _("Quit maze?"), _("quit"), _("stay"), lambda: Quit())


def rescue_folders() -> list[Path]:
    """Where events the log's own folder refused can go instead: the home folder, then the
    system's temporary folder (often another disk)."""
    return [Path.home() / "maze-rescued", Path(tempfile.gettempdir()) / "maze-rescued"]


class UnsavedEvents(Scene):
    """Closing the window while the disk refuses the log: say so, and offer to save the whole
    log somewhere else. Enter saves and quits; Esc goes back to the session; closing the
    window again closes it (the room was told)."""

    opaque = False

    def __init__(self, app: App, log: SessionLog) -> None:
        super().__init__(app)
        self.log = log
        self.message = ""

    def question(self) -> str:
        n = self.log.backlog
        return n_("{n} event of this session is not on disk: the log's folder refuses them "
                  "({reason}).",
                  "{n} events of this session are not on disk: the log's folder refuses them "
                  "({reason}).", n).format(n=integer(n), reason=self.log.error)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        self.dirty = True
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            if self.log.flush():              # the disk took them after all
                return Quit()
            for folder in rescue_folders():
                try:
                    saved = self.log.save_copy(folder)
                except OSError as exc:
                    self.message = _("{folder} refused them too ({reason})").format(
                        folder=folder, reason=exc.strerror or exc)
                    continue
                say(_("maze: the session's log was saved to {file}").format(file=saved))
                return Quit()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        rect = _panel(surface, text, 0.8, 0.5)
        h = surface.get_height()
        size = max(_readable(surface), round(0.035 * h))
        asked = text.wrap(self.question(), size, True, rect.width - 2 * size)
        first, second = rescue_folders()
        offer = _("Enter: save the whole log in {folder} (or {other}) and quit.  Esc: keep "
                  "playing.  Closing the window again quits without them.").format(
                      folder=first, other=second)
        lines = asked + [""] + text.wrap(offer, size, False, rect.width - 2 * size)
        if self.message:
            lines += [""] + text.wrap(self.message, size, False, rect.width - 2 * size)
        y = rect.y + size
        for i, line in enumerate(lines):
            if line:
                text.draw(surface, line, size, theme.WARNING if i < len(asked) else theme.TEXT,
                          bold=i < len(asked), user=True, max_width=rect.width - 2 * size,
                          topleft=(rect.x + size, y))
            y += round(size * 1.2)
