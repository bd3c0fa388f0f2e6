"""Wide series tables (one row per series, one column per period), Eurostat's TSV among them, and the
World Bank's CSV layout (a few metadata lines, then Country Name, Country Code, Indicator Name,
Indicator Code and one column per year)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable

from sources.importing import SourceImportError
from sources.series import read_unit
from sources.series_rows import TIDY_ROLES, Collector, delimiter, peek

_COLUMN_FLAG = re.compile(
    r"^(?P<label>.*?)\s*\((?P<flag>[^\W\d_]{1,3})\)$"
)  # "2023 (p)": a provisional column


def _column_flags(header: list[str]) -> tuple[list[str], list[str]]:
    """Period headers without the flag some tables put on a whole column, and those flags."""
    labels, flags = [], []
    for column in header:
        m = _COLUMN_FLAG.match(column)
        labels.append(m["label"] if m else column)
        flags.append(m["flag"] if m else "")
    return labels, flags


def _period_columns(header: list[str], collector: Collector) -> list[int]:
    """Columns whose header is a period; every column after the first period column must be one."""
    found = [i for i, column in enumerate(header) if column.strip() and collector.period(column.strip())]
    if not found:
        raise SourceImportError(
            [f"{collector.name}, row 1: no column is a period (2021, 2021-Q1, 2021M01...)"]
        )
    for i in range(found[0], len(header)):
        if header[i].strip() and i not in found:
            raise SourceImportError(
                [
                    f"{collector.name}, row 1, column {header[i]!r}: not a period, after the "
                    f"first period column {header[found[0]]!r}"
                ]
            )
    return found


def read_wide_csv(lines: Iterable[str], collector: Collector, *, measure: str | None) -> None:
    """One series per row: the leading columns name it (geography, unit, series...), the others are periods.

    Eurostat's TSV writes the names of its key in the first header cell ("freq,unit,geo\\TIME_PERIOD")
    and the key in the first cell of each row ("A,THS_T,FR"): both are split.
    """
    lines = iter(lines)
    first, lines = peek(lines, 1)
    line = first[0] if first else ","
    # Eurostat TSV: tab separated, the key's names packed with commas in the first cell
    reader = csv.reader(lines, delimiter="\t" if "\\" in line and "\t" in line else delimiter(line))
    header = [c.strip() for c in next(reader, [])]
    packed = "\\" in (header[0] if header else "")  # Eurostat TSV: "freq,unit,geo\TIME_PERIOD"
    if packed:
        names = header[0].split("\\")[0].split(",")
        header = ["", *header[1:]]
    header, column_flags = _column_flags(header)
    period_columns = _period_columns(header, collector)
    if not packed:
        names = header[: period_columns[0]]
    for number, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        key_cells = row[0].split(",") if packed else row[: period_columns[0]]
        if len(key_cells) != len(names):
            collector.fail(f"row {number}", f"{len(key_cells)} key cells for {len(names)} key columns")
            continue
        key = {name.strip(): cell.strip() for name, cell in zip(names, key_cells, strict=True)}
        roles = {TIDY_ROLES.get(name.lower()): cell for name, cell in key.items()}
        unit, scale = read_unit(roles.get("unit"))
        dims = tuple((k, v) for k, v in key.items() if TIDY_ROLES.get(k.lower()) not in ("geography", "unit"))
        label = roles.get("series") or measure or ", ".join(v for _, v in dims if v) or None

        def meta(roles=roles, dims=dims, label=label) -> dict:
            return {
                "measure": label,
                "geography": roles.get("geography") or None,
                "unit_label": roles.get("unit"),
                "frequency": roles.get("frequency"),
                "dimensions": dims,
            }

        for i in period_columns:
            collector.tick()
            cell = row[i] if i < len(row) else ""
            collector.add(
                f"row {number}, column {header[i]!r}",
                number,
                tuple(key_cells),
                meta,
                header[i],
                cell,
                column_flags[i],
                unit,
                scale,
            )


def read_world_bank_csv(lines: Iterable[str], collector: Collector, *, measure: str | None) -> dict:
    """The World Bank layout; returns what its metadata lines say (data source, last update)."""
    lines = iter(lines)
    about: dict[str, str] = {}
    skipped = 0
    for line in lines:
        skipped += 1
        cells = next(csv.reader([line]), [])
        if cells and cells[0].strip() == "Country Name":
            header = [c.strip() for c in cells]
            break
        if len(cells) >= 2 and cells[0].strip():
            about[cells[0].strip()] = cells[1].strip()
    else:
        raise SourceImportError([f"{collector.name}: no “Country Name” header line (World Bank layout)"])
    needed = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
    if header[:4] != needed:
        raise SourceImportError(
            [f"{collector.name}, row {skipped}: the World Bank layout starts with {', '.join(needed)}"]
        )
    period_columns = _period_columns(header, collector)
    for number, row in enumerate(csv.reader(lines), start=skipped + 1):
        if len(row) < 4 or not any(c.strip() for c in row):
            continue
        country, code, indicator, indicator_code = (c.strip() for c in row[:4])
        # the indicator name carries its unit: "GDP (current US$)", "Unemployment (% of total labor force)"
        unit_words = indicator[indicator.rfind("(") + 1 : indicator.rfind(")")] if "(" in indicator else ""
        unit, scale = read_unit(unit_words)

        def meta(
            country=country,
            code=code,
            indicator=indicator,
            indicator_code=indicator_code,
            unit_words=unit_words,
        ) -> dict:
            return {
                "measure": measure or indicator,
                "geography": country,
                "unit_label": unit_words or None,
                "dimensions": (("country_code", code),),
                "provenance": {"series_code": indicator_code},
            }

        for i in period_columns:
            collector.tick()
            cell = row[i] if i < len(row) else ""
            collector.add(
                f"row {number}, column {header[i]!r}",
                number,
                (code, indicator_code),
                meta,
                header[i],
                cell,
                "",
                unit,
                scale,
            )
    return about
