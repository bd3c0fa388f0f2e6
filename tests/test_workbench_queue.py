"""The review queue on SQLite and PostgreSQL: pages, totals, counts per status, filters, order."""

from __future__ import annotations

import pytest

from bench.generate_db import generate
from workbench.desk.demo import load_demo
from workbench.domain.auth import User
from workbench.domain.ratings import DEFAULT_SCALE
from workbench.domain.vocabulary import RATINGS
from workbench.storage.claim_edits import assign_claim, mark_not_worthy
from workbench.storage.database import open_database
from workbench.storage.filters import ClaimFilter
from workbench.storage.queue import (
    QUEUE_COLUMNS,
    filter_choices,
    open_queue,
    queue_page,
    status_counts,
    waiting_to_publish,
)
from workbench.storage.rating_scale import save_scale
from workbench.storage.verdicts import publish_verdict, record_verdict


@pytest.fixture
def database(database_url):
    generate(database_url, claims=230, per_article=23, links_per_claim=2, sources=20, seed=1)
    handle = open_database(database_url)
    yield handle
    handle.engine.dispose()


def _all_ids(database, claim_filter: ClaimFilter | None = None):
    claim_filter = claim_filter or ClaimFilter()
    ids, page = [], 0
    while True:
        with database.session() as session:
            found = queue_page(session, claim_filter, page=page, page_size=40)
        ids += list(found.frame["id"])
        if page + 1 >= found.pages:
            return ids, found.total
        page += 1


def test_pages_cover_every_claim_once_most_worthy_first(database):
    ids, total = _all_ids(database)
    assert total == 230 and len(ids) == 230 and len(set(ids)) == 230
    with database.session() as session:
        first = queue_page(session, ClaimFilter(), page=0, page_size=40)
        last = queue_page(session, ClaimFilter(), page=99, page_size=40)  # clamped to the last page
    assert list(first.frame.columns) == list(QUEUE_COLUMNS)
    worthiness = list(first.frame["worthiness"])
    assert worthiness == sorted(worthiness, reverse=True)
    assert last.page == 5 and len(last.frame) == 230 - 5 * 40 and first.pages == 6


def test_counts_per_status_ignore_the_status_filter_and_sum_to_the_total(database):
    with database.session() as session:
        counts = status_counts(session, ClaimFilter())
        view = open_queue(session, ClaimFilter(statuses=("published",)), page_size=10)
    assert sum(counts.values()) == 230 and len(counts) >= 3
    assert view.counts == counts
    assert view.page.total == counts["published"] and set(view.page.frame["status"]) == {"published"}
    assert set(view.page.frame["verdict_state"]) == {"published"}


@pytest.mark.parametrize(
    ("claim_filter", "column", "expected"),
    [
        (ClaimFilter(languages=("en",)), "lang", {"en"}),
        (ClaimFilter(outlets=("Reuters",)), "outlet", {"Reuters"}),
        (ClaimFilter(kinds=("change",)), "kind", {"change"}),
        (ClaimFilter(verdicts=("False",)), "verdict", {"False"}),
        (ClaimFilter(article_ids=(3,)), "article_id", {3}),
        (ClaimFilter(assignees=("ana",)), "assignee", {"ana"}),
    ],
)
def test_each_filter_narrows_the_queue(database, claim_filter, column, expected):
    ids, total = _all_ids(database, claim_filter)
    with database.session() as session:
        frame = queue_page(session, claim_filter, page_size=500).frame
    assert 0 < total < 230 and len(ids) == total
    assert set(frame[column]) == expected


def test_text_and_worthiness_filters(database):
    with database.session() as session:
        drones = queue_page(session, ClaimFilter(text="DRONES"), page_size=500).frame
        worthy = queue_page(session, ClaimFilter(min_worthiness=0.5, max_worthiness=0.7), page_size=500).frame
    assert len(drones) and all("drones" in text.lower() for text in drones["claim"])
    assert len(worthy) and worthy["worthiness"].between(0.5, 0.7).all()


def test_filter_choices_and_edits_show_in_the_queue(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
        first = queue_page(session, ClaimFilter()).frame.iloc[0]
        claim_id = int(first["id"])
        version = assign_claim(session, claim_id=claim_id, assignee="zoé", reviewer="ana", expected_version=1)
        version = record_verdict(
            session,
            claim_id=claim_id,
            rating="False",
            rationale="r",
            reviewer="ben",
            expected_version=version,
        )
        other = int(queue_page(session, ClaimFilter()).frame.iloc[1]["id"])
        mark_not_worthy(session, claim_id=other, reason="Background", reviewer="ana", expected_version=1)
        choices = filter_choices(session)
        row = queue_page(session, ClaimFilter(reviewers=("ben",))).frame
        counts = status_counts(session, ClaimFilter())
    handle.engine.dispose()
    assert (
        list(row["id"]) == [claim_id]
        and row.iloc[0]["assignee"] == "zoé"
        and (row.iloc[0]["verdict"], row.iloc[0]["verdict_state"]) == ("False", "proposed")
    )
    assert {"ana", "ben"} <= set(choices.reviewers) and choices.verdicts == tuple(RATINGS)
    assert choices.languages == ("fr",) and len(choices.articles) == 1
    assert counts["proposed"] == 1 and counts["not check-worthy"] == 1 and "checked" not in counts


def test_the_desks_renamed_rating_is_a_verdict_choice_and_old_ratings_stay_findable(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
        claim_id = int(queue_page(session, ClaimFilter()).frame.iloc[0]["id"])
        record_verdict(session, claim_id=claim_id, rating="Unverifiable", rationale="r", reviewer="ana",
                       expected_version=1)  # fmt: skip
        rows = [{"name": r.name, "meaning": r.meaning, "value": r.value} for r in DEFAULT_SCALE]
        rows[-1]["name"] = "Needs context"
        save_scale(session, rows, editor="ed")
        choices = filter_choices(session)
    handle.engine.dispose()
    assert choices.verdicts == (*list(RATINGS)[:5], "Needs context", "Unverifiable")


def test_waiting_to_publish_counts_proposals_until_an_editor_publishes_them(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
        first, second = (int(i) for i in queue_page(session, ClaimFilter()).frame["id"][:2])
        versions = [
            record_verdict(session, claim_id=claim_id, rating="False", rationale="r", reviewer="ana",
                           expected_version=1)
            for claim_id in (first, second)
        ]  # fmt: skip
        assert waiting_to_publish(session) == 2
        publish_verdict(session, claim_id=first, publisher=User("ed", "Ed", "editor"),
                        expected_version=versions[0])  # fmt: skip
        assert waiting_to_publish(session) == 1
        waiting = queue_page(session, ClaimFilter(statuses=("proposed",))).frame
    handle.engine.dispose()
    assert list(waiting["id"]) == [second] and list(waiting["verdict_state"]) == ["proposed"]
