"""The projector as a second display: --display N and the setup screen's choice open the board
there, the choice is remembered, a display that is not there gets one clear line, and a
display unplugged mid-session moves the board to one that is there (never a crash).

The display list is faked: headless SDL has one display, and an Xvfb with two X screens does
not model a laptop and a projector side by side (both screens start at 0,0, so SDL, which finds
a window's display by its position, opens every window on the first)."""

from __future__ import annotations

import pygame
import pytest
from ui_helpers import click

from maze.cli import build_parser, main
from maze.storage.settings import load_settings
from maze.ui.scenes.board import BoardScene
from maze.ui.scenes.setup import SetupScene
from maze.wiring import build_app

LAPTOP, PROJECTOR = (1280, 800), (1024, 768)


class FakeDisplays:
    """Headless, SDL has one display: pretend there are more, and note where each window
    is asked to open (the real call still opens on display 0)."""

    def __init__(self, monkeypatch, sizes):
        self.sizes = list(sizes)
        self.opened: list[tuple[int, bool]] = []       # (display, fullscreen)
        real = pygame.display.set_mode

        def set_mode(size=(0, 0), flags=0, depth=0, display=0, vsync=0):
            if not 0 <= display < len(self.sizes):
                raise pygame.error(f"displayIndex must be in the range 0 - {len(self.sizes) - 1}")
            self.opened.append((display, bool(flags & pygame.FULLSCREEN)))
            return real(size if size != (0, 0) else self.sizes[display], flags & ~pygame.FULLSCREEN)

        monkeypatch.setattr(pygame.display, "set_mode", set_mode)
        monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: list(self.sizes))
        monkeypatch.setattr(pygame.display, "get_num_displays", lambda: len(self.sizes))


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    yield tmp_path
    pygame.quit()


def open_app(tmp_path, *extra):
    args = build_parser().parse_args(["play", "--no-sound", "--log-dir", str(tmp_path / "logs"),
                                      "--seed", "5", *extra])
    app = build_app(args)
    app.step([])
    return app


def test_display_2_opens_the_board_on_the_second_display(env, monkeypatch):
    fake = FakeDisplays(monkeypatch, [LAPTOP, PROJECTOR])
    app = open_app(env, "--display", "2", "--players", "Ana,Ben")
    assert fake.opened == [(1, False)] and app.size == PROJECTOR      # as large as the projector
    app.toggle_fullscreen()
    assert fake.opened[-1] == (1, True)                                 # fullscreen there too


@pytest.mark.parametrize("number", ["3", "0", "-1"])
def test_a_display_that_is_not_there_gets_one_clear_line(env, monkeypatch, capsys, number):
    FakeDisplays(monkeypatch, [LAPTOP, PROJECTOR])
    assert main(["play", "--display", number, "--players", "Ana"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"maze: --display {number}: there are 2 displays (1: 1280x800, 2: 1024x768)"


def test_the_setup_screen_chooses_the_display_and_it_is_remembered(env, monkeypatch):
    fake = FakeDisplays(monkeypatch, [LAPTOP, PROJECTOR])
    app = open_app(env, "--window", "1200x760")
    scene = app.top
    assert isinstance(scene, SetupScene) and fake.opened == [(0, False)]   # where you sit
    assert scene.display in scene.widgets and scene.display.value == "1"
    app.draw(force=True)
    app.step(click((scene.display.rect.right - 5, scene.display.rect.centery)))
    assert scene.display.value == "2"
    scene.add.value = "Ana"
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="",
                                 scancode=0)])
    assert isinstance(app.top, BoardScene) and fake.opened[-1] == (1, False)
    assert app.size[0] <= PROJECTOR[0] and app.size[1] <= PROJECTOR[1]
    assert load_settings()[0].display == 2
    app.top.closing()
    pygame.quit()
    fake.opened.clear()
    open_app(env, "--players", "Ben,Chen")          # the next time, straight to the board
    assert fake.opened == [(1, False)]


def test_a_remembered_display_that_is_gone_falls_back_to_the_first(env, monkeypatch):
    fake = FakeDisplays(monkeypatch, [LAPTOP, PROJECTOR])
    open_app(env, "--display", "2", "--players", "Ana").top.closing()   # remembered: 2
    pygame.quit()
    from maze.storage.settings import Settings, save_settings
    save_settings(Settings(display=2))
    fake.sizes.pop()                                   # today, no projector
    fake.opened.clear()
    app = open_app(env, "--players", "Ana")
    assert fake.opened == [(0, False)] and isinstance(app.top, BoardScene)
    app.top.closing()


def test_unplugging_the_projector_mid_session_moves_the_board(env, monkeypatch):
    from maze.core.board import Square
    fake = FakeDisplays(monkeypatch, [LAPTOP, PROJECTOR])
    app = open_app(env, "--display", "2", "--players", "Ana,Ben", "--fullscreen")
    board = app.top
    board.session.move(Square(2, 0))
    fake.sizes.pop()                                   # the cable is pulled
    app.step([])
    assert app.display == 0 and fake.opened[-1] == (0, True)
    assert app.size == LAPTOP
    assert board.notice is not None and "Display 2 was disconnected" in board.notice.text
    assert board.session.state.position == Square(2, 0)   # the session goes on as it was
    app.step([])
    assert app.draw(force=True) and app.display == 0
    fake.sizes.append(PROJECTOR)                           # plugged in again
    app.step([])
    assert app.display == 1 and fake.opened[-1] == (1, True) and app.size == PROJECTOR
    assert "Display 2 is back" in board.notice.text
    board.closing()


def test_a_day_without_the_projector_does_not_forget_it(env, monkeypatch):
    from maze.storage.settings import Settings, save_settings
    FakeDisplays(monkeypatch, [LAPTOP])
    save_settings(Settings(display=2, players=["Ana"]))
    app = open_app(env, "--window", "1200x760")
    scene = app.top
    assert scene.display not in scene.widgets                # nothing to choose today
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="",
                                 scancode=0)])
    assert isinstance(app.top, BoardScene) and app.display == 0
    assert load_settings()[0].display == 2
    app.top.closing()
