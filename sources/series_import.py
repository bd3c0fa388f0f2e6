"""Statistical series from files: tidy CSV, wide tables, SDMX-CSV, SDMX-JSON and the World Bank layout.

Pure: the caller opens the file or fetches the URL and passes text, bytes or an open stream; rows are
read one at a time (a million-row SDMX-CSV is never held as a table). One file may hold several series
(one per geography, unit or other key): all are returned. Errors name the file and row (and the column
of a wide table): a period no form reads, a value that is not a number (":", "..", "n/a" are missing
values, their flag kept), a period given twice, two units in one series. Nothing is returned when any
row is bad (``SourceImportError`` lists the errors), unless ``keep_good_rows=True``: the bad rows are
skipped and listed.

Tidy CSV columns (order free, header required; names in English or French, any case):
period (or time, date, year, time_period, période, année), value (or obs_value, valeur), and optional
geography (geo, country, ref_area, pays), unit (unité, unit_measure), flag (obs_flag, obs_status),
series (indicator, measure, série: one series per distinct value), frequency (freq).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from sources.importing import SourceImportError
from sources.series import Provenance, read_unit
from sources.series_rows import (
    TIDY_COLUMNS,
    TIDY_ROLES,
    Collector,
    Progress,
    SeriesImport,
    delimiter,
    open_text,
    peek,
)
from sources.series_sdmx import read_sdmx_csv, read_sdmx_json
from sources.series_wide import read_wide_csv, read_world_bank_csv

FORMATS = ("tidy", "wide", "sdmx-csv", "sdmx-json", "world-bank")
__all__ = ["FORMATS", "SeriesImport", "detect_format", "read_series"]


def _roles(header: list[str], name: str) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, column in enumerate(header):
        role = TIDY_ROLES.get(column.strip().lower())
        if role is None:
            known = ", ".join(names[0] for names in TIDY_COLUMNS.values())
            raise SourceImportError([f"{name}, row 1: unknown column {column!r} (columns: {known})"])
        roles[role] = i
    if "period" not in roles or "value" not in roles:
        raise SourceImportError([f"{name}, row 1: a tidy series file needs a period and a value column"])
    return roles


def read_tidy_csv(lines: Iterable[str], collector: Collector, *, measure: str | None) -> None:
    """Rows of period, value and optional geography, unit, flag, series and frequency columns."""
    lines = iter(lines)
    first, lines = peek(lines, 1)
    reader = csv.reader(lines, delimiter=delimiter(first[0] if first else ","))
    header = next(reader, [])
    roles = _roles(header, collector.name)

    def cell(row: list[str], role: str) -> str:
        i = roles.get(role)
        return row[i].strip() if i is not None and i < len(row) else ""

    for number, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        collector.tick()
        geo, series, unit_cell = cell(row, "geography"), cell(row, "series"), cell(row, "unit")
        unit, scale = read_unit(unit_cell)

        def meta(geo=geo, series=series, unit_cell=unit_cell, row=row) -> dict:
            return {
                "measure": series or measure,
                "geography": geo or None,
                "unit_label": unit_cell or None,
                "frequency": cell(row, "frequency") or None,
            }

        collector.add(
            f"row {number}",
            number,
            (geo, series),
            meta,
            cell(row, "period"),
            cell(row, "value"),
            cell(row, "flag"),
            unit,
            scale,
        )


def detect_format(head: list[str]) -> str:
    """Which layout the first lines of a file have.

    >>> detect_format(["DATAFLOW,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"])
    'sdmx-csv'
    >>> detect_format(['"Data Source","World Development Indicators",', ""])
    'world-bank'
    """
    text = "\n".join(head).lstrip("\ufeff").lstrip()
    if text.startswith("{"):
        return "sdmx-json"
    if any(line.lstrip('"').startswith(("Data Source", "Country Name")) for line in head[:6]):
        return "world-bank"
    first = next((line for line in head if line.strip()), "")
    cells = [c.strip().strip('"').split(":")[0].strip().lower() for c in first.split(delimiter(first))]
    if "time_period" in cells and "obs_value" in cells:
        return "sdmx-csv"
    roles = {TIDY_ROLES.get(c) for c in cells}
    if "period" in roles and "value" in roles:
        return "tidy"
    return "wide"


def read_series(
    content: str | bytes | IO,
    *,
    name: str = "series.csv",
    format: str | None = None,
    measure: str | None = None,
    provenance: Provenance | None = None,
    keep_good_rows: bool = False,
    progress: Progress | None = None,
    progress_every: int = 10_000,
    fiscal_year_start: int | None = None,
) -> SeriesImport:
    """Every series in a file (text, bytes or an open stream), in one of ``FORMATS`` (detected when None).

    ``measure`` names what is measured when the file does not; ``provenance`` gives what the file cannot
    say (URL, retrieval time; the file's own publisher and codes win where it has them); ``progress``
    is called with the number of rows read every ``progress_every`` rows.

    >>> found = read_series("period,value,flag\\n2022,4.1,\\n2023Q1,4.3,p\\n", measure="Output")
    >>> [(s.measure, len(s), s.flags[-1]) for s in found.series]
    [('Output', 2, ('provisional',))]
    """
    lines = open_text(content, name)
    head, lines = peek(lines, 8)
    fmt = format or detect_format(head)
    if fmt not in FORMATS:
        raise SourceImportError([f"{name}: unknown format {fmt!r} (one of {', '.join(FORMATS)})"])
    collector = Collector(
        name,
        keep_good_rows=keep_good_rows,
        progress=progress,
        progress_every=progress_every,
        fiscal_year_start=fiscal_year_start,
    )
    provenance = provenance or Provenance()
    if provenance.file_name is None:
        provenance = Provenance(**{**provenance.__dict__, "file_name": name})
    if fmt == "sdmx-json":
        collector.row_word = "observation"
        read_sdmx_json("".join(lines), collector, measure=measure)
    elif fmt == "sdmx-csv":
        read_sdmx_csv(lines, collector, measure=measure)
    elif fmt == "world-bank":
        about = read_world_bank_csv(lines, collector, measure=measure)
        updated = about.get("Last Updated Date")
        provenance = Provenance(
            **{
                **provenance.__dict__,
                "publisher": provenance.publisher or "World Bank",
                "dataset": provenance.dataset or about.get("Data Source"),
                "retrieved_at": provenance.retrieved_at or updated,
            }
        )
    elif fmt == "wide":
        read_wide_csv(lines, collector, measure=measure)
    else:
        read_tidy_csv(lines, collector, measure=measure)
    if not collector.builders and not collector.errors:
        raise SourceImportError([f"{name}: no values found"])
    return collector.finish(fmt, provenance)
