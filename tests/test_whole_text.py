"""What the room sees: on every screen, at every projector and laptop size, with ordinary names
and with 30 players, no text of the program's own is cut, nothing overlaps, nothing falls off
the screen or hides under the screen's own panels (a page's button bar), and nothing is too
small to read (the text layer's audit, read back per frame).
The same in every language the program speaks, and in the pseudo-language (tests/pseudo.py:
accented text is a little wider and taller than English, an early look at translations)."""

from __future__ import annotations

import os

import pseudo
import pygame
import pytest
from screens import ORDINARY, SIZES, THIRTY, draw_audited, open_app, screens

import maze.lang as lang

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    yield
    lang.use("en")
    pygame.quit()


def _problems(folder, size: tuple[int, int], roster: tuple[str, ...]) -> list[str]:
    app = open_app(size)
    found: list[str] = []
    for name, build in screens(folder, roster):
        audit = draw_audited(app, build(app))
        assert audit.placed, f"{name}: the audit saw no text at all"
        found += [f"{name}: {problem}" for problem in audit.problems(size[1])]
    if os.environ.get("MAZE_SHOW_PROBLEMS"):
        print("\n".join(found))
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("roster", [ORDINARY, THIRTY], ids=["4 players", "30 players"])
def test_every_screen_whole_at_every_size(tmp_path, size, roster):
    found = _problems(tmp_path, size, roster)
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:60])


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("roster", [ORDINARY, THIRTY], ids=["4 players", "30 players"])
@pytest.mark.parametrize("language", [*lang.LANGUAGES, "pseudo"])
def test_every_screen_whole_in_every_language(tmp_path, size, roster, language):
    """Each language's words at the projector's common size and at full HD, with ordinary
    names and with 30 players (long lists, two-digit counts)."""
    if language == "pseudo":
        pseudo.install()
    else:
        lang.use(language)
    found = _problems(tmp_path, size, roster)
    assert not found, f"{language}: {len(found)} problems:\n" + "\n".join(found[:60])


def test_the_documentation_screenshots_are_made_by_a_script(tmp_path):
    """docs/screenshots.py draws the main screens at 1024x768 and 1920x1080 and saves only
    screens the audit passes (the README and the facilitator's guide show them)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "docs" / "screenshots.py"), "--out",
                           str(tmp_path)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert done.returncode == 0, done.stdout + done.stderr
    made = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(made) == 16 and "debrief-scores-1024x768.png" in made
    shipped = sorted(p.name for p in (root / "docs" / "screenshots").glob("*.png"))
    assert made == shipped
