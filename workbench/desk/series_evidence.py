"""A claim against the series linked to it: the comparison sentence and the chart's rows, per statistic.

A suggestion for the reviewer, never a verdict. ``today`` comes from the page (what is still the future
is decided there, never by a clock read here). A multiplier or change with one period and no base ("a
triplé en 2023") is read against the period before (2022), as the words mean, and the sentence says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd
from sqlalchemy.orm import Session

from claims.models import Base, Period, Statistic
from sources.comparison_measure import family
from sources.models import ReportedFigure
from sources.observations import period_from_label, standard_label
from sources.series_compare import SeriesComparison, compare_with_series
from workbench.desk.suggestions import claim_from_record
from workbench.domain.records import ClaimRecord
from workbench.outputs.charts import FORECASTS
from workbench.outputs.series_chart import figure_rows, series_frame
from workbench.storage.series_store import StoredSeries, load_series, series_source_ids
from workbench.storage.source_links import current_links
from workbench.storage.verdicts import get_claim


@dataclass(frozen=True)
class SeriesCheck:
    """One claim statistic against one linked series: the comparison, and the rows of its chart."""

    source_id: int
    title: str
    statistic: str
    comparison: SeriesComparison
    frame: pd.DataFrame
    unit: str | None
    is_example: bool = False
    position: int = 0  # the statistic's place in the claim: a stable key for its chart


def previous_period(period: Period | None) -> Period | None:
    """The period of the same unit just before (a year, quarter, month or semester), or None.

    >>> [previous_period(period_from_label(label)).surface for label in ("2023", "2024-Q1")]
    ['2022', '2023-Q4']
    """
    label = standard_label(period) if period is not None and not period.open else None
    if not label or period.granularity not in ("year", "quarter", "month", "semester"):
        return None
    year = int(label[:4])
    if period.granularity == "year":
        return period_from_label(str(year - 1))
    step, count = {"quarter": ("Q", 4), "month": ("", 12), "semester": ("S", 2)}[period.granularity]
    number = int(label[-2:].lstrip("QS-") or label[-1])
    year, number = (year - 1, count) if number == 1 else (year, number - 1)
    return period_from_label(f"{year}-{step}{number:02d}" if not step else f"{year}-{step}{number}")


def implied_base(stat: Statistic) -> Base | None:
    """The base a multiplier or change with one period and no base is read against: the period before."""
    if stat.base is not None or family(stat) not in ("multiplier", "change"):
        return None
    before = previous_period(stat.period)
    return Base(period=before, surface=standard_label(before)) if before is not None else None


def check_statistic(stat: Statistic, series, *, today: dt.date) -> tuple[SeriesComparison, Period | None]:
    """The comparison of one statistic with a series, and the base period it was read against."""
    implied = implied_base(stat)
    comparison = compare_with_series(stat, series, today=today, base=implied)
    base = (stat.base or implied).period if (stat.base or implied) is not None else None
    if implied is not None and comparison.status not in ("unknown",):
        note = f"the claim names no base: read against {implied.surface}, the period before"
        comparison = replace(comparison, notes=(note, *comparison.notes))
    return comparison, base


def report_rows(series, claim: ClaimRecord, *, series_ids: set[int], today: dt.date) -> list[list[dict]]:
    """The claim's other linked reports placed on the series: each figure a comparison can read in the
    series' terms (a level in its unit, a multiplier or change from the series' value at its base)."""
    placed = []
    for evidence in claim.evidence:
        figure = evidence.figure
        observation = figure.observation if figure is not None else None
        if evidence.source.id in series_ids or not isinstance(observation, ReportedFigure):
            continue
        if observation.value is None:
            continue
        comparison, base = check_statistic(observation, series, today=today)
        if comparison.status in ("unknown", "not comparable"):
            continue  # no period to place it at, or another measure than the series'
        words = figure.surface or f"{observation.value:g}"
        label = f"#{evidence.source.id} {evidence.source.title}"[:50] + f": {words}"
        rows = figure_rows(series, comparison, label=label, period=observation.period, base=base,
                           forecast=observation.modality in FORECASTS, bound=observation.bound,
                           layer="report")  # fmt: skip
        placed.append(rows)
    return placed


def series_checks(session: Session, claim: ClaimRecord, *, today: dt.date) -> list[SeriesCheck]:
    """Each statistic of the claim with a value against each series linked to the claim."""
    linked = series_source_ids(session, [e.source.id for e in claim.evidence])
    if not linked or not claim.statistics:
        return []
    engine_claim = claim_from_record(claim)
    checks = []
    for source_id in linked:
        stored = load_series(session, source_id)
        reports = report_rows(stored.series, claim, series_ids=set(linked), today=today)
        for position, stat in enumerate(engine_claim.statistics):
            if stat.value is None:
                continue
            comparison, base = check_statistic(stat, stored.series, today=today)
            frame = series_frame(
                stored.series,
                claim=stat.surface,
                comparison=comparison,
                period=stat.period,
                base=base,
                forecast=stat.modality == "forecast",
                bound=stat.bound,
                reports=reports,
            )
            unit = stored.series.unit_label or stored.series.unit
            checks.append(
                SeriesCheck(
                    source_id,
                    stored.title,
                    stat.surface,
                    comparison,
                    frame,
                    unit,
                    stored.is_example,
                    position,
                )
            )
    return checks


def series_trend(
    session: Session, source_id: int, *, today: dt.date
) -> tuple[StoredSeries, pd.DataFrame] | None:
    """A series with every claim linked to it now drawn on it (each claim's figures, named "#id words")."""
    stored = load_series(session, source_id)
    if stored is None:
        return None
    frames = [series_frame(stored.series)]
    for link in current_links(session, source_id):
        claim = get_claim(session, link.claim_id)
        for stat in claim_from_record(claim).statistics:
            if stat.value is None:
                continue
            comparison, base = check_statistic(stat, stored.series, today=today)
            frame = series_frame(
                stored.series, claim=f"#{claim.id} {stat.surface}", comparison=comparison, period=stat.period,
                base=base, forecast=stat.modality == "forecast", bound=stat.bound,
            )  # fmt: skip
            frames.append(frame[frame["layer"] != "series"])
    return stored, pd.concat(frames, ignore_index=True)
