"""Where a source is used: the claims linked to it (with their verdict's status), the verdicts citing it,
and the source's own history of changes."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.records import VerdictRecord
from workbench.storage.convert import verdict_record
from workbench.storage.schema import ClaimRow, EvidenceRow, SourceChangeRow, VerdictRow


@dataclass(frozen=True)
class SourceLink:
    """A claim linked to the source now: how, and where its verdict stands."""

    claim_id: int
    claim_text: str
    claim_status: str
    stance: str
    quote: str | None
    figure_id: int | None
    reviewer: str
    verdict: str | None = None  # the current verdict's rating
    verdict_state: str | None = None  # proposed or published
    cited: bool = False  # the current verdict names this source
    reasons: tuple[str, ...] = ()  # why: the suggestion's reasons when linked from one


def current_links(session: Session, source_id: int) -> list[SourceLink]:
    """The claims linked to the source now (the latest evidence row per claim is a link), oldest first."""
    latest = (
        select(func.max(EvidenceRow.id))
        .where(EvidenceRow.source_id == source_id)
        .group_by(EvidenceRow.claim_id)
    )
    rows = session.execute(
        select(EvidenceRow, ClaimRow.text, ClaimRow.status)
        .join(ClaimRow, ClaimRow.id == EvidenceRow.claim_id)
        .where(EvidenceRow.id.in_(latest), EvidenceRow.action == "link")
        .order_by(EvidenceRow.id)
    ).all()
    verdicts = _current_verdicts(session, [evidence.claim_id for evidence, _, _ in rows])
    links = []
    for evidence, text, status in rows:
        verdict = verdicts.get(evidence.claim_id)
        links.append(
            SourceLink(
                claim_id=evidence.claim_id,
                claim_text=text,
                claim_status=status,
                stance=evidence.stance,
                quote=evidence.quote,
                figure_id=evidence.figure_id,
                reviewer=evidence.reviewer,
                verdict=verdict.rating if verdict else None,
                verdict_state=verdict.state if verdict else None,
                cited=bool(verdict and source_id in verdict.source_ids),
                reasons=tuple(evidence.reasons or ()),
            )
        )
    return links


def _current_verdicts(session: Session, claim_ids: list[int]) -> dict[int, VerdictRecord]:
    if not claim_ids:
        return {}
    latest = (
        select(func.max(VerdictRow.id))
        .where(VerdictRow.claim_id.in_(claim_ids))
        .group_by(VerdictRow.claim_id)
    )
    return {
        row.claim_id: verdict_record(row)
        for row in session.scalars(select(VerdictRow).where(VerdictRow.id.in_(latest)))
    }


def citing_published_verdicts(session: Session, source_id: int) -> list[VerdictRecord]:
    """Every published verdict that names the source, oldest first.

    A verdict cites only sources linked to its claim when it was recorded, so the claims with an evidence
    row for the source (indexed) are the only ones whose verdicts are read.
    """
    claims = select(EvidenceRow.claim_id).where(EvidenceRow.source_id == source_id).distinct()
    rows = session.scalars(
        select(VerdictRow)
        .where(VerdictRow.claim_id.in_(claims), VerdictRow.state == "published")
        .order_by(VerdictRow.id)
    )
    return [verdict_record(row) for row in rows if source_id in (row.source_ids or ())]


HISTORY_COLUMNS = ("when", "change", "before", "after", "reviewer")


def _shown(value: object) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 300 else text[:300] + f"… ({len(text):,} characters)"


def source_history(session: Session, source_id: int) -> pd.DataFrame:
    """Every change recorded on the source, oldest first (kept after the source is deleted)."""
    rows = session.scalars(
        select(SourceChangeRow).where(SourceChangeRow.source_id == source_id).order_by(SourceChangeRow.id)
    )
    return pd.DataFrame(
        [(r.created_at, r.field, _shown(r.before), _shown(r.after), r.reviewer) for r in rows],
        columns=list(HISTORY_COLUMNS),
    )
