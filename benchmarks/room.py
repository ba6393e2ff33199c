"""Room play benchmarks, each beside a baseline measured in the same run, everything on
127.0.0.1. Prints one table: figure, value, baseline, target, PASS/FAIL.

- tap -> beep on the board: a phone's WebSocket tap that beeps, until the board's session
  host has the beep (the frame that shows it is drawn in that same loop turn); baseline: the
  same step from a key press posted to the board's event queue.
- CPU of the program (board + server) with 30 idle phones connected, against the board with
  the room open and no phone, and the board alone; the phones run in another process.
- memory added by the room: resident size of the program with the server and 30 phones,
  against the same board before the room's modules were imported.

    python benchmarks/room.py            # about half a minute
    python benchmarks/room.py --quick    # fewer taps and shorter idles

Exit status 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

PHONES_SCRIPT = r"""
import asyncio, json, sys
import aiohttp
async def main(url, code, count, seconds):
    async with aiohttp.ClientSession() as http:
        sockets = []
        for i in range(count):
            ws = await http.ws_connect(url)
            await ws.send_str(json.dumps({"type": "join", "room": code, "name": f"P{i}"}))
            sockets.append(ws)
        print("connected", flush=True)
        async def idle(ws):
            async for _ in ws:
                pass
        try:
            await asyncio.wait_for(asyncio.gather(*(idle(ws) for ws in sockets)), seconds)
        except asyncio.TimeoutError:
            pass
asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))
"""


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Board:
    """The real board scene in the real app loop (blocking in SDL between events)."""

    def __init__(self, roster: tuple[str, ...], folder: Path) -> None:
        from maze.core.level import Level
        from maze.core.session import make_setup
        from maze.storage.log import SessionLog
        from maze.ui.app import App
        level = Level("Bench", 6, 6, ("B1", "B2", "C3", "C4", "C5", "D6"))
        self.setup = make_setup(level, "Bench", roster, None, {"retreat_pace": 0.005}, 1,
                                "bench001", "2026-11-22T10:00:00+00:00")
        self.app = App((1280, 800))
        self.folder = folder
        self.log = SessionLog(folder, self.setup)
        self.beeps: list[float] = []
        self.board = None

    def start(self, room=None) -> None:
        from maze.ui.scenes.board import BoardScene
        self.board = BoardScene(self.app, self.setup, self.log, room=room)
        self.board.host.listen(self._heard)
        self.app.start(self.board)
        self.app.draw(force=True)

    def _heard(self, event) -> None:
        if event.TYPE == "beep":
            self.beeps.append(time.perf_counter())

    def run_until(self, done, seconds: float) -> None:
        from maze.ui.waiting import EventWaiter
        waiter = EventWaiter()
        deadline = time.monotonic() + seconds
        while not done() and time.monotonic() < deadline and self.app.running:
            self.app.step(waiter.wait(min(0.5, self.app.wake_in() or 0.5)))

    def ready(self) -> bool:
        session = self.board.host.session
        return session.can_move() and session.state.position is None


def latency(board: Board, send, taps: int) -> list[float]:
    """Tap (from another thread) whenever the board is ready; time to the beep."""
    out: list[float] = []
    ready = threading.Event()
    stop = threading.Event()
    first = len(board.beeps)
    sent = [0]

    def tapper() -> None:
        for _ in range(taps):
            if not ready.wait(10) or stop.is_set():
                return
            ready.clear()
            seen = len(board.beeps)
            sent[0] += 1
            start = time.perf_counter()
            send()
            deadline = time.monotonic() + 10
            while len(board.beeps) == seen and time.monotonic() < deadline:
                time.sleep(0.0005)        # the tapper polls; the board loop is not slowed
            if len(board.beeps) > seen:
                out.append(board.beeps[seen] - start)

    thread = threading.Thread(target=tapper, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while thread.is_alive() and time.monotonic() < deadline:
        # Ready again once the last tap's beep is in and the walk back is over.
        def settled() -> bool:
            return (board.ready() and board.board.host.cursor == 0
                    and len(board.beeps) - first >= sent[0])
        if settled() and not ready.is_set():
            ready.set()
        board.run_until(lambda: not thread.is_alive() or (settled() and not ready.is_set()),
                        0.05)
    stop.set()
    ready.set()
    thread.join(5)
    return out


def cpu_share(board: Board, seconds: float) -> float:
    """Share of one core the whole program used while the board idled."""
    start_cpu, start = time.process_time(), time.monotonic()
    board.run_until(lambda: False, seconds)
    return (time.process_time() - start_cpu) / (time.monotonic() - start) * 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    taps = 40 if args.quick else 300
    idle = 2.0 if args.quick else 8.0
    import pygame
    pygame.init()
    rows: list[tuple[str, float, float, str, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="maze-room-bench-") as folder:
        roster = tuple(f"P{i}" for i in range(30))
        # --- the board alone: CPU while idle, memory before the room's modules
        alone = Board(roster, Path(folder) / "alone")
        alone.start()
        alone.board.host.cursor = 0
        cpu_alone = cpu_share(alone, idle)

        def key_up() -> None:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0,
                                                 unicode="", scancode=0))
        keys = latency(alone, key_up, taps)
        rss_before = rss_mb()
        alone.board.closing()

        # --- the board with the room
        from maze.room.server import RoomServer
        from maze.ui.scenes.board import ROOM_EVENT
        server = RoomServer((), "127.0.0.1", 0)
        server.wake = lambda: pygame.event.post(pygame.event.Event(ROOM_EVENT))
        server.start()
        roomed = Board(roster, Path(folder) / "room")
        roomed.start(server)
        roomed.board.host.cursor = 0
        cpu_room = cpu_share(roomed, idle)
        phones = subprocess.Popen([sys.executable, "-c", PHONES_SCRIPT, f"{server.address}ws",
                                   server.code, "30", str(idle * 2 + 30)],
                                  stdout=subprocess.PIPE, text=True)
        assert phones.stdout is not None
        line = phones.stdout.readline()
        assert line.strip() == "connected", line
        roomed.run_until(lambda: len(server.tokens) == 30, 10)
        cpu_phones = cpu_share(roomed, idle)
        rss_after = rss_mb()

        # the tapping phone is P0 (at the board in turn order only when its turn comes:
        # a one-player roster for the latency run)
        solo = Board(("P0",), Path(folder) / "solo")
        solo.start(server)
        solo.board.host.cursor = 0
        import asyncio
        import json

        import aiohttp
        loop = asyncio.new_event_loop()
        holder: dict[str, object] = {}

        async def connect() -> None:
            http = aiohttp.ClientSession()
            ws = await http.ws_connect(f"{server.address}ws")
            await ws.send_str(json.dumps({"type": "join", "room": server.code, "name": "P0"}))
            holder.update(http=http, ws=ws)

        solo.run_until(lambda: server.roster == ("P0",), 5)
        loop.run_until_complete(connect())
        reader = threading.Thread(target=loop.run_forever, daemon=True)
        reader.start()
        solo.run_until(lambda: "P0" in server.tokens, 5)

        def phone_up() -> None:
            asyncio.run_coroutine_threadsafe(
                holder["ws"].send_str('{"type": "move", "dir": "up"}'), loop).result(5)
        # Taps faster than the rate limit are dropped: pace them as a finger would.
        phone = latency(solo, lambda: (phone_up(), time.sleep(0.13)), taps)
        phones.terminate()
        phones.wait(10)
        solo.board.closing()
        server.stop()
        asyncio.run_coroutine_threadsafe(holder["http"].close(), loop).result(5)  # type: ignore[attr-defined]
        loop.call_soon_threadsafe(loop.stop)

    # The first taps warm up (fonts, the first flash drawn): left out of both.
    ms = [x * 1000 for x in phone[5:]]
    key_ms = [x * 1000 for x in keys[5:]]
    rows.append(("tap -> beep on board, p50 (ms)", statistics.median(ms),
                 statistics.median(key_ms), "-", "", True))
    p99 = percentile(ms, 0.99)
    rows.append(("tap -> beep on board, p99 (ms)", p99, percentile(key_ms, 0.99), "< 50",
                 "", p99 < 50))
    rows.append(("CPU, room + 30 idle phones (% core)", cpu_phones, cpu_room,
                 "< +2 over no phones", "", cpu_phones - cpu_room < 2))
    rows.append(("CPU, board alone (% core)", cpu_alone, cpu_alone, "-", "", True))
    added = rss_after - rss_before
    rows.append(("memory added by the room (MB)", added, rss_before, "< 30", "", added < 30))
    print(f"taps measured: phone {len(ms)}, keyboard {len(key_ms)} (after 5 warm-up taps "
          f"each); idle windows {idle:g} s; slowest phone taps (ms): "
          + ", ".join(f"{x:.1f}" for x in sorted(ms)[-3:]))
    print(f"{'figure':42} {'value':>9} {'baseline':>9}  target")
    failed = False
    for figure, value, baseline, target, _, ok in rows:
        verdict = "PASS" if ok else "FAIL"
        failed |= not ok
        print(f"{figure:42} {value:9.2f} {baseline:9.2f}  {target:22} {verdict}")
    print("baselines: latency = a key press posted to the same board; CPU = the room open "
          "with no phone; memory = the board before the room's modules were imported (MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
