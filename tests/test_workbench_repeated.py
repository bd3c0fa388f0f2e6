"""Repeated claims across stored articles (SQLite and PostgreSQL): clusters, appearances, reused verdicts."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from workbench.commands.cli import main as workbench_cli
from workbench.desk.article_intake import add_article
from workbench.desk.demo import load_demo
from workbench.desk.ingest import prepare_article
from workbench.desk.repeated import apply_earlier_verdict, other_appearances, recluster
from workbench.domain.auth import User
from workbench.domain.errors import InputError, StaleClaimError
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

REPEAT = (
    "Lors d'un nouveau forum à Kiev, le ministre a répété que plus de 250 fabricants d'armes occidentaux "
    "avaient participé au forum de l'industrie de défense organisé en septembre. Il fait beau à Lviv."
)


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    with db.session() as session:
        assert load_demo(session)
    return db


def _clusters(database) -> dict[int, int | None]:
    with database.session() as session:
        return dict(session.execute(select(ClaimRow.id, ClaimRow.cluster_id)).all())


def _find(database, article_id: int, words: str):
    with database.session() as session:
        (found,) = [c for c in article_claims(session, article_id) if words in c.text]
        return get_claim(session, found.id)


def test_the_seed_articles_two_dozens_of_agreements_claims_cluster_when_it_is_stored(database):
    first = _find(database, 1, "des dizaines d’accords")
    second = _find(database, 1, "des dizaines de nouveaux accords")
    clusters = _clusters(database)
    assert clusters[first.id] == clusters[second.id] == min(first.id, second.id)
    assert sum(v is not None for v in clusters.values()) == 2  # nothing else in the seed repeats
    with database.session() as session:
        (other,) = other_appearances(session, second)
    assert other.claim_id == first.id and other.same_article and other.rating is None


def _second_article(database) -> int:
    with database.session() as session:
        return add_article(session, prepare_article(REPEAT, title="Second article", lang="fr"))


def test_a_repeat_in_a_new_article_shows_the_earlier_published_verdict_and_it_can_be_applied(database):
    earlier = _find(database, 1, "plus de 250")
    with database.session() as session:
        version = record_verdict(
            session, claim_id=earlier.id, rating="Mostly true", rationale="263 registered, not all Western.",
            reviewer="ana", expected_version=earlier.version,
        )  # fmt: skip
    article_id = _second_article(database)
    repeat = _find(database, article_id, "plus de 250")
    assert _clusters(database)[repeat.id] == earlier.id
    with database.session() as session:
        (appearance,) = other_appearances(session, repeat)
    assert (appearance.rating, appearance.proposed) == (None, True)  # a proposal is not offered
    with pytest.raises(InputError, match="no published verdict"), database.session() as session:
        apply_earlier_verdict(
            session, claim_id=repeat.id, earlier_claim_id=earlier.id, reviewer="ben",
            expected_version=repeat.version,
        )  # fmt: skip
    with database.session() as session:
        publish_verdict(session, claim_id=earlier.id, publisher=User("ed", "Ed", "editor"),
                        expected_version=version)  # fmt: skip
        record_verdict(
            session, claim_id=earlier.id, rating="False", rationale="A newer, unpublished reading.",
            reviewer="chloé", expected_version=version + 1,
        )  # fmt: skip
    with database.session() as session:
        (appearance,) = other_appearances(session, repeat)
    assert (appearance.claim_id, appearance.rating, appearance.reviewer) == (earlier.id, "Mostly true", "ana")
    assert appearance.published_by == "ed" and appearance.proposed  # the newer proposal is said, not offered
    assert not appearance.same_article and appearance.article_title.startswith("L'Ukraine")
    with pytest.raises(StaleClaimError), database.session() as session:
        apply_earlier_verdict(
            session, claim_id=repeat.id, earlier_claim_id=earlier.id, reviewer="ben",
            expected_version=repeat.version - 1,
        )  # fmt: skip
    with database.session() as session:
        version = apply_earlier_verdict(
            session,
            claim_id=repeat.id,
            earlier_claim_id=earlier.id,
            reviewer="ben",
            expected_version=repeat.version,
        )
    with database.session() as session:
        applied = get_claim(session, repeat.id)
    assert version == repeat.version + 1 == applied.version
    assert applied.verdict.rating == "Mostly true" and applied.verdict.reviewer == "ben"
    assert (applied.verdict.state, applied.status) == ("proposed", "proposed")
    assert applied.published_verdict is None
    assert f"Same claim as #{earlier.id}" in applied.verdict.rationale and "published by ed" in (
        applied.verdict.rationale
    )
    assert "263 registered, not all Western." in applied.verdict.rationale


def test_a_verdict_is_applied_only_from_a_published_repeat(database):
    article_id = _second_article(database)
    repeat = _find(database, article_id, "plus de 250")
    earlier = _find(database, 1, "plus de 250")
    unrelated = _find(database, 1, "a triplé")
    with pytest.raises(InputError, match="has no published verdict"), database.session() as session:
        apply_earlier_verdict(
            session,
            claim_id=repeat.id,
            earlier_claim_id=earlier.id,
            reviewer="ben",
            expected_version=repeat.version,
        )
    with pytest.raises(InputError, match="is not a repeat"), database.session() as session:
        apply_earlier_verdict(
            session,
            claim_id=repeat.id,
            earlier_claim_id=unrelated.id,
            reviewer="b",
            expected_version=repeat.version,
        )


def test_recluster_rebuilds_the_same_clusters_from_scratch(database, database_url, capsys):
    _second_article(database)
    before = _clusters(database)
    with database.session() as session:
        session.execute(update(ClaimRow).values(cluster_id=None))
    assert workbench_cli(["recluster", "--database-url", database_url]) == 0
    printed = capsys.readouterr()
    assert "clusters of repeated claims" in printed.out
    stored = len(_claim_ids(database))
    assert "Comparing claims [" in printed.err and f"{stored}/{stored} (100%)" in printed.err
    assert _clusters(database) == before
    with database.session() as session:
        report = recluster(session)
    assert report.changed == 0 and report.clusters == 2 and report.clustered_claims == 4


def _claim_ids(database) -> list[int]:
    with database.session() as session:
        return list(session.scalars(select(ClaimRow.id).where(ClaimRow.retired.is_(False))))


def test_the_clusterer_is_injectable(database):
    with database.session() as session:
        report = recluster(session, clusterer=lambda claims, progress: [tuple(range(len(claims)))])
    clusters = _clusters(database)
    assert report.clusters == 1 and set(clusters.values()) == {min(clusters)}


BATCHES = [
    [
        "Exports fell by 12% in 2023, the customs office said. Rain is expected in Paris.",
        "Unemployment rose to 3.2 million people in May, the ministry said.",
    ],
    [
        "The customs office said exports fell by 12% in 2023. The ministry denied it.",
        "Inflation reached 8.1% in May 2022, the highest rate since 1985.",
    ],
    [
        "Unemployment rose to 3.3 million people in May, according to the ministry.",
        "Inflation reached 8.1% in May 2022, its highest rate since 1985, the office said.",
    ],
]


def _store_in_batches(url: str, cache) -> dict[int, int | None]:
    """The BATCHES stored and grouped batch by batch (``cache``: kept across batches, or None: fresh each
    time); between the second and third, a reviewer corrects the figure of the first stored claim."""
    from workbench.desk.repeated import assign_new_claims
    from workbench.storage.articles import add_articles
    from workbench.storage.schema import StatisticRow

    db = open_database(url)
    for number, texts in enumerate(BATCHES):
        if number == 2:
            with db.session() as session:
                first = session.scalar(select(ClaimRow.id).join(StatisticRow).order_by(ClaimRow.id).limit(1))
                session.execute(update(StatisticRow).where(StatisticRow.claim_id == first).values(value=4.0))
                session.execute(
                    update(ClaimRow).where(ClaimRow.id == first).values(version=ClaimRow.version + 1)
                )
        with db.session() as session:
            ids = add_articles(session, [prepare_article(t, lang="en") for t in texts])
            assign_new_claims(session, ids, cache=cache)
    clusters = _clusters(db)
    db.engine.dispose()
    return clusters


def test_groups_kept_from_batch_to_batch_are_those_of_a_fresh_grouping_per_batch(tmp_path):
    from workbench.desk.repeated import ClusterCache

    cache = ClusterCache()
    kept = _store_in_batches(f"sqlite:///{tmp_path / 'kept.db'}", cache)
    fresh = _store_in_batches(f"sqlite:///{tmp_path / 'fresh.db'}", None)
    assert kept == fresh
    # the corrected claim's figures were read again (its version changed), not taken from the cache
    (corrected,) = [stats for (_, version), stats in cache.figures.items() if version == 2]
    assert 4.0 in [s.value for s in corrected]
    assert len({c for c in kept.values() if c is not None}) >= 2  # the exports and the inflation repeats
