"""Cells for a CSV that people open in a spreadsheet.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before looking) is taken as a formula by Excel, LibreOffice and Google
Sheets: a team named ``=HYPERLINK(...)`` would run as one. As OWASP's "CSV injection" advice
and spreadsheet-safe exporters do, such a cell gets a leading apostrophe, which spreadsheets
read as "this is text". Numbers are written as numbers (a negative number is not text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """
    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("Ana"), safe_cell(-1.5)
    ('\\'=HYPERLINK("http://x")', 'Ana', -1.5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(safe_cell(value) for value in row)
