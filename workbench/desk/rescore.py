"""Re-score stored claims: run the claim engine's check-worthiness again on what is stored, and re-read
the stored text of claims and sources into observations (direction, period, base, modality).

The claim's words, figures, dates, entities and attribution are read back from the database (with the
reviewers' corrections), so a better engine re-ranks the queue without re-splitting articles. A new
score is the machine's suggestion: it changes no version and no reviewer history.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claims.models import Attribution, Bound, Claim, DateRef, Entity, Statistic
from claims.worthiness import assess, features, find_signals, rule_score, sentence_context
from workbench.desk.rescore_observations import refill_figures, refill_statistics
from workbench.storage.database import Database
from workbench.storage.schema import ArticleRow, ClaimRow, SourceRow


@dataclass(frozen=True)
class RescoreSummary:
    claims: int
    changed: int
    observations: int = 0  # statistics and source figures whose direction, period, base or modality changed


def _record(kind: type, item: dict):
    """Rebuild a claim-engine record from its stored dict (extra keys such as corrections are dropped)."""
    names = {f.name for f in dataclasses.fields(kind)}
    values = {k: v for k, v in item.items() if k in names}
    if "surface" in names and values.get("surface") is None:  # bench and old rows may keep only the name
        values["surface"] = str(values.get("speaker") or values.get("name") or "")
    if "span" in names and values.get("span") is None and kind is not Attribution:
        values["span"] = (0, 0)
    if values.get("span") is not None:
        values["span"] = tuple(values["span"])
    return kind(**values)


def _inputs(row: ClaimRow, lang: str) -> dict:
    """The claim engine's inputs for a stored claim (its words, figures, dates, actors, attribution)."""
    facets = row.facets or {}
    stats = [
        Statistic(
            s.surface,
            (s.start, s.end),
            s.kind,
            s.value,
            Bound(s.bound, s.low, s.high, s.inclusive),
            s.unit,
            s.counted,
            s.direction,
            s.vague,
            modality=s.modality,
        )
        for s in row.statistics
    ]
    attribution = facets.get("attribution")
    return {
        "lang": lang,
        "statistics": stats,
        "dates": [_record(DateRef, d) for d in facets.get("dates") or []],
        "entities": [_record(Entity, e) for e in facets.get("entities") or []],
        "attribution": _record(Attribution, attribution)
        if attribution and attribution.get("speaker")
        else None,
        "modality": row.modality,
        "offset": row.start,
    }


def assess_row(row: ClaimRow, lang: str, context: dict[str, float] | None = None):
    """The engine's assessment of a stored claim, with the model in use (``context``: its sentence's)."""
    return assess(row.text, sentence_no=row.sentence_no, context=context, **_inputs(row, lang))


def sentence_contexts(session: Session, rows: Sequence[tuple[ClaimRow, str]]) -> dict[int, dict | None]:
    """Each claim's sentence context by claim id, read from the live claims of its article and sentence
    as ``split_claims`` reads them at ingest, so a re-score gives an unchanged claim its ingest score."""
    keys = {(row.article_id, row.sentence_no) for row, _ in rows}
    articles = {row.article_id: lang for row, lang in rows}
    texts = dict(
        session.execute(select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(list(articles)))).all()
    )
    siblings: dict[tuple[int, int], list[ClaimRow]] = {}
    for sibling in session.scalars(
        select(ClaimRow)
        .where(ClaimRow.article_id.in_(list(articles)), ClaimRow.retired.is_(False))
        .order_by(ClaimRow.start, ClaimRow.id)
        .options(selectinload(ClaimRow.statistics))
    ):
        if (sibling.article_id, sibling.sentence_no) in keys:
            siblings.setdefault((sibling.article_id, sibling.sentence_no), []).append(sibling)
    contexts: dict[tuple[int, int], dict | None] = {}
    for (article, number), claims in siblings.items():
        if len(claims) > 1:  # a sentence of one claim has no context beyond the claim
            lang = articles[article]
            read = [_as_claim(c, lang) for c in claims]
            contexts[article, number] = sentence_context(texts[article], read, lang=lang, sentence_no=number)
    return {row.id: contexts.get((row.article_id, row.sentence_no)) for row, _ in rows}


def _as_claim(row: ClaimRow, lang: str) -> Claim:
    """A stored claim as the claim engine's record (what ``sentence_context`` reads)."""
    inputs = _inputs(row, lang)
    return Claim(
        row.text, (row.start, row.end), row.sentence_no, tuple(inputs["statistics"]), tuple(inputs["dates"]),
        tuple(inputs["entities"]), inputs["attribution"], modality=inputs["modality"],
    )  # fmt: skip


def row_features(row: ClaimRow, lang: str) -> dict[str, float]:
    """What the check-worthiness model reads for a stored claim (the desk retrains on these)."""
    inputs = _inputs(row, lang)
    signals = find_signals(row.text, **inputs)
    rule, _ = rule_score(signals, len(inputs["statistics"]))
    return features(signals, row.text, lang, rule, row.sentence_no)


def rescore_claims(
    database: Database, *, batch: int = 1_000, report: Callable[[int, str], None] | None = None
) -> RescoreSummary:
    """Re-assess every live claim with the desk's model, ``batch`` claims per transaction (keyset
    pagination by id)."""
    from workbench.desk.worthiness_desk import activate  # imports rescore: kept out of the module's top

    with database.session() as session:
        activate(session)
        total = session.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.retired.is_(False)))
    done = changed = observations = 0
    last_id = 0
    while True:
        with database.session() as session:
            rows = session.execute(
                select(ClaimRow, ArticleRow.lang, ArticleRow.published)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .where(ClaimRow.id > last_id, ClaimRow.retired.is_(False))
                .order_by(ClaimRow.id)
                .limit(batch)
                .options(selectinload(ClaimRow.statistics))
            ).all()
            for row, lang, published in rows:
                observations += refill_statistics(row, lang, published)
            contexts = sentence_contexts(session, [(row, lang) for row, lang, _ in rows])
            for row, lang, _ in rows:
                found = assess_row(row, lang, contexts[row.id])
                if (found.kind, found.worthiness, tuple(found.reasons)) != (
                    row.kind, row.worthiness, tuple(row.reasons or ()),
                ):  # fmt: skip
                    row.kind, row.worthiness, row.reasons = found.kind, found.worthiness, list(found.reasons)
                    changed += 1
        if not rows:
            break
        last_id = rows[-1][0].id
        done += len(rows)
        if report:
            report(done, f"claim #{last_id}")
    observations += _refill_sources(database, batch=batch)
    return RescoreSummary(total or 0, changed, observations)


def _refill_sources(database: Database, *, batch: int) -> int:
    """Re-read each source's stored text into its figures' observations, ``batch`` sources a transaction."""
    changed = last_id = 0
    while True:
        with database.session() as session:
            rows = list(
                session.scalars(
                    select(SourceRow)
                    .where(SourceRow.id > last_id)
                    .order_by(SourceRow.id)
                    .limit(batch)
                    .options(selectinload(SourceRow.figures))
                )
            )
            for row in rows:
                changed += refill_figures(row)
        if not rows:
            return changed
        last_id = rows[-1].id


def run_command(args) -> int:
    """`workbench rescore`: re-score every live claim with a progress bar on stderr."""
    import sys

    from workbench.domain.config import database_url
    from workbench.outputs.progress import text_bar
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    with database.session() as session:
        total = session.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.retired.is_(False)))

    def report(done: int, _message: str) -> None:
        sys.stderr.write("\r" + text_bar(done, total or 0, label="Re-scoring claims"))
        sys.stderr.flush()

    from workbench.desk.worthiness_desk import describe

    with database.session() as session:
        print(describe(session))
    summary = rescore_claims(database, batch=args.batch, report=report)
    sys.stderr.write("\n")
    print(
        f"Re-scored {summary.claims:,} claims; {summary.changed:,} changed kind or check-worthiness; "
        f"{summary.observations:,} figures re-read (direction, period, base, modality)."
    )
    return 0
