"""Finding session logs on disk and reading them one at a time, for the report and the
leaderboard (which score them: maze/analysis, from what is read here)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from maze.core.session import SessionSetup
from maze.storage.jsonfile import DataError, open_regular
from maze.storage.log import MAX_LOG_BYTES, UNUSABLE, LogRead, read_log, setup_from_header, unusable


def find_logs(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Log files given, and *.jsonl files found recursively in folders given, in order."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.jsonl") if not p.is_dir()))  # a FIFO: said
        else:
            found.append(path)
    return found


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:            # removed meanwhile: reading it says so
        return 0


def newest_logs(folder: Path, limit: int) -> list[Path]:
    """The ``limit`` newest logs of a folder, newest first: names start with the start time;
    within one second, the file written last."""
    return sorted(folder.glob("*.jsonl"), key=lambda p: (p.name[:17], _mtime_ns(p)),
                  reverse=True)[:limit]


def read_headers(paths: Iterable[Path]) -> Iterator[SessionSetup]:
    """The setup of each log whose header can be read, in order; only the first line of each
    is read. A log whose header cannot be read is passed over (reading it whole says why)."""
    for path in paths:
        try:
            with open_regular(path, str(path), MAX_LOG_BYTES) as handle:   # never a FIFO
                first = handle.readline(1 << 20)
            setup = setup_from_header(json.loads(first.decode("utf-8")), str(path))
        except (OSError, RecursionError, *UNUSABLE):
            continue
        yield setup


def read_logs(paths: Iterable[Path]) -> Iterator[tuple[str, LogRead | DataError]]:
    """Each log read whole, one at a time (only one is in memory while the caller works on
    it), with its path: what was read, or the one line saying why it could not be."""
    for path in paths:
        source = str(path)
        read: LogRead | DataError
        try:
            read = read_log(path)
        except DataError as exc:
            read = exc
        except UNUSABLE as exc:
            read = unusable(source, exc)
        yield source, read
