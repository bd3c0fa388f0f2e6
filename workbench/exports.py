"""Verdict exports as bytes: CSV safe to open in a spreadsheet."""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is read as a formula by spreadsheet programs.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe.

    >>> neutralise_cell("=HYPERLINK(\\"x\\")")
    '\\'=HYPERLINK("x")'
    >>> neutralise_cell(42)
    42
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def verdicts_csv(df: pd.DataFrame, *, excel: bool = False) -> bytes:
    """The verdict table as UTF-8 CSV; ``excel`` adds a BOM and uses semicolons."""
    safe = df.map(neutralise_cell) if not df.empty else df
    # CRLF rows (RFC 4180): the csv writer then quotes any cell holding a CR or LF.
    text = safe.to_csv(index=False, sep=";" if excel else ",", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8") if excel else text.encode("utf-8")
