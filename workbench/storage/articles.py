"""Articles and their claims: store an ingested article, list and read claims."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import pandas as pd
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from workbench.domain.errors import DuplicateArticleError, NotFoundError
from workbench.domain.records import ArticleDraft, ArticleRecord, ClaimRecord, standalone_text
from workbench.storage.convert import article_record, claim_record, claim_row, claim_values, statistic_values
from workbench.storage.schema import ArticleRow, ClaimRow, StatisticRow, VerdictRow

_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """Fingerprint of an article's words, blind to spacing and case, so a re-paste is caught.

    >>> text_hash("A  b") == text_hash("a b")
    True
    """
    return hashlib.sha256(_SPACE.sub(" ", text).strip().casefold().encode()).hexdigest()


def find_duplicate(session: Session, text: str) -> ArticleRecord | None:
    """The stored article with the same text, if any."""
    row = session.scalar(select(ArticleRow).where(ArticleRow.text_hash == text_hash(text)))
    return article_record(row) if row else None


def _article_values(draft: ArticleDraft) -> dict:
    return {
        "title": draft.title,
        "outlet": draft.outlet,
        "url": draft.url,
        "published": draft.published,
        "lang": draft.lang,
        "text": draft.text,
        "text_hash": text_hash(draft.text),
        "is_example": draft.is_example,
    }


def _article_row(draft: ArticleDraft) -> ArticleRow:
    return ArticleRow(**_article_values(draft), claims=[claim_row(claim) for claim in draft.claims])


def _insert(session: Session, table, rows: list[dict], *, ids: bool = False) -> list[int]:
    """One executemany of ``rows`` into ``table``; with ``ids``, the new ids in the order of ``rows``."""
    if not rows:
        return []
    if not ids:
        session.execute(insert(table), rows)
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


def add_articles(session: Session, drafts: Sequence[ArticleDraft]) -> list[int | DuplicateArticleError]:
    """Store many articles in the caller's transaction with one duplicate query and one insert of many
    rows per table (the bulk ingestion's writer: no ORM objects, whose building and flushing cost more
    than the inserts); per draft its new id, or the duplicate error of a text already stored or earlier
    in ``drafts``. The caller clusters the new claims (``repeated.assign_new_claims``)."""
    hashes = [text_hash(d.text) for d in drafts]
    stored = {
        h: (article_id, title)
        for h, article_id, title in session.execute(
            select(ArticleRow.text_hash, ArticleRow.id, ArticleRow.title).where(
                ArticleRow.text_hash.in_(set(hashes))
            )
        )
    }
    first: dict[str, int] = {}  # the position of each new text's first draft
    for position, key in enumerate(hashes):
        if key not in stored and key not in first:
            first[key] = position
    new = [drafts[position] for position in first.values()]
    article_ids = _insert(session, ArticleRow.__table__, [_article_values(d) for d in new], ids=True)
    claims = [
        (article_id, claim) for article_id, d in zip(article_ids, new, strict=True) for claim in d.claims
    ]
    claim_rows = [{**claim_values(claim), "article_id": article_id} for article_id, claim in claims]
    claim_ids = _insert(session, ClaimRow.__table__, claim_rows, ids=True)
    stat_rows = [
        {**statistic_values(stat), "claim_id": claim_id}
        for claim_id, (_, claim) in zip(claim_ids, claims, strict=True)
        for stat in claim.statistics
    ]
    _insert(session, StatisticRow.__table__, stat_rows)
    id_of = dict(zip(first, article_ids, strict=True))
    out: list[int | DuplicateArticleError] = []
    for position, key in enumerate(hashes):
        if key in stored:
            out.append(DuplicateArticleError(*stored[key]))
        elif first[key] == position:
            out.append(id_of[key])
        else:  # the same text twice in this batch: the first is stored
            out.append(DuplicateArticleError(id_of[key], drafts[first[key]].title))
    return out


def insert_article(session: Session, draft: ArticleDraft) -> int:
    """Store an article with its claims in the session's transaction; a duplicate text is refused.
    Its claims are not grouped with their repeats: ``workbench.desk.article_intake`` does that."""
    existing = find_duplicate(session, draft.text)
    if existing:
        raise DuplicateArticleError(existing.id, existing.title)
    row = _article_row(draft)
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        # another reviewer stored the same text between our check and our insert: the unique index on
        # text_hash refused it. The transaction is lost either way (no savepoint: on SQLite releasing
        # the outermost one would commit); roll it back and say which article this duplicates.
        session.rollback()
        existing = find_duplicate(session, draft.text)
        if existing is None:
            raise
        raise DuplicateArticleError(existing.id, existing.title) from None
    return row.id


def list_articles(session: Session) -> list[ArticleRecord]:
    """All articles, newest first."""
    rows = session.scalars(select(ArticleRow).order_by(ArticleRow.id.desc()))
    return [article_record(r) for r in rows]


def article_titles(session: Session) -> dict[int, str]:
    """Every article's title by id, newest first (for pickers: no article text is read)."""
    return dict(session.execute(select(ArticleRow.id, ArticleRow.title).order_by(ArticleRow.id.desc())).all())


def get_article(session: Session, article_id: int) -> ArticleRecord:
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise NotFoundError(f"Article #{article_id} does not exist.")
    return article_record(row)


def article_claims(session: Session, article_id: int) -> list[ClaimRecord]:
    """The live claims of one article in reading order, with statistics (for highlighting and tables)."""
    rows = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.article_id == article_id, ClaimRow.retired.is_(False))
        .options(selectinload(ClaimRow.statistics))
        .order_by(ClaimRow.start, ClaimRow.id)
    )
    return [claim_record(r) for r in rows]


def _latest_verdicts(session: Session, article_id: int | None = None):
    latest = select(VerdictRow.claim_id, func.max(VerdictRow.id).label("verdict_id")).group_by(
        VerdictRow.claim_id
    )
    if article_id is not None:  # only this article's verdicts: fast on a large database
        latest = latest.where(
            VerdictRow.claim_id.in_(select(ClaimRow.id).where(ClaimRow.article_id == article_id))
        )
    return latest.subquery()


def claims_frame(session: Session, *, article_id: int | None = None) -> pd.DataFrame:
    """One row per claim with its article, status and current verdict, most check-worthy first."""
    latest = _latest_verdicts(session, article_id)
    query = (
        select(
            ClaimRow.id,
            ClaimRow.article_id,
            ArticleRow.title.label("article"),
            ClaimRow.text.label("claim"),
            ClaimRow.kind,
            ClaimRow.modality,
            ClaimRow.worthiness,
            ClaimRow.status,
            VerdictRow.rating.label("verdict"),
            ClaimRow.facets,
        )
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .outerjoin(latest, latest.c.claim_id == ClaimRow.id)
        .outerjoin(VerdictRow, VerdictRow.id == latest.c.verdict_id)
        .where(ClaimRow.retired.is_(False))
        .order_by(ClaimRow.article_id.desc(), ClaimRow.start, ClaimRow.id)
    )
    if article_id is not None:
        query = query.where(ClaimRow.article_id == article_id)
    columns = ["id", "article_id", "article", "claim", "kind", "modality", "worthiness", "status", "verdict"]
    found = session.execute(query).all()
    frame = pd.DataFrame([tuple(row[:-1]) for row in found], columns=columns)
    # a clause sharing an earlier clause's subject is shown with it: "[la production] devrait …"
    frame["claim"] = [standalone_text(row.claim, row.facets) for row in found]
    return frame


def claim_article_id(session: Session, claim_id: int) -> int | None:
    """The article a claim belongs to (None: no such claim), to open a claim from a link."""
    return session.scalar(select(ClaimRow.article_id).where(ClaimRow.id == claim_id))


def is_empty(session: Session) -> bool:
    """True when no article is stored (the demo content is loaded only then)."""
    return session.scalar(select(func.count()).select_from(ArticleRow)) == 0
