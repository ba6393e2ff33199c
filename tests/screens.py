"""Every screen of the program, built headless at a window size, so a test can draw each one
with the text layer's audit on and read back what it drew (cuts, overlaps, lines off the
screen, lines too small for the room)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
from helpers import FakeClock, run

from maze.core.session import SessionSetup, make_setup
from maze.paths import builtin_levels_dir
from maze.sim.team import play
from maze.storage.levels import load_level
from maze.storage.log import SessionLog, read_log, unfinished_logs
from maze.ui.app import App, Scene
from maze.ui.navigator import navigated
from maze.ui.scenes.board import BoardScene
from maze.ui.scenes.debrief import DebriefScene
from maze.ui.scenes.editor import EditorScene
from maze.ui.scenes.overlays import ConfirmEnd, HelpOverlay, MenuOverlay
from maze.ui.scenes.replay import ReplayScene
from maze.ui.scenes.resume import ResumeScene
from maze.ui.scenes.setup import SetupScene
from maze.ui.text import TextAudit

SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080), (2560, 1080), (3840, 2160)]
ORDINARY = ("Ana", "Ben", "Chen", "Dorota")
THIRTY = tuple(f"{name} {i}" for i, name in enumerate(
    ["Ana", "Benedikt", "Chen", "Dorota", "Emeka", "Farida", "Giulia", "Hiroshi", "Ines",
     "Jakob", "Kwame", "Lucía", "Mateus", "Nadia", "Olu", "Priya", "Quentin", "Rosa", "Sven",
     "Tomasz", "Ulla", "Vikram", "Wen", "Ximena", "Yusuf", "Zofia", "Anouk", "Bram", "Cleo",
     "Dmitri"], start=1))


def _setup(roster: tuple[str, ...], level: str = "classic.json", seed: int = 3) -> SessionSetup:
    return make_setup(load_level(builtin_levels_dir() / level), "Blue team", list(roster), None, {},
                      seed, f"screens{len(roster):02d}", "2026-11-22T09:00:00+00:00")


class Played:
    """A finished session on disk (the debrief, replay and leaderboard read it)."""

    def __init__(self, folder: Path, roster: tuple[str, ...]) -> None:
        self.setup = _setup(roster, "curveball.json")
        log = SessionLog(folder, self.setup)
        play(self.setup, random.Random(3), sink=log.append)
        log.close()
        self.path = log.path
        self.events = read_log(log.path).events


class Curveballed:
    """A session like the checker's (a curveball, two penalties, the memory aid and a reveal),
    ended by the facilitator: the debrief's fullest scores page (every switching part)."""

    OLD = "D1 E2 F3 E4 D4 C4 B5 A6 B7 C8 D7 E8 F9".split()    # levels/curveball.json
    NEW = "D1 E2 E3 F4 F5 F6 E7 D7 C7 B7 A8 B9".split()       # its path after the change

    def __init__(self, folder: Path, roster: tuple[str, ...]) -> None:
        from maze.core.session import Session
        self.setup = _setup(roster, "curveball.json", seed=5)
        log = SessionLog(folder, self.setup)
        clock = FakeClock()
        session = Session(self.setup, clock, random.Random(5), log.append)
        session.start()
        run(session, clock, ["D1@3", "D2", "wait 2", *self.OLD,            # a beep, then found
                             *self.OLD, *self.OLD, *self.OLD,              # three crossings: the change
                             "D1", "E2", "F3", "wait 2",                   # a beep on the old path
                             "penalty talking", "penalty pointing", "memory_aid", "reveal",
                             *self.NEW, "end"])
        log.close()
        self.path = log.path
        self.events = read_log(log.path).events


def _board(app: App, folder: Path, roster: tuple[str, ...], script: Callable[[BoardScene], None],
           **flags: object) -> BoardScene:
    setup = _setup(roster)
    if flags:
        from maze.core.record import replace
        setup = replace(setup, rules=setup.rules.with_overrides(dict(flags)))
    scene = BoardScene(app, setup, SessionLog(folder / str(next(_LOG_FOLDERS)), setup))
    script(scene)
    return scene


_LOG_FOLDERS = itertools.count()     # each board its own folder: one log a session


class Started(Scene):
    """What the setup screen's Start leads to, in these tests (the launcher builds a board)."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))
        self.app.text.draw(surface, "Started", 40, (255, 255, 255), topleft=(10, 10))


def _nothing(scene: BoardScene) -> None:
    pass


def _mid_board(scene: BoardScene) -> None:
    path = scene.session.state.path
    scene.session.move(path[0])
    scene.session.move(path[1])


def _execution(scene: BoardScene) -> None:
    clock = scene.app.clock
    for square in scene.session.state.path:
        scene.session.move(square)
    assert isinstance(clock, FakeClock)
    clock.advance(1)
    scene.update()


def _beep(scene: BoardScene) -> None:
    state = scene.session.state
    first = state.path[0]
    wrong = next(sq for sq in state.board.squares() if sq.row == 0 and sq != first)
    scene.session.move(wrong)


def screens(folder: Path, roster: tuple[str, ...]) -> Iterator[tuple[str, Callable[[App], list[Scene]]]]:
    """(name, build): build(app) gives the stack of scenes to draw, bottom first."""
    played = Played(folder / "logs", roster)
    curveballed = Curveballed(folder / "curveball-logs", roster)

    def board(script: Callable[[BoardScene], None], **flags: object) -> Callable[[App], list[Scene]]:
        return lambda app: [_board(app, folder / "live", roster, script, **flags)]

    def overlay(kind: type) -> Callable[[App], list[Scene]]:
        def build(app: App) -> list[Scene]:
            under = _board(app, folder / "live", roster, _mid_board)
            return [under, kind(app, under)]
        return build

    def setup_screen(app: App) -> list[Scene]:
        from maze.storage.levels import list_levels
        from maze.storage.settings import Settings
        settings = Settings(team="Blue team", players=list(roster))
        return [SetupScene(app, list_levels(folder / "no-user-levels"), lambda choices: Started(app),
                           settings)]

    def debrief(page: int, session: Played | Curveballed = played,
                live: bool = False) -> Callable[[App], list[Scene]]:
        """A debrief page: of a replayed log, or (``live``) after a session of `maze play`,
        whose buttons add the next team."""
        def build(app: App) -> list[Scene]:
            assert app.navigator is not None
            app.navigator.next_team = (lambda setup: Started(app)) if live else None
            scene = DebriefScene(app, session.setup, session.events, session.path)
            scene.page = page
            return [scene]
        return build

    def replay(app: App) -> list[Scene]:
        scene = ReplayScene(app, played.setup, played.events, played.path)
        scene.seek(played.events[len(played.events) // 2].t)     # halfway through, paused
        scene.paused = True
        return [scene]

    def editor(app: App) -> list[Scene]:
        return [EditorScene(app, None, folder / "levels")]

    def resume(app: App) -> list[Scene]:
        cut = folder / "cut"
        cut.mkdir(exist_ok=True)
        setup = _setup(roster)
        log = SessionLog(cut, setup)
        from maze.core.session import Session
        session = Session(setup, FakeClock(), random.Random(3), log.append)
        session.start()
        session.move(session.state.path[0])
        log.close()
        entries = unfinished_logs(cut)
        back = SetupScene(app, [], lambda choices: Started(app))
        return [ResumeScene(app, entries, lambda path: back, back)]

    yield "setup", setup_screen

    def setup_refusing(app: App) -> list[Scene]:
        scene = setup_screen(app)[0]
        assert isinstance(scene, SetupScene)
        scene.roster.names.clear()
        scene._start()                      # Start with nobody: refused, and said
        assert scene.error
        return [scene]

    yield "setup refusing to start", setup_refusing
    yield "board planning", board(_nothing, planning=60)
    yield "board learning at the start", board(_nothing)
    yield "board learning on the board", board(_mid_board)
    yield "board beep", board(_beep)
    yield "board execution", board(_execution)
    yield "help", overlay(HelpOverlay)
    yield "menu", overlay(MenuOverlay)
    yield "end confirmation", overlay(ConfirmEnd)
    yield "debrief scores", debrief(0)
    yield "debrief board", debrief(1)
    yield "debrief players", debrief(2)
    yield "debrief teams", debrief(3)
    for page, name in enumerate(("scores", "board", "players")):
        yield f"debrief {name} after a curveball, live", debrief(page, curveballed, live=True)

    def quit_confirmation(app: App) -> list[Scene]:
        from maze.ui.scenes.overlays import ConfirmQuit
        return [*setup_screen(app), ConfirmQuit(app)]

    yield "quit confirmation", quit_confirmation
    yield "replay", replay
    yield "editor", editor
    yield "resume list", resume


def draw_audited(app: App, stack: list[Scene]) -> TextAudit:
    """Draw a stack of scenes once, in full, with the audit on."""
    audit = TextAudit()
    app.text.audit = audit
    app.stack = stack
    for scene in stack:
        scene.full_redraw = True
        scene.dirty = True
    app.draw(force=True)
    app.text.audit = None
    return audit


def open_app(size: tuple[int, int]) -> App:
    pygame.display.init()
    pygame.font.init()
    return navigated(App(size, clock=FakeClock()))
