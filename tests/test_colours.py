"""The palette survives the common colour-vision deficiencies and a washed-out projector."""

from __future__ import annotations

from itertools import combinations

import pytest

from maze.ui import theme
from maze.ui.colour import DEFICIENCIES, contrast, distance, simulate

# What a square can show: untested, beeping (flash / memory aid), tested safe (memory aid), the
# revealed path. They also differ in shape (fill + cross, ring, outline + number).
SQUARE_STATES = {"untested": theme.SQUARE, "beep": theme.BEEP, "safe": theme.SAFE,
                 "path": theme.PATH}

# Every (text, ground) pair the program draws.
TEXT_ON_GROUND = [
    ("TEXT", "BACKGROUND"), ("TEXT", "PANEL"), ("TEXT_DIM", "PANEL"), ("TEXT_DIM", "BACKGROUND"),
    ("LEARNING", "PANEL"), ("EXECUTION", "PANEL"), ("PLANNING", "PANEL"), ("TOKEN", "PANEL"),
    ("WARNING", "PANEL"), ("BEEP", "PANEL"), ("BEEP", "BACKGROUND"), ("WARNING", "BACKGROUND"),
    ("BACKGROUND", "TOKEN"), ("BACKGROUND", "EXECUTION"), ("TEXT", "STRIP"),
    ("TEXT_DIM", "STRIP"), ("PATH", "SQUARE"), ("LEARNING", "BACKGROUND"),
    ("EXECUTION", "BACKGROUND"), ("PLANNING", "BACKGROUND"), ("TOKEN", "BACKGROUND"),
]


def test_machado_simulation_is_sane():
    grey = (128, 128, 128)
    for kind in DEFICIENCIES:
        assert distance(simulate(grey, kind), grey) < 3          # greys stay grey
    # Red and green collapse for the red-green deficiencies, as they should.
    red, green = (200, 40, 40), (40, 160, 40)
    assert distance(simulate(red, "deuteranopia"), simulate(green, "deuteranopia")) < \
        distance(red, green) / 2


@pytest.mark.parametrize("vision", [None, *DEFICIENCIES])
def test_square_states_stay_distinguishable(vision):
    seen = {k: (v if vision is None else simulate(v, vision)) for k, v in SQUARE_STATES.items()}
    for a, b in combinations(seen, 2):
        assert distance(seen[a], seen[b]) >= 20, (vision, a, b)


@pytest.mark.parametrize("fg, bg", TEXT_ON_GROUND)
def test_text_contrast_is_at_least_4_5_to_1(fg, bg):
    assert contrast(getattr(theme, fg), getattr(theme, bg)) >= 4.5
