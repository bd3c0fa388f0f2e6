"""What two observations share: periods (ISO labels, overlap) and units (pint scales, currencies).

Pure helpers for comparison, ranking, storage and charts: a period label such as "2023", "2023-09",
"2023-Q3" or "2021–2024" becomes a ``Period`` with ISO bounds; two units are comparable when pint
converts one into the other (5 km = 5,000 m), and money only in the same currency (£ and $ need a
stated rate, which a figure never carries).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from claims.models import Base, Period

_INTERVAL = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})\s*$")  # ISO 8601: start/end
_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
# The forms statistics offices, SDMX and spreadsheets write one period in; each is tried in turn.
_FORMS = tuple(
    (kind, re.compile(pattern, re.VERBOSE | re.IGNORECASE))
    for kind, pattern in (
        ("year", rf"^{_YEAR}(?:-A1?)?$"),                                   # 2023, SDMX 2023-A1
        ("years", rf"^{_YEAR}\s*(?:-|–|—|to|/)\s*(?P<y2>1[89]\d\d|20\d\d)$"),  # a span: 2021–2024
        ("quarter", rf"^{_YEAR}\s*-?\s*[QT](?P<n>[1-4])$"),                 # 2023-Q3, 2023Q3, 2023T3
        ("quarter", rf"^[QT](?P<n>[1-4])\s*[-/]?\s*{_YEAR}$"),              # Q3 2023, T3 2023 (trimestre)
        ("month", rf"^{_YEAR}\s*-?\s*M(?P<n>0?[1-9]|1[0-2])$"),             # 2023M07, 2023-M07
        ("month", rf"^{_YEAR}[-/.](?P<n>0[1-9]|1[0-2])$"),                  # 2023-07, 2023/07
        ("month", rf"^(?P<n>0?[1-9]|1[0-2])[-/.]{_YEAR}$"),                 # 07/2023
        ("semester", rf"^{_YEAR}\s*-?\s*[SH](?P<n>[12])$"),                 # 2023-S1, 2023H1
        ("semester", rf"^[SH](?P<n>[12])\s*[-/]?\s*{_YEAR}$"),              # S1 2023, H1 2023
        ("week", rf"^{_YEAR}\s*-?\s*W(?P<n>\d\d?)$"),                       # ISO week 2023-W05
        ("day", rf"^{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d)$"),                    # 2023-07-01
        ("fiscal", rf"^FY\s*-?\s*{_YEAR}$"),                                # FY2023, named by its last year
        ("named_month", rf"^(?P<word>[^\W\d_]+)\.?\s*-?\s*{_YEAR}$"),       # July 2023, juil. 2023
    )
)  # fmt: skip
# units that are plain counts or shares, not physical quantities: compared by kind, not by pint
_PLAIN_UNITS = {"%", "pp"}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# symbols newsrooms use that pint reads otherwise ("kt" is a knot to pint, a kilotonne in the news)
_PINT_NAMES = {"t": "tonne", "kt": "kilotonne", "Mt": "megatonne", "Gt": "gigatonne", "bbl": "oil_barrel"}


def _month_period(year: int, month: int, label: str) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last}", "month", label)


@functools.cache
def _month_names() -> dict[str, int]:
    """Month names and abbreviations of every language the claim engine reads, folded."""
    from claims.dates_lexicon import lexicon  # the date vocabulary: one list of month names
    from claims.vocabulary import LANGUAGES

    return {name: number for lang in LANGUAGES for name, number in lexicon(lang).months.items()}


def _form_period(kind: str, m: re.Match, label: str, fiscal_year_start: int | None) -> Period | None:
    """The period one matched form gives; None when its numbers name no real date (2023-W60)."""
    year = int(m["y"])
    if kind == "year":
        return Period(f"{year}-01-01", f"{year}-12-31", "year", label)
    if kind == "years":
        last = int(m["y2"])
        return Period(f"{year}-01-01", f"{last}-12-31", "span", label) if last > year else None
    if kind == "quarter":
        first = 3 * (int(m["n"]) - 1) + 1
        last = first + 2
        end = f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]}"
        return Period(f"{year}-{first:02d}-01", end, "quarter", label)
    if kind == "month":
        return _month_period(year, int(m["n"]), label)
    if kind == "semester":
        first = "01-01" if m["n"] == "1" else "07-01"
        return Period(f"{year}-{first}", f"{year}-{'06-30' if m['n'] == '1' else '12-31'}", "semester", label)
    if kind == "week":
        try:
            monday = dt.date.fromisocalendar(year, int(m["n"]), 1)
        except ValueError:
            return None
        return Period(monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week", label)
    if kind == "day":
        try:
            day = dt.date(year, int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            return None
        return Period(day, day, "day", label)
    if kind == "fiscal":
        if not fiscal_year_start or fiscal_year_start == 1:  # without the start month FY2023 stays words
            return Period(f"{year}-01-01", f"{year}-12-31", "year", label) if fiscal_year_start else None
        start = dt.date(year - 1, fiscal_year_start, 1)
        end = dt.date(year, fiscal_year_start, 1) - dt.timedelta(days=1)
        return Period(start.isoformat(), end.isoformat(), "span", label)
    from claims.dates_lexicon import fold

    month = _month_names().get(fold(m["word"]))
    return _month_period(year, month, label) if month else None


def period_from_label(label: str | None, *, fiscal_year_start: int | None = None) -> Period | None:
    """A period from a label as typed or imported; words it cannot read stay as an open period.

    Reads years, spans of years, quarters (2023-Q3, 2023Q3, T3 2023), months (2023-07, 2023M07,
    July 2023, juillet 2023), semesters (2023-S1, 2023H1), ISO weeks (2023-W05), days (2023-07-01),
    ISO intervals, and FY2023 when ``fiscal_year_start`` (the month the fiscal year starts) is given.

    >>> period_from_label("2023-Q3")
    Period(start='2023-07-01', end='2023-09-30', granularity='quarter', surface='2023-Q3', open=False)
    >>> [period_from_label(label).start for label in ("T3 2023", "2023M07", "2023-W05", "juil. 2023")]
    ['2023-07-01', '2023-07-01', '2023-01-30', '2023-07-01']
    >>> period_from_label("last year").open
    True
    """
    if not label or not label.strip():
        return None
    label = label.strip()
    interval = _INTERVAL.match(label)
    if interval and interval[1] <= interval[2]:
        return Period(interval[1], interval[2], "day" if interval[1] == interval[2] else "span", label)
    for kind, pattern in _FORMS:
        m = pattern.match(label)
        if m:
            period = _form_period(kind, m, label, fiscal_year_start)
            return period if period is not None else Period(surface=label, open=True)
    return Period(surface=label, open=True)


def standard_label(period: Period | None) -> str | None:
    """The SDMX-style label of a period of one unit (2023, 2023-Q3, 2023-07, 2023-S1, 2023-W05,
    2023-07-01), whatever words gave it: the key a series stores its values under.

    >>> standard_label(period_from_label("T3 2023")), standard_label(period_from_label("juil. 2023"))
    ('2023-Q3', '2023-07')
    """
    if period is None or not period.start:
        return None
    start, year = period.start, period.start[:4]
    kind = period.granularity
    if kind == "year":
        return year
    if kind == "quarter":
        return f"{year}-Q{(int(start[5:7]) - 1) // 3 + 1}"
    if kind == "month":
        return start[:7]
    if kind == "semester":
        return f"{year}-S{1 if start[5:7] <= '06' else 2}"
    if kind == "week":
        iso = dt.date.fromisoformat(start).isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if kind == "day":
        return start
    return f"{start}/{period.end or start}"


def period_label(period: Period | None) -> str | None:
    """A short label: the words that gave the period, else its ISO bounds.

    >>> period_label(Period("2021-01-01", "2024-12-31", "span"))
    '2021–2024'
    """
    if period is None:
        return None
    if period.surface:
        return period.surface
    if not period.start:
        return None
    if period.granularity == "year" or (period.start[5:] == "01-01" and (period.end or "")[5:] == "12-31"):
        first, last = period.start[:4], (period.end or period.start)[:4]
        return first if first == last else f"{first}–{last}"
    if period.granularity == "month":
        return period.start[:7]
    return period.start if period.end in (None, period.start) else f"{period.start} – {period.end}"


def base_from_label(label: str | None) -> Base | None:
    """A base typed as a period label ("2022") or kept as words.

    >>> base_from_label("2019").period.start
    '2019-01-01'
    """
    if not label or not label.strip():
        return None
    period = period_from_label(label)
    return Base(period=period if period and not period.open else None, surface=label.strip())


def base_label(base: Base | None) -> str | None:
    """A short label of a base: its value, its period, or the words that gave it.

    >>> base_label(Base(value=3000, period=period_from_label("2019")))
    '3,000 in 2019'
    """
    if base is None:
        return None
    parts = []
    if base.value is not None:
        number = f"{base.value:,.0f}" if float(base.value).is_integer() else f"{base.value:,.4g}"
        parts.append(f"{number} {base.unit}" if base.unit else number)
    when = period_label(base.period)
    if when:
        parts.append(when)
    if not parts:
        return base.surface
    return " in ".join(parts)


def periods_overlap(first: Period | None, second: Period | None) -> bool | None:
    """True when the two periods share a day; None when either is unknown or open.

    >>> periods_overlap(period_from_label("2021–2024"), period_from_label("2023-09"))
    True
    """
    if first is None or second is None or not first.start or not second.start:
        return None
    first_end, second_end = first.end or first.start, second.end or second.start
    return first.start <= second_end and second.start <= first_end


def period_years(period: Period | None) -> tuple[int, int] | None:
    """The first and last year a period covers (for ranking and charts)."""
    if period is None or not period.start:
        return None
    return int(period.start[:4]), int((period.end or period.start)[:4])


def period_year_labels(period: Period | None) -> set[str]:
    """The years a period covers, as "2023" labels (a span of at most 50 years).

    >>> sorted(period_year_labels(period_from_label("2021–2023")))
    ['2021', '2022', '2023']
    """
    years = period_years(period)
    if years is None or years[1] - years[0] > 50:
        return set()
    return {str(y) for y in range(years[0], years[1] + 1)}


def is_currency(unit: str | None) -> bool:
    """A currency code (GBP, USD, EUR): the claim engine writes money units this way."""
    return bool(unit) and bool(_CURRENCY.match(unit))


@functools.cache
def _registry():
    """One pint registry per process: building it takes a fraction of a second."""
    import pint  # imported here: only comparisons with physical units need it

    return pint.UnitRegistry()


@functools.cache
def _quantity(unit: str):
    """The pint quantity of one ``unit``, or None when pint does not know the symbol."""
    try:
        return _registry().Quantity(1, _PINT_NAMES.get(unit, unit))
    except Exception:  # pint raises several error types for unknown or ambiguous symbols
        return None


_RATE = re.compile(r"per ([\d,]+)\Z")


def _rate_base(unit: str) -> float | None:
    """The base of a rate unit ("per 100,000" -> 100000); a percent is a rate per 100."""
    if unit == "%":
        return 100.0
    m = _RATE.match(unit)
    return float(m.group(1).replace(",", "")) if m else None


def units_compatible(first: str | None, second: str | None) -> bool:
    """Same currency, same plain unit, two rates ("per 1,000", "per 100,000", "%"), or two physical
    units pint converts between.

    A missing unit on one side is compatible (the words did not say); £ and $ never are.

    >>> units_compatible("km", "m"), units_compatible("GBP", "USD"), units_compatible("t", "km")
    (True, False, False)
    >>> units_compatible("per 1,000", "per 100,000"), units_compatible("per 1,000", "km")
    (True, False)
    """
    if not first or not second or first.lower() == second.lower():
        return True
    if _rate_base(first) and _rate_base(second):
        return True
    if is_currency(first) or is_currency(second) or first in _PLAIN_UNITS or second in _PLAIN_UNITS:
        return False
    a, b = _quantity(first), _quantity(second)
    return a is not None and b is not None and a.dimensionality == b.dimensionality


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when they are not comparable.

    >>> convert(5, "km", "m"), convert(3, "per 1,000", "per 100,000")
    (5000.0, 300.0)
    """
    if not unit or not to_unit or unit.lower() == to_unit.lower():
        return float(value) if units_compatible(unit, to_unit) else None
    if not units_compatible(unit, to_unit):
        return None
    bases = _rate_base(unit), _rate_base(to_unit)
    if bases[0] and bases[1]:  # 3 per 1,000 is 300 per 100,000
        return float(value) * bases[1] / bases[0]
    return float(_quantity(unit).to(_quantity(to_unit).units).magnitude * value)


def signed(value: float | None, direction: str | None) -> float | None:
    """The value with the sign its direction gives: a fall of 12 is −12 (a multiplier stays as it is).

    >>> signed(12, "down"), signed(-3, None), signed(12, "up")
    (-12.0, -3.0, 12.0)
    """
    if value is None:
        return None
    if direction == "down":
        return -abs(float(value))
    if direction == "up":
        return abs(float(value))
    return float(value)
