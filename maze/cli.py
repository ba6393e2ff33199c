"""The `maze` command line: the words, checked, and the command they name.

Every option is checked here, as it is read (a range, a size, a name's length), and a mistake is
one line naming the option, exit 1. The commands that open a window hand the checked options
to maze.wiring; the others are here. Bad input in a file gets one clear line naming the file
and field."""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from maze import __version__
from maze.analysis.rules_text import rules_summary
from maze.core.board import MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS, Board
from maze.core.format import MAX_NAME
from maze.core.level import BUILTIN_WORDS, Level
from maze.core.path import DIFFICULTIES, generate_path, path_names
from maze.core.rules import DEFAULT_PRESET, PRESETS
from maze.core.session import MAX_PLAYERS
from maze.lang import N_, _, builtin, n_, p_
from maze.room import ROOM_PORT
from maze.storage.jsonfile import DataError, shown
from maze.storage.levels import (
    find_level,
    list_levels,
    load_level,
    save_level,
)
from maze.terminal import (
    MAX_LINES,
    UsageError,
    drop_output,
    escaped,
    finite,
    say,
    say_problems,
    terminal_json,
)

COMMANDS = ("play", "resume", "check", "levels", "new-level", "score", "edit", "report", "replay",
            "demo", "card")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


# argparse's own messages (Python 3.11), in the user's words: (its pattern, ours).
_ARGPARSE_SAYS = (
    (r"the following arguments are required: (?P<options>.*)",
     N_("{options} must be given")),
    (r"unrecognized arguments: (?P<words>.*)", N_("not understood: {words}")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: expected one argument",
     N_("{option} needs a value after it")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: expected at least one argument",
     N_("{option} needs a value after it")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: expected at most one argument",
     N_("{option} takes at most one value")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: ignored explicit argument (?P<value>.*)",
     N_("{option} takes no value (got {value})")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: not allowed with argument (?P<other>\S+)",
     N_("{option} cannot be used with {other}")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: invalid \S+ value: (?P<value>.*)",
     N_("{option}: {value} is not a valid value")),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
     N_("{option} could mean any of: {matches}")),
    (r"one of the arguments (?P<options>.*) is required", N_("one of these is needed: {options}")),
    (r"argument (?P<option>\S+?)(?:/\S+)?: (?P<message>.*)", N_("{option}: {message}")),
)


class _Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (exit 1), not as the
    usage text: `--preset fast` lists the presets; its own words (the help's headings, its
    messages) in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = _("show this help and exit")

    def error(self, message: str) -> NoReturn:
        import re
        choice = re.fullmatch(r"argument (\S+?)(?:/\S+)?: invalid choice: (.*) \(choose from (.*)\)",
                              message)
        if choice:
            option, value, options = choice.groups()
            options = options.replace("'", "")
            raise UsageError(_("{option}: {value} is not one of: {options}").format(
                option=option, value=value, options=options))
        for pattern, ours in _ARGPARSE_SAYS:
            said = re.fullmatch(pattern, message)
            if said:
                message = _(ours).format(**said.groupdict())
                break
        raise UsageError(_("{message} (see `{command}`)").format(
            message=message, command=f"{self.prog} --help"))


def origin_word(origin: str) -> str:
    # Translators: where a level comes from, in `maze levels`
    return p_("level origin", "built-in") if origin == "built-in" else p_("level origin", "user")


def unwritable(file: object, exc: OSError) -> UsageError:
    return UsageError(_("{file}: cannot be written ({reason})").format(
        file=file, reason=exc.strerror or exc))


class _Within(argparse.Action):
    """A number held to a range as it is read: outside it, the option's own one-line message
    (``within`` is the lowest, the highest and the message, with {} for the value given)."""

    def __init__(self, *args: Any, within: tuple[float, float, str], **kwargs: Any) -> None:
        self.low, self.high, self.message = within
        super().__init__(*args, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if not self.low <= values <= self.high:
            raise UsageError(self.message.format(values))
        setattr(namespace, self.dest, values)


def decimal(text: str) -> float:
    """A number as a person writes it in their language: "0.5" or "0,5" (the help and the
    messages of five of the six languages write a decimal comma)."""
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return float(text)


def check_name(option: str, name: str) -> None:
    if len(name) > MAX_NAME:
        raise UsageError(_("{option}: a name of {n} characters; at most {most}").format(
            option=option, n=len(name), most=MAX_NAME))


def parse_team(text: str) -> str:
    check_name("--team", text)
    return text


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
        raise UsageError(_("{option}: give at least one name, like {example}").format(
            option="--players", example='--players "Ana,Ben,Chen"'))
    if len(names) > MAX_PLAYERS:
        raise UsageError(_("{option}: at most {most} players (got {n})").format(
            option="--players", most=MAX_PLAYERS, n=len(names)))
    return tuple(names)


def parse_window(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(_("{option}: {value} is not a size like 1280x800").format(
            option="--window", value=repr(text))) from None
    if not (200 <= w <= 16384 and 150 <= h <= 16384):
        raise UsageError(_("{option}: {value} is outside 200x150 to 16384x16384").format(
            option="--window", value=text))
    return w, h


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
        path = n_("path of {n} square", "path of {n} squares", len(level.path)).format(
            n=len(level.path))
        say((_("{file}: OK: \"{name}\", {rules}, {path}, curveball") if level.curveball else
             _("{file}: OK: \"{name}\", {rules}, {path}")).format(
            file=spec, name=builtin(level.name, BUILTIN_WORDS), rules=rules_summary(rules), path=path))
    return 1 if bad else 0


def _cmd_levels(args: argparse.Namespace) -> int:
    entries = list_levels()
    if not entries:
        say(_("no levels found"))
        return 0
    width = min(40, max(len(shown(e.key)) for e in entries))
    for entry in entries:
        key = shown(entry.key)
        if entry.level is None:
            say(_("{key}  ({origin}) INVALID: {problem}").format(
                key=f"{key:<{width}}", origin=origin_word(entry.origin), problem=entry.problems[0]))
            continue
        rules = entry.level.resolve_rules()
        say((_("{key}  {name}  [{origin}, preset {preset}]  {rules}, curveball")
             if entry.level.curveball else
             _("{key}  {name}  [{origin}, preset {preset}]  {rules}")).format(
            key=f"{key:<{width}}", name=builtin(entry.level.name, BUILTIN_WORDS),
            origin=origin_word(entry.origin),
            preset=entry.level.preset, rules=rules_summary(rules)))
    return 0


def _cmd_new_level(args: argparse.Namespace) -> int:
    preset = PRESETS[args.preset]
    cols = args.cols or preset.cols
    rows = args.rows or preset.rows
    if not MIN_COLS <= cols <= MAX_COLS:
        raise UsageError(_("{option} must be from {least} to {most} (got {n})").format(
            option="--cols", least=MIN_COLS, most=MAX_COLS, n=cols))
    if not MIN_ROWS <= rows <= MAX_ROWS:
        raise UsageError(_("{option} must be from {least} to {most} (got {n})").format(
            option="--rows", least=MIN_ROWS, most=MAX_ROWS, n=rows))
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    path = generate_path(Board(cols, rows, preset.diagonals), random.Random(seed), args.difficulty)
    if args.name is not None and not 1 <= len(args.name.strip()) <= 80:
        raise UsageError(_("{option}: a level's name is 1 to 80 characters").format(
            option="--name"))
    # A level's name is data, written in the file: the language it was made in
    name = args.name or _("Generated {cols}x{rows} ({difficulty}, seed {seed})").format(
        cols=cols, rows=rows, difficulty=_(args.difficulty), seed=seed)
    level = Level(name, cols, rows, tuple(path_names(path)), args.preset,
                  description=f"maze new-level --cols {cols} --rows {rows} --difficulty "
                              f"{args.difficulty} --seed {seed} --preset {args.preset}")
    out = Path(args.output)
    if out.exists() and not args.force:
        raise UsageError(_("{file}: already exists (add {option} to replace it)").format(
            file=out, option="--force"))
    try:
        save_level(level, out)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(_("{file}: cannot be written ({folder} is not a folder)").format(
            file=out, folder=out.parent)) from None
    except OSError as exc:
        raise unwritable(out, exc) from None
    say(_("{file}: \"{name}\", {cols}x{rows}, {path}, seed {seed}").format(
        file=out, name=name, cols=cols, rows=rows, seed=seed,
        path=n_("path of {n} square", "path of {n} squares", len(path)).format(n=len(path))))
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    import json

    from maze.analysis.scores import score, written
    from maze.analysis.text import summary_text
    from maze.storage.log import UNUSABLE, read_log, unusable

    read = read_log(args.log)
    for warning in read.warnings:
        say(_("warning: {warning}").format(warning=warning), error=True)
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
            say(_("warning: {file}: a figure is not a finite number; it is written as null")
                .format(file=args.log), error=True)
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
                                      warn=lambda w: say(_("warning: {warning}").format(
                                          warning=w), error=True),
                                      anonymize=args.anonymize, single=args.single)
    except OSError as exc:
        raise unwritable(exc.filename or _("output"), exc) from None
    for path, reason in skipped[:MAX_LINES]:
        say(_("skipped {file}: {reason}").format(file=path, reason=reason), error=True)
    if len(skipped) > MAX_LINES:
        more = len(skipped) - MAX_LINES
        say(n_("skipped {n} more log (the report lists them all)",
               "skipped {n} more logs (the report lists them all)", more).format(n=more),
            error=True)
    if count == 0:
        say(_("maze: no session logs found") if not skipped else
            n_("maze: none of the {n} session log could be used",
               "maze: none of the {n} session logs could be used", len(skipped)).format(
                n=len(skipped)), error=True)
        return 1
    made = [str(p) for p in (output, csv_path) if p is not None]
    if output is not None and not (args.single or args.summary_only):
        from maze.storage.reports import pages_folder
        made[0] = _("{file} (a page per session in {folder})").format(
            file=made[0], folder=f"{pages_folder(output)}{os.sep}")
    sessions = n_("{n} session", "{n} sessions", count).format(n=count)
    if skipped:
        say(n_("{sessions} -> {files}; {n} log skipped", "{sessions} -> {files}; {n} logs skipped",
               len(skipped)).format(sessions=sessions, files=", ".join(made), n=len(skipped)))
    else:
        say(_("{sessions} -> {files}").format(sessions=sessions, files=", ".join(made)))
    return 0


def _cmd_card(args: argparse.Namespace) -> int:
    from maze.analysis.card import card_html

    level = load_level(find_level(args.level))
    out = Path(args.output) if args.output else Path(f"{Path(find_level(args.level)).stem}-card.html")
    try:
        out.write_text(card_html(level), encoding="utf-8")
    except OSError as exc:
        raise unwritable(out, exc) from None
    say(_("{file}: the answer card for \"{name}\"").format(
        file=out, name=builtin(level.name, BUILTIN_WORDS)))
    return 0


def _args_card(card: argparse.ArgumentParser) -> None:
    card.add_argument("level", metavar="LEVEL")
    card.add_argument("-o", "--output", default=None, metavar="FILE",
                      help=_("the HTML card (default LEVEL-card.html)"))
    card.set_defaults(run=_cmd_card)


# The commands with a window: pygame is imported only for them.
def _cmd_demo(args: argparse.Namespace) -> int:
    from maze.wiring import launch_demo
    return launch_demo(args)


def _cmd_replay(args: argparse.Namespace) -> int:
    from maze.wiring import build_replay, run_app
    return run_app(build_replay, args)


def _cmd_edit(args: argparse.Namespace) -> int:
    from maze.wiring import build_editor, run_app
    return run_app(build_editor, args)


def _cmd_play(args: argparse.Namespace) -> int:
    if not args.room and (args.bind or args.port != ROOM_PORT):
        raise UsageError(_("--bind and --port need --room"))
    from maze.wiring import build_app, run_app
    return run_app(build_app, args)


def _add_screen(parser: argparse.ArgumentParser) -> None:
    """Where the window goes: --fullscreen or --window WxH, and --display N."""
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true")
    mode.add_argument("--window", metavar="WxH", default=None, type=parse_window)
    parser.add_argument("--display", type=int, default=None, metavar="N",
                        help=_("open on display N, counted from 1 (the projector is often 2)"))


def _args_play(play: argparse.ArgumentParser) -> None:
    play.add_argument("level", nargs="?", default=None,
                      help=_("a level file, or the name of a built-in or user level"))
    play.add_argument("--players", type=parse_players,
                      help=_('the roster in turn order, e.g. "Ana,Ben,Chen" (skips the setup screen)'))
    play.add_argument("--team", default=None, type=parse_team, help=_("the team's name"))
    play.add_argument("--preset", choices=sorted(PRESETS), default=None)
    _add_screen(play)
    play.add_argument("--log-dir", default=None, help=_("where session logs go"))
    play.add_argument("--no-sound", action="store_true")
    play.add_argument("--memory-aid", action="store_true", help=_("mark squares already tested"))
    play.add_argument("--retreat", choices=("auto", "manual"), default=None)
    play.add_argument("--time-limit", type=decimal, default=None, metavar="MINUTES",
                      action=_Within, within=(0.5, 1440, _("--time-limit must be from 0.5 to 1440 minutes")))
    play.add_argument("--planning", type=decimal, default=None, metavar="SECONDS",
                      action=_Within, within=(0, 3600, _("--planning must be from 0 to 3600 seconds")))
    play.add_argument("--seed", type=int, default=None,
                      help=_("seed for generated curveball paths (default: random)"))
    _add_room(play)
    play.set_defaults(run=_cmd_play)


def _add_room(parser: argparse.ArgumentParser) -> None:
    """Room play: players join and move from their phones (README, "Room play")."""
    parser.add_argument("--room", action="store_true",
                        help=_("players move from their phones: the board shows a QR code"))
    parser.add_argument("--bind", default=None, metavar="ADDRESS",
                        help=_("the address phones reach (default: this laptop's network "
                               "address, else 127.0.0.1)"))
    parser.add_argument("--port", type=int, default=ROOM_PORT, metavar="N",
                        help=_("the room's port (default {port})").format(port=ROOM_PORT),
                        action=_Within,
                        within=(0, 65535, _("--port must be from 0 to 65535 (got {})")))


def _args_resume(resume: argparse.ArgumentParser) -> None:
    resume.add_argument("resume", metavar="LOG", help=_("the session log of the interrupted session"))
    _add_screen(resume)
    resume.add_argument("--no-sound", action="store_true")
    resume.add_argument("--log-dir", default=None,
                        help=_("where the next teams' logs go (default: the log's own folder)"))
    _add_room(resume)
    # What `maze play` reads that a resumed session takes from its log instead.
    resume.set_defaults(run=_cmd_play, level=None, players=None, team=None, preset=None,
                        memory_aid=False, retreat=None, time_limit=None, planning=None,
                        seed=None)


def _args_report(report: argparse.ArgumentParser) -> None:
    report.add_argument("logs", nargs="+", metavar="LOG_OR_DIR")
    report.add_argument("-o", "--output", default=None, metavar="FILE",
                        help=_("the HTML report (default report.html): a summary of every session, "
                             "each linking to its page in the folder beside it (report_files/)"))
    report.add_argument("--single", action="store_true",
                        help=_("one self-contained file: the summary, then every session (for a "
                             "handful of sessions to send)"))
    report.add_argument("--csv", default=None, metavar="FILE", help=_("one row per step"))
    report.add_argument("--summary-only", action="store_true",
                        help=_("only the summary table, no per-session sections"))
    report.add_argument("--anonymize", action="store_true",
                        help=_("names replaced by pseudonyms (Team A, Player 1); no file paths shown"))
    report.set_defaults(run=_cmd_report)


def _args_demo(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("level", nargs="?", default="quick-demo")
    demo.add_argument("--players", type=int, default=4,
                      help=_("how many simulated players (1-{most})").format(most=MAX_PLAYERS),
                      action=_Within, within=(1, MAX_PLAYERS, _("--players must be from 1 to {most}")
                                              .format(most=MAX_PLAYERS)))
    demo.add_argument("--speed", type=decimal, default=1.0, help=_("0.25 to 8 (default 1)"),
                      action=_Within, within=(0.25, 8, _("--speed must be from 0.25 to 8")))
    demo.add_argument("--seed", type=int, default=None)
    demo.add_argument("--no-sound", action="store_true")
    _add_screen(demo)
    demo.set_defaults(run=_cmd_demo)


def _args_replay(rep: argparse.ArgumentParser) -> None:
    rep.add_argument("log", metavar="LOG")
    rep.add_argument("--speed", type=decimal, default=1.0, help=_("1 to 16 (default 1)"),
                     action=_Within, within=(1, 16, _("--speed must be from 1 to 16")))
    rep.add_argument("--debrief", action="store_true", help=_("open the debrief screen directly"))
    _add_screen(rep)
    rep.set_defaults(run=_cmd_replay)


def _args_edit(edit: argparse.ArgumentParser) -> None:
    edit.add_argument("level", nargs="?", default=None,
                      help=_("a level to start from (a file, or a built-in or user level)"))
    edit.add_argument("--window", metavar="WxH", default=None, type=parse_window)
    edit.set_defaults(run=_cmd_edit)


def _args_score(score: argparse.ArgumentParser) -> None:
    score.add_argument("log", metavar="LOG")
    score.add_argument("--json", action="store_true", help=_("one JSON object, for scripts"))
    score.add_argument("--anonymize", action="store_true",
                       help=_("names replaced by pseudonyms (Team A, Player 1)"))
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
    new.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    new.set_defaults(run=_cmd_new_level)


SUBCOMMANDS: tuple[tuple[str, str, Callable[[argparse.ArgumentParser], None]], ...] = (
    ("play", N_("play a session (the default command)"), _args_play),
    ("resume", N_("carry on an interrupted session from its log"), _args_resume),
    ("report", N_("an HTML report (and CSV) of session logs"), _args_report),
    ("demo", N_("a simulated team plays on screen (to show the rules)"), _args_demo),
    ("replay", N_("play a session back from its log, or open its debrief"), _args_replay),
    ("edit", N_("the level editor"), _args_edit),
    ("score", N_("the figures of one session, from its log"), _args_score),
    ("check", N_("validate level files; exit 1 if any is invalid"), _args_check),
    ("levels", N_("list the built-in and user levels"), _args_levels),
    ("new-level", N_("generate a level from a seed"), _args_new_level),
    ("card", N_("a printable answer card of a level's path (for the facilitator)"), _args_card),
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``only``, that command alone (its help and its errors name no other):
    building them all took a few milliseconds of every start."""
    parser = _Parser(
        prog="maze", description=_("The hidden-path team exercise: find the one silent path "
                                   "across, then everyone crosses it without a beep."))
    parser.add_argument("--version", action="version", version=f"maze {__version__}",
                        help=_("show the program's version and exit"))
    _add_lang(parser)
    sub = parser.add_subparsers(dest="command")
    for name, help_text, arguments in SUBCOMMANDS:
        if only is None or only == name:
            command = sub.add_parser(name, help=_(help_text))
            arguments(command)
            _add_lang(command)
    return parser


def _add_lang(parser: argparse.ArgumentParser) -> None:
    from maze.lang import LANGUAGES
    parser.add_argument("--lang", default=None, metavar="CODE",
                        help=_("the language of the program's words: {codes} (default: the "
                               "remembered setting, else the system's)").format(
                            codes=", ".join(LANGUAGES)))


def lang_option(words: Sequence[str]) -> str | None:
    """The value of --lang on a command line, before it is parsed (the help texts are
    written in that language)."""
    for i, word in enumerate(words):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(words):
            return words[i + 1]
        if word.startswith("--lang="):
            return word.partition("=")[2]
    return None


def start_language(option: str | None) -> str:
    """The language of this command, chosen once: --lang, else the remembered setting, else the
    system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). An unknown --lang is a usage error."""
    from maze import lang
    if option is not None:
        try:
            code = lang.choose(option)
        except lang.UnknownLanguage:
            raise UsageError(_("{option}: {value} is not one of: {codes}").format(
                option="--lang", value=option, codes=", ".join(lang.LANGUAGES))) from None
    else:
        code = remembered_language() or lang.from_environment(os.environ)
    if not lang.use(code):
        say(f"maze: the {lang.LANGUAGES[code]} catalogue cannot be read "
            f"({lang.CATALOGUES / code}); English instead", error=True)
        return lang.DEFAULT
    return code


def remembered_language() -> str | None:
    from maze import lang
    from maze.storage.settings import load_settings
    settings, _notice = load_settings()
    try:
        return lang.choose(getattr(settings, "language", "") or "")
    except lang.UnknownLanguage:      # "" (the system's) or a setting from a newer version
        return None


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
        chosen = lang_option(words)
        start_language(chosen)
        if words and words[0].startswith("--lang"):      # `maze --lang de score LOG`
            cut = 1 if "=" in words[0] else 2
            words = words[cut:] + words[:cut]
        if words and words[0] not in COMMANDS and (guess := mistyped_command(words[0])):
            raise UsageError(_("unknown command '{word}' (did you mean {command}?)").format(
                word=words[0], command=guess))
        if not words or (words[0] not in COMMANDS and words[0] not in ("-h", "--help", "--version")):
            words = ["play", *words]          # plain `maze [options]` is `maze play [options]`
        parser = build_parser(words[0] if words[0] in COMMANDS else None)
        args = parser.parse_args(words)
        if args.lang is not None and args.lang != chosen:      # written as --la de, say
            start_language(args.lang)
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
        say(_("maze: cannot write the output ({reason})").format(reason=exc.strerror or exc),
            error=True)
        return 1


