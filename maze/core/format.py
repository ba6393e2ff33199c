"""Format names and versions of the files people keep (see docs/formats.md)."""

LEVEL_FORMAT = "maze-level"
LEVEL_VERSION = 1
LOG_FORMAT = "maze-session"
LOG_VERSION = 1
MAX_NAME = 200        # characters in any name or other text a log holds (team, player, level, cause)
