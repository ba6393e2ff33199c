"""The room's server: HTTP and WebSocket (aiohttp) on an asyncio loop in a background thread.

The pygame loop stays the main thread and owns the session host. This thread only checks and
forwards: a player's page joins under a name from the roster (one device per name, a reconnect
token kept by the browser), and its taps become ``Inbound`` items in a thread-safe queue that
the main thread drains each frame (``wake`` tells it to look, e.g. by posting a pygame event).
What the main thread has to say comes back through ``loop.call_soon_threadsafe``.

Every message from the network is bounded (size), parsed defensively, typed, and rate-limited
per device; anything else gets an error frame or is dropped, and never reaches the host. The
facilitator's remote answers only under its secret path; the access log is off, so the secret
is never written anywhere.
"""

from __future__ import annotations

import asyncio
import gc
import hmac
import json
import os
import queue
import secrets
import socket
import threading
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from maze.lang import _
from maze.room.view import DIRECTIONS
from maze.room.words import page, player_words, remote_words

MAX_MESSAGE = 512              # bytes: the largest message a page ever sends is ~60
TAPS_PER_SECOND = 8.0          # a finger tapping fast; more is a stuck key or a script
TAP_BURST = 8.0
ERRORS_BEFORE_CLOSE = 200      # a device sending nothing but garbage is cut off
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"    # no I or O: read off a projector as 1 or 0
FACILITATOR_ACTIONS = ("pause", "penalty_talking", "penalty_pointing", "penalty_two_on_board",
                       "penalty_marking", "skip", "curveball", "end", "free")


class PortInUse(OSError):
    """The port is taken (another program, or another room)."""


class Inbound:
    """A command for the main thread: what, from which device and name."""

    __slots__ = ("kind", "conn", "name", "value", "done")

    def __init__(self, kind: str, conn: int, name: str, value: Any,
                 done: Callable[[bool, str], None] | None = None) -> None:
        self.kind, self.conn, self.name, self.value, self.done = kind, conn, name, value, done


class _Bucket:
    """A token bucket: ``TAPS_PER_SECOND`` on average, bursts of ``TAP_BURST``."""

    def __init__(self) -> None:
        self.level = TAP_BURST
        self.at = time.monotonic()
        self.told_at = -1.0            # when the device was last told to slow down

    def take(self) -> bool:
        now = time.monotonic()
        self.level = min(TAP_BURST, self.level + (now - self.at) * TAPS_PER_SECOND)
        self.at = now
        if self.level < 1.0:
            return False
        self.level -= 1.0
        return True


def _page(name: str) -> bytes:
    return resources.files("maze.web").joinpath(name).read_bytes()


STATIC = {"player.js": "text/javascript", "player.css": "text/css", "remote.js": "text/javascript"}


def lan_address() -> str:
    """The laptop's address on its network, found without sending anything (a UDP socket's
    connect only asks the routing table); 127.0.0.1 if there is none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.254.254.254", 9))
            address = probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    return address if address and not address.startswith("0.") else "127.0.0.1"


def remembered(path: Path) -> tuple[str | None, dict[str, str]]:
    """The room code and tokens kept beside a log (None and {} if there are none)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, {}
    if not isinstance(data, dict):
        return None, {}
    code, tokens = data.get("room"), data.get("tokens")
    ok_code = code if isinstance(code, str) and len(code) == 4 and code.isalpha() else None
    if not isinstance(tokens, dict):
        return ok_code, {}
    return ok_code, {k: v for k, v in tokens.items() if isinstance(k, str) and isinstance(v, str)}


def room_file(log_path: Path) -> Path:
    """Where a session's room keeps its code and tokens: beside the log."""
    return log_path.with_name(log_path.name + ".room")


def room_code(rng: secrets.SystemRandom | None = None) -> str:
    """Four letters a player types or scans (no I, no O)."""
    rng = rng or secrets.SystemRandom()
    return "".join(rng.choice(CODE_LETTERS) for _ in range(4))


class RoomServer:
    def __init__(self, roster: tuple[str, ...], bind: str, port: int,
                 wake: Callable[[], None] = lambda: None, code: str | None = None,
                 secret: str | None = None, tokens: dict[str, str] | None = None) -> None:
        self.roster = roster
        self.bind = bind
        self.wake = wake
        self.code = code or room_code()
        self.secret = secret or secrets.token_urlsafe(18)
        # name -> reconnect token (kept by that player's browser); carried over a resume
        self.tokens: dict[str, str] = dict(tokens or {})
        self.remember: Path | None = None
        self.inbox: queue.SimpleQueue[Inbound] = queue.SimpleQueue()
        self._sock = self._open(bind, port)
        self.port: int = self._sock.getsockname()[1]
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._conns: dict[int, web.WebSocketResponse] = {}
        self._names: dict[int, str] = {}          # connection -> the name it plays
        self._next_conn = 0
        self._view: dict[str, Any] | None = None
        self.sent_to_players: Callable[[str], None] | None = None   # tests record every byte
        self._ready = threading.Event()
        self.refused = 0                  # messages answered with an error frame
        self.examined = 0                 # every frame read from a player's page
        self.limited = 0                  # taps dropped by the rate limit

    @staticmethod
    def _open(bind: str, port: int) -> socket.socket:
        family = socket.AF_INET6 if ":" in bind else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((bind, port))
        except OSError as exc:
            sock.close()
            if exc.errno in (98, 48, 10048):      # EADDRINUSE on Linux, macOS, Windows
                raise PortInUse(_("{option}: already in use on {address}").format(
                    option=f"--port {port}", address=bind)) from None
            raise OSError(_("{option}: cannot listen there ({reason})").format(
                option=f"--bind {bind}", reason=exc.strerror or exc)) from None
        sock.listen(128)
        sock.setblocking(False)
        return sock

    # ------------------------------------------------------------------ life
    @property
    def address(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.port}/"

    @property
    def join_url(self) -> str:
        return f"{self.address}?room={self.code}"

    @property
    def remote_url(self) -> str:
        return f"{self.address}f/{self.secret}"

    def start(self, freeze_gc: bool = True) -> None:
        """Serve, on a background thread. ``freeze_gc`` False for tests that start many
        rooms in one process (frozen objects are never collected)."""
        # Everything allocated so far (pygame, fonts, the level, aiohttp's modules) lives as
        # long as the program: take it out of the garbage collector's full scans, which
        # otherwise pause a tap now and then by tens of milliseconds (benchmarks/room.py).
        if freeze_gc:
            gc.freeze()
        self._thread = threading.Thread(target=self._run, name="maze-room", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise OSError(_("the room's server did not start"))

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application(client_max_size=4096)
        app.router.add_get("/", self._player_page)
        app.router.add_get("/ws", self._player_socket)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/f/{secret}", self._remote_page)
        app.router.add_get("/f/{secret}/state", self._remote_state)
        app.router.add_post("/f/{secret}/act", self._remote_act)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        self._loop.run_until_complete(self._runner.setup())
        site = web.SockSite(self._runner, self._sock)
        self._loop.run_until_complete(site.start())
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._runner.cleanup())
        self._loop.close()

    def stop(self) -> None:
        """Close every connection and the listening socket; the thread ends."""
        if self._thread is None or not self._thread.is_alive():
            return

        async def close_all() -> None:
            for ws in list(self._conns.values()):
                await ws.close()
            self._loop.stop()

        self._loop.call_soon_threadsafe(lambda: asyncio.ensure_future(close_all()))
        self._thread.join(10)

    # ------------------------------------------------------------------ from the main thread
    def take(self) -> list[Inbound]:
        """Everything the phones and the remote asked for since the last call."""
        items: list[Inbound] = []
        while True:
            try:
                items.append(self.inbox.get_nowait())
            except queue.Empty:
                return items

    def publish(self, view: dict[str, Any]) -> None:
        """A new public view of the session: every phone gets it."""
        self._call(self._broadcast, dict(view))

    def tell(self, name: str, message: dict[str, Any]) -> None:
        """A message for the device that plays ``name`` (a beep), if any."""
        self._call(self._tell_name, name, message)

    def reply(self, conn: int, message: dict[str, Any]) -> None:
        self._call(self._send_conn, conn, message)

    def attach(self, roster: tuple[str, ...], remember: Path | None = None) -> None:
        """A session starts (or resumes) in this room: its roster; tokens are kept in
        ``remember`` (beside the session's log) so a resumed room lets phones back in. A new
        roster (the next team) frees every name."""
        def swap() -> None:
            if self.roster and tuple(roster) != self.roster:    # the next team
                for name in list(self.tokens):
                    self._free(name)
            self.roster = tuple(roster)
            self.remember = remember
            self._save()
            for conn in list(self._conns):
                self._send_conn(conn, {"type": "hello", "roster": list(self.roster)})
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(swap)
        else:
            swap()

    def _save(self) -> None:
        """Write the room's code and tokens beside the log (never the facilitator's secret),
        readable by this user only; a failure only means phones pick their names again."""
        if self.remember is None:
            return
        data = json.dumps({"room": self.code, "tokens": self.tokens})
        try:
            temp = self.remember.with_name(self.remember.name + ".tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(temp, self.remember)
        except OSError:
            pass

    def free(self, name: str) -> bool:
        """Let another device take ``name`` (the facilitator frees it from the laptop)."""
        if name not in self.tokens:
            return False
        self._call(self._free, name)
        return True

    def _call(self, fn: Callable[..., Any], *args: Any) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(fn, *args)

    # ------------------------------------------------------------------ on the network thread
    def _send_text(self, conn: int, text: str) -> None:
        ws = self._conns.get(conn)
        if ws is None or ws.closed:
            return
        if self.sent_to_players is not None:
            self.sent_to_players(text)
        asyncio.ensure_future(self._safe_send(ws, text))

    @staticmethod
    async def _safe_send(ws: web.WebSocketResponse, text: str) -> None:
        try:
            await ws.send_str(text)
        except (ConnectionError, RuntimeError):
            pass                        # the phone went away; it reconnects with its token

    def _send_conn(self, conn: int, message: dict[str, Any]) -> None:
        self._send_text(conn, json.dumps(message, ensure_ascii=False))

    def _broadcast(self, view: dict[str, Any]) -> None:
        self._view = view
        text = json.dumps(view, ensure_ascii=False)
        for conn in list(self._conns):
            self._send_text(conn, text)

    def _tell_name(self, name: str, message: dict[str, Any]) -> None:
        for conn, who in list(self._names.items()):
            if who == name:
                self._send_conn(conn, message)

    def _free(self, name: str) -> None:
        if self.tokens.pop(name, None) is not None:
            self._save()
        for conn, who in list(self._names.items()):
            if who == name:
                del self._names[conn]
                self._send_conn(conn, {"type": "freed", "text": _("The facilitator freed your name")})

    async def _player_page(self, request: web.Request) -> web.Response:
        return web.Response(body=page("player.html", player_words()), content_type="text/html",
                            headers=_NO_STORE)

    async def _static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in STATIC:
            raise web.HTTPNotFound()
        return web.Response(body=_page(name), content_type=STATIC[name], headers=_NO_STORE)

    async def _player_socket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20.0)
        await ws.prepare(request)
        conn = self._next_conn = self._next_conn + 1
        self._conns[conn] = ws
        bucket = _Bucket()
        errors = 0
        try:
            self._send_conn(conn, {"type": "hello", "roster": list(self.roster)})
            async for msg in ws:
                self.examined += 1
                if msg.type != WSMsgType.TEXT:
                    if msg.type == WSMsgType.BINARY:
                        errors += 1
                        self.refused += 1
                        self._send_conn(conn, {"type": "error", "text": _("Text messages only")})
                    continue
                problem = self._player_message(conn, msg.data, bucket)
                if problem:
                    errors += 1
                    self.refused += 1
                    self._send_conn(conn, {"type": "error", "text": problem})
                    if errors >= ERRORS_BEFORE_CLOSE:
                        break
        finally:
            self._conns.pop(conn, None)
            self._names.pop(conn, None)
            if not ws.closed:
                await ws.close()
        return ws

    def _player_message(self, conn: int, data: str, bucket: _Bucket) -> str | None:
        """Check one message from a player's page and forward it; the problem, if any."""
        if len(data) > MAX_MESSAGE:
            return _("Message too long")
        try:
            message = json.loads(data, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            return _("Not a message this page sends")
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            return _("Not a message this page sends")
        kind = message["type"]
        if kind == "join":
            return self._join(conn, message)
        if kind not in ("move", "column"):
            return _("Unknown message")
        name = self._names.get(conn)
        if name is None:
            return _("Pick your name first")
        if not bucket.take():
            # Dropped; said at most once a second, and not held against the device as
            # garbage (a fast finger is not an attack).
            self.limited += 1
            now = time.monotonic()
            if now - bucket.told_at >= 1.0:
                bucket.told_at = now
                self._send_conn(conn, {"type": "reply", "ok": False,
                                       "text": _("Slow down: one tap at a time")})
            return None
        if kind == "move":
            direction = message.get("dir")
            if not isinstance(direction, str) or direction not in DIRECTIONS:
                return _("Unknown direction")
            self._forward(Inbound("move", conn, name, direction))
        else:
            col = message.get("col")
            if type(col) is not int or not 0 <= col < 26:
                return _("Unknown column")
            self._forward(Inbound("column", conn, name, col))
        return None

    def _join(self, conn: int, message: dict[str, Any]) -> str | None:
        name, token, code = message.get("name"), message.get("token"), message.get("room")
        if not isinstance(code, str) or not hmac.compare_digest(code.upper().encode(),
                                                                self.code.encode()):
            return _("Wrong room code")
        if not self.roster:
            return _("The session has not started yet")
        if not isinstance(name, str) or name not in self.roster:
            return _("Pick a name from the list")
        if token is not None and not isinstance(token, str):
            return _("Not a message this page sends")
        held = self.tokens.get(name)
        if held is not None and not (token and hmac.compare_digest(token.encode(), held.encode())):
            return _("{name} is already playing on another device (the facilitator can free "
                     "it)").format(name=name)
        if held is None:
            held = self.tokens[name] = secrets.token_urlsafe(18)
            self._save()
        for other, who in list(self._names.items()):      # the same player's older device
            if who == name and other != conn:
                del self._names[other]
                self._send_conn(other, {"type": "freed", "text": _("Playing on another device now")})
        self._names[conn] = name
        self._send_conn(conn, {"type": "joined", "name": name, "token": held})
        if self._view is not None:
            self._send_conn(conn, self._view)
        return None

    def _forward(self, item: Inbound) -> None:
        self.inbox.put(item)
        self.wake()

    # ------------------------------------------------------------------ the facilitator
    def _check_secret(self, request: web.Request) -> None:
        given = request.match_info.get("secret", "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            raise web.HTTPNotFound()

    async def _remote_page(self, request: web.Request) -> web.Response:
        self._check_secret(request)
        return web.Response(body=page("remote.html", remote_words()), content_type="text/html",
                            headers={**_NO_STORE, "Referrer-Policy": "no-referrer"})

    async def _remote_state(self, request: web.Request) -> web.Response:
        self._check_secret(request)
        claimed = sorted(self.tokens)
        return web.json_response({"view": self._view, "claimed": claimed,
                                  "online": sorted(set(self._names.values()))},
                                 headers=_NO_STORE)

    async def _remote_act(self, request: web.Request) -> web.Response:
        self._check_secret(request)
        try:
            body = await request.json(loads=lambda s: json.loads(s, parse_constant=_no_constant))
        except (ValueError, RecursionError):
            raise web.HTTPBadRequest(text=_("Not JSON")) from None
        action = body.get("action") if isinstance(body, dict) else None
        if action not in FACILITATOR_ACTIONS:
            raise web.HTTPBadRequest(text=_("Unknown action"))
        if action == "free":
            name = body.get("name")
            ok = isinstance(name, str) and name in self.tokens
            if ok:
                self._free(name)
            return web.json_response({"ok": ok, "text": _("Freed {name}").format(name=name)
                                      if ok else _("Not taken")})
        future: asyncio.Future[tuple[bool, str]] = self._loop.create_future()

        def settle(ok: bool, text: str) -> None:
            if not future.done():
                future.set_result((ok, text))

        def done(ok: bool, text: str) -> None:
            self._loop.call_soon_threadsafe(settle, ok, text)

        self._forward(Inbound("act", 0, "", action, done))
        try:
            ok, text = await asyncio.wait_for(future, 5.0)
        except TimeoutError:
            return web.json_response({"ok": False, "text": _("The board did not answer")})
        return web.json_response({"ok": ok, "text": text})


_NO_STORE = {"Cache-Control": "no-store"}


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")
