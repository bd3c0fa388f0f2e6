"""A reviewer's corrections to the observation of a figure: direction, modality, period and base.

The form speaks in labels ("2024", "2023-Q3", "2024-05-01/2025-04-30"); the row stores ISO bounds.
Shared by claim statistics (``claim_edits``) and source figures (``figure_edits``).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sources.models import MODALITIES
from sources.observations import base_label, period_from_label, period_label
from workbench.domain.errors import InputError
from workbench.storage.observations import read_base, read_period

DIRECTIONS = ("up", "down")
OBSERVATION_FIELDS = ("direction", "modality", "period", "base_value", "base_unit", "base_period")


def parse_number(field: str, value: object) -> float | None:
    """A typed number ("1 234,5" and "1234.5" alike; None when empty); InputError naming ``field``.

    >>> parse_number("value", "1 234,5"), parse_number("value", "")
    (1234.5, None)
    """
    if value is None or value == "":
        return None
    try:
        number = float(str(value).replace(",", ".").replace("\u202f", "").replace(" ", ""))
    except ValueError as error:
        raise InputError(f"The {field} {value!r} is not a number.") from error
    if not math.isfinite(number):
        raise InputError(f"The {field} must be a finite number.")
    return number


def _label(field: str, value: object) -> str | None:
    text = None if value is None else str(value).strip()
    if text and len(text) > 200:
        raise InputError(f"The {field} is too long (200 characters at most).")
    return text or None


def _checked_period(field: str, text: str | None):
    period = period_from_label(text)
    for day in (period.start, period.end) if period and period.start else ():
        try:
            dt.date.fromisoformat(day)
        except ValueError as error:
            raise InputError(f"The {field} {text!r} is not a real date.") from error
    return period


def clean_observation(field: str, value: object, row: Any) -> dict[str, Any]:
    """The columns one corrected field sets on ``row`` (a statistic or a figure row)."""
    if field == "direction":
        text = _label(field, value)
        if text not in (None, *DIRECTIONS):
            raise InputError(
                f"Unknown direction {text!r}; choose up or down (or leave it empty for a level)."
            )
        return {"direction": text}
    if field == "modality":
        text = _label(field, value)
        if text not in (None, *MODALITIES):
            raise InputError(f"Unknown modality {text!r}; choose one of {', '.join(MODALITIES)}.")
        return {"modality": text or "reported"} if hasattr(row, "measured") else {"modality": text}
    if field == "period":
        text = _label(field, value)
        period = _checked_period(field, text)
        surface = (
            {"period": text[:40] if text else None} if hasattr(row, "measured") else {"period_surface": text}
        )
        return {
            **surface,
            "period_start": period.start if period else None,
            "period_end": period.end if period else None,
            "period_granularity": period.granularity if period else None,
            "period_open": bool(period and period.open),
        }
    if field == "base_value":
        return {"base_value": parse_number("base value", value)}
    if field == "base_unit":
        text = _label(field, value)
        return {"base_unit": text[:40] if text else None}
    if field == "base_period":
        text = _label(field, value)
        period = _checked_period(field, text)
        if period is not None and period.open:
            raise InputError(
                f"The base period {text!r} is not a date or period the desk can place (2019, 2024-03)."
            )
        return {
            "base_period_start": period.start if period else None,
            "base_period_end": period.end if period else None,
        }
    raise InputError(f"Cannot correct {field}.")


def observation_state(row: Any) -> dict[str, Any]:
    """The correctable observation fields of a row, as the form shows them (labels, not columns)."""
    surface = row.period if hasattr(row, "measured") else row.period_surface
    base_surface = row.base if hasattr(row, "measured") else row.base_surface
    period = read_period(row, surface)
    base = read_base(row, base_surface)
    return {
        "direction": row.direction,
        "modality": row.modality,
        "period": period_label(period),
        "base_value": base.value if base else None,
        "base_unit": base.unit if base else None,
        "base_period": period_label(base.period) if base and base.period else None,
        "base": base_label(base),
    }


def shown_value(field: str, value: object, columns: dict[str, Any]) -> object:
    """How a cleaned field reads back (a label for periods), to compare with the stored reading."""
    if field in ("period", "base_period"):
        text = None if value is None else str(value).strip()
        return text or None
    return next(iter(columns.values()))
