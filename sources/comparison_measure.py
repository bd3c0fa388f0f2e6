"""Is it the same measure? The family of a figure (count, money, measure, share...), its unit and
scale (through pint), and how alike the words of what is counted are (rapidfuzz)."""

from __future__ import annotations

from typing import Protocol

from rapidfuzz import fuzz

from claims.models import Bound
from sources.analysis import analyse, fold
from sources.observations import is_currency, units_compatible

_NAMES = {
    "count": "a count",
    "money": "a sum of money",
    "measure": "a measurement",
    "share": "a share",
    "points": "a difference in points",
    "multiplier": "a multiplier",
    "change": "a change",
    "ordinal": "a rank",
}


class Figure(Protocol):
    """What ``Statistic`` and ``ReportedFigure`` share."""

    value: float | None
    kind: str
    bound: Bound
    unit: str | None
    counted: str | None


def family(fig) -> str:
    """What sort of quantity a figure is, from its kind and unit.

    >>> family(type("F", (), {"kind": "number", "unit": "GBP"})())
    'money'
    """
    kind, unit = fig.kind, fig.unit
    if kind in ("change", "multiplier", "ordinal"):
        return kind
    if kind == "percentage_points" or unit == "pp":
        return "points"
    if kind == "money" or is_currency(unit):
        return "money"
    if kind in ("percent", "ratio", "share") or unit == "%":
        return "share"
    if unit:
        return "measure"  # a measurement without a unit is read as a count: nothing says otherwise
    return "count"


def _change_sort(unit: str | None) -> str:
    """What a change is counted in: percent, points, money, a measure or a count (no unit).

    >>> _change_sort("t"), _change_sort(None), _change_sort("%")
    ('measure', 'count', 'percent')
    """
    if unit == "%":
        return "percent"
    if unit == "pp":
        return "points"
    if is_currency(unit):
        return "money"
    return "measure" if unit else "count"


def _change_in(unit: str | None) -> str:
    return f"in {unit}" if unit else "in a number of things counted"


def _unit_name(unit: str | None) -> str:
    return unit or "no unit"


def measure_clash(first, second) -> str | None:
    """Why two figures are not the same measure, in words; None when nothing clashes.

    >>> pound, dollar = (type("F", (), {"kind": "money", "unit": u})() for u in ("GBP", "USD"))
    >>> measure_clash(pound, dollar)
    'GBP against USD, and no stated exchange rate'
    """
    a, b = family(first), family(second)
    if a != b:
        return f"{_NAMES.get(a, a)} against {_NAMES.get(b, b)}"
    if a == "change" and _change_sort(first.unit) != _change_sort(second.unit):
        return f"a change {_change_in(first.unit)} against a change {_change_in(second.unit)}"
    if not units_compatible(first.unit, second.unit):
        if is_currency(first.unit) and is_currency(second.unit):
            return f"{first.unit} against {second.unit}, and no stated exchange rate"
        return f"{_unit_name(first.unit)} against {_unit_name(second.unit)}"
    return None


def counted_similarity(first: str, second: str) -> float:
    """How alike two descriptions of what is counted are, 0..1: shared stems, or close wording.

    >>> counted_similarity("arms manufacturers", "Western arms manufacturers at the forum")
    1.0
    """
    a, b = set(analyse(first, "en")), set(analyse(second, "en"))
    if a and b:
        shared = len(a & b) / min(len(a), len(b))
        if shared >= 0.5:
            return min(1.0, shared)
    return fuzz.token_set_ratio(fold(first), fold(second)) / 100
