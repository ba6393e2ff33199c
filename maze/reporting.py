"""The report and the leaderboard from logs on disk: what to read (maze/storage/sessions.py),
what to make of it (maze/analysis, which never sees a file) and where to write it
(maze/storage/reports.py). Used by `maze report` and by the results screen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path

from maze.analysis.leaderboard import Entry, entries, level_identity
from maze.analysis.report import CSV_FIELDS, END, PAGE_NAME, Made, Report, attempt_numbers
from maze.analysis.scores import Figures, score
from maze.core.session import SessionSetup
from maze.lang import n_
from maze.storage.jsonfile import DataError, shown
from maze.storage.log import UNUSABLE, LogRead, unusable
from maze.storage.reports import CsvFile, PageWriter, atomic_text, copy_spool, pages_folder, spool
from maze.storage.sessions import find_logs, newest_logs, read_headers, read_logs

Warn = Callable[[str], object]


def _made(report: Report, source: str, read: LogRead | DataError, warn: Warn | None) -> Made | None:
    """One log into the report: its part, or None when it is skipped (the report says why)."""
    if isinstance(read, DataError):
        report.skip(source, read.problems[0])
        return None
    if not report.admit(source, read):
        return None
    if warn is not None:
        for warning in read.warnings:
            warn(warning)
    try:
        return report.add(source, read)
    except UNUSABLE as exc:
        report.skip(source, unusable(source, exc).problems[0])
        return None


def write_report(inputs: Iterable[str | os.PathLike[str]], output: Path | None,
                 csv_path: Path | None = None, summary_only: bool = False,
                 warn: Warn | None = None, anonymize: bool = False,
                 single: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """Write the report (and CSV); returns how many sessions it holds and what was skipped.

    The report is ``output``, a summary of every session linking to one page per session in
    the folder beside it (``pages_folder``); with ``single``, one self-contained file holding
    the summary and then every session. Either way each log is read, scored and its part
    written before the next is read: only one summary row per session stays in memory. With
    ``anonymize``, names become pseudonyms and no file path (which holds the team's name) is
    written."""
    paths = find_logs(inputs)
    sections = output is not None and not summary_only
    with ExitStack() as stack:
        body = stack.enter_context(spool()) if sections and single else None
        pages = None
        if sections and not single and output is not None:
            pages = PageWriter(pages_folder(output))
        table = CsvFile(csv_path, CSV_FIELDS) if csv_path is not None else None
        if table is not None:
            stack.callback(table.close)
        report = Report(attempt_numbers(read_headers(paths)), sections, anonymize)
        for source, read in read_logs(paths):
            made = _made(report, source, read, warn)
            if made is None:
                continue
            if body is not None:
                body.write(made.section)
            elif pages is not None and output is not None:
                pages.put(made.page_name, report.page(made, output.name))
            if table is not None:
                table.write(report.csv_rows(made))
        if output is not None:
            with atomic_text(output) as out:
                out.writelines(report.summary(pages.folder.name if pages is not None else None))
                if body is not None:
                    copy_spool(body, out)
                out.write(END)
            if pages is not None:       # pages of an earlier report with more sessions
                pages.remove_others(PAGE_NAME)
    return len(report.rows), report.skipped


def leaderboard(folder: Path, setup: SessionSetup, limit: int = 200,
                include_unranked: bool = False, skipped: list[str] | None = None) -> list[Entry]:
    """Teams that played this level, among the ``limit`` newest logs of ``folder``, newest
    first, each score ranked among them (see maze.analysis.leaderboard.entries). Logs that
    cannot be used are left out, with one warning on stderr for all of them; a screen that
    wants to say so itself passes ``skipped`` and gets one line per log."""
    identity = level_identity(setup)
    scored: list[tuple[SessionSetup, Figures]] = []
    skipped = [] if skipped is None else skipped  # a damaged neighbour never costs a debrief
    for source, read in read_logs(newest_logs(folder, limit)):
        if isinstance(read, DataError):
            skipped.append(read.problems[0])
        elif level_identity(read.setup) == identity:
            try:
                scored.append((read.setup, score(read.setup, read.events)))
            except UNUSABLE as exc:
                skipped.append(unusable(source, exc).problems[0])
    if skipped:                 # said once, not once per file
        print(n_("warning: the leaderboard left out {n} log it could not use, e.g. {problem}",
                 "warning: the leaderboard left out {n} logs it could not use, e.g. {problem}",
                 len(skipped)).format(n=len(skipped), problem=shown(skipped[0])),
              file=sys.stderr)
    return entries(scored, include_unranked)
