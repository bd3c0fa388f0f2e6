"""Metrics: a reviewer groups claims and reported figures that measure the same thing."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.records import MetricRecord
from workbench.storage.schema import ClaimChangeRow, ClaimRow, FigureRow, MetricRow


def list_metrics(session: Session) -> list[MetricRecord]:
    """Every metric with the claims and figures grouped into it, by name."""
    metrics = session.scalars(select(MetricRow).order_by(MetricRow.name)).all()
    claims: dict[int, list[int]] = {}
    for claim_id, metric_id in session.execute(
        select(ClaimRow.id, ClaimRow.metric_id).where(ClaimRow.metric_id.is_not(None)).order_by(ClaimRow.id)
    ):
        claims.setdefault(metric_id, []).append(claim_id)
    figures: dict[int, list[int]] = {}
    for figure_id, metric_id in session.execute(
        select(FigureRow.id, FigureRow.metric_id)
        .where(FigureRow.metric_id.is_not(None))
        .order_by(FigureRow.id)
    ):
        figures.setdefault(metric_id, []).append(figure_id)
    return [
        MetricRecord(m.id, m.name, m.unit, tuple(claims.get(m.id, ())), tuple(figures.get(m.id, ())))
        for m in metrics
    ]


def create_metric(session: Session, *, name: str, reviewer: str, unit: str | None = None) -> int:
    """A new metric; names are unique (case-insensitively) so the same thing is not grouped twice."""
    if not name:
        raise InputError("Name the metric (e.g. “Ukraine defence production”).")
    clash = session.scalar(select(MetricRow).where(func.lower(MetricRow.name) == name.lower()))
    if clash is not None:
        raise InputError(f"A metric named “{clash.name}” exists already: choose it instead.")
    row = MetricRow(name=name[:200], unit=unit, created_by=reviewer)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        # another reviewer created the same name between our check and our insert: the unique index
        # refused it, and this transaction is lost; say so instead of showing a database error
        session.rollback()
        raise InputError(
            f"A metric named “{name[:200]}” was just created by another reviewer: choose it instead."
        ) from None
    return row.id


def assign_metric(
    session: Session,
    *,
    claim_id: int,
    metric_id: int | None,
    figure_ids: tuple[int, ...] = (),
    reviewer: str,
) -> None:
    """Put a claim (and the chosen reported figures) in ``metric_id``; None takes the claim out.

    The change is kept in the claim's history (field ``metric_id``).
    """
    claim = session.get(ClaimRow, claim_id)
    if claim is None:
        raise NotFoundError(f"Claim #{claim_id} was not found.")
    if metric_id is not None and session.get(MetricRow, metric_id) is None:
        raise NotFoundError(f"Metric #{metric_id} was not found.")
    if claim.metric_id != metric_id:
        session.add(
            ClaimChangeRow(
                claim_id=claim_id,
                field="metric_id",
                before=claim.metric_id,
                after=metric_id,
                reviewer=reviewer,
            )
        )
        claim.metric_id = metric_id
    if figure_ids:
        if metric_id is None:
            raise InputError("Choose a metric to put the figures in.")
        rows = session.scalars(select(FigureRow).where(FigureRow.id.in_(figure_ids))).all()
        missing = set(figure_ids) - {r.id for r in rows}
        if missing:
            raise NotFoundError(f"Figure #{min(missing)} was not found.")
        for row in rows:
            row.metric_id = metric_id
    session.flush()
