"""The `maze` command. Bad input gets one clear line naming the file and field, and exit 1."""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from maze import __version__
from maze.analysis.text import count as plural
from maze.core.board import MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS, Board
from maze.core.format import MAX_NAME
from maze.core.level import Level
from maze.core.path import DIFFICULTIES, generate_path, path_names
from maze.core.rules import DEFAULT_PRESET, PRESETS, rules_summary
from maze.core.session import SessionSetup
from maze.storage.jsonfile import DataError, shown
from maze.storage.levels import (
    find_level,
    list_levels,
    load_level,
    save_level,
)
from maze.terminal import (
    MAX_LINES,
    drop_output,
    escaped,
    finite,
    say,
    say_problems,
    terminal_json,
)

MAX_PLAYERS = 30
COMMANDS = ("play", "resume", "check", "levels", "new-level", "score", "edit", "report", "replay",
            "demo", "card")
DEFAULT_LEVEL = "classic"


class UsageError(Exception):
    """A command line that cannot be carried out: one line for the user."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (exit 1), not as the
    usage text: `--preset fast` lists the presets."""

    def error(self, message: str) -> NoReturn:
        import re
        choice = re.fullmatch(r"argument (\S+?)(?:/\S+)?: invalid choice: (.*) \(choose from (.*)\)",
                              message)
        if choice:
            option, value, options = choice.groups()
            options = options.replace("'", "")
            raise UsageError(f"{option}: {value} is not one of: {options}")
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def check_name(option: str, name: str) -> None:
    if len(name) > MAX_NAME:
        raise UsageError(f"{option}: a name of {len(name)} characters; at most {MAX_NAME}")


def parse_players(text: str) -> tuple[str, ...]:
    """Names separated by commas; blanks dropped; a repeated name gets a number.

    >>> parse_players(" Ana, Ben,,Ana ")
    ('Ana', 'Ben', 'Ana 2')
    """
    names: list[str] = []
    for raw in text.split(","):
        name = " ".join(raw.split())
        if not name:
            continue
        base, k = name, 2
        while name in names:
            name, k = f"{base} {k}", k + 1
        check_name("--players", name)
        names.append(name)
    if not names:
        raise UsageError("--players: give at least one name, like --players \"Ana,Ben,Chen\"")
    if len(names) > MAX_PLAYERS:
        raise UsageError(f"--players: at most {MAX_PLAYERS} players (got {len(names)})")
    return tuple(names)


def parse_window(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--window: {text!r} is not a size like 1280x800") from None
    if not (200 <= w <= 16384 and 150 <= h <= 16384):
        raise UsageError(f"--window: {text} is outside 200x150 to 16384x16384")
    return w, h


def make_setup(level: Level, team: str, roster: Sequence[str], preset: str | None,
               flags: dict[str, Any], seed: int, session_id: str,
               started_at: str) -> SessionSetup:
    preset_name = preset or level.preset
    rules = level.resolve_rules(preset_name, flags)
    return SessionSetup(team=team, roster=tuple(roster), level=level, preset=preset_name,
                        rules=rules, seed=seed, session_id=session_id, started_at=started_at)


def _cmd_check(args: argparse.Namespace) -> int:
    bad = 0
    for spec in args.levels:
        try:
            level = load_level(find_level(spec))
        except DataError as exc:
            bad += 1
            say_problems(exc.problems)
            continue
        rules = level.resolve_rules()
        say(f"{spec}: OK: \"{level.name}\", {rules_summary(rules)}, path of "
            f"{len(level.path)} squares" + (", curveball" if level.curveball else ""))
    return 1 if bad else 0


def _cmd_levels(args: argparse.Namespace) -> int:
    entries = list_levels()
    if not entries:
        say("no levels found")
        return 0
    width = min(40, max(len(shown(e.key)) for e in entries))
    for entry in entries:
        key = shown(entry.key)
        if entry.level is None:
            say(f"{key:<{width}}  ({entry.origin}) INVALID: {entry.problems[0]}")
            continue
        rules = entry.level.resolve_rules()
        extra = ", curveball" if entry.level.curveball else ""
        say(f"{key:<{width}}  {entry.level.name}  [{entry.origin}, preset "
            f"{entry.level.preset}]  {rules_summary(rules)}{extra}")
    return 0


def _cmd_new_level(args: argparse.Namespace) -> int:
    preset = PRESETS[args.preset]
    cols = args.cols or preset.cols
    rows = args.rows or preset.rows
    if not MIN_COLS <= cols <= MAX_COLS:
        raise UsageError(f"--cols must be from {MIN_COLS} to {MAX_COLS} (got {cols})")
    if not MIN_ROWS <= rows <= MAX_ROWS:
        raise UsageError(f"--rows must be from {MIN_ROWS} to {MAX_ROWS} (got {rows})")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    path = generate_path(Board(cols, rows, preset.diagonals), random.Random(seed), args.difficulty)
    if args.name is not None and not 1 <= len(args.name.strip()) <= 80:
        raise UsageError("--name: a level's name is 1 to 80 characters")
    name = args.name or f"Generated {cols}x{rows} ({args.difficulty}, seed {seed})"
    level = Level(name, cols, rows, tuple(path_names(path)), args.preset,
                  description=f"maze new-level --cols {cols} --rows {rows} --difficulty "
                              f"{args.difficulty} --seed {seed} --preset {args.preset}")
    out = Path(args.output)
    if out.exists() and not args.force:
        raise UsageError(f"{out}: already exists (add --force to replace it)")
    try:
        save_level(level, out)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(f"{out}: cannot be written ({out.parent} is not a folder)") from None
    except OSError as exc:
        raise UsageError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    say(f"{out}: \"{name}\", {cols}x{rows}, path of {len(path)} squares, seed {seed}")
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    import json

    from maze.analysis.scores import score, written
    from maze.analysis.text import summary_text
    from maze.storage.log import UNUSABLE, read_log, unusable

    read = read_log(args.log)
    for warning in read.warnings:
        say(f"warning: {warning}", error=True)
    if args.anonymize:
        from maze.analysis.anonymize import Pseudonyms
        read.setup, read.events = Pseudonyms().session(read.setup, read.events)
    try:
        figures = score(read.setup, read.events)
    except DataError:
        raise
    except UNUSABLE as exc:
        raise unusable(args.log, exc) from None
    if args.json:
        try:
            text = json.dumps(written(figures), ensure_ascii=False, indent=2, allow_nan=False)
        except ValueError:      # never Infinity or NaN, which are not JSON
            say(f"warning: {args.log}: a figure is not a finite number; it is written as null",
                error=True)
            text = json.dumps(finite(written(figures)), ensure_ascii=False, indent=2)
        print(terminal_json(text))
    else:
        print(summary_text(escaped(figures)))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from maze.reporting import write_report

    output = Path(args.output) if args.output else (None if args.csv else Path("report.html"))
    csv_path = Path(args.csv) if args.csv else None
    try:
        count, skipped = write_report(args.logs, output, csv_path, args.summary_only,
                                      warn=lambda w: say(f"warning: {w}", error=True),
                                      anonymize=args.anonymize, single=args.single)
    except OSError as exc:
        raise UsageError(f"{exc.filename or 'output'}: cannot be written "
                         f"({exc.strerror or exc})") from None
    for path, reason in skipped[:MAX_LINES]:
        say(f"skipped {path}: {reason}", error=True)
    if len(skipped) > MAX_LINES:
        say(f"skipped {plural(len(skipped) - MAX_LINES, 'more log')} (the report lists them "
            "all)", error=True)
    if count == 0:
        say("maze: no session logs found" if not skipped else
            f"maze: none of the {plural(len(skipped), 'session log')} could be used", error=True)
        return 1
    made = [str(p) for p in (output, csv_path) if p is not None]
    if output is not None and not (args.single or args.summary_only):
        from maze.storage.reports import pages_folder
        made[0] += f" (a page per session in {pages_folder(output)}{os.sep})"
    say(f"{plural(count, 'session')} -> {', '.join(made)}"
        + (f"; {plural(len(skipped), 'log')} skipped" if skipped else ""))
    return 0


def _cmd_card(args: argparse.Namespace) -> int:
    from maze.analysis.card import card_html

    level = load_level(find_level(args.level))
    out = Path(args.output) if args.output else Path(f"{Path(find_level(args.level)).stem}-card.html")
    try:
        out.write_text(card_html(level), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{out}: cannot be written ({exc.strerror or exc})") from None
    say(f"{out}: the answer card for \"{level.name}\"")
    return 0


def _args_card(card: argparse.ArgumentParser) -> None:
    card.add_argument("level", metavar="LEVEL")
    card.add_argument("-o", "--output", default=None, metavar="FILE",
                      help="the HTML card (default LEVEL-card.html)")
    card.set_defaults(run=_cmd_card)


def _cmd_demo(args: argparse.Namespace) -> int:
    from maze.ui.launch import launch_demo
    return launch_demo(args)


def _cmd_replay(args: argparse.Namespace) -> int:
    from maze.ui.launch import build_replay, run_app
    return run_app(build_replay, args)


def _cmd_edit(args: argparse.Namespace) -> int:
    from maze.ui.launch import build_editor, run_app
    return run_app(build_editor, args)


def _cmd_play(args: argparse.Namespace) -> int:
    if args.team is not None:
        check_name("--team", args.team)
    from maze.ui.launch import build_app, run_app  # pygame only for commands with a window
    return run_app(build_app, args)


def _add_screen(parser: argparse.ArgumentParser) -> None:
    """Where the window goes: --fullscreen or --window WxH, and --display N."""
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true")
    mode.add_argument("--window", metavar="WxH", default=None)
    parser.add_argument("--display", type=int, default=None, metavar="N",
                        help="open on display N, counted from 1 (the projector is often 2)")


def _args_play(play: argparse.ArgumentParser) -> None:
    play.add_argument("level", nargs="?", default=None,
                      help="a level file, or the name of a built-in or user level")
    play.add_argument("--players", help='the roster in turn order, e.g. "Ana,Ben,Chen" '
                                        "(skips the setup screen)")
    play.add_argument("--team", default=None, help="the team's name")
    play.add_argument("--preset", choices=sorted(PRESETS), default=None)
    _add_screen(play)
    play.add_argument("--log-dir", default=None, help="where session logs go")
    play.add_argument("--no-sound", action="store_true")
    play.add_argument("--memory-aid", action="store_true", help="mark squares already tested")
    play.add_argument("--retreat", choices=("auto", "manual"), default=None)
    play.add_argument("--time-limit", type=float, default=None, metavar="MINUTES")
    play.add_argument("--planning", type=float, default=None, metavar="SECONDS")
    play.add_argument("--seed", type=int, default=None,
                      help="seed for generated curveball paths (default: random)")
    _add_room(play)
    play.set_defaults(run=_cmd_play)


def _add_room(parser: argparse.ArgumentParser) -> None:
    """Room play: players join and move from their phones (README, "Room play")."""
    parser.add_argument("--room", action="store_true",
                        help="players move from their phones: the board shows a QR code")
    parser.add_argument("--bind", default=None, metavar="ADDRESS",
                        help="the address phones reach (default: this laptop's network "
                             "address, else 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, metavar="N",
                        help="the room's port (default 8765)")


def _args_resume(resume: argparse.ArgumentParser) -> None:
    resume.add_argument("resume", metavar="LOG", help="the session log of the interrupted session")
    _add_screen(resume)
    resume.add_argument("--no-sound", action="store_true")
    resume.add_argument("--log-dir", default=None,
                        help="where the next teams' logs go (default: the log's own folder)")
    _add_room(resume)
    # What `maze play` reads that a resumed session takes from its log instead.
    resume.set_defaults(run=_cmd_play, level=None, players=None, team=None, preset=None,
                        memory_aid=False, retreat=None, time_limit=None, planning=None,
                        seed=None)


def _args_report(report: argparse.ArgumentParser) -> None:
    report.add_argument("logs", nargs="+", metavar="LOG_OR_DIR")
    report.add_argument("-o", "--output", default=None, metavar="FILE",
                        help="the HTML report (default report.html): a summary of every session, "
                             "each linking to its page in the folder beside it (report_files/)")
    report.add_argument("--single", action="store_true",
                        help="one self-contained file: the summary, then every session (for a "
                             "handful of sessions to send)")
    report.add_argument("--csv", default=None, metavar="FILE", help="one row per step")
    report.add_argument("--summary-only", action="store_true",
                        help="only the summary table, no per-session sections")
    report.add_argument("--anonymize", action="store_true",
                        help="names replaced by pseudonyms (Team A, Player 1); no file paths shown")
    report.set_defaults(run=_cmd_report)


def _args_demo(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("level", nargs="?", default="quick-demo")
    demo.add_argument("--players", type=int, default=4, help="how many simulated players (1-30)")
    demo.add_argument("--speed", type=float, default=1.0, help="0.25 to 8 (default 1)")
    demo.add_argument("--seed", type=int, default=None)
    demo.add_argument("--no-sound", action="store_true")
    _add_screen(demo)
    demo.set_defaults(run=_cmd_demo)


def _args_replay(rep: argparse.ArgumentParser) -> None:
    rep.add_argument("log", metavar="LOG")
    rep.add_argument("--speed", type=float, default=1.0, help="1 to 16 (default 1)")
    rep.add_argument("--debrief", action="store_true", help="open the debrief screen directly")
    _add_screen(rep)
    rep.set_defaults(run=_cmd_replay)


def _args_edit(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("level", nargs="?", default=None,
                      help="a level to start from (a file, or a built-in or user level)")
    edit.add_argument("--window", metavar="WxH", default=None)
    edit.set_defaults(run=_cmd_edit)


def _args_score(score: argparse.ArgumentParser) -> None:
    score.add_argument("log", metavar="LOG")
    score.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    score.add_argument("--anonymize", action="store_true",
                       help="names replaced by pseudonyms (Team A, Player 1)")
    score.set_defaults(run=_cmd_score)


def _args_check(check: argparse.ArgumentParser) -> None:
    check.add_argument("levels", nargs="+", metavar="LEVEL")
    check.set_defaults(run=_cmd_check)


def _args_levels(levels: argparse.ArgumentParser) -> None:
    levels.set_defaults(run=_cmd_levels)


def _args_new_level(new: argparse.ArgumentParser) -> None:
    new.add_argument("--cols", type=int, default=None)
    new.add_argument("--rows", type=int, default=None)
    new.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    new.add_argument("--seed", type=int, default=None)
    new.add_argument("--preset", choices=sorted(PRESETS), default=DEFAULT_PRESET)
    new.add_argument("--name", default=None)
    new.add_argument("-o", "--output", required=True, metavar="FILE")
    new.add_argument("--force", action="store_true", help="replace FILE if it exists")
    new.set_defaults(run=_cmd_new_level)


SUBCOMMANDS: tuple[tuple[str, str, Callable[[argparse.ArgumentParser], None]], ...] = (
    ("play", "play a session (the default command)", _args_play),
    ("resume", "carry on an interrupted session from its log", _args_resume),
    ("report", "an HTML report (and CSV) of session logs", _args_report),
    ("demo", "a simulated team plays on screen (to show the rules)", _args_demo),
    ("replay", "play a session back from its log, or open its debrief", _args_replay),
    ("edit", "the level editor", _args_edit),
    ("score", "the figures of one session, from its log", _args_score),
    ("check", "validate level files; exit 1 if any is invalid", _args_check),
    ("levels", "list the built-in and user levels", _args_levels),
    ("new-level", "generate a level from a seed", _args_new_level),
    ("card", "a printable answer card of a level's path (for the facilitator)", _args_card),
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, that command's options alone are built (the others are
    listed with their help): building them all took a few milliseconds of every start."""
    parser = _Parser(
        prog="maze", description="The hidden-path team exercise: find the one silent path "
                                 "across, then everyone crosses it without a beep.")
    parser.add_argument("--version", action="version", version=f"maze {__version__}")
    sub = parser.add_subparsers(dest="command")
    for name, help_text, arguments in SUBCOMMANDS:
        command = sub.add_parser(name, help=help_text)
        if only is None or only == name:
            arguments(command)
    return parser


def mistyped_command(word: str) -> str | None:
    """The command ``word`` looks like a typo of (`maze pley`), unless it is a level: plain
    `maze LEVEL` plays that level, so a file or a level by that name wins."""
    import difflib
    if word.startswith("-"):
        return None
    guess = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if not guess:
        return None
    try:
        if Path(word).exists() or find_level(word):
            return None
    except (DataError, OSError, ValueError):
        pass
    return guess[0]


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        if words and words[0] not in COMMANDS and (guess := mistyped_command(words[0])):
            raise UsageError(f"unknown command '{words[0]}' (did you mean {guess}?)")
        if not words or (words[0] not in COMMANDS and words[0] not in ("-h", "--help", "--version")):
            words = ["play", *words]          # plain `maze [options]` is `maze play [options]`
        parser = build_parser(words[0] if words[0] in COMMANDS else None)
        args = parser.parse_args(words)
        status = int(args.run(args))
        sys.stdout.flush()                   # a full disk or a closed pipe shows here, not at exit
        return status
    except DataError as exc:
        say_problems(exc.problems)
        return 1
    except UsageError as exc:
        say(f"maze: {exc}", error=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:                  # `maze score LOG | head -1`: the reader has gone
        drop_output()
        return 1
    except OSError as exc:
        if exc.filename:                     # a file a command could not read or write
            say(f"maze: {exc.filename}: {exc.strerror or exc}", error=True)
            return 1
        drop_output()                        # `maze score LOG > /dev/full`
        say(f"maze: cannot write the output ({exc.strerror or exc})", error=True)
        return 1


