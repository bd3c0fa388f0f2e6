"""Compare a claim's statistic with a figure a source reports: a suggestion for the reviewer, never a verdict.

Both are observations (value, unit, kind, bound, what is counted, direction, period, base, modality).
The comparison checks that both measure the same thing (kind, unit and scale through pint, what is
counted), over overlapping periods; then compares like with like: a level with a level (converted
to the figure's unit, with the deviation), a change with a change by signed magnitude ("a fall of
12 % against a fall of 9 %: 3 points more"), a multiplier with a multiplier, or with one derived from
two levels of the source (3,000 in 2019 → 6,600 in 2024 = ×2.2) or chained from two multipliers
against the same base; a bound in the claim ("more than 250") is checked against the figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from claims.describe import describe_statistic
from claims.models import Base, Bound, Period
from sources.comparison_derive import chain, derive, same_base
from sources.comparison_measure import Figure, counted_similarity, family, measure_clash
from sources.models import Comparison, ReportedFigure, Source
from sources.observations import (
    base_label,
    convert,
    period_from_label,
    period_label,
    periods_overlap,
    signed,
)

__all__ = ["agrees", "chain", "compare", "counted_similarity", "figure_fit", "same_metric"]


def _pct(x: float) -> str:
    return f"{abs(x) * 100:.1f}".rstrip("0").rstrip(".") + " %"


def _num(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.3g}"


def _bounded(fig: Figure) -> bool:
    """A figure given as a bound or a range, or a vague one ("des dizaines": 20 to 99)."""
    if fig.bound.kind in ("lower", "upper", "range"):
        return True
    return fig.value is None and (fig.bound.low is not None or fig.bound.high is not None)


def _interval(fig: Figure) -> tuple[float, float]:
    """The values the words allow ("about 20 %": 18 to 22); an exact figure is a point."""
    if _bounded(fig) or (fig.bound.kind == "approximate" and fig.bound.low is not None):
        low = fig.bound.low if fig.bound.low is not None else -math.inf
        high = fig.bound.high if fig.bound.high is not None else math.inf
        return low, high
    return (fig.value, fig.value) if fig.value is not None else (-math.inf, math.inf)


def _in_bound(fig: Figure, value: float) -> bool:
    low, high = _interval(fig)
    return low <= value <= high and (fig.bound.inclusive or value not in (low, high))


def _satisfies(bounded: Figure, value: float, direction: str | None) -> bool:
    """Whether ``value`` (going ``direction``) lies within a figure's bound. A change's bound is on its
    size, "fell by more than 20%" being a fall of over 20 %: the other change must go the same way."""
    if family(bounded) != "change":
        return _in_bound(bounded, value)
    theirs = signed(value, direction)
    way = getattr(bounded, "direction", None)
    if way is None:
        return _in_bound(bounded, theirs)
    if theirs and (theirs < 0) != (way == "down"):
        return False
    return _in_bound(bounded, abs(theirs))


def same_metric(stat: Figure, figure: Figure) -> bool | None:
    """True for the same measure, False for a clash of kind or unit, None when what is counted differs
    in words that cannot be matched (the reviewer checks).

    >>> same_metric(ReportedFigure(3.0, "multiplier"), ReportedFigure(3.1, "multiplier"))
    True
    >>> same_metric(ReportedFigure(5, "measure", unit="km"), ReportedFigure(5000, "measure", unit="m"))
    True
    """
    if measure_clash(stat, figure):
        return False
    if stat.counted and figure.counted and counted_similarity(stat.counted, figure.counted) < 0.5:
        return None
    return True


def _in_units(stat: Figure, figure: Figure) -> float | None:
    """The claim's value in the figure's unit (5 km against metres: 5,000)."""
    if stat.value is None:
        return None
    return convert(stat.value, stat.unit, figure.unit) if figure.unit and stat.unit else float(stat.value)


def agrees(stat: Figure, figure: Figure, *, tolerance: float = 0.02) -> bool:
    """True when ``figure`` gives the claim's figure: same measure and value within ``tolerance``
    (signed for changes), or the figure's value satisfies the claim's bound.

    >>> from claims.models import Statistic
    >>> agrees(Statistic("plus de 250", (0, 11), "count", 250, Bound("lower", 250, None, False)),
    ...        ReportedFigure(263, "count"))
    True
    """
    if figure.value is None or same_metric(stat, figure) is False:
        return False
    value = convert(figure.value, figure.unit, stat.unit) if figure.unit and stat.unit else figure.value
    if value is None:
        return False
    if _bounded(stat) or stat.bound.kind == "approximate":  # "about 20 %" is given by 19 %
        return _satisfies(stat, value, getattr(figure, "direction", None))
    if stat.value is None:
        return False
    mine = signed(stat.value, getattr(stat, "direction", None))
    theirs = signed(value, getattr(figure, "direction", None))
    return abs(mine - theirs) <= tolerance * max(abs(theirs), 1e-9)


def figure_fit(stat: Figure, figure: Figure) -> float | None:
    """How well ``figure`` fits the claim's ``stat``, 0..1 (None when it does not agree): closeness of
    the values (to the bound's edge for "more than 250") and likeness of what is counted, so the
    figure offered first for "more than 250 manufacturers" is 263, not 59,200.

    >>> from claims.models import Statistic
    >>> more = Statistic("more than 250", (0, 13), "count", 250, Bound("lower", 250, None, False))
    >>> figure_fit(more, ReportedFigure(263, "count")) > figure_fit(more, ReportedFigure(59_200, "count"))
    True
    """
    if not agrees(stat, figure):
        return None
    mine = stat.value if stat.value is not None else (stat.bound.low or stat.bound.high)
    theirs = convert(figure.value, figure.unit, stat.unit) if figure.unit and stat.unit else figure.value
    closeness = 0.5
    if mine and theirs and (mine > 0) == (theirs > 0):
        closeness = 1 / (1 + abs(math.log(abs(theirs) / abs(mine))))
    words = 0.5
    if stat.counted and figure.counted:
        words = counted_similarity(stat.counted, figure.counted)
    return 0.5 * closeness + 0.5 * words


def _who(source: Source | None) -> str:
    if source is None:
        return "The source"
    year = f"{source.year} " if source.year else ""
    kind = source.kind if source.kind != "other" else "source"
    owner = f"{source.publisher}'s " if source.publisher else "The "
    return f"{owner}{year}{kind}"


def _as_period(period: Period | str | None) -> Period | None:
    return period_from_label(period) if isinstance(period, str) else period


def _as_base(base: Base | str | None) -> Base | None:
    if isinstance(base, str):
        return Base(period=period_from_label(base), surface=base)
    return base


def _change_words(value: float, unit: str | None) -> str:
    """ "a fall of 12 %", "a rise of 3,500,000 t": the signed magnitude in words."""
    amount = f"{_num(abs(value))} {unit}" if unit else _num(abs(value))
    return f"{'a fall' if value < 0 else 'a rise'} of {amount}"


def _grade(gap: float, allowed: float) -> str:
    if gap <= allowed:
        return "consistent"
    return "close" if gap <= 3 * allowed else "contradicts"


def _compare_changes(stat: Figure, figure: ReportedFigure, tolerance: float) -> tuple[str, str, float | None]:
    """Two changes by signed magnitude: the same direction and how far apart, or opposite directions."""
    theirs = signed(figure.value, figure.direction)
    mine_raw = convert(stat.value, stat.unit, figure.unit) if stat.unit and figure.unit else stat.value
    mine = signed(mine_raw, getattr(stat, "direction", None))
    unit = figure.unit or stat.unit
    said = f"{_change_words(mine, unit)} against {_change_words(theirs, unit)}"
    if (mine < 0) != (theirs < 0) and mine != 0 and theirs != 0:
        return "contradicts", f"{said}: opposite directions", (mine - theirs) / abs(theirs)
    gap = abs(mine) - abs(theirs)
    deviation = gap / abs(theirs) if theirs else None
    if math.isclose(abs(mine), abs(theirs), rel_tol=1e-9):
        return "consistent", f"{said}: the same", 0.0
    points = ("point" if math.isclose(abs(gap), 1) else "points") if unit == "%" else (unit or "")
    amount = f"{_num(abs(gap))} {points}".strip()
    status = _grade(abs(deviation) if deviation is not None else math.inf, tolerance)
    return status, f"{said}: {amount} {'more' if gap > 0 else 'less'}", deviation


def compare(
    stat: Figure,
    figure: ReportedFigure,
    *,
    period: Period | str | None = None,
    base: Base | str | None = None,
    modality: str | None = None,
    source: Source | None = None,
    context: Iterable[ReportedFigure] = (),
    tolerance: float = 0.05,
) -> Comparison:
    """How the claim's ``stat`` compares with ``figure``. The statistic's own ``period``, ``base`` and
    ``modality`` come first; the keyword arguments fill what it lacks (the claim's date, say).

    ``context`` holds the source's other figures, used to derive multipliers and changes.

    >>> from claims.models import Statistic
    >>> c = compare(Statistic("triplé", (0, 6), "multiplier", 3.0), ReportedFigure(3.1, "multiplier",
    ...     period="2023"), period="2023", source=Source("Report", publisher="The ministry", published="2024",
    ...     kind="report"))
    >>> c.status, c.sentence
    ('consistent', "The ministry's 2024 report gives ×3.1 for 2023: within 5 % of the claim (3.2 % apart).")
    """
    period = getattr(stat, "period", None) or _as_period(period)
    base = getattr(stat, "base", None) or _as_base(base)
    modality = getattr(stat, "modality", None) or modality or "reported"
    notes: list[str] = []
    derived_note = None
    found = derive(stat, figure, context, period=period, base=base)
    if found:
        figure, derived_note = found
        notes.append(f"derived: {derived_note}")
    elif family(stat) == "multiplier" and figure.kind == "change" and figure.unit == "%" and figure.value:
        # a change in % is a multiplier: +120 % is ×2.2
        factor = 1 + signed(figure.value, figure.direction) / 100
        derived_note = f"{describe_statistic(figure)} is ×{factor:.3g}"
        figure = replace(
            figure, value=factor, kind="multiplier", unit=None, bound=Bound("exact", factor, factor)
        )
    same = same_metric(stat, figure)
    same_period = periods_overlap(period, figure.period)
    if same_period is False:
        notes.append(
            f"different periods: the claim is about {period_label(period)}, the figure about "
            f"{period_label(figure.period)}"
        )
    if family(stat) in ("multiplier", "change") and family(figure) == family(stat):
        if figure.base is None:
            notes.append(f"the source does not say what the {family(stat)} is measured against")
        elif same_base(base, figure.base) is False:
            notes.append(
                f"different bases: the claim compares with {base_label(base)}, the source with "
                f"{base_label(figure.base)}"
            )
    for record, who in ((base, "the claim"), (figure.base, "the source")):
        if record is not None and record.conflict:
            notes.append(f"{who} gives conflicting bases ({record.surface}): check which one applies")
    if modality == "forecast" and figure.modality == "reported":
        notes.append("the claim is a forecast; the source gives an outcome")
    elif figure.modality in ("forecast", "target", "estimate") and modality != figure.modality:
        notes.append(f"the source gives {'an' if figure.modality == 'estimate' else 'a'} {figure.modality}, "
                     "not an outcome")  # fmt: skip
    if same is None:
        notes.append(f"check that both count the same thing: “{stat.counted}” and “{figure.counted}”")
    fig_words = describe_statistic(figure) if figure.value is not None else "a figure"
    when = f" for {period_label(figure.period)}" if figure.period else ""
    head = f"{_who(source)} gives {fig_words}{when}"
    if figure.surface is None and derived_note and found:
        since = f" from {base_label(figure.base)}" if figure.base else ""
        until = f" to {period_label(figure.period)}" if figure.period else ""
        head = f"{_who(source)} implies {fig_words}{since}{until}"
    deviation = bound_ok = None
    # "about" and "almost" allow 10 % either side, for levels and changes alike
    allowed = max(tolerance, 0.1) if "approximate" in (stat.bound.kind, figure.bound.kind) else tolerance
    mine = _in_units(stat, figure)
    if mine is not None and figure.value:
        deviation = (
            signed(mine, getattr(stat, "direction", None)) - signed(figure.value, figure.direction)
        ) / abs(figure.value)
    if same is False:
        status, verdict = "not comparable", f"not comparable: {measure_clash(stat, figure)}"
        deviation = None
    elif figure.value is None or (stat.value is None and not _bounded(stat)):
        status, verdict = "unknown", "no value to compare"
    elif _bounded(stat):
        value = convert(figure.value, figure.unit, stat.unit) if figure.unit and stat.unit else figure.value
        bound_ok = _satisfies(stat, value, figure.direction)
        status = "consistent" if bound_ok else "contradicts"
        words = getattr(stat, "surface", None) or describe_statistic(stat)
        verdict = f"{_num(value)} is {'within' if bound_ok else 'outside'} the claim's “{words}”"
    elif figure.bound.kind in ("lower", "upper", "range"):
        bound_ok = _satisfies(figure, mine, getattr(stat, "direction", None))
        status = "consistent" if bound_ok else "contradicts"
        verdict = "the claim's figure lies within it" if bound_ok else "the claim's figure lies outside it"
    elif family(stat) == "change" and family(figure) == "change":
        status, verdict, deviation = _compare_changes(stat, figure, allowed)
    else:
        gap = abs(deviation) if deviation is not None else 0.0
        status = _grade(gap, allowed)
        if status == "consistent":
            verdict = f"within {_pct(allowed)} of the claim ({_pct(gap)} apart)"
        else:
            verdict = f"the claim is {_pct(gap)} {'above' if deviation > 0 else 'below'} it"
    if status in ("consistent", "close") and same_period is False:
        status = "unknown"
        verdict += ", but for another period"
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
