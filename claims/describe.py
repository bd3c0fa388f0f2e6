"""Plain-language readings of statistics, shared by tables, exports and charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.models import Statistic

_BOUND_WORDS = {
    ("lower", False): "more than",
    ("lower", True): "at least",
    ("upper", False): "fewer than",
    ("upper", True): "at most",
    ("approximate", True): "about",
    ("approximate", False): "about",
}


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def describe_statistic(stat: Statistic) -> str:
    """Render a statistic as a short phrase.

    >>> from claims.models import Statistic, Bound
    >>> describe_statistic(Statistic("plus de 250", (0, 11), "count", 250, Bound("lower", 250, None, False)))
    'more than 250'
    """
    if stat.kind == "multiplier":
        return f"×{_fmt(stat.value)}"
    bound = stat.bound
    if bound.kind == "range":
        core = f"{_fmt(bound.low)}–{_fmt(bound.high)}"
    else:
        core = _fmt(stat.value)
        prefix = _BOUND_WORDS.get((bound.kind, bound.inclusive))
        if prefix:
            core = f"{prefix} {core}"
    if stat.unit:
        core = f"{core} {stat.unit}" if stat.unit != "%" else f"{core}%"
    if stat.counted:
        core = f"{core} {stat.counted}"
    return core
