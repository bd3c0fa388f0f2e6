"""Sources, the figures they report, and append-only evidence links between claims and sources."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.records import EvidenceRecord, SourceInput, SourceRecord
from workbench.domain.vocabulary import STANCES
from workbench.storage.convert import evidence_record, source_record
from workbench.storage.schema import ClaimRow, EvidenceRow, FigureRow, SourceRow
from workbench.storage.versioning import hold_version


def add_source(session: Session, source: SourceInput) -> int:
    """Store a source and, when given, the figure it reports."""
    row = SourceRow(
        title=source.title,
        publisher=source.publisher,
        url=source.url,
        published=source.published,
        kind=source.kind,
        lang=source.lang,
        excerpt=source.excerpt,
        reliability_note=source.reliability_note,
        is_example=source.is_example,
    )
    if source.figure_value is not None:
        # "×" is how reviewers type a multiplier; "%" a percentage: store the kind the comparison reads
        kind = {"×": "multiplier", "x": "multiplier", "%": "percent"}.get(source.figure_unit or "", "number")
        row.figures.append(
            FigureRow(
                value=source.figure_value,
                low=source.figure_value,
                high=source.figure_value,
                kind=kind,
                unit=None if kind == "multiplier" else source.figure_unit,
                measured=source.figure_measured,
                period=source.figure_period,
                modality=source.figure_modality,
            )
        )
    session.add(row)
    session.flush()
    return row.id


def list_sources(session: Session) -> list[SourceRecord]:
    rows = session.scalars(select(SourceRow).options(selectinload(SourceRow.figures)).order_by(SourceRow.id))
    return [source_record(r) for r in rows]


def link_evidence(
    session: Session,
    *,
    claim_id: int,
    source_id: int,
    stance: str,
    reviewer: str,
    quote: str | None = None,
    figure_id: int | None = None,
    expected_version: int | None = None,
    reasons: Sequence[str] = (),
) -> int:
    """Record that ``source_id`` bears on ``claim_id``; a new link supersedes the previous one.

    With ``expected_version`` (the version the reviewer saw) the claim must still be at it, and live.
    ``reasons`` say why, when the source was linked from a suggestion (its reasons, kept as shown).
    """
    if stance not in STANCES:
        raise InputError(f"Unknown stance {stance!r}; choose one of {', '.join(STANCES)}.")
    if session.get(ClaimRow, claim_id) is None:
        raise NotFoundError(f"Claim #{claim_id} does not exist.")
    if expected_version is not None:
        hold_version(session, claim_id, expected_version)
    source = session.get(SourceRow, source_id)
    if source is None:
        raise NotFoundError(f"Source #{source_id} does not exist.")
    if figure_id is not None and figure_id not in {f.id for f in source.figures}:
        raise InputError(f"Figure #{figure_id} is not one of source #{source_id}'s figures.")
    row = EvidenceRow(
        claim_id=claim_id,
        source_id=source_id,
        figure_id=figure_id,
        stance=stance,
        quote=quote,
        reviewer=reviewer,
        action="link",
        reasons=[str(reason)[:500] for reason in reasons],
    )
    session.add(row)
    session.flush()
    return row.id


def unlink_evidence(
    session: Session, *, claim_id: int, source_id: int, reviewer: str, expected_version: int | None = None
) -> int:
    """Record an unlink; the history keeps the earlier link. Only a source in force can be unlinked.

    With ``expected_version`` (the version the reviewer saw) the claim must still be at it, and live.
    """
    if expected_version is not None:
        hold_version(session, claim_id, expected_version)
    latest = session.scalar(
        select(EvidenceRow)
        .where(EvidenceRow.claim_id == claim_id, EvidenceRow.source_id == source_id)
        .order_by(EvidenceRow.id.desc())
        .limit(1)
    )
    if latest is None or latest.action != "link":
        raise InputError(f"Source #{source_id} is not linked to claim #{claim_id}.")
    row = EvidenceRow(
        claim_id=claim_id, source_id=source_id, stance="context", reviewer=reviewer, action="unlink"
    )
    session.add(row)
    session.flush()
    return row.id


def current_evidence(session: Session, claim_ids: list[int]) -> dict[int, tuple[EvidenceRecord, ...]]:
    """The evidence in force for each claim: the latest row per (claim, source), when it is a link."""
    if not claim_ids:
        return {}
    latest = (
        select(func.max(EvidenceRow.id))
        .where(EvidenceRow.claim_id.in_(claim_ids))
        .group_by(EvidenceRow.claim_id, EvidenceRow.source_id)
    )
    rows = session.scalars(
        select(EvidenceRow)
        .where(EvidenceRow.id.in_(latest), EvidenceRow.action == "link")
        .order_by(EvidenceRow.id)
    ).all()
    sources = {
        s.id: s
        for s in session.scalars(
            select(SourceRow)
            .where(SourceRow.id.in_({r.source_id for r in rows}))
            .options(selectinload(SourceRow.figures))
        )
    }
    figures = {f.id: f for s in sources.values() for f in s.figures}
    found: dict[int, list[EvidenceRecord]] = {}
    for row in rows:
        record = evidence_record(row, sources[row.source_id], figures.get(row.figure_id))
        found.setdefault(row.claim_id, []).append(record)
    return {claim_id: tuple(records) for claim_id, records in found.items()}


HISTORY_COLUMNS = ("when", "action", "source_id", "source", "stance", "quote", "figure_id", "reviewer", "why")


def evidence_history(session: Session, claim_id: int) -> pd.DataFrame:
    """Every link and unlink recorded on a claim, oldest first (nothing is ever erased)."""
    rows = session.execute(
        select(
            EvidenceRow.created_at,
            EvidenceRow.action,
            EvidenceRow.source_id,
            SourceRow.title,
            EvidenceRow.stance,
            EvidenceRow.quote,
            EvidenceRow.figure_id,
            EvidenceRow.reviewer,
            EvidenceRow.reasons,
        )
        .join(SourceRow, SourceRow.id == EvidenceRow.source_id)
        .where(EvidenceRow.claim_id == claim_id)
        .order_by(EvidenceRow.id)
    ).all()
    df = pd.DataFrame(rows, columns=list(HISTORY_COLUMNS))
    df.loc[df["action"] == "unlink", "stance"] = None
    # why it was linked: the suggestion's reasons in one cell (empty for a link made by hand, or an unlink)
    df["why"] = ["; ".join(reasons or ()) for reasons in df["why"]]
    return df
