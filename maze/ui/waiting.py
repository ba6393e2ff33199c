"""Waiting for input without spending CPU.

pygame-ce's ``event.wait`` polls every millisecond while it waits (pygame-ce issue #1541),
which costs a few percent of a core on an idle board. SDL itself blocks properly (on X11
since SDL 2.0.16): ``SDL_WaitEventTimeout(NULL, ms)`` waits until an event is queued without
taking it, and pygame then reads the queue as usual. Where SDL's library cannot be found
(other systems), ``pygame.event.wait`` is used as before."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from pathlib import Path

import pygame

WaitFn = Callable[[None, int], int]
MAX_BLOCK = 0.5       # seconds


def _find_sdl_wait() -> WaitFn | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for line in maps.splitlines():
        path = line.split()[-1] if line.split() else ""
        if Path(path).name.startswith("libSDL2-2"):      # not libSDL2_mixer, _ttf, ...
            try:
                function = ctypes.CDLL(path).SDL_WaitEventTimeout
            except (OSError, AttributeError):
                return None
            function.argtypes = [ctypes.c_void_p, ctypes.c_int]
            function.restype = ctypes.c_int
            return function  # type: ignore[no-any-return]
    return None


class EventWaiter:
    """``wait(seconds)``: the events that arrived, waiting up to ``seconds`` (None: until one
    does); returns at once if events are already queued."""

    def __init__(self) -> None:
        self._sdl_wait = _find_sdl_wait()

    @property
    def blocking(self) -> bool:
        return self._sdl_wait is not None

    def wait(self, seconds: float | None) -> list[pygame.event.Event]:
        events = pygame.event.get()
        if events:
            return events
        if self._sdl_wait is not None:
            # Never longer than MAX_BLOCK: should a wake-up ever be missed, the loop looks
            # again soon (two wake-ups a second cost nothing measurable).
            limit = MAX_BLOCK if seconds is None else min(seconds, MAX_BLOCK)
            self._sdl_wait(None, max(1, int(limit * 1000) + 1))
            return pygame.event.get()
        first = pygame.event.wait() if seconds is None else \
            pygame.event.wait(max(1, int(seconds * 1000) + 1))
        return ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
