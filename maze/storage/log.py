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
)
from maze.core.format import LOG_FORMAT, LOG_VERSION
from maze.core.record import Record, field
from maze.core.rules import RULE_NAMES, Rules
from maze.core.session import SessionSetup
from maze.storage.jsonfile import DataError, brief
from maze.storage.levels import level_from_data

LogError = DataError
_DECODER = json.JSONDecoder()
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
        raise LogInUse(f"{path}: the session is open in another maze window") from None
    except OSError:
        pass                     # a filesystem without locks: carry on without one


class SessionLog:
    """Appends one session's events to its own file."""

    def __init__(self, folder: Path, setup: SessionSetup | None, write: Writer = os.write,
                 fsync: Callable[[int], None] = os.fsync, *, existing: Path | None = None) -> None:
        self._write = write
        self._fsync = fsync
        self._pending: list[bytes] = []
        self._torn = False
        self.error: OSError | None = None
        if existing is not None:     # resuming: append to the session's own log
            self.path = existing
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
            _lock(self._fd, self.path)
            self._torn = not _ends_with_newline(self.path)   # a line cut off by the crash
            return
        assert setup is not None
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
        """Write one event; ``source`` (keyboard, mouse, phone...) is an optional field of the
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
                self.error = OSError("the disk took only part of a line")
                return False
            self._torn = False
            self._pending.pop(0)
        self.error = None
        return True

    def _sync(self) -> None:
        if not self._pending:
            try:
                self._fsync(self._fd)
            except OSError as exc:
                self.error = exc

    def close(self) -> None:
        self.flush()
        self._sync()
        os.close(self._fd)


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


# What a log's events, read whole, can still throw when their values make no sense (a square
# named "ZZ99", a list where a name belongs): checking every field as it is read would slow
# every report, so what uses a log turns these into one clear line instead.
UNUSABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, AssertionError)


def unusable(source: str, exc: BaseException) -> DataError:
    """The one line for a log whose events this program cannot use."""
    return DataError([f"{source}: its events make no sense to this program "
                      f"({type(exc).__name__}: {brief(exc, 120)})"])


def setup_from_header(data: Any, source: str) -> SessionSetup:
    if not isinstance(data, dict) or data.get("format") != LOG_FORMAT:
        raise LogError([f"{source}: line 1 is not a maze session log header"])
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise LogError([f"{source}: header.version must be a whole number"])
    if version > LOG_VERSION:
        raise LogError([f"{source}: log format version {version} is newer than this program "
                        f"reads (up to {LOG_VERSION}); update maze to read it"])
    problems = []
    for key, kind in (("team", str), ("roster", list), ("preset", str), ("seed", int),
                      ("session_id", str), ("started_at", str), ("rules", dict),
                      ("level", dict)):
        if not isinstance(data.get(key), kind):
            problems.append(f"{source}: header.{key} is missing or of the wrong type")
    if problems:
        raise LogError(problems)
    roster = data["roster"]
    if not roster or not all(isinstance(p, str) for p in roster) or len(set(roster)) != len(roster):
        raise LogError([f"{source}: header.roster must list one or more distinct names"])
    level = level_from_data(data["level"], f"{source}: header.level")
    rules_data = data["rules"]
    unknown = [k for k in rules_data if k not in RULE_NAMES]
    missing = [k for k in RULE_NAMES if k not in rules_data]
    if unknown or missing:
        raise LogError([f"{source}: header.rules has unknown or missing rules: "
                        f"{brief(', '.join(unknown + missing), 120)}"])
    try:
        rules = Rules(**rules_data)
    except TypeError as exc:
        raise LogError([f"{source}: header.rules: {exc}"]) from None
    return SessionSetup(team=data["team"], roster=tuple(roster), level=level,
                        preset=data["preset"], rules=rules, seed=data["seed"],
                        session_id=data["session_id"], started_at=data["started_at"])


def read_log(path: str | os.PathLike[str]) -> LogRead:
    """Read a session log, skipping damaged lines with one warning and reporting gaps."""
    source = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise LogError([f"{source}: cannot be read ({exc.strerror or exc})"]) from None
    return log_from_bytes(raw, source)


def log_from_bytes(raw: bytes, source: str) -> LogRead:
    """A log from a file's bytes (what read_log does after reading the file)."""
    raw_lines = raw.split(b"\n")
    if not raw_lines or not raw_lines[0].strip():
        raise LogError([f"{source}: empty: not a session log"])
    try:
        head = json.loads(raw_lines[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise LogError([f"{source}: line 1 is not a maze session log header"]) from None
    setup = setup_from_header(head, source)
    events: list[Event] = []
    damaged: list[int] = []
    try:                       # one decode for the whole file; line by line only if damaged
        lines: list[str | bytes] = list(b"\n".join(raw_lines[1:]).decode("utf-8").split("\n"))
    except UnicodeDecodeError:
        lines = list(raw_lines[1:])
    whole = _read_whole(lines)
    if whole is not None:                  # the common case: every line one whole event
        return LogRead(source, head, setup, whole, _gap_warnings(source, whole))
    decode, append = _DECODER.raw_decode, events.append
    for number, line in enumerate(lines, start=2):
        try:
            text = line if isinstance(line, str) else line.decode("utf-8")
            text = text.strip()
            if not text:
                continue
            data, end = decode(text)
            if end != len(text) or type(data) is not dict:
                raise ValueError("not one whole JSON object")
            append(event_from_dict(data))
        except (UnicodeDecodeError, ValueError, RecursionError, EventFormatError, TypeError):
            damaged.append(number)
    warnings = []
    if damaged:
        shown = ", ".join(str(n) for n in damaged[:5]) + (" ..." if len(damaged) > 5 else "")
        warnings.append(f"{source}: skipped {len(damaged)} damaged line(s): line {shown}")
    return LogRead(source, head, setup, events, warnings + _gap_warnings(source, events))


def _read_whole(lines: list[str | bytes]) -> list[Event] | None:
    """All lines at once, as one JSON array (one C call instead of one per line); None if
    anything is not exactly one whole event per line, for the careful line-by-line path."""
    if any(isinstance(line, bytes) for line in lines):
        return None
    kept = [line for line in lines if line and not line.isspace()]   # type: ignore[union-attr]
    try:
        data = json.loads("[" + ",".join(kept) + "]")      # type: ignore[arg-type]
        if len(data) != len(kept):
            return None
        return [event_from_dict(item) if type(item) is dict else _not_an_event() for item in data]
    except (ValueError, RecursionError, EventFormatError, TypeError):
        return None


def _not_an_event() -> Event:
    raise ValueError("not an object")


def _gap_warnings(source: str, events: list[Event]) -> list[str]:
    warnings = []
    expected = 1
    for event in events:
        if event.seq > expected:
            gap = f"{expected}" if event.seq == expected + 1 else f"{expected}-{event.seq - 1}"
            warnings.append(f"{source}: events {gap} are missing")
        expected = max(expected, event.seq + 1)
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
    with open(path, "rb") as handle:
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
    setup = setup_from_header(json.loads(first.decode("utf-8")), str(path))
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
        raise LogError([f"{source}: this session has ended ({ended.outcome}); "
                        f"nothing to resume (`maze replay` shows it)"])
    if not read.events:
        raise LogError([f"{source}: the session never started; start a new one instead"])
    missing = [w for w in read.warnings if w.endswith("are missing")]
    for seq, event in enumerate(read.events, start=1):
        if event.seq != seq:
            missing = missing or [f"{source}: events are out of order at line {seq + 1}"]
            break
    if missing:
        raise LogError([f"{missing[0]}: the session cannot be rebuilt exactly, so it is not "
                        f"resumed (`maze score` still reads it)"])
    return read
