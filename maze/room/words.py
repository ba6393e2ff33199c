"""The words of the phones' page and the facilitator's remote, in the program's language.

The pages are static files with ``{{key}}`` where a word goes; the server fills them in
(escaped) and hands the scripts the rest of their words as a JSON data block
(``<script type="application/json" id="words">``: data, never run, so no script-src is
needed for it). The scripts never hold a word of their own."""

from __future__ import annotations

import json
import re
from html import escape
from importlib import resources

from maze.core.session import MAX_PLAYERS
from maze.lang import _, current, n_

_SLOT = re.compile(r"\{\{(\w+)\}\}")


def player_words() -> dict[str, str | list[str]]:
    """Every word of player.html and player.js."""
    return {
        "title": _("maze: room play"),
        "room_code": _("Room code"),
        "type_code": _("Type the four letters shown on the board."),
        "join": _("Join"),
        "who_are_you": _("Who are you?"),
        # Translators: the phone's arrow buttons, read aloud by a screen reader
        "up_left": _("up left"), "up": _("up"), "up_right": _("up right"),
        "left": _("left"), "right": _("right"), "down_left": _("down left"),
        "down": _("down"), "down_right": _("down right"),
        "you_are": _("You are {name}"),
        "over": _("The session is over. Look at the board."),
        "paused": _("Paused"),
        "planning_first": _("Planning: talk it over. You go first."),
        "planning_other": _("Planning: talk it over. {name} goes first."),
        "walking_back": _("Beep! Walking back"),
        "walk_back": _("Beep! Walk back the way you came"),
        "your_turn": _("Your turn!"),
        "across": _("{name} is at the board. You are across."),
        "next": _("{name} is at the board. You are next."),
        # one sentence per count: the language's plural, picked here (index: turns until yours)
        "turns": [n_("{name} is at the board. {n} turn until yours.",
                     "{name} is at the board. {n} turns until yours.", n).replace("{n}", str(n))
                  for n in range(MAX_PLAYERS + 1)],
        "step_on": _("Up: step on"),
        "one_tap": _("One tap, one step"),
        "wrong_room": _("Wrong room code"),
    }


def remote_words() -> dict[str, str | list[str]]:
    """Every word of remote.html and remote.js."""
    return {
        "title": _("maze: facilitator"),
        "facilitator": _("Facilitator"),
        "pause": _("Pause / go on"),
        "skip": _("Skip the player"),
        "penalty_talking": _("Penalty: talking"),
        "penalty_pointing": _("Penalty: pointing"),
        "penalty_two_on_board": _("Penalty: two on the board"),
        "penalty_marking": _("Penalty: marking"),
        "curveball": _("Curveball (silent)"),
        "end": _("End the session"),
        "names_taken": _("Names taken"),
        "confirm_end": _("End the session now?"),
        "no_answer": _("No answer"),
        # Translators: the remote's status line, as in "learning: Ana at the board"
        "status": _("{phase}: {name} at the board"),
        "status_paused": _("{phase} (paused): {name} at the board"),
        "phase_planning": _("planning"), "phase_learning": _("learning"),
        "phase_execution": _("execution"), "phase_ended": _("ended"),
        "free": _("Free {name}"),
        "free_online": _("Free {name} (online)"),
    }


def page(name: str, words: dict[str, str | list[str]]) -> bytes:
    """A page with its words filled in, its language said, and the scripts' words beside."""
    html = resources.files("maze.web").joinpath(name).read_text(encoding="utf-8")
    data = json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")
    html = html.replace('<html lang="en">', f'<html lang="{current().replace("_", "-")}">', 1)
    html = html.replace("<!--words-->",
                        f'<script type="application/json" id="words">{data}</script>', 1)
    return _SLOT.sub(lambda m: escape(str(words[m.group(1)])), html).encode("utf-8")
