"""Period and base records <-> the columns statistics and figures share (migration 0005)."""

from __future__ import annotations

from typing import Any

from claims.models import Base, Period


def observation_columns(period: Period | None, base: Base | None) -> dict[str, Any]:
    """The shared columns of a period and a base (words are stored by the caller: their column differs)."""
    base_period = base.period if base is not None else None
    return {
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "period_granularity": period.granularity if period else None,
        "period_open": bool(period and period.open),
        "base_value": base.value if base else None,
        "base_unit": base.unit[:40] if base and base.unit else None,
        "base_period_start": base_period.start if base_period else None,
        "base_period_end": base_period.end if base_period else None,
        "base_conflict": bool(base and base.conflict),
    }


def read_period(row: Any, surface: str | None) -> Period | None:
    """The period a row stores, None when it stores none."""
    if not (row.period_start or row.period_end or surface or row.period_open):
        return None
    return Period(row.period_start, row.period_end, row.period_granularity, surface, bool(row.period_open))


def read_base(row: Any, surface: str | None) -> Base | None:
    """The base a row stores, None when it stores none."""
    period = None
    if row.base_period_start or row.base_period_end:
        period = Period(row.base_period_start, row.base_period_end, None)
    if row.base_value is None and period is None and not surface:
        return None
    return Base(row.base_value, row.base_unit, period, surface, bool(row.base_conflict))


def clip(text: str | None, limit: int) -> str | None:
    """Words cut to the column's width (None stays None)."""
    return text[:limit] if text else None
