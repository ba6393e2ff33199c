"""The debrief screen and the replay, driven headless from logs."""

from __future__ import annotations

import json
import random

import pygame
import pytest
from helpers import FakeClock
from ui_helpers import click

from maze.analysis.scores import score
from maze.cli import build_parser, main
from maze.core.session import make_setup, replay
from maze.sim.team import play
from maze.storage.levels import load_level, save_level
from maze.storage.log import SessionLog, read_log
from maze.ui.app import App
from maze.ui.navigator import navigated
from maze.ui.scenes.debrief import PAGES, DebriefScene
from maze.ui.scenes.replay import ReplayScene
from maze.wiring import build_replay


@pytest.fixture(autouse=True)
def headless():
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


@pytest.fixture
def curveball_log(tmp_path):
    """A session on a level file that is deleted afterwards: the log must be enough."""
    from maze.paths import builtin_levels_dir
    level_file = tmp_path / "gone.json"
    save_level(load_level(builtin_levels_dir() / "curveball.json"), level_file)
    setup = make_setup(load_level(level_file), "Green", ["Hana", "Ivo", "Jo"], None, {}, 3,
                       "replay01", "2026-11-22T09:00:00+00:00")
    log = SessionLog(tmp_path, setup)
    play(setup, random.Random(3), sink=log.append)
    log.close()
    level_file.unlink()
    return log.path


def key(app, code):
    app.step([pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0)])


def test_the_debrief_shows_the_figures_of_the_log(curveball_log):
    read = read_log(curveball_log)
    clock = FakeClock()
    app = navigated(App((1280, 800), clock=clock))
    scene = DebriefScene(app, read.setup, read.events, curveball_log)
    app.start(scene)
    app.step([])
    assert scene.figures == score(read.setup, read.events)
    assert 3 <= len(scene.prompts) <= 6
    assert any("old path" in p or "unexpected beep" in p for p in scene.prompts)
    learning, execution, switching = scene.headlines()
    assert learning[1].endswith("discoveries a minute")
    assert execution[1].endswith("squares a minute") and switching[1].endswith("out of 100")
    # The switch score's parts in plain words, each with its value and a verdict, never a
    # bare fraction.
    assert any(line.startswith("Hand-over after the path was found: ") for line in switching[2])
    verdicts = {"quick", "a pause", "slow", "much faster", "faster", "the same pace", "slower",
                "focused", "some testing", "still testing", "a while",
                "let go fast", "held on a while", "held on"}
    for line in switching[2]:     # or a moment that never came, said once: "...after: never"
        assert line.rsplit(", ", 1)[-1] in verdicts or line.endswith(": never"), line
    for page, code in ((1, pygame.K_RIGHT), (2, pygame.K_RIGHT), (3, pygame.K_RIGHT),
                       (0, pygame.K_RIGHT)):
        key(app, code)
        assert scene.page == page
    app.draw(force=True)
    for page in (2, 0, 3):               # the tabs work by mouse too
        app.step(click(scene._tabs[page].center))
        assert scene.page == page
    key(app, pygame.K_h)
    assert scene.page == 1 and scene.mode == 1            # visits
    key(app, pygame.K_r)
    assert isinstance(app.top, ReplayScene)


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080), (2560, 1080)])
def test_the_debrief_draws_every_page_at_any_size(curveball_log, size):
    """Each page, reached with the arrow key, shows what it is about, with the page tabs, and
    nothing of its text is cut, overlapping, off the screen or too small for the room."""
    from screens import draw_audited
    read = read_log(curveball_log)
    app = navigated(App(size, clock=FakeClock()))
    scene = DebriefScene(app, read.setup, read.events, curveball_log)
    app.start(scene)
    roster = list(read.setup.roster)
    expected = {0: ["Everyone crossed!", f"{read.setup.team}, {read.setup.level.name}: "],
                1: ["START", "GOAL"],
                2: ["Players", *roster],
                3: [f"Teams on {read.setup.level.name}", f"{read.setup.team}  2026-11-22 09:00"]}
    for page in range(len(PAGES)):
        assert scene.page == page
        audit = draw_audited(app, list(app.stack))
        assert audit.problems(size[1]) == [], (page, size)
        shown = [p.text for p in audit.placed]
        for wanted in [*expected[page], *PAGES]:
            assert any(line.startswith(wanted) for line in shown), (page, wanted, shown)
        key(app, pygame.K_RIGHT)
    assert scene.page == 0                      # round the pages, back to the scores


@pytest.mark.slow
@pytest.mark.parametrize("speed", [1, 4, 16])
def test_replay_at_any_speed_ends_in_the_state_of_the_log(curveball_log, speed):
    app = build_replay(build_parser().parse_args(["replay", str(curveball_log), "--speed",
                                                  str(speed), "--window", "1024x768"]))
    clock = FakeClock()
    app.clock = clock
    scene = app.top
    scene._last_wall = clock()
    read = read_log(curveball_log)
    frames = 0
    while not scene.finished:
        clock.advance(0.5)
        app.step([])
        frames += 1
    assert scene.session.state == replay(read.setup, read.events)
    assert frames == pytest.approx(read.events[-1].t / (0.5 * speed), abs=2)


def test_replay_steps_back_and_forth_and_jumps(curveball_log):
    read = read_log(curveball_log)
    app = navigated(App((1024, 768), clock=FakeClock()))
    scene = ReplayScene(app, read.setup, read.events, curveball_log)
    app.start(scene)
    for _ in range(40):
        key(app, pygame.K_RIGHT)
    assert scene.index == 40 and scene.paused
    assert scene.session.state == replay(read.setup, read.events[:40])
    key(app, pygame.K_LEFT)
    assert scene.session.state == replay(read.setup, read.events[:scene.index])
    assert scene.index == 39
    middle = read.events[-1].t / 2
    scene.seek(middle)
    expected = [e for e in read.events if e.t <= middle]
    assert scene.session.state == replay(read.setup, expected)
    app.draw(force=True)                                      # click on the timeline: jump
    rect = scene._timeline_rect
    app.step([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(rect.right - 5, rect.centery),
                                 button=1)])
    assert scene.session.t > middle
    key(app, pygame.K_END)
    assert scene.finished
    key(app, pygame.K_UP)
    key(app, pygame.K_UP)
    assert scene.speed == 4
    key(app, pygame.K_d)
    assert isinstance(app.top, DebriefScene)


def test_replay_command_refuses_bad_input(tmp_path, capsys):
    assert main(["replay", str(tmp_path / "missing.jsonl")]) == 1
    assert "cannot be read" in capsys.readouterr().err
    newer = tmp_path / "newer.jsonl"
    newer.write_text(json.dumps({"format": "maze-session", "version": 5}) + "\n")
    assert main(["replay", str(newer)]) == 1
    assert "newer than this program" in capsys.readouterr().err


def test_the_teams_page_gives_dates_as_the_language_writes_them(curveball_log):
    """In German the Teams page once read "Green  2026-11-22 09:00" (the log's ISO form)."""
    from screens import draw_audited

    import maze.lang as lang
    read = read_log(curveball_log)
    lang.use("de")
    try:
        app = navigated(App((1024, 768), clock=FakeClock()))
        scene = DebriefScene(app, read.setup, read.events, curveball_log)
        scene.page = 3
        shown = [p.text for p in draw_audited(app, [scene]).placed]
    finally:
        lang.use("en")
    assert f"{read.setup.team}  22.11.2026 09:00" in shown, shown
    assert not any("2026-11-22" in line for line in shown)


@pytest.mark.parametrize("code, more", [("de", " im Bericht"), ("en", " in the report")])
def test_questions_left_off_the_scores_page_are_counted(curveball_log, code, more):
    """A page too small for all of the debrief's questions (1024x768, a long language) says
    how many it left off, and where they are."""
    from screens import draw_audited

    import maze.lang as lang
    read = read_log(curveball_log)
    lang.use(code)
    try:
        counts = {}
        for size in ((1024, 768), (1920, 1080)):
            app = navigated(App(size, clock=FakeClock()))
            scene = DebriefScene(app, read.setup, read.events, curveball_log)
            shown = [p.text for p in draw_audited(app, [scene]).placed]
            asked = sum(1 for p in scene.prompts if p in shown or
                        any(line and p.startswith(line) for line in shown))
            counted = [line for line in shown if more in line]
            left = int(counted[0].split()[0 if code == "en" else 1]) if counted else 0
            counts[size] = (asked, left, len(scene.prompts))
    finally:
        lang.use("en")
    for asked, left, every in counts.values():
        assert asked + left == every, counts     # every question shown, or counted
    assert counts[(1024, 768)][1] > 0            # this session's six do not all fit at 1024x768
