"""Where things live: shipped data found through the installed package, user data per user.

Never relative to the current directory, so ``maze`` works from any folder, installed or not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # In a wheel, the top-level folders are installed as maze/_data/<name>; in a source
    # checkout (and an editable install) they sit next to the package.
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def builtin_levels_dir() -> Path:
    return _shipped("levels")


def assets_dir() -> Path:
    return _shipped("assets")


def user_data_dir() -> Path:
    override = os.environ.get("MAZE_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "maze"


def user_levels_dir() -> Path:
    return user_data_dir() / "levels"


def default_log_dir() -> Path:
    return user_data_dir() / "logs"
