"""The debrief screen, after a session or for any log (`maze replay LOG --debrief`).

Three pages, for a projector: the scores with the debrief prompts and earlier teams on this
level; the board as a heatmap (beeps, visits or pauses; H switches) with the timeline; the
players and penalties. Left/Right (or Tab, or 1 2 3) change page; R replays the session;
N starts the next team on the same level; Enter or Esc quits."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pygame

from maze.analysis.debrief import heatmap, prompts, timeline
from maze.analysis.leaderboard import leaderboard
from maze.analysis.scores import score
from maze.analysis.text import minutes, num, undone_text
from maze.core.events import Event, PathChanged
from maze.core.session import SessionSetup
from maze.ui import theme
from maze.ui.app import App, Quit, Replace, Scene, Transition
from maze.ui.layout import compute
from maze.ui.scenes.charts import draw_heatmap, draw_timeline
from maze.ui.scenes.render import draw_board_static

OUTCOME_TEXT = {
    "completed": "Everyone crossed!",
    "time_up": "Time is up",
    "ended_by_facilitator": "Ended by the facilitator",
    "budget_spent": "The budget is spent",
    "unfinished": "Unfinished",
}
PAGES = ("Scores", "Board", "Players")
MODES = ("beeps", "visits", "dwell")
MODE_TEXT = {"beeps": "beeps per square", "visits": "steps per square",
             "dwell": "seconds of hesitation before stepping there"}


class DebriefScene(Scene):
    def __init__(self, app: App, setup: SessionSetup, events: Sequence[Event],
                 log_path: Path | None = None) -> None:
        super().__init__(app)
        self.setup = setup
        self.events = list(events)
        self.figures = score(setup, self.events)
        self.prompts = prompts(setup, self.events, self.figures)
        self.cells = heatmap(self.events)
        self.line = timeline(self.events)
        self.paths = [setup.level.path] + [e.path for e in self.events if isinstance(e, PathChanged)]
        self.log_path = log_path
        self.board = leaderboard(log_path.parent, setup) if log_path is not None else []
        self.page = 0
        self.mode = 0

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type != pygame.KEYDOWN:
            return None
        self.dirty = True
        key = event.key
        if key in (pygame.K_RIGHT, pygame.K_TAB, pygame.K_PAGEDOWN):
            self.page = (self.page + 1) % len(PAGES)
        elif key in (pygame.K_LEFT, pygame.K_PAGEUP):
            self.page = (self.page - 1) % len(PAGES)
        elif key in (pygame.K_1, pygame.K_2, pygame.K_3):
            self.page = key - pygame.K_1
        elif key == pygame.K_h:
            self.page, self.mode = 1, (self.mode + 1) % len(MODES)
        elif key == pygame.K_r:
            from maze.ui.scenes.replay import ReplayScene
            return Replace(ReplayScene(self.app, self.setup, self.events, self.log_path))
        elif key == pygame.K_n and self.app.next_team is not None:
            return Replace(self.app.next_team(self.setup))
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_q):
            return Quit()
        return None

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        w, h = surface.get_size()
        unit = max(10, round(0.042 * h))
        (self._draw_scores, self._draw_board, self._draw_players)[self.page](surface, unit)
        text = self.app.text
        small = max(10, round(0.03 * h))
        tabs = "   ".join(f"[{name}]" if i == self.page else name for i, name in enumerate(PAGES))
        keys = "Left/Right: pages   H: heatmap   R: replay   " + \
            ("N: next team   " if self.app.next_team else "") + "Esc: quit"
        surface.blit(text.render(tabs, small, theme.TOKEN, bold=True),
                     (round(0.03 * w), h - round(small * 2.6)))
        image = text.render(keys, small, theme.TEXT_DIM, max_width=w // 2)
        surface.blit(image, image.get_rect(bottomright=(w - round(0.03 * w), h - round(small * 1.5))))

    def headlines(self) -> list[tuple[str, str, str]]:
        f = self.figures
        learn, exe, sw = f.learning, f.execution, f.switch

        def value(figure: float | None, unit: str, digits: int = 1) -> str:
            return "not reached" if figure is None else f"{figure:.{digits}f}{unit}"

        parts = ", ".join(f"{k.replace('curveball_', 'curveball ').replace('_', ' ')} {v:.2f}"
                          for k, v in sw.parts.items())
        return [
            ("Learning", value(learn.discoveries_per_minute, " discoveries/min"),
             f"{learn.discoveries} discoveries, {learn.repeat_errors} repeat beeps; "
             f"path found after {minutes(learn.path_found_seconds)}"),
            ("Execution", value(exe.error_free_speed, " squares/min"),
             f"{num(exe.crossings)} crossings, {num(exe.errors)} errors (error-free speed)"),
            ("Switching", value(sw.score, " / 100", 0),
             f"parts (0 to 1): {parts}" if parts else "no part could be measured"),
        ]

    def _draw_scores(self, surface: pygame.Surface, unit: int) -> None:
        text = self.app.text
        w, h = surface.get_size()
        f = self.figures
        x, y, width = round(0.04 * w), round(0.035 * h), round(0.92 * w)
        title = OUTCOME_TEXT.get(f.outcome, f.outcome)
        size = text.fitting_height(title, round(unit * 1.4), True, width // 2, smallest=unit)
        surface.blit(text.render(title, size, theme.TOKEN, bold=True), (x, y))
        pen = f.penalties
        unit_name = "s" if pen.currency == "seconds" else "points"
        facts = (f"{self.setup.team}, {self.setup.level.name}: {minutes(f.seconds)} played; "
                 f"{pen.count} penalties ({pen.cost:g} {unit_name})")
        if f.memory_aid_used:
            facts += "; memory aid on"
        if f.reveals:
            facts += f"; path revealed {f.reveals}x"
        y += round(size * 1.25)
        surface.blit(text.render(facts, round(unit * 0.75), theme.TEXT_DIM, max_width=width), (x, y))
        y += round(unit * 1.4)
        left_w = round(width * 0.55)
        label_w = max(text.width(t, unit, True) for t, _, _ in self.headlines()) + unit
        for (title_text, value, detail), color in zip(self.headlines(), (theme.LEARNING, theme.EXECUTION,
                                                                         theme.PLANNING), strict=True):
            surface.blit(text.render(title_text, unit, color, bold=True), (x, y))
            surface.blit(text.render(value, round(unit * 1.15), theme.TEXT, bold=True,
                                     max_width=left_w - label_w), (x + label_w, y - unit // 10))
            y += round(unit * 1.3)
            from maze.ui.scenes.render import wrap
            detail_h = round(unit * 0.62)
            for line in wrap(text, detail, detail_h, False, left_w - label_w)[:2]:
                surface.blit(text.render(line, detail_h, theme.TEXT_DIM, max_width=left_w - label_w),
                             (x + label_w, y))
                y += round(detail_h * 1.2)
            y += round(unit * 0.5)
        # Prompts on the right.
        px, py = x + left_w + unit, round(0.035 * h) + round(unit * 2.5)
        pw = width - left_w - unit
        surface.blit(text.render("For the debrief", round(unit * 0.85), theme.TOKEN, bold=True), (px, py))
        py += round(unit * 1.3)
        small = round(unit * 0.68)
        from maze.ui.scenes.render import wrap
        for prompt in self.prompts:
            for i, line in enumerate(wrap(text, prompt, small, False, pw - small)):
                surface.blit(text.render(("• " if i == 0 else "  ") + line, small, theme.TEXT), (px, py))
                py += round(small * 1.2)
            py += small // 2
        self._draw_leaderboard(surface, x, max(y, py) + unit // 2, width,
                               h - round(unit * 2.5) - max(y, py), round(unit * 0.62))

    def _draw_leaderboard(self, surface: pygame.Surface, x: int, y: int, width: int, height: int,
                          size: int) -> None:
        rows = self.board
        line = round(size * 1.3)
        room = height // line - 1
        if len(rows) < 2 or room < 2:
            return
        text = self.app.text
        shown = rows[:room]
        mine = [r for r in rows if r.session_id == self.setup.session_id]
        if mine and mine[0] not in shown:
            shown = shown[:-1] + mine[:1]
        columns = [x, x + width * 40 // 100, x + width * 60 // 100, x + width * 80 // 100]
        for left, head in zip(columns, ("Teams on this level", "Learning", "Execution", "Switching"),
                              strict=True):
            surface.blit(text.render(head, size, theme.TEXT_DIM, bold=True), (left, y))
        y += line
        for row in shown:
            color = theme.TOKEN if row.session_id == self.setup.session_id else theme.TEXT
            surface.blit(text.render(f"{row.team}  {row.started_at[:10]}", size, color,
                                     max_width=columns[1] - x - size), (x, y))
            for left, value, rank in zip(columns[1:], row.scores, row.ranks, strict=True):
                surface.blit(text.render("-" if value is None else f"{value:.1f}  #{rank}", size, color),
                             (left, y))
            y += line

    def _draw_board(self, surface: pygame.Surface, unit: int) -> None:
        text = self.app.text
        w, h = surface.get_size()
        footer = round(max(10, round(0.03 * h)) * 3.0)       # the page tabs and keys
        legend_h = round(unit * 0.55)
        strip = round(h * 0.24)
        level = self.setup.level
        board_h = h - footer - legend_h - strip - round(unit * 0.6)
        board_w = round(w * 0.6)               # the board on the left, its legend beside it
        layout = compute(board_w, board_h, level.cols, level.rows, hud=False)
        surface.blit(draw_board_static(text, layout, level.cols), (0, 0),
                     area=pygame.Rect(0, 0, w, layout.height))
        mode = MODES[self.mode]
        draw_heatmap(surface, text, layout, self.cells, mode, self.paths)
        x = board_w + unit // 2
        changed = "; after a change, dashed blue" if len(self.paths) > 1 else ""
        lines = [(f"Heatmap: {MODE_TEXT[mode]}", theme.TOKEN, True),
                 ("H: beeps, visits, hesitation", theme.TEXT_DIM, False),
                 ("The path in yellow" + changed, theme.PATH, False)]
        y = round(h * 0.06)
        for message, color, bold in lines:
            surface.blit(text.render(message, round(unit * 0.7), color, bold=bold, max_width=w - x - unit),
                         (x, y))
            y += round(unit * 1.1)
        busiest = sorted(self.cells.items(), key=lambda kv: -getattr(kv[1], mode))[:5]
        for name, cell in busiest:
            value = getattr(cell, mode)
            if value:
                shown = f"{value:.0f} s" if mode == "dwell" else str(value)
                surface.blit(text.render(f"{name}: {shown}", round(unit * 0.7), theme.TEXT),
                             (x, y))
                y += round(unit * 0.95)
        rect = pygame.Rect(round(0.02 * w), board_h + round(unit * 0.3), round(0.96 * w), strip)
        draw_timeline(surface, text, rect, self.line, self.setup.roster)
        legend = ("Dots: safe steps (blue new, grey known).  Squares: beeps (orange new, "
                  "red repeat, pink surprise).  Shading: phases.")
        surface.blit(text.render(legend, legend_h, theme.TEXT_DIM, max_width=rect.width),
                     (rect.x, rect.bottom + 2))

    def _draw_players(self, surface: pygame.Surface, unit: int) -> None:
        text = self.app.text
        w, h = surface.get_size()
        x, y = round(0.04 * w), round(0.05 * h)
        surface.blit(text.render("Players", round(unit * 1.2), theme.TOKEN, bold=True), (x, y))
        y += round(unit * 1.8)
        heads = ["Player", "Steps", "Tries", "Crossed", "Found", "Repeats", "Exec. errors",
                 "Pause", "Before new"]
        shares = [0.26, 0.08, 0.08, 0.09, 0.08, 0.09, 0.12, 0.09, 0.11]
        columns = [x]
        for share in shares[:-1]:
            columns.append(columns[-1] + round(share * (w - 2 * x)))
        size = round(unit * 0.72)
        widths = [b - a for a, b in zip(columns, [*columns[1:], w - x], strict=True)]
        head_h = min(text.fitting_height(head, size, True, width - 8, smallest=8)
                     for head, width in zip(heads, widths, strict=True))
        for left, head in zip(columns, heads, strict=True):
            surface.blit(text.render(head, head_h, theme.TEXT_DIM, bold=True), (left, y))
        y += round(size * 1.5)
        players = self.figures.players
        room = max(1, (h - y - round(unit * 4)) // round(size * 1.3))
        for name in list(players)[:room]:
            p = players[name]
            cells = [name, p.steps, p.attempts, p.crossings, p.discoveries, p.repeat_errors,
                     p.execution_errors, num(p.median_dwell, " s"), num(p.median_dwell_new, " s")]
            for i, (left, cell) in enumerate(zip(columns, cells, strict=True)):
                limit = (columns[1] - left - size) if i == 0 else None
                surface.blit(text.render(str(cell), size, theme.TEXT, max_width=limit), (left, y))
            y += round(size * 1.3)
        if len(players) > room:
            surface.blit(text.render(f"... and {len(players) - room} more (maze report shows all)",
                                     size, theme.TEXT_DIM), (x, y))
            y += round(size * 1.3)
        pen = self.figures.penalties
        y += size
        if pen.count:
            kinds = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in pen.by_type.items())
            unit_name = "s" if pen.currency == "seconds" else "points"
            message = f"Penalties: {pen.count} ({pen.cost:g} {unit_name}). {kinds}"
        else:
            message = "No penalties."
        surface.blit(text.render(message, size, theme.WARNING, max_width=w - 2 * x), (x, y))
        undone = self.figures.undone
        if undone:
            y += round(size * 1.6)
            surface.blit(text.render("Undone by the facilitator, not counted:", size,
                                     theme.TEXT_DIM, bold=True, max_width=w - 2 * x), (x, y))
            room = max(1, (h - y - round(unit * 4)) // round(size * 1.3) - 1)
            shown = [undone_text(u) for u in undone[:room]]
            if len(undone) > room:
                shown[-1] = f"... and {len(undone) - room + 1} more (maze report lists all)"
            for line in shown:
                y += round(size * 1.3)
                surface.blit(text.render(line, size, theme.TEXT_DIM, max_width=w - 2 * x), (x, y))
