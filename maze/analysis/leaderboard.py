"""Earlier teams on the same level, from the session logs in a folder.

"Same level" means the same board, paths and rules (different boards are not comparable).
Each headline score is ranked on its own."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maze.analysis.scores import score
from maze.core.session import SessionSetup
from maze.storage.jsonfile import DataError, shown
from maze.storage.log import UNUSABLE, read_log, unusable

HEADLINES = (("learning", "discoveries_per_minute"), ("execution", "error_free_speed"),
             ("switch", "score"))


def level_identity(setup: SessionSetup) -> str:
    level = setup.level
    rules = {k: v for k, v in setup.rules.to_dict().items() if k not in ("memory_aid",)}
    return json.dumps({"cols": level.cols, "rows": level.rows, "path": list(level.path),
                       "curveball": level.curveball.to_dict() if level.curveball else None,
                       "rules": rules}, sort_keys=True)


@dataclass(frozen=True)
class Entry:
    team: str
    started_at: str
    session_id: str
    outcome: str
    scores: tuple[float | None, float | None, float | None]
    ranks: tuple[int | None, int | None, int | None]


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:            # removed meanwhile: read_log says so
        return 0


def rank_values(values: list[float | None]) -> list[int | None]:
    """Each value's rank, 1 for the best (highest); equal values share a rank; None stays."""
    ordered = sorted({v for v in values if v is not None}, reverse=True)
    return [None if v is None else ordered.index(v) + 1 for v in values]


def leaderboard(folder: Path, setup: SessionSetup, limit: int = 200,
                skipped: list[str] | None = None) -> list[Entry]:
    """Teams that played this level, newest first, each score ranked among them (1 = best).
    Logs that cannot be used are left out, with one warning on stderr for all of them; a
    screen that wants to say so itself passes ``skipped`` and gets one line per log."""
    identity = level_identity(setup)
    rows: list[tuple[SessionSetup, dict[str, Any]]] = []
    # Newest first: names start with the start time; within one second, the file written last.
    files = sorted(folder.glob("*.jsonl"), key=lambda p: (p.name[:17], _mtime_ns(p)),
                   reverse=True)[:limit]
    skipped = [] if skipped is None else skipped  # a damaged neighbour never costs a debrief
    for path in files:
        try:
            read = read_log(path)
            if level_identity(read.setup) != identity:
                continue
            rows.append((read.setup, score(read.setup, read.events)))
        except DataError as exc:
            skipped.append(exc.problems[0])
        except UNUSABLE as exc:
            skipped.append(unusable(str(path), exc).problems[0])
    if skipped:                 # said once, not once per file
        print(f"warning: the leaderboard left out {len(skipped)} log(s) it could not use, "
              f"e.g. {shown(skipped[0])}", file=sys.stderr)
    values = [[f[block][key] for block, key in HEADLINES] for _, f in rows]
    ranks = [rank_values([v[i] for v in values]) for i in range(3)]
    out = []
    for i, (s, f) in enumerate(rows):
        out.append(Entry(s.team, s.started_at, s.session_id, f["outcome"],
                         (values[i][0], values[i][1], values[i][2]),
                         (ranks[0][i], ranks[1][i], ranks[2][i])))
    return out
