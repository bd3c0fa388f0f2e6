"""What every series reader shares: rows checked one at a time and filed under their series, located
errors, progress, and the text of a file read as a stream.

The rules are the import's (sources.series_import).
"""

from __future__ import annotations

import io
import itertools
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import IO

from claims.models import Period
from sources.importing import SourceImportError, parse_number
from sources.observations import period_from_label
from sources.series import (
    MISSING_MARKERS,
    Provenance,
    Series,
    figure_kind,
    flag_words,
)

Progress = Callable[[int], None]
MAX_ERRORS = 100  # all-or-nothing stops reading here: the file is refused anyway
TIDY_COLUMNS = {
    "period": (
        "period",
        "time",
        "date",
        "year",
        "time_period",
        "période",
        "periode",
        "année",
        "annee",
        "mois",
    ),
    "value": ("value", "obs_value", "valeur", "val", "amount", "montant"),
    "geography": (
        "geography",
        "geo",
        "country",
        "region",
        "région",
        "area",
        "ref_area",
        "pays",
        "zone",
        "territoire",
        "territory",
        "département",
        "departement",
    ),
    "unit": ("unit", "unité", "unite", "unit_measure", "units"),
    "flag": ("flag", "flags", "obs_flag", "obs_status", "status", "statut"),
    "series": ("series", "indicator", "measure", "variable", "série", "serie", "indicateur", "series_code"),
    "frequency": ("frequency", "freq", "fréquence", "frequence"),
}
TIDY_ROLES = {name: role for role, names in TIDY_COLUMNS.items() for name in names}


@dataclass(frozen=True)
class SeriesImport:
    """Series read from one file, the located errors of skipped rows, and how many rows were read."""

    series: tuple[Series, ...]
    errors: tuple[str, ...] = ()
    rows: int = 0
    format: str = ""


@dataclass
class _Builder:
    """One series while its rows are read: columns, and the row each value came from."""

    meta: dict
    unit: str | None
    scale: float
    first_row: int
    periods: list = field(default_factory=list)
    values: array = field(default_factory=lambda: array("d"))
    flags: list = field(default_factory=list)
    rows: array = field(default_factory=lambda: array("l"))


class Collector:
    """Checks each observation as it is read and files it under its series; errors are located."""

    def __init__(
        self,
        name: str,
        *,
        keep_good_rows: bool,
        progress: Progress | None,
        progress_every: int,
        fiscal_year_start: int | None,
    ) -> None:
        self.name, self.keep_good_rows = name, keep_good_rows
        self.progress, self.progress_every = progress, max(1, progress_every)
        self.fiscal_year_start = fiscal_year_start
        self.builders: dict[tuple, _Builder] = {}
        self.errors: list[str] = []
        self.skipped = 0
        self.rows = 0
        self.row_word = "row"  # "observation" for JSON, where rows have no numbers
        self._periods: dict[str, Period | None] = {}  # one Period per label: shared by every series
        self._flags: dict[str, tuple[str, ...]] = {"": ()}

    def fail(self, where: str, message: str) -> None:
        """Record a located error; stop reading once an all-or-nothing import is refused anyway."""
        self.skipped += 1
        if len(self.errors) < (1000 if self.keep_good_rows else MAX_ERRORS):
            self.errors.append(f"{self.name}, {where}: {message}")
        elif not self.keep_good_rows:
            raise SourceImportError([*self.errors, f"{self.name}: stopped after {MAX_ERRORS} errors"])

    def tick(self) -> None:
        self.rows += 1
        if self.progress is not None and self.rows % self.progress_every == 0:
            self.progress(self.rows)

    def period(self, label: str) -> Period | None:
        if label not in self._periods:
            period = period_from_label(label, fiscal_year_start=self.fiscal_year_start)
            self._periods[label] = None if period is None or period.open else period
        return self._periods[label]

    def add(
        self,
        where: str | None,
        row: int,
        key: tuple,
        meta: Callable[[], dict] | None,
        period_cell: str,
        value_cell: str | float | None,
        flag_cell: str = "",
        unit: str | None = None,
        scale: float = 1.0,
    ) -> None:
        """One observation: period read, value read (a missing marker keeps its flag), unit checked.

        ``where`` names the row in errors (None: "row N"); ``meta`` describes a series not seen before.
        """
        period = self._periods.get(period_cell)
        if period is None:
            period = self.period(period_cell.strip()) if period_cell and period_cell.strip() else None
        if period is None:
            shown = period_cell.strip() if period_cell else ""
            self.fail(
                where or f"{self.row_word} {row}",
                f"period {shown!r} is not a period (2023, 2023-Q3, 2023-07, 2023-S1, "
                "2023-W05, 2023-07-01, T3 2023...)"
                if shown
                else "the period is empty",
            )
            return
        try:
            value, flags = _value(value_cell)
        except ValueError as e:
            self.fail(where or f"{self.row_word} {row}", str(e))
            return
        if flag_cell:
            if flag_cell not in self._flags:
                self._flags[flag_cell] = flag_words(flag_cell)
            cell_flags = self._flags[flag_cell]
            flags = tuple(dict.fromkeys(flags + cell_flags)) if flags else cell_flags
        builder = self.builders.get(key)
        if builder is None:
            builder = self.builders[key] = _Builder(meta(), unit, scale, row)
        elif (unit, scale) != (builder.unit, builder.scale):

            def shown(u: str | None, s: float) -> str:
                return f"{u or 'no unit'}" + (f" × {s:,.0f}" if s != 1 else "")

            self.fail(
                where or f"{self.row_word} {row}",
                f"unit {shown(unit, scale)}, but this series is in {shown(builder.unit, builder.scale)} "
                f"from row {builder.first_row}: one series has one unit",
            )
            return
        builder.periods.append(period)
        builder.values.append(value)
        builder.flags.append(flags)
        builder.rows.append(row)

    def finish(self, fmt: str, provenance: Provenance) -> SeriesImport:
        """Sort each series by period, refuse periods given twice, and return the series (or raise)."""
        out = []
        for builder in self.builders.values():
            spans = [(p.start, p.end) for p in builder.periods]
            order = sorted(range(len(spans)), key=spans.__getitem__)  # stable: the first row given stays
            kept: list[int] = []
            for i in order:
                if kept and spans[kept[-1]] == spans[i]:
                    first, again = sorted((builder.rows[kept[-1]], builder.rows[i]))
                    what = builder.meta.get("measure") or "the series"
                    self.fail(
                        f"{self.row_word} {again}",
                        f"period {builder.periods[i].surface} is given twice for "
                        f"{what}{_where(builder.meta)} (first at {self.row_word} {first})",
                    )
                    continue
                kept.append(i)
            out.append(_series(builder, kept, provenance))
        if self.errors and not self.keep_good_rows:
            raise SourceImportError(self.errors)
        errors = list(self.errors)
        if self.skipped > len(errors):
            errors.append(f"{self.name}: {self.skipped - len(errors)} more rows skipped")
        return SeriesImport(tuple(out), tuple(errors), self.rows, fmt)


def _stem(file_name: str | None) -> str | None:
    """ "steel_ministry_wide.csv" → "steel ministry wide": a name when the file gives none."""
    return file_name.rsplit("/", 1)[-1].split(".")[0].replace("_", " ") if file_name else None


def _where(meta: dict) -> str:
    return f" in {meta['geography']}" if meta.get("geography") else ""


def _series(builder: _Builder, kept: list[int], provenance: Provenance) -> Series:
    meta = dict(builder.meta)
    own = meta.pop("provenance", {})
    merged = replace(provenance, **{k: v for k, v in own.items() if v and not getattr(provenance, k)})
    values = tuple(None if builder.values[i] != builder.values[i] else builder.values[i] for i in kept)
    return Series(
        measure=meta.get("measure") or merged.dataset or _stem(merged.file_name) or "series",
        unit=builder.unit,
        scale=builder.scale,
        unit_label=meta.get("unit_label"),
        geography=meta.get("geography"),
        frequency=meta.get("frequency") or _frequency([builder.periods[i] for i in kept]),
        dimensions=tuple(meta.get("dimensions", ())),
        periods=tuple(builder.periods[i] for i in kept),
        values=values,
        flags=tuple(builder.flags[i] for i in kept),
        provenance=merged,
        kind=figure_kind(builder.unit),
    )


_FREQUENCY = {"year": "A", "semester": "S", "quarter": "Q", "month": "M", "week": "W", "day": "D"}


def _frequency(periods: list[Period]) -> str | None:
    """The most common granularity of the periods, as an SDMX frequency code."""
    counts: dict[str, int] = {}
    for period in periods:
        counts[period.granularity or ""] = counts.get(period.granularity or "", 0) + 1
    best = max(counts, key=counts.get) if counts else None
    return _FREQUENCY.get(best or "")


def _value(cell: str | float | None) -> tuple[float, tuple[str, ...]]:
    """A value cell: a number, a missing marker (NaN stands for missing), either followed by flag letters
    as Eurostat writes them ("12.3 p", ": c")."""
    if cell is None:
        return float("nan"), ()
    if isinstance(cell, int | float):
        return float(cell), ()
    text = cell.strip()
    try:
        return float(text), ()
    except ValueError:
        pass
    if text.lower() in MISSING_MARKERS:
        return float("nan"), ("missing",) if text else ()
    head, _, tail = text.rpartition(" ")
    if head and tail.isalpha() and len(tail) <= 3:
        number, flags = _value(head)
        return number, flags + flag_words(tail)
    try:
        return parse_number(text), ()
    except ValueError as e:
        raise ValueError(f"value {text!r} is not a number (use ':' or '..' for a missing value)") from e


def open_text(content: str | bytes | IO, name: str) -> Iterator[str]:
    """Lines of a file given as text, bytes or an open (binary or text) stream; UTF-8, BOM ignored."""
    if isinstance(content, str):
        stream: IO = io.StringIO(content.removeprefix("\ufeff"), newline="")
    elif isinstance(content, bytes | bytearray):
        stream = io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline="")
    elif isinstance(content, io.TextIOBase):
        stream = content
    else:
        stream = io.TextIOWrapper(content, encoding="utf-8-sig", newline="")
    try:
        yield from stream
    except UnicodeDecodeError as e:
        raise SourceImportError([f"{name}: not UTF-8 text (byte {e.start}); save the file as UTF-8"]) from e


def peek(lines: Iterator[str], count: int) -> tuple[list[str], Iterator[str]]:
    """The first ``count`` lines, and an iterator over all lines (those included)."""
    head = list(itertools.islice(lines, count))
    return head, itertools.chain(head, lines)


def delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in ",;\t"}
    return max(counts, key=lambda d: (counts[d], d == ","))
