"""The session host: the session, its log and everything the room is told, without pygame.

The pygame board, the demo, the replay and the room's phones are clients of one host."""

from maze.host.host import SessionHost, Timed, clock_text
from maze.host.intents import Action, Move, Reply

__all__ = ["Action", "Move", "Reply", "SessionHost", "Timed", "clock_text"]
