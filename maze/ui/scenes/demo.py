"""`maze demo`: a simulated team plays on screen, so a facilitator can show the rules before a
workshop. The same board as a real session; the moves come from a DemoTeam (maze/host/demo.py),
one more input source of the session host, at a watchable pace. Every key still works (a
facilitator can pause, or take over with the arrows)."""

from __future__ import annotations

from maze.core.session import SessionSetup
from maze.host.demo import DemoTeam
from maze.storage.log import SessionLog
from maze.ui.app import App, Transition
from maze.ui.scenes.board import BoardScene


class DemoScene(BoardScene):
    def __init__(self, app: App, setup: SessionSetup, log: SessionLog, seed: int,
                 speed: float = 1.0) -> None:
        super().__init__(app, setup, log)
        self.team = DemoTeam(self.host, seed, speed)

    @property
    def _next_at(self) -> float:
        return self.team.next_at

    @_next_at.setter
    def _next_at(self, value: float) -> None:
        self.team.next_at = value

    def update(self) -> Transition | None:
        result = super().update()
        if result is not None or self.finished:
            return result
        self.team.play()
        self._note_changes()
        return None

    def wake_in(self) -> float | None:
        own = self.team.wake_in()
        other = super().wake_in()
        return own if other is None else min(own, other)
