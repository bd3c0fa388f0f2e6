"""`python -m workbench rescore` re-reads stored text into observations, keeping reviewers' corrections."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from claims import split_claims
from sources.figures import extract_figures
from sources.models import Source
from workbench.desk.article_intake import add_article
from workbench.desk.ingest import prepare_article
from workbench.desk.rescore import rescore_claims
from workbench.storage.database import open_database
from workbench.storage.schema import FigureRow, StatisticRow
from workbench.storage.sources_store import save_sources

ARTICLE = "Exports fell by 12% in the year to April 2025, the ministry said on Tuesday."
SOURCE = "Exports fell by 11.8% in 2024 compared with 2023, the statistics office said."


def _blank(session) -> None:
    """The state of a database migrated from 0004: observation columns empty."""
    empty = dict(period_start=None, period_end=None, period_granularity=None, period_open=False,
                 base_value=None, base_unit=None, base_period_start=None, base_period_end=None)  # fmt: skip
    session.execute(update(StatisticRow).values(direction=None, modality=None, period_surface=None, **empty))
    session.execute(update(FigureRow).values(period=None, base=None, **empty))


def test_rescore_fills_statistics_and_source_figures(sqlite_url):
    database = open_database(sqlite_url)
    with database.session() as session:
        add_article(session, prepare_article(ARTICLE, title="Exports", published=date(2025, 6, 10)))
        save_sources(
            session, [Source("Trade", text=SOURCE, figures=extract_figures(SOURCE))], created_by="ana"
        )
    with database.session() as session:
        _blank(session)
    summary = rescore_claims(database)
    expected = next(
        s for c in split_claims(ARTICLE, lang="en", published=date(2025, 6, 10)) for s in c.statistics
    )
    with database.session() as session:
        stat = session.scalar(select(StatisticRow))
        figure = session.scalar(select(FigureRow))
    database.engine.dispose()
    assert summary.observations >= 2
    assert stat.direction == "down" == expected.direction
    assert (stat.period_start, stat.modality) == (
        expected.period.start if expected.period else None,
        expected.modality,
    )
    assert (figure.period, figure.period_start, figure.period_end) == ("2024", "2024-01-01", "2024-12-31")
    assert (figure.base, figure.base_period_start, figure.direction) == ("2023", "2023-01-01", "down")


def test_rescore_keeps_a_reviewers_correction(sqlite_url):
    database = open_database(sqlite_url)
    with database.session() as session:
        add_article(session, prepare_article(ARTICLE, title="Exports", published=date(2025, 6, 10)))
    with database.session() as session:
        session.execute(
            update(StatisticRow).values(direction="up", original={"direction": "down"}, corrected_by="ana")
        )
    rescore_claims(database)
    with database.session() as session:
        stat = session.scalar(select(StatisticRow))
    database.engine.dispose()
    assert (stat.direction, stat.original) == ("up", {"direction": "down"})


SENTENCES = (
    "Production tripled in 2023 and is expected to grow sixfold in 2024, the ministry said. "
    "Exports fell by 12% in 2023, but imports rose by 4%. The minister thanked the workers."
)


def test_rescore_reads_each_claim_with_its_sentence_as_ingest_did(database_url):
    """A claim of a sentence of several claims is scored with its sentence: re-scored one claim per batch
    (its sentence's other claims in other batches), every score comes back as ingest gave it; a retired
    claim no longer counts in its sentence."""
    from workbench.storage.schema import ClaimRow

    database = open_database(database_url)
    with database.session() as session:
        add_article(session, prepare_article(SENTENCES, title="Output"))
        ingested = dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all())
        session.execute(update(ClaimRow).values(worthiness=0.0))
    claims = split_claims(SENTENCES, lang="en")
    assert sum(1 for c in claims if c.sentence_no == 0) == 2 and len(ingested) == len(claims)
    rescore_claims(database, batch=1)
    with database.session() as session:
        assert dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all()) == ingested
        first, second = session.scalars(
            select(ClaimRow).where(ClaimRow.sentence_no == 0).order_by(ClaimRow.start)
        )
        first.retired = True
    rescore_claims(database, batch=1)
    with database.session() as session:
        alone = session.scalar(select(ClaimRow.worthiness).where(ClaimRow.id == second.id))
    database.engine.dispose()
    assert alone != ingested[second.id]  # scored alone now, as a sentence of one claim would be
