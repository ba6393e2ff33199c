"""What the room sees on the board and the results, read back from the text layer's audit: a
first-time player is told how to move, a crossing and a hand-over are announced, the turn order
never says "nobody", warnings only count down from time that was there, and the results and
setup work by mouse."""

from __future__ import annotations

import pygame
import pytest
from helpers import make_level, make_setup
from ui_helpers import Driver, click

from maze.ui.text import ROOM, TextAudit


@pytest.fixture(autouse=True)
def _headless(tmp_path, monkeypatch):
    monkeypatch.setenv("MAZE_DATA_DIR", str(tmp_path / "data"))
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


def seen(d: Driver) -> dict[str, int]:
    """Every line on screen now, with its height."""
    audit = TextAudit()
    d.app.text.audit = audit
    d.app.draw(force=True)
    d.app.text.audit = None
    return {p.text: p.height for p in audit.placed}


def test_a_first_time_player_is_told_how_to_move_large_until_they_step_on(tmp_path):
    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")), size=(1024, 768))
    lines = seen(d)
    cue = [t for t in lines if t.startswith(("Left, Right", "Up: step on"))]
    assert len(cue) == 2
    assert all(lines[t] >= 0.04 * 768 for t in cue)            # room-size, at the start edge
    d.press("Left", "Up")                                       # Ana is on the board
    lines = seen(d)
    assert not any(t.startswith("Up: step on") for t in lines)
    assert any(t.startswith("Arrows: one square at a time") for t in lines)
    assert "Q E Z C: diagonal steps" in lines           # the path may need them: say so


def test_a_crossing_and_a_hand_over_are_announced_and_next_is_never_nobody(tmp_path):
    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")), size=(1280, 800))
    d.press("Left", "Up", "Up", "e", "Up")                      # Ana crosses: the path is found
    assert d.board.announcement.text.startswith("Ana found the path! Execution")
    assert d.board.announcement.text.endswith("Ben, your turn")
    lines = seen(d)
    # Ben is at the board; Ana found the path in learning and still owes her execution crossing.
    assert "To cross: Ana" in lines
    assert not any("nobody" in t for t in lines)
    d.wait(4)
    d.press("Up", "Up", "e", "Up", "Up")                        # Ben crosses in execution
    d.wait(0.1)
    text = d.board.announcement.text if d.board.announcement else ""
    assert text.startswith("Ben crossed: 1 of 2 across"), text


def test_alone_on_the_board_the_turn_order_says_who_comes_next(tmp_path):
    d = Driver(tmp_path, make_setup(roster=("Ana",)), size=(1280, 800))
    lines = seen(d)
    assert "Next: Ana again" in lines and not any("nobody" in t for t in lines)


def test_a_warning_only_counts_down_from_time_that_was_there(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(rules={"time_limit": 36}), ("Ana", "Ben")))
    d.press("Left", "Up")
    announced = []
    for _ in range(40):
        d.wait(1)
        if d.board.announcement:
            announced.append(d.board.announcement.text)
    assert "2 minutes left" not in announced and "30 seconds left" in announced


def test_the_results_work_by_mouse_and_never_quit_on_a_players_key(tmp_path):
    from maze.ui.scenes.debrief import DebriefScene
    from maze.ui.scenes.overlays import ConfirmQuit

    d = Driver(tmp_path, make_setup(roster=("Ana",)))
    d.press("Left", "Up", "Up", "e", "Up")                      # Ana finds the path
    d.wait(4)
    d.press("Up", "Up", "e", "Up", "Up")                        # and crosses it: all across
    d.wait(1)
    scene = d.app.top
    assert isinstance(scene, DebriefScene)
    d.app.draw(force=True)
    actions = {action: rect for rect, action in scene._buttons}
    d.app.step(click(actions["report"].center))
    report = d.log.path.with_suffix(".html")
    assert report.exists() and "Report saved" in scene.notice
    for name in ("Escape", "Return", "q"):
        d.press(name)
        assert d.app.running and d.app.top is scene
    d.app.step(click(actions["quit"].center))
    assert isinstance(d.app.top, ConfirmQuit)
    d.press("Escape")
    assert d.app.top is scene and d.app.running
    d.app.step(click(actions["quit"].center))
    d.app.draw(force=True)
    d.app.step(click(d.app.top._buttons[0].center))             # "Enter: quit", by mouse
    assert not d.app.running


def test_room_read_lines_are_large_on_the_board(tmp_path):
    from screens import draw_audited
    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")), size=(1024, 768))
    audit = draw_audited(d.app, [d.board])
    room = {p.text for p in audit.placed if p.role == ROOM}
    for expected in ("Learning", "Ana", "Silence", "Discoveries: 0"):
        assert expected in room
    assert not audit.too_small(768)


def test_no_rate_a_minute_before_half_a_minute_of_learning(tmp_path):
    """One beep two seconds into the game is not "60.0 discoveries a minute"."""
    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")), size=(1280, 800))
    d.press("Left", "Left", "Up", gap=0.5)              # A1 beeps at once
    lines = seen(d)
    assert "Discoveries: 1" in lines and "Rate: after 0:30" in lines
    d.wait(40)
    assert any(t.endswith(" a minute") for t in seen(d))


def test_closing_the_window_with_events_not_on_disk_asks_and_saves_them_elsewhere(tmp_path,
                                                                                monkeypatch):
    """A full disk: the screen says the events are in memory; closing the window does not
    lose them silently: it asks, and Enter saves the whole log elsewhere, then quits."""
    import errno
    import os

    from maze.storage.log import read_log
    from maze.ui.scenes import overlays

    rescue = tmp_path / "rescue"
    monkeypatch.setattr(overlays, "rescue_folders", lambda: [tmp_path / "full" / "x", rescue])
    full = {"now": False}

    def write(fd, data):
        if full["now"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return os.write(fd, data)

    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")), write=write)
    d.press("Left", "Up")
    full["now"] = True
    d.press("q")                                   # a beep the disk refuses
    assert d.board.log.backlog > 0
    d.app.step([pygame.event.Event(pygame.QUIT)])
    assert d.app.running and isinstance(d.app.top, overlays.UnsavedEvents)
    lines = seen(d)
    assert any("not on disk" in t for t in lines)
    (tmp_path / "full").write_text("a file where a folder would go")   # the first refuses
    d.press("Return")
    assert not d.app.running
    saved = rescue / d.log.path.name
    assert [e.seq for e in read_log(saved).events] == [e.seq for e in d.board.session.events]


def test_closing_twice_closes_after_the_question(tmp_path):
    import errno
    import os

    refusing = {"now": False}

    def refuse(fd, data):
        if refusing["now"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return os.write(fd, data)

    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")), write=refuse)
    d.press("Left", "Up")
    refusing["now"] = True
    d.press("Up")
    d.app.step([pygame.event.Event(pygame.QUIT)])
    assert d.app.running                                   # asked
    d.app.step([pygame.event.Event(pygame.QUIT)])
    assert not d.app.running                               # asked once: the second closes


def test_a_log_folder_removed_mid_session_is_said_and_nothing_is_lost(tmp_path):
    import shutil

    from maze.storage.log import read_log

    d = Driver(tmp_path, make_setup(roster=("Ana", "Ben")))
    d.press("Left", "Up")
    shutil.rmtree(d.log.path.parent)
    d.press("q")                                   # a beep ends the turn: the log is checked
    d.wait(1)
    assert "the log was written again" in d.board.host.notice.text
    d.app.step([pygame.event.Event(pygame.QUIT)])
    assert [e.seq for e in read_log(d.log.path).events] == [e.seq for e in d.board.session.events]
