"""Strict JSON reading shared by level files and log headers: one clear line per problem."""

from __future__ import annotations

import json
import math
import os
import stat
from typing import Any, BinaryIO

from maze.lang import N_, _, n_

MAX_FILE_BYTES = 1_000_000


class DataError(ValueError):
    """Bad input: ``problems`` are complete one-line messages naming the file and the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems



# Python's descriptions of a JSON mistake (json/decoder.py and its C twin), in the user's words.
_JSON_MISTAKES = {
    "Expecting value": N_("a value is missing"),
    "Expecting property name enclosed in double quotes": N_("a name in double quotes is missing"),
    "Expecting ',' delimiter": N_("a comma is missing"),
    "Expecting ':' delimiter": N_("a colon is missing"),
    "Unterminated string starting at": N_("a text in quotes is not closed"),
    "Extra data": N_("something follows the end of the data"),
    "Invalid \\uXXXX escape": N_("a \\u escape needs four hexadecimal digits"),
    "Invalid control character": N_("a control character inside a text in quotes"),
    "Invalid \\escape": N_("an unknown escape after a backslash"),
}


def json_mistake(message: str) -> str:
    """Python's description of a JSON mistake in the user's language (as Python words it if
    a later Python words it otherwise)."""
    for python, ours in _JSON_MISTAKES.items():
        if message == python or message.startswith(python + " ") or \
                message.startswith(python + ":"):
            return _(ours)
    return message


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(_("the field \"{field}\" appears twice").format(field=key))
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


def parse_json_text(text: str, source: str, constants: bool = False) -> Any:
    """Parse JSON, refusing duplicate keys and NaN/Infinity; errors name the line and column.
    With ``constants``, NaN and Infinity are parsed, for the field checks to refuse by name
    (a log's header: "header.rules.time_limit must be a finite number")."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates,
                          parse_constant=None if constants else _no_constants)
    except json.JSONDecodeError as exc:
        raise DataError([_("{file}: not valid JSON at line {line} column {column}: {what}")
                         .format(file=source, line=exc.lineno, column=exc.colno,
                                 what=json_mistake(exc.msg))]) from None
    except RecursionError:
        raise DataError([_("{file}: the JSON is nested too deeply").format(file=source)]) from None
    except ValueError as exc:
        raise DataError([f"{source}: {exc}"]) from None


def size_text(limit: int) -> str:
    return (_("{n} MB").format(n=limit // 1_000_000) if limit >= 1_000_000
            else _("{n} KB").format(n=limit // 1000))


def open_regular(path: str | os.PathLike[str], source: str, limit: int) -> BinaryIO:
    """A file opened for reading, if it is a regular file of at most ``limit`` bytes.

    A FIFO (which would wait forever for a writer), a device such as /dev/zero (which never
    ends) or a folder is refused with one line, before anything is read: the file is opened
    without blocking and looked at with ``fstat``."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DataError([_("{file}: no such file, so it cannot be read").format(file=source)]) \
            from None
    except IsADirectoryError:
        raise DataError([_("{file}: is a folder, not a file").format(file=source)]) from None
    except OSError as exc:
        raise DataError([unreadable(source, exc)]) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DataError([_("{file}: is a folder, not a file").format(file=source)])
        if not stat.S_ISREG(info.st_mode):
            raise DataError([_("{file}: not a regular file (a FIFO or a device, say), so it is "
                               "not read").format(file=source)])
        if info.st_size > limit:
            raise DataError([too_large(source, limit)])
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def unreadable(source: str, exc: OSError) -> str:
    return _("{file}: cannot be read ({reason})").format(file=source, reason=exc.strerror or exc)


def too_large(source: str, limit: int) -> str:
    return _("{file}: larger than {size}, so it is not read").format(file=source,
                                                                     size=size_text(limit))


def read_regular(path: str | os.PathLike[str], source: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (see open_regular); a file that
    grew past the limit while it was read is refused too."""
    with open_regular(path, source, limit) as handle:
        try:
            # As many bytes as the file holds, and one more to see it grew: asking for the
            # limit itself makes Python set aside that much for every file (64 MB for a log).
            expected = min(os.fstat(handle.fileno()).st_size, limit) + 1
            raw = handle.read(expected)
            if len(raw) == expected:             # it grew as it was read: read on, to the limit
                raw += handle.read(limit + 1 - expected)
        except OSError as exc:
            raise DataError([unreadable(source, exc)]) from None
    if len(raw) > limit:
        raise DataError([too_large(source, limit)])
    return raw


def read_json_file(path: str, source: str | None = None) -> Any:
    source = source or str(path)
    return parse_json_bytes(read_regular(path, source, MAX_FILE_BYTES), source)


def parse_json_bytes(raw: bytes, source: str) -> Any:
    """A file's bytes as JSON: refused over 1 MB before parsing, then UTF-8, then JSON."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError([_("{file}: larger than 1 MB; a level file is much smaller, so this is "
                           "not one").format(file=source)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError([_("{file}: not UTF-8 text (bad byte at offset {offset})").format(
            file=source, offset=exc.start)]) from None
    return parse_json_text(text, source)


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_KEPT = frozenset({"\u200d"})        # the zero-width joiner inside emoji such as 👩‍💻


def shown(text: object) -> str:
    """Text fit for a terminal (or any one line): control characters (ESC, BEL, backspace, a
    line break), bidi overrides and other invisible format characters written as escapes
    (\\x1b, \\u202e), so a name can neither drive the terminal nor hide or reorder text.

    >>> shown("Ana\\x1b[2J\\u202eneB")
    'Ana\\\\x1b[2J\\\\u202eneB'
    """
    text = str(text)
    if text.isprintable():
        return text
    import unicodedata
    return "".join(c if c == " " or c in _KEPT or unicodedata.category(c) not in _HIDDEN
                   else repr(c)[1:-1] for c in text)


def brief(text: object, limit: int = 40) -> str:
    """A value from a file, fit to quote in a one-line message: control characters (a line
    break in a field's name, say) escaped; a longer one its first ``limit`` characters, and how
    many more there are."""
    quoted = shown(text)
    if len(quoted) <= limit:
        return quoted
    more = len(quoted) - limit
    return n_("{start} (and {n} more character)", "{start} (and {n} more characters)",
              more).format(start=quoted[:limit], n=more)


def is_finite(value: Any) -> bool:
    """A number that is not NaN or infinite. An int always is, however long (math.isfinite
    would raise OverflowError on one beyond a float's range)."""
    return type(value) is int or math.isfinite(value)


def number_text(value: float) -> str:
    """A number for a message: 1200, 0.5, 1e+30; a huge whole number by its digit count."""
    if type(value) is int and abs(value) >= 10**15:
        digits = len(str(abs(value)))
        return n_("a {n}-digit number", "a {n}-digit number", digits).format(n=digits)
    return f"{value:g}"


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def type_name(value: Any) -> str:
    if value is None:
        return "null"               # JSON's own words: null, true/false
    if isinstance(value, bool):
        return "true/false"
    # Translators: kinds of JSON value, as in "name must be text, not a number"
    if is_number(value):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return type(value).__name__
