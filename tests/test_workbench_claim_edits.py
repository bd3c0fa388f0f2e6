"""A reviewer's edits to claims on SQLite and PostgreSQL: corrections, split, merge, not check-worthy,
assignment, the version check and the history each edit leaves."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from workbench.desk.demo import load_demo
from workbench.domain.errors import InputError, NotFoundError, StaleClaimError
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.claim_edits import (
    assign_claim,
    claim_history,
    correct_attribution,
    correct_facet,
    correct_statistic,
    mark_not_worthy,
    merge_claims,
    split_claim,
)
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimChangeRow, ClaimRow
from workbench.storage.verdicts import get_claim, record_verdict
from workbench.storage.versioning import replacement_of


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
    yield handle
    handle.engine.dispose()


def _claims(database):
    with database.session() as session:
        (article, *_) = list_articles(session)
        return article, article_claims(session, article.id)


def _with_figure(database):
    _, claims = _claims(database)
    return next(c for c in claims if c.statistics)


def test_correcting_a_figure_keeps_the_engine_reading_and_logs_the_change(database):
    claim = _with_figure(database)
    stat = claim.statistics[0]
    with database.session() as session:
        version = correct_statistic(
            session, claim_id=claim.id, statistic_id=stat.id, changes={"value": "263", "unit": "firms"},
            reviewer="ana", expected_version=claim.version,
        )  # fmt: skip
    assert version == claim.version + 1
    with database.session() as session:
        stored = get_claim(session, claim.id)
        history = claim_history(session, claim.id)
    corrected = next(s for s in stored.statistics if s.id == stat.id)
    assert (corrected.value, corrected.unit, corrected.corrected_by) == (263.0, "firms", "ana")
    assert corrected.original["value"] == stat.value and corrected.original["reading"] == stat.reading
    assert history[0].reviewer == "ana" and history[0].after == {"value": 263.0, "unit": "firms"}
    assert history[0].before == {"value": stat.value, "unit": stat.unit}
    # a second correction keeps the first reading as the engine's
    with database.session() as session:
        correct_statistic(
            session, claim_id=claim.id, statistic_id=stat.id, changes={"value": 264},
            reviewer="ben", expected_version=version,
        )  # fmt: skip
        again = next(s for s in get_claim(session, claim.id).statistics if s.id == stat.id)
    assert again.original["value"] == stat.value and again.corrected_by == "ben"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value": "lots"}, "not a number"),
        ({"unit": "<script>alert(1)</script>"}, "markup"),
        ({"counted": "x" * 201}, "limit is 200"),
        ({"bound": "sideways"}, "Unknown bound"),
        ({"low": 10, "high": 5}, "above the high bound"),
        ({"surface": "1"}, "Cannot correct"),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(database, changes, message):
    claim = _with_figure(database)
    with pytest.raises(InputError, match=message), database.session() as session:
        correct_statistic(
            session, claim_id=claim.id, statistic_id=claim.statistics[0].id, changes=changes,
            reviewer="ana", expected_version=claim.version,
        )  # fmt: skip
    with database.session() as session:
        assert get_claim(session, claim.id).version == claim.version
        assert claim_history(session, claim.id) == []


def test_a_stale_correction_is_refused_with_the_other_change_named(database):
    claim = _with_figure(database)
    stat = claim.statistics[0]
    with database.session() as session:
        assign_claim(
            session, claim_id=claim.id, assignee="ben", reviewer="ana", expected_version=claim.version
        )
    with pytest.raises(StaleClaimError, match="ana changed assignee"), database.session() as session:
        correct_statistic(
            session, claim_id=claim.id, statistic_id=stat.id, changes={"value": 1},
            reviewer="ben", expected_version=claim.version,
        )  # fmt: skip
    with database.session() as session:
        stored = get_claim(session, claim.id)
    assert next(s for s in stored.statistics if s.id == stat.id).value == stat.value
    assert stored.assignee == "ben"


def test_entity_date_and_attribution_corrections(database):
    _, claims = _claims(database)
    claim = next(c for c in claims if c.facets.get("entities"))
    with database.session() as session:
        version = correct_facet(
            session, claim_id=claim.id, facet="entities", index=0, changes={"name": "Ukrainian government"},
            reviewer="ana", expected_version=claim.version,
        )  # fmt: skip
        version = correct_attribution(
            session, claim_id=claim.id, speaker="Ministry of Strategic Industries", reviewer="ana",
            expected_version=version,
        )  # fmt: skip
        stored = get_claim(session, claim.id)
    entity = stored.facets["entities"][0]
    assert entity["name"] == "Ukrainian government" and entity["corrected_by"] == "ana"
    assert entity["original"]["name"] == claim.facets["entities"][0].get("name")
    assert stored.facets["attribution"]["speaker"] == "Ministry of Strategic Industries"
    assert stored.version == version
    with pytest.raises(InputError, match="not a date"), database.session() as session:
        dated = next((c for c in claims if c.facets.get("dates")), None) or claim
        dated = get_claim(session, dated.id)
        if not dated.facets.get("dates"):
            pytest.skip("the demo has no dated claim")
        correct_facet(
            session, claim_id=dated.id, facet="dates", index=0, changes={"start": "2023-13-45"},
            reviewer="ana", expected_version=dated.version,
        )  # fmt: skip
    with pytest.raises(NotFoundError), database.session() as session:
        correct_facet(
            session, claim_id=claim.id, facet="entities", index=99, changes={"name": "x"},
            reviewer="ana", expected_version=version,
        )  # fmt: skip


def test_not_worthy_and_assignment_are_history(database):
    _, (claim, *_) = _claims(database)
    with database.session() as session:
        version = mark_not_worthy(
            session, claim_id=claim.id, reason="Background, not a claim", reviewer="ana",
            expected_version=claim.version,
        )  # fmt: skip
        version = assign_claim(
            session, claim_id=claim.id, assignee="ben", reviewer="ana", expected_version=version
        )
        stored = get_claim(session, claim.id)
        fields = [c.field for c in claim_history(session, claim.id)]
    assert (stored.status, stored.not_worthy_reason, stored.assignee) == (
        "not check-worthy", "Background, not a claim", "ben",
    )  # fmt: skip
    assert fields == ["assignee", "status"]
    with pytest.raises(InputError, match="empty"), database.session() as session:
        mark_not_worthy(session, claim_id=claim.id, reason="  ", reviewer="ana", expected_version=version)


def test_split_makes_two_claims_and_retires_the_old_one(database):
    article, claims = _claims(database)
    claim = max(claims, key=lambda c: len(c.text))
    cut = claim.text.index(" ", len(claim.text) // 2)
    if any(claim.start + cut in range(s.start + 1, s.end) for s in claim.statistics):
        pytest.skip("cut inside a figure")
    with database.session() as session:
        first, second = split_claim(
            session, claim_id=claim.id, offset=cut, reviewer="ana", expected_version=claim.version
        )
        a, b = get_claim(session, first), get_claim(session, second)
        live = [c.id for c in article_claims(session, article.id)]
        assert replacement_of(session, claim.id) == [first, second]
        retired = session.get(ClaimRow, claim.id)
        assert retired.retired and retired.version == claim.version + 1
    assert a.text == claim.text[:cut].rstrip() and b.text == claim.text[cut:].lstrip()
    assert article.text[a.start : a.end] == a.text and article.text[b.start : b.end] == b.text
    assert claim.id not in live and {first, second} <= set(live)
    assert a.origin_claim_id == claim.id == b.origin_claim_id
    assert len(a.statistics) + len(b.statistics) == len(claim.statistics)
    with pytest.raises(InputError, match="split or merged"), database.session() as session:
        assign_claim(
            session, claim_id=claim.id, assignee="x", reviewer="ana", expected_version=claim.version + 1
        )


def test_split_refuses_a_cut_inside_a_figure_or_at_an_edge(database):
    claim = _with_figure(database)
    stat = next(s for s in claim.statistics if s.end - s.start > 1)
    inside = stat.start - claim.start + 1
    for offset, message in ((inside, "inside the figure"), (0, "between 1 and")):
        with pytest.raises(InputError, match=message), database.session() as session:
            split_claim(
                session, claim_id=claim.id, offset=offset, reviewer="ana", expected_version=claim.version
            )
    with database.session() as session:
        assert not session.get(ClaimRow, claim.id).retired


def test_merge_two_claims_of_an_article(database):
    article, claims = _claims(database)
    first, third = claims[0], claims[2]
    with database.session() as session:
        merged_id = merge_claims(
            session, claim_ids=(third.id, first.id), expected_versions=(third.version, first.version),
            reviewer="ana",
        )  # fmt: skip
        merged = get_claim(session, merged_id)
        live = [c.id for c in article_claims(session, article.id)]
        changes = session.scalars(select(ClaimChangeRow.field).where(ClaimChangeRow.claim_id == first.id))
        assert list(changes) == ["merged"]
    assert (merged.start, merged.end) == (first.start, max(first.end, third.end))
    assert merged.text == article.text[merged.start : merged.end]
    assert len(merged.statistics) == len(first.statistics) + len(third.statistics)
    assert first.id not in live and third.id not in live and merged_id in live
    # a stale version of either claim refuses the whole merge
    with pytest.raises(StaleClaimError), database.session() as session:
        merge_claims(
            session, claim_ids=(claims[1].id, claims[3].id), expected_versions=(claims[1].version, 99),
            reviewer="ana",
        )  # fmt: skip
    with database.session() as session:
        assert not session.get(ClaimRow, claims[1].id).retired


def test_verdict_after_edits_still_uses_the_same_version_check(database):
    claim = _with_figure(database)
    with database.session() as session:
        version = assign_claim(
            session, claim_id=claim.id, assignee="ana", reviewer="ana", expected_version=claim.version
        )
        version = record_verdict(
            session,
            claim_id=claim.id,
            rating="False",
            rationale="r",
            reviewer="ana",
            expected_version=version,
        )
    assert version == claim.version + 2


def _published_claim(database):
    """A claim of the demo article with a proposed and published verdict."""
    from workbench.domain.auth import User
    from workbench.storage.verdicts import publish_verdict

    claim = max(_claims(database)[1], key=lambda c: len(c.text))
    with database.session() as session:
        version = record_verdict(session, claim_id=claim.id, rating="False", rationale="No.",
                                 reviewer="ana", expected_version=claim.version)  # fmt: skip
        version = publish_verdict(session, claim_id=claim.id, publisher=User("ed", "Ed", "editor"),
                                  expected_version=version)  # fmt: skip
    return claim, version


def _cut(claim) -> int:
    return next(
        i for i in range(len(claim.text) // 2, len(claim.text))
        if claim.text[i] == " " and not any(s.start < claim.start + i < s.end for s in claim.statistics)
    )  # fmt: skip


def test_a_reviewer_cannot_hide_a_published_verdict_by_splitting_or_merging_its_claim(database):
    from workbench.domain.auth import NotAllowedError
    from workbench.storage.export_rows import verdict_rows
    from workbench.storage.users import add_user

    claim, version = _published_claim(database)
    other = next(c for c in _claims(database)[1] if c.id != claim.id)
    with database.session() as session:
        reviewer = add_user(session, username="rev", password="correct horse battery", role="reviewer")
        editor = add_user(session, username="edi", password="correct horse battery", role="editor")
        exported = len(verdict_rows(session, only_with_verdict=True))
    with pytest.raises(NotAllowedError, match="editor"), database.session(actor=reviewer) as session:
        split_claim(session, claim_id=claim.id, offset=_cut(claim), reviewer="rev", expected_version=version)
    with pytest.raises(NotAllowedError, match="editor"), database.session(actor=reviewer) as session:
        merge_claims(session, claim_ids=(other.id, claim.id), reviewer="rev",
                     expected_versions=(other.version, version))  # fmt: skip
    with database.session() as session:
        assert len(verdict_rows(session, only_with_verdict=True)) == exported
        assert not session.get(ClaimRow, claim.id).retired
    with database.session(actor=editor) as session:  # an editor may: the split is the desk's decision
        split_claim(session, claim_id=claim.id, offset=_cut(claim), reviewer="edi", expected_version=version)
