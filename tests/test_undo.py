"""Ctrl+Z: a facilitator's slip taken back by a compensating event, never by rewriting the log.

Each case plays a session twice on the same clock: once plainly, once with an action and its
undo slipped in at one moment. The figures (apart from the list of undone actions) and the
state the players see must be the same: the action "never happened".
"""

from __future__ import annotations

import pytest
from helpers import compact_all, make_level, make_setup, run, start
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_properties import action, level_choice, new_session, play

from maze.analysis.scores import Figures, UndoneAction, score
from maze.core.events import CurveballArmed, MemoryAidToggled, PenaltyRecorded, PlayerSkipped
from maze.core.record import asdict, replace
from maze.core.session import ActionRefused, IllegalMove, Session, replay

CROSS = ["B1", "B2", "C3", "C4"]
# Ana beeps on A2 and walks back; Ben finds the path; then everyone crosses in execution.
BASE = ["B1", "A2", "wait 2"] + CROSS * 4
ALT = ("B1", "A2", "A3", "B4")


def comparable(figures: Figures) -> Figures:
    return replace(figures, undone=())


def visible_state(session: Session) -> dict:
    """The state but the last event's number and time (the undone pair adds two events)."""
    state = {k: v for k, v in asdict(session.state).items() if k not in ("seq", "t")}
    state["undoable"] = [(u.action, u.restore) for u in session.state.undoable]
    return state


def play_twice(script: list[str], at: int, slip: list[str], level=None, roster=None):
    setup = make_setup(level or make_level(alternate=ALT),
                       **({"roster": roster} if roster else {}))
    plain, plain_clock = start(setup)
    run(plain, plain_clock, script)
    slipped, slipped_clock = start(setup)
    run(slipped, slipped_clock, script[:at] + slip + script[at:])
    return setup, plain, slipped


CASES = [
    pytest.param(BASE, 1, ["penalty talking", "undo"], None, id="penalty-in-seconds"),
    pytest.param(BASE, 1, ["penalty pointing", "undo"],
                 make_level(rules={"currency": "points", "budget": 100, "penalty_cost": 10}),
                 id="penalty-in-points"),
    pytest.param(BASE, 1, ["skip", "undo"], None, id="skip-mid-turn"),
    pytest.param(BASE, 2, ["skip", "undo"], None, id="skip-mid-retreat"),
    pytest.param(BASE, 3, ["skip", "undo"], None, id="skip-before-the-first-step"),
    pytest.param(BASE, 8, ["skip", "undo"], None, id="skip-in-execution-who-owes-a-crossing"),
    pytest.param(BASE, 8, ["curveball", "undo"], None, id="curveball-not-yet-in-effect"),
    pytest.param(BASE, 8, ["curveball", "undo"], make_level(),
                 id="generated-curveball-not-yet-in-effect"),
    pytest.param(BASE, 2, ["memory_aid", "undo"], None, id="memory-aid-on"),
    pytest.param(BASE, 5, ["penalty marking", "memory_aid", "skip", "undo", "undo", "undo"],
                 None, id="three-slips-undone-newest-first"),
]


@pytest.mark.parametrize(("script", "at", "slip", "level"), CASES)
def test_an_undone_action_leaves_the_scores_as_if_it_never_happened(script, at, slip, level):
    setup, plain, slipped = play_twice(script, at, slip, level)
    assert plain.state.outcome == slipped.state.outcome == "completed"
    assert comparable(score(setup, slipped.events)) == comparable(score(setup, plain.events))
    assert visible_state(slipped) == visible_state(plain)
    undone = score(setup, slipped.events).undone
    assert len(undone) == slip.count("undo")
    assert replay(setup, slipped.events) == slipped.state      # the log alone says the same


def test_the_undone_action_is_listed_with_what_it_was():
    setup, _, slipped = play_twice(BASE, 1, ["penalty talking", "undo"])
    (entry,) = score(setup, slipped.events).undone
    assert entry == UndoneAction(action="penalty", detail="talking", at=1.0, undone_at=1.0)
    assert compact_all(slipped.events)[3:5] == ["1 penalty talking 30 seconds facilitator",
                                                "1 undone penalty #4"]


def test_undo_with_nothing_to_undo_is_a_gentle_no_op():
    session, clock = start()
    run(session, clock, ["B1"])
    before = list(session.events)
    with pytest.raises(ActionRefused, match="Nothing to undo"):
        session.undo()
    assert session.events == before


def test_player_steps_cannot_be_undone():
    session, clock = start()
    run(session, clock, ["penalty talking", "B1", "B2"])
    session.undo()                          # takes back the penalty, not the steps
    assert session.state.position is not None and session.state.position.name == "B2"
    assert session.state.penalty_seconds == 0
    with pytest.raises(ActionRefused):
        session.undo()


def test_a_skip_stays_skipped_once_the_next_player_has_moved():
    session, clock = start()
    run(session, clock, ["penalty talking", "B1", "skip", "B1"])     # Ben has stepped
    assert session.state.current_player == "Ben"
    session.undo()                          # the skip is history: the penalty goes instead
    assert session.state.current_player == "Ben" and session.state.penalty_seconds == 0


def test_a_curveball_in_effect_cannot_be_undone():
    session, clock = start(make_setup(make_level(alternate=ALT)))
    run(session, clock, CROSS + ["curveball"])          # nobody on the board: at once
    assert session.state.path_epoch == 1
    with pytest.raises(ActionRefused, match="Nothing to undo"):
        session.undo()


def test_nothing_can_be_undone_after_the_end():
    session, clock = start()
    run(session, clock, ["penalty talking", "end"])
    assert session.state.undoable == []


SLIP_EVENTS = {"penalty": PenaltyRecorded, "skip": PlayerSkipped, "curveball": CurveballArmed,
               "memory": MemoryAidToggled}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(level=level_choice, actions=st.lists(action, max_size=50), data=st.data())
def test_any_slip_undone_at_any_moment_changes_no_figure(level, actions, data):
    roster = ("Ana", "Ben", "Chen")
    at = data.draw(st.integers(0, len(actions)))
    slip = data.draw(st.sampled_from(sorted(SLIP_EVENTS)))
    plain, plain_clock = new_session(level, roster)
    for _ in play(plain, plain_clock, actions):
        pass
    slipped, clock = new_session(level, roster)
    for _ in play(slipped, clock, actions[:at]):
        pass
    before = len(slipped.events)
    try:
        if slip == "penalty":
            slipped.penalty("talking")
        elif slip == "memory":
            slipped.toggle_memory_aid()
        else:
            getattr(slipped, slip)()
    except (ActionRefused, IllegalMove):
        assume(False)                     # refused (or the session is over): nothing slipped
    made = [e for e in slipped.events[before:] if isinstance(e, SLIP_EVENTS[slip])]
    # The action may have ended the session (a penalty using up the time) or been overtaken at
    # once (a skip whose turn change brings in a waiting curveball): nothing to undo then.
    assume(bool(slipped.state.undoable) and slipped.state.undoable[-1].seq == made[0].seq)
    slipped.undo()
    for _ in play(slipped, clock, actions[at:]):
        pass
    plain.tick()                # what fell due by now, as the board's every frame asks
    slipped.tick()
    setup = plain.setup
    assert clock.now == plain_clock.now               # as the live board asks: "as of now"
    assert (comparable(score(setup, slipped.events, clock.now))
            == comparable(score(setup, plain.events, plain_clock.now)))
    assert visible_state(slipped) == visible_state(plain)


def test_the_report_and_score_show_undone_actions_as_undone_and_anonymized(tmp_path, capsys):
    from maze.cli import main
    from maze.storage.log import SessionLog

    setup = make_setup(make_level(), ("Zyxwanda", "Brunhildeo"))
    log = SessionLog(tmp_path, setup)
    session, clock = start(setup, sink=log.append)
    run(session, clock, ["B1", "penalty talking", "skip", "undo", "undo", "end"])
    log.close()
    html = tmp_path / "r.html"
    assert main(["report", str(log.path), "-o", str(html), "--single"]) == 0
    text = html.read_text(encoding="utf-8")
    assert "<s>skip of Zyxwanda at 0:01, undone at 0:01</s>" in text
    assert "<s>penalty for talking at 0:01, undone at 0:01</s>" in text
    assert "Penalties:" not in text                        # the penalty does not count
    assert main(["score", str(log.path)]) == 0
    assert "Undone (not counted)  skip of Zyxwanda" in capsys.readouterr().out
    assert main(["report", str(log.path), "-o", str(html), "--anonymize", "--single"]) == 0
    text = html.read_text(encoding="utf-8")
    assert "Zyxwanda" not in text and "<s>skip of Player 1 at 0:01" in text
