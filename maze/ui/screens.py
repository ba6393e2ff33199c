"""The places a screen can send the program, by what they show: a scene hands one back in a
transition (``Replace(Debrief(setup, events, path))``) and the app's navigator
(maze.ui.navigator) builds its scene, so no scene imports another.

A new screen: its scene in maze/ui/scenes/, a place here, and one case in the navigator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from maze.core.events import Event
from maze.core.session import Session, SessionSetup
from maze.storage.log import SessionLog, Unfinished
from maze.ui.app import Place, Scene, Transition
from maze.ui.keymap import Action


class Facilitated(Protocol):
    """What the board's overlays ask of the board (maze.ui.scenes.board)."""

    @property
    def session(self) -> Session: ...

    def act(self, action: Action) -> Transition | None: ...

    def reveal_for(self, seconds: float) -> None: ...

    def end_session(self) -> None: ...


@dataclass(frozen=True, eq=False)
class Help(Place):
    """F1: the rules and the keys, over the board."""
    board: Scene | None = None


@dataclass(frozen=True, eq=False)
class Menu(Place):
    """Esc on the board: every facilitator action in a list."""
    board: Facilitated


@dataclass(frozen=True, eq=False)
class EndSession(Place):
    """Ctrl+Q on the board: end the session?"""
    board: Facilitated


@dataclass(frozen=True, eq=False)
class QuitProgram(Place):
    """Ctrl+Q anywhere but the board: quit the program?"""


@dataclass(frozen=True, eq=False)
class Question(Place):
    """A yes-or-no question over the screen; ``on_yes`` says where yes goes."""
    question: str
    yes: str
    no: str
    on_yes: Callable[[], Transition | None]


@dataclass(frozen=True, eq=False)
class Unsaved(Place):
    """The window closed while the disk refuses the log: save it elsewhere?"""
    log: SessionLog


@dataclass(frozen=True, eq=False)
class Debrief(Place):
    """The results of a session, from its events."""
    setup: SessionSetup
    events: Sequence[Event]
    log_path: Path | None


@dataclass(frozen=True, eq=False)
class Replay(Place):
    """A session played back from its events."""
    setup: SessionSetup
    events: Sequence[Event]
    log_path: Path | None
    speed: float = 1.0


@dataclass(frozen=True, eq=False)
class NextTeam(Place):
    """The setup screen for the next team on the same level (only where `maze play` wired it)."""
    setup: SessionSetup


@dataclass(frozen=True, eq=False)
class Interrupted(Place):
    """The list of interrupted sessions to carry on; Esc goes ``back``."""
    entries: Sequence[Unfinished]
    resume: Callable[[Path], Scene]
    back: Scene = field(repr=False)
