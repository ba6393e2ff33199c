"""The setup screen, through the real launcher wiring: names, order, level, rules, Start;
the setup is remembered; the next team starts from the results in one step."""

from __future__ import annotations

import json

import pygame
import pytest
from ui_helpers import click

from maze.cli import build_parser
from maze.storage.log import read_log
from maze.ui.scenes.board import BoardScene
from maze.ui.scenes.debrief import DebriefScene
from maze.ui.scenes.setup import SetupScene
from maze.wiring import build_app


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    pygame.display.init()
    pygame.font.init()
    yield tmp_path
    pygame.quit()


def open_app(tmp_path, *extra):
    args = build_parser().parse_args(["play", "--window", "1280x800", "--no-sound",
                                      "--log-dir", str(tmp_path / "logs"), "--seed", "5", *extra])
    app = build_app(args)
    app.step([])
    return app


def typed(app, words):
    app.step([pygame.event.Event(pygame.TEXTINPUT, text=words)])


def key(app, code, mod=0):
    app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)])


def tab_to(app, widget):
    scene = app.top
    while scene.widgets[scene.focus] is not widget:
        key(app, pygame.K_TAB)


def test_type_names_reorder_remove_choose_and_start(env):
    app = open_app(env)
    scene = app.top
    assert isinstance(scene, SetupScene) and scene.widgets[scene.focus] is scene.team
    typed(app, "Équipe Ω")
    tab_to(app, scene.add)
    for name in ("Ana", "Ben", "דנה", "Chen"):
        typed(app, name)
        key(app, pygame.K_RETURN)                     # Enter in "Add a player" adds
    assert scene.roster.names == ["Ana", "Ben", "דנה", "Chen"]
    tab_to(app, scene.roster)
    key(app, pygame.K_UP, pygame.KMOD_ALT)            # Chen (just added) moves up one
    key(app, pygame.K_UP)                             # choose Ben
    key(app, pygame.K_DELETE)                         # Ben is removed
    assert scene.roster.names == ["Ana", "Chen", "דנה"]
    tab_to(app, scene.levels)
    while scene.levels.entry.key != "strict":
        key(app, pygame.K_DOWN)
    tab_to(app, scene.planning)
    key(app, pygame.K_RIGHT)                          # 30 s of planning
    tab_to(app, scene.memory_aid)
    key(app, pygame.K_LEFT)                           # on
    key(app, pygame.K_RETURN)                         # Enter starts
    board = app.top
    assert isinstance(board, BoardScene)
    setup = board.setup
    assert setup.team == "Équipe Ω" and setup.roster == ("Ana", "Chen", "דנה")
    assert setup.level.name == "Strict 6x9" and setup.rules.retreat == "manual"
    assert setup.rules.planning == 30 and setup.rules.memory_aid
    header = read_log(board.log.path).header
    assert header["roster"] == ["Ana", "Chen", "דנה"] and header["rules"]["planning"] == 30
    # Remembered: the next `maze` opens with the same setup.
    again = open_app(env).top
    assert again.team.value == "Équipe Ω" and again.roster.names == ["Ana", "Chen", "דנה"]
    assert again.levels.entry.key == "strict" and again.planning.number == 30


def test_mouse_only_setup(env):
    app = open_app(env)
    scene = app.top
    app.draw(force=True)
    app.step(click(scene.add.rect.center))
    for name in ("Ana", "Ben"):
        typed(app, name)
        key(app, pygame.K_RETURN)
    app.draw(force=True)
    index, row, up, down, cross = scene.roster.rows[1]
    app.step(click(up.center))                        # Ben up
    assert scene.roster.names == ["Ben", "Ana"]
    app.draw(force=True)
    app.step(click(scene.roster.rows[1][4].center))   # remove Ana
    assert scene.roster.names == ["Ben"]
    app.step(click(scene.start_button.rect.center))
    assert isinstance(app.top, BoardScene) and app.top.setup.roster == ("Ben",)


def test_generate_a_level_from_a_seed(env):
    app = open_app(env)
    scene = app.top
    tab_to(app, scene.seed)
    typed(app, "12x3")                                 # digits only
    assert scene.seed.value == "123"
    tab_to(app, scene.generate)
    key(app, pygame.K_RETURN)
    first = scene.levels.entry.level
    assert "seed 123" in first.name
    key(app, pygame.K_RETURN)                          # the same seed: the same path
    assert scene.levels.entries[0].level.path == first.path
    tab_to(app, scene.add)
    typed(app, "Ana")
    tab_to(app, scene.start_button)
    key(app, pygame.K_RETURN)
    assert app.top.setup.level.path == first.path


def test_an_empty_roster_is_refused_with_a_message(env):
    app = open_app(env)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, SetupScene) and "at least one player" in app.top.error


def test_a_corrupt_settings_file_is_ignored_with_a_notice(env):
    (env / "data").mkdir()
    (env / "data" / "settings.json").write_text("{not json")
    scene = open_app(env).top
    assert isinstance(scene, SetupScene)
    assert "Settings ignored" in scene.error and scene.roster.names == []


def test_command_line_flags_fill_the_setup(env):
    scene = open_app(env, "quick-demo", "--team", "Blue", "--memory-aid", "--retreat", "manual").top
    assert scene.team.value == "Blue" and scene.memory_aid.on and scene.retreat.value == "manual"
    assert scene.levels.entry.key == "quick-demo"


def test_next_team_from_the_results_in_one_step(env):
    app = open_app(env, "quick-demo")
    scene = app.top
    typed(app, "Red")
    tab_to(app, scene.add)
    typed(app, "Ana")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    first = app.top.setup
    key(app, pygame.K_q, pygame.KMOD_CTRL)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, DebriefScene)
    key(app, pygame.K_n)                               # next team
    typed(app, "n")                     # SDL sends the N as text too: it is not the new name
    nxt = app.top
    assert isinstance(nxt, SetupScene)
    assert nxt.levels.entry.level == first.level and nxt.roster.names == [] and nxt.team.value == ""
    typed(app, "Green")
    tab_to(app, nxt.add)
    typed(app, "Bo")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert app.top.setup.level == first.level and app.top.setup.team == "Green"
    key(app, pygame.K_q, pygame.KMOD_CTRL)
    key(app, pygame.K_RETURN)
    # Both teams played this level, but both sessions were ended at once (Ctrl+Q): listed on
    # the Teams page, not ranked.
    listed = app.top.board
    assert [(row.team, row.ranked, row.ranks) for row in listed] == [
        ("Green", False, (None, None, None)), ("Red", False, (None, None, None))]


def test_settings_file_is_plain_json(env):
    app = open_app(env)
    typed(app, "T")
    tab_to(app, app.top.add)
    typed(app, "Ana")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    data = json.loads((env / "data" / "settings.json").read_text(encoding="utf-8"))
    assert data["format"] == "maze-settings" and data["players"] == ["Ana"]


def test_next_team_after_a_session_started_with_players(env):
    app = open_app(env, "quick-demo", "--players", "Ana")
    key(app, pygame.K_q, pygame.KMOD_CTRL)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_n)
    assert isinstance(app.top, SetupScene) and app.top.levels.entry.key == "quick-demo"


def test_an_interrupted_session_is_resumed_from_the_setup_screen(env):
    from maze.ui.scenes.resume import ResumeScene

    app = open_app(env, "--players", "Ana,Ben")           # a session starts...
    board = app.top
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0, unicode="", scancode=0)])
    key(app, pygame.K_m, pygame.KMOD_LCTRL)                 # the sound was muted
    path = board.log.path
    board.closing()                                       # ...and the window is closed
    pygame.quit()
    pygame.display.init()
    pygame.font.init()
    app = open_app(env)
    scene = app.top
    assert isinstance(scene, SetupScene) and scene.resume_button in scene.widgets
    app.draw(force=True)
    app.step(click(scene.resume_button.rect.center))
    listing = app.top
    assert isinstance(listing, ResumeScene) and [e.path for e in listing.entries] == [path]
    key(app, pygame.K_ESCAPE)                             # back, and in again by keys
    assert app.top is scene
    tab_to(app, scene.resume_button)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, ResumeScene)
    key(app, pygame.K_RETURN)
    resumed = app.top
    assert isinstance(resumed, BoardScene) and resumed.log.path == path
    assert resumed.session.state.position is not None     # Ana still stands on her square
    assert resumed.announcement is not None and resumed.announcement.text.startswith("Resumed")
    assert app.sound.muted                                  # and stays muted
    resumed.closing()
    kinds = [e.TYPE for e in read_log(path).events]
    assert kinds == ["phase_changed", "turn_started", "step", "muted", "session_resumed"]


def test_no_resume_button_without_interrupted_sessions(env):
    app = open_app(env)
    assert app.top.resume_button not in app.top.widgets


def test_a_repeated_name_is_kept_apart_and_said(env):
    app = open_app(env)
    scene = app.top
    assert scene.widgets[scene.focus] is scene.team          # the first field, top left
    tab_to(app, scene.add)
    for _ in range(2):
        typed(app, "Ben")
        key(app, pygame.K_RETURN)
    assert scene.roster.names[-2:] == ["Ben", "Ben 2"]
    assert scene.error == "Ben is already in the list: added as Ben 2"


def test_the_phones_switch_opens_the_room_with_the_session(env, monkeypatch):
    """Room play from the setup screen: the switch is remembered and the board serves the
    players' phones (here on the loopback address and a free port)."""
    import maze.room.server as server
    from maze import wiring
    monkeypatch.setattr(server, "lan_address", lambda: "127.0.0.1")
    monkeypatch.setattr(wiring, "ROOM_PORT", 0)
    app = open_app(env)
    scene = app.top
    tab_to(app, scene.add)
    typed(app, "Ana")
    key(app, pygame.K_RETURN)
    scene.room.step(1)                                   # Phones: on
    assert scene.room.on
    key(app, pygame.K_RETURN)
    board = app.top
    try:
        assert isinstance(board, BoardScene) and board.room is not None
        assert json.loads((env / "data" / "settings.json").read_text())["room"] is True
    finally:
        for work in app.cleanup:
            work()


@pytest.mark.parametrize("language", ["es", "pt_BR", "de", "en"])
def test_the_level_list_says_how_many_levels_are_out_of_view(env, language):
    """At 1024x768 the Spanish options leave the level list room for 4 of the 7 levels: the
    list said nothing of the other 3. Its end now counts them, below and, scrolled down, above."""
    from screens import draw_audited, open_app

    import maze.lang as lang
    from maze.storage.levels import list_levels
    from maze.storage.settings import Settings
    lang.use(language)
    try:
        app = open_app((1024, 768))
        scene = SetupScene(app, list_levels(env / "no-user-levels"), lambda choices: None,
                           Settings(team="Blue", players=["Ana", "Ben"]))
        levels = scene.levels
        levels.selected = 0

        def counted() -> list[str]:
            audit = draw_audited(app, [scene])
            assert audit.problems(768) == []
            return [p.text for p in audit.placed if p.text in more]

        more = {lang.n_("{n} more", "{n} more", n).format(n=n) for n in range(1, 10)}
        below = counted()
        out_of_view = len(levels.entries) - len(levels.rows)
        assert out_of_view or language in ("en", "de")     # es and pt_BR: the case seen
        assert below == ([lang.n_("{n} more", "{n} more", out_of_view).format(n=out_of_view)]
                         if out_of_view else [])
        levels.selected = len(levels.entries) - 1          # scrolled to the last level
        above = counted()
        assert levels.rows[-1][0] == len(levels.entries) - 1
        assert above == ([lang.n_("{n} more", "{n} more", levels.first).format(n=levels.first)]
                         if levels.first else [])
    finally:
        lang.use("en")
