"""A reviewer's corrections to a figure a source reports: value, kind, what is counted, and its
observation (direction, modality, period, base). The first correction keeps the engine's reading in
``reported_figures.original``, as claim corrections do in ``statistics.original``."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.validation import clean_text
from workbench.storage.observation_edits import (
    OBSERVATION_FIELDS,
    clean_observation,
    observation_state,
    parse_number,
    shown_value,
)
from workbench.storage.schema import FigureRow

FIGURE_KINDS = (
    "count", "number", "percent", "percentage_points", "share", "money", "measure", "multiplier", "change",
    "ordinal", "ratio",
)  # fmt: skip
FIGURE_FIELDS = ("value", "kind", "unit", "counted", *OBSERVATION_FIELDS)


def figure_reading(row: FigureRow) -> dict:
    """A figure's correctable fields as the form shows them (kept as the engine's reading)."""
    return {
        "value": row.value,
        "kind": row.kind,
        "unit": row.unit,
        "counted": row.measured,
        **observation_state(row),
    }


def _plain(field: str, value: object) -> dict:
    if field == "value":
        number = parse_number("value", value)
        if number is None:  # a reported figure always has a value
            raise InputError(f"The value {value!r} is not a number.")
        return {"value": number}
    if field == "kind":
        if value not in FIGURE_KINDS:
            raise InputError(f"Unknown kind {value!r}; choose one of {', '.join(FIGURE_KINDS)}.")
        return {"kind": value}
    if field == "unit":
        return {"unit": clean_text("unit", None if value is None else str(value), max_chars=40)}
    return {"measured": clean_text("what is counted", None if value is None else str(value), max_chars=200)}


def correct_figure(session: Session, *, figure_id: int, changes: Mapping[str, object], reviewer: str) -> dict:
    """Correct a source's figure; returns the fields that changed (before the caller's commit).

    A bound's ends follow a corrected exact value, so the comparison reads the new value.
    """
    row = session.get(FigureRow, figure_id)
    if row is None:
        raise NotFoundError(f"Figure #{figure_id} does not exist.")
    unknown = set(changes) - set(FIGURE_FIELDS)
    if unknown:
        raise InputError(f"Cannot correct {', '.join(sorted(unknown))}; only {', '.join(FIGURE_FIELDS)}.")
    current = figure_reading(row)
    changed, columns = {}, {}
    for field, value in changes.items():
        set_columns = (
            clean_observation(field, value, row) if field in OBSERVATION_FIELDS else _plain(field, value)
        )
        shown = shown_value(field, value, set_columns)
        if shown != current[field]:
            changed[field] = shown
            columns.update(set_columns)
    if not changed:
        raise InputError("Nothing to correct: the values are the ones already stored.")
    if row.original is None:
        row.original = current
    if "value" in columns and row.bound == "exact":
        columns.update(low=columns["value"], high=columns["value"])
    for name, value in columns.items():
        setattr(row, name, value)
    row.corrected_by = reviewer
    session.flush()
    return changed
