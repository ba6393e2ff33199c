"""Intents: what a player or the facilitator means, whatever they pressed or tapped.

The pygame keymap, the mouse and (later) a phone all turn their input into these; the session
host turns them into session commands. No pygame here, so the host can run headless."""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple


class Move(NamedTuple):
    dcol: int
    drow: int   # +1 is toward the goal edge ("up" on screen)


class Action(Enum):
    PAUSE = auto()
    END_PLANNING = auto()
    REVEAL = auto()
    CURVEBALL = auto()
    PENALTY_TALKING = auto()
    PENALTY_POINTING = auto()
    PENALTY_TWO_ON_BOARD = auto()
    PENALTY_MARKING = auto()
    SKIP = auto()
    MEMORY_AID = auto()
    UNDO = auto()
    MUTE = auto()
    FULLSCREEN = auto()
    END_SESSION = auto()
    HELP = auto()
    MENU = auto()


UP, DOWN, LEFT, RIGHT = Move(0, 1), Move(0, -1), Move(-1, 0), Move(1, 0)
UP_LEFT, UP_RIGHT, DOWN_LEFT, DOWN_RIGHT = Move(-1, 1), Move(1, 1), Move(-1, -1), Move(1, -1)
MOVES = (UP, DOWN, LEFT, RIGHT, UP_LEFT, UP_RIGHT, DOWN_LEFT, DOWN_RIGHT)

PENALTY_KINDS: dict[Action, str] = {
    Action.PENALTY_TALKING: "talking", Action.PENALTY_POINTING: "pointing",
    Action.PENALTY_TWO_ON_BOARD: "two_on_board", Action.PENALTY_MARKING: "marking",
}

# Where a command came from; logged with each step (docs/formats.md, "source").
KEYBOARD, MOUSE, PHONE, DEMO = "keyboard", "mouse", "phone", "demo"


class Reply(NamedTuple):
    """What became of a command: done, or refused with a gentle reason."""

    ok: bool
    text: str = ""
