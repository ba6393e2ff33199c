"""Writing the report's files: a file that appears whole or not at all, the sessions' pages
written on a thread of their own, a spool for text that goes after the summary, and the CSV.
What goes in them is made in maze/analysis/report.py."""

from __future__ import annotations

import csv
import errno
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from maze.lang import _


@contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text file written beside ``path`` and put in its place only once it is whole: a
    reader (or a failure halfway) never sees half a report."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class CsvFile:
    """A CSV file being written, with the byte-order mark spreadsheets need to read UTF-8."""

    def __init__(self, path: Path, fields: Iterable[str]) -> None:
        self.handle = open(path, "w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.handle)
        self.writer.writerow(fields)

    def write(self, rows: Iterable[Iterable[object]]) -> None:
        self.writer.writerows(rows)

    def close(self) -> None:
        self.handle.close()


def spool() -> IO[str]:
    """A temporary file for text written now and copied later (see copy_spool)."""
    return tempfile.TemporaryFile("w+", encoding="utf-8")


def copy_spool(spooled: IO[str], out: IO[str]) -> None:
    spooled.seek(0)
    while chunk := spooled.read(1 << 16):
        out.write(chunk)


def pages_folder(output: Path) -> Path:
    """Where the sessions' pages go: report.html -> report_files/ beside it."""
    return output.with_name(f"{output.stem}_files")


def _write_file(path: Path, data: bytes) -> None:
    """A whole file, with four system calls and no buffered file object: a report writes
    thousands (an open file object's set-up cost more than the writing). A page of an earlier
    report is written over and then cut to the new length, not emptied first: on ext4, a file
    emptied and written again is flushed to the disk as it is closed (its "auto_da_alloc"),
    which made writing a report again five times slower than writing it the first time."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


class PageWriter:
    """Writes pages into a folder, each as soon as it is made (memory stays flat). Written in
    the caller's thread: a page goes to the system's cache in a few microseconds and the
    disk is written while the next log is read (a thread of its own cost more in handing
    each page over than it saved; see _write_file for what did make writing slow)."""

    def __init__(self, folder: Path) -> None:
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, _("a file is in the way of the folder for "
                                                      "the sessions' pages"), str(folder))
        folder.mkdir(exist_ok=True)
        self.folder = folder
        self.written: set[str] = set()

    def put(self, name: str, text: str) -> None:
        _write_file(self.folder / name, text.encode())
        self.written.add(name)

    def remove_others(self, named: re.Pattern[str]) -> None:
        """Remove the files of the folder whose whole name matches ``named`` but that were
        not written this time (pages of an earlier report with more sessions); no other file
        is ever removed."""
        for old in self.folder.iterdir():
            if named.fullmatch(old.name) and old.name not in self.written:
                old.unlink()
