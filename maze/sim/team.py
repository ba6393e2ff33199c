"""A simulated team that plays through the rules core with a seeded random generator.

Player styles: ``bold`` steps onto untested squares quickly; ``cautious`` hesitates in front of
them; ``forgetful`` sometimes forgets a known beep and steps on it again. The team shares what
it has learned (the session's own knowledge), as a real team watching the board does.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from maze.core.board import Square
from maze.core.events import Event
from maze.core.session import ActionRefused, IllegalMove, Session, SessionSetup
from maze.core.vocabulary import Phase, RetreatMode

STYLES = ("bold", "cautious", "forgetful")


@dataclass(frozen=True)
class Style:
    explore_pause: tuple[float, float]    # seconds before stepping onto an untested square
    known_pause: tuple[float, float]      # seconds before a known-safe step
    forget: float                         # chance to treat a known beep as untested


STYLE_TABLE = {
    "bold": Style((0.5, 1.8), (0.4, 0.9), 0.0),
    "cautious": Style((2.5, 9.0), (0.8, 1.6), 0.0),
    "forgetful": Style((0.8, 2.5), (0.5, 1.2), 0.35),
}


class ManualClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def choose(session: Session, style: Style, rng: random.Random) -> Square | None:
    """The next square a player of this style steps toward (None: nothing sensible)."""
    state = session.state
    board = state.board
    here = state.position
    if state.retreat is not None:                        # manual retreat: retrace
        target = state.retreat[0]
        return target if target is not None else Square(here.col if here else 0, -1)
    if here is None:
        options = [Square(c, 0) for c in range(board.cols)]
    else:
        options = list(board.neighbours(here))
    visited = set(state.trail)

    def known(sq: Square) -> str | None:
        k = state.knowledge.get(sq)
        if k is None:
            return None
        if k.beeped and rng.random() < style.forget:
            return None
        return "beep" if k.beeped else "safe"

    safe_ahead = [sq for sq in options if known(sq) == "safe" and sq not in visited]
    untested = [sq for sq in options if known(sq) is None and sq not in visited]
    if state.phase is Phase.EXECUTION or (safe_ahead and rng.random() < 0.8):
        if safe_ahead:
            return max(safe_ahead, key=lambda sq: (sq.row, rng.random()))
    if untested:
        return max(untested, key=lambda sq: (sq.row + rng.random() * 2))
    if safe_ahead:
        return safe_ahead[0]
    return rng.choice(options) if options else None


def play(setup: SessionSetup, rng: random.Random, styles: Sequence[str] | None = None,
         sink: Callable[[Event], None] | None = None, curveball_after: int | None = None,
         max_actions: int = 20_000) -> Session:
    """Play one whole session (to its end, or ``max_actions`` moves) and return it."""
    clock = ManualClock()
    session = Session(setup, clock, random.Random(setup.seed), sink)
    session.start()
    player_style = {name: STYLE_TABLE[(styles or STYLES)[i % len(styles or STYLES)]]
                    for i, name in enumerate(setup.roster)}
    if session.state.phase is Phase.PLANNING:
        clock.now += min(setup.rules.planning, 30.0)
        session.tick()
        if session.state.phase is Phase.PLANNING:
            session.end_planning()
    for _ in range(max_actions):
        state = session.state
        if state.ended:
            break
        if state.retreat is not None and setup.rules.retreat == RetreatMode.AUTO:
            wait = session.seconds_to_next_due()
            clock.now += (wait or 0.0) + 0.001
            session.tick()
            continue
        if (curveball_after is not None and state.phase is Phase.EXECUTION
                and state.execution_crossings >= curveball_after and state.path_epoch == 0):
            try:
                session.curveball()
            except (ActionRefused, IllegalMove):
                curveball_after = None
        style = player_style[state.current_player]
        target = choose(session, style, rng)
        if target is None:
            session.skip()
            continue
        untested = target not in state.knowledge
        low, high = style.explore_pause if untested else style.known_pause
        clock.now += rng.uniform(low, high)
        try:
            session.move(target)
        except IllegalMove:
            session.tick()
    if not session.state.ended:
        session.end()
    return session
