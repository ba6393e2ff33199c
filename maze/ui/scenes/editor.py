"""The level editor (`maze edit [LEVEL]`): draw the path square by square, see what is wrong
as you go, set the rules, save to your level folder.

Mouse: click squares in order (clicking the last square takes it back). Keyboard: Tab moves
between fields; on the board, arrows move the square cursor and Space adds or takes back.
Ctrl+Z undoes, Ctrl+S saves, Esc quits (asking first if there are unsaved changes)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pygame

from maze.core.board import MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS, Board, Square
from maze.core.level import Level
from maze.core.path import derive_path, generate_path, parse_path, path_names
from maze.core.rules import PRESET_WORDS, PRESETS
from maze.lang import N_, _, integer, n_
from maze.storage.jsonfile import DataError
from maze.storage.levels import level_from_data, save_level
from maze.storage.log import safe_name
from maze.ui import theme
from maze.ui.app import App, Push, Quit, Scene, Transition
from maze.ui.layout import Layout, compute
from maze.ui.scenes.render import draw_board_static
from maze.ui.screens import Question, QuitProgram
from maze.ui.text import AXIS, TextCache
from maze.ui.widgets import Button, Choice, Stepper, TextField, Widget, readable

SOURCE = "level"


class BoardWidget(Widget):
    """The grid as a focusable field: a square cursor for the keyboard."""

    def __init__(self) -> None:
        super().__init__(N_("Board"))
        self.cursor = Square(0, 0)


class EditorScene(Scene):
    def __init__(self, app: App, level: Level | None, folder: Path,
                 target: Path | None = None) -> None:
        super().__init__(app)
        level = level or Level(_("My level"), 6, 9, ("A1",), "classic")
        self.folder = folder
        self.target = target                      # a user level being edited, saved in place
        self.name = TextField(N_("Name"), level.name, N_("the level's name"), limit=80)
        self.cols = Stepper(N_("Columns"), list(range(MIN_COLS, MAX_COLS + 1)), level.cols, integer)
        self.rows = Stepper(N_("Rows"), list(range(MIN_ROWS, MAX_ROWS + 1)), level.rows, integer)
        self.preset = Choice(N_("Preset"), [(p, PRESET_WORDS.get(p, p)) for p in PRESETS],
                             level.preset)
        rules = level.rules
        diagonals = rules.get("diagonals")
        self.diagonals = Choice(N_("Diagonals"), [("", N_("preset's")), ("on", N_("on")),
                                                  ("off", N_("off"))],
                                "" if diagonals is None else ("on" if diagonals else "off"))
        self.retreat = Choice(N_("Retreat"), [("", N_("as preset")), ("auto", N_("auto")),
                                              ("manual", N_("manual"))], rules.get("retreat", ""))
        minutes = int(rules.get("time_limit", 0) // 60)
        self.time_limit = Stepper(N_("Time"), list(range(0, 61)), minutes,
                                  lambda v: _("{n} min").format(n=integer(v)), zero=N_("as preset"))
        after = level.curveball.after_crossings if level.curveball else None
        self.after = Stepper(
            N_("Curveball"), list(range(0, 21)), after or 0,
            lambda v: n_("after {n} execution crossings", "after {n} execution crossings",
                         v).format(n=integer(v)),
            # Translators: Ctrl+K are keys on the keyboard
            zero=N_("only by Ctrl+K"))
        self.drawing = Choice(N_("Drawing"), [("path", N_("the path")),
                                              ("alternate", N_("curveball path"))], "path")
        self.difficulty = Choice(N_("Generate"), [("easy", N_("easy")), ("normal", N_("normal")),
                                                  ("hard", N_("hard"))], "normal")
        self.seed = TextField(N_("Seed"), "", N_("seed"), limit=9, allowed=str.isdigit)
        self.board = BoardWidget()
        self.buttons = [Button(N_("New path"), self.generate, theme.LEARNING),
                        Button(N_("Undo"), self.undo, theme.SQUARE_EDGE),
                        Button(N_("Clear"), self.clear, theme.SQUARE_EDGE),
                        # Translators: Ctrl+S are keys on the keyboard
                        Button(N_("Save (Ctrl+S)"), self.save)]
        self.widgets: list[Widget] = [self.board, self.name, self.cols, self.rows, self.preset,
                                      self.diagonals, self.retreat, self.time_limit, self.after,
                                      self.drawing, self.difficulty, self.seed, *self.buttons]
        self.focus = 0
        self.paths: dict[str, list[Square]] = {
            "path": list(parse_path(level.path)),
            "alternate": list(parse_path(level.curveball.path))
            if level.curveball and level.curveball.path else []}
        self.message = ""
        self.saved_to: Path | None = None
        self.unsaved = False
        self._layout: Layout | None = None
        self._static: pygame.Surface | None = None
        self._static_key: tuple[int, ...] = ()
        pygame.key.start_text_input()

    # ----------------------------------------------------------------- the level being made
    @property
    def current(self) -> list[Square]:
        return self.paths[self.drawing.value]

    def overrides(self) -> dict[str, Any]:
        rules: dict[str, Any] = {}
        if self.diagonals.value:
            rules["diagonals"] = self.diagonals.value == "on"
        if self.retreat.value:
            rules["retreat"] = self.retreat.value
        if self.time_limit.number:
            rules["time_limit"] = float(self.time_limit.number * 60)
        return rules

    def diagonals_on(self) -> bool:
        if self.diagonals.value:
            return self.diagonals.value == "on"
        return PRESETS[self.preset.value].diagonals

    def data(self) -> dict[str, Any]:
        """The level as it would be written, for the same checks as `maze check`."""
        out: dict[str, Any] = {"format": "maze-level", "version": 1,
                               "name": self.name.value.strip(), "cols": self.cols.number,
                               "rows": self.rows.number, "preset": self.preset.value,
                               "path": path_names(self.paths["path"])}
        if self.overrides():
            out["rules"] = self.overrides()
        curveball: dict[str, Any] = {}
        if self.paths["alternate"]:
            curveball["path"] = path_names(self.paths["alternate"])
        if self.after.number:
            curveball["after_crossings"] = self.after.number
        if curveball:
            out["curveball"] = curveball
        return out

    def problems(self) -> list[str]:
        """What is wrong with the level as drawn, in the words of the editor: the file's
        checks name fields ("path[3]", counted from 0), the editor names squares ("square 4
        of the path")."""
        try:
            level_from_data(self.data(), SOURCE)
        except DataError as exc:
            return [_as_drawn(p.removeprefix(f"{SOURCE}: ")) for p in exc.problems]
        return []

    def level(self) -> Level:
        return level_from_data(self.data(), SOURCE)

    # ----------------------------------------------------------------- editing
    def toggle(self, square: Square) -> None:
        """Add a square to the path being drawn; the last square again takes it back."""
        path = self.current
        if path and path[-1] == square:
            path.pop()
        else:
            path.append(square)
        self.changed()

    def undo(self) -> None:
        if self.current:
            self.current.pop()
            self.changed()

    def clear(self) -> None:
        self.current.clear()
        self.changed()

    def generate(self) -> None:
        seed = int(self.seed.value) if self.seed.value else random.SystemRandom().randrange(10**6)
        self.seed.value = str(seed)
        board = Board(self.cols.number, self.rows.number, self.diagonals_on())
        rng = random.Random(seed)
        if self.drawing.value == "alternate" and self.paths["path"]:
            derived = derive_path(board, self.paths["path"], rng, self.difficulty.value)  # type: ignore[arg-type]
            if derived is None:
                self.message = _("No other path from the same start on this board")
                return
            self.paths["alternate"] = list(derived)
        else:
            self.paths["path"] = list(generate_path(board, rng, self.difficulty.value))  # type: ignore[arg-type]
        self.changed()

    def resize(self) -> None:
        board = Board(self.cols.number, self.rows.number)
        for key in self.paths:
            self.paths[key] = [sq for sq in self.paths[key] if sq in board]
        self.board.cursor = Square(min(self.board.cursor.col, board.cols - 1),
                                   min(self.board.cursor.row, board.rows - 1))
        self.changed()

    def changed(self) -> None:
        self.unsaved = True
        self.message = ""
        self.dirty = True

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.message = _("Not saved: {problem}").format(problem=problems[0])
            return
        level = self.level()
        target = self.target or self.folder / f"{safe_name(level.name, 60)}.json"
        try:
            self.saved_to = save_level(level, target)
        except OSError as exc:
            self.message = _("Not saved: {file}: {reason}").format(file=target,
                                                                   reason=exc.strerror or exc)
            return
        self.target = target
        self.unsaved = False
        self.message = _("Saved to {file}").format(file=target)

    # ----------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        self.dirty = True
        widget = self.widgets[self.focus]
        if event.type == pygame.KEYDOWN:
            ctrl = event.mod & pygame.KMOD_CTRL
            if ctrl and event.key == pygame.K_z:
                self.undo()
            elif ctrl and event.key == pygame.K_s:
                self.save()
            elif ctrl and event.key == pygame.K_q:
                if self.unsaved:
                    return Push(Question(_("Quit without saving?"), _("quit, lose the changes"),
                                         _("keep editing"), lambda: Quit()))
                return Push(QuitProgram())
            elif event.key == pygame.K_ESCAPE:       # never quits: say how
                self.message = _("Ctrl+S saves; Ctrl+Q quits (Esc never does)")
            elif event.key == pygame.K_TAB:
                step = -1 if event.mod & pygame.KMOD_SHIFT else 1
                self.focus = (self.focus + step) % len(self.widgets)
            elif widget is self.board:
                self._board_key(event)
            elif isinstance(widget, Button) and event.key in (pygame.K_RETURN, pygame.K_SPACE):
                widget.action()
            else:
                before = (self.cols.number, self.rows.number)
                if widget.handle(event):
                    if (self.cols.number, self.rows.number) != before:
                        self.resize()
                    elif widget is not self.drawing:
                        self.changed()
        elif event.type == pygame.TEXTINPUT and isinstance(widget, TextField):
            widget.handle(event)
            self.changed()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        return None

    def _board_key(self, event: pygame.event.Event) -> None:
        moves = {pygame.K_UP: (0, 1), pygame.K_DOWN: (0, -1), pygame.K_LEFT: (-1, 0),
                 pygame.K_RIGHT: (1, 0)}
        if event.key in moves:
            dc, dr = moves[event.key]
            c = min(max(0, self.board.cursor.col + dc), self.cols.number - 1)
            r = min(max(0, self.board.cursor.row + dr), self.rows.number - 1)
            self.board.cursor = Square(c, r)
        elif event.key in (pygame.K_SPACE, pygame.K_RETURN):
            self.toggle(self.board.cursor)
        elif event.key == pygame.K_BACKSPACE:
            self.undo()

    def _click(self, pos: tuple[int, int]) -> None:
        layout = self.layout()
        square = layout.square_at(pos)
        if square is not None and square.row >= 0:
            self.focus = 0
            self.board.cursor = square
            self.toggle(square)
            return
        for index, widget in enumerate(self.widgets):
            if widget is not self.board and widget.rect.collidepoint(pos):
                self.focus = index
                before = (self.cols.number, self.rows.number)
                widget.click(pos)
                if (self.cols.number, self.rows.number) != before:
                    self.resize()
                elif isinstance(widget, Choice) and widget is not self.drawing:
                    self.changed()
                return

    # ----------------------------------------------------------------- drawing
    def layout(self) -> Layout:
        w, h = self.app.size
        panel = min(round(0.5 * w), max(round(0.62 * h), 320))
        layout = compute(w - panel, h, self.cols.number, self.rows.number, hud=False)
        self._panel = pygame.Rect(w - panel, 0, panel, h)
        self.board.rect = layout.grid
        return layout

    def resized(self) -> None:
        self._static = None
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        text = self.app.text
        layout = self.layout()
        key = (layout.width, layout.height, self.cols.number, self.rows.number)
        if self._static is None or key != self._static_key:
            self._static = draw_board_static(text, layout, self.cols.number, room=False)
            self._static_key = key
        surface.fill(theme.BACKGROUND)
        surface.blit(self._static, (0, 0))
        gap = max(1, layout.square // 16)
        number_h = max(8, layout.square // 3)
        for key_name, color in (("alternate", theme.SAFE), ("path", theme.PATH)):
            active = key_name == self.drawing.value
            for i, square in enumerate(self.paths[key_name], start=1):
                rect = layout.square_rect(square).inflate(-gap * 3, -gap * 3)
                pygame.draw.rect(surface, color, rect, width=max(2, layout.square // (10 if active else 18)),
                                 border_radius=max(0, layout.square // 8))
                if active:
                    text.draw(surface, str(i), number_h, color, bold=True, role=AXIS,
                              center=rect.center)
        if self.focus == 0:
            pygame.draw.rect(surface, theme.TEXT, layout.square_rect(self.board.cursor),
                             width=max(2, layout.square // 14))
        self._draw_panel(surface, layout)

    def _draw_panel(self, surface: pygame.Surface, layout: Layout) -> None:
        text = self.app.text
        panel = self._panel
        surface.fill(theme.PANEL, panel)
        h = surface.get_height()
        unit = max(10, round(0.03 * h))
        field_h = round(unit * 1.45)
        gap = max(4, unit // 3)
        x, width = panel.x + unit, panel.width - 2 * unit
        y = unit
        text.draw(surface, _("Level editor"), round(unit * 1.3), theme.TOKEN, bold=True, topleft=(x, y))
        y += round(unit * 2)
        rows: list[list[Widget]] = [
            [self.name], [self.cols, self.rows], [self.preset, self.diagonals],
            [self.retreat, self.time_limit], [self.after], [self.drawing],
            [self.difficulty, self.seed], [self.buttons[0], self.buttons[1]],
            [self.buttons[2], self.buttons[3]]]
        size = round(unit * 0.85)
        for row in rows:
            for placed, widths in _share(row, text, size, readable(surface), width, gap):
                left = x
                for widget, each in zip(placed, widths, strict=True):
                    widget.rect = pygame.Rect(left, y, each, field_h)
                    left += each + gap
                y += field_h + gap
        for index, widget in enumerate(self.widgets):
            if widget is not self.board:
                widget.draw(surface, text, index == self.focus, size)
        y += gap
        problems = self.problems()
        lines = [(self.message, theme.WARNING)] if self.message else []
        if problems:
            lines += [(p, theme.BEEP) for p in problems]
        else:
            lines.append((_("Valid: ready to save"), theme.EXECUTION))
        n = len(self.current)
        drawing = (n_("Drawing the path: {n} square", "Drawing the path: {n} squares", n)
                   if self.drawing.value == "path" else
                   n_("Drawing curveball path: {n} square", "Drawing curveball path: {n} squares", n))
        lines.append((drawing.format(n=integer(n)), theme.TEXT_DIM))
        small = max(readable(surface), round(unit * 0.8))
        wrapped = [(part, color) for message, color in lines
                   for part in text.wrap(message, small, False, width)]
        room = max(1, (h - small - y) // round(small * 1.2))
        if len(wrapped) > room:       # more problems than lines: the first ones, and a count
            hidden = len(wrapped) - room + 1
            more = n_("and {n} more line: see maze check", "and {n} more lines: see maze check",
                      hidden).format(n=integer(hidden))
            wrapped = wrapped[:room - 1] + [(more, theme.BEEP)]
        for message, color in wrapped:
            text.draw(surface, message, small, color, max_width=width, user=True, topleft=(x, y))
            y += round(small * 1.2)


def _needed(widget: Widget, text: TextCache, size: int, smallest: int) -> int:
    if isinstance(widget, Choice):
        return widget.needed(text, size, smallest)
    if isinstance(widget, Button):
        return widget.needed(text, size)
    return 0


def _share(row: list[Widget], text: TextCache, size: int, smallest: int, width: int,
           gap: int) -> list[tuple[list[Widget], list[int]]]:
    """A row of the panel: its widgets side by side in equal parts when their words fit, in
    parts as their words need when that fits, else one under the other."""
    each = (width - gap * (len(row) - 1)) // len(row)
    needs = [_needed(widget, text, size, smallest) for widget in row]
    if all(need <= each for need in needs):
        return [(row, [each] * len(row))]
    if sum(needs) + gap * (len(row) - 1) <= width:
        spare = width - gap * (len(row) - 1) - sum(needs)
        widths = [need + spare // len(row) for need in needs]
        widths[-1] = width - gap * (len(row) - 1) - sum(widths[:-1])
        return [(row, widths)]
    return [([widget], [width]) for widget in row]


def _as_drawn(problem: str) -> str:
    """A level file's problem said of the board being drawn: its fields named as squares."""
    import re

    def square(match: re.Match[str]) -> str:
        n = int(match.group(2)) + 1
        if match.group(1):
            return _("square {n} of the new path").format(n=n)
        return _("square {n} of the path").format(n=n)
    problem = re.sub(r"\b(curveball\.)?path\[(\d+)\]", square, problem)
    if problem.startswith("curveball.path "):
        return _("the new path") + problem[len("curveball.path"):]
    if problem.startswith("path "):
        return _("the path") + problem[len("path"):]
    return problem
