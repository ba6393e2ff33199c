"""The facilitator's actions on a session, as the host carries them out, and what the side
panel says about each (a key, the Esc menu and the facilitator's remote all come here)."""

from __future__ import annotations

from typing import Protocol

from maze.core.session import ActionRefused, IllegalMove, Session
from maze.host.intents import PENALTY_KINDS, Action, Reply


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
                say(f"Skipped {player}")
            case Action.UNDO:
                session.undo()
                say(undone_text(host), "text")
            case Action.MEMORY_AID:
                session.toggle_memory_aid()
                say("Memory aid " + ("on" if session.state.memory_aid else "off"))
            case _ if action in PENALTY_KINDS:
                kind = PENALTY_KINDS[action]
                session.penalty(kind)
                cost = session.rules.penalty_cost
                unit = " s" if session.rules.currency == "seconds" else " points"
                say(f"Penalty: {kind.replace('_', ' ')} (-{cost:g}{unit})", "warning")
            case _:
                host._changed()
                return Reply(False, "Not an action on the session")
    except (ActionRefused, IllegalMove) as exc:
        say(str(exc), "dim")
        host._changed()
        return Reply(False, str(exc))
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
            unit = " s" if target.currency == "seconds" else " points"
            return f"Undone: penalty for {kind.replace('_', ' ')} (+{cost:g}{unit} back)"
        case PlayerSkipped():
            return f"Undone: skip. {host.session.state.current_player}'s turn again"
    if undo.action == "curveball":
        return "Undone: the curveball (the path stays as it is)"
    return "Undone: memory aid " + ("on" if host.session.state.memory_aid else "off") + " again"
