"""The results screen at the end of a session: outcome, time, beeps, crossings."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from maze.analysis.summary import summarize
from maze.core.events import Event
from maze.core.session import SessionSetup
from maze.storage.log import SessionLog
from maze.ui import theme
from maze.ui.app import App, Quit, Scene, Transition
from maze.ui.scenes.board import clock_text

OUTCOME_TEXT = {
    "completed": "Everyone crossed!",
    "time_up": "Time is up",
    "ended_by_facilitator": "Ended by the facilitator",
    "budget_spent": "The budget is spent",
    "unfinished": "Unfinished",
}


class ResultsScene(Scene):
    def __init__(self, app: App, setup: SessionSetup, events: Sequence[Event],
                 log: SessionLog) -> None:
        super().__init__(app)
        self.setup = setup
        self.summary = summarize(events, setup.rules)
        self.log_path = log.path

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER,
                                                          pygame.K_ESCAPE):
            return Quit()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        text = self.app.text
        w, h = surface.get_size()
        s = self.summary
        unit = max(10, round(0.05 * h))
        x, y, width = round(0.06 * w), round(0.06 * h), round(0.88 * w)
        title = OUTCOME_TEXT.get(s.outcome, s.outcome)
        size = text.fitting_height(title, round(unit * 1.6), True, width, smallest=unit)
        surface.blit(text.render(title, size, theme.TOKEN, bold=True, max_width=width), (x, y))
        y += round(unit * 2.2)
        surface.blit(text.render(f"{self.setup.team}: {self.setup.level.name}", unit,
                                 theme.TEXT_DIM, max_width=width), (x, y))
        y += round(unit * 1.8)
        found = "not found" if s.path_found_at is None else clock_text(s.path_found_at)
        rows = [
            ("Playing time", clock_text(s.active_seconds)),
            ("Path found after", found),
            ("Beeps", str(s.beeps)),
            ("Crossings", f"{s.crossings} ({s.execution_crossings} in execution)"),
            ("Steps", str(s.steps)),
            ("Penalties", f"{s.penalties} ({s.penalty_cost:g} "
                          f"{'s' if self.setup.rules.currency == 'seconds' else 'points'})"),
        ]
        label_w = max(text.font(unit).size(label)[0] for label, _ in rows) + unit
        for label, value in rows:
            surface.blit(text.render(label, unit, theme.TEXT_DIM), (x, y))
            surface.blit(text.render(value, unit, theme.TEXT, bold=True,
                                     max_width=width - label_w), (x + label_w, y))
            y += round(unit * 1.3)
        small = max(10, round(0.03 * h))
        foot = h - round(small * 3.2)
        surface.blit(text.render(f"Log: {self.log_path}", small, theme.TEXT_DIM, max_width=width),
                     (x, foot))
        surface.blit(text.render("Enter or Esc: quit", small, theme.TEXT_DIM), (x, foot + round(small * 1.4)))
