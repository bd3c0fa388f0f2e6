"""Verdict exports as bytes: CSV safe to open in a spreadsheet, and reversible for the import back.

Every CSV goes through ``claims.csv_cells.write_csv`` (the project's one CSV writer): a text cell a
spreadsheet would run as a formula, even behind leading whitespace of any kind, gets one apostrophe in
front, and ``restore_cell`` takes exactly that apostrophe off again on import.
"""

from __future__ import annotations

import pandas as pd

from claims.csv_cells import FORMULA_STARTS, LEADING, neutralise_cell, restore_cell, write_csv

__all__ = ["frame_csv", "neutralise_cell", "neutralise_frame", "restore_cell", "verdicts_csv"]

_TEXT_KINDS = frozenset({"string", "mixed", "mixed-integer"})  # pandas' inferred kinds that hold text


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """``neutralise_cell`` on every text cell, column by column with pandas' vectorised string methods
    (for tables handed to Streamlit or charts; files are written by ``frame_csv``)."""
    safe = df.copy()
    for column in safe.columns:
        cells = safe[column]
        if pd.api.types.infer_dtype(cells, skipna=True) not in _TEXT_KINDS:
            continue
        # the first character after any leading whitespace and apostrophes (NaN for cells that are not text)
        risky = cells.str.lstrip(LEADING).str[:1].isin(FORMULA_STARTS)
        if risky.any():
            safe[column] = cells.where(~risky, "'" + cells[risky].astype(str))
    return safe


def _rows(df: pd.DataFrame, size: int = 5_000):
    """The table's rows as tuples of Python values, a slice at a time (memory stays that of a slice)."""
    for start in range(0, len(df), size):
        yield from df.iloc[start : start + size].astype(object).itertuples(index=False, name=None)


def frame_csv(df: pd.DataFrame, *, excel: bool = False) -> bytes:
    """Any table as UTF-8 CSV with formula cells neutralised; ``excel`` adds a BOM and uses semicolons."""
    rows = _rows(df)
    text = write_csv([str(c) for c in df.columns], rows, delimiter=";" if excel else ",")
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
