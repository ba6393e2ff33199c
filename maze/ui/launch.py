"""From the command line to a window: resolve the level, prepare the log, open the app.

Everything that can fail because of the user's input (the level file, the log folder, a
malformed option) fails here, before any window opens, with one clear line."""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from pathlib import Path
from typing import Any

from maze.cli import DEFAULT_LEVEL, UsageError, make_setup, parse_players, parse_window
from maze.core.level import Level
from maze.core.session import SessionSetup
from maze.paths import default_log_dir
from maze.storage.levels import LevelEntry, find_level, list_levels, load_level
from maze.storage.log import SessionLog, new_session_id, wall_clock_now


def check_log_dir(folder: Path) -> Path:
    """Make sure session logs can be written there, before any session starts."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"--log-dir {folder}: session logs cannot be written there "
                         f"({reason})") from None
    return folder


def rule_flags(args: argparse.Namespace) -> dict[str, Any]:
    flags: dict[str, Any] = {}
    if args.memory_aid:
        flags["memory_aid"] = True
    if args.retreat:
        flags["retreat"] = args.retreat
    if args.time_limit is not None:
        if not 0.5 <= args.time_limit <= 1440:
            raise UsageError("--time-limit must be from 0.5 to 1440 minutes")
        flags["time_limit"] = float(args.time_limit) * 60
    if args.planning is not None:
        if not 0 <= args.planning <= 3600:
            raise UsageError("--planning must be from 0 to 3600 seconds")
        flags["planning"] = float(args.planning)
    return flags


def launch(args: argparse.Namespace) -> int:
    level_path = find_level(args.level or DEFAULT_LEVEL)
    level = load_level(level_path)
    log_dir = check_log_dir(Path(args.log_dir) if args.log_dir else default_log_dir())
    flags = rule_flags(args)
    size = parse_window(args.window) if args.window else None
    roster = parse_players(args.players) if args.players is not None else None
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)

    def new_setup(team: str, players: tuple[str, ...], chosen: Level) -> SessionSetup:
        return make_setup(chosen, team.strip() or "Team", players, args.preset, flags, seed,
                          new_session_id(), wall_clock_now())

    os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "0")
    import pygame

    from maze.ui.app import App
    from maze.ui.scenes.board import BoardScene
    from maze.ui.scenes.setup import SetupScene
    from maze.ui.sound import open_sound

    pygame.display.init()
    pygame.font.init()
    if size is None:   # the projector view: as large as the display (the window manager
        # fits it to the work area); --window chooses a size, --fullscreen the whole display
        desktop = pygame.display.get_desktop_sizes() or [(1280, 800)]
        size = desktop[0]
    sound = open_sound(not args.no_sound)
    team = args.team or ""
    app = App(size, args.fullscreen, sound=sound, title="maze")

    def start(team_text: str, players_text: str, entry: LevelEntry) -> BoardScene:
        try:
            players = parse_players(players_text)
        except UsageError as exc:
            if "at least one" in str(exc):
                raise ValueError("Type at least one player's name") from None
            raise ValueError(str(exc).replace("--players: ", "Players: ")) from None
        assert entry.level is not None
        setup = new_setup(team_text, players, entry.level)
        return BoardScene(app, setup, SessionLog(log_dir, setup))

    if roster is not None:
        setup = new_setup(team, roster, level)
        app.start(BoardScene(app, setup, SessionLog(log_dir, setup)))
    else:
        app.start(SetupScene(app, list_levels(), start, team=team, level_key=level_path.stem))
    try:
        return app.run()
    finally:
        pygame.quit()
