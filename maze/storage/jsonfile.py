"""Strict JSON reading shared by level files and log headers: one clear line per problem."""

from __future__ import annotations

import json
from typing import Any

MAX_FILE_BYTES = 1_000_000


class DataError(ValueError):
    """Bad input: ``problems`` are complete one-line messages naming the file and the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the field \"{key}\" appears twice")
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json_text(text: str, source: str) -> Any:
    """Parse JSON, refusing duplicate keys and NaN/Infinity; errors name the line and column."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise DataError([f"{source}: not valid JSON at line {exc.lineno} column {exc.colno}: "
                         f"{exc.msg}"]) from None
    except RecursionError:
        raise DataError([f"{source}: the JSON is nested too deeply"]) from None
    except ValueError as exc:
        raise DataError([f"{source}: {exc}"]) from None


def read_json_file(path: str, source: str | None = None) -> Any:
    source = source or str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise DataError([f"{source}: no such file"]) from None
    except IsADirectoryError:
        raise DataError([f"{source}: is a folder, not a file"]) from None
    except OSError as exc:
        raise DataError([f"{source}: cannot be read ({exc.strerror or exc})"]) from None
    return parse_json_bytes(raw, source)


def parse_json_bytes(raw: bytes, source: str) -> Any:
    """A file's bytes as JSON: refused over 1 MB before parsing, then UTF-8, then JSON."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError([f"{source}: larger than 1 MB; a level file is much smaller, "
                         f"so this is not one"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([f"{source}: not UTF-8 text (bad byte at offset {exc.start})"]) from None
    return parse_json_text(text, source)


def brief(text: object, limit: int = 40) -> str:
    """A value from a file, fit to quote in a one-line message: control characters (a line
    break in a field's name, say) escaped, and cut to ``limit`` characters."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
    return shown if len(shown) <= limit else shown[:limit] + "…"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if is_number(value):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
