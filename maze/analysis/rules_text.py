"""A level's rules in one line a person reads ("6x8, no diagonals, auto retreat, 10 min"), in
the language in use: the setup screen, `maze levels`, the report and the card show it."""

from __future__ import annotations

from maze.core.rules import Rules
from maze.core.vocabulary import Currency
from maze.lang import _, number


def amount(value: float) -> str:
    """A number as :g writes it, in the language's decimals ("2.5", "2,5")."""
    return number(value, 0) if float(value).is_integer() else number(value, 2).rstrip("0")


def rules_summary(rules: Rules) -> str:
    limit = rules.time_limit
    if limit >= 60 and limit % 60 == 0:
        time = _("{n} min").format(n=amount(limit / 60))
    elif limit < 60:
        time = _("{n} s").format(n=amount(limit))
    else:
        time = _("{minutes} min {seconds} s").format(minutes=int(limit // 60),
                                                     seconds=amount(limit % 60))
    # Translators: a level's rules in one line, as in "6x8, no diagonals, auto retreat, 10 min"
    parts = [f"{rules.cols}x{rules.rows}", _("diagonals") if rules.diagonals else
             _("no diagonals"), _("auto retreat") if rules.retreat == "auto" else
             _("manual retreat") if rules.retreat == "manual" else
             _("{retreat} retreat").format(retreat=rules.retreat), time]
    if rules.planning:
        parts.append(_("{n} s planning").format(n=amount(rules.planning)))
    if rules.currency == Currency.POINTS:
        parts.append(_("budget {n}").format(n=amount(rules.budget or 0)))
    return ", ".join(parts)
