"""Room play on the real pygame board (headless): `maze play --room` serves phones on
127.0.0.1, shows the join card with its QR code, and takes phone taps and keys together."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp
import pygame
import pytest
from ui_helpers import key

from maze.cli import build_parser
from maze.storage.log import read_log
from maze.wiring import build_app

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def test_a_port_in_use_is_one_line_and_exit_1(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "maze", "play", "--players", "Ana,Ben",
                               "--room", "--bind", "127.0.0.1", "--port", str(port),
                               "--log-dir", str(tmp_path)], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"maze: --port {port}: already in use on 127.0.0.1"] or done.stderr.strip().endswith(
        f"--port {port}: already in use on 127.0.0.1")
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


class Phone(threading.Thread):
    """A phone on its own thread: joins as ``name``, then sends each tap put in ``taps``."""

    def __init__(self, url: str, code: str, name: str) -> None:
        super().__init__(daemon=True)
        self.url, self.code, self.name = url, code, name
        self.taps: list[dict[str, object]] = []
        self.received: list[dict[str, object]] = []
        self.joined = threading.Event()
        self.stop = threading.Event()

    def run(self) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        async with aiohttp.ClientSession() as http, http.ws_connect(self.url) as ws:
            deadline = time.monotonic() + 60
            while not self.stop.is_set() and time.monotonic() < deadline:
                while self.taps:
                    await ws.send_str(json.dumps(self.taps.pop(0)))
                try:
                    msg = await ws.receive(timeout=0.02)
                except TimeoutError:
                    continue
                if msg.type != aiohttp.WSMsgType.TEXT:
                    return
                message = json.loads(msg.data)
                self.received.append(message)
                if message["type"] == "hello" and self.name in message["roster"]:
                    # As the page does: join once the board has a session with this name
                    # (the room may be serving before the session starts).
                    await ws.send_str(json.dumps({"type": "join", "room": self.code,
                                                  "name": self.name}))
                if message["type"] == "joined":
                    self.joined.set()


def pump(app, until, timeout: float = 20.0) -> None:
    """The app loop, as `run` does it, until a condition holds (bounded)."""
    deadline = time.monotonic() + timeout
    while not until():
        assert time.monotonic() < deadline, "condition never held"
        app.step(pygame.event.get() or [])


def test_the_board_serves_the_room_shows_the_card_and_takes_taps_and_keys(tmp_path, capsys):
    args = build_parser().parse_args(["play", "--players", "Ana,Ben", "--room", "--bind",
                                      "127.0.0.1", "--port", "0", "--window", "1280x800",
                                      "--log-dir", str(tmp_path), "--seed", "3"])
    app = build_app(args)
    board = app.top
    server = board.room.server
    printed = capsys.readouterr().out
    assert server.join_url in printed and server.remote_url in printed
    try:
        app.step([])
        assert board.card is not None and not board._card_over_board()   # the announcement
        board.announcement = None                   # ...fades
        app.step([])
        assert board._card_over_board()
        ARTIFACTS.mkdir(exist_ok=True)
        pygame.image.save(app.screen, str(ARTIFACTS / "room-board-qr.png"))
        card, _ = board.card.area(board.layout())
        pixels = {tuple(app.screen.get_at((x, y)))[:3]
                  for x in range(card.x, card.right, 3) for y in range(card.y, card.bottom, 3)}
        assert (0, 0, 0) in pixels and (255, 255, 255) in pixels
        assert server.secret not in json.dumps(board.host.session.events[0].to_dict())
        ana = Phone(f"{server.address}ws", server.code, "Ana")
        ana.start()
        pump(app, ana.joined.is_set)
        # A key on the laptop and a tap on a phone, both at once: both count.
        app.step(key("Left"))
        assert board.cursor == board.setup.level.cols // 2 - 1
        ana.taps.append({"type": "move", "dir": "up"})
        pump(app, lambda: any(e.TYPE == "step" for e in board.session.events))
        step = next(e for e in board.session.events if e.TYPE == "step")
        assert step.player == "Ana"
        pump(app, lambda: not board._card_over_board())   # the card goes at the first step
        board.announcement = None
        app.step(key("F2"))                               # a late player: F2 shows it again
        assert board._card_over_board()
        app.step(key("F2"))
        assert not board._card_over_board()
        ana.stop.set()
        ana.join(10)
    finally:
        for scene in app.stack:
            scene.closing()
        for work in app.cleanup:
            work()
    lines = [json.loads(x) for x in board.log.path.read_text().splitlines()[1:]]
    assert [x.get("source") for x in lines if x["type"] == "step"] == ["phone"]
    assert read_log(board.log.path).events[-1].seq == board.session.events[-1].seq
    assert server.secret not in board.log.path.read_text()
    room_file = board.log.path.with_name(board.log.path.name + ".room")
    assert server.secret not in room_file.read_text() and "Ana" in room_file.read_text()


def test_resume_with_room_brings_the_phones_back_with_their_tokens(tmp_path):
    args = build_parser().parse_args(["play", "--players", "Ana,Ben", "--room", "--bind",
                                      "127.0.0.1", "--port", "0", "--window", "800x600",
                                      "--log-dir", str(tmp_path)])
    app = build_app(args)
    board = app.top
    server = board.room.server
    ana = Phone(f"{server.address}ws", server.code, "Ana")
    ana.start()
    try:
        pump(app, ana.joined.is_set)
        token = next(m["token"] for m in ana.received if m["type"] == "joined")
        ana.taps.append({"type": "move", "dir": "up"})
        pump(app, lambda: any(e.TYPE == "step" for e in board.session.events))
    finally:
        ana.stop.set()
        ana.join(10)
        for scene in app.stack:
            scene.closing()          # the window closes: the session is unfinished
        for work in app.cleanup:
            work()
    code, log = server.code, board.log.path
    again = build_app(build_parser().parse_args(["resume", str(log), "--room", "--bind",
                                                 "127.0.0.1", "--port", "0", "--window",
                                                 "800x600"]))
    resumed = again.top
    room = resumed.room.server
    try:
        assert room.code == code and room.tokens.get("Ana") == token
        stranger = Phone(f"{room.address}ws", code, "Ana")
        stranger.start()
        pump(again, lambda: any(m["type"] == "error" for m in stranger.received))
        assert "another device" in next(m["text"] for m in stranger.received
                                        if m["type"] == "error")
        back_token = token

        class WithToken(Phone):
            async def _run(self) -> None:       # joins with the kept token
                async with aiohttp.ClientSession() as http, http.ws_connect(self.url) as ws:
                    await ws.send_str(json.dumps({"type": "join", "room": self.code,
                                                  "name": self.name, "token": back_token}))
                    deadline = time.monotonic() + 30
                    while not self.stop.is_set() and time.monotonic() < deadline:
                        try:
                            msg = await ws.receive(timeout=0.02)
                        except TimeoutError:
                            continue
                        if msg.type != aiohttp.WSMsgType.TEXT:
                            return
                        self.received.append(json.loads(msg.data))
                        if self.received[-1]["type"] == "joined":
                            self.joined.set()

        back = WithToken(f"{room.address}ws", code, "Ana")
        back.start()
        pump(again, back.joined.is_set)
        back.stop.set()
        stranger.stop.set()
        back.join(10)
        stranger.join(10)
    finally:
        for scene in again.stack:
            scene.closing()
        for work in again.cleanup:
            work()


def test_the_real_program_wakes_for_a_phones_tap(tmp_path):
    """`maze play --room` as a process: the app loop blocks in SDL between events, and a tap
    from a phone wakes it (the server thread posts a pygame event); the step is logged."""
    program = subprocess.Popen(
        [sys.executable, "-m", "maze", "play", "--players", "Ana,Ben", "--room", "--bind",
         "127.0.0.1", "--port", "0", "--log-dir", str(tmp_path), "--no-sound"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    try:
        assert program.stdout is not None
        first = program.stdout.readline()
        remote = program.stdout.readline()
        assert first.startswith("Room play: players open http://127.0.0.1:")
        assert "/f/" in remote and "keep it off the projector" in remote
        url = first.split()[4]
        code = url.rsplit("room=", 1)[1]
        address = url.split("?", 1)[0]
        ana = Phone(f"{address}ws", code, "Ana")
        ana.start()
        assert ana.joined.wait(20)
        ana.taps.append({"type": "move", "dir": "up"})
        deadline = time.monotonic() + 20
        logs = list(tmp_path.glob("*.jsonl"))
        while time.monotonic() < deadline:
            logs = list(tmp_path.glob("*.jsonl"))
            if logs and '"type": "step"' in logs[0].read_text():
                break
            time.sleep(0.02)
        ana.stop.set()
        ana.join(10)
        step = next(json.loads(x) for x in logs[0].read_text().splitlines()
                    if '"type": "step"' in x)
        assert step["player"] == "Ana" and step["source"] == "phone"
        assert remote.split()[-1].rsplit("/", 1)[1] not in logs[0].read_text()
    finally:
        program.kill()
        program.wait(10)


@pytest.mark.parametrize("size", ["1024x768", "1920x1080"])
def test_the_whole_join_card_shows_once_the_opening_announcement_ends(tmp_path, size):
    """The card comes over the board when the opening announcement ends: the frame then was
    only the announcement's band redrawn, a strip of the code (no phone could scan it) and, at
    1024x768, no address. Now the whole code is on screen, pixel for pixel, inside the window,
    with the address and the room code under it."""
    from maze.ui.text import TextAudit
    args = build_parser().parse_args(["play", "--players", "Ana,Ben", "--room", "--bind",
                                      "127.0.0.1", "--port", "0", "--window", size,
                                      "--log-dir", str(tmp_path), "--seed", "3"])
    app = build_app(args)
    board = app.top
    try:
        app.step([])
        for work in app.after_first_frame:      # as the program's loop does after its first frame
            work()
        app.step([])
        assert board.card is not None and not board._card_over_board()   # the announcement
        board.announcement = None                                        # ...ends
        app.text.audit = TextAudit()
        app.step([])
        audit, app.text.audit = app.text.audit, None
        card = board.card
        code = card.qr_image()
        assert code is not None and app.screen.get_rect().contains(card.qr_rect)
        shown = app.screen.subsurface(card.qr_rect)
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(code, "RGB")
        drawn = [p for p in audit.placed if p.text in (card.address, f"Room {card.code}")]
        assert len(drawn) == 2 and all(app.screen.get_rect().contains(p.rect) for p in drawn)
        assert audit.problems(app.screen.get_height()) == []
    finally:
        for scene in app.stack:
            scene.closing()
        for work in app.cleanup:
            work()
