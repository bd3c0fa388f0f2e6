"""Suggestions, linking and comparison on the demo database (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from claims.models import Bound
from sources.models import ReportedFigure, Source
from workbench.desk.demo import load_demo
from workbench.desk.index_store import IndexStore
from workbench.desk.linking import check_quote, claim_comparisons, link_source
from workbench.desk.suggestions import LibraryIndex, claim_from_record, suggest_sources
from workbench.domain.errors import InputError
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.evidence import evidence_history, unlink_evidence
from workbench.storage.source_edits import edit_source
from workbench.storage.sources_store import save_sources
from workbench.storage.verdicts import get_claim

FORUM_TEXT = "The forum brought together 263 foreign arms manufacturers in September 2023, the council said."


DEMO_SOURCES = 4  # three example reports and the example series


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    with db.session() as session:
        assert load_demo(session)
    return db


def _claim(database, words: str):
    with database.session() as session:
        (found,) = [c for c in article_claims(session, 1) if words in c.text]
        return get_claim(session, found.id)


def _forum(value: float = 263, **changes) -> Source:
    figure = ReportedFigure(
        value, "count", Bound("exact", value, value), counted="foreign arms manufacturers", period="2023",
        surface=f"{value:g}", span=(27, 30),
    )  # fmt: skip
    fields = dict(
        title="Defence Industries Forum 2023: attendance report", publisher="Defence Industry Council",
        published="2023-10-02", kind="report", language="en", text=FORUM_TEXT, figures=(figure,),
    )  # fmt: skip
    return Source(**{**fields, **changes})


def test_the_forum_source_is_suggested_first_for_the_plus_de_250_claim_with_its_figure(database):
    claim = _claim(database, "plus de 250")
    library = LibraryIndex()
    with database.session() as session:
        library.refresh(session)
    best, *_ = suggest_sources(library, claim, k=3)
    assert "forum attendance" in best.title
    assert best.figure_ids and best.figure_labels[0].startswith("263")
    assert any(reason.startswith("figure:") for reason in best.reasons)


def test_the_index_follows_the_library_revision(database):
    library = LibraryIndex()
    with database.session() as session:
        first = library.refresh(session)
        assert len(library.index) == DEMO_SOURCES
        assert library.refresh(session) == first  # nothing new: nothing re-indexed
        (new_id,) = save_sources(session, [_forum()], created_by="ana")
    index_before = library.index
    with database.session() as session:
        assert library.refresh(session) == (new_id, DEMO_SOURCES + 1, 0)
    assert library.index is index_before and len(library.index) == DEMO_SOURCES + 1  # added, not rebuilt
    best, *_ = suggest_sources(library, _claim(database, "plus de 250"), k=2)
    assert best.source_id == new_id
    with database.session() as session:  # an edited title is indexed again: the index is rebuilt
        edit_source(session, source_id=new_id, changes={"title": "Zygomorphic orchids"}, reviewer="bo",
                    expected_version=1)  # fmt: skip
    with database.session() as session:
        assert library.refresh(session) == (new_id, DEMO_SOURCES + 1, 1)
    assert library.index is not index_before
    assert next(s for s in library.stored if s.id == new_id).source.title == "Zygomorphic orchids"


def test_a_claim_record_becomes_an_engine_claim_with_its_statistics(database):
    claim = claim_from_record(_claim(database, "plus de 250"))
    (stat,) = claim.statistics
    assert (stat.surface, stat.value, stat.bound.kind) == ("plus de 250", 250.0, "lower")


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        ("263 foreign arms manufacturers", "exact"),
        ("263 foreign arms manufacturer in September", "fuzzy"),
        ("the budget doubled", "absent"),
        (None, "unchecked"),
    ],
)
def test_quotes_are_checked_against_the_source_text(quote, status):
    assert check_quote(FORUM_TEXT, quote)[0] == status


def test_linking_with_a_missing_quote_warns_and_the_link_is_history(database):
    claim = _claim(database, "plus de 250")
    with database.session() as session:
        (source_id,) = save_sources(session, [_forum()], created_by="ana")
        outcome = link_source(
            session, claim_id=claim.id, source_id=source_id, stance="supports", reviewer="ana",
            quote="300 manufacturers came",
        )  # fmt: skip
    assert outcome.quote_status == "absent" and outcome.level == "warning"
    assert "quote was not found in the source's text" in outcome.message
    with database.session() as session:
        ok = link_source(
            session, claim_id=claim.id, source_id=source_id, stance="supports", reviewer="ben",
            quote="263 foreign arms manufacturers",
        )  # fmt: skip
        assert ok.level == "success" and ok.quote_status == "exact"
        unlink_evidence(session, claim_id=claim.id, source_id=source_id, reviewer="ben")
    with database.session() as session:
        history = evidence_history(session, claim.id)
        assert get_claim(session, claim.id).evidence == ()
        with pytest.raises(InputError, match="is not linked"):
            unlink_evidence(session, claim_id=claim.id, source_id=source_id, reviewer="ben")
    assert list(history["action"]) == ["link", "link", "unlink"]
    assert list(history["reviewer"]) == ["ana", "ben", "ben"]


@pytest.mark.parametrize(
    ("value", "status", "words"), [(263, "consistent", "within"), (180, "contradicts", "outside")]
)
def test_a_linked_figure_is_compared_with_the_claim(database, value, status, words):
    claim = _claim(database, "plus de 250")
    with database.session() as session:
        (source_id,) = save_sources(session, [_forum(value)], created_by="ana")
    library = LibraryIndex()
    with database.session() as session:
        library.refresh(session)
        figure_id = next(s for s in library.stored if s.id == source_id).figure_ids[0]
        link_source(
            session,
            claim_id=claim.id,
            source_id=source_id,
            stance="supports",
            reviewer="ana",
            figure_id=figure_id,
        )
    with database.session() as session:
        (comparison,) = claim_comparisons(session, get_claim(session, claim.id))
    assert comparison.status == status
    assert f"{words} the claim's “plus de 250”" in comparison.sentence
    assert comparison.sentence.startswith("Defence Industry Council's 2023 report gives")
    assert ("bound satisfied", "yes" if status == "consistent" else "no") in comparison.rows


def test_links_without_a_figure_are_not_compared(database):
    claim = _claim(database, "plus de 250")
    with database.session() as session:
        (source_id,) = save_sources(session, [_forum()], created_by="ana")
        link_source(session, claim_id=claim.id, source_id=source_id, stance="context", reviewer="ana")
    with database.session() as session:
        assert claim_comparisons(session, get_claim(session, claim.id)) == []


def test_sources_already_linked_are_not_suggested_again(database):
    claim = _claim(database, "plus de 250")
    library = LibraryIndex()
    with database.session() as session:
        library.refresh(session)
    ranked = [s.source_id for s in suggest_sources(library, claim, k=3)]
    rest = suggest_sources(library, claim, k=len(ranked) - 1, exclude={ranked[0]})
    assert [s.source_id for s in rest] == ranked[1:] and [s.rank for s in rest] == [1, 2]


def test_the_link_prefill_is_the_compatible_figure_closest_to_the_claim(database):
    claim = _claim(database, "plus de 250")
    money = ReportedFigure(
        148.6e6, "money", Bound("exact", 148.6e6, 148.6e6), unit="GBP", surface="£148.6 million"
    )
    visitors = ReportedFigure(
        59_200, "count", Bound("exact", 59_200, 59_200), counted="visitors", surface="59,200"
    )
    forum = _forum(figures=(money, visitors, *_forum().figures))
    with database.session() as session:
        (source_id,) = save_sources(session, [forum], created_by="ana")
    library = LibraryIndex()
    with database.session() as session:
        library.refresh(session)
    (best,) = [s for s in suggest_sources(library, claim, k=3) if s.source_id == source_id]
    stored = next(s for s in library.stored if s.id == source_id)
    assert best.figure_labels[0].startswith("263") and best.figure_ids[0] == stored.figure_ids[2]
    assert not any(label.startswith("£148.6") for label in best.figure_labels)


def _ranking(library: LibraryIndex, claim) -> list[tuple]:
    return [(s.source_id, s.score, s.reasons, s.figure_ids) for s in suggest_sources(library, claim, k=5)]


def test_a_second_index_over_the_same_database_loads_the_saved_one_instead_of_building(database, tmp_path):
    store = IndexStore(tmp_path / "sources.pickle")
    claim = _claim(database, "plus de 250")
    first = LibraryIndex(store=store)
    with database.session() as session:
        first.refresh(session)
    assert first.builds == 1 and not first.loaded and store.path.exists()
    second = LibraryIndex(store=IndexStore(store.path))  # as a second app process would
    with database.session() as session:
        assert second.refresh(session) == first.revision
    assert second.builds == 0 and second.loaded
    assert [s.id for s in second.stored] == [s.id for s in first.stored]
    assert _ranking(second, claim) == _ranking(first, claim)


def test_a_saved_index_behind_the_database_is_loaded_then_brought_up_to_date(database, tmp_path):
    store = IndexStore.for_database("sqlite:///somewhere.db", folder=tmp_path)
    running = LibraryIndex()  # a process that stayed up and followed the library
    with database.session() as session:
        LibraryIndex(store=store).refresh(session)
        running.refresh(session)
        (new_id,) = save_sources(session, [_forum()], created_by="ana")
    later = LibraryIndex(store=store)
    with database.session() as session:
        assert later.refresh(session) == (new_id, DEMO_SOURCES + 1, 0) == running.refresh(session)
    assert later.builds == 0 and later.loaded and len(later.index) == DEMO_SOURCES + 1
    claim = _claim(database, "plus de 250")
    assert _ranking(later, claim) == _ranking(running, claim) and _ranking(later, claim)[0][0] == new_id
    # the growth was saved: a third process loads the sources and adds nothing
    third = LibraryIndex(store=store)
    with database.session() as session:
        third.refresh(session)
    assert third.builds == 0 and len(third.stored) == DEMO_SOURCES + 1


def test_an_unreadable_or_foreign_saved_index_is_rebuilt(database, tmp_path):
    store = IndexStore(tmp_path / "sources.pickle")
    store.path.write_bytes(b"not a pickle")
    library = LibraryIndex(store=store)
    with database.session() as session:
        library.refresh(session)
    assert library.builds == 1 and not library.loaded
    assert IndexStore(store.path).load().revision == library.revision  # replaced by a good one
    assert IndexStore.for_database("sqlite:///a.db") != IndexStore.for_database("sqlite:///b.db")


def test_an_index_saved_by_other_code_is_rebuilt(database, tmp_path):
    import pickle

    store = IndexStore(tmp_path / "sources.pickle")
    with database.session() as session:
        LibraryIndex(store=store).refresh(session)
    payload = pickle.loads(store.path.read_bytes())
    store.path.write_bytes(pickle.dumps({**payload, "code": "another version"}))
    again = LibraryIndex(store=store)
    with database.session() as session:
        again.refresh(session)
    assert again.builds == 1 and not again.loaded
