"""The facilitator's last setup, remembered per user (settings.json in the user data folder).

A missing file gives the defaults; a damaged one is ignored with a notice (never a crash)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from maze.core.format import MAX_NAME
from maze.core.record import Record, asdict, field
from maze.core.session import MAX_PLAYERS
from maze.lang import LANGUAGES, _
from maze.paths import user_data_dir
from maze.storage.jsonfile import DataError, read_json_file

SETTINGS_FORMAT = "maze-settings"
SETTINGS_VERSION = 1


class Settings(Record, frozen=False):
    team: str = ""
    players: list[str] = field(default_factory=list)
    level: str = "classic"            # a level's key (file stem)
    preset: str = ""                  # "" = the level's own preset
    retreat: str = ""                 # "" = as the preset says; "auto" or "manual"
    planning: int = 0                 # seconds
    time_limit: int = 0               # minutes; 0 = as the preset says
    sound: bool = True
    memory_aid: bool = False
    difficulty: str = "normal"        # for levels generated on the setup screen
    seed: str = ""
    display: int = 1                  # the display the board opens on, counted from 1
    room: bool = False                # room play: players move from their phones
    language: str = ""                # a code of maze.lang.LANGUAGES; "" = the system's


def settings_path() -> Path:
    return user_data_dir() / "settings.json"


def _valid(name: str, value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100_000
    if isinstance(default, list):
        return (isinstance(value, list) and len(value) <= MAX_PLAYERS    # a roster a log would take
                and all(isinstance(v, str) and v.strip() and len(v) <= MAX_NAME for v in value)
                and len(set(value)) == len(value))
    if name == "language":
        return value == "" or value in LANGUAGES
    return isinstance(value, str) and len(value) <= MAX_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The remembered settings, and a notice if the file had to be ignored."""
    path = path or settings_path()
    if not path.exists() and not path.is_symlink():
        return Settings(), None
    try:
        data = read_json_file(str(path))
    except DataError as exc:
        return Settings(), _("Settings ignored ({problem}); using the defaults").format(
            problem=exc.problems[0])
    if not isinstance(data, dict) or data.get("format") != SETTINGS_FORMAT:
        return Settings(), _("Settings ignored ({file}: not a maze settings file)").format(
            file=path)
    defaults = Settings()
    values = {}
    for name in Settings.FIELDS:
        if name in data and _valid(name, data[name], getattr(defaults, name)):
            values[name] = data[name]
    return Settings(**values), None


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Write the settings whole (temporary file, then rename); a notice if that failed."""
    import tempfile  # only when writing a file
    path = path or settings_path()
    data = {"format": SETTINGS_FORMAT, "version": SETTINGS_VERSION, **asdict(settings)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except OSError as exc:
        return _("Could not remember this setup ({reason})").format(reason=exc.strerror or exc)
    return None
