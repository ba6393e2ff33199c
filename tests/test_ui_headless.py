"""The real scenes, driven headless by key and mouse events; the log says what happened."""

from __future__ import annotations

import pygame
import pytest
from helpers import make_level, make_setup
from ui_helpers import Driver, click, key

from maze.core.board import parse_square
from maze.storage.log import read_log
from maze.ui import theme
from maze.ui.layout import compute
from maze.ui.scenes.board import FLASH_SECONDS
from maze.ui.scenes.debrief import DebriefScene
from maze.ui.text import TextAudit


@pytest.fixture(autouse=True)
def pygame_headless():
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


def test_keys_play_a_beep_a_retreat_and_a_crossing(tmp_path):
    d = Driver(tmp_path)                   # 4x4, path B1 B2 C3 C4; the cursor starts on C
    d.press("Left", "Up", "q")             # choose column B, enter B1, up-left onto A2: beep
    d.wait(2)                              # the auto retreat walks back
    d.press("Up", "Up", "e", "Up")         # Ben: B1 B2 C3 C4 (the cursor stayed on B)
    assert d.logged() == [
        "0 phase None>learning session_started", "0 turn Ana",
        "2 step Ana B1 new_safe", "3 step Ana A2 new_beep", "3 beep A2", "3 retreat_started 2",
        "3.5 retreat_step B1", "4 retreat_step off", "4 retreat_done", "4 turn Ben",
        "6 step Ben B1 known_safe", "7 step Ben B2 new_safe", "8 step Ben C3 new_safe",
        "9 step Ben C4 new_safe", "9 crossing Ben learning",
        "9 phase learning>execution path_found", "9 turn Chen"]


def test_keypad_and_diagonal_entry(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(), ("Ana",)))
    d.press("KP7", "KP8", "KP9", "KP8")    # enter B1 diagonally from C, B2, C3, C4
    assert d.logged()[2:6] == ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe",
                               "3 step Ana C3 new_safe", "4 step Ana C4 new_safe"]


def test_mouse_clicks_step_like_keys(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(), ("Ana", "Ben")))
    layout = d.board.layout()
    for name in ("B1", "B2", "D4", "C3"):  # D4 is two squares away: refused, not logged
        d.clock.advance(1)
        d.app.step(click(layout.square_rect(parse_square(name)).center))
    assert d.logged()[2:] == ["1 step Ana B1 new_safe", "2 step Ana B2 new_safe",
                              "4 step Ana C3 new_safe"]


def test_a_move_key_held_with_ctrl_is_refused(tmp_path):
    d = Driver(tmp_path)
    d.press("ctrl+e", "ctrl+c")
    d.app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=pygame.KMOD_CTRL,
                                   scancode=0)])
    assert d.logged() == ["0 phase None>learning session_started", "0 turn Ana"]
    assert d.board.cue is not None and "Ctrl" in d.board.cue.text


def test_facilitator_keys_each_log_their_event(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(alternate=("B1", "A2", "A3", "B4")),
                                    ("Ana", "Ben", "Chen")))
    d.press("ctrl+space", "ctrl+space", "ctrl+1", "ctrl+2", "ctrl+3", "ctrl+4", "ctrl+a",
            "ctrl+r", "ctrl+n")
    d.press("Left", "Up", "Up", "e", "Up")    # Ben crosses: execution
    d.press("ctrl+k")                         # Chen has not stepped: the path changes now
    logged = [line.split(" ", 1)[1] for line in d.logged()[2:]]
    assert logged == [
        "paused", "resumed", "penalty talking 30 seconds facilitator",
        "penalty pointing 30 seconds facilitator", "penalty two_on_board 30 seconds facilitator",
        "penalty marking 30 seconds facilitator", "memory_aid on", "path_revealed",
        "skipped Ana", "turn Ben", "step Ben B1 new_safe", "step Ben B2 new_safe",
        "step Ben C3 new_safe", "step Ben C4 new_safe", "crossing Ben learning",
        "phase learning>execution path_found", "turn Chen", "curveball_armed facilitator",
        "path_changed alternate facilitator", "phase execution>learning path_changed"]


def test_ctrl_q_asks_and_enter_ends_the_session_with_results(tmp_path):
    d = Driver(tmp_path)
    d.press("Up", "ctrl+q")
    d.press("Escape")                          # cancel: the session goes on
    assert not any("ended" in line for line in d.logged())
    d.press("ctrl+q", "Return")
    assert d.logged()[-1].endswith("ended ended_by_facilitator")
    assert isinstance(d.app.top, DebriefScene)
    assert d.app.top.figures.learning.failures == 1
    d.press("Return", "Escape", "q")             # a player's keys never quit the results
    assert d.app.running and isinstance(d.app.top, DebriefScene)
    d.press("ctrl+q", "Return")                  # the facilitator's chord, confirmed, does
    assert not d.app.running


def test_the_curveball_changes_nothing_on_screen(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(alternate=("B1", "A2", "A3", "B4")), ("Ana", "Ben")))
    d.press("Left", "Up", "Up", "e", "Up")    # Ana crosses
    d.wait(5)                                 # the announcement fades
    d.app.draw(force=True)
    before = pygame.image.tobytes(d.app.screen, "RGB")
    d.app.step(key("ctrl+k"))
    d.app.draw(force=True)
    assert "path_changed" in " ".join(d.logged())
    assert pygame.image.tobytes(d.app.screen, "RGB") == before


def test_a_beep_is_seen_on_the_square_and_the_border(tmp_path):
    d = Driver(tmp_path)
    d.press("Up")                               # C1 beeps
    d.app.draw(force=True)
    square = d.board.layout().square_rect(parse_square("C1"))
    centre = (square.left + square.width // 8, square.top + square.height // 8)  # clear of
    # the player's token (on the square) and of the cross drawn in the flash
    assert tuple(d.app.screen.get_at(centre))[:3] == theme.BEEP
    assert tuple(d.app.screen.get_at((1, 1)))[:3] == theme.BEEP
    d.wait(FLASH_SECONDS + 0.1)
    d.app.draw(force=True)
    assert tuple(d.app.screen.get_at((1, 1)))[:3] != theme.BEEP


@pytest.mark.parametrize("size", [(800, 600), (1024, 768), (1920, 1080), (2560, 1080), (600, 900)])
def test_resizing_relays_out_the_board(tmp_path, size):
    d = Driver(tmp_path)
    pygame.display.set_mode(size, pygame.RESIZABLE)
    d.app.step([pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])])
    assert d.board.layout().width == size[0]
    assert d.board.layout() == compute(size[0], size[1], 4, 4)
    d.press("Up")
    assert d.logged()[-1].endswith("retreat_started 1")


def test_idle_board_does_not_redraw(tmp_path):
    d = Driver(tmp_path)
    d.wait(5)                           # the opening announcement has faded
    frames = d.app.frames
    for _ in range(10):
        d.app.step([])                  # nothing happened: the clock has not started
    assert d.app.frames == frames
    assert d.app.wake_in() is None      # nothing scheduled: the loop waits for input


def test_closing_the_window_mid_retreat_loses_nothing(tmp_path):
    from maze.storage.log import read_log

    d = Driver(tmp_path)
    d.press("Left", "Up", "Up")               # B1, B2 (both safe)
    d.press("q")                              # A3 beeps: the walk back begins
    d.wait(0.6)                               # one square back
    d.app.step([pygame.event.Event(pygame.QUIT)])
    assert not d.app.running
    for scene in d.app.stack:
        scene.closing()                       # what App.run does on the way out
    read = read_log(d.log.path)
    assert read.warnings == [] and not read.ended
    assert [e.TYPE for e in read.events][-2:] == ["retreat_started", "retreat_step"]
    assert read.events == d.board.session.events


def test_a_key_right_after_a_walk_back_ends_is_read_against_the_new_turn(tmp_path):
    # Found on screen: Ben's Up, pressed once Ana's walk-back was over but before the app had
    # noticed, was taken as a move of Ana's token and refused ("Enter on row 1").
    d = Driver(tmp_path)
    d.press("Up")                          # Ana: C1 beeps; the walk back takes 0.5 s
    d.press("Up", gap=0.6)                 # Ben presses Up after the walk back is over
    assert "1.6 step Ben C1 repeat_beep" in d.logged()
    assert d.board.cue is None


def test_esc_menu_reaches_every_action_by_keys_and_mouse(tmp_path):
    from maze.ui.scenes.overlays import MENU_ITEMS, ConfirmEnd, HelpOverlay, MenuOverlay

    d = Driver(tmp_path)
    d.press("Escape")
    assert isinstance(d.app.top, MenuOverlay)
    down = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0)
    # A player's Esc, Down, Down, Enter changes nothing: session-changing entries need Ctrl.
    d.app.step([down] * 2 + [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)])
    assert d.logged()[-1].endswith("turn Ana") and isinstance(d.app.top, MenuOverlay)
    assert d.app.top.refused
    d.app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=pygame.KMOD_LCTRL)])
    assert d.logged()[-1].endswith("paused") and not isinstance(d.app.top, MenuOverlay)
    labels = [item.label for item in MENU_ITEMS]
    d.press("Escape")
    d.app.draw(force=True)
    d.app.step(click(d.app.top._rows[labels.index("Sound on or off")].center))
    assert d.logged()[-1].endswith("muted True") and d.app.sound.muted
    d.press("Escape")
    d.app.step(click(d.app.top._rows[labels.index("Help: rules and keys")].center))
    assert isinstance(d.app.top, HelpOverlay) and len(d.app.stack) == 2
    d.press("Escape", "Escape")
    d.app.draw(force=True)
    d.app.step(click(d.app.top._rows[labels.index("End the session and show the results")].center))
    assert isinstance(d.app.top, ConfirmEnd)
    d.press("Return")
    assert d.logged()[-1].endswith("ended ended_by_facilitator")


def test_the_menu_lists_every_facilitator_action_and_each_works_by_mouse(tmp_path):
    """A facilitator who only uses the mouse can run a whole session from the Esc menu."""
    from maze.ui.keymap import CTRL_KEYS
    from maze.ui.scenes.overlays import MENU_ITEMS

    actions = {item.action for item in MENU_ITEMS}
    assert set(CTRL_KEYS.values()) <= actions
    d = Driver(tmp_path, setup=make_setup(flags={"planning": 30}))
    labels = [item.label for item in MENU_ITEMS]

    def choose(label: str) -> None:
        d.press("Escape")
        d.app.draw(force=True)
        d.app.step(click(d.app.top._rows[labels.index(label)].center))

    choose("End planning, start the clock")
    assert "learning" in d.logged()[-1]
    for label, logged in (("Penalty: talking", "penalty talking"),
                          ("Penalty: pointing", "penalty pointing"),
                          ("Penalty: two on the board", "penalty two_on_board"),
                          ("Penalty: marking", "penalty marking"),
                          ("Memory aid on or off", "memory_aid on"),
                          ("Undo the last penalty, skip or switch", "undone"),
                          ("Skip the player at the board", "skipped Ana")):
        choose(label)
        assert logged in d.logged()[-1] or logged in " ".join(d.logged()[-2:]), label
    choose("Reveal, for 5 seconds")
    assert d.logged()[-1].endswith("revealed") or "reveal" in d.logged()[-1]
    assert d.board.revealing
    d.wait(6)
    assert not d.board.revealing


def test_ctrl_z_takes_back_a_penalty_and_a_skip_and_the_results_list_them(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(), ("Ana", "Ben")))
    d.press("ctrl+z")                                  # nothing yet: a quiet word, no event
    assert d.board.notice.text == "Nothing to undo" and len(d.logged()) == 2
    d.press("Left", "Up", "ctrl+1", "ctrl+z")
    assert d.board.notice.text == "Undone: penalty for talking (+30 s back)"
    assert d.board.session.time_left() == d.board.session.rules.time_limit - 2
    d.press("ctrl+n")
    assert d.board.session.state.current_player == "Ben"
    d.press("ctrl+z")                                  # Ana is back where she stood
    assert d.board.notice.text == "Undone: skip. Ana's turn again"
    assert d.board.session.state.position == parse_square("B1")
    logged = [line.split(" ", 1)[1] for line in d.logged()[2:]]
    assert logged == ["step Ana B1 new_safe", "penalty talking 30 seconds facilitator",
                      "undone penalty #4", "skipped Ana", "turn Ben", "undone skip #6"]
    d.press("Up", "e", "Up", "ctrl+q", "Return")      # Ana crosses from B1, then the end
    figures = d.app.top.figures
    assert figures.penalties.count == 0 and figures.players["Ana"].attempts == 1
    assert [u.action for u in figures.undone] == ["penalty", "skip"]


def test_results_say_the_memory_aid_was_on_and_the_path_revealed(tmp_path):
    d = Driver(tmp_path)
    d.press("ctrl+a", "ctrl+r", "ctrl+q", "Return")
    assert d.app.top.figures.memory_aid_used and d.app.top.figures.reveals == 1


def test_ctrl_enter_ends_planning_and_the_clock_starts(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(rules={"planning": 120}), ("Ana", "Ben")))
    d.press("Up")                                   # refused: planning
    assert d.board.cue is not None and "Planning" in d.board.cue.text
    d.press("ctrl+Return")
    assert d.logged()[-1] == "2 phase planning>learning ended_by_facilitator"
    d.press("Up")
    assert "3 step Ana C1 new_beep" in d.logged()


@pytest.mark.parametrize("keys", [("F11",), ("ctrl+f",)])
def test_fullscreen_keys_toggle_and_the_layout_follows(tmp_path, keys):
    d = Driver(tmp_path, size=(900, 600))
    d.press(*keys)
    assert d.app.fullscreen
    assert d.board.layout().width == d.app.size[0]
    d.press(*keys)
    assert not d.app.fullscreen and d.app.size == (900, 600)
    d.press("Up")                                    # the session goes on
    assert d.logged()[-1].endswith("retreat_started 1")


def test_redrawing_only_what_changed_leaves_the_same_picture_as_a_full_redraw(tmp_path):
    d = Driver(tmp_path, make_setup(make_level(alternate=("B1", "A2", "A3", "B4")),
                                    ("Ana", "Ben", "Chen")), size=(1024, 768))
    script = ["Left", "Up", "q", "ctrl+a", "Up", "Up", "e", "Up", "ctrl+1", "Up", "ctrl+k",
              "Up", "Up", "ctrl+space", "ctrl+space", "Right", "Up"]
    partial_frames = 0
    for name in script:
        for delay in (0.3, 0.9):                    # mid-flash and after it
            d.clock.advance(delay)
            frames = d.app.frames
            d.app.step(key(name) if delay == 0.3 else [])
            if d.app.frames == frames:
                continue      # nothing was drawn: the screen rightly still shows the last frame
            partial_frames += 1
            after_partial = pygame.image.tobytes(d.app.screen, "RGB")
            d.board.full_redraw = True
            d.app.draw(force=True)
            assert pygame.image.tobytes(d.app.screen, "RGB") == after_partial, name
    assert partial_frames > 10


def test_the_event_waiter_returns_queued_events_and_times_out(tmp_path):
    from maze.ui.waiting import EventWaiter

    Driver(tmp_path)                                  # a window, as in the program
    waiter = EventWaiter()
    pygame.event.get()
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0))
    assert [e.type for e in waiter.wait(None)] == [pygame.KEYDOWN]
    assert waiter.wait(0.01) == []                    # nothing queued: back after the timeout


def test_a_full_disk_mid_session_warns_on_screen_and_loses_nothing(tmp_path):
    import errno
    import os as _os

    full = {"now": False}

    def write(fd, data):
        if full["now"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return _os.write(fd, data)

    d = Driver(tmp_path, write=write)
    d.press("Left", "Up")                          # B1: written
    full["now"] = True
    d.press("q")                                   # A2 beeps: the disk is full
    d.wait(1.5)                                    # the walk back goes on regardless
    assert d.board.log.error is not None and d.board.log.backlog > 0
    audit = TextAudit()                            # every line the next frame draws
    d.app.text.audit = audit
    d.app.draw(force=True)
    d.app.text.audit = None
    assert "Cannot write the session log" in " ".join(p.text for p in audit.placed)
    assert d.board.session.state.current_player == "Ben"     # the session went on
    full["now"] = False
    d.wait(2.5)                                    # the board retries, and the lines go out
    assert d.board.log.backlog == 0
    assert [e.seq for e in read_log(d.log.path).events] == [e.seq for e in d.board.session.events]


HOSTILE_NAMES = ("a/b", "..", "back\\slash", "nul\x00byte", "bell\x07tab\t", "x" * 200,
                 "🙂 Joy", "שלום", "مرحبا", "<script>alert(1)</script>")


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_hostile_names_play_and_show_on_the_board(tmp_path, size):
    setup = make_setup(make_level(), HOSTILE_NAMES)
    setup = type(setup)(**{**{n: getattr(setup, n) for n in setup.FIELDS},
                          "team": "../<b>team</b>\x00" + "y" * 180})
    d = Driver(tmp_path, setup, size=size)
    assert d.log.path.parent == tmp_path and "/" not in d.log.path.name
    for _ in range(len(HOSTILE_NAMES)):             # every name takes a turn at the board
        d.press("ctrl+n")
        d.app.draw(force=True)
    d.press("Up")
    d.app.draw(force=True)
    assert read_log(d.log.path).setup.roster == HOSTILE_NAMES   # kept intact in the log
    d.press("ctrl+q", "Return")
    for _ in range(3):                              # and on every debrief page
        d.app.draw(force=True)
        d.app.step(key("Right")[:1])


def test_time_warnings_at_two_minutes_and_thirty_seconds_seen_and_heard(tmp_path):
    played: list[str] = []

    class Recorder:
        available, muted, notice = True, False, None

        def play(self, name: str) -> None:
            played.append(name)

    d = Driver(tmp_path, make_setup(make_level(rules={"time_limit": 150}), ("Ana", "Ben")))
    d.app.sound = Recorder()
    d.press("Left", "Up")                     # B1 at t=2: the 150 s clock starts
    assert d.app.wake_in() <= 30.0            # the loop wakes for the 2-minute warning
    d.wait(29.5)
    assert "warning" not in played
    d.wait(1.0)                               # 2:00 left
    assert played.count("warning") == 1 and d.board.announcement.text == "2 minutes left"
    assert d.board.border_color == theme.WARNING
    d.app.draw(force=True)
    assert tuple(d.app.screen.get_at((1, 1)))[:3] == theme.WARNING   # seen, in orange
    d.wait(90.0)                              # 0:30 left
    assert played.count("warning") == 2 and d.board.announcement.text == "30 seconds left"
    d.wait(10.0)
    assert played.count("warning") == 2       # each warning sounds once
    assert "beep" not in played               # a tone distinct from the beep


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (800, 600)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_line_of_the_menu_is_as_large_as_the_others_in_every_language(tmp_path, size):
    """German's undo line once shrank to 60% of the others' size to fit the menu: now the menu
    widens, or the line goes on two, and every label line is the size of its key."""
    from screens import draw_audited

    import maze.lang as lang
    from maze.ui.scenes.overlays import MENU_ITEMS, MenuOverlay
    try:
        for language in lang.LANGUAGES:
            lang.use(language)
            d = Driver(tmp_path / language, size=size)
            audit = draw_audited(d.app, [d.board, MenuOverlay(d.app, d.board)])
            assert audit.problems(size[1]) == [], language
            menu = [p for p in audit.placed if p.layer == audit.layer]
            keys = {lang._(item.key) for item in MENU_ITEMS}
            key_size = {p.height for p in menu if p.text in keys}
            assert len(key_size) == 1, (language, key_size)
            labels = [lang._(item.label) for item in MENU_ITEMS]
            lines = [p for p in menu if p.text not in keys and any(p.text in x for x in labels)]
            drawn = " ".join(p.text for p in lines)
            assert all(label in drawn for label in labels), language   # each whole
            assert {p.height for p in lines} == key_size, (language, lines)
            d.log.close()
    finally:
        lang.use("en")
