"""The results screen at the end of a session: outcome, the three headline scores, the facts."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from maze.analysis.leaderboard import leaderboard
from maze.analysis.scores import score
from maze.analysis.text import minutes, num
from maze.core.events import Event
from maze.core.session import SessionSetup
from maze.storage.log import SessionLog
from maze.ui import theme
from maze.ui.app import App, Quit, Replace, Scene, Transition

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
        self.figures = score(setup, events)
        self.log_path = log.path
        self.board = leaderboard(log.path.parent, setup)

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        if event.key == pygame.K_n and self.app.next_team is not None:
            return Replace(self.app.next_team(self.setup))
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_q):
            return Quit()
        return None

    def headlines(self) -> list[tuple[str, str, str]]:
        """(title, value, detail) for the three scores the debrief is about."""
        f = self.figures
        learn, exe, sw = f["learning"], f["execution"], f["switch"]
        def value(figure: float | None, unit: str, digits: int = 1) -> str:
            return "not reached" if figure is None else f"{figure:.{digits}f}{unit}"

        return [
            ("Learning", value(learn["discoveries_per_minute"], " discoveries/min"),
             f"{learn['discoveries']} discoveries, {learn['repeat_errors']} repeat beeps; "
             f"path found after {minutes(learn['path_found_seconds'])}"),
            ("Execution", value(exe["error_free_speed"], " squares/min"),
             f"{num(exe['crossings'])} crossings, {num(exe['errors'])} errors (error-free speed)"),
            ("Switching", value(sw["score"], " / 100", 0),
             f"lag {num(sw['lag_seconds'], ' s')}, pace {num(sw['pace_ratio'], '', 2)}, "
             f"{num(sw['off_path_steps'])} off-path steps, {len(sw['curveballs'])} curveball(s)"),
        ]

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        text = self.app.text
        w, h = surface.get_size()
        f = self.figures
        unit = max(10, round(0.05 * h))
        x, y, width = round(0.06 * w), round(0.05 * h), round(0.88 * w)
        title = OUTCOME_TEXT.get(f["outcome"], f["outcome"])
        size = text.fitting_height(title, round(unit * 1.5), True, width, smallest=unit)
        surface.blit(text.render(title, size, theme.TOKEN, bold=True, max_width=width), (x, y))
        y += round(size * 1.3)
        penalties = f["penalties"]
        unit_name = "s" if penalties["currency"] == "seconds" else "points"
        facts = (f"{self.setup.team}, {self.setup.level.name}: {minutes(f['seconds'])} played, "
                 f"{penalties['count']} penalties ({penalties['cost']:g} {unit_name})")
        if f["memory_aid_used"]:
            facts += "; memory aid on"
        if f["reveals"]:
            facts += f"; path revealed {f['reveals']}x"
        surface.blit(text.render(facts, round(unit * 0.8), theme.TEXT_DIM, max_width=width), (x, y))
        y += round(unit * 1.6)
        colors = (theme.LEARNING, theme.EXECUTION, theme.PLANNING)
        label_w = max(text.font(unit, True).size(t)[0] for t, _, _ in self.headlines()) + unit
        for (title, value, detail), color in zip(self.headlines(), colors, strict=True):
            surface.blit(text.render(title, unit, color, bold=True), (x, y))
            surface.blit(text.render(value, round(unit * 1.2), theme.TEXT, bold=True,
                                     max_width=width - label_w), (x + label_w, y - unit // 8))
            y += round(unit * 1.35)
            surface.blit(text.render(detail, round(unit * 0.7), theme.TEXT_DIM,
                                     max_width=width - label_w), (x + label_w, y))
            y += round(unit * 1.4)
        small = max(10, round(0.03 * h))
        foot = h - round(small * 3.2)
        self._draw_leaderboard(surface, x, y, width, foot - y - small, small)
        surface.blit(text.render(f"Log: {self.log_path}", small, theme.TEXT_DIM, max_width=width),
                     (x, foot))
        keys = ("N: next team (same level)   " if self.app.next_team else "") + \
            "Enter or Esc: quit   The full figures: maze score LOG"
        surface.blit(text.render(keys, small, theme.TEXT_DIM, max_width=width),
                     (x, foot + round(small * 1.4)))

    def _draw_leaderboard(self, surface: pygame.Surface, x: int, y: int, width: int, height: int,
                          size: int) -> None:
        """Teams on this level (this one highlighted), each score with its rank."""
        rows = self.board
        line = round(size * 1.3)
        room = height // line - 1
        if len(rows) < 2 or room < 2:
            return
        text = self.app.text
        shown = rows[:room]
        if not any(r.session_id == self.setup.session_id for r in shown):
            shown = shown[:-1] + [r for r in rows if r.session_id == self.setup.session_id][:1]
        columns = [x, x + width * 40 // 100, x + width * 60 // 100, x + width * 80 // 100]
        heads = ["Teams on this level", "Learning", "Execution", "Switching"]
        for left, head in zip(columns, heads, strict=True):
            surface.blit(text.render(head, size, theme.TEXT_DIM, bold=True), (left, y))
        y += line
        for row in shown:
            mine = row.session_id == self.setup.session_id
            color = theme.TOKEN if mine else theme.TEXT
            name = f"{row.team}  {row.started_at[:10]}"
            surface.blit(text.render(name, size, color, max_width=columns[1] - x - size), (x, y))
            for left, value, rank in zip(columns[1:], row.scores, row.ranks, strict=True):
                label = "-" if value is None else f"{value:.1f}  #{rank}"
                surface.blit(text.render(label, size, color), (left, y))
            y += line
