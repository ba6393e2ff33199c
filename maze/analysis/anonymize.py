"""Shareable outputs: team and player names replaced by stable pseudonyms (Team A, Player 1, Player 2),
numbered by first appearance, so the same person gets the same pseudonym in every session of
one report. The mapping itself is never written anywhere."""

from __future__ import annotations

import string
from typing import Any

from maze.core.events import Event
from maze.core.record import replace
from maze.core.session import SessionSetup


class Pseudonyms:
    def __init__(self) -> None:
        self.teams: dict[str, str] = {}
        self.players: dict[str, str] = {}

    def team(self, name: str) -> str:
        if name not in self.teams:
            n = len(self.teams)
            letters = ""
            while True:                         # A..Z, then AA, AB, ...
                letters = string.ascii_uppercase[n % 26] + letters
                n = n // 26 - 1
                if n < 0:
                    break
            self.teams[name] = f"Team {letters}"
        return self.teams[name]

    def player(self, name: str) -> str:
        if name not in self.players:
            self.players[name] = f"Player {len(self.players) + 1}"
        return self.players[name]

    def session(self, setup: SessionSetup, events: list[Event]) -> tuple[SessionSetup, list[Event]]:
        """The same session with every name replaced."""
        roster = tuple(self.player(p) for p in setup.roster)
        new_setup = replace(setup, team=self.team(setup.team), roster=roster)
        renamed: list[Event] = []
        for event in events:
            player: Any = event.__dict__.get("player")
            renamed.append(replace(event, player=self.player(player))
                           if isinstance(player, str) else event)
        return new_setup, renamed
