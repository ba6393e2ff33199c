"""Which display the window opens on (the projector is usually the second one).

Users count displays from 1, as the operating system's settings do; SDL counts from 0. The
list is SDL's own (``pygame.display.get_desktop_sizes``), read after the display module starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

import pygame

from maze.lang import _, integer, n_


class DisplayError(ValueError):
    """A display that is not there: one line for the user."""


def no_display_reason(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why no window can be seen, or None. On Linux and the BSDs without ``DISPLAY`` or
    ``WAYLAND_DISPLAY`` (over SSH, say) SDL falls back silently to its offscreen driver: the
    game would run invisibly and never end. A driver the user chose on purpose
    (``SDL_VIDEODRIVER``: the tests' ``dummy``, ``offscreen``, ``kmsdrm`` or any other) is respected.

    >>> no_display_reason({}, "linux")
    'no display (DISPLAY and WAYLAND_DISPLAY are not set; SDL_VIDEODRIVER=offscreen runs it unseen)'
    >>> no_display_reason({"DISPLAY": ":0"}, "linux") is None
    True
    """
    if env.get("SDL_VIDEODRIVER") or platform.startswith(("win", "darwin", "cygwin", "emscripten")):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return _("no display (DISPLAY and WAYLAND_DISPLAY are not set; SDL_VIDEODRIVER=offscreen "
             "runs it unseen)")


def display_sizes() -> list[tuple[int, int]]:
    """The size of each display SDL knows now (never empty)."""
    return list(pygame.display.get_desktop_sizes()) or [(1280, 800)]


def describe(sizes: list[tuple[int, int]]) -> str:
    """>>> describe([(1920, 1080), (1024, 768)])
    '1: 1920x1080, 2: 1024x768'"""
    return ", ".join(f"{i}: {w}x{h}" for i, (w, h) in enumerate(sizes, start=1))


def display_index(number: int, sizes: list[tuple[int, int]]) -> int:
    """The SDL index of display ``number`` (counted from 1), or a DisplayError."""
    if not 1 <= number <= len(sizes):
        count = len(sizes)
        raise DisplayError(n_("--display {number}: there is {n} display ({displays})",
                              "--display {number}: there are {n} displays ({displays})",
                              count).format(number=number, n=integer(count),
                                            displays=describe(sizes)))
    return number - 1


def usable(index: int) -> int:
    """``index`` if that display is still there, else the last one that is (a projector
    unplugged since)."""
    count = max(1, pygame.display.get_num_displays())
    return min(max(0, index), count - 1)
