"""The claim filters shared by the queue, the exports and the trend charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from workbench.storage.repeat_alerts import repeat_alert_claims
from workbench.storage.schema import ArticleRow, ClaimRow, VerdictRow


@dataclass(frozen=True)
class ClaimFilter:
    """What a reviewer narrowed the claims to; empty tuples and None mean "any".

    ``verdicts`` may hold "(none)" for claims without a verdict; dates bound the article's
    publication date (or, when absent, the day it was added). ``published_only``: the verdict filters
    (and the verdict joined by ``claims_query``) read each claim's newest *published* verdict, as the
    trends and exports do by default; otherwise its newest verdict, proposed or published (the queue).
    """

    article_ids: tuple[int, ...] = ()
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    assignees: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    min_worthiness: float | None = None
    max_worthiness: float | None = None
    text: str | None = None
    published_only: bool = False
    repeats_published: bool = False  # only claims that repeat a claim with a published verdict

    @property
    def needs_verdict(self) -> bool:
        """Whether the filter reads the current verdict (else a query may skip that join)."""
        return bool(self.verdicts or self.reviewers)

    @property
    def needs_article(self) -> bool:
        """Whether the filter reads the article's outlet, language or dates."""
        return bool(self.outlets or self.languages or self.date_from or self.date_to)


NO_VERDICT = "(none)"


def latest_verdicts(*, published_only: bool = False):
    """Subquery: the newest verdict row id of each claim (of its published ones with ``published_only``)."""
    query = select(VerdictRow.claim_id, func.max(VerdictRow.id).label("verdict_id"))
    if published_only:
        query = query.where(VerdictRow.state == "published")
    return query.group_by(VerdictRow.claim_id).subquery("latest_verdict")


def claims_query(claim_filter: ClaimFilter, *columns, lean: bool = False) -> Select:
    """SELECT ``columns`` (default: ClaimRow) over live claims joined with article and current verdict.

    ``lean=True`` leaves out the joins the filter does not need (article, verdict): for counts and
    pages of ids on large databases, when ``columns`` come from ``claims`` only.
    """
    query = select(*(columns or (ClaimRow,))).select_from(ClaimRow)
    if not lean or claim_filter.needs_article:
        query = query.join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
    if lean:  # verdict filters as subqueries on the (small) verdict table: no join of every claim
        return query.where(ClaimRow.retired.is_(False), *conditions(claim_filter, verdicts_by_subquery=True))
    latest = latest_verdicts(published_only=claim_filter.published_only)
    query = query.outerjoin(latest, latest.c.claim_id == ClaimRow.id).outerjoin(
        VerdictRow, VerdictRow.id == latest.c.verdict_id
    )
    return query.where(ClaimRow.retired.is_(False), *conditions(claim_filter))


def current_verdict_claims(*, published_only: bool = False) -> Select:
    """SELECT claim_id of the current verdict rows (no newer verdict for the same claim; with
    ``published_only``, the newest published ones); filter it on VerdictRow's columns. Unlike
    ``latest_verdicts`` it groups nothing: each row is one index probe, so a filter to a few ratings reads
    those verdicts only, not all of them (a million-claim desk)."""
    newer = aliased(VerdictRow)
    if not published_only:
        return select(VerdictRow.claim_id).where(
            ~exists().where(newer.claim_id == VerdictRow.claim_id, newer.id > VerdictRow.id)
        )
    return select(VerdictRow.claim_id).where(
        VerdictRow.state == "published",
        ~exists().where(
            newer.claim_id == VerdictRow.claim_id, newer.id > VerdictRow.id, newer.state == "published"
        ),
    )


def _verdict_subqueries(f: ClaimFilter) -> list:
    """The verdict and reviewer filters as ``claims.id IN (...)`` over the current verdicts."""
    current = current_verdict_claims(published_only=f.published_only)
    found = []
    if f.verdicts:
        named = [v for v in f.verdicts if v != NO_VERDICT]
        options = [ClaimRow.id.in_(current.where(VerdictRow.rating.in_(named)))] if named else []
        if NO_VERDICT in f.verdicts:
            given = select(VerdictRow.claim_id)
            if f.published_only:
                given = given.where(VerdictRow.state == "published")
            options.append(ClaimRow.id.not_in(given))
        found.append(or_(*options))
    if f.reviewers:
        found.append(ClaimRow.id.in_(current.where(VerdictRow.reviewer.in_(f.reviewers))))
    return found


def conditions(f: ClaimFilter, *, verdicts_by_subquery: bool = False) -> list:
    """The WHERE conditions for ``f`` (for queries already joined like ``claims_query``; with
    ``verdicts_by_subquery`` the verdict conditions need no join of the current verdict)."""
    found = _verdict_subqueries(f) if verdicts_by_subquery else []
    if f.article_ids:
        found.append(ClaimRow.article_id.in_(f.article_ids))
    if f.outlets:
        found.append(ArticleRow.outlet.in_(f.outlets))
    if f.languages:
        found.append(ArticleRow.lang.in_(f.languages))
    if f.kinds:
        found.append(ClaimRow.kind.in_(f.kinds))
    if f.statuses:
        found.append(ClaimRow.status.in_(f.statuses))
    if f.verdicts and not verdicts_by_subquery:
        named = [v for v in f.verdicts if v != NO_VERDICT]
        options = [VerdictRow.rating.in_(named)] if named else []
        if NO_VERDICT in f.verdicts:
            options.append(VerdictRow.id.is_(None))
        found.append(options[0] if len(options) == 1 else options[0] | options[1])
    if f.reviewers and not verdicts_by_subquery:
        found.append(VerdictRow.reviewer.in_(f.reviewers))
    if f.assignees:
        found.append(ClaimRow.assignee.in_(f.assignees))
    if f.repeats_published:
        found.append(ClaimRow.id.in_(repeat_alert_claims()))
    day = func.coalesce(ArticleRow.published, func.date(ArticleRow.created_at))
    if f.date_from:
        found.append(day >= f.date_from)
    if f.date_to:
        found.append(day <= f.date_to)
    if f.min_worthiness is not None:
        found.append(ClaimRow.worthiness >= f.min_worthiness)
    if f.max_worthiness is not None:
        found.append(ClaimRow.worthiness <= f.max_worthiness)
    if f.text:  # the reviewer's words as typed: "%" and "_" are not wildcards
        words = f.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found.append(ClaimRow.text.ilike(f"%{words}%", escape="\\"))
    return [and_(*found)] if found else []
