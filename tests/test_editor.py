"""The level editor, headless: draw, undo, see an error, save, and the file passes maze check."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click

from maze.cli import build_parser, main
from maze.core.board import parse_square
from maze.paths import builtin_levels_dir
from maze.storage.levels import load_level
from maze.wiring import build_editor


@pytest.fixture
def editor(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    pygame.display.init()
    pygame.font.init()

    def open_editor(*args):
        app = build_editor(build_parser().parse_args(["edit", "--window", "1280x800", *args]))
        app.step([])
        app.draw(force=True)
        return app
    yield open_editor
    pygame.quit()


def key(app, code, mod=0):
    app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)])


def click_square(app, name):
    app.step(click(app.top.layout().square_rect(parse_square(name)).center))


def test_draw_undo_an_error_then_save_a_valid_level(editor, tmp_path, capsys):
    app = editor()
    scene = app.top
    key(app, pygame.K_TAB)                                    # to the name field
    while scene.name.value:
        key(app, pygame.K_BACKSPACE)
    app.step([pygame.event.Event(pygame.TEXTINPUT, text="Équipe bleue")])
    click_square(app, "A1")                                    # the blank level's A1: undo it
    assert scene.paths["path"] == []
    for name in ("B1", "B2", "D3"):                            # D3 is not next to B2
        click_square(app, name)
    assert 'square 3 of the path "D3" is not next to "B2"' in scene.problems()   # not path[2]
    key(app, pygame.K_s, pygame.KMOD_CTRL)
    assert scene.message.startswith("Not saved") and scene.saved_to is None
    key(app, pygame.K_z, pygame.KMOD_CTRL)                    # undo D3
    for name in ("C3", "C4", "C5", "C6", "C7", "C8", "C9"):
        click_square(app, name)
    assert scene.problems() == []
    key(app, pygame.K_s, pygame.KMOD_CTRL)
    saved = scene.saved_to
    assert saved == tmp_path / "data" / "levels" / "Équipe-bleue.json"
    assert main(["check", str(saved)]) == 0
    level = load_level(saved)
    assert level.path == ("B1", "B2", "C3", "C4", "C5", "C6", "C7", "C8", "C9")
    assert "Équipe bleue" in capsys.readouterr().out
    assert main(["levels"]) == 0 and "Équipe bleue" in capsys.readouterr().out


def test_keyboard_drawing_with_the_square_cursor(editor):
    app = editor()
    scene = app.top
    key(app, pygame.K_SPACE)                                   # take back the blank level's A1
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_SPACE)                                   # B1
    key(app, pygame.K_UP)
    key(app, pygame.K_SPACE)                                   # B2
    key(app, pygame.K_BACKSPACE)                               # undo
    assert [s.name for s in scene.paths["path"]] == ["B1"]


def test_rules_board_size_and_an_alternate_path(editor):
    app = editor("quick-demo")
    scene = app.top
    original = list(scene.paths["path"])
    app.step(click(scene.rows.rect.move(scene.rows.rect.width - 5, 0).topleft))  # rows + 1
    assert scene.rows.number == 6 and scene.paths["path"] == original
    assert any("must be in row 6" in p for p in scene.problems())
    app.step(click(scene.rows.rect.move(2, 2).topleft))                          # back to 5
    app.step(click(scene.retreat.rect.move(scene.retreat.rect.width - 5, 2).topleft))
    assert scene.data()["rules"] == {"retreat": "auto"}
    app.step(click(scene.drawing.rect.move(scene.drawing.rect.width - 5, 2).topleft))
    assert scene.drawing.value == "alternate"
    scene.seed.value = "4"
    app.step(click(scene.buttons[0].rect.center))                                # generate
    alternate = scene.paths["alternate"]
    assert alternate and alternate[0] == original[0] and alternate != original
    app.step(click(scene.after.rect.move(scene.after.rect.width - 5, 2).topleft))
    assert scene.data()["curveball"]["after_crossings"] == 1
    assert scene.problems() == []


def test_generate_a_path_from_a_seed(editor):
    app = editor()
    scene = app.top
    scene.seed.value = "77"
    scene.generate()
    first = list(scene.paths["path"])
    scene.generate()
    assert scene.paths["path"] == first and scene.problems() == []


def test_a_built_in_level_is_saved_as_a_user_level_never_over_the_original(editor, tmp_path):
    before = (builtin_levels_dir() / "classic.json").read_bytes()
    app = editor("classic")
    key(app, pygame.K_s, pygame.KMOD_CTRL)
    assert app.top.saved_to.parent == tmp_path / "data" / "levels"
    assert (builtin_levels_dir() / "classic.json").read_bytes() == before


def test_escape_never_quits_and_ctrl_q_with_unsaved_changes_asks_first(editor):
    app = editor()
    click_square(app, "B1")
    for _ in range(3):
        key(app, pygame.K_ESCAPE)
    assert app.running and "Ctrl+Q" in app.top.message
    key(app, pygame.K_q, pygame.KMOD_CTRL)
    assert app.running and "without saving" in app.top.question
    key(app, pygame.K_ESCAPE)                      # keep editing
    assert app.running and not hasattr(app.top, "question")
    key(app, pygame.K_q, pygame.KMOD_CTRL)
    key(app, pygame.K_RETURN)
    assert not app.running


def test_the_editor_names_squares_not_file_fields_in_the_rooms_language(editor):
    """The file's checks name "path[2]" (counted from 0); the editor, in German, names the
    third square of the path."""
    from maze import lang
    lang.use("de")
    try:
        app = editor()
        scene = app.top
        click_square(app, "A1")                                # the blank level's A1: undo it
        for name in ("B1", "B2", "D3"):
            click_square(app, name)
        said = scene.problems()
    finally:
        lang.use("en")
    assert not any("path" in p for p in said), said
    assert any(p.startswith("Feld 3 des Pfads") for p in said), said
