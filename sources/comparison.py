"""Compare a claim's statistic with a figure a source reports: a suggestion for the reviewer, never a verdict.

Checks that both measure the same thing over the same period, how far apart the values are,
whether a bound in the claim ("plus de 250") is satisfied, chains multipliers reported against
the same base (×3 in 2023 and ×6 in 2024 imply ×2 from 2023 to 2024), and flags a forecast
compared with an outcome.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol

from claims.describe import describe_statistic
from claims.models import Bound
from sources.analysis import analyse
from sources.models import Comparison, ReportedFigure, Source

# Kinds that measure the same sort of quantity and can be compared with each other.
_FAMILIES = {
    "count": "amount",
    "number": "amount",
    "measure": "amount",
    "money": "amount",
    "percent": "percent",
    "ratio": "percent",
    "percentage_points": "points",
    "multiplier": "multiplier",
    "change": "change",
    "ordinal": "ordinal",
}


class Figure(Protocol):
    """What ``Statistic`` and ``ReportedFigure`` share."""

    value: float | None
    kind: str
    bound: Bound
    unit: str | None
    counted: str | None


def _pct(x: float) -> str:
    return f"{abs(x) * 100:.1f}".rstrip("0").rstrip(".") + " %"


def _interval(fig: Figure) -> tuple[float, float]:
    """The values the words allow; an exact figure is a point."""
    bound = fig.bound
    value = fig.value
    if _bounded(fig):
        low = bound.low if bound.low is not None else -math.inf
        high = bound.high if bound.high is not None else math.inf
        return low, high
    return (value, value) if value is not None else (-math.inf, math.inf)


def _bounded(fig: Figure) -> bool:
    """A figure given as a bound or a range, or a vague one ("des dizaines": 20 to 99)."""
    if fig.bound.kind in ("lower", "upper", "range"):
        return True
    return fig.value is None and (fig.bound.low is not None or fig.bound.high is not None)


def _same_years(a: str | None, b: str | None) -> bool | None:
    if not a or not b:
        return None
    return a.startswith(b) or b.startswith(a)


def same_metric(stat: Figure, figure: Figure) -> bool:
    """Same family of quantity, same unit, and no clash in what is counted.

    >>> same_metric(ReportedFigure(3.0, "multiplier"), ReportedFigure(3.1, "multiplier"))
    True
    """
    if _FAMILIES.get(stat.kind, stat.kind) != _FAMILIES.get(figure.kind, figure.kind):
        return False
    if stat.unit and figure.unit and stat.unit.lower() != figure.unit.lower():
        return False
    if stat.counted and figure.counted:
        return bool(set(analyse(stat.counted, "en")) & set(analyse(figure.counted, "en")))
    return True


def agrees(stat: Figure, figure: Figure, *, tolerance: float = 0.02) -> bool:
    """True when ``figure`` gives the claim's figure: same metric and value within ``tolerance``,
    or the figure's value satisfies the claim's bound.

    >>> from claims.models import Statistic
    >>> agrees(Statistic("plus de 250", (0, 11), "count", 250, Bound("lower", 250, None, False)),
    ...        ReportedFigure(263, "count"))
    True
    """
    if figure.value is None or not same_metric(stat, figure):
        return False
    if _bounded(stat):
        low, high = _interval(stat)
        return low <= figure.value <= high and (stat.bound.inclusive or figure.value not in (low, high))
    return abs(stat.value - figure.value) <= tolerance * max(abs(figure.value), 1e-9)


def chain(earlier: ReportedFigure, later: ReportedFigure) -> tuple[ReportedFigure, str] | None:
    """The multiplier from ``earlier.period`` to ``later.period`` implied by two multipliers
    against the same base, with a note naming the base (or flagging it unknown).

    >>> fig, note = chain(ReportedFigure(3, "multiplier", period="2023", base="2022"),
    ...                   ReportedFigure(6, "multiplier", period="2024", base="2022"))
    >>> fig.value, fig.base, note
    (2.0, '2023', '×6 ÷ ×3, both against 2022')
    """
    if earlier.kind != "multiplier" or later.kind != "multiplier" or not earlier.value or not later.value:
        return None
    if not earlier.period or not later.period or earlier.period >= later.period:
        return None
    if earlier.base and later.base and earlier.base != later.base:
        return None
    value = later.value / earlier.value
    shown = f"×{later.value:g} ÷ ×{earlier.value:g}"
    base = earlier.base or later.base
    if earlier.base and later.base:
        note = f"{shown}, both against {base}"
    else:
        note = f"{shown}, assuming the same base: the source does not say which ({base or 'unknown'})"
    modality = "forecast" if "forecast" in (earlier.modality, later.modality) else "reported"
    derived = ReportedFigure(
        value=value,
        kind="multiplier",
        bound=Bound("exact", value, value),
        counted=later.counted or earlier.counted,
        period=later.period,
        base=earlier.period,
        modality=modality,
    )
    return derived, note


def _derive(
    figure: ReportedFigure, context: Iterable[ReportedFigure], *, period: str | None, base: str | None
) -> tuple[ReportedFigure, str] | None:
    """A chained multiplier matching the claim's period and base, from ``figure`` and ``context``."""
    if figure.kind != "multiplier" or not base or not period:
        return None
    if _same_years(figure.period, period) and not _same_years(figure.base, base):
        for other in context:
            if other.kind == "multiplier" and _same_years(other.period, base):
                found = chain(other, figure)
                if found:
                    return found
    return None


def _who(source: Source | None) -> str:
    if source is None:
        return "The source"
    year = f"{source.year} " if source.year else ""
    kind = source.kind if source.kind != "other" else "source"
    owner = f"{source.publisher}'s " if source.publisher else "The "
    return f"{owner}{year}{kind}"


def compare(
    stat: Figure,
    figure: ReportedFigure,
    *,
    period: str | None = None,
    base: str | None = None,
    modality: str = "reported",
    source: Source | None = None,
    context: Iterable[ReportedFigure] = (),
    tolerance: float = 0.05,
) -> Comparison:
    """How the claim's ``stat`` (for ``period``, against ``base``) compares with ``figure``.

    ``context`` holds the source's other figures, used to chain multipliers.

    >>> from claims.models import Statistic
    >>> c = compare(Statistic("triplé", (0, 6), "multiplier", 3.0), ReportedFigure(3.1, "multiplier",
    ...     period="2023"), period="2023", source=Source("Report", publisher="The ministry", published="2024",
    ...     kind="report"))
    >>> c.status, c.sentence
    ('consistent', "The ministry's 2024 report gives ×3.1 for 2023: within 5 % of the claim (3.2 % apart).")
    """
    period = period or getattr(stat, "period", None)
    base = base or getattr(stat, "base", None)
    notes: list[str] = []
    derived_note = None
    found = _derive(figure, context, period=period, base=base)
    if found:
        figure, derived_note = found
        notes.append(f"derived: {derived_note}")
    same = same_metric(stat, figure)
    same_period = _same_years(period, figure.period)
    if same_period is False:
        notes.append(f"different periods: the claim is about {period}, the figure about {figure.period}")
    if stat.kind == "multiplier" and figure.kind == "multiplier":
        if not figure.base:
            notes.append("the source does not say what the multiplier is measured against")
        elif base and not _same_years(base, figure.base):
            notes.append(f"different bases: the claim compares with {base}, the source with {figure.base}")
    if modality == "forecast" and figure.modality == "reported":
        notes.append("the claim is a forecast; the source gives an outcome")
    elif figure.modality in ("forecast", "target") and modality != "forecast":
        notes.append(f"the source gives a {figure.modality}, not an outcome")
    fig_words = describe_statistic(figure) if figure.value is not None else "a figure"
    when = f" for {figure.period}" if figure.period else ""
    head = f"{_who(source)} gives {fig_words}{when}"
    if figure.surface is None and derived_note:
        head = f"{_who(source)} implies {fig_words} from {figure.base} to {figure.period}"
    deviation = bound_ok = None
    if stat.value is not None and figure.value:
        deviation = (stat.value - figure.value) / abs(figure.value)
    if not same:
        status, verdict = "not comparable", f"not the same measure ({stat.kind} vs {figure.kind})"
    elif figure.value is None or (stat.value is None and not _bounded(stat)):
        status, verdict = "unknown", "no value to compare"
    elif _bounded(stat):
        bound_ok = agrees(stat, figure, tolerance=tolerance)
        status = "consistent" if bound_ok else "contradicts"
        side = "within" if bound_ok else "outside"
        verdict = (
            f"{side} the claim's “{stat.surface if hasattr(stat, 'surface') else describe_statistic(stat)}”"
        )
    elif figure.bound.kind in ("lower", "upper", "range"):
        low, high = _interval(figure)
        bound_ok = low <= stat.value <= high
        status = "consistent" if bound_ok else "contradicts"
        verdict = "the claim's figure lies within it" if bound_ok else "the claim's figure lies outside it"
    else:
        gap = abs(deviation) if deviation is not None else 0.0
        allowed = max(tolerance, 0.1) if "approximate" in (stat.bound.kind, figure.bound.kind) else tolerance
        if gap <= allowed:
            status, verdict = "consistent", f"within {_pct(allowed)} of the claim ({_pct(gap)} apart)"
        elif gap <= 3 * allowed:
            direction = "above" if deviation > 0 else "below"
            status, verdict = "close", f"the claim is {_pct(gap)} {direction} it"
        else:
            direction = "above" if deviation > 0 else "below"
            status, verdict = "contradicts", f"the claim is {_pct(gap)} {direction} it"
    if status in ("consistent", "close") and same_period is False:
        status = "unknown"
        verdict += ", but see the notes"
    return Comparison(
        status=status,
        sentence=f"{head}: {verdict}.",
        same_metric=same,
        same_period=same_period,
        deviation=deviation,
        bound_satisfied=bound_ok,
        claim_value=stat.value,
        figure_value=figure.value,
        derived=derived_note,
        notes=tuple(notes),
    )
