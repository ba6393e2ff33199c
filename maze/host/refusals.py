"""The core's refusals (IllegalMove, ActionRefused) in the program's language.

The core speaks no language but English and imports no maze layer: its refusals are fixed
sentences, translated here, at the edge, where the host shows or sends them. A refusal this
table does not know is shown as the core wrote it (tests/test_words_marked.py checks that
every sentence the core raises is here)."""

from __future__ import annotations

from maze.lang import N_, _

REFUSALS: dict[str, str] = {
    "The session is over": N_("The session is over"),
    "Paused": N_("Paused"),
    "Planning: no steps yet": N_("Planning: no steps yet"),
    "Wait: walking back": N_("Wait: walking back"),
    "Off the board": N_("Off the board"),
    "Enter on row 1": N_("Enter on row 1"),
    "One square at a time": N_("One square at a time"),
    "Retrace your steps": N_("Retrace your steps"),
    "Already paused": N_("Already paused"),
    "Not paused": N_("Not paused"),
    "No planning to end": N_("No planning to end"),
    "Curveball refused: the path changed already": N_("Curveball refused: the path changed already"),
    "Curveball refused: no path found yet": N_("Curveball refused: no path found yet"),
    "Curveball already waiting": N_("Curveball already waiting"),
    "Curveball refused: no other path": N_("Curveball refused: no other path"),
    "Nothing to undo": N_("Nothing to undo"),
    "nothing to resume: the session never started":
        N_("nothing to resume: the session never started"),
    "the session has ended: nothing to resume": N_("the session has ended: nothing to resume"),
    "the session has already started": N_("the session has already started"),
}


def refusal(exc: BaseException) -> str:
    """What the core refused, in the program's language."""
    text = str(exc)
    return _(REFUSALS[text]) if text in REFUSALS else text
