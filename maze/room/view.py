"""What the players' phones are told: who is at the board, how many turns until theirs, which
moves the level allows and the column lit at the start edge. Never a square's name or state:
the projector shows the board; a phone is a controller, like the keys on the laptop."""

from __future__ import annotations

from typing import Any

from maze.core.state import Phase
from maze.host.host import SessionHost
from maze.host.intents import MOVES, Move

# The pad's directions, by the names the page sends.
DIRECTIONS: dict[str, Move] = dict(zip(
    ("up", "down", "left", "right", "up_left", "up_right", "down_left", "down_right"),
    MOVES, strict=True))


def public_view(host: SessionHost) -> dict[str, Any]:
    """Everything every phone may see (the same for all: the page picks its own line)."""
    session = host.session
    state = session.state
    shown = state.shown_phase or Phase.LEARNING
    return {
        "type": "state",
        "phase": "ended" if state.ended else shown.value,
        "paused": state.paused,
        "at_board": None if state.ended else state.current_player,
        "at_start": state.position is None and state.retreat is None,
        "walking_back": state.retreat is not None,
        "manual_retreat": session.rules.retreat == "manual",
        "can_move": session.can_move(),
        "cols": state.board.cols,
        "cursor": host.cursor,
        "diagonals": state.board.diagonals,
        "roster": list(state.roster),
        "turns": {name: host.turns_until(name) for name in state.roster},
    }
