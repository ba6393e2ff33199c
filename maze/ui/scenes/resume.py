"""The resume list (from the setup screen): the interrupted sessions in the log folder, newest
first. Up/Down choose, Enter (or a click) carries the chosen one on; Esc goes back."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import pygame

from maze.analysis.text import minutes
from maze.lang import _, date_time, integer, n_
from maze.storage.log import Unfinished
from maze.ui import theme
from maze.ui.app import App, Replace, Scene, Transition
from maze.ui.widgets import draw_fitted, draw_frame, readable, scroll_first

ResumeSession = Callable[[Path], Scene]        # may raise ValueError with a message


def _when(modified: float, now: float) -> str:
    ago = max(0.0, now - modified)
    if ago < 90:
        return _("just now")
    if ago < 90 * 60:
        # Translators: how long ago a log was last written; min is minutes
        return _("{n} min ago").format(n=integer(round(ago / 60)))
    if ago < 36 * 3600:
        # Translators: how long ago a log was last written; h is hours
        return _("{n} h ago").format(n=integer(round(ago / 3600)))
    return date_time(datetime.fromtimestamp(modified))


def _started(iso: str) -> str:
    """When the session started, as its log says (its own clock's date and time)."""
    try:
        return date_time(datetime.fromisoformat(iso))
    except ValueError:
        return iso[:16].replace("T", " ")


def describe(entry: Unfinished, now: float) -> tuple[str, str]:
    """The two lines of a row: who and what; where it stopped and when."""
    return (n_("{team}: {level}, {n} player", "{team}: {level}, {n} players", entry.players).format(
                team=entry.team, level=entry.level, n=integer(entry.players)),
            _("started {start}; stopped at {stop} of {limit}; last written {when}").format(
                start=_started(entry.started_at), stop=minutes(entry.stopped_at),
                limit=minutes(entry.time_limit), when=_when(entry.modified, now)))


class ResumeScene(Scene):
    def __init__(self, app: App, entries: Sequence[Unfinished], resume: ResumeSession,
                 back: Scene) -> None:
        super().__init__(app)
        self.entries = list(entries)
        self.resume = resume
        self.back = back
        self.selected = 0
        self.first = 0
        self.error = ""
        self._rows: list[tuple[int, pygame.Rect]] = []

    def _choose(self, index: int) -> Transition | None:
        try:
            scene = self.resume(self.entries[index].path)
        except ValueError as exc:
            self.error = str(exc).splitlines()[0]
            self.dirty = True
            return None
        return Replace(scene)

    def _back(self) -> Transition:
        pygame.key.start_text_input()        # the setup screen takes typing again
        self.back.dirty = True
        return Replace(self.back)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        self.dirty = True
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return self._back()
            if event.key in (pygame.K_UP, pygame.K_DOWN) and self.entries:
                step = -1 if event.key == pygame.K_UP else 1
                self.selected = min(max(0, self.selected + step), len(self.entries) - 1)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.entries:
                return self._choose(self.selected)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for index, row in self._rows:
                if row.collidepoint(event.pos):
                    self.selected = index
                    return self._choose(index)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        text = self.app.text
        w, h = surface.get_size()
        unit = max(10, round(0.034 * h))
        small = max(readable(surface), round(unit * 0.75))
        margin = round(0.04 * w)
        width = w - 2 * margin
        draw_fitted(surface, text, _("Resume an interrupted session"), round(unit * 1.5),
                    theme.TOKEN, width, bold=True, topleft=(margin, margin))
        y = margin + round(unit * 2.2)
        hint = _("Up/Down choose; Enter, or a click, carries it on (the clock goes on from "
                 "where the log stops); Esc goes back")
        for line in text.wrap(hint, small, False, width):
            text.draw(surface, line, small, theme.TEXT_DIM, max_width=width, topleft=(margin, y))
            y += round(small * 1.15)
        box = pygame.Rect(margin, y + small // 2, width, h - margin - round(unit * 1.6) - y)
        draw_frame(surface, box, True, unit)
        row_h = round(unit * 1.3 + small * 1.4)
        room = max(1, (box.height - 6) // row_h)
        self.first = scroll_first(self.first, self.selected, room)
        self._rows = []
        now = time.time()
        if not self.entries:
            text.draw(surface, _("No interrupted sessions in the log folder."), unit,
                      theme.TEXT_DIM, topleft=(box.x + unit, box.y + unit // 2))
        for slot, index in enumerate(range(self.first, min(len(self.entries), self.first + room))):
            row = pygame.Rect(box.x + 3, box.y + 3 + slot * row_h, box.width - 6, row_h)
            self._rows.append((index, row))
            chosen = index == self.selected
            if chosen:
                pygame.draw.rect(surface, theme.STRIP, row)
            top, bottom = describe(self.entries[index], now)
            draw_fitted(surface, text, top, unit, theme.TEXT if chosen else theme.TEXT_DIM,
                        row.width - unit, bold=chosen, user=True,
                        topleft=(row.x + unit // 2, row.y + unit // 5))
            draw_fitted(surface, text, bottom, small, theme.TEXT_DIM, row.width - unit,
                        topleft=(row.x + unit // 2, row.y + round(unit * 1.3)))
        if self.error:
            draw_fitted(surface, text, self.error, round(unit * 0.8), theme.BEEP, width,
                        user=True, topleft=(margin, h - margin - unit))
