"""The main thread's side of the room: carry the phones' and the remote's commands to the
session host, and tell the phones what changed. Called by the app loop each frame (and by
tests with no pygame at all)."""

from __future__ import annotations

from typing import Any

from maze.core.events import BeepSounded, Event, RetreatErred
from maze.host.host import SessionHost
from maze.host.intents import PHONE, Action
from maze.lang import _
from maze.room.server import Inbound, RoomServer
from maze.room.view import DIRECTIONS, public_view

REMOTE = "remote"
REMOTE_ACTIONS: dict[str, Action] = {
    "pause": Action.PAUSE, "penalty_talking": Action.PENALTY_TALKING,
    "penalty_pointing": Action.PENALTY_POINTING,
    "penalty_two_on_board": Action.PENALTY_TWO_ON_BOARD,
    "penalty_marking": Action.PENALTY_MARKING, "skip": Action.SKIP, "curveball": Action.CURVEBALL,
}


class RoomLink:
    def __init__(self, host: SessionHost, server: RoomServer) -> None:
        self.host = host
        self.server = server
        self._shown: dict[str, Any] | None = None
        host.listen(self._heard)

    def _heard(self, event: Event) -> None:
        """After the log and the screen: a beep buzzes the phone of the player who beeped."""
        if isinstance(event, BeepSounded | RetreatErred):
            self.server.tell(event.player, {"type": "beep"})

    def drain(self) -> bool:
        """Carry out what came in; tell the phones if what they may see changed. True if
        anything came in."""
        items = self.server.take()
        for item in items:
            self._carry_out(item)
        self.publish()
        return bool(items)

    def publish(self) -> None:
        view = public_view(self.host)
        if view != self._shown:
            self._shown = view
            self.server.publish(view)

    def _carry_out(self, item: Inbound) -> None:
        host = self.host
        if item.kind == "move":
            reply = host.move(DIRECTIONS[item.value], player=item.name, source=PHONE)
        elif item.kind == "column":
            reply = host.choose_column(item.value, player=item.name, source=PHONE)
        else:
            reply = self._act(item.value)
            if item.done is not None:
                item.done(reply.ok, reply.text or _("Done"))
            return
        if not reply.ok:
            self.server.reply(item.conn, {"type": "reply", "ok": False, "text": reply.text})

    def _act(self, name: str) -> Any:
        from maze.host.intents import Reply
        if name == "end":
            if self.host.session.state.ended:
                return Reply(False, _("The session is over"))
            self.host.end()
            return Reply(True, _("Session ended"))
        action = REMOTE_ACTIONS.get(name)
        if action is None:
            return Reply(False, _("Unknown action"))
        reply = self.host.act(action, source=REMOTE)
        if reply.ok and action is Action.CURVEBALL:
            return Reply(True, _("Curveball armed (silent)"))
        return reply
