"""A pseudo-language for tests: every marked word comes back with its vowels accented
(a -> á, e -> é ...), placeholders and markup left as they are, so a word still in plain ASCII
on a screen or in an output was never marked for translation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from pseudo import Pseudo, accented  # noqa: F401  (accented: for the tests)

from maze import lang

# The same pseudo-language as the screens' (tests/pseudo.py), for outputs and messages.
PseudoWords = Pseudo


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
