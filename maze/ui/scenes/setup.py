"""The setup screen (plain `maze`): team, players, level, rules, then Start.

Keyboard: Tab / Shift+Tab move between fields; type names; Enter in "Add a player" adds one;
in the roster, Up/Down choose, Alt+Up/Alt+Down move, Delete removes; Left/Right change a choice;
Enter elsewhere starts. The mouse works on everything. The setup is remembered, with the
language of the screens (a control under the team's name: its words change at once).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from maze.analysis.rules_text import rules_summary
from maze.core.board import Board
from maze.core.level import BUILTIN_WORDS, Level
from maze.core.path import generate_path, path_names
from maze.core.rules import PRESET_WORDS, PRESETS
from maze.core.session import MAX_PLAYERS
from maze.lang import LANGUAGES, N_, _, builtin, current, integer, n_, use
from maze.storage.levels import LevelEntry
from maze.storage.log import Unfinished
from maze.storage.settings import Settings
from maze.ui import theme
from maze.ui.app import App, Push, Replace, Scene, Transition
from maze.ui.screens import Interrupted, QuitProgram
from maze.ui.text import TextCache
from maze.ui.widgets import (
    Button,
    Choice,
    Stepper,
    TextField,
    Toggle,
    Widget,
    draw_arrow_up,
    draw_cross,
    draw_fitted,
    draw_frame,
    readable,
    scroll_first,
)


@dataclass(frozen=True)
class SetupChoices:
    team: str
    players: tuple[str, ...]
    level: Level
    level_key: str
    preset: str | None
    flags: dict[str, Any]
    sound: bool
    settings: Settings
    display: int = 0                  # SDL's index of the display the board opens on
    room: bool = False                # room play: the board serves the players' phones


StartSession = Callable[[SetupChoices], Scene]      # may raise ValueError with a message
ResumeSession = Callable[[Path], Scene]             # the same, for an interrupted session


class Roster(Widget):
    """The players in turn order: choose with Up/Down, move with Alt+Up/Down, remove with
    Delete; each row also has up, down and remove buttons for the mouse."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(N_("Players"))
        self.names = list(names)[:MAX_PLAYERS]
        self.selected = 0
        self.first = 0
        self.rows: list[tuple[int, pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect]] = []

    def move(self, delta: int) -> None:
        i, j = self.selected, self.selected + delta
        if 0 <= i < len(self.names) and 0 <= j < len(self.names):
            self.names[i], self.names[j] = self.names[j], self.names[i]
            self.selected = j

    def remove(self, index: int | None = None) -> None:
        index = self.selected if index is None else index
        if 0 <= index < len(self.names):
            del self.names[index]
            self.selected = min(self.selected, max(0, len(self.names) - 1))

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type != pygame.KEYDOWN or not self.names:
            return False
        alt = event.mod & pygame.KMOD_ALT
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            delta = -1 if event.key == pygame.K_UP else 1
            if alt:
                self.move(delta)
            else:
                self.selected = min(max(0, self.selected + delta), len(self.names) - 1)
            return True
        if event.key in (pygame.K_DELETE, pygame.K_BACKSPACE):
            self.remove()
            return True
        return False

    def click(self, pos: tuple[int, int]) -> bool:
        for index, row, up, down, cross in self.rows:
            if up.collidepoint(pos):
                self.selected = index
                self.move(-1)
            elif down.collidepoint(pos):
                self.selected = index
                self.move(1)
            elif cross.collidepoint(pos):
                self.remove(index)
            elif row.collidepoint(pos):
                self.selected = index
            else:
                continue
            return True
        return False

    def draw(self, surface: pygame.Surface, text: Any, focused: bool, unit: int) -> None:
        draw_frame(surface, self.rect, focused, unit)
        row_h = round(unit * 1.25)
        room = max(1, self.rect.height // row_h)
        self.first = scroll_first(self.first, self.selected, room)
        self.rows = []
        if not self.names:
            size = max(round(unit * 0.8), readable(surface))
            y = self.rect.y + unit // 3
            for line in text.wrap(_("No players yet: type a name in the box below, then press Enter"),
                                  size, False, self.rect.width - unit):
                text.draw(surface, line, size, theme.TEXT_DIM, max_width=self.rect.width - unit,
                          topleft=(self.rect.x + unit // 2, y))
                y += round(size * 1.15)
            return
        for slot, index in enumerate(range(self.first, min(len(self.names), self.first + room))):
            row = pygame.Rect(self.rect.x + 3, self.rect.y + 3 + slot * row_h, self.rect.width - 6, row_h)
            if index == self.selected:
                pygame.draw.rect(surface, theme.STRIP, row)
            button = row_h - 6
            cross = pygame.Rect(row.right - button - 4, row.y + 3, button, button)
            down = cross.move(-button - 4, 0)
            up = down.move(-button - 4, 0)
            self.rows.append((index, row, up, down, cross))
            # The buttons are drawn on the chosen row only: the others' names use the room.
            room = (up.x if index == self.selected else row.right) - row.x - unit // 2
            # Translators: a player's place in the turn order, then the name: "1. Ana"
            draw_fitted(surface, text, _("{place}. {name}").format(place=integer(index + 1),
                                                                   name=self.names[index]), unit,
                        theme.TEXT if index == self.selected else theme.TEXT_DIM, room, user=True,
                        midleft=(row.x + unit // 3, row.centery))
            if index == self.selected:
                draw_arrow_up(surface, up, theme.TEXT)
                draw_arrow_up(surface, down, theme.TEXT, down=True)
                draw_cross(surface, cross, theme.BEEP)


class LevelList(Widget):
    def __init__(self, entries: list[LevelEntry], key: str) -> None:
        super().__init__(N_("Level"))
        self.entries = entries
        self.selected = next((i for i, e in enumerate(entries) if e.key == key), 0)
        self.first = 0
        self.rows: list[tuple[int, pygame.Rect]] = []

    @property
    def entry(self) -> LevelEntry | None:
        return self.entries[self.selected] if self.entries else None

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_UP, pygame.K_DOWN) and self.entries:
            delta = -1 if event.key == pygame.K_UP else 1
            self.selected = min(max(0, self.selected + delta), len(self.entries) - 1)
            return True
        return False

    def click(self, pos: tuple[int, int]) -> bool:
        for index, row in self.rows:
            if row.collidepoint(pos):
                self.selected = index
                return True
        return False

    def draw(self, surface: pygame.Surface, text: Any, focused: bool, unit: int) -> None:
        draw_frame(surface, self.rect, focused, unit)
        row_h = round(unit * 1.2)
        room = max(1, self.rect.height // row_h)
        self.first = scroll_first(self.first, self.selected, room)
        self.rows = []
        shown = range(self.first, min(len(self.entries), self.first + room))
        above, below = self.first, len(self.entries) - shown.stop
        for slot, index in enumerate(shown):
            entry = self.entries[index]
            row = pygame.Rect(self.rect.x + 3, self.rect.y + 3 + slot * row_h, self.rect.width - 6, row_h)
            self.rows.append((index, row))
            if index == self.selected:
                pygame.draw.rect(surface, theme.STRIP, row)
            name_w = row.width - unit
            # The levels out of view, counted at the list's ends (scrolled with Up and Down).
            if below and index == shown.stop - 1:
                name_w -= _more(surface, text, row, below, True, unit)
            elif above and slot == 0:
                name_w -= _more(surface, text, row, above, False, unit)
            assert entry.level is not None
            tag = {"user": _("{level}  (yours)"), "generated": _("{level}  (new)")}.get(
                entry.origin, "{level}")
            text.draw(surface, tag.format(level=builtin(entry.level.name, BUILTIN_WORDS)),
                      round(unit * 0.85),
                      theme.TEXT if index == self.selected else theme.TEXT_DIM,
                      max_width=max(1, name_w), midleft=(row.x + unit // 3, row.centery))


def _more(surface: pygame.Surface, text: TextCache, row: pygame.Rect, n: int, down: bool,
          unit: int) -> int:
    """How many rows of a list are out of view, above or below, with an arrow, at the right
    end of ``row``: the width it takes."""
    size = max(readable(surface), round(unit * 0.7))
    # Translators: rows of a list out of view (an arrow up or down is drawn before it)
    words = n_("{n} more", "{n} more", n).format(n=integer(n))
    drawn = text.draw(surface, words, size, theme.TEXT_DIM,
                      midright=(row.right - unit // 3, row.centery))
    arrow = pygame.Rect(0, 0, size, size)
    arrow.midright = (drawn.x - size // 4, row.centery)
    draw_arrow_up(surface, arrow, theme.TEXT_DIM, down=down)
    return row.right - arrow.x + unit // 3


def _digits(c: str) -> bool:
    return c.isdigit()


class SetupScene(Scene):
    def __init__(self, app: App, levels: Sequence[LevelEntry], start: StartSession,
                 settings: Settings | None = None, notice: str | None = None,
                 new_team: bool = False, unfinished: Sequence[Unfinished] = (),
                 resume: ResumeSession | None = None) -> None:
        super().__init__(app)
        self.unfinished = list(unfinished)
        self.resume = resume
        s = settings or Settings()
        self.start = start
        self.settings = s
        self.error = notice or ""
        entries = [e for e in levels if e.level is not None]
        self.team = TextField(N_("Team"), "" if new_team else s.team, N_("the team's name"), limit=60)
        self.roster = Roster([] if new_team else s.players)
        self.add = TextField(N_("Add a player"), "", N_("add a player, then Enter"), limit=60)
        self.levels = LevelList(entries, s.level)
        self.difficulty = Choice(N_("New level"), [("easy", N_("easy")), ("normal", N_("normal")),
                                                   ("hard", N_("hard"))], s.difficulty)
        self.seed = TextField(N_("Seed"), s.seed, N_("seed"), limit=9, allowed=_digits)
        self.generate = Button(N_("Generate"), self._generate, theme.LEARNING)
        self.preset = Choice(N_("Preset"), [("", N_("the level's"))] + [(p, _preset(p)) for p in PRESETS],
                             s.preset)
        self.retreat = Choice(N_("Retreat"), [("", N_("as preset")), ("auto", N_("auto")),
                                              ("manual", N_("manual"))], s.retreat)
        self.planning = Stepper(N_("Planning"), list(range(0, 601, 30)), s.planning, _seconds,
                                zero=N_("none"))
        self.time_limit = Stepper(N_("Time"), list(range(0, 61)), s.time_limit, _minutes,
                                  zero=N_("as preset"))
        self.sound = Toggle(N_("Sound"), s.sound)
        self.memory_aid = Toggle(N_("Memory aid"), s.memory_aid)
        self.room = Toggle(N_("Phones"), s.room)       # room play: players move from their phones
        # The language of the screens, each shown in its own words; the room's choice is
        # remembered ("" in the settings: the system's, until someone picks one).
        self.language = Choice(N_("Language"), list(LANGUAGES.items()), current(), data=True)
        self._language_chosen = s.language
        from maze.ui.displays import display_sizes
        sizes = display_sizes()
        self.display = Choice(N_("Board on display"), [(str(i), f"{i} ({w}x{h})")
                                                       for i, (w, h) in enumerate(sizes, start=1)],
                              str(min(max(1, s.display), len(sizes))), data=True)
        # Translators: a button; Enter is the key on the keyboard
        self.start_button = Button(N_("Start (Enter)"), self._start_clicked)
        # Translators: a button; Ctrl+Q are keys on the keyboard
        self.quit_button = Button(N_("Quit: Ctrl+Q"), self._quit_clicked, theme.SQUARE_EDGE)
        count = len(self.unfinished)
        self.resume_button = Button(
            lambda: _("Resume a session ({count})").format(count=integer(count)),
            self._resume_clicked, theme.WARNING)
        self.widgets: list[Widget] = [
            self.team, self.add, self.roster, self.levels, self.difficulty, self.seed,
            self.generate, self.preset, self.retreat, self.planning, self.time_limit,
            self.sound, self.memory_aid, self.room, self.language, self.start_button]
        if len(sizes) > 1:           # a projector plugged in: where does the board go?
            self.widgets.insert(self.widgets.index(self.start_button), self.display)
        if self.unfinished and resume is not None:
            self.widgets.append(self.resume_button)
        self.focus = 0                  # the team's name, top left, where a reader starts
        # The key that opened this screen from the results (N) also arrives as typed text:
        # it is not the first letter of the next team's name.
        self._swallow_text = "n" if new_team else ""
        self._pending: Transition | None = None
        pygame.key.start_text_input()

    # -------------------------------------------------------------------- actions
    def add_player(self) -> None:
        name = " ".join(self.add.value.split())
        if not name:
            return
        if len(self.roster.names) >= MAX_PLAYERS:
            self.error = _("At most {n} players").format(n=integer(MAX_PLAYERS))
            return
        base, k = name, 2
        while name in self.roster.names:
            name, k = f"{base} {k}", k + 1
        self.roster.names.append(name)
        self.roster.selected = len(self.roster.names) - 1
        self.add.value = ""
        # Names must differ (the log tells players apart by name): say so when one is changed.
        self.error = _("{name} is already in the list: added as {new}").format(
            name=base, new=name) if name != base else ""

    def _generate(self) -> None:
        entry = self.levels.entry
        base = entry.level if entry and entry.level else None
        cols, rows = (base.cols, base.rows) if base else (6, 9)
        preset = self.preset.value or (base.preset if base else "classic")
        seed = int(self.seed.value) if self.seed.value else random.SystemRandom().randrange(10**6)
        self.seed.value = str(seed)
        difficulty = self.difficulty.value
        path = generate_path(Board(cols, rows, PRESETS[preset].diagonals), random.Random(seed),
                             difficulty)  # type: ignore[arg-type]
        level = Level(_("Generated {cols}x{rows} ({difficulty}, seed {seed})").format(
            cols=cols, rows=rows, difficulty=_(difficulty), seed=seed), cols, rows,
                      tuple(path_names(path)), preset)
        new = LevelEntry(f"generated-{cols}x{rows}-{difficulty}-{seed}", base_path(entry), "generated", level)
        self.levels.entries.insert(0, new)
        self.levels.selected = 0
        self.error = ""

    def _start_clicked(self) -> None:
        self._pending = self._start()

    def _resume_clicked(self) -> None:
        assert self.resume is not None
        pygame.key.stop_text_input()
        self._pending = Replace(Interrupted(self.unfinished, self.resume, self))

    def choices(self) -> SetupChoices:
        entry = self.levels.entry
        if entry is None or entry.level is None:
            raise ValueError(_("No level to play"))
        if self.add.value.strip():
            self.add_player()
        if not self.roster.names:
            raise ValueError(_("Add at least one player"))
        flags: dict[str, Any] = {}
        if self.retreat.value:
            flags["retreat"] = self.retreat.value
        if self.planning.number:
            flags["planning"] = float(self.planning.number)
        if self.time_limit.number:
            flags["time_limit"] = float(self.time_limit.number * 60)
        if self.memory_aid.on:
            flags["memory_aid"] = True
        settings = Settings(
            team=self.team.value.strip(), players=list(self.roster.names),
            level=entry.key if entry.origin != "generated" else self.settings.level,
            preset=self.preset.value, retreat=self.retreat.value, planning=self.planning.number,
            time_limit=self.time_limit.number, sound=self.sound.on,
            memory_aid=self.memory_aid.on, room=self.room.on, difficulty=self.difficulty.value,
            seed=self.seed.value, language=self._language_chosen,
            # One display today: the projector remembered from last time stays remembered.
            display=int(self.display.value) if self.display in self.widgets else self.settings.display)
        return SetupChoices(self.team.value.strip() or _("Team"), tuple(self.roster.names),
                            entry.level, entry.key, self.preset.value or None, flags,
                            self.sound.on, settings, int(self.display.value) - 1,
                            self.room.on)

    def _start(self) -> Transition | None:
        try:
            scene = self.start(self.choices())
        except ValueError as exc:
            self.error = str(exc)
            return None
        pygame.key.stop_text_input()
        return Replace(scene)

    # -------------------------------------------------------------------- input
    def handle(self, event: pygame.event.Event) -> Transition | None:
        self.dirty = True
        if event.type == pygame.KEYDOWN:
            self._swallow_text = ""
            return self._key(event)
        if event.type == pygame.TEXTINPUT:
            self._typed(event)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._click(event.pos)
        return self._take_pending()

    def _key(self, event: pygame.event.Event) -> Transition | None:
        widget = self.widgets[self.focus]
        if event.key == pygame.K_q and event.mod & pygame.KMOD_CTRL:
            self._quit_clicked()
        elif event.key == pygame.K_ESCAPE:          # never quits: say how
            self.error = _("Ctrl+Q quits (Esc never does)")
        elif event.key == pygame.K_TAB:
            step = -1 if event.mod & pygame.KMOD_SHIFT else 1
            self.focus = (self.focus + step) % len(self.widgets)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._enter(widget)
        else:
            widget.handle(event)
            self._speak_chosen()
        return self._take_pending()

    def _speak_chosen(self) -> None:
        """The language control changed: every word of this screen in it, at once."""
        if self.language.value != current():
            use(self.language.value)
            self._language_chosen = self.language.value

    def _enter(self, widget: Widget) -> Transition | None:
        """Enter: adds the name being typed, generates, resumes, or starts the session."""
        if widget is self.add and self.add.value.strip():
            self.add_player()
        elif widget is self.generate:
            self._generate()
        elif widget is self.resume_button:
            self._resume_clicked()
        else:
            return self._start()
        return self._take_pending()

    def _typed(self, event: pygame.event.Event) -> None:
        swallow, self._swallow_text = self._swallow_text, ""
        if swallow and event.text.lower() == swallow:
            return
        widget = self.widgets[self.focus]
        if widget is self.roster:           # typing on the list means a new name
            self.focus = self.widgets.index(self.add)
            widget = self.add
        widget.handle(event)

    def _click(self, pos: tuple[int, int]) -> None:
        # Quit is a click (or Ctrl+Q), never a focus Tab and Enter can reach.
        if self.quit_button.rect.collidepoint(pos):
            self._quit_clicked()
            return
        for index, candidate in enumerate(self.widgets):
            if candidate.rect.collidepoint(pos):
                self.focus = index
                candidate.click(pos)
                self._speak_chosen()
                break

    def _quit_clicked(self) -> None:
        self._pending = Push(QuitProgram())

    def _take_pending(self) -> Transition | None:
        pending, self._pending = self._pending, None
        return pending

    # -------------------------------------------------------------------- drawing
    def _place(self, w: int, h: int, unit: int, text: TextCache, smallest: int) -> None:
        margin = round(0.04 * w)
        gap = round(unit * 0.5)
        field_h = round(unit * 1.5)
        title_h = round(unit * 2.2)
        # The right column holds the level and the rules: it gets the larger share.
        col_w = round((w - 3 * margin) * 0.42)
        right_w = w - 3 * margin - col_w
        left, right = margin, 2 * margin + col_w
        y = margin + title_h
        label_h = round(unit * 1.0)
        self.team.rect = pygame.Rect(left, y + label_h, col_w, field_h)
        # The language under the team's name: the whole column's width, for the longest
        # language's own name ("Português (Brasil)").
        self.language.rect = pygame.Rect(left, self.team.rect.bottom + gap, col_w, field_h)
        roster_top = self.language.rect.bottom + gap + label_h
        bottom = h - margin - field_h - gap
        self.add.rect = pygame.Rect(left, bottom - field_h, col_w, field_h)
        self.roster.rect = pygame.Rect(left, roster_top, col_w, self.add.rect.y - gap - roster_top)
        # The buttons take the width their labels need (Start may give up width to Quit).
        quit_w = min(col_w * 3 // 5, max(min(col_w * 2 // 5, round(unit * 6.5)),
                                         self.quit_button.needed(text, round(unit * 0.9))))
        start_w = min(col_w - quit_w - gap,
                      max(min(col_w, round(unit * 8)), self.start_button.needed(text, unit)))
        self.start_button.rect = pygame.Rect(left, h - margin - field_h, start_w, field_h)
        self.quit_button.rect = pygame.Rect(left + col_w - quit_w, h - margin - field_h, quit_w,
                                            field_h)
        resume_w = min(col_w, round(unit * 11))
        self.resume_button.rect = pygame.Rect(w - margin - resume_w, margin, resume_w,
                                              round(unit * 1.5))
        # Right column: level list, preview line, generator, options.
        options = [self.preset, self.retreat, self.planning, self.time_limit, self.sound,
                   self.memory_aid, self.room]
        options += [self.display] if self.display in self.widgets else []
        half = (right_w - gap) // 2
        # A choice whose words do not fit half the column takes the whole width (in order);
        # the others go two to a row.
        rows = _rows(options, [o.needed(text, round(unit * 0.9), smallest) > half for o in options])
        rows_needed = len(rows)
        options_top = h - margin - rows_needed * (field_h + gap) + gap
        generator_top = options_top - field_h - gap * 2
        preview_h = round(unit * 3.1)
        levels_top = y + label_h
        self.levels.rect = pygame.Rect(right, levels_top, right_w,
                                       generator_top - preview_h - gap - levels_top)
        self._preview = pygame.Rect(right, self.levels.rect.bottom + gap // 2, right_w, preview_h)
        third = (right_w - 2 * gap) // 3
        # The generator's row: the new level's difficulty takes the width its words need,
        # the button its label's, the seed the rest (it shrinks its digits if it must).
        generate_w = max(right_w - 2 * gap - (third + third // 2) - (third - third // 4),
                         self.generate.needed(text, unit))
        difficulty_w = max(third + third // 2, self.difficulty.needed(text, round(unit * 0.9), smallest))
        seed_w = max(round(unit * 3), right_w - 2 * gap - generate_w - difficulty_w)
        difficulty_w = right_w - 2 * gap - generate_w - seed_w
        self.difficulty.rect = pygame.Rect(right, generator_top, difficulty_w, field_h)
        self.seed.rect = pygame.Rect(self.difficulty.rect.right + gap, generator_top, seed_w, field_h)
        self.generate.rect = pygame.Rect(self.seed.rect.right + gap, generator_top,
                                         right + right_w - self.seed.rect.right - gap, field_h)
        for row, placed in enumerate(rows):
            for col, widget in enumerate(placed):
                widget.rect = pygame.Rect(right + col * (half + gap), options_top + row * (field_h + gap),
                                          right_w if len(placed) == 1 else half, field_h)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        text = self.app.text
        w, h = surface.get_size()
        unit = max(10, round(0.034 * h))
        self._place(w, h, unit, text, readable(surface))
        margin = round(0.04 * w)
        text.draw(surface, _("New session"), round(unit * 1.5), theme.TOKEN, bold=True,
                  topleft=(margin, margin))
        labelled: list[tuple[Widget, str]] = [
            (self.team, _("Team")),
            (self.roster, _("Players ({n}, in turn order)").format(n=integer(len(self.roster.names)))),
            (self.levels, _("Level"))]
        for field, label in labelled:
            text.draw(surface, label, round(unit * 0.8), theme.TEXT_DIM,
                      topleft=(field.rect.x, field.rect.y - round(unit * 1.0)))
        for index, widget in enumerate(self.widgets):
            size = round(unit * 0.9) if isinstance(widget, Choice) else unit
            widget.draw(surface, text, index == self.focus, size)
        self.quit_button.draw(surface, text, False, round(unit * 0.9))
        entry = self.levels.entry
        if entry is not None and entry.level is not None:
            rules = entry.level.resolve_rules(self.preset.value or None)
            size = max(round(unit * 0.75), readable(surface))
            summary = rules_summary(rules)
            if entry.level.curveball:
                # Translators: the rules of a level, then that its path changes in secret
                summary = _("{rules}, curveball").format(rules=summary)
            n = len(entry.level.path)
            about = builtin(entry.level.description, BUILTIN_WORDS) or n_(
                "{n}-square path", "{n}-square path", n).format(n=integer(n))
            lines = [(line, theme.TEXT) for line in text.wrap(summary, size, False,
                                                               self._preview.width)]
            lines += [(line, theme.TEXT_DIM) for line in text.wrap(about, size, False,
                                                                  self._preview.width)]
            room = max(1, self._preview.height // round(size * 1.1))
            for i, (line, color) in enumerate(lines[:room]):   # a level's own long text: its start
                text.draw(surface, line, size, color, max_width=self._preview.width, user=True,
                          topleft=(self._preview.x, self._preview.y + i * round(size * 1.1)))
        if self.error:       # over the foot of the player list, wrapped whole, never cut
            size = max(readable(surface), round(unit * 0.8))
            box = self.roster.rect.inflate(-8, -8)
            said = text.wrap(self.error, size, True, box.width - size)
            band = pygame.Rect(box.x, 0, box.width, len(said) * round(size * 1.2) + size // 2)
            band.bottom = box.bottom
            surface.fill(theme.BACKGROUND, band)
            text.cover(surface, band, over=True)
            pygame.draw.rect(surface, theme.BEEP, band, width=2)
            y = band.y + size // 4
            for words in said:
                text.draw(surface, words, size, theme.BEEP, bold=True, user=True,
                          max_width=box.width - size, topleft=(band.x + size // 2, y))
                y += round(size * 1.2)


def _rows(widgets: list[Choice], wide: list[bool]) -> list[list[Choice]]:
    """Choices two to a row in order; a wide one alone on its row (and one left without a
    partner before it, or at the end, takes the whole row too)."""
    rows: list[list[Choice]] = []
    pending: list[Choice] = []
    for widget, alone in zip(widgets, wide, strict=True):
        if alone:
            rows += [pending] if pending else []
            rows.append([widget])
            pending = []
        else:
            pending.append(widget)
            if len(pending) == 2:
                rows.append(pending)
                pending = []
    return rows + ([pending] if pending else [])


def _preset(name: str) -> Any:
    """A preset's name in the language in use (the command line's key for one it lacks)."""
    return lambda: _(PRESET_WORDS[name]) if name in PRESET_WORDS else name


def _seconds(value: int) -> str:
    # Translators: planning time on the setup screen; s is seconds
    return _("{n} s").format(n=integer(value))


def _minutes(value: int) -> str:
    # Translators: the time limit on the setup screen
    return _("{n} min").format(n=integer(value))


def base_path(entry: LevelEntry | None) -> Any:
    return entry.path if entry is not None else Path("generated.json")
