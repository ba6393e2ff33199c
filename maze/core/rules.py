"""The rules in force for a session, and the presets of GAME.md.

Precedence: preset, then the level file, then command-line flags. The resolved rules are written
into the log header, so a log is read without knowing any preset.
"""

from __future__ import annotations

from typing import Any, Literal

from maze.core.record import Record, asdict, replace
from maze.core.vocabulary import N_, Currency, RetreatMode

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
# A preset's name on a screen (translated there); the command line takes the keys above.
PRESET_WORDS: dict[str, str] = {
    "classic": N_("classic"), "strict": N_("strict"), "no-diagonals": N_("no diagonals"),
    "quick-demo": N_("quick demo"),
}
