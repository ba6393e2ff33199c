"""What the terminal receives from `maze`: one line per message, nothing a terminal acts on.

Names and file names come from people and files: every character that could drive a terminal
(ESC, BEL, backspace), hide or reorder text (bidi overrides, zero-width characters) or break a
line is shown as an escape (maze.storage.jsonfile.shown). JSON stays strict JSON. Output that
can no longer be written (a full disk, a closed pipe) ends the command without a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from maze.lang import n_
from maze.storage.jsonfile import shown

MAX_LINES = 10            # problems printed for one input; the rest are counted


class UsageError(Exception):
    """A command that cannot be carried out (a bad option, a log folder that cannot be written,
    no display): one line for the user, and exit 1. The command line and the wiring raise it."""


def say(line: object = "", error: bool = False) -> None:
    """One line to the terminal, control characters from names and files escaped."""
    print(shown(line), file=sys.stderr if error else sys.stdout)


def say_problems(problems: Sequence[str]) -> None:
    """Each problem on its own line, the first MAX_LINES of them, then how many more."""
    for line in problems[:MAX_LINES]:
        say(line, error=True)
    if len(problems) > MAX_LINES:
        more = len(problems) - MAX_LINES
        say(n_("and {n} more problem", "and {n} more problems", more).format(n=more), error=True)


def finite(value: Any) -> Any:
    import math
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def escaped(value: Any) -> Any:
    """Figures with every text (names, keys) escaped for a terminal (see shown): in dicts,
    lists and tuples, and in records and dataclasses (typed figures) alike."""
    import dataclasses

    from maze.core.record import Record, replace
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, dict):
        return {escaped(k): escaped(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(escaped(v) for v in value) if type(value) in (list, tuple) else value
    if isinstance(value, Record):
        return replace(value, **{name: escaped(value.__dict__[name]) for name in value.FIELDS})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: escaped(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


def terminal_json(text: str) -> str:
    """JSON whose strings hold no character a terminal would act on: json.dumps escapes only
    those below U+0020; DEL, C1 controls and bidi overrides become \\u escapes too (still the
    same JSON value)."""
    if text.isprintable():
        return text
    out = []
    for line in text.split("\n"):        # json.dumps with indent: line breaks are its own
        if not line.isprintable():
            line = "".join(c if shown(c) == c else "".join(
                f"\\u{u:04x}" for u in _utf16(c)) for c in line)
        out.append(line)
    return "\n".join(out)


def _utf16(c: str) -> list[int]:
    code = ord(c)
    if code < 0x10000:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


def drop_output() -> None:
    """Whatever is still buffered for a standard output that can no longer be written goes
    nowhere, so that Python's own flush at exit does not print a traceback."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
