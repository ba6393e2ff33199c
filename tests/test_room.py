"""Room play over the network on 127.0.0.1: players' phones join by name, only the player at
the board moves, one step per tap; taps are rate-limited; the facilitator's remote needs its
secret; nothing a phone receives names a square of any path."""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
from typing import Any

import aiohttp
import pytest
from helpers import make_level, make_setup
from room_helpers import LiveRoom, Phone, async_wait_for

from maze.core.events import PathChanged, StepTaken
from maze.core.session import replay
from maze.room.server import MAX_MESSAGE, TAP_BURST, PortInUse, RoomServer
from maze.storage.log import read_log


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 120))


@pytest.fixture
def room(tmp_path):
    live = LiveRoom(tmp_path, make_setup(flags={"retreat_pace": 0.05}))
    yield live
    live.close()


def steps(room: LiveRoom) -> list[StepTaken]:
    return room.read(lambda h: [e for e in h.session.events if isinstance(e, StepTaken)])


def test_players_join_by_name_and_only_the_player_at_the_board_moves(room):
    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            ana, ben = Phone(room, http), Phone(room, http)
            await ana.connect()
            await ben.connect()
            assert (await ana.join("Ana"))["type"] == "joined"
            assert (await ben.join("Ben"))["type"] == "joined"
            await ana.until(lambda m: m["type"] == "state")
            assert ana.view["at_board"] == "Ana" and ana.view["turns"]["Ben"] == 1
            # Ben taps out of turn: a gentle answer, nothing logged.
            await ben.send({"type": "move", "dir": "up"})
            answer = await ben.until(lambda m: m["type"] == "reply")
            assert answer["text"] == "Not your turn: Ana is at the board"
            assert steps(room) == []
            # Ana taps once: exactly one step, from her phone.
            await ana.send({"type": "move", "dir": "up"})
            await async_wait_for(lambda: len(steps(room)) == 1)
            assert steps(room)[0].player == "Ana"
            # C1 beeps: Ana's phone buzzes; the walk back ends and it is Ben's turn.
            await ana.until(lambda m: m["type"] == "beep")
            await ben.sees(lambda v: v["at_board"] == "Ben")
            assert len(steps(room)) == 1
            # A second device cannot take a name in use without its token; with it, it can.
            thief = Phone(room, http)
            await thief.connect()
            refused = await thief.join("Ana", token="guess")
            assert refused["type"] == "error" and "another device" in refused["text"]
            again = Phone(room, http)
            await again.connect()
            assert (await again.join("Ana", token=ana.token))["type"] == "joined"
            await ana.until(lambda m: m["type"] == "freed")
            for phone in (ana, ben, thief, again):
                await phone.close()
    run(play())
    lines = [json.loads(x) for x in room.host.log.path.read_text().splitlines()[1:]]
    assert [x.get("source") for x in lines if x["type"] == "step"] == ["phone"]


def test_taps_are_rate_limited_per_device(room):
    async def play() -> None:
        async with aiohttp.ClientSession() as http:
            ana = Phone(room, http)
            await ana.connect()
            await ana.join("Ana")
            for _ in range(40):
                await ana.send({"type": "column", "col": 0})
            await ana.until(lambda m: m["type"] == "reply", timeout=10)
            assert ana.replies == ["Slow down: one tap at a time"] and ana.errors == []
            await async_wait_for(lambda: room.server.limited >= 40 - TAP_BURST - 4)
            await ana.close()
    run(play())


def test_a_port_in_use_is_one_clear_line():
    first = RoomServer(("Ana",), "127.0.0.1", 0)
    try:
        with pytest.raises(PortInUse) as info:
            RoomServer(("Ana",), "127.0.0.1", first.port)
        assert str(info.value) == f"--port {first.port}: already in use on 127.0.0.1"
    finally:
        first._sock.close()


def test_the_facilitators_remote_refuses_anything_without_its_secret(room):
    async def probe() -> None:
        base = room.server.address
        secret = room.server.secret
        async with aiohttp.ClientSession() as http:
            for path in ("f/", "f/x", f"f/{secret[:-1]}", f"f/{secret}x", f"f/{secret.upper()}",
                         "f/x/state", f"f/{secret[:-1]}/state"):
                async with http.get(base + path) as r:
                    assert r.status == 404, path
            for path in ("f/x/act", f"f/{secret[:-1]}/act", "f//act"):
                async with http.post(base + path, json={"action": "end"}) as r:
                    assert r.status == 404, path
            async with http.get(base + f"f/{secret}") as r:
                assert r.status == 200 and "Facilitator" in await r.text()
            async with http.post(base + f"f/{secret}/act", json={"action": "pause"}) as r:
                assert (await r.json())["ok"]
            async with http.post(base + f"f/{secret}/act", json={"action": "rm -rf"}) as r:
                assert r.status == 400
    run(probe())
    assert room.read(lambda h: h.session.state.paused and not h.session.state.ended)


def test_pages_scripts_and_styles_come_from_the_package(room):
    async def fetch() -> None:
        async with aiohttp.ClientSession() as http:
            for path, kind in (("", "text/html"), ("static/player.js", "text/javascript"),
                               ("static/player.css", "text/css"),
                               ("static/remote.js", "text/javascript")):
                async with http.get(room.server.address + path) as r:
                    assert r.status == 200 and r.content_type == kind
                    body = await r.text()
                    assert "http://" not in body and "https://" not in body   # no CDN
            async with http.get(room.server.address + "static/..%2fserver.py") as r:
                assert r.status == 404
    run(fetch())


# ---------------------------------------------------------------- the path never leaves
def _forms(name: str) -> list[str]:
    col, row = ord(name[0]) - ord("A"), int(name[1:]) - 1
    return [name, name.lower(), f"{name[0]} {name[1:]}", f"{name[0]}-{name[1:]}",
            f"[{col}, {row}]", f"[{col},{row}]", f"({col}, {row})", f'"col": {col}, "row": {row}',
            f'"row": {row}']


async def _play_through_phones(room: LiveRoom, seed: int, phones: dict[str, Phone],
                               drop: list[str] | None = None) -> None:
    """Play the session to its end from the phones, the moves chosen by a simulated team
    (the test reads the host between rounds to choose, as a player watches the projector);
    the remote fires a curveball after the first execution crossing. ``drop``: players whose
    phones drop and reconnect every few taps."""
    from maze.sim.team import STYLE_TABLE, choose
    rng = random.Random(seed)
    style = STYLE_TABLE["bold"]
    curveball_sent = False
    http = next(iter(phones.values())).http
    for tap in range(3000):
        state = room.read(lambda h: (h.finished, h.session.can_move(), h.session.state.current_player,
                                     h.session.state.position, h.session.state.retreat, h.cursor,
                                     h.session.state.execution_crossings))
        finished, can_move, player, position, retreat, cursor, crossings = state
        if finished:
            return
        if crossings >= 1 and not curveball_sent:
            curveball_sent = True
            url = f"{room.server.address}f/{room.server.secret}/act"
            async with http.post(url, json={"action": "curveball"}) as r:
                assert r.status == 200
        if drop and tap % 7 == 0:
            name = drop[tap // 7 % len(drop)]
            old = phones[name]
            await old.close()
            fresh = Phone(room, http)
            await fresh.connect()
            assert (await fresh.join(name, token=old.token))["type"] == "joined"
            phones[name] = fresh
        if not can_move:
            await async_wait_for(lambda: room.read(
                lambda h: h.finished or h.session.can_move()), timeout=10)
            continue
        target = room.read(lambda h: choose(h.session, style, rng))
        phone = phones[player]
        before = room.read(lambda h: len(h.session.events))
        if target is None:
            async with http.post(f"{room.server.address}f/{room.server.secret}/act",
                                 json={"action": "skip"}) as r:
                assert (await r.json())["ok"]
            continue
        if position is None and retreat is None:
            if target.col != cursor:
                await _tap(phone, {"type": "column", "col": target.col},
                           lambda col=target.col: room.read(lambda h: h.cursor) == col)
            message = {"type": "move", "dir": "up"}
        else:
            dcol, drow = target.col - position.col, target.row - position.row
            names = {(0, 1): "up", (0, -1): "down", (-1, 0): "left", (1, 0): "right",
                     (-1, 1): "up_left", (1, 1): "up_right", (-1, -1): "down_left",
                     (1, -1): "down_right"}
            message = {"type": "move", "dir": names[(dcol, drow)]}
        # Every tap of the player at the board becomes a step: nothing is lost.
        await _tap(phone, message,
                   lambda n=before: room.read(lambda h: len(h.session.events)) > n)
    raise AssertionError("the session did not end")


async def _tap(phone: Phone, message: dict[str, Any], done: Any) -> None:
    """Tap until it takes: a tap dropped by the rate limit (the test taps far faster than a
    finger) is tapped again a moment later, as a player would; any other answer is a
    failure. Bounded by a deadline."""
    import time
    deadline = time.monotonic() + 20
    limited = phone.room.server.limited
    await phone.send(message)
    sent_at = time.monotonic()
    while not done():
        assert time.monotonic() < deadline, "the tap never took"
        try:
            await phone.until(lambda m: m["type"] in ("error", "reply"), timeout=0.02)
        except TimeoutError:
            pass
        assert phone.errors == [], phone.errors
        assert set(phone.replies) <= {"Slow down: one tap at a time"}, phone.replies
        dropped = phone.room.server.limited > limited
        if dropped and not done() and time.monotonic() - sent_at > 0.15:
            limited = phone.room.server.limited
            await phone.send(message)            # the bucket refills one tap per 1/8 s
            sent_at = time.monotonic()


async def _everyone_plays(live: LiveRoom, seed: int) -> None:
    async with aiohttp.ClientSession() as http:
        phones = {}
        for name in live.setup.roster:
            phones[name] = Phone(live, http)
            await phones[name].connect()
            await phones[name].join(name)
        await _play_through_phones(live, seed, phones)
        for phone in phones.values():
            await phone.sees(lambda v: v["phase"] == "ended")
            await phone.close()


def test_nothing_sent_to_players_names_a_square_of_any_path_curveball_included(tmp_path):
    for seed, rules in ((1, None), (2, {"retreat": "manual"})):
        level = make_level(rules=rules, alternate=("C1", "B2", "B3", "C4"))
        live = LiveRoom(tmp_path / str(seed), make_setup(level, flags={"retreat_pace": 0.05,
                                                                       "time_limit": 900}))
        try:
            run(_everyone_plays(live, seed))
        finally:
            live.close()
        events = read_log(live.host.log.path).events
        assert level.curveball is not None and level.curveball.path is not None
        paths = set(level.path) | set(level.curveball.path)
        paths |= {sq for e in events if isinstance(e, PathChanged) for sq in e.path}
        assert any(isinstance(e, PathChanged) for e in events), "the curveball fired"
        # Reconnect tokens are random letters (they may spell "b3" by chance): the rest of
        # every message is searched.
        messages = [json.loads(text) for text in live.sent]
        sent = "\n".join(json.dumps({k: v for k, v in m.items() if k != "token"})
                         for m in messages)
        assert len(messages) > 50 and sum(m["type"] == "beep" for m in messages) > 0
        for name in paths:
            for form in _forms(name):
                assert form not in sent, (name, form)
        assert not re.search(r'"(path|square|knowledge|trail|alternate|beeped)"', sent)


# ---------------------------------------------------------------- hostile messages
def _hostile(rng: random.Random, code: str) -> Any:
    choices = [
        lambda: bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40))),
        lambda: "".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randrange(0, 60))),
        lambda: "x" * rng.choice((513, 4096, 70000)),
        lambda: "[" * rng.randrange(1, 3000),
        lambda: json.dumps({"type": rng.choice(["move", "column", "join", "act", "", None, 5]),
                            "dir": rng.choice(["up", "UP", "sideways", None, 7, [], {}]),
                            "col": rng.choice([0, -1, 99, 1.5, "2", None, True, 2**70]),
                            "name": rng.choice(["Ana", "<script>", "", None, "Ana" * 200]),
                            "room": rng.choice([code, code.lower(), "ZZZZ", None, 1]),
                            "token": rng.choice([None, "", "x", 5, ["a"]])}),
        lambda: rng.choice(["null", "1", '"move"', "[]", "{}", "NaN", '{"type": NaN}',
                            '{"type":"move","dir":"up"}', '{"type":"join"}', "\x00", "{"]),
    ]
    return rng.choice(choices)()


def test_fuzzed_hostile_messages_never_crash_the_server_or_stall_the_session(room):
    count = 10_000 if os.environ.get("CI") == "true" else 2000
    seed = int(os.environ.get("MAZE_FUZZ_SEED") or random.randrange(2**32))
    print(f"fuzz seed {seed}, {count} messages")
    rng = random.Random(seed)

    async def attack() -> None:
        async with aiohttp.ClientSession() as http:
            sent = oversized = 0
            while sent < count:
                ws = await http.ws_connect(room.ws_url, max_msg_size=0)
                for _ in range(rng.randrange(1, 150)):     # under the server's error limit
                    message = _hostile(rng, room.server.code)
                    if isinstance(message, bytes):
                        await ws.send_bytes(message)
                    else:
                        await ws.send_str(message)
                    sent += 1
                    if len(message) > MAX_MESSAGE:         # the server drops the connection
                        oversized += 1
                        while not ws.closed:
                            await ws.receive(timeout=10)
                        break
                await ws.close()
            # Every message was read (refused, or a legal one; an oversized one drops its
            # connection); still serving, and the session goes on.
            await async_wait_for(lambda: room.server.examined >= sent - oversized, timeout=60)
            assert room.server.refused >= count // 2
            # Whoever is at the board (the fuzz may have moved Ana) taps: it is a step.
            await async_wait_for(lambda: room.read(lambda h: h.session.can_move()), timeout=10)
            player = room.read(lambda h: h.session.state.current_player)
            room.server.free(player)
            await async_wait_for(lambda: player not in room.server.tokens)
            phone = Phone(room, http)
            await phone.connect()
            assert (await phone.join(player))["type"] == "joined"
            before = len(steps(room))
            position = room.read(lambda h: h.session.state.position)
            direction = "up" if position is None or position.row < 3 else "down"
            await _tap(phone, {"type": "move", "dir": direction},
                       lambda: len(steps(room)) > before)
            await phone.close()
    run(attack())
    assert room.alive()


def test_thirty_phones_five_dropping_and_reconnecting_lose_nothing(tmp_path):
    roster = tuple(f"Player {chr(65 + i // 10)}{i % 10}" for i in range(30))
    level = make_level(("B1", "B2", "C3", "C4", "C5", "B6"), cols=5, rows=6)
    live = LiveRoom(tmp_path, make_setup(level, roster=roster,
                                         flags={"retreat_pace": 0.05, "time_limit": 1800}),
                    record=False)
    droppers = list(roster[3:8])
    try:
        async def play() -> None:
            async with aiohttp.ClientSession() as http:
                phones: dict[str, Phone] = {}
                for name in roster:
                    phones[name] = Phone(live, http)
                    await phones[name].connect()
                    assert (await phones[name].join(name))["type"] == "joined"
                await _play_through_phones(live, 30, phones, drop=droppers)
                for phone in phones.values():
                    await phone.sees(lambda v: v["phase"] == "ended")
                    await phone.close()
        run(play())
    finally:
        live.close()
    read = read_log(live.host.log.path)
    assert read.warnings == []
    assert [e.to_dict() for e in read.events] == [e.to_dict() for e in live.host.session.events]
    assert replay(read.setup, read.events) == live.host.session.state
    assert live.host.session.state.ended
    sources = [json.loads(x).get("source") for x in live.host.log.path.read_text().splitlines()[1:]
               if '"type": "step"' in x]
    assert sources and set(sources) == {"phone"}


def test_the_remote_pauses_penalises_skips_frees_a_name_and_ends(room):
    async def remote() -> None:
        base = f"{room.server.address}f/{room.server.secret}"
        async with aiohttp.ClientSession() as http:
            ana = Phone(room, http)
            await ana.connect()
            await ana.join("Ana")

            async def act(action: str, **extra: Any) -> dict[str, Any]:
                async with http.post(f"{base}/act", json={"action": action, **extra}) as r:
                    assert r.status == 200
                    return await r.json()

            assert (await act("penalty_talking"))["ok"]
            assert (await act("skip"))["ok"]
            assert (await act("curveball")) == {"ok": False,
                                                "text": "Curveball refused: no path found yet"}
            async with http.get(f"{base}/state") as r:
                state = await r.json()
            assert state["claimed"] == ["Ana"] and state["online"] == ["Ana"]
            assert state["view"]["at_board"] == "Ben"
            assert await act("free", name="Ana") == {"ok": True, "text": "Freed Ana"}
            await ana.until(lambda m: m["type"] == "freed")
            assert (await act("end"))["ok"]
            assert (await act("end")) == {"ok": False, "text": "The session is over"}
            await ana.sees(lambda v: v["phase"] == "ended")
            await ana.close()
    run(remote())
    kinds = room.read(lambda h: [e.TYPE for e in h.session.events])
    assert kinds[2:] == ["penalty", "player_skipped", "turn_started", "session_ended"]
