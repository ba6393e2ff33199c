"""A pseudo-language: every marked word comes back with its vowels accented ("Your turn" ->
"Yöúr túrn"), placeholders left as they are. Installed with ``maze.lang.install``, it shows at a
glance any word that was never marked: that one stays plain ASCII on the screen. Accented text
is also a little wider and taller than English, an early check of room for translations."""

from __future__ import annotations

import gettext
import re

ACCENTS = str.maketrans("aeiouyAEIOUY", "áéíöúýÁÉÍÖÚÝ")
_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|<[^<>]*>|&\w+;)")     # placeholders, tags, entities
CODE = "en"        # numbers and dates stay English: the pseudo-language only finds words


def accented(text: str) -> str:
    """``text`` with its vowels accented outside {placeholders} and markup."""
    parts = _PLACEHOLDER.split(text)
    return "".join(part if i % 2 else part.translate(ACCENTS) for i, part in enumerate(parts))


class Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return accented(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return accented(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return accented(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return accented(msgid1 if n == 1 else msgid2)


_WORD = re.compile(r"[^\W\d_]+")
_PLAIN_VOWEL = re.compile(r"[aeiouyAEIOUY]")


def unmarked(line: str, data: tuple[str, ...] = ()) -> list[str]:
    """The words of a drawn ``line`` that the pseudo-language did not touch (ASCII vowels left),
    after taking out ``data`` (names, level names: shown as typed, in every language)."""
    for item in sorted(data, key=len, reverse=True):
        line = line.replace(item, " ")
    # One letter alone is a board column ("A9") or a key ("R"), not a sentence's word.
    return [w for w in _WORD.findall(line) if len(w) > 1 and _PLAIN_VOWEL.search(w)]


def install() -> None:
    import maze.lang as lang
    lang.install(Pseudo(), CODE)
