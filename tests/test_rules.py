"""The rules of GAME.md as scripted sessions: a move list in, the exact event list out.

The board for most cases is 4x4 with the path B1 B2 C3 C4 (diagonals on); times are active
seconds; each scripted move comes 1 s after the previous one unless written "A1@2.5".
"""

from __future__ import annotations

import pytest
from helpers import compact_all, make_level, make_setup, run, start

from maze.core.board import Square, parse_square
from maze.core.session import ActionRefused, IllegalMove
from maze.core.state import Phase

OPEN = ["0 phase None>learning session_started", "0 turn Ana"]
CROSS = ["B1", "B2", "C3", "C4"]
ALT = ("B1", "A2", "A3", "B4")

CASES = [
    pytest.param(
        {}, {}, ("Ana", "Ben"), ["B1", "A2", "wait 2"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana A2 new_beep", "2 beep A2",
                "2 retreat_started 2", "2.5 retreat_step B1", "3 retreat_step off",
                "3 retreat_done", "3 turn Ben"],
        id="beep-then-auto-retreat-at-a-visible-pace-then-next-player"),
    pytest.param(
        {}, {}, ("Ana", "Ben"), CROSS + CROSS + CROSS,
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben",
                "5 step Ben B1 known_safe", "6 step Ben B2 known_safe",
                "7 step Ben C3 known_safe", "8 step Ben C4 known_safe",
                "8 crossing Ben execution", "8 turn Ana",
                "9 step Ana B1 known_safe", "10 step Ana B2 known_safe",
                "11 step Ana C3 known_safe", "12 step Ana C4 known_safe",
                "12 crossing Ana execution", "12 ended completed"],
        id="first-crossing-starts-execution-everyone-crosses-finder-last"),
    pytest.param(
        {"rules": {"execution": "remaining"}}, {}, ("Ana", "Ben"), CROSS + CROSS,
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben",
                "5 step Ben B1 known_safe", "6 step Ben B2 known_safe",
                "7 step Ben C3 known_safe", "8 step Ben C4 known_safe",
                "8 crossing Ben execution", "8 ended completed"],
        id="execution-remaining-only-those-who-have-not-crossed"),
    pytest.param(
        {}, {}, ("Ana", "Ben"), CROSS + ["B1", "A2", "wait 2"] + CROSS + CROSS,
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben",
                "5 step Ben B1 known_safe", "6 step Ben A2 new_beep", "6 beep A2",
                "6 retreat_started 2", "6.5 retreat_step B1", "7 retreat_step off",
                "7 retreat_done", "7 turn Ana",
                "9 step Ana B1 known_safe", "10 step Ana B2 known_safe",
                "11 step Ana C3 known_safe", "12 step Ana C4 known_safe",
                "12 crossing Ana execution", "12 turn Ben",
                "13 step Ben B1 known_safe", "14 step Ben B2 known_safe",
                "15 step Ben C3 known_safe", "16 step Ben C4 known_safe",
                "16 crossing Ben execution", "16 ended completed"],
        id="execution-error-retreats-and-tries-again-next-turn"),
    pytest.param(
        {"path": ("A1", "A2", "B2", "B3"), "cols": 3, "rows": 3,
         "rules": {"diagonals": False}}, {}, ("Ana",), ["A1", "A2", "B2", "B3"],
        OPEN[:1] + ["0 turn Ana", "1 step Ana A1 new_safe", "2 step Ana A2 new_safe",
                    "3 step Ana B2 new_safe", "4 step Ana B3 new_safe",
                    "4 crossing Ana learning", "4 phase learning>execution path_found",
                    "4 turn Ana"],
        id="diagonals-off-orthogonal-path-single-player-owes-an-execution-crossing"),
    pytest.param(
        {"rules": {"retreat": "manual"}}, {}, ("Ana", "Ben"),
        ["B1", "B2", "A3", "A2", "B2", "B1", "exit"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana A3 new_beep",
                "3 beep A3", "3 retreat_started 3", "4 retreat_error A2",
                "4 penalty retreat_error 30 seconds game", "5 retreat_step B2",
                "6 retreat_step B1", "7 retreat_step off", "7 retreat_done", "7 turn Ben"],
        id="manual-retreat-wrong-square-is-a-retreat-error-with-a-penalty"),
    pytest.param(
        {"rules": {"time_limit": 10, "retreat_pace": 3}}, {}, ("Ana", "Ben"),
        ["B1", "B2", "C3", "B4", "wait 20"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana B4 new_beep", "4 beep B4", "4 retreat_started 4",
                "7 retreat_step C3", "10 retreat_step B2", "11 ended time_up"],
        id="time-up-ends-at-once-mid-retreat-clock-from-first-step"),
    pytest.param(
        {"alternate": ALT}, {}, ("Ana", "Ben"),
        CROSS + ["B1", "curveball", "B2", "C3", "C4", "B1", "B2", "wait 2",
                 "B1", "A2", "A3", "B4"] + ["B1", "A2", "A3", "B4"] * 2,
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben",
                "5 step Ben B1 known_safe", "5 curveball_armed facilitator",
                "6 step Ben B2 known_safe", "7 step Ben C3 known_safe",
                "8 step Ben C4 known_safe", "8 crossing Ben execution",
                "8 path_changed alternate facilitator",
                "8 phase execution>learning path_changed", "8 turn Ana",
                "9 step Ana B1 known_safe", "10 step Ana B2 surprise_beep", "10 beep B2",
                "10 retreat_started 2", "10.5 retreat_step B1", "11 retreat_step off",
                "11 retreat_done", "11 turn Ben", "13 step Ben B1 known_safe",
                "14 step Ben A2 new_safe", "15 step Ben A3 new_safe", "16 step Ben B4 new_safe",
                "16 crossing Ben learning", "16 phase learning>execution path_found",
                "16 turn Ana",
                "17 step Ana B1 known_safe", "18 step Ana A2 known_safe",
                "19 step Ana A3 known_safe", "20 step Ana B4 known_safe",
                "20 crossing Ana execution", "20 turn Ben",
                "21 step Ben B1 known_safe", "22 step Ben A2 known_safe",
                "23 step Ben A3 known_safe", "24 step Ben B4 known_safe",
                "24 crossing Ben execution", "24 ended completed"],
        id="curveball-silent-at-next-turn-surprise-relearn-then-everyone-crosses-afresh"),
    pytest.param(
        {"alternate": ALT, "after": 2}, {}, ("Ana", "Ben"), CROSS * 3,
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben",
                "5 step Ben B1 known_safe", "6 step Ben B2 known_safe",
                "7 step Ben C3 known_safe", "8 step Ben C4 known_safe",
                "8 crossing Ben execution", "8 turn Ana",
                "9 step Ana B1 known_safe", "10 step Ana B2 known_safe",
                "11 step Ana C3 known_safe", "12 step Ana C4 known_safe",
                "12 crossing Ana execution", "12 curveball_armed schedule",
                "12 path_changed alternate schedule", "12 phase execution>learning path_changed",
                "12 turn Ben"],
        id="scheduled-curveball-is-checked-before-the-completion-check"),
    pytest.param(
        {"alternate": ALT}, {}, ("Ana", "Ben"), CROSS + ["curveball"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben",
                "4 curveball_armed facilitator", "4 path_changed alternate facilitator",
                "4 phase execution>learning path_changed"],
        id="curveball-before-anyone-steps-this-turn-takes-effect-at-once"),
    pytest.param(
        {}, {}, ("Ana", "Ben", "Chen"), CROSS + ["skip"] + CROSS + CROSS,
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe", "3 step Ana C3 new_safe",
                "4 step Ana C4 new_safe", "4 crossing Ana learning",
                "4 phase learning>execution path_found", "4 turn Ben", "4 skipped Ben",
                "4 turn Chen",
                "5 step Chen B1 known_safe", "6 step Chen B2 known_safe",
                "7 step Chen C3 known_safe", "8 step Chen C4 known_safe",
                "8 crossing Chen execution", "8 turn Ana",
                "9 step Ana B1 known_safe", "10 step Ana B2 known_safe",
                "11 step Ana C3 known_safe", "12 step Ana C4 known_safe",
                "12 crossing Ana execution", "12 ended completed"],
        id="skip-in-execution-excuses-the-player"),
    pytest.param(
        {}, {}, ("Ana", "Ben"), ["B1", "skip", "B1"],
        OPEN + ["1 step Ana B1 new_safe", "1 skipped Ana", "1 turn Ben",
                "2 step Ben B1 known_safe"],
        id="skip-mid-turn-ends-the-turn-without-a-beep"),
    pytest.param(
        {"rules": {"time_limit": 100}}, {}, ("Ana",), ["B1", "penalty talking", "wait 69.5",
                                                     "wait 1"],
        OPEN + ["1 step Ana B1 new_safe", "1 penalty talking 30 seconds facilitator",
                "71 ended time_up"],
        id="penalty-in-seconds-is-taken-off-the-time-left"),
    pytest.param(
        {"rules": {"currency": "points", "budget": 2, "penalty_cost": 1}}, {}, ("Ana",),
        ["penalty pointing", "penalty marking"],
        OPEN + ["0 penalty pointing 1 points facilitator",
                "0 penalty marking 1 points facilitator", "0 ended budget_spent"],
        id="penalty-in-points-spends-the-budget"),
    pytest.param(
        {"rules": {"planning": 60}}, {}, ("Ana", "Ben"), ["wait 60", "B1"],
        ["0 phase None>planning session_started", "0 turn Ana",
         "60 phase planning>learning planning_over", "61 step Ana B1 new_safe"],
        id="planning-ends-on-time-and-the-learning-clock-starts"),
    pytest.param(
        {"rules": {"planning": 60}}, {}, ("Ana", "Ben"), ["wait 5", "end_planning", "B1"],
        ["0 phase None>planning session_started", "0 turn Ana",
         "5 phase planning>learning ended_by_facilitator", "6 step Ana B1 new_safe"],
        id="facilitator-ends-planning-early"),
    pytest.param(
        {}, {}, ("Ana", "Ben"), ["B1", "A2", "pause", "wait 100", "resume", "wait 0.5"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana A2 new_beep", "2 beep A2",
                "2 retreat_started 2", "2 paused", "2 resumed", "2.5 retreat_step B1"],
        id="pause-freezes-the-clock-and-the-retreat"),
    pytest.param(
        {}, {}, ("Ana", "Ben"), ["B1", "A2", "wait 2", "B1", "A2"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana A2 new_beep", "2 beep A2",
                "2 retreat_started 2", "2.5 retreat_step B1", "3 retreat_step off",
                "3 retreat_done", "3 turn Ben", "5 step Ben B1 known_safe",
                "6 step Ben A2 repeat_beep", "6 beep A2", "6 retreat_started 2"],
        id="stepping-on-a-known-beep-is-a-repeat-beep"),
    pytest.param(
        {"rules": {"repeat_beep_cost": 10}}, {}, ("Ana", "Ben"), ["B1", "A2", "wait 2", "B1", "A2"],
        OPEN + ["1 step Ana B1 new_safe", "2 step Ana A2 new_beep", "2 beep A2",
                "2 retreat_started 2", "2.5 retreat_step B1", "3 retreat_step off",
                "3 retreat_done", "3 turn Ben", "5 step Ben B1 known_safe",
                "6 step Ben A2 repeat_beep", "6 beep A2",
                "6 penalty repeat_beep 10 seconds game", "6 retreat_started 2"],
        id="a-level-may-charge-repeat-beeps"),
    pytest.param(
        {}, {}, ("Ana",), ["B1", "end"],
        OPEN + ["1 step Ana B1 new_safe", "1 ended ended_by_facilitator"],
        id="facilitator-ends-the-session"),
]


@pytest.mark.parametrize("level_kw, flags, roster, script, expected", CASES)
def test_scripted_session(level_kw, flags, roster, script, expected):
    session, clock = start(make_setup(make_level(**level_kw), roster, flags=flags))
    run(session, clock, script)
    assert compact_all(session.events) == expected


def test_the_curveball_path_keeps_the_start_and_is_generated_without_an_alternate():
    session, clock = start(make_setup(make_level(), ("Ana", "Ben")))
    run(session, clock, CROSS + ["curveball"])
    changed = [e for e in session.events if e.TYPE == "path_changed"][0]
    assert changed.source == "generated"
    assert changed.path[0] == "B1" and tuple(changed.path) != ("B1", "B2", "C3", "C4")
    assert session.state.shown_phase is Phase.EXECUTION      # the screen still says Execution
    assert session.state.phase is Phase.LEARNING             # the engine relearns, hidden


@pytest.mark.parametrize("script, target, reason", [
    ([], "B2", "Enter on row 1"),
    (["B1"], "D1", "One square at a time"),
    (["B1"], "B3", "One square at a time"),
    (["B1"], "B0", None),                        # back off row 1: not a square at all
    (["B1", "A2"], "B1", "Wait: walking back"),  # input ignored during an auto retreat
])
def test_refused_moves_are_cues_not_events(script, target, reason):
    session, clock = start(make_setup(make_level(), ("Ana", "Ben")))
    run(session, clock, script)
    before = list(session.events)
    square = Square(1, -1) if target == "B0" else parse_square(target)
    with pytest.raises(IllegalMove) as refused:
        session.move(square)
    if reason:
        assert str(refused.value) == reason
    assert session.events == before


def test_off_the_side_is_refused():
    session, clock = start(make_setup(make_level(), ("Ana",)))
    run(session, clock, ["B1", "A2", "wait 2"])
    with pytest.raises(IllegalMove, match="Off the board"):
        session.move(Square(-1, 0))


def test_diagonal_move_refused_when_diagonals_are_off():
    level = make_level(("A1", "A2", "B2", "B3"), cols=3, rows=3, rules={"diagonals": False})
    session, clock = start(make_setup(level, ("Ana",)))
    run(session, clock, ["A1"])
    with pytest.raises(IllegalMove):
        session.move(parse_square("B2"))


def test_manual_retreat_ignores_keys_toward_no_square():
    session, clock = start(make_setup(make_level(rules={"retreat": "manual"}), ("Ana",)))
    run(session, clock, ["B1", "A2"])
    with pytest.raises(IllegalMove, match="Retrace"):
        session.move(Square(-1, 1))     # off the side: not a square, so not an error
    assert session.state.retreat_errors == 0


def test_curveball_refused_before_the_first_crossing_and_twice():
    session, clock = start(make_setup(make_level(alternate=ALT), ("Ana", "Ben")))
    with pytest.raises(ActionRefused, match="no path found yet"):
        session.curveball()
    run(session, clock, CROSS + ["B1", "curveball"])
    with pytest.raises(ActionRefused, match="already waiting"):
        session.curveball()


def test_exploring_flags_and_dwell():
    session, clock = start(make_setup(make_level(alternate=ALT), ("Ana", "Ben")))
    run(session, clock, ["B1@3", "A2@2", "wait 2", "B1@4", "B2"])
    steps = [e for e in session.events if e.TYPE == "step"]
    assert [(s.square, s.exploring, s.dwell) for s in steps] == [
        ("B1", True, 3.0), ("A2", True, 2.0), ("B1", False, 5.0), ("B2", True, 1.0)]
    # After a curveball, what the team knew before it is worth re-testing (exploring again).
    run(session, clock, ["C3", "C4", "curveball", "B1"])   # nobody on the board: at once
    last = [e for e in session.events if e.TYPE == "step"][-1]
    assert (last.square, last.class_, last.exploring) == ("B1", "known_safe", True)


def test_time_left_counts_active_time_and_penalties():
    session, clock = start(make_setup(make_level(rules={"time_limit": 300}), ("Ana",)))
    assert session.time_left() == 300           # the clock has not started: no step yet
    clock.advance(50)
    assert session.time_left() == 300
    run(session, clock, ["B1", "wait 10", "pause", "wait 1000", "resume"])
    assert session.time_left() == pytest.approx(290)
    session.penalty("talking")
    assert session.time_left() == pytest.approx(260)


def test_moves_refused_while_paused_and_during_planning():
    session, clock = start(make_setup(make_level(rules={"planning": 30}), ("Ana",)))
    with pytest.raises(IllegalMove, match="Planning"):
        session.move(parse_square("B1"))
    run(session, clock, ["end_planning", "pause"])
    with pytest.raises(IllegalMove, match="Paused"):
        session.move(parse_square("B1"))


def test_nothing_happens_after_the_session_ended():
    session, clock = start(make_setup(make_level(), ("Ana",)))
    run(session, clock, ["end"])
    for command in (lambda: session.move(parse_square("B1")), session.skip, session.end,
                    session.curveball, lambda: session.penalty("talking")):
        with pytest.raises((IllegalMove, ActionRefused)):
            command()


def test_curveball_refused_while_relearning_after_a_previous_one():
    session, clock = start(make_setup(make_level(alternate=ALT), ("Ana", "Ben")))
    run(session, clock, CROSS + ["curveball"])          # at once: Ben had not stepped
    assert session.state.phase is Phase.LEARNING and session.state.path_epoch == 1
    with pytest.raises(ActionRefused, match="path changed already"):
        session.curveball()
    run(session, clock, ["B1", "A2"])                    # still relearning
    with pytest.raises(ActionRefused, match="path changed already"):
        session.curveball()
    run(session, clock, ["A3", "B4"])                    # the new path's first crossing
    assert session.state.phase is Phase.EXECUTION
    session.curveball()                                  # allowed again (a generated path)
    assert session.state.path_epoch == 2                 # at once: nobody had stepped


def test_curveball_armed_during_the_last_owed_crossing_takes_effect_and_the_session_goes_on():
    session, clock = start(make_setup(make_level(alternate=ALT, rules={"execution": "remaining"}),
                                      ("Ana", "Ben")))
    run(session, clock, CROSS + ["B1", "curveball", "B2", "C3", "C4"])
    # Ana found the path at 4; Ben, the only one owing a crossing, armed a curveball at 5 with
    # a step taken, and crossed at 8: the path changes instead of the session completing.
    tail = compact_all(session.events)[-4:]
    assert tail == ["8 crossing Ben execution", "8 path_changed alternate facilitator",
                    "8 phase execution>learning path_changed", "8 turn Ana"]
    assert not session.state.ended
    # Ana finds the new path (9..12); with `remaining` Ben must now cross the new path.
    run(session, clock, ["B1", "A2", "A3", "B4"])
    assert session.state.owes == {"Ben"} and not session.state.ended
    run(session, clock, ["B1", "A2", "A3", "B4"])
    assert compact_all(session.events)[-2:] == ["16 crossing Ben execution", "16 ended completed"]


def test_a_player_skipped_in_execution_stays_excused_after_a_curveball():
    session, clock = start(make_setup(make_level(alternate=ALT), ("Ana", "Ben", "Chen")))
    run(session, clock, CROSS + ["skip", "curveball", "B1", "A2", "A3", "B4"])
    # Ana crossed at 4; Ben skipped in execution (excused); the curveball took effect at once
    # (Chen had not stepped); Chen found the new path at 8: Ana and Chen owe it, Ben does not.
    assert session.state.owes == {"Ana", "Chen"}
    run(session, clock, ["B1", "A2", "A3", "B4"] * 2)
    turns = [e.player for e in session.events if e.TYPE == "turn_started"]
    assert turns[-3:] == ["Chen", "Ana", "Chen"]         # Ben never again
    assert session.state.outcome == "completed"
