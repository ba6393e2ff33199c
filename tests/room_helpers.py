"""A room with no window: a session host, the room's server on 127.0.0.1 and a pump thread
standing in for the app loop (it drains the phones' commands when woken, as the board does
each frame). Phones are aiohttp WebSocket clients."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

from maze.core.session import SessionSetup
from maze.host.host import SessionHost
from maze.room.link import RoomLink
from maze.room.server import RoomServer
from maze.storage.log import SessionLog


class LiveRoom:
    def __init__(self, tmp: Path, setup: SessionSetup, record: bool = True) -> None:
        self.setup = setup
        self.lock = threading.Lock()          # the test reads the host between pump rounds
        self.host = SessionHost(setup, SessionLog(tmp, setup), time.monotonic)
        self.woken = threading.Event()
        self.server = RoomServer(setup.roster, "127.0.0.1", 0, wake=self.woken.set)
        self.sent: list[str] = []
        if record:
            self.server.sent_to_players = self.sent.append
        self.link = RoomLink(self.host, self.server)
        self.server.start(freeze_gc=False)
        self._stop = threading.Event()
        self.rounds = 0
        self._pump = threading.Thread(target=self._run, daemon=True)
        self._pump.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.woken.wait(0.02)
            self.woken.clear()
            with self.lock:
                self.host.update()
                self.link.drain()
                self.rounds += 1

    def alive(self) -> bool:
        return self._pump.is_alive()

    def read(self, fn: Callable[[SessionHost], Any]) -> Any:
        with self.lock:
            return fn(self.host)

    def close(self) -> None:
        self._stop.set()
        self._pump.join(10)
        self.server.stop()
        self.host.close()

    @property
    def ws_url(self) -> str:
        return f"{self.server.address}ws"


class Phone:
    """One player's page, as its script would behave."""

    def __init__(self, room: LiveRoom, http: aiohttp.ClientSession) -> None:
        self.room = room
        self.http = http
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.name: str | None = None
        self.token: str | None = None
        self.view: dict[str, Any] | None = None
        self.beeps = 0
        self.replies: list[str] = []
        self.errors: list[str] = []
        self.received: list[dict[str, Any]] = []

    async def connect(self) -> None:
        self.ws = await self.http.ws_connect(self.room.ws_url)
        await self.until(lambda m: m["type"] == "hello")

    async def join(self, name: str, token: str | None = None) -> dict[str, Any]:
        await self.send({"type": "join", "room": self.room.server.code, "name": name,
                         "token": token if token is not None else self.token})
        answer = await self.until(lambda m: m["type"] in ("joined", "error"))
        if answer["type"] == "joined":
            self.name, self.token = answer["name"], answer["token"]
        return answer

    async def send(self, message: Any) -> None:
        assert self.ws is not None
        await self.ws.send_str(message if isinstance(message, str) else json.dumps(message))

    def _take(self, message: dict[str, Any]) -> None:
        self.received.append(message)
        match message["type"]:
            case "state":
                self.view = message
            case "beep":
                self.beeps += 1
            case "reply":
                self.replies.append(message["text"])
            case "error":
                self.errors.append(message["text"])

    async def until(self, wanted: Callable[[dict[str, Any]], bool],
                    timeout: float = 10.0) -> dict[str, Any]:
        """Read messages until one is wanted (a condition with a deadline, never a sleep)."""
        assert self.ws is not None
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no such message")
            msg = await self.ws.receive(timeout=left)
            if msg.type != aiohttp.WSMsgType.TEXT:
                raise ConnectionError(f"socket {msg.type}")
            message = json.loads(msg.data)
            self._take(message)
            if wanted(message):
                return message

    async def sees(self, wanted: Callable[[dict[str, Any]], bool], timeout: float = 10.0) -> None:
        """Wait until the latest public view is wanted (it may have come already)."""
        if self.view is not None and wanted(self.view):
            return
        await self.until(lambda m: m["type"] == "state" and wanted(m), timeout)

    async def drain(self) -> None:
        """Take whatever has arrived, without waiting."""
        assert self.ws is not None
        while True:
            try:
                msg = await self.ws.receive(timeout=0.001)
            except TimeoutError:
                return
            if msg.type != aiohttp.WSMsgType.TEXT:
                return
            self._take(json.loads(msg.data))

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll a condition until it holds (bounded)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition never held")
        time.sleep(0.005)


async def async_wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition never held")
        await asyncio.sleep(0.005)
