"""Drive the real pygame front end headless: the dummy video driver, posted-style events."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
from helpers import FakeClock, make_setup

from maze.storage.log import SessionLog, read_log
from maze.ui.app import App
from maze.ui.navigator import navigated
from maze.ui.scenes.board import BoardScene

KEY_NAMES = {
    "Up": pygame.K_UP, "Down": pygame.K_DOWN, "Left": pygame.K_LEFT, "Right": pygame.K_RIGHT,
    "q": pygame.K_q, "e": pygame.K_e, "z": pygame.K_z, "c": pygame.K_c, "Return": pygame.K_RETURN,
    "Escape": pygame.K_ESCAPE, "space": pygame.K_SPACE, "F1": pygame.K_F1, "F11": pygame.K_F11,
    "F2": pygame.K_F2,
    "r": pygame.K_r, "k": pygame.K_k, "n": pygame.K_n, "a": pygame.K_a, "m": pygame.K_m,
    "1": pygame.K_1, "2": pygame.K_2, "3": pygame.K_3, "4": pygame.K_4, "f": pygame.K_f,
    "KP7": pygame.K_KP7, "KP9": pygame.K_KP9, "KP8": pygame.K_KP8,
}


def key(name: str) -> list[pygame.event.Event]:
    """A key press as xdotool would name it: "Up", "ctrl+q"; KEYDOWN then KEYUP."""
    mod = 0
    if name.startswith("ctrl+"):
        mod, name = pygame.KMOD_LCTRL, name[5:]
    code = KEY_NAMES[name]
    return [pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode="", scancode=0)]


def click(pos: tuple[int, int]) -> list[pygame.event.Event]:
    return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)]


class Driver:
    def __init__(self, tmp: Path, setup=None, size=(1280, 800), write=os.write) -> None:
        self.clock = FakeClock()
        self.app = navigated(App(size, clock=self.clock))
        self.setup = setup or make_setup()
        self.log = SessionLog(tmp, self.setup, write=write)    # write: a disk that fails
        self.board = BoardScene(self.app, self.setup, self.log)
        self.app.start(self.board)
        self.app.step([])

    def press(self, *names: str, gap: float = 1.0) -> None:
        for name in names:
            self.clock.advance(gap)
            self.app.step(key(name))

    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.app.step([])

    def logged(self) -> list[str]:
        from helpers import compact
        return [compact(e) for e in read_log(self.log.path).events]
