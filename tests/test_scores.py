"""Figures of METRICS.md on sessions worked out by hand.

The board is 4x4 with the path B1 B2 C3 C4 (4 squares, diagonals on, auto walk-back at 0.5 s a
square) unless a case says otherwise. "X@d" = step on X, d seconds after the previous action
(1 s when not written). Dwell = seconds since the same player's previous step, or since their
turn started. All times are active seconds.
"""

from __future__ import annotations

from helpers import make_level, make_setup, run, start

from maze.analysis.scores import CurveballFigures, score, written

ALT = ("B1", "A2", "A3", "B4")


def play(script, roster=("Ana", "Ben"), **level_kw):
    session, clock = start(make_setup(make_level(**level_kw), roster))
    run(session, clock, script)
    return written(score(session.setup, session.events)), session


def test_a_team_that_repeats_a_known_beep():
    f, _ = play(["B1@2", "A2@3", "wait 2", "B1", "A2@2", "wait 2", "B1", "B2", "C3", "C4",
                 "end"])
    # Ana B1 t2, A2 t5 (new beep), walks back 5.5, 6 -> Ben's turn at 6; clock at 7.
    # Ben B1 t8 (known safe, dwell 2), A2 t10 (repeat beep, dwell 2); back 10.5, 11 -> Ana 11.
    # Ana B1 t13 (dwell 2), B2 t14, C3 t15, C4 t16: crossing, execution; ended at once (16).
    learn = f["learning"]
    assert learn["seconds"] == 14.0                     # 16 - 2 (the clock starts at step 1)
    assert (learn["steps"], learn["failures"], learn["discoveries"],
            learn["repeat_errors"]) == (8, 2, 1, 1)
    assert learn["discoveries_per_minute"] == 4.286    # 1 / (14 / 60) = 4.2857
    assert learn["exploration_share"] == 0.625          # Ana B1 A2 B2 C3 C4 = 5 of 8 steps
    assert learn["path_found_seconds"] == 14.0
    assert learn["median_dwell_new"] == 1.0             # dwells 2 3 1 1 1 -> 1
    exe = f["execution"]
    assert exe["seconds"] == 0.0 and exe["crossings"] == 0 and exe["attempts"] == 0
    assert exe["error_free_speed"] is None and exe["error_rate"] is None   # 0 s, 0 of 0
    assert f["switch"]["lag_seconds"] is None and f["switch"]["off_path_steps"] is None
    assert f["switch"]["score"] is None                 # no part could be computed
    assert f["outcome"] == "ended_by_facilitator"
    ana, ben = f["players"]["Ana"], f["players"]["Ben"]
    assert (ana["steps"], ana["attempts"], ana["crossings"], ana["discoveries"]) == (6, 2, 1, 1)
    assert ana["median_dwell"] == 1.5                   # 2 3 2 1 1 1 -> (1 + 2) / 2
    assert ana["seconds_on_board"] == 7.0               # 2..6 and 13..16
    assert (ben["steps"], ben["repeat_errors"], ben["median_dwell"]) == (2, 1, 2.0)
    assert ben["median_dwell_new"] is None              # Ben never stepped somewhere new


def test_a_team_that_explores_after_the_path_is_known():
    f, _ = play(["B1", "B2", "C3", "C4", "B1@2", "A2", "wait 1.5", "B1", "B2", "C3", "C4",
                 "B1@0.5", "B2@0.5", "C3@0.5", "C4@0.5"])
    # Ana crosses at 4 (learning 1..4). Ben B1 t6 (dwell 2), A2 t7: an execution error on an
    # untested square (exploring, off the path); back 7.5, 8 -> Ana at 8; clock 8.5.
    # Ana 9.5 10.5 11.5 12.5 crosses; Ben 13 13.5 14 14.5 crosses: completed at 14.5.
    assert f["learning"]["seconds"] == 3.0
    assert f["learning"]["discoveries_per_minute"] == 0.0
    exe = f["execution"]
    assert exe["seconds"] == 10.5                       # 4 .. 14.5
    assert (exe["attempts"], exe["crossings"], exe["errors"]) == (3, 2, 1)
    assert exe["error_free_speed"] == 45.714            # 4 squares x 2 / (10.5 / 60)
    assert exe["error_rate"] == 0.333                   # 1 / (2 crossings + 1 beep)
    assert exe["median_step_seconds"] == 1.0            # .5 .5 .5 .5 1 1 1 1 1.5 2 -> 1
    sw = f["switch"]
    assert sw["lag_seconds"] == 2.0                     # crossing at 4, Ben's first step at 6
    assert sw["pace_ratio"] == 1.0                      # 1.0 / 1.0
    assert sw["off_path_steps"] == 1                    # A2
    # parts: lag 1/(1+2/30) = .9375; pace 1.5-1 = .5; off-path 1/(1+1/3) = .75
    assert sw["score"] == 72.9                          # 100 x (.9375+.5+.75)/3 = 72.92
    assert f["outcome"] == "completed"


def test_a_curveball_and_a_team_that_walks_the_old_path_twice_before_exploring():
    f, _ = play(["B1", "B2", "C3", "C4", "curveball", "B1", "B2", "wait 1", "B1", "B2",
                 "wait 1", "B1", "B2", "wait 1", "B1", "A2", "A3", "B4", "end"],
                roster=("Ana", "Ben", "Chen"), alternate=ALT)
    # Ana crosses at 4; the curveball takes effect at once (Ben has not stepped): B1 A2 A3 B4.
    # Ben B1 t5, B2 t6: a surprise beep (safe before); back 6.5, 7 -> Chen at 7.
    # Chen B1 t8, B2 t9: repeat beep on the old path (rigid 1); back -> Ana at 10.
    # Ana B1 t11, B2 t12: rigid 2; back -> Ben at 13. Ben B1 t14, A2 t15 (new: exploring
    # again, 6 steps and 9 s after the surprise), A3 t16, B4 t17: crossing, relearned in 13 s.
    learn = f["learning"]
    assert learn["seconds"] == 16.0                     # 1..4 and 4..17
    assert (learn["steps"], learn["failures"], learn["discoveries"],
            learn["repeat_errors"]) == (14, 3, 1, 2)
    assert learn["discoveries_per_minute"] == 3.75      # 1 / (16 / 60)
    assert learn["exploration_share"] == 0.643          # 4 + Ben B1 B2 + A2 A3 B4 = 9 / 14
    assert learn["path_found_seconds"] == 3.0
    curve = f["switch"]["curveballs"]
    assert curve == [{"changed_at": 4.0, "detect_steps": 6, "detect_seconds": 9.0,
                      "rigid_repeats": 2, "relearn_seconds": 13.0}]
    # parts: detect 1/(1+9/30) = .7692; rigid 1/(1+2/2) = .5; relearn 1/(1+13/120) = .9023
    assert f["switch"]["parts"] == {"curveball_1_detect": 0.769, "curveball_1_rigid": 0.5,
                                    "curveball_1_relearn": 0.902}
    # ...but nobody took an execution step (the curveball came before one): no score.
    assert f["switch"]["score"] is None
    # The room never saw a change: its learning ended at the first crossing (no beep in 3 s)
    # and its execution headline counts everything after it (the relearn crossing and its 3
    # beeps over 13 s): each beep once, not also in failures.
    assert f["board"] == {"phase": "execution", "discoveries": 0, "failures": 0,
                          "discoveries_per_minute": 0.0, "crossings": 1, "errors": 3,
                          "error_free_speed": 18.462}   # 4 / (13 / 60)


def test_a_pause_in_the_middle_does_not_count():
    f, _ = play(["B1", "pause", "wait 100", "resume", "B2", "C3", "C4"] + ["B1", "B2", "C3", "C4"] * 2)
    # Ana B1 t1, a 100 s pause (no active time), B2 t2 C3 t3 C4 t4; Ben 5..8; Ana 9..12.
    assert f["seconds"] == 12.0
    assert f["learning"]["seconds"] == 3.0
    exe = f["execution"]
    assert exe["seconds"] == 8.0 and exe["crossings"] == 2
    assert exe["error_free_speed"] == 60.0              # 8 squares / (8 / 60)
    assert exe["error_rate"] == 0.0
    # parts: lag 1/(1+1/30) = .9677; pace 1.5 - 1 = .5; off-path 1
    assert f["switch"]["score"] == 82.3                 # 100 x 2.4677 / 3 = 82.26


def test_time_up_before_any_crossing():
    f, _ = play(["B1@2", "A2", "wait 1", "B1", "C2", "wait 10"], rules={"time_limit": 10})
    # Clock starts at Ana's first step (2); Ana A2 t3 beeps; Ben B1 t5, C2 t6 beeps; time up
    # at 2 + 10 = 12.
    assert f["outcome"] == "time_up" and f["seconds"] == 12.0
    learn = f["learning"]
    assert learn["seconds"] == 10.0
    assert (learn["failures"], learn["discoveries"]) == (2, 2)
    assert learn["discoveries_per_minute"] == 12.0     # 2 / (10 / 60)
    assert learn["exploration_share"] == 0.75          # B1 A2 C2 of B1 A2 B1 C2
    assert learn["path_found_seconds"] is None
    assert all(v is None for v in f["execution"].values())
    assert f["switch"]["score"] is None and f["switch"]["lag_seconds"] is None


def test_a_single_player():
    f, _ = play(["B1", "B2", "C3", "C4", "B1@3", "B2@0.5", "C3@0.5", "C4@0.5"], roster=("Solo",))
    # Solo crosses at 4, then owes an execution crossing: B1 t7 (dwell 3) .. C4 t8.5.
    exe = f["execution"]
    assert exe["seconds"] == 4.5
    assert exe["error_free_speed"] == 53.333            # 4 / (4.5 / 60)
    assert exe["median_step_seconds"] == 0.5            # 3 .5 .5 .5
    sw = f["switch"]
    assert (sw["lag_seconds"], sw["pace_ratio"], sw["off_path_steps"]) == (3.0, 0.5, 0)
    # parts: lag 1/(1+3/30) = .9091; pace min(1, 1.5 - .5) = 1; off-path 1
    assert sw["score"] == 97.0                          # 100 x 2.9091 / 3 = 96.97
    solo = f["players"]["Solo"]
    assert (solo["steps"], solo["attempts"], solo["crossings"]) == (8, 2, 2)
    assert solo["median_dwell"] == 1.0 and solo["seconds_on_board"] == 4.5


def test_planning_and_penalties():
    f, _ = play(["wait 30", "penalty talking", "B1@5", "A2", "wait 1", "penalty pointing",
                 "end"], rules={"planning": 30})
    # Learning starts when planning ends (30); Ana B1 t35 (dwell 5: since planning ended, not
    # 35 since her turn began at 0: planning is never hesitation), A2 t36 beeps; penalties at
    # 30 and 37; ended at 37.
    learn = f["learning"]
    assert learn["seconds"] == 7.0 and learn["discoveries_per_minute"] == 8.571  # 60 / 7
    assert learn["median_dwell_new"] == 3.0             # (5 + 1) / 2
    assert f["penalties"] == {"count": 2, "cost": 60.0, "currency": "seconds",
                              "by_type": {"talking": 1, "pointing": 1}}


def test_manual_retreat_errors_and_execution_errors():
    f, _ = play(["B1", "B2", "C3", "C4", "B1", "A2", "B2", "B1", "exit"] + ["B1", "B2", "C3", "C4"] * 2,
                rules={"retreat": "manual"})
    # Ana crosses at 4. Ben B1 t5, A2 t6 (execution error, off the path); B2 t7 is a retreat
    # error (penalty by the game), B1 t8 and off t9 retrace; Ana 10..13, Ben 14..17.
    exe = f["execution"]
    assert exe["seconds"] == 13.0
    assert (exe["attempts"], exe["crossings"], exe["errors"]) == (3, 2, 1)
    assert exe["error_free_speed"] == 36.923            # 8 / (13 / 60)
    assert f["players"]["Ben"]["steps"] == 6            # walking back is not a step
    assert f["players"]["Ben"]["execution_errors"] == 1
    assert f["penalties"]["by_type"] == {"retreat_error": 1}
    # parts: lag 1/(1+1/30) = .9677; pace .5; off-path 1/(1+1/3) = .75
    assert f["switch"]["score"] == 73.9                 # 100 x 2.2177 / 3 = 73.92


def test_an_unfinished_session_is_scored_to_its_last_event():
    f, _ = play(["B1", "B2"])
    assert f["outcome"] == "unfinished" and f["learning"]["seconds"] == 1.0


def test_live_figures_use_the_live_clock():
    session, clock = start(make_setup(make_level(), ("Ana",)))
    run(session, clock, ["B1", "A2", "wait 29"])
    # B1 t1, A2 t2, then 29 s: learning from t1 to now (t31), one discovery in 30 s.
    live = written(score(session.setup, session.events, now=session.now()))
    assert live["learning"]["seconds"] == 30.0
    assert live["board"]["discoveries_per_minute"] == 2.0


def test_the_worked_example_in_the_docs():
    import re
    from pathlib import Path

    from maze.analysis.scores import switch_score

    doc = (Path(__file__).parent.parent / "docs" / "metrics.md").read_text(encoding="utf-8")
    stated = float(re.search(r"= \*\*([0-9.]+)\*\*", doc).group(1))
    example = switch_score(lag_seconds=2.0, pace_ratio=1.0, off_path_steps=1,
                           curveballs=[CurveballFigures(changed_at=4.0, detect_steps=1,
                                                        detect_seconds=9.0, rigid_repeats=2,
                                                        relearn_seconds=13.0)])
    assert example is not None and round(example, 1) == stated


def test_a_players_discoveries_and_repeat_errors_count_in_every_phase():
    f, _ = play(["A1", "wait 1", "B1", "B2", "C3", "C4", "A1", "wait 1", "B1", "A2", "end"])
    # Ana A1 t1: a new beep in learning (her discovery); back off at 1.5 -> Ben.
    # Ben B1 t3 .. C4 t6: crossing, execution -> Ana. Ana A1 t7: a repeat beep in execution
    # (a repeat error and an execution error of hers); back at 7.5 -> Ben (he owes a crossing).
    # Ben B1 t9, A2 t10: a new beep in execution (a discovery and an execution error of his).
    ana, ben = f["players"]["Ana"], f["players"]["Ben"]
    assert (ana["discoveries"], ana["repeat_errors"], ana["execution_errors"]) == (1, 1, 1)
    assert (ben["discoveries"], ben["repeat_errors"], ben["execution_errors"]) == (1, 0, 1)
    # The team's learning figures count the learning phase only: 1 discovery, no repeat;
    # execution: 2 errors. Over the whole session: 2 discoveries (1 + 1), 1 repeat, 2 errors.
    assert (f["learning"]["discoveries"], f["learning"]["repeat_errors"]) == (1, 0)
    assert f["execution"]["errors"] == 2


def test_pace_ratio_and_switch_score_come_from_unrounded_figures():
    f, _ = play(["A1@0.252", "A2@0.253"] + ["A1@0.308", "A2@0.308"] * 2,
                path=("A1", "A2"), cols=2, rows=2)
    # Ana A1 dwell .252, A2 dwell .253: crossing (learning median (.252 + .253) / 2 = .2525).
    # Ben, then Ana, cross with dwells of .308 (execution median .308).
    # pace_ratio = .308 / .2525 = 1.21980 -> 1.22 (not .308 / .253 = 1.217 from a median
    # rounded to the millisecond first).
    assert f["learning"]["median_dwell"] == 0.253       # .2525 as written (3 places)
    assert f["switch"]["pace_ratio"] == 1.22
    # parts: lag .308 s -> 1/(1 + .308/30) = .98984; pace 1.5 - 1.21980 = .28020; off-path 1.
    # score = 100 x (.98984 + .28020 + 1) / 3 = 75.668 -> 75.7 (75.8 from the rounded ratio).
    assert f["switch"]["score"] == 75.7


def test_no_switch_score_without_an_execution_step():
    f, _ = play(["B1", "B2", "C3", "C4", "curveball", "B1", "B2", "end"], alternate=ALT)
    # Ana crosses at 4; the curveball takes effect at once (Ben has not stepped) and Ben's
    # steps (B1 t5, B2 t6: a surprise beep) are relearning, not execution.
    # The curveball part exists (rigid 0 -> 1, never detected -> 0, never relearned -> 0)...
    assert f["switch"]["parts"] == {"curveball_1_detect": 0.0, "curveball_1_rigid": 1.0,
                                    "curveball_1_relearn": 0.0}
    # ...but without an execution step there is no score (it would have been 33.3).
    assert f["switch"]["score"] is None
    assert f["switch"]["lag_seconds"] is None and f["switch"]["pace_ratio"] is None


def test_dwell_starts_at_the_end_of_planning():
    f, session = play(["wait 30", "B1@2", "A2@3", "end"], rules={"planning": 30})
    # Planning 0..30; Ana B1 t32: dwell 2 (since planning ended, not 32 since her turn began),
    # A2 t35: dwell 3, a new beep.
    steps = [e for e in session.events if e.TYPE == "step"]
    assert [s.dwell for s in steps] == [2.0, 3.0]
    assert f["learning"]["median_dwell"] == 2.5 and f["learning"]["median_dwell_new"] == 2.5
    assert f["players"]["Ana"]["median_dwell"] == 2.5
    # A log written before the engine knew this (B1 with a dwell of 32) is scored the same.
    from maze.core.record import replace
    old = [replace(e, dwell=32.0) if e.TYPE == "step" and e.square == "B1" else e
           for e in session.events]
    assert written(score(session.setup, old)) == f


def test_dwell_after_a_skip_in_planning_undone_after_it_still_starts_at_its_end():
    _, session = play(["wait 5", "skip", "wait 25", "undo", "B1@2"], rules={"planning": 30})
    # Ana skipped at 5 (Ben's turn), planning over at 30, the skip undone: Ana's turn again,
    # as it was (begun at 0). B1 at 32: dwell 2, from the end of planning.
    step = [e for e in session.events if e.TYPE == "step"][0]
    assert (step.player, step.dwell) == ("Ana", 2.0)


def test_every_event_type_is_scored_or_said_to_change_no_figure():
    """A new event type is placed on purpose: a handler in the scorer's table, or listed
    among the events no figure depends on (never silently ignored)."""
    from maze.analysis.scores import _FEED, NOT_SCORED
    from maze.core.events import EVENT_TYPES, StepTaken
    handled = set(_FEED) | {StepTaken}
    assert not handled & NOT_SCORED
    assert handled | NOT_SCORED == set(EVENT_TYPES.values())
