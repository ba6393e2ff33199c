"""Earlier teams on the same level, ranked, from their setups and figures (reading the logs of a
folder is the caller's: maze/reporting.py).

"Same level" means the same board, paths and rules (different boards are not comparable).
Each headline score is ranked on its own, among the sessions that ran their course: a team
that crossed, ran out of time or spent its budget. A session ended early by the facilitator, or
never ended (a closed window), is listed but not ranked: six seconds of play are not a score."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from maze.analysis.scores import Figures
from maze.core.session import SessionSetup
from maze.core.vocabulary import Outcome
from maze.lang import date_time

# Sessions that ran their course under the rules: everyone crossed, the time ran out (penalties
# in seconds included) or the penalty budget was spent (the same end, in points).
RANKED_OUTCOMES = frozenset({Outcome.COMPLETED, Outcome.TIME_UP, Outcome.BUDGET_SPENT})


def is_ranked(outcome: str) -> bool:
    """Whether a session with this outcome takes part in rankings (see RANKED_OUTCOMES)."""
    return outcome in RANKED_OUTCOMES


def when(started_at: str) -> str:
    """The start as people read it: "2026-11-10 14:05" (the date and the time of day as logged,
    the clock of the machine that ran the session)."""
    return started_at[:16].replace("T", " ")


def when_shown(started_at: str) -> str:
    """The start in the language's date and time ("10.11.2026 14:05" in German): as logged,
    the clock of the machine that ran the session. ``when`` for a start that is not a date."""
    from datetime import datetime
    try:
        moment = datetime.fromisoformat(started_at[:16])
    except ValueError:
        return when(started_at)
    return date_time(moment)


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
    ranks: tuple[int | None, int | None, int | None]   # all None when not ranked
    ranked: bool = True          # False: ended early or unfinished, listed without ranks

    @property
    def when(self) -> str:
        """Date and time of day, "2026-11-10 14:05": tells two sessions of a team apart."""
        return when(self.started_at)

    @property
    def time_of_day(self) -> str:
        """"14:05", enough beside the team's name when every row is from the same day."""
        return when(self.started_at)[11:]


def rank_values(values: list[float | None], ranked: list[bool] | None = None) -> list[int | None]:
    """Each value's rank, 1 for the best (highest); equal values share a rank; None stays.
    With ``ranked``, only the values marked True are ranked (the others get None)."""
    keep = [True] * len(values) if ranked is None else ranked
    ordered = sorted({v for v, k in zip(values, keep, strict=True) if v is not None and k},
                     reverse=True)
    return [None if v is None or not k else ordered.index(v) + 1
            for v, k in zip(values, keep, strict=True)]


def entries(scored: Iterable[tuple[SessionSetup, Figures]],
            include_unranked: bool = False) -> list[Entry]:
    """Sessions of one level (see level_identity), in the order given, each score ranked among
    them (1 = best). Sessions ended early or unfinished are left out (what the room sees ranks
    only sessions that ran their course), or with ``include_unranked`` listed with ``ranked``
    False and no ranks."""
    rows = list(scored)
    values = [[f.learning.discoveries_per_minute, f.execution.error_free_speed, f.switch.score]
              for _setup, f in rows]
    ranked = [is_ranked(f.outcome) for _setup, f in rows]
    ranks = [rank_values([v[i] for v in values], ranked) for i in range(3)]
    out = []
    for i, (s, f) in enumerate(rows):
        if not ranked[i] and not include_unranked:
            continue
        out.append(Entry(s.team, s.started_at, s.session_id, f.outcome,
                         (values[i][0], values[i][1], values[i][2]),
                         (ranks[0][i], ranks[1][i], ranks[2][i]), ranked[i]))
    return out
