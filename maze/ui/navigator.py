"""The navigator: the scene of each place a transition names (maze.ui.screens).

The one module that knows every screen; the scenes know only places. What only a command
knows (the setup screen for the next team, in `maze play`) is given by maze.wiring. A screen's
module, and the places themselves, are imported when first needed: the first frame waits for
none of them."""

from __future__ import annotations

from collections.abc import Callable

from maze.core.session import SessionSetup
from maze.ui.app import App, Place, Scene


class Navigator:
    def __init__(self, app: App,
                 next_team: Callable[[SessionSetup], Scene] | None = None) -> None:
        self.app = app
        self.next_team = next_team

    def offers(self, kind: type[Place]) -> bool:
        from maze.ui.screens import NextTeam
        return kind is not NextTeam or self.next_team is not None

    def open(self, place: Place) -> Scene:
        from maze.ui.screens import (
            Debrief,
            EndSession,
            Help,
            Interrupted,
            Menu,
            NextTeam,
            Question,
            QuitProgram,
            Replay,
            Unsaved,
        )
        app = self.app
        match place:
            case Help() | Menu() | EndSession() | QuitProgram() | Question() | Unsaved():
                return self._overlay(place)
            case Debrief(setup, events, log_path):
                from maze.ui.scenes.debrief import DebriefScene
                return DebriefScene(app, setup, events, log_path)
            case Replay(setup, events, log_path, speed):
                from maze.ui.scenes.replay import ReplayScene
                return ReplayScene(app, setup, events, log_path, speed=speed)
            case NextTeam(setup) if self.next_team is not None:
                return self.next_team(setup)
            case Interrupted(entries, resume, back):
                from maze.ui.scenes.resume import ResumeScene
                return ResumeScene(app, entries, resume, back)
            case _:
                raise LookupError(f"no screen for {place!r} in this program")

    def _overlay(self, place: Place) -> Scene:
        """The overlays drawn over another screen (maze/ui/scenes/overlays.py)."""
        from maze.ui.scenes import overlays
        from maze.ui.screens import EndSession, Help, Menu, Question, QuitProgram, Unsaved
        app = self.app
        match place:
            case Help(board):
                return overlays.HelpOverlay(app, board)
            case Menu(board):
                return overlays.MenuOverlay(app, board)
            case EndSession(board):
                return overlays.ConfirmEnd(app, board)
            case QuitProgram():
                return overlays.ConfirmQuit(app)
            case Question(question, yes, no, on_yes):
                return overlays.Confirm(app, question, yes, no, on_yes)
            case Unsaved(log):
                return overlays.UnsavedEvents(app, log)
            case _:
                raise LookupError(f"no overlay for {place!r}")


def navigated(app: App, next_team: Callable[[SessionSetup], Scene] | None = None) -> App:
    """``app`` with the navigator (for the commands, and tests that build an app)."""
    app.navigator = Navigator(app, next_team)
    return app
