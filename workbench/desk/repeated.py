"""Repeated claims across stored articles: cluster them, show a claim's other appearances, reuse a verdict.

A cluster's id is the smallest claim id in it, so re-clustering keeps ids stable; a claim that
repeats nothing has no cluster. Applying an earlier verdict records a new verdict (with the
version check) whose rationale cites the earlier one: the reviewer decides, explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, selectinload

from claims.models import Claim, Statistic
from sources.analysis import analyse
from sources.clustering import NEIGHBOURS, THRESHOLD, claim_similarity, cluster_claims, most_similar
from sources.ngram_cache import CharNgramCache
from workbench.desk.suggestions import claim_from_record
from workbench.domain.errors import InputError, NotFoundError
from workbench.domain.records import ClaimRecord
from workbench.storage.convert import claim_record, statistic_record
from workbench.storage.repeat_alerts import is_published
from workbench.storage.schema import ArticleRow, ClaimRow, StatisticRow, VerdictRow
from workbench.storage.verdicts import record_verdict

POOL_LIMIT = 2_000  # stored claims a new article's claims are compared with (the most recent ones)
# (claims, progress(done, total) or None) -> groups of positions in ``claims``
Clusterer = Callable[[Sequence[Claim], Callable[[int, int], None] | None], Sequence[Sequence[int]]]


def _default_clusterer(
    claims: Sequence[Claim], progress: Callable[[int, int], None] | None = None
) -> list[tuple[int, ...]]:
    return [cluster.members for cluster in cluster_claims(claims, progress=progress)]


@dataclass(frozen=True)
class ReclusterReport:
    claims: int
    clusters: int
    clustered_claims: int
    changed: int


def _write_clusters(session: Session, changes: list[dict]) -> None:
    """Set ``cluster_id`` for each {"claim_id", "cluster"} in one executemany."""
    if changes:
        session.flush()
        session.connection().execute(
            update(ClaimRow.__table__)
            .where(ClaimRow.__table__.c.id == bindparam("claim_id"))
            .values(cluster_id=bindparam("cluster")),
            changes,
        )
        session.expire_all()


def recluster(
    session: Session,
    *,
    clusterer: Clusterer = _default_clusterer,
    progress: Callable[[int, int], None] | None = None,
) -> ReclusterReport:
    """Put every live claim in its cluster of repeats (``claims.cluster_id``), in the caller's transaction.
    ``progress(done, total)`` follows the comparison of the claims (the long part)."""
    rows = session.scalars(
        select(ClaimRow)
        .where(ClaimRow.retired.is_(False))
        .options(selectinload(ClaimRow.statistics))
        .order_by(ClaimRow.id)
    ).all()
    records = [claim_record(r) for r in rows]
    wanted: dict[int, int | None] = {r.id: None for r in records}
    clusters = 0
    for members in clusterer([claim_from_record(r) for r in records], progress):
        ids = sorted(records[m].id for m in members)
        if len(ids) < 2:
            continue
        clusters += 1
        for claim_id in ids:
            wanted[claim_id] = ids[0]
    changes = [{"claim_id": r.id, "cluster": wanted[r.id]} for r in rows if r.cluster_id != wanted[r.id]]
    _write_clusters(session, changes)
    clustered = sum(v is not None for v in wanted.values())
    return ReclusterReport(len(records), clusters, clustered, len(changes))


@dataclass
class ClusterCache:
    """What grouping one batch of new claims keeps for the next (a bulk ingestion's writer): each claim
    text's character n-grams and analysed words, each stored claim's figures, so that only the batch's new
    claims are analysed and read in full. Only what the last batch used is kept.

    Figures are kept by claim id and version (a reviewer's correction bumps the version); a ``rescore``
    run during the ingestion re-reads observations without a version, and its readings reach this
    cache's claims at the next ingestion, as if it had run just after this one."""

    ngrams: CharNgramCache = field(default_factory=CharNgramCache)
    words: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    figures: dict[tuple[int, int], tuple[Statistic, ...]] = field(default_factory=dict)

    def words_of(self, texts: Sequence[str], langs: Sequence[str]) -> list[list[str]]:
        """Each text's analysed words in its language (``SparseIndex.tokens``)."""
        kept = {key: self.words.get(key) or analyse(*key) for key in zip(texts, langs, strict=True)}
        self.words = kept
        return [kept[key] for key in zip(texts, langs, strict=True)]

    def figures_of(self, session: Session, claims: Sequence) -> list[tuple[Statistic, ...]]:
        """Each claim's statistics as stored (rows with ``id`` and ``version``), read only when not kept."""
        keys = [(c.id, c.version) for c in claims]
        missing = [claim_id for claim_id, version in keys if (claim_id, version) not in self.figures]
        found: dict[int, list[Statistic]] = {claim_id: [] for claim_id in missing}
        columns = StatisticRow.__table__.c
        for start in range(0, len(missing), 500):
            part = missing[start : start + 500]
            for row in session.execute(select(columns).where(columns.claim_id.in_(part))):
                found[row.claim_id].append(statistic_record(row).statistic())
        kept = {key: self.figures.get(key) or tuple(found.get(key[0], ())) for key in keys}
        self.figures = kept
        return [kept[key] for key in keys]


def assign_new_claims(
    session: Session,
    article_ids: int | Sequence[int],
    *,
    pool: int = POOL_LIMIT,
    cache: ClusterCache | None = None,
) -> int:
    """Cluster new articles' claims against each other and the ``pool`` most recent stored claims.

    The same similarity as ``sources.clustering`` (words, character n-grams and figures) without
    re-clustering everything: what runs after an article is added, or once per batch of a bulk
    ingestion (one index for the batch, not one per article; ``cache`` carries the analysed texts from
    one batch to the next). Returns the claims changed.
    """
    cache = cache or ClusterCache()
    ids = [article_ids] if isinstance(article_ids, int) else list(article_ids)
    columns = (ClaimRow.id, ClaimRow.version, ClaimRow.article_id, ClaimRow.cluster_id, ClaimRow.text)
    new_rows = session.execute(
        select(*columns).where(ClaimRow.article_id.in_(ids)).order_by(ClaimRow.id)
    ).all()
    if not new_rows:
        return 0
    old_rows = session.execute(
        select(*columns)
        .where(ClaimRow.article_id.not_in(ids), ClaimRow.retired.is_(False))
        .order_by(ClaimRow.id.desc())
        .limit(pool)
    ).all()
    rows = [*new_rows, *old_rows]
    langs = session.execute(select(ArticleRow.id, ArticleRow.lang).where(ArticleRow.id.in_(ids)))
    lang_of = {article_id: lang for article_id, lang in langs}
    lang = lang_of[ids[0]]  # stored claims are compared in the language of the new ones
    texts = [r.text for r in rows]
    words = cache.words_of(texts, [lang_of.get(r.article_id, lang) for r in rows])
    figures = cache.figures_of(session, rows)
    links = {r.id: {r.id} for r in rows}
    neighbours = cache.ngrams.neighbours(texts, NEIGHBOURS + 1, positions=range(len(new_rows)))
    for i, nearest, cosines in neighbours:
        for j in nearest:
            # figures compared only for pairs whose words could reach the threshold with them
            if j == i or most_similar(float(cosines[j]), (words[i], words[j])) < THRESHOLD:
                continue
            score = claim_similarity(float(cosines[j]), (words[i], words[j]), (figures[i], figures[j]))
            if score >= THRESHOLD:
                merged = links[rows[i].id] | links[rows[j].id]
                for claim_id in merged:
                    links[claim_id] = merged
    # a link into an existing cluster brings the whole cluster along
    cluster_of = {r.id: r.cluster_id for r in rows}
    changes: dict[int, int] = {}
    for group in {frozenset(g) for g in links.values() if len(g) > 1}:
        clusters = {cluster_of[c] for c in group if cluster_of[c] is not None}
        members = set(group)
        if clusters:
            members |= set(session.scalars(select(ClaimRow.id).where(ClaimRow.cluster_id.in_(clusters))))
        target = min(members)
        changes.update({c: target for c in members if cluster_of.get(c, -1) != target})
    _write_clusters(session, [{"claim_id": c, "cluster": t} for c, t in changes.items()])
    return len(changes)


def recluster_after_add(session: Session, article_id: int) -> int:
    """The hook run after an article is stored: its claims join the clusters of their repeats."""
    return assign_new_claims(session, article_id)


@dataclass(frozen=True)
class Appearance:
    """Another appearance of a claim, with its published verdict (if any): only a published verdict is
    offered to another claim, as a proposal (``proposed``: whether a newer proposal waits on it)."""

    claim_id: int
    article_id: int
    article_title: str
    text: str
    same_article: bool
    rating: str | None = None
    rationale: str | None = None
    reviewer: str | None = None
    verdict_at: datetime | None = None
    published_by: str | None = None
    proposed: bool = False


def other_appearances(session: Session, claim: ClaimRecord) -> list[Appearance]:
    """The other claims in ``claim``'s cluster, oldest first, with their newest published verdicts."""
    cluster_id = session.scalar(select(ClaimRow.cluster_id).where(ClaimRow.id == claim.id))
    if cluster_id is None:
        return []
    rows = session.execute(
        select(ClaimRow.id, ClaimRow.article_id, ArticleRow.title, ClaimRow.text)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ClaimRow.cluster_id == cluster_id, ClaimRow.id != claim.id, ClaimRow.retired.is_(False))
        .order_by(ClaimRow.id)
    ).all()
    latest, newest = {}, {}
    for v in session.scalars(
        select(VerdictRow).where(VerdictRow.claim_id.in_([r[0] for r in rows])).order_by(VerdictRow.id)
    ):
        newest[v.claim_id] = v
        if v.state == "published":
            latest[v.claim_id] = v
    out = []
    for claim_id, article_id, title, text in rows:
        verdict = latest.get(claim_id)
        out.append(
            Appearance(
                claim_id,
                article_id,
                title,
                text,
                article_id == claim.article_id,
                verdict.rating if verdict else None,
                verdict.rationale if verdict else None,
                verdict.reviewer if verdict else None,
                verdict.published_at or verdict.created_at if verdict else None,
                verdict.published_by if verdict else None,
                claim_id in newest and newest[claim_id].state != "published",
            )
        )
    return out


def apply_earlier_verdict(
    session: Session,
    *,
    claim_id: int,
    earlier_claim_id: int,
    reviewer: str,
    expected_version: int,
) -> int:
    """Propose, for ``claim_id``, the newest *published* verdict of a repeat of it, citing where it comes
    from (an unpublished proposal is never copied); an editor publishes it as any other. Returns the new
    version."""
    cluster_ids = dict(
        session.execute(
            select(ClaimRow.id, ClaimRow.cluster_id).where(ClaimRow.id.in_([claim_id, earlier_claim_id]))
        ).all()
    )
    if claim_id not in cluster_ids or earlier_claim_id not in cluster_ids:
        raise NotFoundError(f"Claim #{claim_id} or #{earlier_claim_id} does not exist.")
    if cluster_ids[claim_id] is None or cluster_ids[claim_id] != cluster_ids[earlier_claim_id]:
        raise InputError(f"Claim #{earlier_claim_id} is not a repeat of claim #{claim_id}.")
    earlier = session.scalar(
        select(VerdictRow)
        .where(VerdictRow.claim_id == earlier_claim_id, is_published())
        .order_by(VerdictRow.id.desc())
        .limit(1)
    )
    if earlier is None:
        raise InputError(
            f"Claim #{earlier_claim_id} has no published verdict to apply: only a verdict an editor "
            "published is reused."
        )
    published = earlier.published_at or earlier.created_at
    rationale = (
        f"Same claim as #{earlier_claim_id}: its verdict “{earlier.rating}” by {earlier.reviewer}, published "
        f"by {earlier.published_by or '?'} on {published:%Y-%m-%d}, proposed here by {reviewer}. "
        f"{earlier.rationale}"
    )
    return record_verdict(
        session,
        claim_id=claim_id,
        rating=earlier.rating,
        rationale=rationale,
        reviewer=reviewer,
        expected_version=expected_version,
    )
