"""A few text-free screenshots of the board, compared with a tolerance.

Text differs between FreeType versions, so these render through a text cache that draws
nothing: they check shapes, colours and places. Regenerate the references only on request:
MAZE_UPDATE_SCREENSHOTS=1 python -m pytest tests/test_screenshots.py. A failure writes
reference | actual | difference side by side into test-artifacts/.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pygame
import pytest
from helpers import make_level, make_setup
from ui_helpers import Driver

from maze.ui.text import TextCache

REFERENCES = Path(__file__).parent / "screenshots"
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
CHANNEL_TOLERANCE = 16        # a pixel differs when a channel differs by more than this
PIXEL_TOLERANCE = 0.005       # the share of pixels that may differ


class NoText(TextCache):
    def render(self, text, height, color, bold=False, max_width=None, user=False):  # type: ignore[override]
        return pygame.Surface((1, 1), pygame.SRCALPHA)


def shot(tmp_path, size, script, level=None) -> pygame.Surface:
    d = Driver(tmp_path, make_setup(level or make_level(alternate=None), ("Ana", "Ben")), size)
    d.app.text = NoText()
    d.board._static = None
    script(d)
    d.board.announcement = d.board.cue = d.board.notice = None
    d.app.draw(force=True)
    return d.app.screen.copy()


def compare(name: str, actual: pygame.Surface) -> None:
    reference = REFERENCES / f"{name}.png"
    if os.environ.get("MAZE_UPDATE_SCREENSHOTS") or not reference.exists():
        if not os.environ.get("MAZE_UPDATE_SCREENSHOTS"):
            pytest.fail(f"no reference {reference}: run with MAZE_UPDATE_SCREENSHOTS=1 to make it")
        REFERENCES.mkdir(exist_ok=True)
        pygame.image.save(actual, reference)
        return
    expected = pygame.image.load(reference)
    assert expected.get_size() == actual.get_size()
    w, h = actual.get_size()
    # Whole arrays at once (as Pygame Zero's screen tests do), not a Python loop over pixels.
    exp = pygame.surfarray.array3d(expected).astype(np.int16)
    act = pygame.surfarray.array3d(actual).astype(np.int16)
    differs = (np.abs(exp - act) > CHANNEL_TOLERANCE).any(axis=2)      # (w, h): True where it differs
    differing = int(differs.sum())
    marks = np.zeros((w, h, 3), dtype=np.uint8)
    marks[differs] = (255, 0, 255)
    diff = pygame.surfarray.make_surface(marks)
    share = differing / (w * h)
    if share > PIXEL_TOLERANCE:
        ARTIFACTS.mkdir(exist_ok=True)
        side = pygame.Surface((w * 3, h))
        side.blit(expected, (0, 0))
        side.blit(actual, (w, 0))
        side.blit(diff, (2 * w, 0))
        out = ARTIFACTS / f"{name}-diff.png"
        pygame.image.save(side, out)
        pytest.fail(f"{name}: {share:.2%} of pixels differ (see {out})")


@pytest.fixture(autouse=True)
def headless():
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


def test_board_at_the_start(tmp_path):
    compare("board-start-800x600", shot(tmp_path, (800, 600), lambda d: d.press("Left")))


def test_a_beep_flashes_square_and_border(tmp_path):
    compare("board-beep-1024x768", shot(tmp_path, (1024, 768), lambda d: d.press("Up")))


def test_memory_aid_marks_and_the_revealed_path(tmp_path):
    def script(d):
        d.press("ctrl+a", "Left", "Up", "q")
        d.wait(2)
        d.app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_r, mod=pygame.KMOD_CTRL,
                                       scancode=0)])     # held: not released
    compare("board-memory-reveal-1280x720", shot(tmp_path, (1280, 720), script))


def test_the_comparison_catches_a_visible_change(tmp_path, monkeypatch):
    monkeypatch.delenv("MAZE_UPDATE_SCREENSHOTS", raising=False)
    changed = shot(tmp_path, (800, 600), lambda d: d.press("Left"))
    pygame.draw.rect(changed, (255, 255, 255), (100, 100, 60, 60))   # one square repainted
    with pytest.raises(pytest.fail.Exception, match="of pixels differ"):
        compare("board-start-800x600", changed)
    assert (ARTIFACTS / "board-start-800x600-diff.png").exists()
