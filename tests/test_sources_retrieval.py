"""The sparse first stage: BM25, character n-grams, reciprocal-rank fusion, growth."""

import numpy as np
import pytest

from sources.retrieval import SparseIndex, top_k

TEXTS = [
    "Defence production tripled in 2023",
    "Grain exports fell by 12 percent",
    "Ukraine signed dozens of co-production agreements",
    "Rain expected in Paris",
]


@pytest.fixture(scope="module")
def index():
    return SparseIndex(TEXTS, langs=["en"] * len(TEXTS))


@pytest.mark.parametrize("retriever", ["bm25", "char"])
def test_each_retriever_finds_the_right_text(index, retriever):
    assert index.search("agreements on co-production", k=1, retrievers=(retriever,))[0][0] == 2


def test_char_ngrams_survive_misspellings_that_bm25_misses(index):
    assert index.search("Ukrane sined dozns coprodcton agrements", k=1, retrievers=("bm25",)) == []
    assert index.search("Ukrane sined dozns coprodcton agrements", k=1, retrievers=("char",))[0][0] == 2


def test_fusion_scores_are_reciprocal_ranks(index):
    (position, score), *_ = index.search("defence production tripled", k=2)
    assert position == 0 and score == pytest.approx(2 / 61)


def test_detailed_search_keeps_relative_scores(index):
    hits = index.search_detailed("defence production tripled", k=3)
    assert hits[0][2] == pytest.approx(1.0) and all(0 <= rel <= 1.0 + 1e-6 for _, _, rel in hits)


def test_top_k_skips_zero_scores():
    assert top_k(np.array([0.0, 0.5, 0.0]), 3) == [1]


def test_add_keeps_positions_and_refits_when_grown():
    index = SparseIndex(TEXTS[:2])
    index.add(TEXTS[2:3])  # projected on the fitted vocabulary
    assert index.search("co-production agreements", k=1)[0][0] == 2
    index.add(["Steel output rose sharply"] * 5)  # grown by half: refitted
    assert len(index) == 8 and index.search("steel output", k=1, retrievers=("char",))[0][0] >= 3


def test_unknown_retriever_is_refused():
    with pytest.raises(ValueError, match="unknown retrievers"):
        SparseIndex(TEXTS, retrievers=("dense",))
    with pytest.raises(ValueError, match="one language per text"):
        SparseIndex(TEXTS, langs=["en"])


def test_bm25_only_index_refuses_char_search():
    with pytest.raises(ValueError, match="not in this index"):
        SparseIndex(TEXTS, retrievers=("bm25",)).search("rain", retrievers=("char",))


def test_empty_texts_and_queries():
    index = SparseIndex(["", "the of and", "Rain in Paris"])
    assert index.search("rain", k=3)[0][0] == 2
    assert index.search("", k=3, retrievers=("bm25",)) == []


def test_char_scores_of_candidates_equal_the_whole_library_scores_there(index):
    everywhere = index.scores("co-production agreements signed", "char")
    chosen = index.char_scores_of("co-production agreements signed", [2, 0])
    assert chosen[[0, 2]] == pytest.approx(everywhere[[0, 2]]) and chosen[[1, 3]].tolist() == [0.0, 0.0]


def test_a_pickled_index_searches_as_the_original():
    import pickle

    original = SparseIndex(TEXTS * 60, langs=["en"] * len(TEXTS) * 60)
    original.prepare()
    copy = pickle.loads(pickle.dumps(original))
    for query in ("defence production tripled", "Ukrane sined agrements", "rain"):
        assert copy.search_detailed(query, k=20) == original.search_detailed(query, k=20)
