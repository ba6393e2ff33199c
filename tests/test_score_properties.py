"""Properties of the figures, over random sessions and random switch parts."""

from __future__ import annotations

import json

import pygame
from helpers import FakeClock, make_level, make_setup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import action, play

from maze.analysis.scores import score, switch_score
from maze.cli import main
from maze.storage.log import SessionLog, read_log

LEVELS = [make_level(), make_level(alternate=("B1", "A2", "A3", "B4"), after=1),
          make_level(rules={"retreat": "manual"})]

TOP = {"team", "level", "players", "outcome", "path_length", "learning", "execution", "switch",
       "penalties"}
LEARNING = {"seconds", "steps", "failures", "discoveries", "repeat_errors",
            "discoveries_per_minute", "exploration_share", "path_found_seconds",
            "median_dwell_new"}
EXECUTION = {"seconds", "attempts", "crossings", "errors", "error_free_speed", "error_rate"}
SWITCH = {"lag_seconds", "pace_ratio", "off_path_steps", "curveballs", "score"}
CURVE = {"detect_steps", "detect_seconds", "rigid_repeats", "relearn_seconds"}
PLAYER = {"steps", "attempts", "crossings", "discoveries", "repeat_errors", "execution_errors",
          "median_dwell", "median_dwell_new"}


def logged_session(tmp_path, level_index, actions, roster_size=2):
    import random

    from maze.core.session import Session
    setup = make_setup(LEVELS[level_index], tuple(f"P{i}" for i in range(roster_size)))
    log = SessionLog(tmp_path, setup)
    clock = FakeClock()
    session = Session(setup, clock, random.Random(1), log.append)
    session.start()
    for _ in play(session, clock, actions):
        pass
    log.close()
    return session, log.path


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(level=st.integers(0, len(LEVELS) - 1), actions=st.lists(action, max_size=80),
       roster_size=st.integers(1, 3))
def test_figures_from_the_log_equal_the_live_figures_and_json_has_every_key(
        tmp_path_factory, level, actions, roster_size):
    folder = tmp_path_factory.mktemp("s")
    session, path = logged_session(folder, level, actions, roster_size)
    live = score(session.setup, session.events)
    read = read_log(path)
    assert score(read.setup, read.events) == live               # replaying changes nothing
    # Discoveries never exceed the beeping squares (each may be discovered once per path).
    board_squares = session.setup.level.cols * session.setup.level.rows
    curveballs = len(live["switch"]["curveballs"])
    assert live["learning"]["discoveries"] <= (board_squares - 4) * (1 + curveballs)
    assert live["switch"]["score"] is None or 0 <= live["switch"]["score"] <= 100
    # `maze score --json` parses and has every key of FORMATS.md.
    out = folder / "out.json"
    import contextlib
    import io
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["score", str(path), "--json"]) == 0
    out.write_text(buffer.getvalue())
    data = json.loads(out.read_text())
    assert TOP <= set(data)
    assert LEARNING <= set(data["learning"]) and EXECUTION <= set(data["execution"])
    assert SWITCH <= set(data["switch"])
    assert all(CURVE <= set(c) for c in data["switch"]["curveballs"])
    assert set(data["penalties"]) >= {"count", "cost", "by_type"}
    assert list(data["players"]) == list(session.setup.roster)
    assert all(PLAYER <= set(p) for p in data["players"].values())


part = st.one_of(st.none(), st.floats(0, 1000, allow_nan=False))
count = st.one_of(st.none(), st.integers(0, 50))


def switch_dict(draw_lag, draw_pace, draw_off, curves):
    return {"lag_seconds": draw_lag, "pace_ratio": draw_pace, "off_path_steps": draw_off,
            "curveballs": curves}


curve = st.fixed_dictionaries({"detect_steps": count, "detect_seconds": part,
                               "rigid_repeats": st.integers(0, 50), "relearn_seconds": part})


@given(lag=part, pace=st.one_of(st.none(), st.floats(0, 10, allow_nan=False)), off=count,
       curves=st.lists(curve, max_size=3), which=st.integers(0, 5), better=st.floats(0, 1))
def test_switch_score_stays_in_range_and_never_drops_when_a_part_improves(
        lag, pace, off, curves, which, better):
    before = switch_dict(lag, pace, off, [dict(c) for c in curves])
    after = switch_dict(lag, pace, off, [dict(c) for c in curves])
    # Improve one part: make it smaller (every part is "lower is better").
    keys = ["lag_seconds", "pace_ratio", "off_path_steps"]
    if which < 3:
        key = keys[which]
        if before[key] is not None:
            after[key] = type(before[key])(before[key] * better)
    elif curves:
        key = ("detect_seconds", "rigid_repeats", "relearn_seconds")[which - 3]
        old = before["curveballs"][0][key]
        if old is not None:
            after["curveballs"][0][key] = type(old)(old * better)
    a, b = switch_score(before), switch_score(after)
    if a is None:
        assert b is None
    else:
        assert 0 <= a <= 100 and 0 <= b <= 100
        assert b >= a


def test_the_live_board_shows_what_maze_score_computes(tmp_path):
    from ui_helpers import Driver

    pygame.display.init()
    pygame.font.init()
    try:
        d = Driver(tmp_path, make_setup(make_level(alternate=("B1", "A2", "A3", "B4")),
                                        ("Ana", "Ben")))
        d.press("Left", "Up", "q")                       # a discovery
        d.wait(2)
        shown_learning = dict(d.board.live_figures()["board"])
        from_log = score(d.setup, read_log(d.log.path).events, now=d.board.session.now())
        assert shown_learning == from_log["board"]
        d.press("Up", "Up", "e", "Up", "Up", "Up", "e", "Up")   # Ben crosses, Ana crosses
        d.wait(3)
        live = d.board.live_figures()
        assert live == score(d.setup, read_log(d.log.path).events, now=d.board.session.now())
        assert live["board"]["phase"] == "execution" and live["board"]["crossings"] == 1
        d.press("ctrl+q", "Return")
        assert d.app.top.figures == score(d.setup, read_log(d.log.path).events)
    finally:
        pygame.quit()
