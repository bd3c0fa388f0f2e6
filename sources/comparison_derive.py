"""Figures the comparison derives from a source's own figures: a multiplier chained from two multipliers
against the same base (×3 in 2023 and ×6 in 2024 imply ×2), or a multiplier, a change in % or a difference
computed from two levels (3,000 in 2019 → 6,600 in 2024 = ×2.2, +120 %, +3,600)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from claims.models import Base, Bound, Period
from sources.comparison_measure import Figure, family, measure_clash
from sources.models import ReportedFigure
from sources.observations import base_label, periods_overlap

_LEVELS = ("count", "money", "measure", "share", "points", "ordinal")


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.3g}"


def _start(period: Period | None) -> str | None:
    return period.start if period is not None else None


def same_base(first: Base | None, second: Base | None) -> bool | None:
    if first is None or second is None:
        return None
    if first.period is not None and second.period is not None:
        return periods_overlap(first.period, second.period)
    if first.value is not None and second.value is not None:
        return math.isclose(first.value, second.value, rel_tol=0.02)
    return None


def chain(earlier: ReportedFigure, later: ReportedFigure) -> tuple[ReportedFigure, str] | None:
    """The multiplier from ``earlier.period`` to ``later.period`` implied by two multipliers
    against the same base, with a note naming the base (or flagging it unknown).

    >>> fig, note = chain(ReportedFigure(3, "multiplier", period="2023", base="2022"),
    ...                   ReportedFigure(6, "multiplier", period="2024", base="2022"))
    >>> from sources.observations import period_label
    >>> fig.value, period_label(fig.base.period), note
    (2.0, '2023', '×6 ÷ ×3, both against 2022')
    """
    if earlier.kind != "multiplier" or later.kind != "multiplier" or not earlier.value or not later.value:
        return None
    first, last = _start(earlier.period), _start(later.period)
    if not first or not last or first >= last:
        return None
    if same_base(earlier.base, later.base) is False:
        return None
    value = later.value / earlier.value
    shown = f"×{later.value:g} ÷ ×{earlier.value:g}"
    named = base_label(earlier.base) or base_label(later.base)
    if earlier.base and later.base:
        note = f"{shown}, both against {named}"
    else:
        note = f"{shown}, assuming the same base: the source does not say which ({named or 'unknown'})"
    modality = "forecast" if "forecast" in (earlier.modality, later.modality) else "reported"
    derived = ReportedFigure(
        value=value,
        kind="multiplier",
        bound=Bound("exact", value, value),
        counted=later.counted or earlier.counted,
        period=later.period,
        base=Base(period=earlier.period),
        modality=modality,
        direction="up" if value >= 1 else "down",
    )
    return derived, note


def _from_levels(
    earlier: Figure, later: ReportedFigure, *, want: str, unit: str | None = None
) -> tuple[ReportedFigure, str] | None:
    """A multiplier, a change in %, or a difference (in points or the levels' unit) derived from two
    levels of the same measure; ``unit`` is the claim's unit for a change."""
    if not earlier.value or later.value is None:
        return None
    ratio = later.value / earlier.value
    period = getattr(later, "period", None)
    start = getattr(earlier, "period", None)
    note = f"{_num(later.value)} ÷ {_num(earlier.value)}"
    if want == "multiplier":
        value, unit = ratio, None
        note += f" = ×{ratio:.3g}"
    elif unit == "%":  # a relative change; points ("pp") and units ("t", none for a count) are differences
        value, unit = abs(ratio - 1) * 100, "%"
        note += f" − 1 = {'−' if ratio < 1 else '+'}{value:.3g} %"
    else:  # a difference: points between two shares ("from 7 % to 41 %": +34 pp), tonnes between levels
        unit = "pp" if family(later) == "share" else later.unit
        value = abs(later.value - earlier.value)
        sign = "−" if ratio < 1 else "+"
        note = f"{_num(later.value)} − {_num(earlier.value)} = {sign}{_num(value)} {unit or ''}".rstrip()
    derived = ReportedFigure(
        value=value,
        kind=want,
        bound=Bound("exact", value, value),
        unit=unit,
        counted=later.counted,
        period=period,
        base=Base(value=earlier.value, unit=earlier.unit, period=start),
        modality=later.modality,
        direction="up" if ratio >= 1 else "down",
    )
    return derived, note


def derive(
    stat: Figure, figure: ReportedFigure, context: Iterable[ReportedFigure], *, period: Period | None,
    base: Base | None,
) -> tuple[ReportedFigure, str] | None:  # fmt: skip
    """A multiplier or change computed from the source when the claim gives one and the figure does not
    (or gives one against another base)."""
    want = family(stat)
    if want not in ("multiplier", "change"):
        return None
    if family(figure) in _LEVELS:
        if figure.base is not None and figure.base.value is not None:
            earlier = ReportedFigure(figure.base.value, figure.kind, unit=figure.base.unit or figure.unit,
                                     period=figure.base.period)  # fmt: skip
            return _from_levels(earlier, figure, want=want, unit=stat.unit)
        for other in context:
            if other is figure or other.value is None or family(other) != family(figure):
                continue
            if measure_clash(other, figure) or not other.period or not figure.period:
                continue
            wanted = base.period if base is not None and base.period is not None else None
            if wanted is not None and not periods_overlap(other.period, wanted):
                continue
            if wanted is None and (_start(other.period) or "") >= (_start(figure.period) or ""):
                continue
            return _from_levels(other, figure, want=want, unit=stat.unit)
        return None
    chained = (
        want == "multiplier"
        and figure.kind == "multiplier"
        and base is not None
        and base.period is not None
        and period is not None
        and periods_overlap(figure.period, period) is not False
        and same_base(figure.base, base) is False
    )
    if chained:
        for other in context:
            if other.kind == "multiplier" and periods_overlap(other.period, base.period):
                found = chain(other, figure)
                if found:
                    return found
    return None
