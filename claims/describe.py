"""Plain-language readings of statistics, shared by tables, exports and charts.

Readings are short and in English whatever the article's language: "more than 250",
"dozens (24–99)", "+40 %", "−2 pp", "1 in 5", "from 7 % to 9 % (+2 pp)", "×3".
"""

from __future__ import annotations

from fractions import Fraction
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
# A bounded change says its bound on its size, in words, so no sign muddles it: "up more than 5 %".
_SIZE_WORDS = {
    "lower": {False: "more than", True: "at least"},
    "upper": {False: "less than", True: "at most"},
    "approximate": {False: "about", True: "about"},
}
_MINUS = "\u2212"  # a true minus sign reads better than a hyphen in "−2 pp"


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def _with_unit(number: str, unit: str | None) -> str:
    return f"{number} {unit}" if unit else number


def _signed(value: float, direction: str | None) -> str:
    """ "+40", "−2": the direction word wins over the sign of the value."""
    down = direction == "down" or (direction is None and value < 0)
    return f"{_MINUS if down else '+'}{_fmt(abs(value))}"


def _delta(value: float, direction: str | None, unit: str | None, size: str | None, inclusive: bool) -> str:
    """ "+5 %", or with a bound on its size "up more than 5 %", "down about 20 %"."""
    words = _SIZE_WORDS.get(size or "", {}).get(inclusive)
    if words is None:
        return _with_unit(_signed(value, direction), unit)
    down = direction == "down" or (direction is None and value < 0)
    return f"{'down' if down else 'up'} {words} {_with_unit(_fmt(abs(value)), unit)}"


def _vague(stat: Statistic) -> str:
    """ "dozens (24–99)", "thousands (2,000+)": the words, then what they allow."""
    low, high, words = stat.bound.low, stat.bound.high, stat.surface.lower()
    if low is None and high is None:
        return words
    allowed = f"{_fmt(low)}+" if high is None else f"{_fmt(low or 0)}–{_fmt(high)}"
    return f"{words} ({allowed})"


def _change(stat: Statistic) -> str:
    """ "+40 %", "−2 pp", "−98,000 jobseekers", or "from 7 % to 9 % (+2 pp)" when both ends are known."""
    bound, value = stat.bound, stat.value
    size = None if bound.kind == "range" else bound.kind  # "fell by more than 5%": the size is bounded
    delta = _delta(value, stat.direction, stat.unit, size, bound.inclusive) if value is not None else None
    if delta and stat.counted and stat.unit is None:
        delta = f"{delta} {stat.counted}"  # "−98,000 jobseekers"
    if bound.kind == "range" and bound.low is not None and bound.high is not None:
        falling = stat.direction == "down" or (stat.direction is None and (value or 0) < 0)
        first, last = (bound.high, bound.low) if falling else (bound.low, bound.high)
        end_unit = "%" if stat.unit == "pp" else stat.unit  # the ends of a change in points are percents
        ends = f"from {_with_unit(_fmt(first), end_unit)} to {_with_unit(_fmt(last), end_unit)}"
        return f"{ends} ({delta})" if delta else ends
    return delta or "a change"


def _from_base(stat: Statistic) -> str:
    """ "from 7 % to 9 % (+2 pp)": a level read with the value it is compared with."""
    base, value, bound = stat.base, stat.value or 0.0, stat.bound
    first = _with_unit(_fmt(base.value), base.unit or stat.unit)
    last = _with_unit(_fmt(value), stat.unit)
    words = _BOUND_WORDS.get((bound.kind, bound.inclusive))
    if words:  # "from 200 to more than 250": the level's bound, and so the change's
        last = f"{words} {last}"
    delta = round(value - (base.value or 0.0), 10)
    unit = "pp" if stat.unit == "%" else stat.unit
    size = bound.kind if words else None
    if delta < 0 and size in ("lower", "upper"):  # more than 150 from 200: a fall of less than 50
        size = "upper" if size == "lower" else "lower"
    return f"from {first} to {last} ({_delta(delta, None, unit, size, bound.inclusive)})"


def _ratio(stat: Statistic) -> str | None:
    """ "1 in 5", "2 voters in 5", "1 in 3 voters": a small fraction read as people say it (a share in
    percent too); a plural noun after one ("a third of voters") follows the fraction."""
    value = stat.value / 100 if stat.kind == "share" and stat.value is not None else stat.value
    if value is None or not 0 < value < 1:
        return None
    frac = Fraction(value).limit_denominator(20)
    if abs(float(frac) - value) > 1e-6 * max(1.0, value):
        return None
    counted = f" {stat.counted}" if stat.counted else ""
    if frac.numerator == 1 and counted.endswith(("s", "x")):
        return f"1 in {frac.denominator}{counted}"
    return f"{frac.numerator}{counted} in {frac.denominator}"


def describe_statistic(stat: Statistic) -> str:
    """Render a statistic as a short phrase.

    >>> from claims.models import Statistic, Bound
    >>> describe_statistic(Statistic("plus de 250", (0, 11), "count", 250, Bound("lower", 250, None, False)))
    'more than 250'
    >>> dozens = Bound("approximate", 24, 99)
    >>> describe_statistic(Statistic("dozens", (0, 6), "count", None, dozens, vague=True))
    'dozens (24–99)'
    >>> describe_statistic(Statistic("40%", (0, 3), "change", 40, unit="%", direction="up"))
    '+40 %'
    >>> describe_statistic(Statistic("2 points", (0, 8), "change", 2, unit="pp", direction="down"))
    '−2 pp'
    >>> to_nine = Bound("range", 7, 9)
    >>> describe_statistic(Statistic("de 7 % à 9 %", (0, 12), "change", 2, to_nine, "pp", direction="up"))
    'from 7 % to 9 % (+2 pp)'
    >>> describe_statistic(Statistic("one in five", (0, 11), "share", 20, unit="%"))
    '1 in 5'
    """
    if stat.kind == "multiplier":
        words = _SIZE_WORDS.get(stat.bound.kind, {}).get(stat.bound.inclusive)
        return f"{words} ×{_fmt(stat.value)}" if words else f"×{_fmt(stat.value)}"  # "more than ×3"
    if stat.value is None or stat.vague:
        return _vague(stat)
    if stat.kind == "change":
        return _change(stat)
    if stat.kind in ("ratio", "share"):
        spoken = _ratio(stat)
        if spoken:
            return f"just under {spoken}" if stat.bound.kind == "upper" else spoken
    if stat.base is not None and stat.base.value is not None and stat.kind != "multiplier":
        return _from_base(stat)
    bound = stat.bound
    if bound.kind == "range":
        core = f"{_fmt(bound.low)}–{_fmt(bound.high)}"
    else:
        core = _fmt(stat.value)
        prefix = _BOUND_WORDS.get((bound.kind, bound.inclusive))
        if prefix:
            core = f"{prefix} {core}"
    if stat.counted and stat.unit and stat.unit.startswith("per "):
        return f"{core} {stat.counted} {stat.unit}"  # a rate: "3 deaths per 1,000"
    core = _with_unit(core, stat.unit)
    if stat.counted:
        core = f"{core} {stat.counted}"
    return core
