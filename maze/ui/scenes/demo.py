"""`maze demo`: a simulated team plays on screen, so a facilitator can show the rules before a
workshop. The same board as a real session; the moves come from maze.sim at a watchable pace.
Every key still works (a facilitator can pause, or take over with the arrows)."""

from __future__ import annotations

import random

from maze.core.session import SessionSetup
from maze.sim.team import STYLE_TABLE, STYLES, choose
from maze.storage.log import SessionLog
from maze.ui.app import App, Transition
from maze.ui.scenes.board import BoardScene


class DemoScene(BoardScene):
    def __init__(self, app: App, setup: SessionSetup, log: SessionLog, seed: int,
                 speed: float = 1.0) -> None:
        super().__init__(app, setup, log)
        self.rng = random.Random(seed)
        self.speed = max(0.25, speed)
        self.styles = {name: STYLE_TABLE[STYLES[i % len(STYLES)]]
                       for i, name in enumerate(setup.roster)}
        self._next_at = app.clock() + 2.0 / self.speed      # let the room read the screen

    def update(self) -> Transition | None:
        result = super().update()
        if result is not None or self.finished:
            return result
        now = self.app.clock()
        if now >= self._next_at:
            session = self.session
            if session.state.phase is not None and session.state.phase.value == "planning":
                session.end_planning()
            elif session.can_move() or (session.state.retreat is not None
                                        and session.rules.retreat == "manual"):
                style = self.styles[session.state.current_player]
                target = choose(session, style, self.rng)
                if target is None:
                    session.skip()
                else:
                    untested = target not in session.state.knowledge
                    self._command_move(target)
                    low, high = style.explore_pause if untested else style.known_pause
                    self._next_at = now + min(self.rng.uniform(low, high), 3.0) / self.speed
                    return None
            self._next_at = now + 0.4 / self.speed
        return None

    def wake_in(self) -> float | None:
        own = max(0.0, self._next_at - self.app.clock())
        other = super().wake_in()
        return own if other is None else min(own, other)
