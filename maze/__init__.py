"""maze: the hidden-path team exercise ("Electric Maze") as a desktop game.

Nothing happens at import time: no pygame, no windows, no files.
"""

__version__ = "0.1.0"
