"""Names pasted from chat tools and spreadsheets carry invisible characters: zero-width spaces,
bidi overrides and isolates, soft hyphens, lone combining marks. They play a full session and
show on every screen without a crash, and every screen stays whole (a name longer than any
sensible name may end in an ellipsis; the program's own words never do)."""

from __future__ import annotations

import pygame
import pytest
from screens import draw_audited, open_app, screens

pytestmark = pytest.mark.slow

NAMES = (
    "Ana\u200b",                 # zero-width space
    "\u202eBen",                 # right-to-left override
    "Chen\u200f",                # right-to-left mark
    "\u2066Dana\u2069",          # isolate
    "Eli\u00adas",               # soft hyphen
    "\u0301",                    # a lone combining mark
    "Ida\u034f",                 # a joiner of no width (SDL_ttf: "Text has zero width")
    "\u200b",                    # nothing visible at all
    "<b>Fay</b> & \"Gus\"",      # markup
    "Zoë " * 50,                 # 200 characters
    "שלום Ana",                  # mixed scripts
)


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    yield
    pygame.quit()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=["1024x768", "1920x1080"])
def test_invisible_and_hostile_names_on_every_screen(tmp_path, size):
    app = open_app(size)
    roster = tuple(name.strip() or name for name in NAMES)
    found = []
    for name, build in screens(tmp_path, roster):
        audit = draw_audited(app, build(app))
        found += [f"{name}: {p}" for p in audit.problems(size[1])]
    assert not found, "\n".join(found[:40])
