"""The projector view adapts to any window: nothing leaves the screen or overlaps, and what the
room must read is at least 4% of the window height (asserted from the layout)."""

from __future__ import annotations

import math

import pytest
from pygame import Rect

from maze.core.board import Square
from maze.ui.layout import READABLE, compute

SIZES = [(800, 600), (1024, 768), (1280, 800), (1920, 1080), (2560, 1080), (3840, 2160),
         (1080, 1920)]
BOARDS = [(6, 9), (5, 8), (5, 5), (3, 16), (20, 20), (26, 40), (2, 2)]
ROOM_READS = ("phase", "phase_detail", "clock", "talk", "player", "next", "score", "score2")


@pytest.mark.parametrize("width, height", SIZES)
@pytest.mark.parametrize("cols, rows", BOARDS)
def test_everything_fits_and_nothing_overlaps(width, height, cols, rows):
    layout = compute(width, height, cols, rows)
    screen = Rect(0, 0, width, height)
    board = layout.board_area
    assert screen.contains(layout.hud) and screen.contains(board)
    assert not board.colliderect(layout.hud)
    assert screen.contains(layout.cue) and not layout.cue.colliderect(board)
    assert not layout.cue.colliderect(layout.hud) and layout.cue.height >= 2 * READABLE * height
    lines = [line.rect for line in layout.hud_lines]
    for rect in lines:
        assert layout.hud.contains(rect)
    for i, a in enumerate(lines):
        for b in lines[i + 1:]:
            assert not a.colliderect(b)
    # Squares tile the grid exactly and squares are square.
    assert layout.square_rect(Square(0, 0)).bottomleft == layout.grid.bottomleft
    assert layout.square_rect(Square(cols - 1, rows - 1)).topright == layout.grid.topright


@pytest.mark.parametrize("width, height", SIZES)
def test_room_texts_and_square_names_are_at_least_4_percent(width, height):
    layout = compute(width, height, 6, 9)
    need = math.ceil(READABLE * height)
    for role in ROOM_READS:
        assert layout.line(role).height >= need, role
    assert layout.label_height >= need and layout.label_every == 1


def test_boards_of_more_than_16_rows_label_every_kth_row_readably():
    layout = compute(1920, 1080, 26, 40)
    assert layout.label_every > 1
    assert layout.label_every * layout.square >= layout.label_height


@pytest.mark.parametrize("width, height", SIZES)
def test_square_at_finds_every_square_and_the_start_edge(width, height):
    layout = compute(width, height, 6, 9)
    for square in (Square(0, 0), Square(5, 8), Square(3, 4)):
        assert layout.square_at(layout.square_rect(square).center) == square
    assert layout.square_at(layout.start_cell(2).center) == Square(2, -1)
    assert layout.square_at(layout.hud.center) is None


def test_the_board_uses_the_room_it_has():
    small, large = compute(1024, 768, 6, 9), compute(3840, 2160, 6, 9)
    assert large.square > 2.5 * small.square
    # The board and the how-to-move cue under it fill the height.
    layout = compute(1920, 1080, 6, 9)
    assert layout.grid.height + layout.cue.height > 0.8 * 1080


@pytest.mark.parametrize("width, height", [(1024, 768), (1920, 1080)])
def test_a_cue_of_three_lines_gets_a_taller_band_at_the_rooms_size(width, height):
    """When a language's how-to-move words wrap, the band under the start edge holds three lines
    at the size the room reads, and the board gives up that height (never the panel's)."""
    two, three = compute(width, height, 6, 9), compute(width, height, 6, 9, cue_rows=3)
    assert three.cue_rows == 3 and three.cue.height >= 3 * READABLE * height
    assert three.cue.bottom <= height and not three.cue.colliderect(three.board_area)
    assert three.square < two.square and three.hud == two.hud

