"""Claim filters on real databases: each facet narrows the claims as a reviewer expects."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from workbench.desk.demo import load_demo
from workbench.domain.auth import User
from workbench.storage.database import open_database
from workbench.storage.filters import NO_VERDICT, ClaimFilter, claims_query
from workbench.storage.schema import ClaimRow
from workbench.storage.verdicts import publish_verdict, record_verdict


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
    yield handle
    handle.engine.dispose()


def _ids(database, claim_filter: ClaimFilter) -> list[int]:
    with database.session() as session:
        return list(session.scalars(claims_query(claim_filter, ClaimRow.id).order_by(ClaimRow.id)))


def test_no_filter_gives_every_live_claim(database):
    with database.session() as session:
        every = list(session.scalars(select(ClaimRow.id).order_by(ClaimRow.id)))
    assert _ids(database, ClaimFilter()) == every and len(every) >= 5


def test_verdict_reviewer_and_none_filters(database):
    first, *rest = _ids(database, ClaimFilter())
    with database.session() as session:
        record_verdict(
            session, claim_id=first, rating="False", rationale="r", reviewer="ana", expected_version=1
        )
    assert _ids(database, ClaimFilter(verdicts=("False",))) == [first]
    assert _ids(database, ClaimFilter(reviewers=("ana",))) == [first]
    assert _ids(database, ClaimFilter(verdicts=(NO_VERDICT,))) == rest
    assert _ids(database, ClaimFilter(verdicts=("False", NO_VERDICT))) == [first, *rest]
    assert _ids(database, ClaimFilter(statuses=("proposed",))) == [first]


def _both(database, claim_filter: ClaimFilter) -> list[int]:
    """The ids a filter finds joined (exports, trends) and through the lean subqueries (queue counts),
    checked to agree."""
    with database.session() as session:
        lean = list(session.scalars(claims_query(claim_filter, ClaimRow.id, lean=True).order_by(ClaimRow.id)))
    joined = _ids(database, claim_filter)
    assert lean == joined
    return joined


def test_published_only_filters_read_the_newest_published_verdict_not_a_newer_proposal(database):
    first, *rest = _ids(database, ClaimFilter())
    with database.session() as session:
        version = record_verdict(
            session, claim_id=first, rating="False", rationale="r", reviewer="ana", expected_version=1
        )
    published = ClaimFilter(published_only=True)
    assert _both(database, ClaimFilter(verdicts=("False",), published_only=True)) == []
    assert _both(database, ClaimFilter(verdicts=(NO_VERDICT,), published_only=True)) == [first, *rest]
    with database.session() as session:
        version = publish_verdict(
            session, claim_id=first, publisher=User("ed", "Ed", "editor"), expected_version=version
        )
        record_verdict(
            session, claim_id=first, rating="True", rationale="r2", reviewer="ben", expected_version=version
        )
    assert _both(database, ClaimFilter(verdicts=("False",), published_only=True)) == [first]
    assert _both(database, ClaimFilter(verdicts=("True",), published_only=True)) == []
    assert _both(database, ClaimFilter(verdicts=("True",))) == [first]  # the queue: the newest verdict
    assert _both(database, ClaimFilter(reviewers=("ana",), published_only=True)) == [first]
    assert _both(database, ClaimFilter(verdicts=(NO_VERDICT,), published_only=True)) == rest
    assert _both(database, published) == [first, *rest]


def test_language_date_worthiness_and_text_filters(database):
    every = _ids(database, ClaimFilter())
    assert _ids(database, ClaimFilter(languages=("fr",))) == every
    assert _ids(database, ClaimFilter(languages=("en",))) == []
    assert _ids(database, ClaimFilter(date_from=date(2023, 12, 1), date_to=date(2023, 12, 31))) == every
    assert _ids(database, ClaimFilter(date_from=date(2024, 1, 1))) == []
    assert len(_ids(database, ClaimFilter(min_worthiness=0.99))) < len(every)
    assert len(_ids(database, ClaimFilter(text="250"))) >= 1
    assert _ids(database, ClaimFilter(text="PLUS DE 250")) == _ids(database, ClaimFilter(text="plus de 250"))


def test_the_words_filter_takes_percent_and_underscore_literally(database):
    every = _ids(database, ClaimFilter())
    assert _ids(database, ClaimFilter(text="%")) == []  # not a wildcard: no demo claim holds a "%"
    assert _ids(database, ClaimFilter(text="_")) == []
    assert _ids(database, ClaimFilter(text="plus de 2_0")) == []
    assert _ids(database, ClaimFilter(text="\\")) == []
    assert len(_ids(database, ClaimFilter(text="plus de 250"))) in range(1, len(every))
