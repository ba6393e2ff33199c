"""Turn order: who is at the board, and who comes next."""

from __future__ import annotations

from collections.abc import Callable, Sequence


class TurnOrder:
    """An ordered roster with a current player.

    >>> turns = TurnOrder(["Ana", "Ben", "Chen"])
    >>> turns.current
    'Ana'
    >>> turns.advance()
    'Ben'
    >>> turns.advance(eligible=lambda name: name != "Chen")
    'Ana'
    >>> turns.upcoming(2)
    ['Ben', 'Chen']
    """

    def __init__(self, roster: Sequence[str], index: int = 0) -> None:
        if not roster:
            raise ValueError("the roster needs at least one player")
        self.roster = tuple(roster)
        self.index = index

    @property
    def current(self) -> str:
        return self.roster[self.index]

    def next_index(self, eligible: Callable[[str], bool] = lambda _: True) -> int | None:
        """The next eligible player after the current one (the current one last), or None."""
        n = len(self.roster)
        for k in range(1, n + 1):
            i = (self.index + k) % n
            if eligible(self.roster[i]):
                return i
        return None

    def advance(self, eligible: Callable[[str], bool] = lambda _: True) -> str:
        i = self.next_index(eligible)
        if i is None:
            raise ValueError("nobody is eligible for a turn")
        self.index = i
        return self.current

    def upcoming(self, count: int, eligible: Callable[[str], bool] = lambda _: True) -> list[str]:
        """The next ``count`` eligible players after the current one, in order (may repeat)."""
        out: list[str] = []
        n = len(self.roster)
        k = 1
        while len(out) < count and k <= n * count:
            name = self.roster[(self.index + k) % n]
            if eligible(name):
                out.append(name)
            k += 1
        return out
