"""Verdict exports as bytes: CSV safe to open in a spreadsheet, and reversible for the import back.

A text cell a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return, possibly after apostrophes) gets one apostrophe in front. ``restore_cell`` takes
exactly that apostrophe off again, so export then import gives back the original text.
"""

from __future__ import annotations

import re

import pandas as pd

# Apostrophes (already escaped cells) followed by a character that starts a formula.
_FORMULA = re.compile(r"""^'*[=+\-@\t\r]""")
# The same with at least one apostrophe: a cell this module neutralised.
_NEUTRALISED = re.compile(r"""^'+[=+\-@\t\r]""")


def neutralise_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe.

    >>> neutralise_cell("=HYPERLINK(\\"x\\")")
    '\\'=HYPERLINK("x")'
    >>> neutralise_cell(42)
    42
    """
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """Undo ``neutralise_cell`` on a cell read back from an exported CSV.

    >>> restore_cell(neutralise_cell("-40 %"))
    '-40 %'
    >>> restore_cell("'Tis")
    "'Tis"
    """
    return value[1:] if _NEUTRALISED.match(value) else value


_TEXT_KINDS = frozenset({"string", "mixed", "mixed-integer"})  # pandas' inferred kinds that hold text
_STARTS = frozenset("=+-@\t\r")


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``neutralise_cell`` on every text cell, column by column with pandas' vectorised string methods."""
    safe = df.copy()
    for column in safe.columns:
        cells = safe[column]
        if pd.api.types.infer_dtype(cells, skipna=True) not in _TEXT_KINDS:
            continue
        # the first character after any apostrophes (NaN for cells that are not text)
        risky = cells.str.lstrip("'").str[:1].isin(_STARTS)
        if risky.any():
            safe[column] = cells.where(~risky, "'" + cells[risky].astype(str))
    return safe


def frame_csv(df: pd.DataFrame, *, excel: bool = False) -> bytes:
    """Any table as UTF-8 CSV with formula cells neutralised; ``excel`` adds a BOM and uses semicolons."""
    safe = neutralise_frame(df) if not df.empty else df
    # CRLF rows (RFC 4180): the csv writer then quotes any cell holding a CR or LF.
    text = safe.to_csv(index=False, sep=";" if excel else ",", lineterminator="\r\n")
    return text.encode("utf-8-sig" if excel else "utf-8")  # utf-8-sig writes the BOM without a copy


def verdicts_csv(df: pd.DataFrame, *, excel: bool = False) -> bytes:
    """The verdict table (``workbench.storage.export_rows``) as CSV bytes; see ``frame_csv``."""
    return frame_csv(df, excel=excel)


def export_summary(rows: int) -> str:
    """What a reviewer is told about an export's size (a header-only file is said so).

    >>> export_summary(0)
    'No rows match: the file holds the header only.'
    """
    if rows == 0:
        return "No rows match: the file holds the header only."
    return f"{rows} row{'s' if rows != 1 else ''} exported."
