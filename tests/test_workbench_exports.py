"""Verdict CSV bytes: safe in spreadsheets, header-only when empty, Excel flavour."""

import csv
import io

import pandas as pd

from workbench.exports import verdicts_csv
from workbench.storage.export_rows import EXPORT_COLUMNS


def _frame(**overrides) -> pd.DataFrame:
    row = dict.fromkeys(EXPORT_COLUMNS, "")
    row.update(claim_id=1, claim="Production tripled", verdict="True", **overrides)
    return pd.DataFrame([row], columns=list(EXPORT_COLUMNS))


def _read(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_formula_cells_are_neutralised():
    for dangerous in ("=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"):
        (row,) = _read(verdicts_csv(_frame(rationale=dangerous)))
        assert row["rationale"] == "'" + dangerous


def test_plain_cells_and_numbers_are_unchanged():
    (row,) = _read(verdicts_csv(_frame(rationale="Fine, “quoted”; ok")))
    assert row["rationale"] == "Fine, “quoted”; ok" and row["claim_id"] == "1"


def test_an_empty_export_is_the_header_alone():
    data = verdicts_csv(pd.DataFrame(columns=list(EXPORT_COLUMNS)))
    assert data.decode().strip() == ",".join(EXPORT_COLUMNS)


def test_excel_flavour_has_a_bom_and_semicolons():
    data = verdicts_csv(_frame(), excel=True)
    assert data.startswith("\ufeff".encode())
    (row,) = _read(data, delimiter=";")
    assert row["claim"] == "Production tripled"
