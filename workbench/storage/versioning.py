"""The claim's version check: every save names the version it read; a stale save is refused, not applied."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.errors import NotFoundError, StaleClaimError
from workbench.storage.schema import ClaimChangeRow, ClaimRow, VerdictRow


def _latest_change(session: Session, claim_id: int) -> str:
    """What the other reviewer did last: the newest change or verdict on the claim, in words."""
    change = session.scalar(
        select(ClaimChangeRow)
        .where(ClaimChangeRow.claim_id == claim_id)
        .order_by(ClaimChangeRow.id.desc())
        .limit(1)
    )
    verdict = session.scalar(
        select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id.desc()).limit(1)
    )
    if verdict is not None and (change is None or verdict.created_at >= change.created_at):
        return f" {verdict.reviewer} recorded “{verdict.rating}”."
    if change is not None:
        return f" {change.reviewer} changed {change.field}: {change.before!r} → {change.after!r}."
    return ""


def bump_version(session: Session, claim_id: int, expected_version: int, **changes: object) -> int:
    """Apply ``changes`` only if nobody saved the claim since ``expected_version`` was read.

    Returns the new version; raises StaleClaimError naming the other reviewer's change otherwise.
    """
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
    raise StaleClaimError(
        f"Claim #{claim_id} was changed by someone else since you opened it (now version {current.version}, "
        f"you had version {expected_version}).{_latest_change(session, claim_id)} "
        "Reload the claim, review the change, then save again."
    )


_bump_version = bump_version  # the name verdicts.py has always used
