"""A statistical series as evidence: what is measured, unit and scale, geography, frequency, values by
period with their flags (provisional, estimated, break...), and where it comes from.

Values are stored as the file gives them; ``scale`` says what one unit of a value is worth (thousand
tonnes: unit "t", scale 1,000), so a comparison converts once. Values are kept in columns (periods,
values, flags), sorted by period: a million observations cost a few tens of megabytes, not a record each.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.models import Period
from sources.observations import period_from_label, standard_label

# Observation flags: Eurostat's letters and SDMX's OBS_STATUS codes (one table, both case-insensitive
# for the words; the codes agree where they overlap). A flag not listed is kept as "flag X".
FLAG_WORDS = {
    "a": "normal",
    "b": "break in series",
    "c": "confidential",
    "d": "definition differs",
    "e": "estimated",
    "f": "forecast",
    "i": "imputed",
    "m": "missing",
    "n": "not significant",
    "p": "provisional",
    "r": "revised",
    "s": "statistical office estimate",
    "u": "low reliability",
    "z": "not applicable",
    "l": "missing, exists but not collected",
    "o": "missing",
}
# Cells that say "no value here": Eurostat ":", OECD/World Bank "..", spreadsheets "n/a", "NaN", "-".
MISSING_MARKERS = frozenset(
    {"", ":", "..", "...", "n/a", "na", "nan", "-", "–", "—", "x", "nd", "n.d.", "null"}
)
# SDMX UNIT_MULT (a power of ten) and the scale words unit codes and labels carry.
SCALE_WORDS = {
    "ths": 1e3, "thousand": 1e3, "thousands": 1e3, "millier": 1e3, "milliers": 1e3, "k": 1e3,
    "mio": 1e6, "million": 1e6, "millions": 1e6, "mn": 1e6,
    "bn": 1e9, "billion": 1e9, "billions": 1e9, "mrd": 1e9, "milliard": 1e9, "milliards": 1e9,
}  # fmt: skip
# Unit codes (Eurostat, SDMX UNIT_MEASURE, World Bank label words) in the units the claim engine writes.
UNIT_CODES = {
    "pc": "%", "pc_gdp": "%", "pc_act": "%", "pc_pop": "%", "pc_tot": "%", "percent": "%", "%": "%",
    "pch_pre": "%", "pch_sm": "%", "pcent": "%",
    "t": "t", "tonne": "t", "tonnes": "t", "ton": "t",
    "eur": "EUR", "euro": "EUR", "euros": "EUR", "usd": "USD", "us$": "USD", "gbp": "GBP", "xdr": "XDR",
    "nr": None, "number": None, "nombre": None, "per": None, "persons": None, "personnes": None, "pers": None,
    "km": "km", "kwh": "kWh", "gwh": "GWh", "twh": "TWh", "mw": "MW", "ha": "ha", "l": "L",
}  # fmt: skip
_CODE_PARTS = re.compile(r"[_\s]+")


@dataclass(frozen=True)
class Provenance:
    """Where a series comes from: ``publisher`` (Eurostat, INSEE...), ``dataset`` and ``series_code``
    as the publisher names them, ``url``, and when it was retrieved (ISO date or date-time)."""

    publisher: str | None = None
    dataset: str | None = None
    series_code: str | None = None
    url: str | None = None
    retrieved_at: str | None = None
    file_name: str | None = None


@dataclass(frozen=True)
class SeriesPoint:
    """One value of a series: ``value`` None when the cell says "no value" (":", ".."), ``flags`` in words."""

    period: Period
    value: float | None
    flags: tuple[str, ...] = ()

    @property
    def label(self) -> str | None:
        """The period's standard label ("2023-Q3")."""
        return standard_label(self.period)


@dataclass(frozen=True)
class Series:
    """A statistical series: ``measure`` (what is measured, in words), ``unit`` as the claim engine writes
    units ("%", "EUR", "t", None for a count), ``scale`` (a value of 1 is worth ``scale`` units),
    ``unit_label`` (the code or words the file gave), ``geography``, ``frequency`` (A, S, Q, M, W, D),
    ``periods``/``values``/``flags`` sorted by period, ``dimensions`` (the rest of its key, as pairs)."""

    measure: str
    unit: str | None
    periods: tuple[Period, ...]
    values: tuple[float | None, ...]
    flags: tuple[tuple[str, ...], ...]
    scale: float = 1.0
    unit_label: str | None = None
    geography: str | None = None
    frequency: str | None = None
    dimensions: tuple[tuple[str, str], ...] = ()
    provenance: Provenance = Provenance()
    kind: str = "number"

    def __len__(self) -> int:
        return len(self.periods)

    @property
    def points(self) -> tuple[SeriesPoint, ...]:
        """The values as records (built on demand: the columns are what is kept)."""
        return tuple(
            SeriesPoint(p, v, f) for p, v, f in zip(self.periods, self.values, self.flags, strict=True)
        )

    @property
    def name(self) -> str:
        """How a sentence names it: publisher, series code (or dataset), geography."""
        source = self.provenance
        code = source.series_code or source.dataset
        parts = [source.publisher or "", "series", code or f"“{self.measure}”"]
        where = f" ({self.geography})" if self.geography else ""
        return " ".join(part for part in parts if part) + where

    def value_at(self, label: str | Period) -> SeriesPoint | None:
        """The point of exactly this period (same start and end), or None.

        >>> s = Series("Output", "t", (period_from_label("2023"),), (4.0,), ((),))
        >>> s.value_at("2023").value
        4.0
        """
        period = period_from_label(label) if isinstance(label, str) else label
        if period is None or period.start is None:
            return None
        for point in self.points:
            if point.period.start == period.start and point.period.end == period.end:
                return point
        return None

    @property
    def first(self) -> Period | None:
        return self.periods[0] if self.periods else None

    @property
    def last(self) -> Period | None:
        return self.periods[-1] if self.periods else None


def flag_words(cell: str) -> tuple[str, ...]:
    """The flags of a cell in words: each letter of Eurostat's "pe", or one SDMX code or word.

    >>> flag_words("pe"), flag_words("E"), flag_words("provisional"), flag_words("A"), flag_words("b c")
    (('provisional', 'estimated'), ('estimated',), ('provisional',), (), ('break in series', 'confidential'))
    """
    cell = cell.strip()
    if " " in cell:  # several codes: "p c", a status and a confidentiality
        return tuple(dict.fromkeys(word for code in cell.split() for word in flag_words(code)))
    if not cell:
        return ()
    folded = cell.lower()
    if folded in FLAG_WORDS.values():
        return (folded,)
    if folded.isalpha() and len(folded) <= 3:
        words = (FLAG_WORDS.get(letter, f"flag {letter}") for letter in folded)
        return tuple(word for word in words if word != "normal")  # "A", a normal value, is no flag
    return (cell,)


def read_unit(code: str | None) -> tuple[str | None, float]:
    """A unit code or label ("THS_T", "MIO_EUR", "PC_GDP", "current US$", "Thousand tonnes") as the
    claim engine's unit and the scale it carries.

    >>> read_unit("THS_T"), read_unit("MIO_EUR"), read_unit("PC_GDP"), read_unit("NR")
    (('t', 1000.0), ('EUR', 1000000.0), ('%', 1.0), (None, 1.0))
    """
    if not code or not code.strip():
        return None, 1.0
    text = code.strip()
    folded = text.lower()
    if folded in UNIT_CODES:
        return UNIT_CODES[folded], 1.0
    words = [w for w in _CODE_PARTS.split(folded.replace("(", " ").replace(")", " ")) if w]
    scale = 1.0
    rest = []
    for word in words:
        if word in SCALE_WORDS and scale == 1.0:
            scale = SCALE_WORDS[word]
        else:
            rest.append(word)
    joined = "_".join(rest)
    if (
        rest and rest[0] in ("pc", "pt", "pch", "pcent") and len(rest) > 1
    ):  # PC_GDP, PT_LF_SUB, PCH_SM: percent
        return "%", scale
    if joined in UNIT_CODES:
        return UNIT_CODES[joined], scale
    for word in rest:  # "current us$", "% of gdp", "eur per capita": the first known word
        if word in UNIT_CODES or word.startswith("%"):
            return UNIT_CODES.get(word, "%"), scale
    return text, scale  # an unknown unit is kept as given: compared only with the same words


def unit_multiplier(cell: str | None) -> float:
    """SDMX UNIT_MULT: a power of ten ("3" is thousands); empty is 1.

    >>> unit_multiplier("6"), unit_multiplier("")
    (1000000.0, 1.0)
    """
    if not cell or not cell.strip():
        return 1.0
    power = int(cell.strip())
    return math.pow(10, power)


def figure_kind(unit: str | None) -> str:
    """The kind a comparison reads a level of this unit as (the claim engine's kinds)."""
    if unit == "%":
        return "percent"
    if unit and re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    return "measure" if unit else "count"


@dataclass(frozen=True)
class SeriesFacts:
    """What ranking reads of a series without its values: what it measures, unit, geography, frequency,
    codes, and the first and last periods with a value (``values`` of them in all)."""

    measure: str
    unit: str | None = None
    unit_label: str | None = None
    geography: str | None = None
    frequency: str | None = None
    dataset: str | None = None
    series_code: str | None = None
    first: Period | None = None
    last: Period | None = None
    values: int = 0


def series_facts(series: Series) -> SeriesFacts:
    """The facts of a whole series (its first and last periods that hold a value).

    >>> periods = (period_from_label("2022"), period_from_label("2023"))
    >>> s = Series("Output", "t", periods, (None, 4.0), ((), ()))
    >>> standard_label(series_facts(s).first), series_facts(s).values
    ('2023', 1)
    """
    held = [p for p, v in zip(series.periods, series.values, strict=True) if v is not None]
    source = series.provenance
    return SeriesFacts(
        series.measure, series.unit, series.unit_label, series.geography, series.frequency,
        source.dataset, source.series_code, held[0] if held else None, held[-1] if held else None, len(held),
    )  # fmt: skip
