"""Compare a claim's figure with a statistical series: the series gives the same kind of figure as the
claim (the level in the claim's period, the multiplier or change from its base to its period, a share
when a denominator series is given), and ``sources.comparison.compare`` judges it (same measure, bound,
deviation). A forecast, or a period not over yet, is compared with the latest value and flagged as not
yet checkable; a period the series does not cover is said so, never extrapolated.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace

from claims.models import Base, Period
from sources.comparison import compare
from sources.comparison_measure import family
from sources.models import Comparison, ReportedFigure
from sources.observations import period_from_label, period_label, signed, standard_label
from sources.series import Series

# sub-periods that may add up to a claim's period (years for a span: "2021–2024")
_FINER = ("year", "quarter", "month", "semester", "week", "day")


@dataclass(frozen=True)
class Level:
    """What a series gives for one period: ``value`` in the series' unit times its scale, ``used`` the
    labels of the values read (one, or the quarters or months added or averaged), ``how`` in words."""

    value: float | None
    period: Period
    used: tuple[str, ...]
    how: str
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeriesComparison:
    """A claim's figure against a series: a suggestion, never a verdict.

    ``status``: consistent, close, contradicts, not comparable, unknown, not covered (the series has no
    value for the claim's period or base) or not yet checkable (a forecast, or a period not over).
    ``kind``: level, multiplier, change or share. ``series_value`` is the figure the series gives in the
    claim's terms (108,000 t; ×2.7; +12 %); ``used`` the periods read; ``comparison`` what
    ``sources.comparison.compare`` said, when a figure was derived.
    """

    status: str
    sentence: str
    kind: str
    series_value: float | None = None
    claim_value: float | None = None  # a change with its sign: a fall of 12 % is −12
    deviation: float | None = None
    bound_satisfied: bool | None = None
    used: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    comparison: Comparison | None = None


def _label(period: Period | None) -> str | None:
    """A series period by its standard label (2024-Q1), a claim's span by its words."""
    return (
        standard_label(period)
        if period is not None and period.granularity != "span"
        else period_label(period)
    )


def _day(value: str | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _next_day(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _tiles(points: list[tuple[Period, float | None, tuple[str, ...]]], period: Period) -> bool:
    """True when the periods follow one another without gap from the period's first day to its last."""
    if not points or points[0][0].start != period.start or points[-1][0].end != period.end:
        return False
    return all(_next_day(a[0].end) == b[0].start for a, b in itertools.pairwise(points))


def level_at(series: Series, period: Period, *, aggregate: str | None = None) -> Level | None:
    """The series' value for ``period``: its own value, else its sub-periods added up (a flow) or
    averaged (a rate in %; ``aggregate`` "sum" or "mean" decides), else None. A coarser value that
    contains the period (the year for a month) is returned with value None and said in ``how``.

    >>> s = Series("Output", "t", tuple(map(period_from_label, ("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"))),
    ...            (1.0, 2.0, 3.0, 4.0), ((),) * 4, scale=1000)
    >>> level_at(s, period_from_label("2024")).value, level_at(s, period_from_label("2024")).how
    (10000.0, 'the sum of 4 quarters')
    """
    rows = list(zip(series.periods, series.values, series.flags, strict=True))
    for p, value, flags in rows:
        if p.start == period.start and p.end == period.end:
            label = standard_label(p) or p.surface or ""
            value = None if value is None else value * series.scale
            return Level(value, p, (label,), "no value" if value is None else "its value", flags)
    for granularity in _FINER:
        inside = [r for r in rows if r[0].granularity == granularity and period.start <= r[0].start]
        inside = [r for r in inside if r[0].end <= (period.end or period.start)]
        if len(inside) < 2 or not _tiles(inside, period) or any(r[1] is None for r in inside):
            continue
        how = aggregate or ("mean" if series.unit == "%" else "sum")
        total = sum(r[1] for r in inside)
        value = (total / len(inside) if how == "mean" else total) * series.scale
        words = f"{'the mean' if how == 'mean' else 'the sum'} of {len(inside)} {granularity}s"
        flags = tuple(dict.fromkeys(f for r in inside for f in r[2]))
        return Level(value, period, tuple(standard_label(r[0]) or "" for r in inside), words, flags)
    for p, value, _flags in rows:
        if (
            p.start <= period.start
            and (period.end or period.start) <= (p.end or p.start)
            and value is not None
        ):
            return Level(None, p, (standard_label(p) or "",), f"only {standard_label(p)} as a whole")
    return None


def _amount(value: float, unit: str | None) -> str:
    """ "108,000 t", "3.05 billion USD", "7.3 %": a value in words a reviewer reads at a glance."""
    size = abs(value)
    if size >= 1e9:
        number = f"{value / 1e9:,.3g} billion"
    elif size >= 1e6:
        number = f"{value / 1e6:,.3g} million"
    elif float(value).is_integer():
        number = f"{value:,.0f}"
    else:
        number = f"{value:,.3g}"
    return f"{number} {unit}" if unit and unit != "%" else (f"{number} %" if unit == "%" else number)


def _figure_words(kind: str, value: float, unit: str | None, direction: str | None = None) -> str:
    if kind == "multiplier":
        return f"×{value:.2g}" if value < 10 else f"×{value:.3g}"
    if kind == "change":
        sign = "−" if direction == "down" else "+"
        return f"{sign}{_amount(abs(value), unit)}"
    return _amount(value, unit)


def _claim_words(stat) -> str:
    if stat.value is None:
        return f"“{stat.surface}”"
    return _figure_words(family(stat) if family(stat) in ("multiplier", "change") else "level", stat.value,
                         stat.unit, stat.direction)  # fmt: skip


def _retrieved(series: Series) -> str:
    when = series.provenance.retrieved_at
    return f"retrieved {when[:10]}" if when else "retrieval date unknown"


def _verdict(stat, result: Comparison, series_words: str) -> str:
    """What the comparison says, in the words of the sentence: the claim against the series' figure."""
    if result.status == "not comparable":
        return result.sentence.rstrip(".").split(": ", 1)[-1]
    if result.bound_satisfied is not None:
        inside = "within" if result.bound_satisfied else "outside"
        return f"{series_words} is {inside} the claim's “{stat.surface}”"
    if result.deviation is None:
        return "no value to compare"
    percent = abs(result.deviation) * 100
    gap = (f"{percent:.0f}" if percent >= 10 else f"{percent:.1f}".rstrip("0").rstrip(".")) + " %"
    if "opposite directions" in result.sentence:
        return f"the claim's {_claim_words(stat)} goes the other way"
    if result.status == "consistent":
        return f"the claim's {_claim_words(stat)} matches it ({gap} apart)"
    if family(stat) == "change":  # "−12 % is 20 % below −15 %" would say the wrong way round
        way = "fall" if stat.direction == "down" or (stat.value or 0) < 0 else "rise"
        size = "larger" if result.deviation > 0 else "smaller"
        return f"the claim's {_claim_words(stat)} is a {gap} {size} {way}"
    return f"the claim's {_claim_words(stat)} is {gap} {'above' if result.deviation > 0 else 'below'} it"


def _target(period: Period, base: Period | None, series: Series) -> Period:
    """The period a change reaches: the last year of "between 2021 and 2024", else the claim's period."""
    if period.granularity != "span" or not period.end:
        return period
    granularity = base.granularity if base is not None and base.granularity else "year"
    label = {"year": period.end[:4], "quarter": None, "month": period.end[:7]}.get(granularity) or period.end[
        :4
    ]
    return period_from_label(label) or period


def _latest(series: Series, granularity: str | None) -> Period | None:
    """The latest period with a value, of the claim's granularity when the series has it."""
    found = [p for p, v in zip(series.periods, series.values, strict=True) if v is not None]
    same = [p for p in found if p.granularity == granularity]
    return (same or found or [None])[-1]


def compare_with_series(
    stat,
    series: Series,
    *,
    today: str | dt.date,
    period: Period | str | None = None,
    base: Base | str | None = None,
    denominator: Series | None = None,
    aggregate: str | None = None,
    tolerance: float = 0.05,
) -> SeriesComparison:
    """The claim's ``stat`` against ``series`` (``today`` decides what is still the future: never the clock).

    ``period``/``base`` fill what the statistic lacks; ``denominator`` turns a series of counts into a
    share for a claim given in %; ``aggregate`` ("sum" or "mean") how sub-periods make the claim's period.
    """
    today = _day(today)
    period = stat.period or (period_from_label(period) if isinstance(period, str) else period)
    claim_base = stat.base or (
        Base(period=period_from_label(base), surface=base) if isinstance(base, str) else base
    )
    base_period = claim_base.period if claim_base is not None else None
    kind = family(stat) if family(stat) in ("multiplier", "change") else "level"
    # a fall of 12 % is −12: the chart draws the claim's path down from the series' value at its base
    claim_value = signed(stat.value, stat.direction) if kind == "change" else stat.value
    if kind == "level" and stat.unit == "%" and series.unit != "%" and denominator is not None:
        kind = "share"
    who = f"{series.name}"
    if period is None or period.open or not period.start:
        return SeriesComparison("unknown", f"The claim gives no period to read {who} at.", kind,
                                claim_value=claim_value)  # fmt: skip
    notes: list[str] = []
    target = _target(period, base_period, series) if kind in ("multiplier", "change") else period
    future = (target.end or target.start) > today
    if future or stat.modality == "forecast":
        if future:
            latest = _latest(series, target.granularity)
            if latest is None:
                return SeriesComparison("not covered", f"{who} has no value ({_retrieved(series)}).", kind)
            notes.append(f"the claim is about {_label(period)}, not over on {today}: not yet checkable; "
                         f"compared with the latest value, {standard_label(latest)}")  # fmt: skip
            target = latest
        else:
            notes.append("the claim was a forecast; the series gives the outcome")
    if kind in ("multiplier", "change") and base_period is None:
        return SeriesComparison("unknown", f"The claim does not say what its {kind} is measured against: "
                                f"{who} cannot give one.", kind, claim_value=claim_value)  # fmt: skip
    level = level_at(series, target, aggregate=aggregate)
    earlier = level_at(series, base_period, aggregate=aggregate) if kind in ("multiplier", "change") else None
    missing = _uncovered(series, target, level) or (
        _uncovered(series, base_period, earlier) if kind in ("multiplier", "change") else None
    )
    if missing:
        return SeriesComparison("not covered" if "covers" in missing else "unknown", f"{who} {missing} "
                                f"({_retrieved(series)}): nothing to compare, nothing extrapolated.", kind,
                                claim_value=claim_value, notes=tuple(notes))  # fmt: skip
    used = level.used + (earlier.used if earlier else ())
    flags = level.flags + (earlier.flags if earlier else ())
    if level.how not in ("its value",):
        notes.append(f"{_label(target)} is {level.how} ({', '.join(level.used)})")
    if earlier is not None and earlier.how != "its value":
        notes.append(f"{_label(base_period)} is {earlier.how} ({', '.join(earlier.used)})")
    value, unit = level.value, series.unit
    if kind == "share":
        share = level_at(denominator, target, aggregate=aggregate)
        if share is None or not share.value:
            return SeriesComparison("not covered", f"{denominator.name} has no value for {_label(target)}: "
                                    "no share to compute.", kind, claim_value=claim_value)  # fmt: skip
        value, unit = 100 * level.value / share.value, "%"
        notes.append(f"share: {who} ÷ {denominator.name} for {_label(target)}")
    figure = ReportedFigure(
        value=value,
        kind="percent" if unit == "%" else series.kind,
        unit=unit,
        period=level.period,
        base=Base(value=earlier.value, unit=series.unit, period=earlier.period) if earlier else None,
        modality="reported",
    )
    # "fell to 2 %" is a level reached by a fall: its direction is no sign (a change's is)
    judged = replace(stat, direction=None) if kind in ("level", "share") else stat
    result = compare(judged, figure, period=period, base=claim_base, tolerance=tolerance)
    if kind in ("level", "share"):
        series_words = _amount(value, unit)
        when = f"for {_label(level.period)}"
    else:
        series_value = result.figure_value if result.figure_value is not None else value
        direction = "down" if earlier.value and level.value < earlier.value else "up"
        series_words = _figure_words(kind, series_value, stat.unit if kind == "change" else None, direction)
        when = f"from {_label(earlier.period)} to {_label(level.period)}"
    ways = [x.how for x in (earlier, level) if x is not None and x.how != "its value"]
    if ways:
        when += f" ({'; '.join(ways)})"
    if future:
        when += ", its latest value"
    flagged = sorted({f for f in flags if f})
    if flagged:
        notes.append("values flagged: " + ", ".join(flagged))
    verdict = _verdict(stat, result, series_words)
    status = "not yet checkable" if future else result.status
    tail = "; not yet checkable" if future else ""
    sentence = f"{who} gives {series_words} {when} ({_retrieved(series)}): {verdict}{tail}."
    return SeriesComparison(
        status=status,
        sentence=sentence[0].upper() + sentence[1:],
        kind=kind,
        series_value=value if kind in ("level", "share") else result.figure_value,
        claim_value=claim_value,
        deviation=result.deviation,
        bound_satisfied=result.bound_satisfied,
        used=used,
        notes=tuple(notes) + tuple(n for n in result.notes if not n.startswith("derived")),
        comparison=result,
    )


def _uncovered(series: Series, period: Period | None, level: Level | None) -> str | None:
    """Why the series gives no value for ``period``, in words; None when it gives one."""
    if period is None:
        return None
    if level is None:
        end = period.end or period.start
        pairs = zip(series.periods, series.values, strict=True)
        inside = [p for p, v in pairs if v is not None and p.start <= end and period.start <= p.end]
        if inside:
            return f"gives only part of {_label(period)} ({_label(inside[0])} to {_label(inside[-1])})"
        first, last = _label(series.first), _label(series.last)
        return f"covers {first} to {last}, not {_label(period)}"
    if level.value is None:
        why = f" ({', '.join(level.flags)})" if level.flags else ""
        if level.how.startswith("only"):
            return f"gives {level.how}, not {_label(period)}"
        return f"gives no value for {_label(period)}{why}"
    return None
