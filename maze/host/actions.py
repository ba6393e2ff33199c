"""The facilitator's actions on a session, as the host carries them out, and what the side
panel says about each (a key, the Esc menu and the facilitator's remote all come here)."""

from __future__ import annotations

from typing import Protocol

from maze.analysis.text import cost_text, penalty_word
from maze.core.session import ActionRefused, IllegalMove, Session
from maze.host.intents import PENALTY_KINDS, Action, Reply
from maze.host.refusals import refusal
from maze.lang import _


class SessionHost(Protocol):
    """What an action needs of the session host (maze.host.host, which calls carry_out)."""

    session: Session
    revealing: bool

    def notify(self, text: str, tone: str = "warning") -> None: ...

    def _changed(self) -> None: ...


def carry_out(host: SessionHost, action: Action, notify: bool = True) -> Reply:
    """Do ``action``; say what was done (unless ``notify`` is False) or why not."""
    session = host.session
    say = host.notify if notify else (lambda text, tone="text": None)
    try:
        match action:
            case Action.PAUSE:
                session.toggle_pause()
            case Action.END_PLANNING:
                session.end_planning()
            case Action.REVEAL:
                if not host.revealing:
                    session.reveal()
                    host.revealing = True
            case Action.CURVEBALL:
                session.curveball()    # silent: nothing on screen changes
            case Action.SKIP:
                player = session.state.current_player
                session.skip()
                say(_("Skipped {player}").format(player=player))
            case Action.UNDO:
                session.undo()
                say(undone_text(host), "text")
            case Action.MEMORY_AID:
                session.toggle_memory_aid()
                say(_("Memory aid on") if session.state.memory_aid else _("Memory aid off"))
            case _ if action in PENALTY_KINDS:
                kind = PENALTY_KINDS[action]
                session.penalty(kind)
                cost = cost_text(session.rules.penalty_cost, session.rules.currency)
                say(_("Penalty: {kind} (-{cost})").format(kind=penalty_word(kind), cost=cost),
                    "warning")
            case _:
                host._changed()
                return Reply(False, _("Not an action on the session"))
    except (ActionRefused, IllegalMove) as exc:
        say(refusal(exc), "dim")
        host._changed()
        return Reply(False, refusal(exc))
    host._changed()
    return Reply(True)


def undone_text(host: SessionHost) -> str:
    """What Ctrl+Z just took back, in the facilitator's words."""
    from maze.core.events import ActionUndone, PenaltyRecorded, PlayerSkipped
    events = host.session.events
    undo = next(e for e in reversed(events) if isinstance(e, ActionUndone))
    target = next((e for e in reversed(events) if e.seq == undo.undone), None)
    match target:
        case PenaltyRecorded(kind=kind, cost=cost):
            return _("Undone: penalty for {kind} (+{cost} back)").format(
                kind=penalty_word(kind), cost=cost_text(cost, target.currency))
        case PlayerSkipped():
            return _("Undone: skip. {player}'s turn again").format(
                player=host.session.state.current_player)
    if undo.action == "curveball":
        return _("Undone: the curveball (the path stays as it is)")
    return (_("Undone: memory aid on again") if host.session.state.memory_aid
            else _("Undone: memory aid off again"))

