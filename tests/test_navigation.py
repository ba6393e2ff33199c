"""Scenes name where they go (a place) and the navigator builds it; anything else fails loudly."""

from __future__ import annotations

from dataclasses import dataclass

import pygame
import pytest
from helpers import FakeClock

from maze.ui.app import App, Place, Push, Scene
from maze.ui.navigator import navigated
from maze.ui.scenes.overlays import ConfirmQuit
from maze.ui.screens import NextTeam, QuitProgram


@dataclass(frozen=True)
class Nowhere(Place):
    """A place no navigator knows."""


class Returns(Scene):
    def __init__(self, app: App, result: object) -> None:
        super().__init__(app)
        self.result = result

    def handle(self, event: pygame.event.Event) -> object:
        return self.result

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))


@pytest.fixture(autouse=True)
def _headless():
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


KEY = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_a, mod=0, unicode="a", scancode=0)


def test_a_place_is_opened_as_its_scene():
    app = navigated(App((640, 480), clock=FakeClock()))
    app.start(Returns(app, Push(QuitProgram())))
    app.step([KEY])
    assert isinstance(app.top, ConfirmQuit) and len(app.stack) == 2


def test_an_unknown_place_or_a_result_that_is_no_transition_fails_loudly():
    app = navigated(App((640, 480), clock=FakeClock()))
    app.start(Returns(app, Push(Nowhere())))
    with pytest.raises(LookupError, match="Nowhere"):
        app.step([KEY])
    app.start(Returns(app, "replace me"))
    with pytest.raises(TypeError, match="not a transition: 'replace me'"):
        app.step([KEY])


def test_the_next_team_is_offered_only_where_a_command_wired_it():
    app = navigated(App((640, 480), clock=FakeClock()))
    assert not app.offers(NextTeam)
    with pytest.raises(LookupError):
        app.scene(NextTeam(setup=None))           # type: ignore[arg-type]
    wired = navigated(App((640, 480), clock=FakeClock()), next_team=lambda s: Returns(wired, None))
    assert wired.offers(NextTeam) and isinstance(wired.scene(NextTeam(setup=None)), Returns)
