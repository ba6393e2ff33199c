"""Keys as data: a key press becomes an intent; the rules core never sees a pygame event."""

from __future__ import annotations

import pygame

from maze.host.intents import (
    DOWN,
    DOWN_LEFT,
    DOWN_RIGHT,
    LEFT,
    PENALTY_KINDS,
    RIGHT,
    UP,
    UP_LEFT,
    UP_RIGHT,
    Action,
    Move,
)

__all__ = ["PENALTY_KINDS", "Action", "Move", "ctrl_held", "intent_for", "is_move_key"]

MOVE_KEYS: dict[int, Move] = {
    pygame.K_UP: UP, pygame.K_DOWN: DOWN, pygame.K_LEFT: LEFT, pygame.K_RIGHT: RIGHT,
    pygame.K_q: UP_LEFT, pygame.K_e: UP_RIGHT, pygame.K_z: DOWN_LEFT, pygame.K_c: DOWN_RIGHT,
    pygame.K_KP8: UP, pygame.K_KP2: DOWN, pygame.K_KP4: LEFT, pygame.K_KP6: RIGHT,
    pygame.K_KP7: UP_LEFT, pygame.K_KP9: UP_RIGHT, pygame.K_KP1: DOWN_LEFT,
    pygame.K_KP3: DOWN_RIGHT,
}

# With Num Lock off some systems report the keypad as Home, PageUp and the other navigation
# keys: the scancode still says which key it is.
MOVE_SCANCODES: dict[int, Move] = {
    pygame.KSCAN_KP_8: UP, pygame.KSCAN_KP_2: DOWN, pygame.KSCAN_KP_4: LEFT,
    pygame.KSCAN_KP_6: RIGHT, pygame.KSCAN_KP_7: UP_LEFT, pygame.KSCAN_KP_9: UP_RIGHT,
    pygame.KSCAN_KP_1: DOWN_LEFT, pygame.KSCAN_KP_3: DOWN_RIGHT,
}

# Everything that changes the session needs Ctrl, so a player cannot trigger it by accident.
CTRL_KEYS: dict[int, Action] = {
    pygame.K_SPACE: Action.PAUSE, pygame.K_RETURN: Action.END_PLANNING,
    pygame.K_KP_ENTER: Action.END_PLANNING, pygame.K_r: Action.REVEAL,
    pygame.K_k: Action.CURVEBALL, pygame.K_1: Action.PENALTY_TALKING,
    pygame.K_2: Action.PENALTY_POINTING, pygame.K_3: Action.PENALTY_TWO_ON_BOARD,
    pygame.K_4: Action.PENALTY_MARKING, pygame.K_n: Action.SKIP,
    pygame.K_a: Action.MEMORY_AID, pygame.K_m: Action.MUTE, pygame.K_f: Action.FULLSCREEN,
    pygame.K_q: Action.END_SESSION, pygame.K_z: Action.UNDO,
}

PLAIN_KEYS: dict[int, Action] = {
    pygame.K_F11: Action.FULLSCREEN, pygame.K_F1: Action.HELP, pygame.K_ESCAPE: Action.MENU,
}



def ctrl_held(event: pygame.event.Event) -> bool:
    return bool(getattr(event, "mod", 0) & pygame.KMOD_CTRL)


def intent_for(event: pygame.event.Event) -> Move | Action | None:
    """What a KEYDOWN means on the board. A move key held with Ctrl means nothing (refused)."""
    key = getattr(event, "key", None)
    if ctrl_held(event):
        return CTRL_KEYS.get(key) if key is not None else None
    if key in PLAIN_KEYS:
        return PLAIN_KEYS[key]
    if key in MOVE_KEYS:
        return MOVE_KEYS[key]
    return MOVE_SCANCODES.get(getattr(event, "scancode", -1))


def is_move_key(event: pygame.event.Event) -> bool:
    return (getattr(event, "key", None) in MOVE_KEYS
            or getattr(event, "scancode", -1) in MOVE_SCANCODES)
