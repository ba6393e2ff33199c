"""Scripted sessions for tests: a fake clock, a tiny move language, compact event strings."""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

from maze.core.board import Square, parse_square
from maze.core.events import Event
from maze.core.level import Curveball, Level
from maze.core.session import Session, SessionSetup

ROSTER = ("Ana", "Ben", "Chen")


class FakeClock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_level(path: Iterable[str] = ("B1", "B2", "C3", "C4"), cols: int = 4, rows: int = 4,
               rules: dict[str, Any] | None = None, alternate: Iterable[str] | None = None,
               after: int | None = None, preset: str = "classic") -> Level:
    curveball = None
    if alternate is not None or after is not None:
        curveball = Curveball(tuple(alternate) if alternate else None, after)
    return Level("Test", cols, rows, tuple(path), preset, dict(rules or {}), curveball)


def make_setup(level: Level | None = None, roster: Iterable[str] = ROSTER, seed: int = 7,
               flags: dict[str, Any] | None = None) -> SessionSetup:
    level = level or make_level()
    return SessionSetup(team="Testers", roster=tuple(roster), level=level, preset=level.preset,
                        rules=level.resolve_rules(None, flags), seed=seed,
                        session_id="0000beef", started_at="2026-11-22T10:00:00+00:00")


def start(setup: SessionSetup | None = None, sink: Any = None) -> tuple[Session, FakeClock]:
    clock = FakeClock()
    session = Session(setup or make_setup(), clock, random.Random((setup or make_setup()).seed), sink)
    session.start()
    return session, clock


def run(session: Session, clock: FakeClock, script: Iterable[str]) -> None:
    """Play a script. Items: a square ("A1", "A1@2.5" to wait 2.5 s first; default 1 s),
    "exit" (leave by the start edge in a manual retreat), "wait S", or a command name
    ("skip", "pause", "resume", "curveball", "penalty KIND", "end", "end_planning",
    "memory_aid", "reveal", "undo")."""
    for item in script:
        words = item.split()
        if words[0] == "wait":
            clock.advance(float(words[1]))
            session.tick()
            continue
        if words[0] in ("skip", "pause", "resume", "curveball", "end", "end_planning",
                        "reveal", "undo"):
            getattr(session, words[0])()
            continue
        if words[0] == "memory_aid":
            session.toggle_memory_aid()
            continue
        if words[0] == "penalty":
            session.penalty(words[1])
            continue
        name, _, delay = item.partition("@")
        clock.advance(float(delay) if delay else 1.0)
        if name == "exit":
            here = session.state.position
            assert here is not None
            session.move(Square(here.col, -1))
        else:
            session.move(parse_square(name))


def compact(event: Event) -> str:
    d = event.to_dict()
    kind = d["type"]
    body = {
        "step": lambda: f"step {d['player']} {d['square']} {d['class']}",
        "beep": lambda: f"beep {d['square']}",
        "retreat_started": lambda: f"retreat_started {d['squares']}",
        "retreat_step": lambda: f"retreat_step {d['square'] or 'off'}",
        "retreat_error": lambda: f"retreat_error {d['square']}",
        "retreat_done": lambda: "retreat_done",
        "crossing": lambda: f"crossing {d['player']} {d['phase']}",
        "turn_started": lambda: f"turn {d['player']}",
        "phase_changed": lambda: f"phase {d['from']}>{d['to']} {d['cause']}",
        "penalty": lambda: f"penalty {d['kind']} {d['cost']:g} {d['currency']} {d['by']}",
        "path_changed": lambda: f"path_changed {d['source']} {d['by']}",
        "curveball_armed": lambda: f"curveball_armed {d['by']}",
        "session_ended": lambda: f"ended {d['outcome']}",
        "player_skipped": lambda: f"skipped {d['player']}",
        "memory_aid": lambda: f"memory_aid {'on' if d['on'] else 'off'}",
        "muted": lambda: f"muted {d['on']}",
        "action_undone": lambda: f"undone {d['action']} #{d['undone']}",
    }.get(kind, lambda: kind)()
    return f"{d['t']:g} {body}"


def compact_all(events: Iterable[Event]) -> list[str]:
    return [compact(e) for e in events]
