"""The session host headless: no pygame, no window. A full session driven through the host's
commands, the announcements the room would see, the player named in each command, and the
same session from two input sources at once giving the same log as from one."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from helpers import FakeClock, compact_all, make_level, make_setup

from maze.core.board import Square
from maze.core.session import SessionSetup, replay
from maze.host import SessionHost
from maze.host.intents import KEYBOARD, MOUSE, PHONE, UP, Action, Move
from maze.sim.team import STYLE_TABLE, STYLES, choose
from maze.storage.log import SessionLog, read_log


def make_host(tmp: Path, setup: SessionSetup | None = None) -> tuple[SessionHost, FakeClock, list[str]]:
    clock = FakeClock()
    played: list[str] = []
    setup = setup or make_setup()
    return SessionHost(setup, SessionLog(tmp, setup), clock, play=played.append), clock, played


def test_the_host_needs_neither_pygame_nor_the_pygame_front_end():
    code = ("import sys, maze.host, maze.host.demo\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame'"
            " or m.startswith('maze.ui')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_a_whole_session_through_the_host_is_logged_announced_and_replays(tmp_path):
    host, clock, played = make_host(tmp_path)
    seen: list[int] = []
    host.listen(lambda e: seen.append(e.seq))
    announced: list[str] = []

    def do(player: str | None, move: Move, wait: float = 1.0) -> None:
        clock.advance(wait)
        host.update()
        assert host.move(move, player=player).ok
        if host.announcement:
            announced.append(host.announcement.text)

    # Ana: C1 beeps (the cursor starts in the middle column, C).
    do("Ana", UP)
    assert host.flashes and host.border_tone == "beep" and played[-1] == "beep"
    clock.advance(5)
    host.update()                               # the walk back is done: Ben's turn
    assert host.session.state.current_player == "Ben"
    assert host.announcement is not None and host.announcement.text == "Ben, your turn"
    # Ben: B1 B2 C3 C4 crosses: the path is found.
    do("Ben", Move(-1, 0))
    for move in (UP, UP, Move(1, 1), UP):
        do("Ben", move)
    assert announced[-1] == "Ben found the path! Execution: everyone across, no beeps. Chen, your turn"
    # Execution: Chen, Ana, Ben cross in turn.
    for player in ("Chen", "Ana", "Ben"):
        for n, move in enumerate((UP, UP, Move(1, 1), UP)):   # the cursor stays on B
            do(player, move, wait=3.5 if n == 0 else 1.0)
    assert "Chen crossed: 1 of 3 across. Ana, your turn" in announced
    assert host.finished and host.session.state.ended
    events = read_log(host.log.path).events
    assert events == host.session.events and seen == [e.seq for e in events][2:]
    assert replay(host.setup, events) == host.session.state
    assert host.live_board().crossings == 3 and host.progress() == (3, 3)


def test_a_move_for_a_player_not_at_the_board_is_refused_politely_and_logs_nothing(tmp_path):
    host, clock, _ = make_host(tmp_path)
    before = list(host.session.events)
    reply = host.move(UP, player="Ben", source=PHONE)
    assert not reply.ok and reply.text == "Not your turn: Ana is at the board"
    assert host.cue is None                     # a phone is told on the phone, not the board
    assert not host.move(UP, player="Zoe", source=PHONE).ok
    assert not host.choose_column(0, player="Chen", source=PHONE).ok
    assert not host.step_to(Square(2, 0), player="Ben", source=PHONE).ok
    assert host.session.events == before and host.cursor == 2
    assert host.move(UP, player="Ana", source=PHONE).ok
    assert host.session.events[-2].to_dict()["player"] == "Ana"


def test_refusals_from_the_laptop_show_on_the_board(tmp_path):
    host, _, _ = make_host(tmp_path)
    assert not host.move(Move(0, -1)).ok
    assert host.cue is not None and host.cue.text == "Up enters the board"


def test_time_warnings_only_from_time_that_was_there_and_each_once(tmp_path):
    setup = make_setup(flags={"time_limit": 150})
    host, clock, played = make_host(tmp_path, setup)
    host.move(UP)                              # the clock starts at the first step
    clock.advance(31)
    host.update()
    assert played.count("warning") == 1 and host.announcement.text == "2 minutes left"
    assert host.border_tone == "warning"
    clock.advance(95)
    host.update()
    host.update()
    assert played.count("warning") == 2 and host.announcement.text == "30 seconds left"
    short, clock2, played2 = make_host(tmp_path / "short", make_setup(flags={"time_limit": 60}))
    short.move(UP)
    clock2.advance(40)
    short.update()
    assert played2.count("warning") == 1 and short.announcement.text == "30 seconds left"


def test_facilitator_actions_go_through_the_host(tmp_path):
    host, clock, _ = make_host(tmp_path)
    assert host.act(Action.PENALTY_TALKING).ok and "Penalty: talking" in host.notice.text
    assert host.act(Action.SKIP).ok and host.notice.text == "Skipped Ana"
    assert host.act(Action.UNDO).ok and host.notice.text == "Undone: skip. Ana's turn again"
    assert not host.act(Action.CURVEBALL).ok
    assert host.act(Action.PAUSE).ok and host.session.state.paused
    assert not host.move(UP).ok
    assert host.act(Action.PAUSE).ok and not host.session.state.paused
    assert not host.act(Action.HELP).ok          # a view, not an action on the session
    host.end()
    assert host.finished


# ---------------------------------------------------------------- two input sources at once
def _to_move(host: SessionHost, target: Square) -> list[tuple[str, object]]:
    """The commands a phone sends for a step toward ``target``: a column choice then Up at
    the start edge, else one direction."""
    state = host.session.state
    here = state.position
    if here is None and state.retreat is None:
        return [("column", target.col), ("move", UP)]
    assert here is not None
    return [("move", Move(target.col - here.col, target.row - here.row))]


def _play(folder: Path, setup: SessionSetup, seed: int, two_sources: bool) -> tuple[Path, int]:
    """A simulated team through the host: with ``two_sources``, every other step comes from
    the players' phones (naming the player) and the rest from the laptop, while a phone of
    someone who is not at the board keeps tapping (refused). Returns the log and the refusals."""
    clock = FakeClock()
    host = SessionHost(setup, SessionLog(folder, setup), clock)
    rng = random.Random(seed)
    styles = {n: STYLE_TABLE[STYLES[i % len(STYLES)]] for i, n in enumerate(setup.roster)}
    refused = 0
    for count in range(2000):
        if host.finished:
            break
        clock.advance(rng.uniform(0.2, 2.0))
        host.update()
        session = host.session
        if host.finished:
            break
        if not (session.can_move() or (session.state.retreat is not None
                                       and session.rules.retreat == "manual")):
            continue
        player = session.state.current_player
        target = choose(session, styles[player], rng)
        if target is None:
            assert host.act(Action.SKIP, notify=False).ok
            continue
        if not two_sources:
            host.step_to(target, source=MOUSE)
            continue
        others = [p for p in setup.roster if p != player]
        if others:                              # someone else's phone taps out of turn
            reply = host.move(UP, player=others[count % len(others)], source=PHONE)
            assert not reply.ok and reply.text.startswith("Not your turn")
            refused += 1
        if count % 2:
            host.step_to(target, source=KEYBOARD)
        else:
            for kind, value in _to_move(host, target):
                if kind == "column":
                    assert host.choose_column(value, player=player, source=PHONE).ok
                else:
                    host.move(value, player=player, source=PHONE)
    assert host.finished
    assert replay(setup, host.session.events) == host.session.state
    host.close()
    return host.log.path, refused


def _without_source(path: Path) -> list[dict[str, object]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        line.pop("source", None)
    return lines


def test_two_input_sources_at_once_give_the_same_log_as_one(tmp_path):
    levels = (make_level(), make_level(rules={"retreat": "manual"}),
              make_level(("B1", "B2", "B3", "B4"), rules={"diagonals": False}))
    for seed, level in enumerate(levels, start=1):
        setup = make_setup(level, flags={"time_limit": 600})
        one, _ = _play(tmp_path / f"one{seed}", setup, seed, two_sources=False)
        two, refused = _play(tmp_path / f"two{seed}", setup, seed, two_sources=True)
        assert refused > 0
        assert _without_source(one) == _without_source(two)
        assert compact_all(read_log(one).events) == compact_all(read_log(two).events)


def test_each_step_says_where_it_came_from_and_scores_ignore_it(tmp_path):
    from maze.analysis.scores import score, written
    setup = make_setup(make_level(rules={"retreat": "manual"}))
    host, clock, _ = make_host(tmp_path, setup)
    host.move(UP, source=KEYBOARD)                          # C1 beeps
    clock.advance(1)
    host.move(Move(0, -1), player="Ana", source=PHONE)      # off the board: manual retreat
    clock.advance(1)
    host.step_to(Square(1, 0), source=MOUSE)                # Ben: B1
    host.close()
    lines = [json.loads(line) for line in host.log.path.read_text().splitlines()[1:]]
    sources = [(line["type"], line.get("source")) for line in lines if "source" in line]
    assert sources == [("step", "keyboard"), ("retreat_step", "phone"), ("step", "mouse")]
    assert all("source" not in line for line in lines if line["type"] not in ("step", "retreat_step"))
    read = read_log(host.log.path)
    assert read.warnings == [] and read.events == host.session.events
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "log.jsonl").write_text("".join(
        json.dumps({k: v for k, v in json.loads(line).items() if k != "source"}) + "\n"
        for line in host.log.path.read_text().splitlines()))
    again = read_log(plain / "log.jsonl")
    assert written(score(again.setup, again.events)) == written(score(read.setup, read.events))
