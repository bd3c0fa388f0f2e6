"""Where a figure sits on the compare chart's time axis: over its period, a change or multiplier from
its base to its period ("×3 from 2021 to 2024" is a span), and its base as a point of its own.

Pure helpers shared by ``workbench.storage.chart_data`` (rows from the database) and
``workbench.outputs.charts.comparison_frame`` (rows from records).
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from claims.models import Base, Period
from sources.observations import base_label, period_from_label, period_label, signed
from workbench.domain.records import ClaimRecord

RELATIVE = ("multiplier", "change")
COMPARE_COLUMNS: tuple[str, ...] = (
    "label", "period", "start", "end", "value", "low", "high", "bound", "role", "colour", "modality", "unit",
    "reading", "source", "date", "quote",
)  # fmt: skip


def placed(
    kind: str, period: Period | None, base: Base | None, fallback: str | None = None
) -> dict[str, str]:
    """The ``period`` label and the ISO ``start``/``end`` a figure is drawn over ("" when unknown).

    >>> placed("multiplier", period_from_label("2024"), Base(period=period_from_label("2021")))
    {'period': '2021–2024', 'start': '2021-01-01', 'end': '2024-12-31'}
    """
    if period is None or not period.start:
        period = period_from_label(fallback) if fallback else period
    since = base.period if base is not None and base.period is not None and base.period.start else None
    if kind in RELATIVE and since is not None and period is not None and period.start:
        first, last = period_label(since) or since.start[:4], period_label(period) or period.start[:4]
        return {"period": f"{first}–{last}", "start": since.start, "end": period.end or period.start}
    if period is not None and period.start:
        return {
            "period": period_label(period) or "",
            "start": period.start,
            "end": period.end or period.start,
        }
    label = period_label(period) if period is not None else None
    return {"period": f"{label} (open)" if label else "", "start": "", "end": ""}


def chart_value(kind: str, value: float | None, direction: str | None) -> float | None:
    """The value drawn: a change with its sign, so a fall sits below zero (a multiplier stays a factor).

    >>> chart_value("change", 12, "down"), chart_value("count", 12, None)
    (-12.0, 12)
    """
    return signed(value, direction) if kind == "change" else value


def chart_bounds(kind: str, low: float | None, high: float | None, direction: str | None, bound: str) -> dict:
    """The interval and bound of a figure on the drawn scale: a fall's bounds below zero, swapped, and
    "fell by more than 20%" drawn as less than −20.

    >>> chart_bounds("change", 10, 15, "down", "range")
    {'low': -15, 'high': -10, 'bound': 'range'}
    >>> chart_bounds("change", 20, None, "down", "lower")
    {'low': None, 'high': -20, 'bound': 'upper'}
    """
    if kind == "change" and direction == "down":
        flipped = {"lower": "upper", "upper": "lower"}.get(bound, bound)
        return {
            "low": -high if high is not None else None,
            "high": -low if low is not None else None,
            "bound": flipped,
        }
    return {"low": low, "high": high, "bound": bound}


def base_point(row: dict, kind: str, base: Base | None) -> dict | None:
    """The base as its own point: its value (a level's from-value), or ×1 for a multiplier's base period,
    or 0 for a change's; None when the base has no period to be drawn at."""
    if base is None:
        return None
    when = placed("count", base.period, None)
    if not when["start"]:
        return None
    value = (
        base.value
        if base.value is not None
        else 1.0
        if kind == "multiplier"
        else 0.0
        if kind == "change"
        else None
    )
    if value is None:
        return None
    words = base_label(base) or when["period"]
    return {
        **row, **when, "value": float(value), "low": None, "high": None, "bound": "exact", "role": "base",
        "reading": f"base: {words}", "label": f"{row['label']} (base)",
    }  # fmt: skip


def midpoint(start: str, end: str) -> str:
    """The middle day of a period, where its point is drawn.

    >>> midpoint("2024-01-01", "2024-12-31")
    '2024-07-01'
    """
    if not start:
        return ""
    first, last = date.fromisoformat(start[:10]), date.fromisoformat((end or start)[:10])
    return (first + (last - first) / 2).isoformat()


def comparison_frame(claim: ClaimRecord) -> pd.DataFrame:
    """The compare frame from a claim record alone: its figures and its linked sources' figures.

    The panel uses ``workbench.storage.chart_data.compare_frame``, which adds the claim's metric.
    """
    rows: list[dict] = []
    for stat in claim.statistics:
        if stat.value is None or not math.isfinite(stat.value):
            continue
        row = {
            "label": "This claim", **placed(stat.kind, stat.period, stat.base),
            "value": chart_value(stat.kind, stat.value, stat.direction),
            **chart_bounds(stat.kind, stat.low, stat.high, stat.direction, stat.bound),
            "role": "this claim", "colour": "this claim", "modality": stat.modality or claim.modality,
            "unit": "×" if stat.kind == "multiplier" else stat.unit, "reading": stat.reading,
            "source": "this claim", "date": "", "quote": claim.text[:300],
        }  # fmt: skip
        rows += [r for r in (row, base_point(row, stat.kind, stat.base)) if r is not None]
    for evidence in claim.evidence:
        for figure in [evidence.figure] if evidence.figure else evidence.source.figures:
            observation = figure.observation
            kind = getattr(observation, "kind", "number")
            direction = getattr(observation, "direction", None)
            published = evidence.source.published.isoformat() if evidence.source.published else ""
            row = {
                "label": evidence.source.title[:40],
                **placed(kind, getattr(observation, "period", None), getattr(observation, "base", None),
                         figure.period),
                "value": chart_value(kind, figure.value, direction), "low": None, "high": None,
                "bound": figure.bound, "role": "report", "colour": evidence.source.kind,
                "modality": figure.modality, "unit": figure.unit,
                "reading": f"{figure.value:g} {figure.unit or ''}".strip(),
                "source": evidence.source.publisher or evidence.source.title, "date": published,
                "quote": evidence.quote or "",
            }  # fmt: skip
            rows += [
                r for r in (row, base_point(row, kind, getattr(observation, "base", None))) if r is not None
            ]
    return pd.DataFrame(rows, columns=list(COMPARE_COLUMNS)).astype({"value": float})


def on_time_axis(df: pd.DataFrame) -> pd.DataFrame:
    """Rows with a ``start``/``end`` (read from the ``period`` label when a frame has none) and the
    ``mid`` day their point is drawn at; none when no row has a period or a date."""
    starts, ends = [], []
    for _, row in df.iterrows():
        start, end = row.get("start"), row.get("end")
        if not isinstance(start, str) or not start:
            label = row["period"] if isinstance(row["period"], str) and row["period"] else None
            label = label or str(row["date"] or "")
            when = placed("count", None, None, label[:10] if label[:4].isdigit() else label)
            start, end = when["start"], when["end"]
        starts.append(start)
        ends.append(end if isinstance(end, str) and end else start)
    mids = [midpoint(s, e) for s, e in zip(starts, ends, strict=True)]
    dated = sorted(m for m in mids if m)
    if not dated:
        return df.iloc[0:0]
    # a figure without period or date is drawn among the others, and says so: nothing is guessed for it
    middle = dated[len(dated) // 2]
    undated = [not m for m in mids]
    return df.assign(
        start=starts,
        end=ends,
        mid=[m or middle for m in mids],
        period=["no date" if u else p for u, p in zip(undated, df["period"], strict=True)],
    )
