"""A link records which source and why: linked from a suggestion it keeps the suggestion's reasons, a
manual link none; a stored series is suggested by what it measures, where and in which unit (SQLite and
PostgreSQL)."""

from __future__ import annotations

import pytest

from sources.observations import period_from_label
from sources.series import Provenance, Series
from workbench.desk.demo import load_demo
from workbench.desk.linking import link_source
from workbench.desk.suggestions import LibraryIndex, suggest_sources
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.evidence import current_evidence, evidence_history
from workbench.storage.series_store import save_series
from workbench.storage.source_links import current_links
from workbench.storage.sources_store import get_source, load_sources
from workbench.storage.verdicts import get_claim

YEARS = ("2019", "2020", "2021", "2022", "2023", "2024")


def _series(measure: str, geography: str, unit_label: str, unit: str | None, code: str) -> Series:
    return Series(
        measure, unit, tuple(period_from_label(y) for y in YEARS), (80.0, 90.0, 100.0, 150.0, 300.0, 310.0),
        ((),) * len(YEARS), unit_label=unit_label, geography=geography, frequency="A",
        provenance=Provenance("Statistics office", "defprod", code, retrieved_at="2026-11-02"),
    )  # fmt: skip


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    with db.session() as session:
        assert load_demo(session)
        save_series(
            session,
            [
                _series("Production of arms and ammunition", "UA", "Index 2015=100", "I15", "A.UA"),
                _series("Production of arms and ammunition", "PL", "Index 2015=100", "I15", "A.PL"),
            ],
            reviewer="ana",
        )
    return db


def _claim(database, words: str):
    with database.session() as session:
        (found,) = [c for c in article_claims(session, 1) if words in c.text]
        return get_claim(session, found.id)


def test_a_stored_series_is_loaded_with_its_facts_and_ranked_by_country(database):
    with database.session() as session:
        stored = {s.source.series.geography: s for s in load_sources(session) if s.source.series}
        ukraine = stored["UA"]
        assert ukraine.source.series.measure == "Production of arms and ammunition"
        facts = ukraine.source.series
        assert (facts.first.start, facts.last.end, facts.values) == ("2019-01-01", "2024-12-31", 6)
        assert get_source(session, ukraine.id).source.series == ukraine.source.series
        library = LibraryIndex()
        library.refresh(session)
    claim = _claim(database, "a triplé")  # the seed's "production ... a triplé en 2023" (Ukraine's)
    suggestions = suggest_sources(library, claim, k=5)
    ranked = [s.source_id for s in suggestions]
    assert ranked.index(ukraine.id) < ranked.index(stored["PL"].id)
    reasons = next(s.reasons for s in suggestions if s.source_id == ukraine.id)
    assert reasons[:2] == ("measures: Production of arms and ammunition", "geography: Ukraine matches")
    assert "covers 2022–2023" in reasons or "covers 2023" in reasons


def test_a_link_from_a_suggestion_stores_its_reasons_and_a_manual_link_none(database):
    claim = _claim(database, "dizaines d’accords de coopération")
    library = LibraryIndex()
    with database.session() as session:
        library.refresh(session)
    suggested = next(s for s in suggest_sources(library, claim, k=5) if s.reasons)
    manual = next(s for s in (1, 2, 3) if s != suggested.source_id)
    with database.session() as session:
        link_source(session, claim_id=claim.id, source_id=suggested.source_id, stance="context",
                    reviewer="ana", reasons=suggested.reasons)  # fmt: skip
        link_source(session, claim_id=claim.id, source_id=manual, stance="supports", reviewer="ana")
    with database.session() as session:
        links = {e.source.id: e for e in current_evidence(session, [claim.id])[claim.id]}
        history = evidence_history(session, claim.id)
        by_source = {link.claim_id: link for link in current_links(session, suggested.source_id)}
    assert links[suggested.source_id].reasons == suggested.reasons
    assert links[manual].reasons == ()
    why = dict(zip(history["source_id"], history["why"], strict=True))
    assert why[suggested.source_id] == "; ".join(suggested.reasons)
    assert why[manual] == ""
    assert by_source[claim.id].reasons == suggested.reasons


def test_a_claim_without_figures_gets_no_series_suggested(database):
    with database.session() as session:
        series_ids = {s.id for s in load_sources(session) if s.source.series}
        library = LibraryIndex()
        library.refresh(session)
        claims = [get_claim(session, c.id) for c in article_claims(session, 1)]
    without = [c for c in claims if not c.statistics]
    assert without
    for claim in without:
        assert not {s.source_id for s in suggest_sources(library, claim, k=10)} & series_ids
