"""The session log: JSON Lines, appended as events happen, never rewritten (docs/formats.md).

The file is created exclusively and written with ``os.write`` on an ``O_APPEND`` descriptor,
so each line reaches the operating system the moment it is written; ``fsync`` follows at the
end of each turn, at phase changes and at the end. An existing file is opened for writing only
to resume its interrupted session, to append, never to truncate. If a write fails (a full
disk), the lines wait in memory and are written, starting on a fresh line, as soon as a write
succeeds again.
"""

from __future__ import annotations

import json
import operator
import os
import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from maze import __version__
from maze.core.events import (
    Event,
    EventFormatError,
    PhaseChanged,
    SessionEnded,
    TurnStarted,
    event_from_dict,
    events_from_dicts,
)
from maze.core.format import LOG_FORMAT, LOG_VERSION
from maze.core.level import Level
from maze.core.record import Record, field, replace
from maze.core.rules import RULE_NAMES, Rules
from maze.core.session import MAX_PLAYERS, SessionSetup
from maze.core.vocabulary import OUTCOME_WORDS, Currency
from maze.lang import _, n_
from maze.storage.checks import FIELD, EventChecker, name_check, text_check
from maze.storage.jsonfile import (
    DataError,
    brief,
    number_text,
    open_regular,
    parse_json_bytes,
    parse_json_text,
    read_regular,
    too_large,
    type_name,
)
from maze.storage.levels import check_rule_overrides, level_from_data

LogError = DataError
_DECODER = json.JSONDecoder()
_SEQ = operator.attrgetter("seq")
_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})")
_STAMP_DONE = re.compile(r"\d{4}-\d{2}-\d{2}_\d{6}")
SYNC_AFTER = (TurnStarted, PhaseChanged, SessionEnded)
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                     *(f"LPT{i}" for i in range(10))}


def dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def new_session_id() -> str:
    """Eight random hex digits (os.urandom: no need for the secrets module's OpenSSL)."""
    return os.urandom(4).hex()


def wall_clock_now() -> str:
    """The local wall-clock time, ISO 8601 with its UTC offset, e.g. 2026-11-22T14:05:09+01:00."""
    now = time.localtime()
    offset = now.tm_gmtoff // 60
    sign = "+" if offset >= 0 else "-"
    return (time.strftime("%Y-%m-%dT%H:%M:%S", now)
            + f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}")


def safe_name(text: str, limit: int = 40) -> str:
    """A team name made safe as part of a file name on any filesystem.

    >>> safe_name("../Ana & Ben: <Team/1>")
    'Ana-Ben-Team-1'
    >>> safe_name("CON")
    'CON-team'
    """
    text = unicodedata.normalize("NFKC", text)
    kept = "".join(c if (c.isalnum() or c in "-_") else "-" for c in text)
    kept = re.sub(r"-{2,}", "-", kept).strip("-_.")[:limit].strip("-_.")
    if not kept:
        return "team"
    if kept.upper() in _WINDOWS_RESERVED:
        kept += "-team"
    return kept


def log_file_name(setup: SessionSetup) -> str:
    try:
        stamp = _STAMP.sub(r"\1-\2-\3_\4\5\6", setup.started_at[:19], count=1)
        if not _STAMP_DONE.fullmatch(stamp):
            raise ValueError(setup.started_at)
    except ValueError:
        stamp = "session"
    return f"{stamp}_{safe_name(setup.team)}_{safe_name(setup.session_id, 16)}.jsonl"


def header(setup: SessionSetup) -> dict[str, Any]:
    return {
        "format": LOG_FORMAT, "version": LOG_VERSION, "program": f"maze {__version__}",
        "session_id": setup.session_id, "started_at": setup.started_at, "team": setup.team,
        "roster": list(setup.roster), "preset": setup.preset, "seed": setup.seed,
        "rules": setup.rules.to_dict(), "level": setup.level.to_dict(),
    }


Writer = Callable[[int, bytes], int]


class LogInUse(OSError):
    """Another maze window is writing this session's log right now."""


def _lock(fd: int, path: Path) -> None:
    """Hold the log for as long as the session is open, so that two windows never write one
    session (a second `maze resume` of a live session is refused). Where the system has no
    advisory locks, nothing is held."""
    try:
        import fcntl
    except ImportError:          # Windows: no fcntl
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise LogInUse(_("{file}: the session is open in another maze window").format(
            file=path)) from None
    except OSError:
        pass                     # a filesystem without locks: carry on without one


class SessionLog:
    """Appends one session's events to its own file."""

    def __init__(self, folder: Path, setup: SessionSetup | None, write: Writer = os.write,
                 fsync: Callable[[int], None] = os.fsync, *, existing: Path | None = None) -> None:
        self._write = write
        self._fsync = fsync
        self._pending: list[bytes] = []
        self._written: list[bytes] = []   # every line on disk, to write the log again if its
        self._torn = False                # file is removed mid-session (a few MB at most)
        self.error: OSError | None = None
        self.restored = False             # the file was removed and has been written again
        if existing is not None:     # resuming: append to the session's own log
            self.path = existing
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
            _lock(self._fd, self.path)
            self._torn = not _ends_with_newline(self.path)   # a line cut off by the crash
            return
        assert setup is not None
        # Never start a log that the reader would refuse (a name over MAX_NAME, say): the
        # command line and the setup screen bound what people type, this says so if not.
        setup_from_header(json.loads(dumps(header(setup))), _("the new session"))
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / log_file_name(setup)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        _lock(self._fd, self.path)
        # Written to the OS now; synced with the session's opening events a moment later.
        self._append_line(dumps(header(setup)))

    @classmethod
    def reopen(cls, path: Path, write: Writer = os.write,
               fsync: Callable[[int], None] = os.fsync) -> SessionLog:
        """An interrupted session's log, opened to append (never truncated); what follows
        starts on a fresh line if the last one was cut off."""
        return cls(path.parent, None, write, fsync, existing=path)

    @property
    def backlog(self) -> int:
        """Lines waiting in memory because the disk refused them."""
        return len(self._pending)

    def append(self, event: Event, source: str | None = None) -> None:
        """Write one event; ``source`` (keyboard, mouse, phone, demo) is an optional field of the
        line, for steps, that readers ignore (docs/formats.md)."""
        line = event.to_dict()
        if source is not None:
            line["source"] = source
        self._append_line(dumps(line))
        if isinstance(event, SYNC_AFTER):
            self._sync()

    def _append_line(self, line: str) -> None:
        self._pending.append((line + "\n").encode("utf-8"))
        self.flush()

    def flush(self) -> bool:
        """Write what waits in memory; True when nothing is left waiting."""
        while self._pending:
            data = self._pending[0]
            if self._torn:
                data = b"\n" + data   # the last write stopped mid-line: start a fresh one
            try:
                written = self._write(self._fd, data)
            except OSError as exc:
                self.error = exc
                return False
            if written < len(data):
                self._torn = True    # a torn line is on disk; readers skip it
                self.error = OSError(_("the disk took only part of a line"))
                return False
            self._torn = False
            self._written.append(self._pending.pop(0))
        self.error = None
        return True

    def _sync(self) -> None:
        if not self._pending:
            try:
                self._fsync(self._fd)
            except OSError as exc:
                self.error = exc
        self.check_in_place()

    def check_in_place(self) -> bool:
        """Whether the file written to is still the one at ``path``. A log (or its folder)
        removed mid-session would take every later event into a file nobody can open: it is
        written again, whole, at its path (a new file; nothing on disk is rewritten), and
        ``restored`` says so. False if that failed too (``error`` says why)."""
        try:
            here, mine = os.stat(self.path), os.fstat(self._fd)
            if (here.st_dev, here.st_ino) == (mine.st_dev, mine.st_ino):
                return True
        except OSError:
            pass
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
        except OSError as exc:
            self.error = exc
            return False
        os.close(self._fd)
        self._fd = fd
        _lock(self._fd, self.path)
        self._pending[:0] = self._written      # everything again, then what was waiting
        self._written = []
        self._torn = False
        self.restored = True
        return self.flush()

    def save_copy(self, folder: Path) -> Path:
        """The whole log (what is on disk and what waits in memory) written to a new file in
        ``folder``, for a disk that refuses the log's own folder; the log itself is left as
        it is. Raises OSError if that folder cannot take it either."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / self.path.name
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            for line in [*self._written, *self._pending]:
                view = memoryview(line)
                while view:
                    view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        return target

    def close(self) -> None:
        """Write what waits, sync, close. A second close does nothing: closing the number
        again would close whatever file took it since (a font, another log)."""
        if self._fd < 0:
            return
        self.flush()
        self._sync()
        fd, self._fd = self._fd, -1
        os.close(fd)


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() == 0:
            return True
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


class LogRead(Record, frozen=False):
    path: str
    header: dict[str, Any]
    setup: SessionSetup
    events: list[Event]
    warnings: list[str] = field(default_factory=list)

    @property
    def ended(self) -> bool:
        return any(isinstance(e, SessionEnded) for e in self.events)


# Every field of a log is checked as it is read (maze/storage/checks.py). What can still go
# wrong is the order of events that are each fine (a step by a player whose turn it is not,
# in a log edited by hand): what replays or scores a log turns these into one clear line.
UNUSABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, AssertionError,
            ArithmeticError, StopIteration, RecursionError)


def unusable(source: str, exc: BaseException) -> DataError:
    """The one line for a log whose events this program cannot use."""
    return DataError([_("{file}: its events make no sense to this program ({error})").format(
        file=source, error=f"{type(exc).__name__}: {brief(exc, 120)}")])


MAX_LOG_BYTES = 64_000_000      # a 24-hour session of 30 players is a few MB
_HEADER_TEXT = ("session_id", "started_at", "preset")


def setup_from_header(data: Any, source: str) -> SessionSetup:
    """The session's setup from a log's header, every field checked (maze/storage/checks.py):
    one line naming the file and the field for the first that is wrong. One check per group
    of fields, in this order."""
    _check_log_format(data, source)
    _check_header_text(data, source)
    roster = _roster(data, source)
    level, rules = _level_and_rules(data, source)
    return SessionSetup(team=data["team"], roster=roster, level=level,
                        preset=data["preset"], rules=rules, seed=data["seed"],
                        session_id=data["session_id"], started_at=data["started_at"])


# The level and rules of headers already checked, by their exact text (repr tells 1 from 1.0
# and true, and keeps the order of fields): a report reads thousands of logs of a few levels,
# each header twice. Only what passed every check is kept; a few entries, never more.
_CHECKED: dict[tuple[str, str], tuple[Level, Rules]] = {}
_CHECKED_MOST = 32


def _level_and_rules(data: dict[str, Any], source: str) -> tuple[Level, Rules]:
    try:
        key: tuple[str, str] | None = (repr(data["level"]), repr(data["rules"]))
    except RecursionError:
        key = None
    found = _CHECKED.get(key) if key is not None else None
    if found is None:
        level = level_from_data(data["level"], f"{source}: header.level")
        rules = _rules_of_header(data["rules"], level, source)
        if key is not None:
            if len(_CHECKED) >= _CHECKED_MOST:
                _CHECKED.clear()
            _CHECKED[key] = found = (level, rules)
        else:
            return level, rules
    level, rules = found
    # Rules are frozen with plain values; a level's rule overrides are a dict: each session
    # gets its own, nothing mutable is shared between sessions.
    return replace(level, rules=dict(level.rules)), rules


def not_a_log(source: str) -> str:
    return _("{file}: line 1 is not a maze session log header").format(file=source)


def _refuse(source: str, field_name: str, message: str) -> LogError:
    """``message``: a sentence about {field} (see maze/storage/checks.py)."""
    return LogError([f"{source}: " + message.replace(FIELD, f"header.{field_name}", 1)])


def _check_log_format(data: Any, source: str) -> None:
    """A log header, in a version this program reads."""
    if not isinstance(data, dict) or data.get("format") != LOG_FORMAT:
        raise LogError([not_a_log(source)])
    version = data.get("version")
    if type(version) is not int or version < 1:
        raise LogError([_("{file}: {field} must be a whole number").format(
            file=source, field="header.version")])
    if version > LOG_VERSION:
        raise LogError([_("{file}: log format version {version} is newer than this program "
                          "reads (up to {newest}); update maze to read it").format(
            file=source, version=number_text(version), newest=LOG_VERSION)])


def _check_header_text(data: dict[str, Any], source: str) -> None:
    """Every field is there; the team, the seed, the names and the program are right."""
    for key in ("team", "roster", "preset", "seed", "session_id", "started_at", "rules", "level"):
        if key not in data:
            raise _refuse(source, key, _("{field} is missing").format(field=FIELD))
    checks: dict[str, Any] = {"team": text_check, "seed": _seed,
                              **{key: name_check for key in _HEADER_TEXT}}
    if "program" in data:
        checks["program"] = text_check
    for key, check in checks.items():
        if (message := check(data[key])) is not None:
            raise _refuse(source, key, message)


def _roster(data: dict[str, Any], source: str) -> tuple[str, ...]:
    roster = data["roster"]
    if type(roster) is not list or not 1 <= len(roster) <= MAX_PLAYERS:
        raise _refuse(source, "roster", (
            _("{field} must list 1 to {most} names, not {kind} of {n}") if type(roster) is list
            else _("{field} must list 1 to {most} names, not {kind}")).format(
            field=FIELD, most=MAX_PLAYERS, kind=type_name(roster),
            n=len(roster) if type(roster) is list else 0))
    for i, name in enumerate(roster):
        if (message := name_check(name)) is not None:
            raise _refuse(source, f"roster[{i}]", message)
    if len(set(roster)) != len(roster):
        raise _refuse(source, "roster", _("{field} names the same player twice").format(
            field=FIELD))
    return tuple(roster)


def _rules_of_header(rules_data: Any, level: Level, source: str) -> Rules:
    """The resolved rules: every rule there, each right, the board the level's."""
    if type(rules_data) is not dict:
        raise _refuse(source, "rules", _("{field} must be an object, not {kind}").format(
            field=FIELD, kind=type_name(rules_data)))
    unknown = [k for k in rules_data if k not in RULE_NAMES]
    missing = [k for k in RULE_NAMES if k not in rules_data]
    if unknown or missing:
        raise LogError([_("{file}: {field} has unknown or missing rules: {rules}").format(
            file=source, field="header.rules", rules=brief(", ".join(unknown + missing), 120))])
    sized = {k: v for k, v in rules_data.items() if k not in ("cols", "rows")}
    problems = check_rule_overrides(sized, f"{source}: header", "rules")
    for key in ("cols", "rows"):
        if rules_data[key] != getattr(level, key) or type(rules_data[key]) is not int:
            problems.append(_("{file}: {field} must be the level's {key} ({value})").format(
                file=source, field=f"header.rules.{key}", key=key, value=getattr(level, key)))
    if not problems and rules_data["currency"] == Currency.POINTS and rules_data["budget"] is None:
        problems.append(_("{file}: {field} is needed when {other} is \"{value}\"").format(
            file=source, field="header.rules.budget", other="rules.currency", value="points"))
    if problems:
        raise LogError(problems[:1])
    return Rules(**rules_data)


def _seed(value: Any) -> str | None:
    if type(value) is not int:
        return _("{field} must be a whole number, not {kind}").format(field=FIELD,
                                                                       kind=type_name(value))
    return None if -2**63 <= value < 2**63 else _(
        "{field} must be a whole number of at most {n} digits").format(field=FIELD, n=19)


def read_log(path: str | os.PathLike[str]) -> LogRead:
    """Read a session log, skipping damaged lines with one warning and reporting gaps. Only a
    regular file of at most MAX_LOG_BYTES is read (a FIFO or /dev/zero is refused)."""
    source = str(path)
    return log_from_bytes(read_regular(path, source, MAX_LOG_BYTES), source)


def log_from_bytes(raw: bytes, source: str) -> LogRead:
    """A log from a file's bytes (what read_log does after reading the file)."""
    if len(raw) > MAX_LOG_BYTES:
        raise LogError([too_large(source, MAX_LOG_BYTES)])
    end = raw.find(b"\n")
    first, rest = (raw, b"") if end < 0 else (raw[:end], raw[end + 1:])
    if not first.strip():
        raise LogError([_("{file}: empty: not a session log").format(file=source)])
    try:
        head = parse_json_text(first.decode("utf-8"), f"{source}: line 1", constants=True)
    except (UnicodeDecodeError, DataError):
        raise LogError([not_a_log(source)]) from None
    setup = setup_from_header(head, source)
    events: list[Event] = []
    damaged: list[int] = []
    try:                       # one decode for the whole file; line by line only if damaged
        text: str | None = rest.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    whole = _read_whole(text) if text is not None else None
    if whole is not None:                  # the common case: every line one whole event
        _check_events(source, setup, whole, [], text)
        return LogRead(source, head, setup, whole, _gap_warnings(source, whole))
    lines: list[str | bytes] = list(text.split("\n") if text is not None else rest.split(b"\n"))
    decode, append = _DECODER.raw_decode, events.append
    numbers: list[int] = []
    for number, line in enumerate(lines, start=2):
        try:
            line_text = line if isinstance(line, str) else line.decode("utf-8")
            line_text = line_text.strip()
            if not line_text:
                continue
            data, stop = decode(line_text)
            if stop != len(line_text) or type(data) is not dict:
                raise ValueError("not one whole JSON object")
            append(event_from_dict(data))
            numbers.append(number)
        except (UnicodeDecodeError, ValueError, RecursionError, EventFormatError, TypeError):
            damaged.append(number)
    _check_events(source, setup, events, numbers, None)
    warnings = []
    if damaged:
        shown = ", ".join(str(n) for n in damaged[:5])
        if len(damaged) > 5:
            shown = _("{numbers} and {n} more").format(numbers=shown, n=len(damaged) - 5)
        warnings.append(n_("{file}: skipped {n} damaged line: line {numbers}",
                           "{file}: skipped {n} damaged lines: lines {numbers}",
                           len(damaged)).format(file=source, n=len(damaged), numbers=shown))
    return LogRead(source, head, setup, events, warnings + _gap_warnings(source, events))


def _check_events(source: str, setup: SessionSetup, events: list[Event],
                  numbers: list[int], text: str | None) -> None:
    """Every field of every event (maze/storage/checks.py); the first wrong one refuses the
    log in one line naming the file, the line and the field. ``text``: the lines after the
    header when every non-blank one is an event (the line numbers are counted in it)."""
    found = EventChecker(setup.level.board(setup.rules), setup.roster).first_problem(events)
    if found is not None:
        index, message = found
        if text is not None:
            numbers = [n for n, line in enumerate(text.split("\n"), start=2)
                       if line and not line.isspace()]
        raise LogError([_("{file}: line {n}: {problem}").format(file=source, n=numbers[index],
                                                                problem=message)])


def _read_whole(text: str) -> list[Event] | None:
    """All lines at once, as one JSON array (one C call instead of one per line); None if
    anything is not exactly one whole event per line, for the careful line-by-line path.
    Most logs have no blank line but the last: their lines are joined as they are."""
    body = text[:-1] if text.endswith("\n") else text
    try:
        data = json.loads("[" + body.replace("\n", ",") + "]")
        joined = len(data) == body.count("\n") + 1   # a blank line would not have parsed
    except (ValueError, RecursionError):
        joined = False
    if not joined:
        kept = [line for line in text.split("\n") if line and not line.isspace()]
        try:
            data = json.loads("[" + ",".join(kept) + "]")
        except (ValueError, RecursionError):
            return None
        if len(data) != len(kept):
            return None
    try:
        return events_from_dicts(data)
    except (ValueError, RecursionError, EventFormatError, TypeError):
        return None


def _gap_warnings(source: str, events: list[Event]) -> list[str]:
    if list(map(_SEQ, events)) == list(range(1, len(events) + 1)):
        return []                        # the common case, compared in C: no gap
    warnings = []
    expected = 1
    for event in events:
        if event.seq > expected:
            gap = f"{expected}" if event.seq == expected + 1 else f"{expected}-{event.seq - 1}"
            warnings.append(_("{file}: events {numbers} are missing").format(file=source,
                                                                              numbers=gap))
        expected = max(expected, event.seq + 1)
    if len(warnings) > 5:                # a few lines, then a count
        more = len(warnings) - 5
        warnings[5:] = [n_("{file}: and {n} more gap in the events",
                           "{file}: and {n} more gaps in the events", more).format(
            file=source, n=more)]
    return warnings


# ---------------------------------------------------------------------------- resuming

class Unfinished(Record):
    """An interrupted session in the log folder, as the resume list shows it."""

    path: Path
    team: str
    level: str
    players: int
    started_at: str
    stopped_at: float          # active seconds at the last logged event
    time_limit: float
    modified: float            # when the log was last written (seconds since the epoch)


_ENDED = b'"type": "session_ended"'
_TAIL = 8192


def unfinished_logs(folder: Path, limit: int = 50) -> list[Unfinished]:
    """The sessions in ``folder`` whose logs have no end, newest first: each file's header
    and its last few kilobytes are read, never the whole file. Logs this program cannot read
    are left out (``maze resume`` on one says why)."""
    try:
        candidates = sorted(folder.glob("*.jsonl"), key=_mtime, reverse=True)
    except OSError:
        return []
    found: list[Unfinished] = []
    for path in candidates:
        if len(found) >= limit:
            break
        try:
            entry = _unfinished(path)
        except (OSError, ValueError, LogError, *UNUSABLE):
            continue
        if entry is not None:
            found.append(entry)
    return found


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _in_use(fd: int) -> bool:
    """Whether another window holds this log (its session is being played right now)."""
    try:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except (ImportError, OSError):
        return False
    fcntl.flock(fd, fcntl.LOCK_UN)
    return False


def _unfinished(path: Path) -> Unfinished | None:
    with open_regular(path, str(path), MAX_LOG_BYTES) as handle:   # never a FIFO: no hang
        if _in_use(handle.fileno()):
            return None                  # not interrupted: being played in another window
        first = handle.readline(1 << 20)
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - _TAIL))
        tail = handle.read()
        modified = os.fstat(handle.fileno()).st_mtime
    if _ENDED in tail:
        return None
    setup = setup_from_header(parse_json_bytes(first, str(path)), str(path))
    stopped = 0.0
    for line in reversed(tail.split(b"\n")[1:]):   # [0]: the header, or a line cut by the seek
        try:
            data = json.loads(line)
        except ValueError:
            continue                     # the cut-off last line, or a blank
        if isinstance(data, dict) and isinstance(data.get("t"), int | float):
            stopped = float(data["t"])
            break
    else:
        return None                      # not a single event: the session never started
    return Unfinished(path, setup.team, setup.level.name, len(setup.roster), setup.started_at,
                      stopped, setup.rules.time_limit, modified)


def read_for_resume(path: str | os.PathLike[str]) -> LogRead:
    """An interrupted session's log, checked whole before anything is appended to it: it must
    have started, not ended, and have every event (a damaged last line, cut off by the crash,
    is fine: that event is lost and the session goes on from the one before)."""
    read = read_log(path)
    source = str(path)
    ended = next((e for e in read.events if isinstance(e, SessionEnded)), None)
    if ended is not None:
        outcome = _(OUTCOME_WORDS.get(ended.outcome, ended.outcome))
        raise LogError([_("{file}: this session has ended ({outcome}); nothing to resume "
                          "(`maze replay` shows it)").format(file=source, outcome=outcome)])
    if not read.events:
        raise LogError([_("{file}: the session never started; start a new one instead").format(
            file=source)])
    missing = _gap_warnings(source, read.events)[:1]
    for seq, event in enumerate(read.events, start=1):
        if event.seq != seq:
            missing = missing or [_("{file}: events are out of order at line {n}").format(
                file=source, n=seq + 1)]
            break
    if missing:
        raise LogError([_("{problem}: the session cannot be rebuilt exactly, so it is not "
                          "resumed (`maze score` still reads it)").format(problem=missing[0])])
    return read
