"""Repeated claims across articles."""

import random
from pathlib import Path

from claims import split_claims
from sources.clustering import claim_similarity, cluster_claims, figure_similarity, most_similar
from sources.models import ReportedFigure

SEED = (Path(__file__).parent / "data" / "ukraine-defence-industry-fr.txt").read_text(encoding="utf-8")


def test_seed_article_dozens_of_agreements_sentences_cluster_together():
    claims = split_claims(SEED, lang="fr")
    clusters = cluster_claims(claims, lang="fr")
    dozens = [i for i, c in enumerate(claims) if "dizaines" in c.text and "accords" in c.text]
    assert len(dozens) == 2
    assert [c.members for c in clusters] == [tuple(dozens)]


def test_plain_texts_across_articles():
    first_article = ["Kyiv signed dozens of arms co-production agreements.", "It rained all week in Lviv."]
    second_article = [
        "Grain exports fell by 12 % in 2023.",
        "Kyiv has signed dozens of new arms co-production deals.",
    ]
    third_article = ["Grain exports dropped 12 % in 2023, the ministry said."]
    clusters = cluster_claims(first_article + second_article + third_article, lang="en")
    assert sorted(c.members for c in clusters) == [(0, 3), (2, 4)]
    assert all(0.4 <= c.score <= 1 for c in clusters)


def test_figures_separate_otherwise_similar_claims():
    same = cluster_claims(["Exports fell by 12 % in 2023.", "Exports fell by 12 % in 2023!"], lang="en")
    different = cluster_claims(
        ["Exports fell by 12 % in 2023.", "Exports fell by 40 % in 2023."], lang="en", threshold=0.9
    )
    assert same and not different


def test_figure_similarity():
    three, six = ReportedFigure(3.0, "multiplier"), ReportedFigure(6.0, "multiplier")
    assert figure_similarity([three], [three]) == 1.0
    assert figure_similarity([three], [six]) == 0.0
    assert figure_similarity([], [six]) == 0.5


def test_no_claims_no_clusters():
    assert cluster_claims([]) == [] and cluster_claims(["One claim alone."]) == []


def test_most_similar_is_the_similarity_of_agreeing_figures_and_bounds_every_other():
    rng = random.Random(5)
    same, other = [ReportedFigure(3.0, "multiplier")], [ReportedFigure(7.0, "multiplier")]
    for _ in range(2_000):
        cosine = rng.random()
        words = (rng.sample(["kyiv", "deal", "arms", "forum", "paris"], 2), ["kyiv", "deal", "arms"])
        best = most_similar(cosine, words)
        assert best == claim_similarity(cosine, words, (same, same))
        assert best >= claim_similarity(cosine, words, ([], []))
        assert best >= claim_similarity(cosine, words, (same, other))
