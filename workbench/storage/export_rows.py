"""The verdict export as a DataFrame: one row per claim with its current verdict and evidence."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from workbench.storage.convert import statistic_record
from workbench.storage.evidence import current_evidence
from workbench.storage.schema import ArticleRow, ClaimRow, VerdictRow

EXPORT_COLUMNS: tuple[str, ...] = (
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "claim_id",
    "claim",
    "statistics",
    "status",
    "verdict",
    "rationale",
    "evidence_urls",
    "reviewer",
    "verdict_date",
)
EVIDENCE_SEPARATOR = " | "
STATISTICS_SEPARATOR = "; "


def verdict_rows(session: Session, *, only_with_verdict: bool = False) -> pd.DataFrame:
    """Every claim (or only those with a verdict) in article order, ready for CSV."""
    claims = session.scalars(
        select(ClaimRow)
        .options(selectinload(ClaimRow.statistics))
        .order_by(ClaimRow.article_id, ClaimRow.start)
    ).all()
    articles = {a.id: a for a in session.scalars(select(ArticleRow))}
    latest: dict[int, VerdictRow] = {}
    for verdict in session.scalars(select(VerdictRow).order_by(VerdictRow.id)):
        latest[verdict.claim_id] = verdict
    evidence = current_evidence(session, [c.id for c in claims])
    rows = []
    for claim in claims:
        verdict = latest.get(claim.id)
        if only_with_verdict and verdict is None:
            continue
        article = articles[claim.article_id]
        urls = [e.source.url for e in evidence.get(claim.id, ()) if e.source.url]
        rows.append(
            {
                "article_id": article.id,
                "article_title": article.title,
                "article_url": article.url or "",
                "outlet": article.outlet or "",
                "claim_id": claim.id,
                "claim": claim.text,
                "statistics": STATISTICS_SEPARATOR.join(
                    statistic_record(s).reading for s in claim.statistics
                ),
                "status": claim.status,
                "verdict": verdict.rating if verdict else "",
                "rationale": verdict.rationale if verdict else "",
                "evidence_urls": EVIDENCE_SEPARATOR.join(dict.fromkeys(urls)),
                "reviewer": verdict.reviewer if verdict else "",
                "verdict_date": verdict.created_at.date().isoformat() if verdict else "",
            }
        )
    return pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
