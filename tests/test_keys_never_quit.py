"""No key a player can press without Ctrl quits the program or does a facilitator's job, on any
screen; Esc only ever goes back one level or closes an overlay (issue: "What the room sees",
"Nothing lost, nothing crashes"). Each screen is walked with Esc pressed repeatedly, then with
every key on the keyboard, plain and with Shift or Alt."""

from __future__ import annotations

import json

import pygame
import pytest
from screens import ORDINARY, open_app, screens

from maze.ui.scenes.board import BoardScene

pytestmark = pytest.mark.slow

# Events only a facilitator may cause (a player's keys move, nothing else).
FACILITATOR_EVENTS = {"paused", "resumed", "curveball_armed", "path_changed", "path_revealed",
                      "memory_aid", "muted", "penalty", "player_skipped", "action_undone"}
ALL_KEYS = sorted({getattr(pygame, name) for name in dir(pygame) if name.startswith("K_")})


@pytest.fixture(autouse=True)
def _data(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    yield
    pygame.quit()


def press(app, key: int, mod: int = 0) -> None:
    app.step([pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
              pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)])
    app.clock.advance(0.05)


def facilitator_events(folder) -> list[str]:
    found = []
    for log in folder.rglob("*.jsonl"):
        for line in log.read_text(encoding="utf-8").splitlines()[1:]:
            event = json.loads(line)
            if event["type"] in FACILITATOR_EVENTS or (
                    event["type"] == "session_ended" and event.get("outcome") == "ended_by_facilitator"):
                found.append(f"{log.name}: {event['type']}")
    return found


def test_esc_never_ends_the_program_from_any_screen(tmp_path):
    app = open_app((1024, 768))
    for name, build in screens(tmp_path, ORDINARY):
        app.running = True
        app.stack = build(app)
        for _ in range(6):
            press(app, pygame.K_ESCAPE)
            assert app.running and app.stack, f"Esc ended the program on the {name} screen"
    assert not facilitator_events(tmp_path / "live")


def test_no_key_without_ctrl_quits_or_does_a_facilitators_job(tmp_path):
    app = open_app((1024, 768))
    for name, build in screens(tmp_path, ORDINARY):
        if name.endswith("confirmation"):   # reached by Ctrl+Q: Enter there completes the chord
            continue
        app.running = True
        app.stack = build(app)
        for mod in (0, pygame.KMOD_LSHIFT, pygame.KMOD_LALT):
            for key in ALL_KEYS:
                if key in (pygame.K_F11,):        # fullscreen: the window's, not the session's
                    continue
                press(app, key, mod)
                assert app.running and app.stack, \
                    f"{pygame.key.name(key)} (mod {mod}) ended the program on the {name} screen"
        boards = [s for s in app.stack if isinstance(s, BoardScene)]
        for board in boards:
            board.log.flush()
    assert not facilitator_events(tmp_path / "live")
