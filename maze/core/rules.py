"""The rules in force for a session, and the presets of GAME.md.

Precedence: preset, then the level file, then command-line flags. The resolved rules are written
into the log header, so a log is read without knowing any preset.
"""

from __future__ import annotations

from typing import Any, Literal

from maze.core.record import Record, asdict, replace
from maze.core.vocabulary import Currency, RetreatMode

Execution = Literal["everyone", "remaining"]

class Rules(Record):
    cols: int = 6
    rows: int = 9
    diagonals: bool = True
    retreat: RetreatMode = RetreatMode.AUTO
    retreat_pace: float = 0.5          # seconds per square walked back in an auto retreat
    time_limit: float = 1200.0         # seconds of learning + execution (active time)
    planning: float = 0.0              # seconds of planning before learning; 0 = none
    execution: Execution = "everyone"
    penalty_cost: float = 30.0         # per infraction, in the currency below
    currency: Currency = Currency.SECONDS
    budget: float | None = None        # with currency "points": the team's starting budget
    repeat_beep_cost: float = 0.0      # a level may charge repeat beeps; 0 = counted, not charged
    memory_aid: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_overrides(self, overrides: dict[str, Any]) -> Rules:
        return replace(self, **overrides)


RULE_NAMES = Rules.FIELDS

PRESETS: dict[str, Rules] = {
    "classic": Rules(),
    "strict": Rules(retreat=RetreatMode.MANUAL),
    "no-diagonals": Rules(cols=5, rows=8, diagonals=False),
    "quick-demo": Rules(cols=5, rows=5, time_limit=300.0),
}
DEFAULT_PRESET = "classic"


def rules_summary(rules: Rules) -> str:
    """The rules in one line, as people read them: "6x9, diagonals, auto retreat, 20 min"."""
    limit = rules.time_limit
    time = f"{limit / 60:g} min" if limit >= 60 and limit % 60 == 0 else (
        f"{limit:g} s" if limit < 60 else f"{int(limit // 60)} min {limit % 60:g} s")
    parts = [f"{rules.cols}x{rules.rows}", "diagonals" if rules.diagonals else "no diagonals",
             f"{rules.retreat} retreat", time]
    if rules.planning:
        parts.append(f"{rules.planning:g} s planning")
    if rules.currency == Currency.POINTS:
        parts.append(f"budget {rules.budget:g}")
    return ", ".join(parts)
