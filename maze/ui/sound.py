"""Tones synthesized with numpy at start-up and kept. No sound device: silent, said once."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from maze.lang import _
from maze.storage.jsonfile import shown

if TYPE_CHECKING:          # numpy is imported when the tones are made, after the first frame
    import numpy as np

RATE = 44100
BUFFER = 512   # samples: under 12 ms at 44.1 kHz, so a beep is heard within a frame


def tone(freq: float, seconds: float, rate: int = RATE, volume: float = 0.5,
         square: float = 0.0, attack: float = 0.004, release: float = 0.04) -> np.ndarray:
    """A mono tone in -1..1: a sine mixed with ``square`` parts of a square wave, with a short
    attack and release so it does not click."""
    import numpy as np
    n = max(1, int(seconds * rate))
    t = np.arange(n, dtype=np.float64) / rate
    wave = (1 - square) * np.sin(2 * np.pi * freq * t) + square * np.sign(np.sin(2 * np.pi * freq * t))
    envelope = np.ones(n)
    a, r = min(n, int(attack * rate)), min(n, int(release * rate))
    if a:
        envelope[:a] = np.linspace(0, 1, a)
    if r:
        envelope[-r:] = np.minimum(envelope[-r:], np.linspace(1, 0, r))
    return (volume * wave * envelope).astype(np.float32)


def sequence(*parts: np.ndarray) -> np.ndarray:
    import numpy as np
    return np.concatenate(parts)


def synthesize(rate: int = RATE) -> dict[str, np.ndarray]:
    """The program's sounds: one alarm for every beep, a distinct one for a repeat beep (only
    used with the memory aid on), a soft tick for a safe step, a chime for a crossing."""
    import numpy as np
    gap = np.zeros(int(0.03 * rate), dtype=np.float32)
    return {
        "beep": sequence(tone(880, 0.12, rate, 0.55, 0.6), gap, tone(880, 0.18, rate, 0.55, 0.6)),
        "repeat": tone(196, 0.4, rate, 0.6, 0.8),
        "step": tone(1760, 0.035, rate, 0.18, 0.0, 0.002, 0.02),
        "crossing": sequence(tone(523.25, 0.12, rate, 0.4), tone(659.25, 0.12, rate, 0.4),
                             tone(783.99, 0.3, rate, 0.4, release=0.15)),
        "warning": sequence(tone(660, 0.1, rate, 0.4), gap, tone(660, 0.1, rate, 0.4)),
    }


def shaped(mono: np.ndarray, size: int, channels: int) -> np.ndarray:
    """Samples in the mixer's own format: a mono array given to a stereo mixer raises."""
    import numpy as np
    if size in (-16, 16):
        data = (mono * 32767).astype(np.int16)
    elif size in (8, -8):
        data = (mono * 127 + (128 if size == 8 else 0)).astype(np.uint8 if size == 8 else np.int8)
    else:
        data = mono.astype(np.float32)
    if channels > 1:
        data = np.repeat(data[:, None], channels, axis=1)
    return np.ascontiguousarray(data)


class Player(Protocol):
    available: bool
    muted: bool
    notice: str | None

    def play(self, name: str) -> None: ...


class Silent:
    """No sound device (or --no-sound): every play is a no-op; the visual beep still works."""

    def __init__(self, notice: str | None = None) -> None:
        self.available = False
        self.muted = False
        self.notice = notice

    def play(self, name: str) -> None:
        return None


class Sounds:
    def __init__(self, sounds: Mapping[str, object]) -> None:
        self._sounds = sounds
        self.available = True
        self.muted = False
        self.notice: str | None = None

    def play(self, name: str) -> None:
        if not self.muted:
            sound = self._sounds.get(name)
            if sound is not None:
                sound.play()  # type: ignore[attr-defined]


def open_sound(enabled: bool = True) -> Player:
    """Open the mixer if there is one; otherwise say so once and stay silent."""
    if not enabled:
        return Silent()
    import pygame
    try:
        if not pygame.mixer.get_init():
            pygame.mixer.init(RATE, -16, 2, BUFFER)
        init = pygame.mixer.get_init()
        if not init:
            raise pygame.error("the mixer did not start")
        rate, size, channels = init
        made = {name: pygame.sndarray.make_sound(shaped(mono, size, channels))
                for name, mono in synthesize(rate).items()}
        return Sounds(made)
    except (pygame.error, ValueError, OSError) as exc:
        notice = _("No sound device: playing silently (beeps still flash)")
        print(shown(_("maze: {notice} ({reason})").format(notice=notice, reason=exc)),
              file=sys.stderr)
        return Silent(notice)
