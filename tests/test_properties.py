"""Properties that hold for any sequence of moves and facilitator actions."""

from __future__ import annotations

import random

import pytest
from helpers import FakeClock, make_level, make_setup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maze.core.board import Board, Square
from maze.core.events import TurnStarted
from maze.core.path import DIFFICULTIES, generate_path, path_names, touches_itself
from maze.core.session import ActionRefused, IllegalMove, Session, replay
from maze.core.state import Phase
from maze.core.turns import TurnOrder
from maze.storage.levels import level_from_data
from maze.storage.log import SessionLog

MOVES = [(dc, dr) for dc in (-1, 0, 1) for dr in (-1, 0, 1) if (dc, dr) != (0, 0)]

action = st.one_of(
    st.tuples(st.just("move"), st.sampled_from(MOVES), st.integers(0, 3)),
    st.tuples(st.just("move"), st.sampled_from(MOVES), st.integers(0, 3)),
    st.tuples(st.just("move"), st.sampled_from(MOVES), st.integers(0, 3)),
    st.tuples(st.just("wait"), st.floats(0, 4, allow_nan=False)),
    st.tuples(st.sampled_from(["pause", "resume", "skip", "curveball", "memory", "reveal",
                               "end_planning", "undo"])),
    st.tuples(st.just("penalty"), st.sampled_from(["talking", "pointing"])),
)

level_choice = st.sampled_from([
    make_level(),
    make_level(rules={"retreat": "manual", "time_limit": 120}),
    make_level(("A1", "A2", "B2", "B3"), cols=3, rows=3, rules={"diagonals": False}),
    make_level(alternate=("B1", "A2", "A3", "B4"), after=1, rules={"execution": "remaining"}),
    make_level(rules={"planning": 5, "currency": "points", "budget": 5, "penalty_cost": 1}),
])


def new_session(level, roster, seed=3, sink=None):
    setup = make_setup(level, roster, seed=seed)
    clock = FakeClock()
    session = Session(setup, clock, random.Random(seed), sink)
    session.start()
    return session, clock


def play(session, clock, actions):
    """Carry out the actions one by one (refusals are part of the game), yielding after each."""
    for item in actions:
        clock.advance(0.25)
        try:
            if item[0] == "move":
                (dc, dr), col = item[1], item[2]
                # What fell due by now first, as the board does every frame before it handles
                # a key: otherwise the aim is taken from a walk-back the session has finished,
                # and an action that ticks (a slip and its undo) changes the aim, not the rules.
                session.tick()
                here = session.state.position
                if here is None:
                    target = Square(col + dc, 0) if dr > 0 else Square(col, -1)
                else:
                    target = Square(here.col + dc, here.row + dr)
                session.move(target)
            elif item[0] == "wait":
                clock.advance(item[1])
                session.tick()
            elif item[0] == "penalty":
                session.penalty(item[1])
            elif item[0] == "memory":
                session.toggle_memory_aid()
            else:
                getattr(session, item[0])()
        except (IllegalMove, ActionRefused):
            pass
        yield session


def check_invariants(session: Session) -> None:
    s = session.state
    assert s.position is None or s.position in s.board          # on a legal square or off
    if s.position is not None and s.retreat is None:
        assert s.trail and s.position == s.trail[-1]    # one token, at the end of its trail
    if s.retreat is not None and s.position is not None:
        assert s.position in s.trail                    # walking back along its own trail
    events = session.events
    for a, b in zip(events, events[1:], strict=False):
        assert b.seq == a.seq + 1
        assert b.t >= a.t                                        # the clock never goes back


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(level=level_choice, roster_size=st.integers(1, 4), actions=st.lists(action, max_size=80))
def test_any_sequence_keeps_the_invariants_and_replays(level, roster_size, actions):
    roster = tuple(f"P{i}" for i in range(roster_size))
    session, clock = new_session(level, roster)
    for _ in play(session, clock, actions):
        check_invariants(session)
    # Replaying the log rebuilds the exact live state.
    assert replay(session.setup, session.events) == session.state
    # Turns follow the roster: each new turn goes to the next player who still has something
    # to do (everyone while learning, those who owe a crossing in execution).
    state = session.setup.initial_state()
    for index, event in enumerate(session.events):
        if isinstance(event, TurnStarted) and index > 1:   # after the opening turn
            def eligible(p, s=state):
                return s.phase is not Phase.EXECUTION or p in s.owes
            expected = TurnOrder(state.roster, state.turn).next_index(eligible)
            assert expected is not None and state.roster[expected] == event.player
        state.apply(event)


@settings(max_examples=40, deadline=None)
@given(actions=st.lists(action, max_size=60), seed=st.integers(0, 10**6))
def test_same_seed_and_moves_give_byte_identical_logs(tmp_path_factory, actions, seed):
    level = make_level(alternate=None)
    logs = []
    for run in range(2):
        folder = tmp_path_factory.mktemp(f"run{run}")
        setup = make_setup(level, ("Ana", "Ben"), seed=seed)
        log = SessionLog(folder, setup)
        clock = FakeClock()
        session = Session(setup, clock, random.Random(seed), log.append)
        session.start()
        for _ in play(session, clock, actions):
            pass
        log.close()
        logs.append(log.path.read_bytes())
    assert logs[0] == logs[1]


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(cols=st.integers(2, 26), rows=st.integers(2, 40), diagonals=st.booleans(),
       difficulty=st.sampled_from(DIFFICULTIES), seed=st.integers(0, 2**32))
def test_generated_levels_always_pass_the_checks(cols, rows, diagonals, difficulty, seed):
    board = Board(cols, rows, diagonals)
    path = generate_path(board, random.Random(seed), difficulty)
    assert not touches_itself(board, path)
    data = {"format": "maze-level", "version": 1, "name": "g", "cols": cols, "rows": rows,
            "path": path_names(path), "rules": {"diagonals": diagonals}}
    level_from_data(data, "generated.json")      # raises on any problem


def test_generator_is_deterministic_and_difficulty_lengthens_the_path():
    board = Board(6, 9)
    lengths = {d: [] for d in DIFFICULTIES}
    for seed in range(20):
        assert generate_path(board, random.Random(seed)) == generate_path(board, random.Random(seed))
        for d in DIFFICULTIES:
            lengths[d].append(len(generate_path(board, random.Random(seed), d)))
    mean = {d: sum(v) / len(v) for d, v in lengths.items()}
    assert mean["easy"] < mean["normal"] < mean["hard"]
