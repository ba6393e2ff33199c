"""Every word the front end draws was marked for translation: each screen of tests/screens.py is
drawn under the pseudo-language (tests/pseudo.py: every marked word comes back accented), and any
drawn line left with a plain English word fails, listed with its screen. Data is shown as typed
in every language and allowed: the players' and team's names, the level names and their own
descriptions, the presets' names (written the same on the command line), the languages' own
names."""

from __future__ import annotations

import pygame
import pytest
from pseudo import install, unmarked
from screens import ORDINARY, draw_audited, open_app, screens

import maze.lang as lang
from maze.core.rules import PRESETS
from maze.paths import builtin_levels_dir
from maze.storage.levels import load_level

SIZE = (1024, 768)


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    install()
    yield
    lang.use("en")
    pygame.quit()


def _data_words() -> tuple[str, ...]:
    levels = [load_level(p) for p in sorted(builtin_levels_dir().glob("*.json"))]
    # A level file's field names are the format's, the same in every language (the editor's
    # check names them: "path must have at least 2 squares").
    fields = ("path", "curveball", "cols", "rows", "rules", "preset", "name")
    return (*ORDINARY, "Blue team", *(level.name for level in levels), *PRESETS,
            *lang.LANGUAGES.values(), *fields)


def _descriptions() -> list[str]:
    """The levels' own descriptions (drawn wrapped: a drawn line is a piece of one)."""
    return [load_level(p).description for p in sorted(builtin_levels_dir().glob("*.json"))]


def test_every_drawn_line_is_marked_for_translation(tmp_path):
    app = open_app(SIZE)
    data = _data_words()
    descriptions = _descriptions()
    found: list[str] = []
    for name, build in screens(tmp_path, ORDINARY):
        audit = draw_audited(app, build(app))
        assert audit.placed, f"{name}: the audit saw no text at all"
        for placed in audit.placed:
            if any(placed.text.strip() in d for d in descriptions):
                continue
            words = unmarked(placed.text, data)
            if words:
                found.append(f"{name}: {placed.text!r} ({', '.join(words)})")
    found = list(dict.fromkeys(found))
    assert not found, f"{len(found)} lines with unmarked words:\n" + "\n".join(found)


def test_the_check_finds_an_unmarked_word():
    """The pseudo-language accents what is marked, and the check sees what is not."""
    assert unmarked(lang._("Your turn")) == []
    assert unmarked("Your turn") == ["Your", "turn"]
    assert unmarked(lang._("{name}, your turn").format(name="Ana"), ("Ana",)) == []
