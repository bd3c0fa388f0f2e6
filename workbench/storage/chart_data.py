"""Storage -> DataFrames for the charts: the compare-to-other-reports frame and the trend tables.

The loaders take a Session; the aggregations (``claims_per_period`` ...) are plain pandas so tests
can feed them hand-made frames.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claims.describe import describe_statistic
from workbench.domain.chart_periods import COMPARE_COLUMNS, base_point, chart_bounds, chart_value, placed
from workbench.domain.errors import NotFoundError
from workbench.domain.ratings import rating_choices
from workbench.storage.convert import statistic_record
from workbench.storage.evidence import current_evidence
from workbench.storage.export_rows import STATES as VERDICT_STATES
from workbench.storage.filters import ClaimFilter, claims_query
from workbench.storage.rating_scale import load_scale
from workbench.storage.schema import (
    ArticleRow,
    ClaimRow,
    FigureRow,
    MetricRow,
    SourceRow,
    StatisticRow,
    VerdictRow,
)
from workbench.storage.sources_store import reported_figure

FACTOR_UNITS = frozenset({"×", "x"})
FALSE_RATINGS = frozenset({"False", "Misleading"})  # the default scale's; a desk's: false_ratings()
FALSE_AT_MOST = 2  # ClaimReview numbers 1 (false) and 2 (misleading) count as false in the trends
GROUPINGS = {"verdict": "verdict", "kind": "kind", "outlet": "outlet", "language": "language"}
TREND_COLUMNS = (
    "claim_id",
    "claim",
    "day",
    "kind",
    "outlet",
    "language",
    "verdict",
    "cluster_id",
    "statistical",
)


# --- compare to other reports ---------------------------------------------------------------------


def _claim_period(facets: dict) -> str:
    """The period a claim speaks of, from its first resolved date ("2023", "2023-09", a day)."""
    for found in (facets or {}).get("dates") or ():
        start = found.get("start")
        if start:
            granularity = found.get("granularity")
            return start[:4] if granularity == "year" else start[:7] if granularity == "month" else start
    return ""


def _family(unit: str | None, kind: str | None) -> str:
    """What a figure measures in: a multiplier ("factor"), a change in its unit, or its unit; only one
    family is compared (a fall of 12 % is not drawn beside a share of 41 %)."""
    if unit in FACTOR_UNITS or kind == "multiplier":
        return "factor"
    return f"change {unit or ''}".strip() if kind == "change" else (unit or "")


def _claim_rows(claim: ClaimRow, article: ArticleRow, *, focus: bool) -> list[dict]:
    rows = []
    for stored in claim.statistics:
        stat = statistic_record(stored)
        value = stat.value
        if value is None and stat.low is not None and stat.high is not None:
            value = (stat.low + stat.high) / 2
        if value is None or not math.isfinite(value):
            continue
        unit = "×" if stat.kind == "multiplier" else stat.unit
        row = {
            "label": f"Claim #{claim.id}",
            **placed(stat.kind, stat.period, stat.base, _claim_period(claim.facets)),
            "value": chart_value(stat.kind, value, stat.direction),
            **chart_bounds(stat.kind, stat.low, stat.high, stat.direction, stat.bound),
            "role": "this claim" if focus else "other claim",
            "colour": "this claim" if focus else "other claim",
            "modality": stat.modality or claim.modality,
            "unit": unit,
            "reading": stat.reading,
            "source": article.outlet or article.title,
            "date": article.published.isoformat() if article.published else "",
            "quote": claim.text[:300],
            "family": _family(unit, stat.kind),
        }
        rows += [r for r in (row, base_point(row, stat.kind, stat.base)) if r is not None]
    return rows


def _figure_rows(figure: FigureRow, source: SourceRow, quote: str | None) -> list[dict]:
    """A figure's row, and its base's point when the base has a period."""
    unit = "×" if figure.kind == "multiplier" else figure.unit
    reading = f"{figure.value:g}{unit}" if unit in FACTOR_UNITS else f"{figure.value:g} {unit or ''}".strip()
    if figure.bound == "lower":
        reading = f"more than {reading}"
    elif figure.bound == "upper":
        reading = f"less than {reading}"
    observation = reported_figure(figure)
    if figure.kind == "change":  # a change reads with its sign: "−12 %"
        reading = describe_statistic(observation)
    fallback = str(source.published.year) if source.published else None
    row = {
        "label": f"{source.title[:40]} (#{figure.id})",
        **placed(figure.kind, observation.period, observation.base, fallback),
        "value": chart_value(figure.kind, figure.value, figure.direction),
        **chart_bounds(figure.kind, figure.low, figure.high, figure.direction, figure.bound),
        "role": "report",
        "colour": source.kind,
        "modality": figure.modality,
        "unit": unit,
        "reading": reading,
        "source": source.publisher or source.title,
        "date": source.published.isoformat() if source.published else "",
        "quote": (quote or figure.surface or source.excerpt or "")[:300],
        "family": _family(unit, figure.kind),
    }
    return [r for r in (row, base_point(row, figure.kind, observation.base)) if r is not None]


def _frame(rows: list[dict], family: str | None) -> pd.DataFrame:
    if family is not None:
        rows = [r for r in rows if r["family"] == family]
    df = pd.DataFrame(rows, columns=[*COMPARE_COLUMNS, "family"]).drop(columns="family")
    return df.astype({"value": float, "low": float, "high": float})


def compare_frame(session: Session, claim_id: int) -> tuple[pd.DataFrame, str]:
    """The claim's figures, its metric's claims and figures, and its linked sources' figures.

    Returns the frame and a chart title. Only figures measured like the claim's first figure
    (a multiplier, or the same unit) are kept, so one axis can hold them all.
    """
    claim = session.scalar(
        select(ClaimRow).where(ClaimRow.id == claim_id).options(selectinload(ClaimRow.statistics))
    )
    if claim is None:
        raise NotFoundError(f"Claim #{claim_id} was not found.")
    rows = _claim_rows(claim, session.get(ArticleRow, claim.article_id), focus=True)
    family = rows[0]["family"] if rows else None
    title = f"Claim #{claim_id} compared to other reports"
    seen_figures: set[int] = set()
    if claim.metric_id is not None:
        metric = session.get(MetricRow, claim.metric_id)
        title = f"{metric.name}: claim #{claim_id} and other reports"
        rows += _metric_rows(session, claim.metric_id, exclude_claim=claim_id, seen_figures=seen_figures)
    for evidence in current_evidence(session, [claim_id]).get(claim_id, ()):
        figures = [evidence.figure] if evidence.figure else evidence.source.figures
        for figure in figures:
            if figure.id not in seen_figures:
                seen_figures.add(figure.id)
                source = session.get(SourceRow, evidence.source.id)
                rows += _figure_rows(session.get(FigureRow, figure.id), source, evidence.quote)
    return _frame(rows, family), title


def metric_frame(session: Session, metric_id: int) -> tuple[pd.DataFrame, str]:
    """Every claim and reported figure grouped into ``metric_id`` (no claim singled out)."""
    metric = session.get(MetricRow, metric_id)
    if metric is None:
        raise NotFoundError(f"Metric #{metric_id} was not found.")
    rows = _metric_rows(session, metric_id, exclude_claim=None, seen_figures=set())
    return _frame(rows, None), metric.name


def _metric_rows(session: Session, metric_id: int, *, exclude_claim: int | None, seen_figures: set[int]):
    rows: list[dict] = []
    claims = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.metric_id == metric_id, ClaimRow.retired.is_(False))
        .options(selectinload(ClaimRow.statistics))
        .order_by(ClaimRow.id)
    )
    for other in claims:
        if other.id != exclude_claim:
            rows += _claim_rows(other, session.get(ArticleRow, other.article_id), focus=False)
    for figure in session.scalars(select(FigureRow).where(FigureRow.metric_id == metric_id)):
        seen_figures.add(figure.id)
        rows += _figure_rows(figure, session.get(SourceRow, figure.source_id), None)
    return rows


# --- trends ---------------------------------------------------------------------------------------


def trend_claims(session: Session, claim_filter: ClaimFilter, *, states: str = "published") -> pd.DataFrame:
    """One row per live claim matching the queue's filter: its day, groupings and verdict: its newest
    published one by default (a proposal is not the desk's verdict yet), its newest with ``states="all"``."""
    day = func.coalesce(ArticleRow.published, func.date(ArticleRow.created_at))
    query = claims_query(
        _with_states(claim_filter, states),
        ClaimRow.id,
        ClaimRow.text,
        day.label("day"),
        ClaimRow.kind,
        ArticleRow.outlet,
        ArticleRow.lang,
        VerdictRow.rating,
        ClaimRow.cluster_id,
    )
    statistical = set(session.scalars(select(StatisticRow.claim_id).distinct()))
    rows = [(*row, row[0] in statistical) for row in session.execute(query)]
    df = pd.DataFrame(rows, columns=list(TREND_COLUMNS))
    df["day"] = pd.to_datetime(df["day"], errors="coerce")
    df["outlet"] = df["outlet"].fillna("(no outlet)")
    df["verdict"] = df["verdict"].fillna("(none)")
    return df.dropna(subset=["day"])


def period_labels(days: pd.Series, freq: str) -> pd.Series:
    """A sortable label per day: the ISO Monday of its week ("2026-01-05") or its month ("2026-01").

    >>> list(period_labels(pd.Series(pd.to_datetime(["2026-01-07"])), "week"))
    ['2026-01-05']
    """
    if freq == "month":
        return days.dt.strftime("%Y-%m")
    return (days - pd.to_timedelta(days.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")


def with_period_bounds(df: pd.DataFrame, column: str = "period") -> pd.DataFrame:
    """``df`` with the first day of each period (``start``) and the first day after it (``end``), as ISO
    dates: what a time axis places a week's or a month's bar between.

    >>> bounds = with_period_bounds(pd.DataFrame({"period": ["2026-01", "2026-01-05"]}))
    >>> bounds[["start", "end"]].values.tolist()
    [['2026-01-01', '2026-02-01'], ['2026-01-05', '2026-01-12']]
    """
    labels = df[column].astype(str)
    start = pd.to_datetime(labels, format="ISO8601")
    month = labels.str.len() == 7  # "2026-01"; a week is named by its Monday, "2026-01-05"
    end = start + pd.to_timedelta(7, unit="D")
    end[month] = start[month] + pd.offsets.MonthBegin(1)
    return df.assign(start=start.dt.strftime("%Y-%m-%d"), end=end.dt.strftime("%Y-%m-%d"))


def claims_per_period(df: pd.DataFrame, *, by: str, freq: str) -> pd.DataFrame:
    """Claims per period and group (``by``: verdict, kind, outlet or language)."""
    if df.empty:
        return pd.DataFrame(columns=["period", "group", "claims", "start", "end"])
    counted = df.assign(period=period_labels(df["day"], freq), group=df[GROUPINGS[by]])
    return with_period_bounds(counted.groupby(["period", "group"]).size().reset_index(name="claims"))


def cluster_recurrence(df: pd.DataFrame, *, freq: str) -> pd.DataFrame:
    """For each cluster with two or more claims: how many came back in each period."""
    clustered = df.dropna(subset=["cluster_id"])
    sizes = clustered.groupby("cluster_id").size()
    clustered = clustered[clustered["cluster_id"].isin(sizes[sizes >= 2].index)]
    if clustered.empty:
        return pd.DataFrame(columns=["cluster", "example", "period", "claims", "start", "end"])
    examples = clustered.sort_values("day").groupby("cluster_id")["claim"].first().str.slice(0, 80)
    counted = clustered.assign(period=period_labels(clustered["day"], freq))
    counted = counted.groupby(["cluster_id", "period"]).size().reset_index(name="claims")
    counted["example"] = counted["cluster_id"].map(examples)
    counted["cluster"] = "Cluster #" + counted["cluster_id"].astype(int).astype(str)
    return with_period_bounds(counted[["cluster", "example", "period", "claims"]])


def false_ratings(session: Session) -> frozenset[str]:
    """The desk's ratings that say a claim is false or misleading: those at the bottom of its truth scale."""
    return frozenset(r.name for r in load_scale(session) if r.value is not None and r.value <= FALSE_AT_MOST)


def false_share(df: pd.DataFrame, *, freq: str, false: frozenset[str] = FALSE_RATINGS) -> pd.DataFrame:
    """Per period: rated statistical claims, how many were false or misleading (``false``: those ratings,
    from ``false_ratings``), and the share."""
    rated = df[df["statistical"] & df["verdict"].ne("(none)")]
    if rated.empty:
        return pd.DataFrame(columns=["period", "rated", "false_or_misleading", "share", "start", "end"])
    rated = rated.assign(period=period_labels(rated["day"], freq), bad=rated["verdict"].isin(false))
    counted = rated.groupby("period").agg(rated=("bad", "size"), false_or_misleading=("bad", "sum"))
    counted["share"] = counted["false_or_misleading"] / counted["rated"]
    return with_period_bounds(counted.reset_index())


def verdict_distribution(df: pd.DataFrame) -> pd.DataFrame:
    """Claims per current verdict (claims without one left out)."""
    rated = df[df["verdict"].ne("(none)")]
    return rated.groupby("verdict").size().reset_index(name="claims")


def throughput(session: Session, claim_filter: ClaimFilter, *, states: str = "published") -> pd.DataFrame:
    """Claims checked per reviewer per week: distinct claims each reviewer's verdict was published for
    (in the week it was published); with ``states="all"``, those each reviewer proposed a verdict for."""
    claim_filter = _with_states(claim_filter, states)
    claim_ids = claims_query(claim_filter, ClaimRow.id).scalar_subquery()
    query = select(VerdictRow.reviewer, VerdictRow.claim_id, VerdictRow.created_at).where(
        VerdictRow.claim_id.in_(claim_ids)
    )
    if claim_filter.published_only:  # a published row is the proposal's copy, stamped when published
        query = query.where(VerdictRow.state == "published")
    df = pd.DataFrame(session.execute(query).all(), columns=["reviewer", "claim_id", "created_at"])
    if df.empty:
        return pd.DataFrame(columns=["week", "reviewer", "claims", "start", "end"])
    days = pd.to_datetime(df["created_at"], utc=True).dt.tz_localize(None).dt.normalize()
    df = df.assign(week=period_labels(days, "week"))
    weekly = df.groupby(["week", "reviewer"])["claim_id"].nunique().reset_index(name="claims")
    return with_period_bounds(weekly, "week")


def since(days: int, *, today: date | None = None) -> date:
    """The first day of a window of ``days`` days ending today (for the default date filter)."""
    return (pd.Timestamp(today or date.today()) - pd.Timedelta(days=days - 1)).date()


def _with_states(claim_filter: ClaimFilter, states: str) -> ClaimFilter:
    """``claim_filter`` reading published verdicts (``states="published"``) or every verdict ("all")."""
    if states not in VERDICT_STATES:
        raise ValueError(f"states must be one of {VERDICT_STATES}")
    return dataclasses.replace(claim_filter, published_only=states == "published")


# --- filter choices -------------------------------------------------------------------------------


def filter_options(session: Session) -> dict[str, list]:
    """The values a reviewer can filter claims on, from what is stored (for the filter widgets)."""

    def distinct(column) -> list:
        return sorted(v for v in session.scalars(select(column).distinct()) if v)

    return {
        "outlets": distinct(ArticleRow.outlet),
        "languages": distinct(ArticleRow.lang),
        "kinds": distinct(ClaimRow.kind),
        "reviewers": distinct(VerdictRow.reviewer),
        "statuses": distinct(ClaimRow.status),
        "verdicts": list(rating_choices(load_scale(session), distinct(VerdictRow.rating))),
    }
