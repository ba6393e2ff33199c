"""A simulated team at a host: the demo's players, choosing their moves with maze.sim at a
watchable pace. A client of the host like any other input source (no pygame)."""

from __future__ import annotations

import random

from maze.core.state import Phase
from maze.host.host import SessionHost
from maze.host.intents import DEMO, Action
from maze.sim.team import STYLE_TABLE, STYLES, choose


class DemoTeam:
    def __init__(self, host: SessionHost, seed: int, speed: float = 1.0) -> None:
        self.host = host
        self.rng = random.Random(seed)
        self.speed = max(0.25, speed)
        self.styles = {name: STYLE_TABLE[STYLES[i % len(STYLES)]]
                       for i, name in enumerate(host.setup.roster)}
        self.next_at = host.clock() + 2.0 / self.speed      # let the room read the screen

    def play(self) -> None:
        """Make the next move if it is due."""
        host = self.host
        now = host.clock()
        if host.finished or now < self.next_at:
            return
        session = host.session
        if session.state.phase is Phase.PLANNING:
            host.act(Action.END_PLANNING, source=DEMO, notify=False)
        elif session.can_move() or (session.state.retreat is not None
                                    and session.rules.retreat == "manual"):
            player = session.state.current_player
            style = self.styles[player]
            target = choose(session, style, self.rng)
            if target is None:
                host.act(Action.SKIP, source=DEMO, notify=False)
            else:
                untested = target not in session.state.knowledge
                host.step_to(target, player=player, source=DEMO)
                low, high = style.explore_pause if untested else style.known_pause
                self.next_at = now + min(self.rng.uniform(low, high), 3.0) / self.speed
                return
        self.next_at = now + 0.4 / self.speed

    def wake_in(self) -> float:
        return max(0.0, self.next_at - self.host.clock())
