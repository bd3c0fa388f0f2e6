"""Verdict history and claim status, guarded by the claim's version so no save is silently lost."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from workbench.errors import InputError, NotFoundError, StaleClaimError
from workbench.records import ClaimRecord
from workbench.storage.convert import claim_record, verdict_record
from workbench.storage.evidence import current_evidence
from workbench.storage.schema import ClaimRow, VerdictRow
from workbench.vocabulary import RATINGS, STATUSES


def get_claim(session: Session, claim_id: int) -> ClaimRecord:
    """A claim with statistics, current evidence and verdict history (oldest first)."""
    row = session.scalar(
        select(ClaimRow).where(ClaimRow.id == claim_id).options(selectinload(ClaimRow.statistics))
    )
    if row is None:
        raise NotFoundError(f"Claim #{claim_id} was not found.")
    verdicts = session.scalars(
        select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id)
    )
    evidence = current_evidence(session, [claim_id]).get(claim_id, ())
    return claim_record(row, evidence, tuple(verdict_record(v) for v in verdicts))


def _bump_version(session: Session, claim_id: int, expected_version: int, **changes: object) -> int:
    """Apply ``changes`` only if nobody saved the claim since ``expected_version`` was read."""
    result = session.execute(
        update(ClaimRow)
        .where(ClaimRow.id == claim_id, ClaimRow.version == expected_version)
        .values(version=ClaimRow.version + 1, **changes)
    )
    if result.rowcount == 1:
        return expected_version + 1
    current = session.get(ClaimRow, claim_id)
    if current is None:
        raise NotFoundError(f"Claim #{claim_id} was not found.")
    latest = session.scalar(
        select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id.desc()).limit(1)
    )
    by_whom = f" {latest.reviewer} recorded “{latest.rating}”." if latest else ""
    raise StaleClaimError(
        f"Claim #{claim_id} was changed by someone else since you opened it (now version {current.version}, "
        f"you had version {expected_version}).{by_whom} Reload the claim, review the change, then save again."
    )


def record_verdict(
    session: Session, *, claim_id: int, rating: str, rationale: str, reviewer: str, expected_version: int
) -> int:
    """Append a verdict and mark the claim checked; returns the claim's new version."""
    if rating not in RATINGS:
        raise InputError(f"Unknown rating {rating!r}; choose one of {', '.join(RATINGS)}.")
    version = _bump_version(session, claim_id, expected_version, status="checked")
    session.add(VerdictRow(claim_id=claim_id, rating=rating, rationale=rationale, reviewer=reviewer))
    session.flush()
    return version


def set_status(session: Session, *, claim_id: int, status: str, expected_version: int) -> int:
    """Move a claim through the review workflow; returns its new version."""
    if status not in STATUSES:
        raise InputError(f"Unknown status {status!r}; choose one of {', '.join(STATUSES)}.")
    return _bump_version(session, claim_id, expected_version, status=status)
