"""A pseudo-language for tests: every marked word comes back with its vowels accented
(a -> á, e -> é ...), placeholders and markup left as they are, so a word still in plain ASCII
on a screen or in an output was never marked for translation."""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from contextlib import contextmanager

from maze import lang

_ACCENTS = str.maketrans("aeiouyAEIOUY", "áéíöúýÁÉÍÖÚÝ")
_KEEP = re.compile(r"(\{[^{}]*\}|<[^<>]*>|&\w+;)")     # placeholders, tags, entities


def accented(text: str) -> str:
    return "".join(part if _KEEP.fullmatch(part) else part.translate(_ACCENTS)
                   for part in _KEEP.split(text))


class PseudoWords(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return accented(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return accented(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return accented(message)


@contextmanager
def pseudo_language(code: str = "de") -> Iterator[None]:
    """Speak the pseudo-language (with ``code``'s number formats) inside the block."""
    before = lang.current()
    lang.install(PseudoWords(), code)
    try:
        yield
    finally:
        lang.use(before)


_WORD = re.compile(r"[^\W\d_]{3,}")


def unmarked(text: str, allowed: frozenset[str] = frozenset()) -> set[str]:
    """Words of three or more plain ASCII letters: in the pseudo-language, words nobody
    marked (data such as names are passed in ``allowed``)."""
    text = re.sub(r"\{\w*\}", "", text)           # a placeholder left for the page to fill
    return {w for w in _WORD.findall(text) if w.isascii() and w not in allowed}
