"""The debrief screen, after a session or for any log (`maze replay LOG --debrief`).

Three pages, for a projector: the scores with the debrief prompts and earlier teams on this
level; the board as a heatmap (beeps, visits or pauses; H switches) with the timeline; the
players and penalties. Left/Right (or Tab, or 1 2 3), or a click on a tab, change page; R
replays the session; N starts the next team on the same level; the buttons at the foot do the
same by mouse, and write the report. Quitting is Ctrl+Q then Enter (or closing the window):
no key a player uses (Esc, Enter, Q) ever quits from here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pygame

from maze.analysis import plain
from maze.analysis.debrief import heatmap, prompts, timeline
from maze.analysis.leaderboard import Entry, when_shown
from maze.analysis.scores import score
from maze.analysis.text import minutes, num, undone_text
from maze.core.events import Event, PathChanged
from maze.core.level import BUILTIN_WORDS
from maze.core.session import SessionSetup
from maze.lang import N_, _, builtin, integer, n_, number
from maze.reporting import leaderboard, write_report
from maze.ui import theme
from maze.ui.app import App, Push, Replace, Scene, Transition
from maze.ui.layout import compute
from maze.ui.scenes.charts import draw_heatmap, draw_legend, draw_timeline, legend_height
from maze.ui.scenes.render import draw_board_static
from maze.ui.screens import NextTeam, QuitProgram, Replay
from maze.ui.text import ROOM, ROOM_SHARE, TextCache
from maze.ui.widgets import draw_fitted, readable

OUTCOME_TEXT = {
    "completed": N_("Everyone crossed!"),
    "time_up": N_("Time is up"),
    "ended_by_facilitator": N_("Ended by the facilitator"),
    "budget_spent": N_("The budget is spent"),
    "unfinished": N_("Unfinished"),
}
PAGES = (N_("Scores"), N_("Board"), N_("Players"), N_("Teams"))
MODES = ("beeps", "visits", "dwell")
MODE_TEXT = {"beeps": N_("beeps per square"), "visits": N_("steps per square"),
             "dwell": N_("seconds of hesitation before stepping there")}
PENALTY_WORDS = {"talking": N_("talking"), "pointing": N_("pointing"),
                 "two_on_board": N_("two on board"), "marking": N_("marking")}


def _cost(cost: float, currency: str) -> str:
    """A penalty's cost: "(30 seconds)", "(2 points)" (the same form for one, in English)."""
    digits = len(f"{cost:g}".partition(".")[2])
    shown = number(cost, digits)
    if currency == "seconds":
        return n_("({cost} seconds)", "({cost} seconds)", round(cost)).format(cost=shown)
    return n_("({cost} points)", "({cost} points)", round(cost)).format(cost=shown)


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
        self.board = (leaderboard(log_path.parent, setup, include_unranked=True)
                      if log_path is not None else [])
        self.page = 0
        self.mode = 0
        self.notice = ""
        self.player_first = 0          # the players page scrolls a long roster
        self._tabs: list[pygame.Rect] = []
        self._footer = (10, 1)             # the buttons' text size and rows (planned each frame)
        self._buttons: list[tuple[pygame.Rect, str]] = []

    def handle(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.MOUSEWHEEL and self.page == 2:
            self.player_first -= 3 * getattr(event, "y", 0)
            self.dirty = True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.dirty = True
            return self._click(event.pos)
        elif event.type == pygame.KEYDOWN:
            self.dirty = True
            if event.key == pygame.K_q and getattr(event, "mod", 0) & pygame.KMOD_CTRL:
                return self._act("quit")
            return self._key(event.key)
        return None

    def _click(self, pos: tuple[int, int]) -> Transition | None:
        for index, rect in enumerate(self._tabs):
            if rect.collidepoint(pos):
                self.page = index
                return None
        for rect, action in self._buttons:
            if rect.collidepoint(pos):
                return self._act(action)
        return None

    # A plain key: a page, a heatmap mode, or an action (none of them quits).
    _PAGE_STEP = {pygame.K_RIGHT: 1, pygame.K_TAB: 1, pygame.K_PAGEDOWN: 1, pygame.K_LEFT: -1,
                  pygame.K_PAGEUP: -1}
    _ACTIONS = {pygame.K_r: "replay", pygame.K_n: "next"}
    _NEVER_QUIT = (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_q)

    def _key(self, key: int) -> Transition | None:
        if key in self._PAGE_STEP:
            self.page = (self.page + self._PAGE_STEP[key]) % len(PAGES)
        elif pygame.K_1 <= key < pygame.K_1 + len(PAGES):
            self.page = key - pygame.K_1
        elif key in (pygame.K_UP, pygame.K_DOWN) and self.page == 2:
            self.player_first += -1 if key == pygame.K_UP else 1
        elif key == pygame.K_h:
            self.page, self.mode = 1, (self.mode + 1) % len(MODES)
        elif key in self._ACTIONS:
            return self._act(self._ACTIONS[key])
        elif key in self._NEVER_QUIT:
            self.notice = _("Ctrl+Q quits (Esc, Enter and Q never do)")
        return None

    def _act(self, action: str) -> Transition | None:
        if action == "replay":
            return Replace(Replay(self.setup, self.events, self.log_path))
        if action == "next" and self.app.offers(NextTeam):
            return Replace(NextTeam(self.setup))
        if action == "report":
            self.notice = self._write_report()
        if action == "quit":
            return Push(QuitProgram())
        return None

    def _write_report(self) -> str:
        """The HTML report of this session, beside its log."""
        if self.log_path is None:
            return _("No log to report on")
        target = self.log_path.with_suffix(".html")
        try:
            write_report([self.log_path], target, single=True)
        except (OSError, ValueError) as exc:
            return _("The report could not be written: {reason}").format(reason=exc)
        return _("Report saved: {file}").format(file=target)

    # ------------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BACKGROUND)
        h = surface.get_height()
        unit = max(10, round(0.042 * h))
        self._plan_footer(surface)
        (self._draw_scores, self._draw_board, self._draw_players,
         self._draw_teams)[self.page](surface, unit)
        self._draw_footer(surface)

    def footer_height(self, h: int) -> int:
        """One row of buttons, or two when the tabs and the actions do not fit side by side at a
        readable size (German and French labels are long)."""
        return round(self._small(h) * (2.6 if self._footer[1] == 1 else 4.6))

    @staticmethod
    def _small(h: int) -> int:
        return max(10, round(0.03 * h))

    def _footer_labels(self) -> tuple[list[tuple[str, str]], list[str]]:
        # Translators: buttons, each with its key on the keyboard
        actions = ([("next", _("Next team: N"))] if self.app.offers(NextTeam) else []) + [
            ("replay", _("Replay: R")), ("report", _("Report")), ("quit", _("Quit: Ctrl+Q"))]
        return actions, [_(page) for page in PAGES] + [label for _action, label in actions]

    def _plan_footer(self, surface: pygame.Surface) -> None:
        """The buttons' text size and the number of rows: the largest size down to the readable
        one at which every button fits on one row; else two rows (tabs, then actions)."""
        text = self.app.text
        w, h = surface.get_size()
        _actions, labels = self._footer_labels()
        margin, gap = round(0.02 * w), max(6, self._small(h) // 2)

        def fits(row: list[str], size: int) -> bool:
            widths = [text.width(label, size, True) + size for label in row]
            return sum(widths) + gap * (len(row) + 1) + 2 * margin <= w

        for rows in ([labels], [labels[:len(PAGES)], labels[len(PAGES):]]):
            for size in range(self._small(h), readable(surface) - 1, -1):
                if all(fits(row, size) for row in rows):
                    self._footer = (size, len(rows))
                    return
        self._footer = (readable(surface), 2)

    def _draw_footer(self, surface: pygame.Surface) -> None:
        """Tabs on the left, actions on the right (or below them): buttons for the mouse, each
        naming its key."""
        text = self.app.text
        w, h = surface.get_size()
        small = self._small(h)
        bar = pygame.Rect(0, h - self.footer_height(h), w, self.footer_height(h))
        surface.fill(theme.PANEL, bar)
        text.cover(surface, bar)
        actions, labels = self._footer_labels()
        margin, gap = round(0.02 * w), max(6, small // 2)
        size, rows = self._footer
        widths = [text.width(label, size, True) + size for label in labels]
        height = round(size * 1.7)
        row_gap = round(size * 0.5)
        top = bar.centery - (rows * height + (rows - 1) * row_gap) // 2
        x, y = margin, top
        self._tabs, self._buttons = [], []
        for i, (label, width) in enumerate(zip(labels, widths, strict=True)):
            if i == len(PAGES):            # the actions from the right edge (of the second row)
                x = w - margin - sum(widths[len(PAGES):]) - gap * (len(actions) - 1)
                y = top + (rows - 1) * (height + row_gap)
            rect = pygame.Rect(x, y, width, height)
            current = i == self.page
            if i < len(PAGES):
                color = theme.TOKEN if current else theme.STRIP
                self._tabs.append(rect)
            else:
                color = theme.STRIP
                self._buttons.append((rect, actions[i - len(PAGES)][0]))
            pygame.draw.rect(surface, color, rect, border_radius=size // 4)
            if i >= len(PAGES):            # an action: outlined, so it reads as a button
                pygame.draw.rect(surface, theme.TEXT_DIM, rect, width=max(2, size // 12),
                                 border_radius=size // 4)
            text.draw(surface, label, size, theme.BACKGROUND if current else theme.TEXT, bold=True,
                      center=rect.center)
            x += width + gap
        if self.notice:
            draw_fitted(surface, text, self.notice, small, theme.WARNING, w - 2 * margin,
                        user=True, midbottom=(w // 2, bar.y - small // 3))

    def headlines(self) -> list[tuple[str, str, list[str]]]:
        """(score, its value with its unit, facts in plain words) for the three scores."""
        f = self.figures
        learn, exe, sw = f.learning, f.execution, f.switch

        def value(figure: float | None, unit: str, digits: int = 1) -> str:
            return _("not reached") if figure is None else unit.format(n=number(figure, digits))

        # Translators: a part of the switching score: what, its value, and the verdict
        switch_lines = [_("{what}: {value}, {verdict}").format(
            what=part.what, value=part.value, verdict=part.verdict)
            if part.verdict and part.verdict != part.value
            # Translators: a part of the switching score whose value says it all ("never")
            else _("{what}: {value}").format(what=part.what, value=part.value)
            for part in plain.parts(f)]
        return [
            (_("Learning"), value(learn.discoveries_per_minute, _("{n} discoveries a minute")),
             plain.learning_facts(f)),
            (_("Execution"), value(exe.error_free_speed, _("{n} squares a minute")),
             plain.execution_facts(f)),
            (_("Switching"), value(sw.score, _("{n} out of 100"), 0),
             switch_lines or [_("Not measured: the team never reached execution")]),
        ]

    def _draw_scores(self, surface: pygame.Surface, unit: int) -> None:
        """The outcome, the three scores in plain words on the left, the questions for the
        debrief on the right (at least 3.5% of the height: the room reads them)."""
        text = self.app.text
        w, h = surface.get_size()
        f = self.figures
        x, y, width = round(0.04 * w), round(0.03 * h), round(0.92 * w)
        title = _(OUTCOME_TEXT[f.outcome]) if f.outcome in OUTCOME_TEXT else f.outcome
        size = text.fitting_height(title, round(unit * 1.3), True, width, smallest=unit)
        text.draw(surface, title, size, theme.TOKEN, bold=True, role=ROOM, topleft=(x, y))
        y += round(size * 1.15)
        pen = f.penalties
        facts = n_("{team}, {level}: {time} in all, {n} penalty {cost}",
                   "{team}, {level}: {time} in all, {n} penalties {cost}", pen.count).format(
            team=self.setup.team, level=builtin(self.setup.level.name, BUILTIN_WORDS),
            time=minutes(f.seconds),
            n=integer(pen.count), cost=_cost(pen.cost, pen.currency))
        if f.memory_aid_used:
            facts = _("{facts}, memory aid on").format(facts=facts)
        if f.reveals:
            facts = n_("{facts}, path revealed {n} time", "{facts}, path revealed {n} times",
                       f.reveals).format(facts=facts, n=integer(f.reveals))
        small = max(readable(surface), round(0.03 * h))
        for line in text.wrap(facts, small, False, width):
            text.draw(surface, line, small, theme.TEXT_DIM, max_width=width, user=True,
                      topleft=(x, y))
            y += round(small * 1.2)
        y += round(unit * 0.4)
        left_w = round(width * 0.52)
        bottom = h - self.footer_height(h) - round(unit * 0.3)
        columns = [pygame.Rect(x, y, left_w, bottom - y),
                   pygame.Rect(x + left_w + unit, y, width - left_w - unit, bottom - y)]
        free = self._draw_headlines(surface, columns, unit)
        self._draw_prompts(surface, columns[1].x, free, columns[1].width, bottom - free, unit)

    def _draw_headlines(self, surface: pygame.Surface, columns: list[pygame.Rect],
                        unit: int) -> int:
        """The three scores, each its value and the facts behind it, down the left column at
        the largest detail size down to the readable one at which they all fit. When even that
        is too long (a session with curveballs, in a language longer than English, on a
        projector's 1024x768) they go on at the top of the right column, a fact never split,
        and the questions for the debrief take what is left below them. Returns where the
        right column is free."""
        floor = readable(surface)
        largest = max(floor, round(unit * 0.7))
        detail = next((d for d in range(largest, floor - 1, -1)
                       if self._flow(surface, columns[:1], d, unit, draw=False) is not None), None)
        if detail is not None:
            self._flow(surface, columns[:1], detail, unit, draw=True)
            return columns[1].y
        # Both columns, at the readable size: as much as can be on the left, the questions
        # keep as much room as they can on the right.
        end = self._flow(surface, columns, floor, unit, draw=True)
        return columns[1].y if end is None else end

    def _flow(self, surface: pygame.Surface, columns: list[pygame.Rect], detail: int, unit: int,
              draw: bool) -> int | None:
        """Lay the scores out down ``columns`` in turn (drawn if ``draw``): where the last
        column used ends, or None if they do not fit. A score's title keeps its first fact
        with it; a score that goes on in the next column has its title again there."""
        colors = (theme.LEARNING, theme.EXECUTION, theme.PLANNING)
        column = 0
        area, y = columns[0], columns[0].y
        fits = True
        again = round(detail * 1.3)        # a score's title again, over its facts that go on

        def room_for(height: int, title: str, color: tuple[int, int, int]) -> None:
            nonlocal column, area, y, fits
            if y + height <= area.bottom:
                return
            if y > area.y and column + 1 < len(columns):
                column += 1
                area, y = columns[column], columns[column].y
                if title:
                    if draw:
                        self.app.text.draw(surface, title, detail, color, bold=True,
                                           topleft=(area.x, y))
                    y += again
            if y + height > area.bottom:
                fits = False

        for (title, value, facts), color in zip(self.headlines(), colors, strict=True):
            if y > area.y:
                y += round(unit * 0.45)
            room_for(self._score_head(surface, area, y, title, value, color, unit, detail, False)
                     + self._fact(surface, area, y, facts[0], detail, False), "", color)
            y += self._score_head(surface, area, y, title, value, color, unit, detail, draw)
            for fact in facts:
                room_for(self._fact(surface, area, y, fact, detail, False), title, color)
                y += self._fact(surface, area, y, fact, detail, draw)
        return y if fits else None

    def _score_head(self, surface: pygame.Surface, area: pygame.Rect, y: int, title: str,
                    value: str, color: tuple[int, int, int], unit: int, detail: int,
                    draw: bool) -> int:
        """A score's title and value (beside it, or below it if it does not fit there at the
        room's size): its height, and drawn if ``draw``."""
        text = self.app.text
        x, width = area.x, area.width
        label_w = text.width(title, unit, True) + unit // 2
        room_size = math.ceil(ROOM_SHARE * surface.get_height())
        top = y
        if draw:
            text.draw(surface, title, unit, color, bold=True, role=ROOM, topleft=(x, y))
        if text.width(value, room_size, True) > width - label_w:   # its own line
            y += round(unit * 1.15)
            label_w = detail
        size = text.fitting_height(value, unit, True, width - label_w, smallest=room_size)
        parts = text.wrap(value, size, True, width - label_w)   # two lines if it must
        for i, part in enumerate(parts):
            y += round(size * 1.15) if i else 0
            if draw:
                text.draw(surface, part, size, theme.TEXT, bold=True, role=ROOM,
                          max_width=width - label_w, bottomleft=(x + label_w, y + unit))
        return y + round(unit * 1.35) - top

    def _fact(self, surface: pygame.Surface, area: pygame.Rect, y: int, fact: str, detail: int,
              draw: bool) -> int:
        """One fact under a score, indented, its further lines hanging under its first: its
        height, and drawn if ``draw``."""
        text = self.app.text
        hang = detail
        lines = text.wrap(fact, detail, False, area.width - detail - hang)
        if draw:
            for i, line in enumerate(lines):
                indent = detail + (hang if i else 0)
                text.draw(surface, line, detail, theme.TEXT_DIM, max_width=area.width - indent,
                          topleft=(area.x + indent, y + i * round(detail * 1.15)))
        return len(lines) * round(detail * 1.15)

    def _draw_prompts(self, surface: pygame.Surface, x: int, top: int, width: int, height: int,
                      unit: int) -> None:
        """The questions for the debrief, the most telling first, as many as there is room
        for; the rest are counted under them (the report has them all). With no room for
        even one, no heading: only the count."""
        text = self.app.text
        h = surface.get_height()
        size = max(math.ceil(0.035 * h), round(unit * 0.85))
        note = max(readable(surface), round(unit * 0.7))
        y = top + round(unit * 1.4)
        first = text.wrap(self.prompts[0], size, False, width - size) if self.prompts else []
        shown = 0
        if not first:
            return
        reserve = 0 if len(self.prompts) == 1 else round(note * 1.3)   # for the count below
        if y + len(first) * round(size * 1.15) <= top + height - reserve:
            text.draw(surface, _("For the debrief"), unit, theme.TOKEN, bold=True, role=ROOM,
                      topleft=(x, top))
        else:                             # not even one: only how many wait in the report
            y = top
        for index, prompt in enumerate(self.prompts):
            lines = text.wrap(prompt, size, False, width - size)
            room = top + height - (0 if index == len(self.prompts) - 1 else reserve)
            if y + len(lines) * round(size * 1.15) > room:
                break                     # the most telling questions first: the rest wait
            shown += 1
            for i, line in enumerate(lines):
                if i == 0:
                    pygame.draw.circle(surface, theme.TOKEN, (x + size // 4, y + size // 2),
                                       max(2, size // 7))
                text.draw(surface, line, size, theme.TEXT, user=True, max_width=width - size,
                          topleft=(x + size * 2 // 3, y))
                y += round(size * 1.15)
            y += size // 2
        if shown < len(self.prompts) and y + round(note * 1.3) <= top + height:
            left = len(self.prompts) - shown
            text.draw(surface, n_("{n} more question in the report",
                                  "{n} more questions in the report", left).format(
                n=integer(left)), note, theme.TEXT_DIM, max_width=width, topleft=(x, y))

    def _draw_teams(self, surface: pygame.Surface, unit: int) -> None:
        """The teams that played this level on this computer (from the log folder), this one
        in yellow; sessions ended early are listed, not ranked; sessions with no score at all
        (a window closed at once) are left out."""
        text = self.app.text
        w, h = surface.get_size()
        x, y = round(0.04 * w), round(0.04 * h)
        level = builtin(self.setup.level.name, BUILTIN_WORDS)
        draw_fitted(surface, text, _("Teams on {level}").format(level=level),
                    round(unit * 1.2),
                    theme.TOKEN, w - 2 * x, bold=True, user=True, topleft=(x, y))
        y += round(unit * 1.8)
        size = max(readable(surface), round(unit * 0.75))
        rows = [r for r in self.board
                if r.session_id == self.setup.session_id or any(v is not None for v in r.scores)]
        if len(rows) < 2:
            text.draw(surface, _("No other team has played this level on this computer yet."),
                      size, theme.TEXT_DIM, topleft=(x, y))
            y += round(size * 1.6)
        if rows:
            self._draw_leaderboard(surface, rows, x, y, w - 2 * x,
                                   h - self.footer_height(h) - y - size, size)

    def _draw_leaderboard(self, surface: pygame.Surface, rows: list[Entry], x: int, y: int,
                          width: int, height: int, size: int) -> None:
        line = round(size * 1.3)
        room = max(2, height // line - 1)
        text = self.app.text
        if len(rows) > room:                # a line to say how many are not shown
            room -= 1
        shown = rows[:room]
        mine = [r for r in rows if r.session_id == self.setup.session_id]
        if mine and mine[0] not in shown:   # this session is always on the page
            shown = shown[:-1] + mine[:1]
        left_off = len(rows) - len(shown)
        note = n_("and {n} more session: maze report lists them all",
                  "and {n} more sessions: maze report lists them all", left_off).format(
            n=integer(left_off)) if left_off else ""
        columns = [x, x + width * 50 // 100, x + width * 67 // 100, x + width * 84 // 100]
        heads = [text.wrap(head, size, True, right - left - size // 2)   # long ones on two lines
                 for left, right, head in zip(columns, [*columns[1:], x + width],
                                              (_("Team, day and time"), _("Learning"),
                                               _("Execution"), _("Switching")), strict=True)]
        for left, right, lines in zip(columns, [*columns[1:], x + width], heads, strict=True):
            for i, head in enumerate(lines):
                draw_fitted(surface, text, head, size, theme.TEXT_DIM, right - left - size // 2,
                            bold=True, topleft=(left, y + i * round(size * 1.1)))
        y += line + (max(len(lines) for lines in heads) - 1) * round(size * 1.1)
        for row in shown:
            color = theme.TOKEN if row.session_id == self.setup.session_id else theme.TEXT
            label = (_("{team}  {when}") if row.ranked else _("{team}  {when}  (not ranked)")).format(
                team=row.team, when=when_shown(row.started_at))   # the language's date
            draw_fitted(surface, text, label, size, color, columns[1] - x - size, user=True,
                        topleft=(x, y))
            for left, value, rank in zip(columns[1:], row.scores, row.ranks, strict=True):
                shown_value = "-" if value is None else (
                    number(value, 1) if rank is None else
                    # Translators: a score and its rank among the teams: "4.2  #1"
                    _("{score}  #{rank}").format(score=number(value, 1), rank=integer(rank)))
                text.draw(surface, shown_value, size, color, topleft=(left, y))
            y += line
        if note:
            text.draw(surface, note, size, theme.TEXT_DIM, topleft=(x, y))

    def _draw_board(self, surface: pygame.Surface, unit: int) -> None:
        text = self.app.text
        w, h = surface.get_size()
        small = max(readable(surface), round(unit * 0.7))
        strip_w = round(0.96 * w)
        legend_h = legend_height(text, strip_w, h)     # what the marks mean, with samples
        strip = round(h * 0.24)
        level = self.setup.level
        board_h = h - self.footer_height(h) - legend_h - strip - round(unit * 0.6)
        board_w = round(w * 0.6)               # the board on the left, its legend beside it
        layout = compute(board_w, board_h, level.cols, level.rows, hud=False,
                         readable=max(math.ceil(0.04 * board_h), readable(surface)))
        surface.blit(draw_board_static(text, layout, level.cols, room=False), (0, 0),
                     area=pygame.Rect(0, 0, w, layout.height))
        mode = MODES[self.mode]
        draw_heatmap(surface, text, layout, self.cells, mode, self.paths)
        x = board_w + unit // 2
        side_w = w - x - unit
        lines = [(_("Heatmap: {what}").format(what=_(MODE_TEXT[mode])), theme.TOKEN, True),
                 # Translators: H is the key on the keyboard
                 (_("H: beeps, visits, hesitation"), theme.TEXT_DIM, False),
                 (_("The path: yellow line"), theme.PATH, False)]
        if len(self.paths) > 1:
            lines.append((_("After the change: dashed blue"), theme.PATH, False))
        y = round(h * 0.06)
        for message, color, bold in lines:
            for part in text.wrap(message, small, bold, side_w):
                text.draw(surface, part, small, color, bold=bold, max_width=side_w, topleft=(x, y))
                y += round(small * 1.15)
            y += small // 3
        y += small // 2
        busiest = sorted(self.cells.items(), key=lambda kv: -getattr(kv[1], mode))[:5]
        for name, cell in busiest:
            value = getattr(cell, mode)
            if value:
                # Translators: s is seconds
                shown = _("{n} s").format(n=number(value, 0)) if mode == "dwell" else integer(value)
                # Translators: a square's name, then its value: "B4: 3"
                text.draw(surface, _("{square}: {value}").format(square=name, value=shown), small,
                          theme.TEXT, topleft=(x, y))
                y += round(small * 1.2)
        rect = pygame.Rect(round(0.02 * w), board_h + round(unit * 0.3), strip_w, strip)
        draw_timeline(surface, text, rect, self.line, self.setup.roster)
        draw_legend(surface, text, pygame.Rect(rect.x, rect.bottom + 2, rect.width, legend_h))

    def _draw_players(self, surface: pygame.Surface, unit: int) -> None:
        """Each player's figures over the whole session (a long roster scrolls with Up/Down or
        the wheel), then the penalties and what the facilitator undid."""
        text = self.app.text
        w, h = surface.get_size()
        x, y = round(0.04 * w), round(0.04 * h)
        floor = readable(surface)
        text.draw(surface, _("Players"), round(unit * 1.2), theme.TOKEN, bold=True, role=ROOM,
                  topleft=(x, y))
        y += round(unit * 1.7)
        heads = [_("Player"), _("Steps"), _("Tries"), _("Crossed"), _("New beeps"),
                 _("Repeat beeps"), _("Execution beeps"), _("Pause per step"),
                 _("Pause before new")]
        size = max(floor, round(unit * 0.72))
        players = self.figures.players
        names = list(players)
        columns = _columns(text, heads, names, x, w - 2 * x, size, floor)
        widths = [b - a - size // 3 for a, b in zip(columns, [*columns[1:], w - x], strict=True)]
        # Headings wrap at spaces; the size is the largest at which every word fits its column.
        head = min([size] + [text.fitting_height(word, size, True, width, smallest=floor)
                             for title, width in zip(heads, widths, strict=True)
                             for word in title.split()])
        wrapped = [text.wrap(title, head, True, width) for title, width in zip(heads, widths, strict=True)]
        for left, width, lines in zip(columns, widths, wrapped, strict=True):
            for i, line in enumerate(lines):
                text.draw(surface, line, head, theme.TEXT_DIM, bold=True, max_width=width,
                          topleft=(left, y + i * round(head * 1.1)))
        y += max(len(lines) for lines in wrapped) * round(head * 1.1) + size // 2
        bottom = h - self.footer_height(h) - 3 * round(size * 1.3)
        row_h = round(size * 1.3)
        room = max(1, (bottom - y) // row_h)
        if len(names) > room:         # a line to say the list scrolls
            room = max(1, room - 1)
        self.player_first = min(max(0, self.player_first), max(0, len(names) - room))
        shown = names[self.player_first:self.player_first + room]
        for name in shown:
            p = players[name]
            cells = [name, *(integer(v) for v in (p.steps, p.attempts, p.crossings, p.discoveries,
                                                  p.repeat_errors, p.execution_errors)),
                     num(p.median_dwell, " s"),
                     num(p.median_dwell_new, " s")]
            for i, (left, cell) in enumerate(zip(columns, cells, strict=True)):
                draw_fitted(surface, text, str(cell), size, theme.TEXT, widths[i], user=i == 0,
                            topleft=(left, y))
            y += row_h
        if len(names) > room:
            first = self.player_first + 1
            text.draw(surface, _("Players {first} to {last} of {n}: Up and Down (or the mouse wheel) "
                                 "show the others").format(first=integer(first),
                                                           last=integer(first + len(shown) - 1),
                                                           n=integer(len(names))),
                      size, theme.TEXT_DIM,
                      max_width=w - 2 * x, topleft=(x, y))
        y = bottom + size // 2
        pen = self.figures.penalties
        if pen.count:
            # Translators: a kind of penalty and how many: "talking 2"; then a list of them
            kinds = _(", ").join(_("{kind} {n}").format(
                kind=_(PENALTY_WORDS[k]) if k in PENALTY_WORDS else k.replace("_", " "),
                n=integer(v)) for k, v in pen.by_type.items())
            message = n_("{n} penalty {cost}: {kinds}", "{n} penalties {cost}: {kinds}",
                         pen.count).format(n=integer(pen.count),
                                           cost=_cost(pen.cost, pen.currency), kinds=kinds)
        else:
            message = _("No penalties")
        draw_fitted(surface, text, message, size, theme.WARNING, w - 2 * x, topleft=(x, y))
        undone = self.figures.undone
        if undone:
            y += row_h
            summary = "; ".join(undone_text(u) for u in undone)
            line = _("Undone by the facilitator, not counted: {actions}").format(actions=summary)
            lines = text.wrap(line, size, False, w - 2 * x)
            if len(lines) > 1:
                line = n_("Undone by the facilitator, not counted: {n} action (maze score lists them)",
                          "Undone by the facilitator, not counted: {n} actions (maze score lists them)",
                          len(undone)).format(n=integer(len(undone)))
            draw_fitted(surface, text, line, size, theme.TEXT_DIM, w - 2 * x, topleft=(x, y))


SHARES = (0.22, 0.07, 0.07, 0.1, 0.09, 0.09, 0.12, 0.12, 0.12)   # the players' table


def _columns(text: TextCache, heads: list[str], names: list[str], x: int, width: int, size: int,
             floor: int) -> list[int]:
    """Where the players' table's columns start: each its share of the width, widened to its
    longest heading word at the readable size (headings wrap at spaces, never inside a word)
    and, for the names, to the longest ordinary name; the width a column needs is taken from
    the columns that have more than they need."""
    gap = size // 3
    longest = min(max((text.width(n, size) for n in names), default=0), text.width("W" * 12, size))
    for head_size in (size, floor):        # the headings at the table's size if they can be
        need = [max(text.width(word, head_size, True) for word in head.split()) + gap + 1
                for head in heads]
        need[0] = max(need[0], longest + gap + 1)
        if sum(need) <= width:
            break
    share = [round(s * width) for s in SHARES]
    given = [max(a, b) for a, b in zip(share, need, strict=True)]
    excess = sum(given) - width
    slack = [g - n for g, n in zip(given, need, strict=True)]
    if excess > 0 and sum(slack) > 0:
        given = [g - excess * s // sum(slack) - (1 if s else 0) for g, s in zip(given, slack, strict=True)]
    columns = [x]
    for step in given[:-1]:
        columns.append(columns[-1] + step)
    return columns

