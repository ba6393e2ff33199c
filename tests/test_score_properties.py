"""Properties of the figures, over random sessions and random switch parts."""

from __future__ import annotations

import json

import pygame
from helpers import FakeClock, make_level, make_setup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import action, play

from maze.analysis.scores import CurveballFigures, score, switch_score, written
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
    live = written(score(session.setup, session.events))
    read = read_log(path)
    assert score(read.setup, read.events) == score(session.setup, session.events)  # replaying changes nothing
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
    assert data == json.loads(json.dumps(live))     # printed: the exact figures, rounded once
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
    def scored(switch):
        curveballs = [CurveballFigures(changed_at=0.0, **c) for c in switch.pop("curveballs")]
        return switch_score(curveballs=curveballs, **switch)
    a, b = scored(before), scored(after)
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
        shown_learning = d.board.live_figures().board
        from_log = score(d.setup, read_log(d.log.path).events, now=d.board.session.now())
        assert shown_learning == from_log.board
        d.press("Up", "Up", "e", "Up", "Up", "Up", "e", "Up")   # Ben crosses, Ana crosses
        d.wait(3)
        live = d.board.live_figures()
        assert live == score(d.setup, read_log(d.log.path).events, now=d.board.session.now())
        assert live.board.phase == "execution" and live.board.crossings == 1
        d.press("ctrl+q", "Return")
        assert d.app.top.figures == score(d.setup, read_log(d.log.path).events)
    finally:
        pygame.quit()


# ------------------------------------------------------------------ whole sessions, by hypothesis
# Random sessions that get somewhere: besides the random actions (moves, waits, pauses, skips,
# curveballs, undo, penalties, the end of planning), "walk" steps the player along the current
# path (so paths are found, execution happens and curveballs bite) and "cut" resumes the
# session from its events, as after a crash.
WALK_LEVELS = [
    make_level(alternate=("B1", "A2", "A3", "B4")),
    make_level(alternate=("B1", "A2", "A3", "B4"), after=1, rules={"planning": 3}),
    make_level(rules={"retreat": "manual", "execution": "remaining", "planning": 2}),
    make_level(("A1", "A2", "B3"), cols=2, rows=3),
]
walk_action = st.tuples(st.integers(0, 19), action).map(
    lambda pick: ("walk",) if pick[0] < 11 else ("cut",) if pick[0] == 11 else
    ("curveball",) if pick[0] == 12 else pick[1])


def walked_session(level, roster_size, actions):
    import random

    from helpers import FakeClock

    from maze.core.board import Square
    from maze.core.session import ActionRefused, IllegalMove, Session
    setup = make_setup(level, tuple(f"P{i}" for i in range(roster_size)))
    clock = FakeClock()
    session = Session(setup, clock, random.Random(setup.seed))
    session.start()
    for item in actions:
        if session.state.ended:
            break
        if item[0] == "cut":
            clock = FakeClock(start=clock.now + 5000.0)
            session = Session.resumed(setup, list(session.events), clock,
                                      random.Random(setup.seed), gap=12.5)
            continue
        if item[0] != "walk":
            for _ in play(session, clock, [item]):
                pass
            continue
        clock.advance(0.7)
        s = session.state
        path = list(s.path)
        if s.position is None:
            target = path[0]
        elif s.retreat is not None:
            target = s.retreat[0] or Square(s.position.col, -1)
        elif s.position in path and path.index(s.position) + 1 < len(path):
            target = path[path.index(s.position) + 1]
        else:
            target = Square(s.position.col, s.position.row - 1)
        try:
            session.move(target)
        except (IllegalMove, ActionRefused):
            pass
    return session


def _median(values):
    ordered = sorted(values)
    if not ordered:
        return None
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def _written(value, places=3):
    return None if value is None else round(value, places)


def assert_rounded_once(exact, shown, name=""):
    """Every number written is its exact figure rounded once (the score to 1 place, the rest
    to 3); nothing else changes on the way out."""
    from maze.core.record import Record
    if isinstance(exact, Record):
        assert list(shown) == list(exact.FIELDS)
        for field_name in exact.FIELDS:
            assert_rounded_once(getattr(exact, field_name), shown[field_name], field_name)
    elif isinstance(exact, dict):
        assert list(shown) == list(exact)
        for key, value in exact.items():
            assert_rounded_once(value, shown[key])
    elif isinstance(exact, (list, tuple)):
        assert len(shown) == len(exact)
        for value, out in zip(exact, shown, strict=True):
            assert_rounded_once(value, out)
    elif isinstance(exact, float):
        assert shown == round(exact, 1 if name == "score" else 3)
    else:
        assert shown == exact


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(level=st.sampled_from(WALK_LEVELS), roster_size=st.integers(1, 3),
       actions=st.lists(walk_action, min_size=10, max_size=90))
def test_players_add_up_to_the_team_and_every_figure_is_rounded_once(level, roster_size, actions):
    from maze.core.events import PhaseChanged, StepTaken
    session = walked_session(level, roster_size, actions)
    events = session.events
    exact = score(session.setup, events)
    f = written(exact)
    assert_rounded_once(exact, f)
    steps = [e for e in events if type(e) is StepTaken]
    beeps = [s for s in steps if s.class_ in ("new_beep", "repeat_beep", "surprise_beep")]
    # The team's counts over the whole session, every phase included, from the steps.
    discoveries = sum(s.class_ in ("new_beep", "surprise_beep") for s in steps)
    repeats = sum(s.class_ == "repeat_beep" for s in steps)
    execution_beeps = sum(s.phase == "execution" for s in beeps)
    players = f["players"].values()
    assert sum(p["discoveries"] for p in players) == discoveries
    assert sum(p["repeat_errors"] for p in players) == repeats
    assert sum(p["execution_errors"] for p in players) == execution_beeps == (
        f["execution"]["errors"] or 0)
    learning_beeps = [s for s in beeps if s.phase == "learning"]
    assert f["learning"]["discoveries"] + sum(
        s.class_ in ("new_beep", "surprise_beep") for s in beeps if s.phase == "execution"
    ) == discoveries
    assert f["learning"]["failures"] == len(learning_beeps)
    # The board counts each beep once: in failures before the first crossing, errors after.
    board = f["board"]
    assert board["failures"] + (board["errors"] or 0) == len(beeps)
    if not f["switch"]["curveballs"]:              # until a curveball: the engine's figures
        assert (board["discoveries"], board["failures"], board["discoveries_per_minute"]) == (
            f["learning"]["discoveries"], f["learning"]["failures"],
            f["learning"]["discoveries_per_minute"])
        assert (board["crossings"], board["errors"]) == (
            f["execution"]["crossings"], f["execution"]["errors"])

    # Printed figures are the exact figures rounded once. Dwell runs from the end of planning
    # at the latest; medians and pace_ratio come from the exact dwells.
    ends = [e.t for e in events if type(e) is PhaseChanged and e.from_ == "planning"]
    def dwell(s):
        return min(s.dwell, round(s.t - ends[0], 3)) if ends else s.dwell
    assert all(dwell(s) == s.dwell for s in steps)      # the engine logs it so already
    learning = [dwell(s) for s in steps if s.phase == "learning"]
    execution = [dwell(s) for s in steps if s.phase == "execution"]
    learning_new = [dwell(s) for s in steps if s.phase == "learning" and s.exploring]
    assert f["learning"]["median_dwell"] == _written(_median(learning))
    assert f["learning"]["median_dwell_new"] == _written(_median(learning_new))
    assert f["execution"]["median_step_seconds"] == _written(_median(execution))
    pace = (_median(execution) / _median(learning)
            if execution and learning and _median(learning) else None)
    assert f["switch"]["pace_ratio"] == _written(pace)
    for name, p in f["players"].items():
        mine = [dwell(s) for s in steps if s.player == name]
        assert p["median_dwell"] == _written(_median(mine))
    # The switch score: the mean of the exact sub-scores, rounded once; null with no
    # execution step.
    sw = f["switch"]
    if not execution:
        assert sw["score"] is None
    else:
        first_found = next(e.t for e in events
                           if type(e) is PhaseChanged and e.to == "execution")
        first_exec = next(s.t for s in steps if s.phase == "execution")
        parts = [1 / (1 + (first_exec - first_found) / 30),
                 0.0 if pace is None else min(1.0, max(0.0, 1.5 - pace)),
                 1 / (1 + sum(s.exploring for s in steps if s.phase == "execution") / 3)]
        assert sw["lag_seconds"] == _written(first_exec - first_found)
        for c in exact.switch.curveballs:
            parts += [0.0 if c.detect_seconds is None else 1 / (1 + c.detect_seconds / 30),
                      1 / (1 + c.rigid_repeats / 2),
                      0.0 if c.relearn_seconds is None else 1 / (1 + c.relearn_seconds / 120)]
        assert sw["score"] == round(100 * sum(parts) / len(parts), 1)


def test_a_display_asking_for_a_figure_that_does_not_exist_fails_the_type_check(tmp_path):
    import pytest
    api = pytest.importorskip("mypy.api")
    display = tmp_path / "display.py"
    display.write_text(
        "from maze.analysis.scores import Figures\n\n\n"
        "def shown(f: Figures) -> str:\n"
        "    return f'{f.learning.discoveries_per_minute} {f.switch.score} {f.board.errors}'\n\n\n"
        "def wrong(f: Figures) -> str:\n"
        "    return f'{f.learning.discoveries_per_min} {f.players[\"Ana\"].repeats}'\n",
        encoding="utf-8")
    out, _, status = api.run([str(display), "--no-incremental", "--follow-imports=silent",
                              "--cache-dir", str(tmp_path / "cache")])
    assert status == 1
    assert '"LearningFigures" has no attribute "discoveries_per_min"' in out
    assert '"PlayerFigures" has no attribute "repeats"' in out
    assert out.count("error:") == 2                     # the real figures type-check
