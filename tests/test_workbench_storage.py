"""Storage against real databases: every test runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, select

from claims.models import Bound, Claim, Statistic
from workbench.desk.article_intake import add_article
from workbench.domain.auth import User
from workbench.domain.errors import DuplicateArticleError, InputError, NotFoundError, StaleClaimError
from workbench.domain.records import ArticleDraft, SourceInput
from workbench.storage.articles import article_claims, claims_frame, find_duplicate, list_articles
from workbench.storage.database import open_database
from workbench.storage.evidence import add_source, current_evidence, link_evidence, unlink_evidence
from workbench.storage.export_rows import EXPORT_COLUMNS, verdict_rows
from workbench.storage.schema import EvidenceRow
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict, set_status

TEXT = "Selon le ministère, la production a triplé en 2023. Plus de 250 fabricants sont venus."


def _draft(text: str = TEXT) -> ArticleDraft:
    first = Claim(
        text="la production a triplé en 2023",
        span=(text.index("la production"), text.index("2023") + 4),
        sentence_no=0,
        statistics=(
            Statistic("triplé", (text.index("triplé"), text.index("triplé") + 6), "multiplier", 3.0),
        ),
        kind="change",
        worthiness=0.9,
        reasons=("contains a multiplier",),
    )
    start = text.index("Plus de 250")
    second = Claim(
        text=text[start:],
        span=(start, len(text)),
        sentence_no=1,
        statistics=(
            Statistic("Plus de 250", (start, start + 11), "count", 250.0, Bound("lower", 250.0, None, False)),
        ),
        kind="quantity",
        worthiness=0.8,
    )
    return ArticleDraft(
        title="Seed",
        text=text,
        lang="fr",
        outlet="Outlet",
        published=date(2023, 12, 20),
        claims=(first, second),
    )


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    yield handle
    handle.engine.dispose()


def _store(database) -> tuple[int, list[int]]:
    with database.session() as session:
        article_id = add_article(session, _draft())
    with database.session() as session:
        return article_id, [c.id for c in article_claims(session, article_id)]


def test_migrations_create_every_table(database):
    tables = set(inspect(database.engine).get_table_names())
    expected = {"articles", "claims", "statistics", "sources", "reported_figures", "evidence", "verdicts"}
    assert expected <= tables
    assert "alembic_version" in tables


def test_article_with_claims_round_trips_with_spans(database):
    article_id, _ = _store(database)
    with database.session() as session:
        claims = article_claims(session, article_id)
        article = list_articles(session)[0]
    assert article.title == "Seed" and article.published == date(2023, 12, 20)
    assert [article.text[c.start : c.end] for c in claims] == [c.text for c in claims]
    bounded = claims[1].statistics[0]
    assert (bounded.bound, bounded.low, bounded.inclusive, bounded.reading) == (
        "lower",
        250.0,
        False,
        "more than 250",
    )


def test_same_text_is_refused_and_points_at_the_existing_article(database):
    article_id, _ = _store(database)
    with pytest.raises(DuplicateArticleError) as caught, database.session() as session:
        add_article(session, _draft(TEXT.replace(". ", ".   ")))
    assert caught.value.article_id == article_id
    assert f"#{article_id}" in str(caught.value)
    with database.session() as session:
        assert find_duplicate(session, TEXT.upper()).id == article_id
        assert len(list_articles(session)) == 1


def test_a_failure_half_way_leaves_the_database_as_it_was(database):
    with pytest.raises(RuntimeError), database.session() as session:
        add_article(session, _draft())
        raise RuntimeError("crash after the insert, before the commit")
    with database.session() as session:
        assert list_articles(session) == []


def test_verdict_history_is_append_only_and_the_latest_is_current(database):
    _, (claim_id, _) = _store(database)
    with database.session() as session:
        version = record_verdict(
            session, claim_id=claim_id, rating="True", rationale="first", reviewer="ana", expected_version=1
        )
    with database.session() as session:
        record_verdict(
            session,
            claim_id=claim_id,
            rating="Misleading",
            rationale="second",
            reviewer="ben",
            expected_version=version,
        )
    with database.session() as session:
        claim = get_claim(session, claim_id)
    assert [v.rating for v in claim.verdicts] == ["True", "Misleading"]
    assert claim.verdict.reviewer == "ben" and claim.status == "proposed" and claim.version == 3


def test_a_stale_save_is_refused_and_names_the_other_change(database):
    _, (claim_id, _) = _store(database)
    with database.session() as session:
        record_verdict(
            session, claim_id=claim_id, rating="False", rationale="x", reviewer="ana", expected_version=1
        )
    with pytest.raises(StaleClaimError, match="ana recorded “False”"), database.session() as session:
        record_verdict(
            session, claim_id=claim_id, rating="True", rationale="y", reviewer="ben", expected_version=1
        )
    with database.session() as session:
        claim = get_claim(session, claim_id)
    assert [v.rating for v in claim.verdicts] == ["False"]


def test_status_changes_check_the_version_and_the_vocabulary(database):
    _, (claim_id, _) = _store(database)
    with database.session() as session:
        assert set_status(session, claim_id=claim_id, status="checking", expected_version=1) == 2
    with pytest.raises(InputError), database.session() as session:
        set_status(session, claim_id=claim_id, status="done", expected_version=2)
    with pytest.raises(NotFoundError), database.session() as session:
        get_claim(session, 10_000)


def test_evidence_links_keep_history_and_unlink_is_recorded(database):
    _, (claim_id, _) = _store(database)
    source = SourceInput(title="Report", url="https://example.org/r", figure_value=3.1, figure_period="2023")
    with database.session() as session:
        source_id = add_source(session, source)
    with database.session() as session:
        figure_id = get_source_figure(session, source_id)
        link_evidence(
            session,
            claim_id=claim_id,
            source_id=source_id,
            stance="supports",
            reviewer="ana",
            figure_id=figure_id,
        )
    with database.session() as session:
        (evidence,) = current_evidence(session, [claim_id])[claim_id]
        assert evidence.figure.value == 3.1 and evidence.stance == "supports"
        unlink_evidence(session, claim_id=claim_id, source_id=source_id, reviewer="ben")
    with database.session() as session:
        assert current_evidence(session, [claim_id]) == {}
        actions = session.scalars(select(EvidenceRow.action).order_by(EvidenceRow.id)).all()
    assert actions == ["link", "unlink"]


def get_source_figure(session, source_id: int) -> int:
    from workbench.storage.evidence import list_sources

    (source,) = [s for s in list_sources(session) if s.id == source_id]
    return source.figures[0].id


def test_links_to_missing_records_or_unknown_stances_are_refused(database):
    _, (claim_id, _) = _store(database)
    with database.session() as session:
        source_id = add_source(session, SourceInput(title="S"))
    with pytest.raises(NotFoundError), database.session() as session:
        link_evidence(session, claim_id=claim_id, source_id=source_id + 99, stance="supports", reviewer="a")
    with pytest.raises(InputError), database.session() as session:
        link_evidence(session, claim_id=claim_id, source_id=source_id, stance="likes", reviewer="a")


def test_export_rows_carry_verdict_statistics_and_evidence(database):
    _, (first, second) = _store(database)
    with database.session() as session:
        source_id = add_source(session, SourceInput(title="S", url="https://example.org/a"))
        link_evidence(session, claim_id=first, source_id=source_id, stance="supports", reviewer="ana")
        record_verdict(
            session, claim_id=first, rating="True", rationale="ok", reviewer="ana", expected_version=1
        )
    with database.session() as session:
        assert verdict_rows(session, only_with_verdict=True).empty  # proposed: not public yet
        publish_verdict(session, claim_id=first, publisher=User("ed", "Ed", "editor"), expected_version=2)
    with database.session() as session:
        df = verdict_rows(session)
        only = verdict_rows(session, only_with_verdict=True)
        frame = claims_frame(session)
    assert tuple(df.columns) == EXPORT_COLUMNS and len(df) == 2 and len(only) == 1
    row = df.set_index("claim_id").loc[first]
    assert (row.verdict, row.evidence_urls, row.statistics) == ("True", "https://example.org/a", "×3")
    assert df.set_index("claim_id").loc[second].statistics == "more than 250"
    assert frame.set_index("id").loc[first].verdict == "True"


def test_demo_sources_are_labelled_examples_and_keep_the_forecast_modality(database):
    from workbench.desk.demo import load_demo
    from workbench.storage.schema import FigureRow, SourceRow

    with database.session() as session:
        assert load_demo(session) is True
        assert load_demo(session) is False
    with database.session() as session:
        sources = session.scalars(select(SourceRow)).all()
        modalities = {f.period: f.modality for f in session.scalars(select(FigureRow))}
    assert sources and all(s.is_example and s.url.startswith("https://example.org/") for s in sources)
    assert modalities["2024"] == "forecast" and modalities["2023"] == "reported"
