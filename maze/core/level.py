"""A level: a board, its hidden path, rule overrides and an optional curveball."""

from __future__ import annotations

from typing import Any

from maze.core.board import Board, Square
from maze.core.path import parse_path
from maze.core.record import Record, field
from maze.core.rules import DEFAULT_PRESET, PRESETS, Rules
from maze.core.vocabulary import N_

# The built-in levels' names and descriptions (levels/*.json), marked for the catalogues: the
# core keeps them in English, as the files and logs do; a front end shows them in the room's
# language (maze.lang.builtin). tests/test_levels.py keeps this list and the files together.
BUILTIN_WORDS = frozenset({
    N_("Carpet 6x8"), N_("The 48-square carpet."),
    N_("Classic 6x9"),
    N_("The Harvard Business School board: 6 columns by 9 rows, diagonals on, 20 minutes."),
    N_("Corridor 3x16"), N_("A long, narrow board: many rows, few choices per row."),
    N_("Curveball 6x9"), N_("The path silently changes after the third execution crossing."),
    N_("Tape floor 5x8"), N_("No diagonal moves, as with tape on the floor."),
    N_("Quick demo 5x5"), N_("A short path to show the rules in two minutes."),
    N_("Strict 6x9"),
    N_("Manual retreat: players retrace their own steps; a wrong square beeps and costs 30 s."),
})


class Curveball(Record):
    path: tuple[str, ...] | None = None      # the alternate path; None = generate one
    after_crossings: int | None = None       # fire after this many execution crossings

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.path is not None:
            out["path"] = list(self.path)
        if self.after_crossings is not None:
            out["after_crossings"] = self.after_crossings
        return out


class Level(Record):
    name: str
    cols: int
    rows: int
    path: tuple[str, ...]
    preset: str = DEFAULT_PRESET
    rules: dict[str, Any] = field(default_factory=dict)   # overrides of the preset
    curveball: Curveball | None = None
    description: str = ""

    def resolve_rules(self, preset: str | None = None,
                      flags: dict[str, Any] | None = None) -> Rules:
        """Preset, then this level, then command-line flags."""
        base = PRESETS[preset or self.preset]
        resolved = base.with_overrides({"cols": self.cols, "rows": self.rows})
        resolved = resolved.with_overrides(self.rules)
        return resolved.with_overrides(flags or {})

    def board(self, rules: Rules | None = None) -> Board:
        diagonals = (rules or self.resolve_rules()).diagonals
        return Board(self.cols, self.rows, diagonals)

    def squares(self) -> tuple[Square, ...]:
        return parse_path(self.path)

    def to_dict(self) -> dict[str, Any]:
        from maze.core.format import LEVEL_FORMAT, LEVEL_VERSION
        out: dict[str, Any] = {"format": LEVEL_FORMAT, "version": LEVEL_VERSION,
                               "name": self.name}
        if self.description:
            out["description"] = self.description
        out.update({"cols": self.cols, "rows": self.rows, "preset": self.preset,
                    "path": list(self.path)})
        if self.rules:
            out["rules"] = dict(self.rules)
        if self.curveball is not None:
            out["curveball"] = self.curveball.to_dict()
        return out
