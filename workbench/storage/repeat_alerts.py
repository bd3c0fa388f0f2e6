"""Repeated claims as alerts: a claim that repeats another claim whose verdict is already published.

The claims of a new article join the clusters of their repeats when it is stored
(``workbench.desk.repeated``); the queue then flags each claim that repeats a published verdict and has
none of its own ("repeats #12, rated False"), so the desk can reuse its earlier work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session, aliased

from workbench.storage.schema import ClaimRow, VerdictRow


def is_published(verdict=VerdictRow) -> ColumnElement[bool]:
    """The one test of a published verdict row (``verdict``: VerdictRow or an alias of it).

    Kept in one place: what counts as published is the verdict workflow's decision, not the alerts'.
    """
    return verdict.state == "published"


def published_claims(verdict=VerdictRow) -> Select:
    """SELECT claim_id of every claim with at least one published verdict."""
    return select(verdict.claim_id).where(is_published(verdict))


def repeat_alert_claims() -> Select:
    """SELECT id of the live claims that repeat a claim with a published verdict and have none of their own.

    A claim without a published verdict is flagged when its cluster holds a published claim (necessarily
    another one): two set lookups, no correlated subquery, so the filter costs one pass over the
    published verdicts and the clustered claims. Every table is aliased: used inside
    ``claims.id IN (...)`` the subquery must not correlate with the outer query's ``claims``.
    """
    claim, other, verdict = aliased(ClaimRow), aliased(ClaimRow), aliased(VerdictRow)
    published_clusters = (
        select(other.cluster_id)
        .join(verdict, verdict.claim_id == other.id)
        .where(is_published(verdict), other.cluster_id.is_not(None), other.retired.is_(False))
    )
    return select(claim.id).where(
        claim.cluster_id.in_(published_clusters),
        claim.retired.is_(False),
        claim.id.not_in(published_claims(aliased(VerdictRow))),
    )


@dataclass(frozen=True)
class RepeatAlert:
    """Claim ``claim_id`` repeats ``earlier_claim_id``, whose published verdict is ``rating``."""

    claim_id: int
    earlier_claim_id: int
    rating: str
    rationale: str
    published_at: datetime | None

    @property
    def label(self) -> str:
        """The queue's words for the alert.

        >>> RepeatAlert(20, 12, "False", "No.", None).label
        'repeats #12, rated False'
        """
        return f"repeats #{self.earlier_claim_id}, rated {self.rating}"


def repeat_alerts(session: Session, claim_ids: Iterable[int]) -> dict[int, RepeatAlert]:
    """The alert of each of ``claim_ids`` that repeats a published verdict and has none of its own.

    Among several published repeats the most recently published verdict is the one offered.
    """
    ids = list(dict.fromkeys(claim_ids))
    if not ids:
        return {}
    cluster_of = dict(
        session.execute(
            select(ClaimRow.id, ClaimRow.cluster_id).where(
                ClaimRow.id.in_(ids), ClaimRow.cluster_id.is_not(None)
            )
        ).all()
    )
    if not cluster_of:
        return {}
    rows = session.execute(
        select(ClaimRow.id, ClaimRow.cluster_id, VerdictRow)
        .join(VerdictRow, VerdictRow.claim_id == ClaimRow.id)
        .where(
            ClaimRow.cluster_id.in_(set(cluster_of.values())),
            ClaimRow.retired.is_(False),
            is_published(),
        )
        .order_by(VerdictRow.id)
    ).all()
    newest: dict[int, tuple[int, VerdictRow]] = {}  # cluster -> (claim, its newest published verdict)
    published_ids = set()
    for claim_id, cluster_id, verdict in rows:
        published_ids.add(claim_id)
        newest[cluster_id] = (claim_id, verdict)
    alerts = {}
    for claim_id, cluster_id in cluster_of.items():
        if claim_id in published_ids or cluster_id not in newest:
            continue
        earlier_id, verdict = newest[cluster_id]
        alerts[claim_id] = RepeatAlert(claim_id, earlier_id, verdict.rating, verdict.rationale,
                                       verdict.published_at)  # fmt: skip
    return alerts


def article_repeat_alerts(session: Session, article_id: int) -> list[RepeatAlert]:
    """The alerts of an article's live claims, in reading order: what to say once it is added."""
    ids = session.scalars(
        select(ClaimRow.id)
        .where(ClaimRow.article_id == article_id, ClaimRow.retired.is_(False))
        .order_by(ClaimRow.id)
    ).all()
    alerts = repeat_alerts(session, ids)
    return [alerts[i] for i in ids if i in alerts]
