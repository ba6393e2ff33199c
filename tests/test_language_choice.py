"""The language of the screens, chosen on the setup screen: each language offered in its own
words, every word of the screen in the new language at once, by keyboard or mouse, and
remembered for next time (settings.json), an unknown code in that file read as the default."""

from __future__ import annotations

import gettext
import json

import pygame
import pytest
from pseudo import Pseudo
from ui_helpers import click

import maze.lang as lang
from maze.cli import build_parser
from maze.storage.settings import Settings, load_settings
from maze.ui.scenes.setup import SetupScene
from maze.ui.text import TextAudit
from maze.wiring import build_app


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    # Catalogues are filled by translators: here every language but English speaks the
    # pseudo-language, so a switch shows on the screen.
    monkeypatch.setattr(lang, "catalogue", lambda code: gettext.NullTranslations()
                        if code == "en" else Pseudo())
    lang.use("en")
    pygame.display.init()
    pygame.font.init()
    yield tmp_path
    lang.use("en")
    pygame.quit()


def open_app(tmp_path):
    args = build_parser().parse_args(["play", "--window", "1024x768", "--no-sound",
                                      "--log-dir", str(tmp_path / "logs"), "--seed", "5"])
    app = build_app(args)
    app.step([])
    return app


def key(app, code, mod=0):
    app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)])


def drawn(app) -> set[str]:
    audit = TextAudit()
    app.text.audit = audit
    app.top.full_redraw = app.top.dirty = True
    app.draw(force=True)
    app.text.audit = None
    return {p.text for p in audit.placed}


def test_the_language_control_switches_the_screen_at_once_by_keyboard(env):
    app = open_app(env)
    scene = app.top
    assert isinstance(scene, SetupScene)
    assert "New session" in drawn(app) and "Language: English" in drawn(app)
    while scene.widgets[scene.focus] is not scene.language:
        key(app, pygame.K_TAB)
    key(app, pygame.K_RIGHT)
    assert lang.current() == "de"
    words = drawn(app)
    assert "Néw séssíön" in words and "Lángúágé: Deutsch" in words
    assert "New session" not in words
    key(app, pygame.K_LEFT)
    assert lang.current() == "en" and "New session" in drawn(app)


def test_the_language_is_chosen_by_mouse_and_remembered(env):
    app = open_app(env)
    scene = app.top
    right = (scene.language.rect.right - 5, scene.language.rect.centery)
    app.step(click(right))
    app.step(click(right))
    assert lang.current() == "fr" and "Lángúágé: Français" in drawn(app)
    scene.roster.names[:] = ["Ana"]
    key(app, pygame.K_RETURN)          # start: the setup is remembered
    data = json.loads((env / "data" / "settings.json").read_text(encoding="utf-8"))
    assert data["language"] == "fr"


def test_each_language_fits_the_control_at_1024x768(env):
    app = open_app(env)
    scene = app.top
    for code, name in lang.LANGUAGES.items():
        scene.language.index = list(lang.LANGUAGES).index(code)
        audit = TextAudit()
        app.text.audit = audit
        scene.full_redraw = scene.dirty = True
        app.draw(force=True)
        app.text.audit = None
        assert not audit.problems(768), (name, audit.problems(768))
        assert any(name in p.text for p in audit.placed), name


def test_an_unknown_or_damaged_language_setting_reads_as_the_default(tmp_path):
    for value in ("xx", 3, None, "de_DE"):
        path = tmp_path / "settings.json"
        path.write_text(json.dumps({"format": "maze-settings", "version": 1, "team": "T",
                                    "language": value}), encoding="utf-8")
        settings, notice = load_settings(path)
        assert settings.language == "" and settings.team == "T" and notice is None
    path.write_text(json.dumps({"format": "maze-settings", "version": 1, "language": "nl"}),
                    encoding="utf-8")
    assert load_settings(path)[0].language == "nl"
    assert Settings().language == ""


def test_what_the_setup_screen_says_of_a_damaged_or_unwritable_settings_file_is_translated(
        tmp_path):
    from pseudo import unmarked

    from maze.storage.settings import save_settings
    not_settings = tmp_path / "other.json"
    not_settings.write_text('{"format": "something else"}', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("", encoding="utf-8")
    lang.install(Pseudo())
    try:
        said = [load_settings(not_settings)[1], load_settings(broken)[1],
                save_settings(Settings(), in_the_way / "settings.json")]
    finally:
        lang.use("en")
    for line in said:
        assert line and "Séttíngs" in line or "Cöúld nöt" in line, line
        words = unmarked(line, (str(tmp_path),))
        # Python's own words for a JSON mistake, and the system's reason, stay as they come
        assert not [w for w in words if w in ("Settings", "ignored", "using", "defaults",
                                              "remember", "setup")], line
