"""The review queue: one page of claims across articles, most check-worthy first, counted per status.

Pagination happens in the database (LIMIT/OFFSET over the ``(worthiness, id)`` order): a page reads
``page_size`` rows whatever the size of the desk's database; the verdicts of those rows are fetched
afterwards by id, so the newest-verdict subquery is only joined when a filter needs it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.worthiness import KINDS as CLAIM_KINDS
from workbench.domain.ratings import rating_choices
from workbench.domain.records import standalone_text
from workbench.storage.filters import ClaimFilter, claims_query
from workbench.storage.rating_scale import load_scale
from workbench.storage.repeat_alerts import repeat_alerts
from workbench.storage.schema import ArticleRow, ClaimChangeRow, ClaimRow, VerdictRow

QUEUE_COLUMNS = ("id", "article_id", "article", "outlet", "lang", "claim", "kind", "worthiness", "status",
                 "verdict", "verdict_state", "reviewer", "assignee", "repeats")  # fmt: skip
WAITING = "proposed"  # the status of a claim whose newest verdict waits for an editor to publish it
MAX_PAGE_SIZE = 500


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue: ``frame`` has QUEUE_COLUMNS; ``total`` counts every matching claim."""

    frame: pd.DataFrame
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@dataclass(frozen=True)
class FilterChoices:
    """The values each queue filter can take, read from the database."""

    articles: dict[int, str]
    outlets: tuple[str, ...]
    languages: tuple[str, ...]
    kinds: tuple[str, ...]
    verdicts: tuple[str, ...]
    reviewers: tuple[str, ...]
    assignees: tuple[str, ...]


def count_claims(session: Session, claim_filter: ClaimFilter) -> int:
    """How many live claims match the filter."""
    query = claims_query(claim_filter, func.count(ClaimRow.id), lean=True)
    return int(session.scalar(query) or 0)


def status_counts(session: Session, claim_filter: ClaimFilter) -> dict[str, int]:
    """Claims per status under the filter, ignoring its own status choice (so every status shows)."""
    wider = dataclasses.replace(claim_filter, statuses=())
    query = claims_query(wider, ClaimRow.status, func.count(ClaimRow.id), lean=True).group_by(ClaimRow.status)
    return {status: int(n) for status, n in session.execute(query)}


def queue_page(
    session: Session,
    claim_filter: ClaimFilter,
    *,
    page: int = 0,
    page_size: int = 50,
    total: int | None = None,
) -> QueuePage:
    """Page ``page`` (0-based) of the matching claims, most check-worthy first (ties: oldest claim).

    ``total``: the number of matching claims when the caller already counted them.
    """
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    total = count_claims(session, claim_filter) if total is None else total
    page = max(0, min(page, max(0, (total - 1) // page_size)))
    ids_query = (
        claims_query(claim_filter, ClaimRow.id, lean=True)
        .order_by(ClaimRow.worthiness.desc(), ClaimRow.id)
        .limit(page_size)
        .offset(page * page_size)
    )
    ids = list(session.scalars(ids_query))
    return QueuePage(_rows(session, ids), total, page, page_size)


@dataclass(frozen=True)
class QueueView:
    """What the queue page shows: claims per status, and one page of claims."""

    counts: dict[str, int]
    page: QueuePage


def open_queue(
    session: Session, claim_filter: ClaimFilter, *, page: int = 0, page_size: int = 50
) -> QueueView:
    """The counts per status and one page; the total is summed from the counts (one scan saved)."""
    counts = status_counts(session, claim_filter)
    wanted = claim_filter.statuses or tuple(counts)
    total = sum(n for status, n in counts.items() if status in wanted)
    return QueueView(counts, queue_page(session, claim_filter, page=page, page_size=page_size, total=total))


def _rows(session: Session, ids: list[int]) -> pd.DataFrame:
    """The queue's columns for these claim ids, in the given order."""
    if not ids:
        return pd.DataFrame(columns=list(QUEUE_COLUMNS))
    latest = (
        select(VerdictRow.claim_id, func.max(VerdictRow.id).label("verdict_id"))
        .where(VerdictRow.claim_id.in_(ids))
        .group_by(VerdictRow.claim_id)
        .subquery()
    )
    query = (
        select(
            ClaimRow.id,
            ClaimRow.article_id,
            ArticleRow.title,
            ArticleRow.outlet,
            ArticleRow.lang,
            ClaimRow.text,
            ClaimRow.kind,
            ClaimRow.worthiness,
            ClaimRow.status,
            VerdictRow.rating,
            VerdictRow.state,
            VerdictRow.reviewer,
            ClaimRow.assignee,
            ClaimRow.facets,
        )
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .outerjoin(latest, latest.c.claim_id == ClaimRow.id)
        .outerjoin(VerdictRow, VerdictRow.id == latest.c.verdict_id)
        .where(ClaimRow.id.in_(ids))
    )
    alerts = repeat_alerts(session, ids)  # "repeats #12, rated False": a published verdict to reuse
    by_id = {}
    for row in session.execute(query):
        repeats = alerts[row.id].label if row.id in alerts else ""
        values = dict(zip(QUEUE_COLUMNS, (*row[:-1], repeats), strict=True))
        # a clause sharing an earlier clause's subject is listed with it: "[la production] devrait …"
        values["claim"] = standalone_text(values["claim"], row.facets)
        by_id[row.id] = values
    return pd.DataFrame([by_id[i] for i in ids if i in by_id], columns=list(QUEUE_COLUMNS))


def waiting_to_publish(session: Session) -> int:
    """How many live claims have a proposed verdict waiting for an editor (the editor's to-do count)."""
    return count_claims(session, ClaimFilter(statuses=(WAITING,)))


def _distinct(session: Session, column) -> tuple[str, ...]:
    return tuple(v for v in session.scalars(select(column).distinct().order_by(column)) if v)


def filter_choices(session: Session) -> FilterChoices:
    """Values for the queue's filters, from small tables and the engine's vocabulary (no scan of claims).

    Kinds come from the claim engine; ratings are the desk's scale (then ratings given before it changed);
    people are those who gave a verdict or changed a claim.
    """
    articles = dict(
        session.execute(select(ArticleRow.id, ArticleRow.title).order_by(ArticleRow.id.desc())).all()
    )
    # ratings and reviewers in one pass over the verdicts (a million-claim desk has ~170,000 of them)
    pairs = session.execute(select(VerdictRow.rating, VerdictRow.reviewer).distinct()).all()
    ratings = rating_choices(load_scale(session), (rating for rating, _ in pairs if rating))
    people = sorted({*(r for _, r in pairs if r), *_distinct(session, ClaimChangeRow.reviewer)})
    return FilterChoices(
        articles=articles,
        outlets=_distinct(session, ArticleRow.outlet),
        languages=_distinct(session, ArticleRow.lang),
        kinds=tuple(CLAIM_KINDS),
        verdicts=ratings,
        reviewers=tuple(people),
        assignees=tuple(people),
    )
