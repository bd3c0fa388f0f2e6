"""Verdict history and claim status, guarded by the claim's version so no save is silently lost.

A verdict goes through two steps, each an appended row (the table is never updated):
a reviewer *proposes* (state ``proposed``, the claim's status becomes ``proposed``: waiting to publish);
an editor *publishes* it, which appends a copy with state ``published``, ``published_by`` and
``published_at`` (the claim's status becomes ``published``). The current verdict is the newest row; the
public exports and the trends take the newest published one. Both steps bump the claim's version, so a
proposal saved on a stale page, or a publication of a verdict someone has changed since, is refused with
the other change. With the desk setting "publishing needs a second person" on, the editor who proposed a
verdict cannot publish it: another editor does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.domain.auth import NotAllowedError, User
from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.ratings import check_rating
from workbench.domain.records import ClaimRecord, VerdictRecord
from workbench.domain.validation import clean_text
from workbench.domain.vocabulary import MANUAL_STATUSES, STATUSES, VERDICT_STATUSES
from workbench.storage.convert import claim_record, verdict_record
from workbench.storage.evidence import current_evidence
from workbench.storage.rating_scale import load_scale
from workbench.storage.schema import ClaimRow, SourceRow, VerdictRow
from workbench.storage.settings import get_setting, put_setting
from workbench.storage.users import acting_user
from workbench.storage.versioning import bump_version

VERDICT_STATES: tuple[str, ...] = ("proposed", "published")
SECOND_PERSON_KEY = "publishing.second_person"


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


def _linked_sources(session: Session, claim_id: int, source_ids: Iterable[int]) -> list[int]:
    """``source_ids`` in order, each checked to be a source currently linked to the claim."""
    wanted = list(dict.fromkeys(int(i) for i in source_ids))
    linked = {e.source.id for e in current_evidence(session, [claim_id]).get(claim_id, ())}
    foreign = [i for i in wanted if i not in linked]
    if foreign:
        raise InputError(
            f"Source #{foreign[0]} is not linked to claim #{claim_id}; a verdict rests on linked sources."
        )
    return wanted


def record_verdict(
    session: Session,
    *,
    claim_id: int,
    rating: str,
    rationale: str,
    reviewer: str,
    expected_version: int,
    source_ids: Sequence[int] = (),
) -> int:
    """Propose a verdict (appended, state ``proposed``), the claim waits to be published; returns the new
    version. A proposal is not a verdict the desk stands by: the claim counts as checked once published."""
    check_rating(rating, load_scale(session))
    rationale = clean_text("rationale", rationale, required=True)
    sources = _linked_sources(session, claim_id, source_ids)
    version = bump_version(session, claim_id, expected_version, status="proposed")
    session.add(
        VerdictRow(
            claim_id=claim_id,
            rating=rating,
            rationale=rationale,
            reviewer=reviewer,
            state="proposed",
            source_ids=sources,
        )
    )
    session.flush()
    return version


propose_verdict = record_verdict


def publish_verdict(session: Session, *, claim_id: int, publisher: User, expected_version: int) -> int:
    """Publish the claim's current verdict as ``publisher`` (an editor or admin); returns the new version.

    The version check refuses a publication when anyone changed the claim or its verdict after the editor
    opened it: the editor publishes exactly what they read. The role and the desk's second-person rule are
    read inside this write, so neither a demotion nor the setting turned on meanwhile is bypassed.
    """
    # first: SQLite's write lock is now held
    version = bump_version(session, claim_id, expected_version, status="published")
    publisher = acting_user(session) or publisher  # the role stored now, not the one read at sign-in
    if not publisher.can_publish:
        raise NotAllowedError(
            f"{publisher.display_name} signs in as a {publisher.role}: only an editor can publish a verdict."
        )
    latest = session.scalar(
        select(VerdictRow).where(VerdictRow.claim_id == claim_id).order_by(VerdictRow.id.desc()).limit(1)
    )
    if latest is None:
        raise InputError(f"Claim #{claim_id} has no verdict to publish; propose one first.")
    if latest.state == "published":
        raise InputError(f"The verdict on claim #{claim_id} is already published.")
    if latest.reviewer == publisher.username and second_person_required(session):
        raise NotAllowedError(
            f"You ({publisher.display_name}) proposed this verdict, and the desk's setting “publishing "
            "needs a second person” is on: another editor publishes it. Nothing was published."
        )
    cited = set(latest.source_ids or ())
    gone = sorted(cited - set(session.scalars(select(SourceRow.id).where(SourceRow.id.in_(cited)))))
    if gone:  # deleted from the library after the proposal: a published verdict never rests on nothing
        raise InputError(
            f"The verdict rests on source{'s' if len(gone) > 1 else ''} "
            f"{', '.join(f'#{i}' for i in gone)}, deleted from the library since it was proposed: propose "
            "it again with the sources it rests on now. Nothing was published."
        )
    session.add(
        VerdictRow(
            claim_id=claim_id,
            rating=latest.rating,
            rationale=latest.rationale,
            reviewer=latest.reviewer,
            state="published",
            published_by=publisher.username,
            published_at=datetime.now(UTC),
            source_ids=list(latest.source_ids or ()),
        )
    )
    session.flush()
    return version


def set_status(session: Session, *, claim_id: int, status: str, expected_version: int) -> int:
    """Move a claim through the review workflow by hand (new, checking, not check-worthy); returns its new
    version. "proposed" and "published" come only from proposing and publishing a verdict."""
    if status not in STATUSES:
        raise InputError(f"Unknown status {status!r}; choose one of {', '.join(STATUSES)}.")
    if (
        status in VERDICT_STATUSES
        and session.scalar(select(ClaimRow.status).where(ClaimRow.id == claim_id)) != status
    ):
        raise InputError(
            f"A claim becomes “{status}” when a verdict is {status}, not by hand; "
            f"choose one of {', '.join(MANUAL_STATUSES)}, or use the verdict form."
        )
    return bump_version(session, claim_id, expected_version, status=status)


def status_after_verdict(status: str, verdict_state: str | None) -> str:
    """The status of a claim marked done ("checked" of old, "proposed", "published") given its current
    verdict's state, for rows written outside the workflow (an import, an older database): the verdict
    decides, and without one the claim is still being checked. Other statuses stay.

    >>> status_after_verdict("checked", "proposed"), status_after_verdict("published", None)
    ('proposed', 'checking')
    """
    if status not in (*VERDICT_STATUSES, "checked"):
        return status
    return verdict_state if verdict_state in VERDICT_STATUSES else "checking"


def second_person_required(session: Session) -> bool:
    """Whether the desk asks for a second person to publish: the proposer may not publish their own."""
    return get_setting(session, SECOND_PERSON_KEY) is True


def set_second_person(session: Session, required: bool, *, editor: str) -> None:
    """Turn the second-person rule on or off; the signed-in editor's role is read again in this write."""
    actor = acting_user(session)
    if actor is not None and not actor.can_edit_settings:
        raise NotAllowedError(
            f"{actor.display_name} signs in as a {actor.role}: "
            "only an editor changes how verdicts are published."
        )
    put_setting(session, SECOND_PERSON_KEY, bool(required), updated_by=editor)


@dataclass(frozen=True)
class VerdictEvent:
    """One line of a verdict's history in words: who did what, when, and what changed."""

    verdict: VerdictRecord
    action: str  # "proposed" or "published"
    by: str
    at: datetime
    changes: tuple[str, ...]


def verdict_history(verdicts: Sequence[VerdictRecord]) -> list[VerdictEvent]:
    """Each verdict row (oldest first) with what changed against the row before it.

    >>> from datetime import datetime
    >>> a = VerdictRecord(1, 7, "False", "No.", "ana", datetime(2026, 1, 1))
    >>> b = VerdictRecord(2, 7, "Misleading", "No.", "ben", datetime(2026, 1, 2))
    >>> verdict_history([a, b])[1].changes
    ('rating False → Misleading',)
    """
    events: list[VerdictEvent] = []
    previous: VerdictRecord | None = None
    for verdict in verdicts:
        if verdict.state == "published":
            event = VerdictEvent(verdict, "published", verdict.published_by or "?",
                                 verdict.published_at or verdict.created_at, ())  # fmt: skip
        else:
            event = VerdictEvent(
                verdict, "proposed", verdict.reviewer, verdict.created_at, _changes(previous, verdict)
            )
        events.append(event)
        previous = verdict
    return events


def _changes(before: VerdictRecord | None, after: VerdictRecord) -> tuple[str, ...]:
    if before is None:
        return ("first verdict",)
    changes = []
    if before.rating != after.rating:
        changes.append(f"rating {before.rating} → {after.rating}")
    if before.rationale != after.rationale:
        changes.append("rationale rewritten")
    if tuple(before.source_ids) != tuple(after.source_ids):
        changes.append("sources " + (", ".join(f"#{i}" for i in after.source_ids) or "none"))
    return tuple(changes) or ("no change",)
