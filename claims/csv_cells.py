"""The one CSV writer of the project: cells a spreadsheet would run as formulas are neutralised.

A text cell is a formula to a spreadsheet when, after any leading whitespace (space, NBSP, vertical tab,
em space, ideographic space ...), invisible characters or apostrophes, it starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return. Such a cell gets one apostrophe in front; ``restore_cell``
takes exactly that apostrophe off again, so writing then reading gives back the original text. Pure
text in, text out: ``claims``, ``sources`` and ``workbench`` all write through ``write_csv``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = frozenset("=+-@\t\r")
# What a spreadsheet skips before it reads a formula: every Unicode whitespace, invisible characters,
# and apostrophes (an already escaped cell is escaped once more, so restoring stays exact).
LEADING = (
    " \n\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"  # every str.isspace() character but tab and CR
    "\u200b\u200c\u200d\u2060\ufeff'"
)
_FIRST_RISKY = FORMULA_STARTS | frozenset(LEADING)


def is_formula(text: str) -> bool:
    """True when a spreadsheet could run ``text`` as a formula.

    >>> is_formula("\\u00a0=HYPERLINK(1)"), is_formula("\\u2003- Unemployment"), is_formula("fine")
    (True, True, False)
    """
    return bool(text) and text[0] in _FIRST_RISKY and text.lstrip(LEADING)[:1] in FORMULA_STARTS


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe.

    >>> neutralise_cell("=HYPERLINK(\\"x\\")")
    '\\'=HYPERLINK("x")'
    >>> neutralise_cell(42)
    42
    """
    return "'" + value if isinstance(value, str) and is_formula(value) else value


def restore_cell(value: str) -> str:
    """Undo ``neutralise_cell`` on a cell read back from a CSV this writer made.

    >>> restore_cell(neutralise_cell("-40 %")), restore_cell("'Tis")
    ('-40 %', "'Tis")
    """
    return value[1:] if value.startswith("'") and is_formula(value[1:]) else value


_MISSING = frozenset({"NaTType", "NAType"})  # pandas' missing dates and values, without importing pandas


def _cell(value: object) -> object:
    if isinstance(value, str):
        return "'" + value if value and value[0] in _FIRST_RISKY and is_formula(value) else value
    if value is None or (isinstance(value, float) and value != value) or type(value).__name__ in _MISSING:
        return ""  # None, NaN, NaT: an empty cell
    return value


def write_csv(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, delimiter: str = ",", newline: str = "\r\n"
) -> str:
    """``rows`` under ``header`` as CSV text, every text cell neutralised; None and NaN are empty cells.

    CRLF rows by default (RFC 4180); the writer then quotes any cell holding a CR or LF.

    >>> write_csv(["a", "b"], [["=1+1", None], [" @x", 2.5]], newline="\\n")
    "a,b\\n'=1+1,\\n' @x,2.5\\n"
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow([_cell(name) for name in header])
    writer.writerows([_cell(value) for value in row] for row in rows)
    return out.getvalue()
