"""The claim's version check: every save names the version it read; a stale save is refused, not applied."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from workbench.domain.errors import NotFoundError, StaleClaimError
from workbench.storage.schema import ClaimChangeRow, ClaimRow, VerdictRow


def latest_change(session: Session, claim_id: int) -> str:
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
        if verdict.state == "published":
            return f" {verdict.published_by} published “{verdict.rating}”."
        return f" {verdict.reviewer} recorded “{verdict.rating}”."
    if change is not None:
        return f" {change.reviewer} changed {change.field}: {change.before!r} → {change.after!r}."
    return ""


def replacement_of(session: Session, claim_id: int) -> list[int]:
    """The claims that replaced a retired one (split or merge), for a "moved to" message."""
    change = session.scalar(
        select(ClaimChangeRow)
        .where(ClaimChangeRow.claim_id == claim_id, ClaimChangeRow.field.in_(("split", "merged")))
        .order_by(ClaimChangeRow.id.desc())
        .limit(1)
    )
    into = (change.after or {}).get("into") if change is not None else None
    return list(into) if isinstance(into, list) else [into] if into else []


def _refuse(session: Session, claim_id: int, expected_version: int) -> StaleClaimError | NotFoundError:
    """Why a save bound to ``expected_version`` of the claim cannot be applied, in the reviewer's words."""
    current = session.get(ClaimRow, claim_id)
    if current is None:
        return NotFoundError(f"Claim #{claim_id} was not found (deleted?): nothing was saved.")
    if current.retired:
        into = ", ".join(f"#{i}" for i in replacement_of(session, claim_id)) or "other claims"
        return StaleClaimError(
            f"Claim #{claim_id} was split or merged into {into} since you opened it: nothing was saved. "
            "Open the claim that replaced it and save there."
        )
    return StaleClaimError(
        f"Claim #{claim_id} was changed by someone else since you opened it (now version {current.version}, "
        f"you had version {expected_version}).{latest_change(session, claim_id)} "
        "Nothing was saved: review the change, then save again."
    )


def bump_version(session: Session, claim_id: int, expected_version: int, **changes: object) -> int:
    """Apply ``changes`` only if nobody saved the live claim since ``expected_version`` was read.

    Returns the new version; raises StaleClaimError naming the other reviewer's change otherwise.
    """
    result = session.execute(
        update(ClaimRow)
        .where(ClaimRow.id == claim_id, ClaimRow.version == expected_version, ClaimRow.retired.is_(False))
        .values(version=ClaimRow.version + 1, **changes)
    )
    if result.rowcount == 1:
        return expected_version + 1
    raise _refuse(session, claim_id, expected_version)


def hold_version(session: Session, claim_id: int, expected_version: int) -> int:
    """Check, under the write lock, that the live claim is still at ``expected_version``; keep it there.

    For writes beside the claim (evidence links) that must land on the claim the reviewer saw but do not
    change it: the no-op update takes the row's lock, so the check and the write are one step.
    """
    result = session.execute(
        update(ClaimRow)
        .where(ClaimRow.id == claim_id, ClaimRow.version == expected_version, ClaimRow.retired.is_(False))
        .values(version=ClaimRow.version)
    )
    if result.rowcount == 1:
        return expected_version
    raise _refuse(session, claim_id, expected_version)


_bump_version = bump_version  # the name verdicts.py has always used
