"""What two observations share: periods (ISO labels, overlap) and units (pint scales, currencies).

Pure helpers for comparison, ranking, storage and charts: a period label such as "2023", "2023-09",
"2023-Q3" or "2021–2024" becomes a ``Period`` with ISO bounds; two units are comparable when pint
converts one into the other (5 km = 5,000 m), and money only in the same currency (£ and $ need a
stated rate, which a figure never carries).
"""

from __future__ import annotations

import calendar
import functools
import re

from claims.models import Base, Period

_INTERVAL = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})\s*$")  # ISO 8601: start/end
_LABEL = re.compile(
    r"""
    ^\s*(?P<y1>1[89]\d\d|20\d\d)                 # a year
    (?:
        -(?P<q>[Qq][1-4])                         # a quarter: 2023-Q3
      | -(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-3]\d))? # a month, a day: 2023-09, 2023-09-05
      | \s*(?:-|–|—|to|/)\s*(?P<y2>1[89]\d\d|20\d\d)  # a span of years: 2021–2024
    )?\s*$
    """,
    re.VERBOSE,
)
# units that are plain counts or shares, not physical quantities: compared by kind, not by pint
_PLAIN_UNITS = {"%", "pp"}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# symbols newsrooms use that pint reads otherwise ("kt" is a knot to pint, a kilotonne in the news)
_PINT_NAMES = {"t": "tonne", "kt": "kilotonne", "Mt": "megatonne", "Gt": "gigatonne", "bbl": "oil_barrel"}


def period_from_label(label: str | None) -> Period | None:
    """A period from a label as typed or imported; words it cannot read stay as an open period.

    >>> period_from_label("2023-Q3")
    Period(start='2023-07-01', end='2023-09-30', granularity='quarter', surface='2023-Q3', open=False)
    >>> period_from_label("last year").open
    True
    """
    if not label or not label.strip():
        return None
    label = label.strip()
    interval = _INTERVAL.match(label)
    if interval and interval[1] <= interval[2]:
        return Period(interval[1], interval[2], "day" if interval[1] == interval[2] else "span", label)
    m = _LABEL.match(label)
    if not m:
        return Period(surface=label, open=True)
    y1 = int(m["y1"])
    if m["y2"]:
        return Period(f"{y1}-01-01", f"{int(m['y2'])}-12-31", "span", label)
    if m["q"]:
        first = 3 * (int(m["q"][1]) - 1) + 1
        last = first + 2
        return Period(
            f"{y1}-{first:02d}-01", f"{y1}-{last:02d}-{calendar.monthrange(y1, last)[1]}", "quarter", label
        )
    if m["d"]:
        day = f"{y1}-{m['m']}-{m['d']}"
        return Period(day, day, "day", label)
    if m["m"]:
        month = int(m["m"])
        return Period(
            f"{y1}-{month:02d}-01", f"{y1}-{month:02d}-{calendar.monthrange(y1, month)[1]}", "month", label
        )
    return Period(f"{y1}-01-01", f"{y1}-12-31", "year", label)


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


def units_compatible(first: str | None, second: str | None) -> bool:
    """Same currency, same plain unit, or two physical units pint converts between.

    A missing unit on one side is compatible (the words did not say); £ and $ never are.

    >>> units_compatible("km", "m"), units_compatible("GBP", "USD"), units_compatible("t", "km")
    (True, False, False)
    """
    if not first or not second or first.lower() == second.lower():
        return True
    if is_currency(first) or is_currency(second) or first in _PLAIN_UNITS or second in _PLAIN_UNITS:
        return False
    a, b = _quantity(first), _quantity(second)
    return a is not None and b is not None and a.dimensionality == b.dimensionality


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when they are not comparable.

    >>> convert(5, "km", "m")
    5000.0
    """
    if not unit or not to_unit or unit.lower() == to_unit.lower():
        return float(value) if units_compatible(unit, to_unit) else None
    if not units_compatible(unit, to_unit):
        return None
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
