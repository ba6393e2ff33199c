"""Level files: JSON, versioned, validated field by field (docs/formats.md).

Every problem is one line naming the file and the field, e.g.
``levels/x.json: path[3] "D7" is not next to "B5"``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from maze.core.board import MAX_COLS, MAX_ROWS, MIN_COLS, MIN_ROWS, Board
from maze.core.format import LEVEL_FORMAT, LEVEL_VERSION
from maze.core.level import Curveball, Level
from maze.core.path import path_problems
from maze.core.record import Record
from maze.core.rules import PRESETS
from maze.core.vocabulary import Currency, RetreatMode
from maze.lang import _
from maze.paths import builtin_levels_dir, user_levels_dir
from maze.storage.jsonfile import (
    DataError,
    brief,
    is_finite,
    is_number,
    number_text,
    parse_json_bytes,
    read_json_file,
    type_name,
)

LevelError = DataError

TOP_FIELDS = ("format", "version", "name", "description", "cols", "rows", "preset", "path",
              "rules", "curveball")
REQUIRED = ("format", "version", "name", "cols", "rows", "path")


def _choice(*options: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value in options:
            return None
        return _("{field} must be one of {options}").format(
            field="{field}", options=", ".join(f'"{o}"' for o in options))
    return check


def _number(low: float, high: float, seconds: bool = False) -> Callable[[Any], str | None]:
    """A check whose message keeps a {field} placeholder (filled in by the caller)."""
    def check(value: Any) -> str | None:
        if not is_number(value):
            return _("{field} must be a number, not {kind}").format(field="{field}",
                                                                     kind=type_name(value))
        if not is_finite(value):
            return _("{field} must be a finite number (NaN and Infinity are not allowed)").format(
                field="{field}")
        if not low <= value <= high:
            text = (_("{field} must be from {low} to {high} seconds (it is {value})") if seconds
                    else _("{field} must be from {low} to {high} (it is {value})"))
            return text.format(field="{field}", low=f"{low:g}", high=f"{high:g}",
                               value=number_text(value))
        return None
    return check


def _boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else _(
        "{field} must be true or false, not {kind}").format(field="{field}",
                                                             kind=type_name(value))


def _budget(value: Any) -> str | None:
    return None if value is None else _number(1, 1_000_000_000)(value)


RULE_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "diagonals": _boolean,
    "retreat": _choice(*(mode.value for mode in RetreatMode)),
    "retreat_pace": _number(0.05, 5, seconds=True),
    "time_limit": _number(10, 86400, seconds=True),
    "planning": _number(0, 3600, seconds=True),
    "execution": _choice("everyone", "remaining"),
    "penalty_cost": _number(0, 1_000_000),
    "currency": _choice(*(currency.value for currency in Currency)),
    "budget": _budget,
    "repeat_beep_cost": _number(0, 1_000_000),
    "memory_aid": _boolean,
}


def missing(source: str, field: str) -> str:
    return _("{file}: {field} is missing").format(file=source, field=field)


def newer_version(source: str, version: object, newest: int) -> str:
    return _("{file}: version {version} is newer than this program reads (up to {newest}); "
             "update maze to open it").format(file=source, version=version, newest=newest)


def check_rule_overrides(overrides: Any, source: str, field: str = "rules") -> list[str]:
    if not isinstance(overrides, dict):
        return [_("{file}: {field} must be an object, not {kind}").format(
            file=source, field=field, kind=type_name(overrides))]
    problems = []
    for key, value in overrides.items():
        check = RULE_CHECKS.get(key)
        if check is None:
            problems.append(_("{file}: {field} is not a rule (rules are: {rules})").format(
                file=source, field=f"{field}.{brief(key)}", rules=", ".join(RULE_CHECKS)))
        elif (message := check(value)) is not None:
            problems.append(f"{source}: " + message.replace("{field}", f"{field}.{key}"))
    return problems


def level_from_data(data: Any, source: str) -> Level:
    """Validate parsed JSON as a level; raise LevelError listing every problem. One validator
    per group of fields, in the order their problems are listed."""
    _check_format(data, source)              # no use reading on in a file of another format
    problems = _field_names_problems(data, source) + _text_problems(data, source)
    size_problems, size_ok = _size_problems(data, source)
    problems += size_problems
    preset, preset_problems = _preset(data, source)
    problems += preset_problems
    overrides, diagonals, rule_problems = _rules(data, preset, source)
    problems += rule_problems
    curveball, raw_curveball, curveball_problems = _curveball(data, source)
    problems += curveball_problems
    if size_ok:
        board = Board(data["cols"], data["rows"], diagonals)
        problems += _paths_problems(board, data, raw_curveball, source)
    if problems:
        raise LevelError(problems)
    return Level(name=data.get("name", "").strip(), cols=data["cols"], rows=data["rows"],
                 path=tuple(data["path"]), preset=preset, rules=dict(overrides),
                 curveball=curveball, description=data.get("description", ""))


def _check_format(data: Any, source: str) -> None:
    """A JSON object of this format, in a version this program reads: raise if not."""
    if not isinstance(data, dict):
        raise LevelError([_("{file}: a level file must hold a JSON object, not {kind}").format(
            file=source, kind=type_name(data))])
    if data.get("format") != LEVEL_FORMAT:
        if "format" not in data:
            raise LevelError([_("{file}: {field} is missing (it must be \"{value}\")").format(
                file=source, field="format", value=LEVEL_FORMAT)])
        raise LevelError([_("{file}: {field} must be \"{value}\"").format(
            file=source, field="format", value=LEVEL_FORMAT)])
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LevelError([_("{file}: {field} must be a whole number such as {example}").format(
            file=source, field="version", example=LEVEL_VERSION)])
    if version > LEVEL_VERSION:
        raise LevelError([newer_version(source, number_text(version), LEVEL_VERSION)])


def _field_names_problems(data: dict[str, Any], source: str) -> list[str]:
    """Fields this format does not have, and fields it needs that are missing."""
    problems = [_("{file}: {field} is not a level field (fields are: {fields})").format(
                    file=source, field=brief(key), fields=", ".join(TOP_FIELDS))
                for key in data if key not in TOP_FIELDS]
    return problems + [missing(source, key) for key in REQUIRED if key not in data]


def _text_problems(data: dict[str, Any], source: str) -> list[str]:
    problems = []
    name = data.get("name", "")
    if "name" in data and (not isinstance(name, str) or not name.strip() or len(name) > 80):
        problems.append(_("{file}: {field} must be text of {least} to {most} characters").format(
            file=source, field="name", least=1, most=80))
    description = data.get("description", "")
    if not isinstance(description, str) or len(description) > 2000:
        problems.append(_("{file}: {field} must be text of at most {most} characters").format(
            file=source, field="description", most=2000))
    return problems


def _size_problems(data: dict[str, Any], source: str) -> tuple[list[str], bool]:
    """The board's columns and rows, and whether both are there and right (the paths are
    checked on the board only then)."""
    problems = []
    size_ok = True
    for key, low, high in (("cols", MIN_COLS, MAX_COLS), ("rows", MIN_ROWS, MAX_ROWS)):
        value = data.get(key)
        if key not in data:
            size_ok = False
        elif not isinstance(value, int) or isinstance(value, bool):
            problems.append(_("{file}: {field} must be a whole number, not {kind}").format(
                file=source, field=key, kind=type_name(value)))
            size_ok = False
        elif not low <= value <= high:
            problems.append(_("{file}: {field} must be from {low} to {high} (it is {value})").format(
                file=source, field=key, low=low, high=high, value=number_text(value)))
            size_ok = False
    return problems, size_ok


def _preset(data: dict[str, Any], source: str) -> tuple[str, list[str]]:
    """The preset, "classic" when absent (or wrong: its problem is listed)."""
    preset = data.get("preset", "classic")
    if not isinstance(preset, str) or preset not in PRESETS:
        return "classic", [_("{file}: {field} must be one of {options}").format(
            file=source, field="preset", options=", ".join(f'"{p}"' for p in PRESETS))]
    return preset, []


def _rules(data: dict[str, Any], preset: str,
           source: str) -> tuple[dict[str, Any], bool, list[str]]:
    """The level's rule overrides, whether its board has diagonals, and the problems."""
    overrides = data.get("rules", {})
    problems = check_rule_overrides(overrides, source)
    if problems:
        return {}, PRESETS[preset].diagonals, problems
    resolved = PRESETS[preset].with_overrides(overrides)
    if resolved.currency == Currency.POINTS and resolved.budget is None:
        problems.append(_("{file}: {field} is needed when {other} is \"{value}\"").format(
            file=source, field="rules.budget", other="rules.currency", value="points"))
    return overrides, resolved.diagonals, problems


def _curveball(data: dict[str, Any], source: str) -> tuple[Curveball | None, Any, list[str]]:
    """The curveball (None without one), its raw object (its path is checked on the board
    with the level's), and the problems of its other fields."""
    if "curveball" not in data:
        return None, None, []
    problems = []
    raw_curveball = data["curveball"]
    if not isinstance(raw_curveball, dict):
        problems.append(_("{file}: {field} must be an object, not {kind}").format(
            file=source, field="curveball", kind=type_name(raw_curveball)))
        raw_curveball = {}
    for key in raw_curveball:
        if key not in ("path", "after_crossings"):
            problems.append(_("{file}: {field} is not a curveball field (fields are: "
                              "{fields})").format(file=source, field=f"curveball.{brief(key)}",
                                                  fields="path, after_crossings"))
    after = raw_curveball.get("after_crossings")
    if after is not None and (not isinstance(after, int) or isinstance(after, bool)
                              or not 1 <= after <= 1000):
        problems.append(_("{file}: {field} must be a whole number from {low} to {high}").format(
            file=source, field="curveball.after_crossings", low=1, high=1000))
        after = None
    alt = raw_curveball.get("path")
    return Curveball(tuple(alt) if isinstance(alt, list) else None, after), raw_curveball, problems


def _paths_problems(board: Board, data: dict[str, Any], raw_curveball: Any,
                    source: str) -> list[str]:
    """The path and the curveball's path, square by square on the level's board."""
    problems = []
    if "path" in data:
        problems += [f"{source}: {p}" for p in _path_problems(board, data["path"], "path")]
    if raw_curveball and "path" in raw_curveball:
        alt_problems = _path_problems(board, raw_curveball["path"], "curveball.path")
        problems += [f"{source}: {p}" for p in alt_problems]
        if not alt_problems and raw_curveball["path"] == data.get("path"):
            problems.append(_("{file}: {field} is the same as {other}").format(
                file=source, field="curveball.path", other="path"))
    return problems


def _path_problems(board: Board, names: Any, field: str) -> list[str]:
    """A path's problems; a path longer than the board has squares is one problem, not one
    per square (a 150,000-square path in a 900 KB file gave 449,998 lines)."""
    squares = board.cols * board.rows
    if isinstance(names, list) and len(names) > squares:
        return [_("{field} has {n} squares; a {cols}x{rows} board has only {squares}").format(
            field=field, n=len(names), cols=board.cols, rows=board.rows, squares=squares)]
    return [_(problem.text).format(**problem.values)
            for problem in path_problems(board, names, field)]


def load_level(path: str | os.PathLike[str]) -> Level:
    return level_from_data(read_json_file(str(path)), str(path))


def level_from_bytes(raw: bytes, source: str) -> Level:
    """A level from a file's bytes (what load_level does after reading the file)."""
    return level_from_data(parse_json_bytes(raw, source), source)


def _encode(value: Any, indent: str) -> str:
    """JSON with objects one field a line and lists on one line (a path reads as a row)."""
    if isinstance(value, dict) and value:
        inner = indent + "  "
        fields = [f"{inner}{json.dumps(k)}: {_encode(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(fields) + "\n" + indent + "}"
    return json.dumps(value, ensure_ascii=False)


def level_json(level: Level) -> str:
    return _encode(level.to_dict(), "") + "\n"


def save_level(level: Level, path: str | os.PathLike[str]) -> Path:
    """Write a level file whole (a temporary file renamed over), so it is never half-written."""
    import tempfile  # only when writing a file
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".level-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(level_json(level))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


class LevelEntry(Record):
    key: str          # the file's stem: what `maze play KEY` accepts
    path: Path
    origin: str       # built-in or user
    level: Level | None
    problems: tuple[str, ...] = ()


def list_levels(user_dir: Path | None = None) -> list[LevelEntry]:
    entries = []
    for origin, folder in (("built-in", builtin_levels_dir()), ("user", user_dir or user_levels_dir())):
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.json")):
            try:
                entries.append(LevelEntry(file.stem, file, origin, load_level(file)))
            except LevelError as exc:
                entries.append(LevelEntry(file.stem, file, origin, None, tuple(exc.problems)))
    return entries


def find_level(spec: str, user_dir: Path | None = None) -> Path:
    """A level by file path, or by the name of a built-in or user level."""
    candidate = Path(spec)
    if candidate.suffix == ".json" or os.sep in spec or candidate.is_file():
        return candidate
    for folder in (builtin_levels_dir(), user_dir or user_levels_dir()):
        direct = folder / f"{spec}.json"             # a level's file name: no need to read all
        if direct.is_file():
            return direct
    wanted = spec.casefold()
    for entry in list_levels(user_dir):
        if entry.key.casefold() == wanted or (entry.level and entry.level.name.casefold() == wanted):
            return entry.path
    raise LevelError([_("{level}: no such level file, and no built-in or user level by that "
                        "name (see `maze levels`)").format(level=spec)])
