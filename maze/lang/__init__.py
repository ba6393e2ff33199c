"""The program's words in the room's language: gettext catalogues and locale formats.

A leaf: it imports nothing from the rest of ``maze``, so every layer but the core may use it
(the core and the session log stay language-free: keys and enum values are never translated).

Words in code are marked the gettext way, and the catalogues are kept with Babel (see
docs/translating.md):

- ``_("Your turn")`` translates now;
- ``n_("{n} beep", "{n} beeps", n).format(n=n)`` picks the plural form of the language
  (never an "s" glued on in code);
- ``N_("Learning")`` marks words kept in a module-level table; they are translated where
  they are shown, with ``_(word)``;
- ``p_("board", "Start")`` when the same English word needs two translations.

Numbers and dates that a person reads go through ``number``, ``integer``, ``percent``,
``date`` and ``date_time``: a decimal comma in German, French, Spanish, Portuguese and Dutch.
"""

from __future__ import annotations

import gettext
import struct
from collections.abc import Container, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:          # datetime's import is a few milliseconds of every start
    from datetime import date as _date
    from datetime import datetime

DOMAIN = "maze"
CATALOGUES = Path(__file__).with_name("locale")
DEFAULT = "en"

# Each language's own name, as the setup screen offers it.
LANGUAGES: dict[str, str] = {
    "en": "English", "de": "Deutsch", "fr": "Français", "es": "Español",
    "pt_BR": "Português (Brasil)", "nl": "Nederlands",
}


class Formats(NamedTuple):
    decimal: str
    group: str
    percent: str              # "{}%" or "{}\u00a0%"
    date: str                 # strftime pattern


_NBSP, _NNBSP = "\u00a0", "\u202f"
# From the CLDR (checked against Babel by tests/test_catalogues.py).
FORMATS: dict[str, Formats] = {
    "en": Formats(".", ",", "{}%", "%Y-%m-%d"),
    "de": Formats(",", ".", "{}" + _NBSP + "%", "%d.%m.%Y"),
    "fr": Formats(",", _NNBSP, "{}" + _NBSP + "%", "%d/%m/%Y"),
    "es": Formats(",", ".", "{}" + _NBSP + "%", "%d/%m/%Y"),
    "pt_BR": Formats(",", ".", "{}%", "%d/%m/%Y"),
    "nl": Formats(",", ".", "{}%", "%d-%m-%Y"),
}

_code = DEFAULT
_words: gettext.NullTranslations = gettext.NullTranslations()


class UnknownLanguage(ValueError):
    pass


def choose(value: str) -> str:
    """A language code from what a person or a locale writes: "de", "de_DE.UTF-8", "pt-br",
    "PT" (Portuguese is offered as Brazilian Portuguese). Raises UnknownLanguage."""
    text = value.strip().split(".")[0].split("@")[0].replace("-", "_")
    if not text:
        raise UnknownLanguage(value)
    lang, _sep, region = text.partition("_")
    lang = lang.lower()
    if lang == "pt":
        return "pt_BR"
    if lang in LANGUAGES:
        return lang
    raise UnknownLanguage(value)


def from_environment(environ: Mapping[str, str]) -> str:
    """The system's language when it is one of ours, else English: LANGUAGE (a list), LC_ALL,
    LC_MESSAGES, LANG, in gettext's order."""
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if not value:
            continue
        for part in value.split(":"):
            if part in ("C", "POSIX") or part.startswith("C."):
                return DEFAULT
            try:
                return choose(part)
            except UnknownLanguage:
                continue
        if key != "LANGUAGE":
            return DEFAULT         # the first set locale variable decides, as gettext does
    return DEFAULT


def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English is the source: no catalogue)."""
    if code == DEFAULT:
        return gettext.NullTranslations()
    with open(CATALOGUES / code / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as f:
        return gettext.GNUTranslations(f)


def use(code: str) -> bool:
    """Speak ``code`` from now on (a code from LANGUAGES). A catalogue that cannot be read (a
    damaged install) leaves the program in English, never stopped: False says so."""
    global _code, _words
    if code not in LANGUAGES:
        raise UnknownLanguage(code)
    try:
        _words, _code = catalogue(code), code
    except (OSError, EOFError, ValueError, struct.error):    # unreadable, or not a catalogue
        _words, _code = gettext.NullTranslations(), DEFAULT
        return False
    return True


def install(words: gettext.NullTranslations, code: str = DEFAULT) -> None:
    """Speak with any translations object (tests use a pseudo-language to find words that were
    never marked); formats follow ``code``."""
    global _code, _words
    _words, _code = words, code


def current() -> str:
    return _code


def _(message: str) -> str:
    return _words.gettext(message)


def n_(one: str, many: str, n: int) -> str:
    return _words.ngettext(one, many, n)


def p_(context: str, message: str) -> str:
    return _words.pgettext(context, message)


def N_(message: str) -> str:
    return message


def builtin(text: str, words: Container[str]) -> str:
    """Text of the program's own data (a built-in level's name, marked in ``words``) in the
    language in use; anything else (a name a user gave) as it was written."""
    return _words.gettext(text) if text in words else text


# --- numbers and dates a person reads -------------------------------------------------------

def _grouped(digits: str, f: Formats) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return f.group.join([digits, *groups])


def number(value: float, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals, in the current language: 1,234.5 / 1.234,5."""
    f = FORMATS[_code]
    text = f"{abs(value):.{digits}f}"
    whole, _sep, frac = text.partition(".")
    out = _grouped(whole, f) + (f.decimal + frac if frac else "")
    negative = value < 0 and any(c not in "0" for c in whole + frac)
    return "-" + out if negative else out


def integer(value: int) -> str:
    return number(value, 0)


def percent(share: float, digits: int = 0) -> str:
    """A share (0.42) as a percentage: "42%", "42 %"."""
    return FORMATS[_code].percent.format(number(100 * share, digits))


def date(day: _date) -> str:
    return day.strftime(FORMATS[_code].date)


def month(year: int, month: int) -> str:
    """A month as the language writes its dates without the day: "2026-11", "11.2026"."""
    pattern = FORMATS[_code].date
    for day in ("%d.", "%d/", "%d-", "-%d", "/%d", ".%d"):
        pattern = pattern.replace(day, "")
    return pattern.replace("%Y", f"{year:04d}").replace("%m", f"{month:02d}")


def date_time(moment: datetime) -> str:
    """A date and a 24-hour time: "29.11.2026 14:05"."""
    return f"{date(moment)} {moment:%H:%M}"
