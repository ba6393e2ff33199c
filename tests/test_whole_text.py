"""What the room sees: on every screen, at every projector and laptop size, with ordinary names
and with 30 players, no text of the program's own is cut, nothing overlaps, nothing falls off
the screen, and nothing is too small to read (the text layer's audit, read back per frame)."""

from __future__ import annotations

import os

import pygame
import pytest
from screens import ORDINARY, SIZES, THIRTY, draw_audited, open_app, screens


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    yield
    pygame.quit()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("roster", [ORDINARY, THIRTY], ids=["4 players", "30 players"])
def test_every_screen_whole_at_every_size(tmp_path, size, roster):
    app = open_app(size)
    found: list[str] = []
    for name, build in screens(tmp_path, roster):
        audit = draw_audited(app, build(app))
        assert audit.placed, f"{name}: the audit saw no text at all"
        found += [f"{name}: {problem}" for problem in audit.problems(size[1])]
    if os.environ.get("MAZE_SHOW_PROBLEMS"):
        print("\n".join(found))
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:60])
