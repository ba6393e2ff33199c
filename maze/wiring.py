"""The program wired together: from checked options to a window, for the commands that open one.

It resolves the level, prepares the log, opens the room, and gives the app its navigator (which
screen each destination is). Everything that can fail because of the user's files (the level
file, the log folder, a log to resume, a port in use, no display) fails here, before any window
opens, with one clear line. The options come already checked by the command line (maze.cli),
which this module never imports; the front end (maze.ui) never imports this one."""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from maze.core.record import replace
from maze.core.session import SessionSetup, make_setup
from maze.lang import _
from maze.paths import default_log_dir, user_levels_dir
from maze.room import ROOM_PORT
from maze.storage.levels import LevelEntry, find_level, list_levels, load_level
from maze.storage.log import SessionLog, new_session_id, wall_clock_now
from maze.terminal import UsageError, say

if TYPE_CHECKING:
    from maze.storage.log import LogRead
    from maze.storage.settings import Settings
    from maze.ui.app import App
    from maze.ui.scenes.board import BoardScene

DEFAULT_LEVEL = "classic"       # `maze play` without a level


def check_log_dir(folder: Path) -> Path:
    """Make sure session logs can be written there, before any session starts."""
    probe = folder / f".write-test-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(_("--log-dir {folder}: session logs cannot be written there "
                           "({reason})").format(folder=folder, reason=reason)) from None
    return folder


def rule_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The rules the options change (their ranges checked as they were read)."""
    flags: dict[str, Any] = {}
    if args.memory_aid:
        flags["memory_aid"] = True
    if args.retreat:
        flags["retreat"] = args.retreat
    if args.time_limit is not None:
        flags["time_limit"] = float(args.time_limit) * 60
    if args.planning is not None:
        flags["planning"] = float(args.planning)
    return flags


def initial_settings(args: argparse.Namespace, level_key: str) -> tuple[Settings, str | None]:
    """The remembered setup, with whatever the command line says on top."""
    from maze.storage.settings import load_settings
    settings, notice = load_settings()
    if args.team:
        settings.team = args.team
    if args.level:
        settings.level = level_key
    if args.preset:
        settings.preset = args.preset
    if args.retreat:
        settings.retreat = args.retreat
    if args.planning is not None:
        settings.planning = int(args.planning)
    if args.time_limit is not None:
        settings.time_limit = max(1, round(args.time_limit))
    if args.memory_aid:
        settings.memory_aid = True
    if args.no_sound:
        settings.sound = False
    if getattr(args, "display", None) is not None:
        settings.display = args.display
    return settings, notice


def open_display(size: tuple[int, int] | None, number: int | None = None,
                 remembered: int | None = None) -> tuple[tuple[int, int], int]:
    """Start pygame's display and fonts; the window's size (as asked with --window, or as large
    as its display: the projector view; the window manager fits it to the work area) and the
    display it opens on (--display, counted from 1; a display that is not there is refused
    with the list of those that are, before any window opens; else the ``remembered`` one if
    it is there, else the first)."""
    import pygame

    from maze.ui.displays import DisplayError, display_index, display_sizes, no_display_reason
    if (reason := no_display_reason()) is not None:
        raise UsageError(reason)          # never a window nobody can see, or close
    pygame.display.init()
    pygame.font.init()
    sizes = display_sizes()
    try:
        if number is None and remembered is not None and 1 <= remembered <= len(sizes):
            number = remembered
        index = display_index(number, sizes) if number is not None else 0
    except DisplayError as exc:
        pygame.quit()
        raise UsageError(str(exc)) from None
    return size or sizes[index], index


def start_sound(app: App, enabled: bool) -> None:
    """Open the mixer and synthesize the tones (after the first frame: start-up shows the
    board first). Muting chosen meanwhile is kept; a missing device is said on screen once."""
    from maze.ui.sound import open_sound

    muted = app.sound.muted
    app.sound = open_sound(enabled)
    app.sound.muted = muted
    notify = getattr(app.top, "notify", None) if app.stack else None
    if app.sound.notice and notify is not None:
        notify(app.sound.notice)


def run_app(build: Callable[[argparse.Namespace], App], args: argparse.Namespace) -> int:
    """Build the app for a command (every input checked first), run it, close pygame."""
    import pygame

    app = build(args)
    try:
        return app.run()
    finally:
        pygame.quit()


def check_resumable(path: Path) -> LogRead:
    """An interrupted session's log, read and rebuilt before any window opens or anything is
    appended: every refusal is one line naming the file."""
    from maze.core.session import ActionRefused, Session
    from maze.storage.log import UNUSABLE, read_for_resume, unusable

    read = read_for_resume(path)
    for warning in read.warnings:
        say(_("warning: {problem}").format(problem=warning), error=True)     # names in it: escaped
    try:
        Session.resumed(read.setup, read.events, time.monotonic, random.Random(read.setup.seed))
    except ActionRefused as exc:
        raise UsageError(f"{path}: {exc}") from None
    except UNUSABLE as exc:
        raise unusable(str(path), exc) from None
    return read


def reopen_log(path: Path) -> tuple[SessionLog, float]:
    """An interrupted session's log opened to append, and the seconds since it was last
    written; ValueError (one line) if another window holds it or it cannot be written."""
    from maze.storage.log import LogInUse
    try:
        gap = time.time() - path.stat().st_mtime
        return SessionLog.reopen(path), gap
    except LogInUse as exc:
        raise ValueError(str(exc)) from None
    except OSError as exc:
        raise ValueError(_("{file}: cannot be appended to ({reason})").format(
            file=path, reason=exc.strerror or exc)) from None


def open_room(args: argparse.Namespace, resume: Path | None) -> Any:
    """`--room`: the room's server, listening before any window opens (a port in use is one
    line), not yet serving. A resumed session's room keeps its code and the phones' tokens."""
    if not getattr(args, "room", False):
        return None
    from maze.room.server import RoomServer, lan_address, remembered, room_file
    code, tokens = remembered(room_file(resume)) if resume is not None else (None, {})
    try:
        return RoomServer((), args.bind or lan_address(), args.port, code=code, tokens=tokens)
    except OSError as exc:
        raise UsageError(str(exc)) from None


def room_from_setup(app: App) -> Any:
    """The setup screen's Phones switch: the room opens with the first session that asks for
    it (on the laptop's network address and the default port), and stays open; a port in use
    is said on the setup screen."""
    try:
        opened = open_room(argparse.Namespace(room=True, bind=None, port=ROOM_PORT), None)
    except UsageError as exc:
        raise ValueError(str(exc)) from None
    serve_room(app, opened)
    return opened


def serve_room(app: App, room: Any) -> None:
    """Start serving: phones' commands wake the app loop; the facilitator's secret address
    goes to this terminal only (never the projector, never a log)."""
    import pygame

    from maze.ui.scenes.board import ROOM_EVENT

    def wake() -> None:
        try:
            pygame.event.post(pygame.event.Event(ROOM_EVENT))
        except pygame.error:
            pass                 # the window is closing
    room.wake = wake
    room.start()
    app.cleanup.append(room.stop)
    print(_("Room play: players open {url} (room code {code})").format(url=room.join_url,
                                                                        code=room.code), flush=True)
    print(_("Facilitator's remote (keep it off the projector): {url}").format(url=room.remote_url),
          flush=True)


def resume_board(app: App, path: Path, read: LogRead | None = None,
                 opened: tuple[SessionLog, float] | None = None, room: Any = None) -> BoardScene:
    """The board of an interrupted session, carried on in its own log. Raises ValueError with
    one line for the setup screen to show."""
    from maze.ui.scenes.board import BoardScene

    if read is None:
        try:
            read = check_resumable(path)
        except UsageError as exc:
            raise ValueError(str(exc)) from None
    log, gap = opened or reopen_log(path)
    return BoardScene(app, read.setup, log, resume=read.events, gap=gap, room=room)


def build_app(args: argparse.Namespace) -> App:
    """Everything `maze play` (and `maze resume`) sets up, up to the first screen (tests drive
    the app from here)."""
    resume = Path(args.resume) if getattr(args, "resume", None) else None
    read = check_resumable(resume) if resume is not None else None
    opened = None
    if resume is not None:         # refused before any window: a log another window holds
        try:
            opened = reopen_log(resume)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    level_path = find_level(args.level or DEFAULT_LEVEL)
    level = load_level(level_path)
    log_folder = (Path(args.log_dir) if args.log_dir
                  else resume.parent if resume is not None else default_log_dir())
    log_dir = check_log_dir(log_folder)
    flags = rule_flags(args)
    room = open_room(args, resume)
    size = args.window
    roster = args.players
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)

    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "0")

    from maze.ui.app import App
    from maze.ui.navigator import navigated
    from maze.ui.scenes.board import BoardScene
    # The board opens on the display chosen last time; the setup screen, where the
    # facilitator sits, on the first, unless --display says otherwise.
    last_display = None
    if args.display is None and (roster is not None or read is not None):
        from maze.storage.settings import load_settings
        last_display = load_settings()[0].display
    size, display = open_display(size, args.display, last_display)
    app = App(size, args.fullscreen, title="maze", display=display)
    # The debrief's "Next team" opens the setup screen on the same level (below).
    navigated(app, next_team=lambda setup: setup_screen(setup))
    app.after_first_frame.append(lambda: start_sound(app, not args.no_sound))
    if room is not None:
        serve_room(app, room)
    remembered: dict[str, Any] = {"settings": None}

    serving = {"room": room}

    def begin(setup: SessionSetup) -> BoardScene:
        try:
            log = SessionLog(log_dir, setup)
        except OSError as exc:
            raise ValueError(_("Cannot write the session log in {folder} ({reason})").format(
                folder=log_dir, reason=exc.strerror or exc)) from None
        return BoardScene(app, setup, log, room=serving["room"])


    def start(choices: Any) -> BoardScene:        # a SetupChoices from the setup screen
        setup = make_setup(choices.level, choices.team, choices.players, choices.preset,
                           choices.flags, seed, new_session_id(), wall_clock_now())
        app.move_to_display(choices.display)       # the board goes where the room looks
        if choices.room and serving["room"] is None:
            serving["room"] = room_from_setup(app)
        scene = begin(setup)
        remembered["settings"] = choices.settings
        app.sound.muted = not choices.sound
        from maze.storage.settings import save_settings
        problem = save_settings(choices.settings)
        if problem:
            scene.notify(problem)
        return scene

    def setup_screen(session: SessionSetup | None = None, notice: str | None = None) -> Any:
        from maze.ui.scenes.setup import SetupScene  # only when there is a setup screen
        entries = list_levels()
        settings = remembered["settings"] or initial_settings(args, level_path.stem)[0]
        if session is not None:      # the next team: same level and rules, new names
            match = next((e for e in entries if e.level == session.level), None)
            if match is None:
                match = LevelEntry("this-level", level_path, "generated", session.level)
                entries.insert(0, match)
            settings = replace(settings, level=match.key)
        from maze.storage.log import unfinished_logs
        return SetupScene(app, entries, start, settings=settings, notice=notice,
                          new_team=session is not None, unfinished=unfinished_logs(log_dir),
                          resume=lambda path: resume_board(app, path, room=serving["room"]))

    if resume is not None:
        app.start(resume_board(app, resume, read, opened, room=room))
    elif roster is not None:
        # A name the program gives is data in the language it was given in, as a typed one
        # (docs/decisions.md); keys and enum values in the log never are.
        app.start(begin(make_setup(level, args.team or _("Team"), roster, args.preset, flags, seed,
                                   new_session_id(), wall_clock_now())))
    else:
        settings, notice = initial_settings(args, level_path.stem)
        remembered["settings"] = settings
        app.start(setup_screen(notice=notice))
    return app


def build_editor(args: argparse.Namespace) -> App:
    """`maze edit [LEVEL]`: a user level is saved in place; any other is saved as a new user
    level (built-in levels are never overwritten)."""
    level = None
    target = None
    if args.level:
        path = find_level(args.level)
        level = load_level(path)
        user = user_levels_dir().resolve()
        if path.resolve().parent == user:
            target = path
    size = args.window

    from maze.ui.app import App
    from maze.ui.navigator import navigated
    from maze.ui.scenes.editor import EditorScene

    size, _ = open_display(size)
    app = navigated(App(size, title="maze: level editor"))
    app.start(EditorScene(app, level, user_levels_dir(), target))
    return app


def build_replay(args: argparse.Namespace) -> App:
    """`maze replay LOG`: from the log alone (its level file need not exist)."""
    from maze.core.session import replay
    from maze.storage.log import UNUSABLE, read_log, unusable

    read = read_log(args.log)
    for warning in read.warnings:
        say(_("warning: {problem}").format(problem=warning), error=True)     # names in it: escaped
    try:                   # before any window: a log whose events make no sense is refused
        replay(read.setup, read.events)
        from maze.analysis.scores import score
        score(read.setup, read.events)
    except UNUSABLE as exc:
        raise unusable(args.log, exc) from None
    size = args.window

    from maze.ui.app import App
    from maze.ui.navigator import navigated
    from maze.ui.screens import Debrief, Replay
    size, display = open_display(size, args.display)
    app = navigated(App(size, args.fullscreen, title="maze: replay", display=display))
    app.after_first_frame.append(lambda: start_sound(app, True))
    path = Path(args.log)
    if args.debrief:
        app.start(Debrief(read.setup, read.events, path))
    else:
        app.start(Replay(read.setup, read.events, path, speed=args.speed))
    return app


DEMO_NAMES = ("Ana", "Ben", "Chen", "Dana", "Emre", "Fatou", "Goran", "Hana", "Ines", "Jonas")


def build_demo(args: argparse.Namespace, log_dir: Path,
               clock: Callable[[], float] | None = None) -> App:
    """`maze demo`: the log goes to a temporary folder, never among real sessions."""
    level = load_level(find_level(args.level))
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    names = tuple(DEMO_NAMES[i % len(DEMO_NAMES)] + ("" if i < len(DEMO_NAMES) else f" {i // 10 + 1}")
                  for i in range(args.players))
    size = args.window

    from maze.ui.app import App
    from maze.ui.navigator import navigated
    from maze.ui.scenes.demo import DemoScene

    size, display = open_display(size, args.display)
    app = navigated(App(size, args.fullscreen, clock=clock or time.monotonic, title="maze: demo",
                        display=display))
    app.after_first_frame.append(lambda: start_sound(app, not args.no_sound))
    setup = make_setup(level, _("Demo team"), names, None, {}, seed, new_session_id(),
                       wall_clock_now())
    app.start(DemoScene(app, setup, SessionLog(log_dir, setup), seed, args.speed))
    return app


def launch_demo(args: argparse.Namespace) -> int:
    import tempfile

    import pygame

    with tempfile.TemporaryDirectory(prefix="maze-demo-") as folder:
        app = build_demo(args, Path(folder))
        try:
            return app.run()
        finally:
            pygame.quit()
