"""Repeated claims as alerts (SQLite and PostgreSQL): a claim repeating a published verdict is flagged."""

from __future__ import annotations

import pytest

from workbench.desk.article_intake import add_article
from workbench.desk.demo import load_demo
from workbench.desk.ingest import prepare_article
from workbench.domain.auth import User
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.filters import ClaimFilter
from workbench.storage.queue import count_claims, open_queue
from workbench.storage.repeat_alerts import article_repeat_alerts, repeat_alerts
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

REPEAT = (
    "Lors d'un nouveau forum à Kiev, le ministre a répété que plus de 250 fabricants d'armes occidentaux "
    "avaient participé au forum de l'industrie de défense organisé en septembre. Il fait beau à Lviv."
)
EDITOR = User("edith", "Edith", "editor")


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    with db.session() as session:
        assert load_demo(session)
    return db


def _find(database, article_id: int, words: str):
    with database.session() as session:
        (found,) = [c for c in article_claims(session, article_id) if words in c.text]
        return get_claim(session, found.id)


def _propose(database, claim, rating: str = "False") -> int:
    with database.session() as session:
        return record_verdict(
            session, claim_id=claim.id, rating=rating, rationale="263 registered, not all Western.",
            reviewer="ana", expected_version=claim.version,
        )  # fmt: skip


def _add_repeat(database) -> int:
    with database.session() as session:
        article_id = add_article(session, prepare_article(REPEAT, title="Second article", lang="fr"))
    return _find(database, article_id, "plus de 250").id


def _queue(database, **narrowed):
    with database.session() as session:
        return open_queue(session, ClaimFilter(**narrowed), page_size=200).page.frame


def test_a_repeat_of_a_published_verdict_is_flagged_in_the_queue_and_found_by_its_filter(database):
    earlier = _find(database, 1, "plus de 250")
    version = _propose(database, earlier)
    with database.session() as session:
        publish_verdict(session, claim_id=earlier.id, publisher=EDITOR, expected_version=version)
    repeat_id = _add_repeat(database)
    with database.session() as session:
        repeat_article = get_claim(session, repeat_id).article_id
    frame = _queue(database)
    flags = dict(zip(frame["id"], frame["repeats"], strict=True))
    assert flags[repeat_id] == f"repeats #{earlier.id}, rated False"
    assert flags[earlier.id] == ""  # the published claim itself is no alert
    assert sum(bool(flag) for flag in flags.values()) == 1
    only = _queue(database, repeats_published=True)
    assert list(only["id"]) == [repeat_id]
    with database.session() as session:
        assert count_claims(session, ClaimFilter(repeats_published=True)) == 1
        (alert,) = repeat_alerts(session, [repeat_id, earlier.id]).values()
    assert (alert.earlier_claim_id, alert.rating) == (earlier.id, "False")
    assert "263 registered" in alert.rationale
    with database.session() as session:
        (said,) = article_repeat_alerts(session, repeat_article)
        assert article_repeat_alerts(session, 1) == []  # the published claim's own article: nothing
    assert said == alert


def test_a_merely_proposed_verdict_raises_no_alert_and_a_published_repeat_ends_it(database):
    earlier = _find(database, 1, "plus de 250")
    version = _propose(database, earlier)
    repeat_id = _add_repeat(database)
    assert not _queue(database, repeats_published=True).shape[0]
    assert not any(_queue(database)["repeats"])
    with database.session() as session:
        publish_verdict(session, claim_id=earlier.id, publisher=EDITOR, expected_version=version)
    assert list(_queue(database, repeats_published=True)["id"]) == [repeat_id]
    with database.session() as session:
        repeat = get_claim(session, repeat_id)
    version = _propose(database, repeat, rating="Mostly true")
    with database.session() as session:
        publish_verdict(session, claim_id=repeat_id, publisher=EDITOR, expected_version=version)
    assert not _queue(database, repeats_published=True).shape[0]  # both published: nothing to reuse
