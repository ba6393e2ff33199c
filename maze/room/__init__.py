"""Room play: players' phones as controllers, and a facilitator's remote.

``view`` says what a phone may know (never a square: not the path, not the curveball, not
what the team knows); ``server`` is the small aiohttp server on its own thread; ``link`` is
the main thread's side, carrying the phones' commands to the session host."""

ROOM_PORT = 8765        # the room's port unless `--port` says otherwise
