"""The clustering's kept n-gram counts: the neighbours and cosines of a fresh SparseIndex, call after call."""

import random

import numpy as np
import pytest

from sources import ngram_cache
from sources.ngram_cache import CharNgramCache
from sources.retrieval import SparseIndex

WORDS = [
    *[
        "exports",
        "fell",
        "rose",
        "unemployment",
        "inflation",
        "reached",
        "percent",
        "billion",
        "million",
        "euros",
        "ministry",
        "said",
    ],
    *[
        "la",
        "production",
        "a",
        "triplé",
        "selon",
        "le",
        "ministère",
        "des",
        "accords",
        "signés",
        "défense",
        "année",
        "chômage",
        "baissé",
    ],
]


def _texts(count: int, seed: int) -> list[str]:
    """Short claims with figures, a third of them repeated word for word or with one word changed."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.33:
            words = rng.choice(texts).split()
            words[rng.randrange(len(words))] = rng.choice(WORDS)
            texts.append(" ".join(words) if rng.random() < 0.5 else rng.choice(texts))
        else:
            words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
            words.insert(rng.randrange(len(words)), f"{rng.randint(1, 99)}%")
            texts.append(" ".join(words))
    return texts


def _same(first, second) -> None:
    first, second = list(first), list(second)
    assert [(i, best) for i, best, _ in first] == [(i, best) for i, best, _ in second]
    for (_, _, a), (_, _, b) in zip(first, second, strict=True):
        assert np.array_equal(a, b)  # to the last bit: scores are rounded and compared with a threshold


@pytest.mark.parametrize("compact", [False, True])
def test_batch_after_batch_the_neighbours_are_a_fresh_index_s(monkeypatch, compact):
    if compact:  # the gram table renumbered after nearly every call
        monkeypatch.setattr(ngram_cache, "COMPACT_FACTOR", 1)
        monkeypatch.setattr(ngram_cache, "COMPACT_FLOOR", 1)
    texts = _texts(900, seed=7)
    cache = CharNgramCache()
    for start in range(0, 600, 150):  # a batch of 150 new texts, then the 300 before it, newest first
        window = texts[start + 300 : start + 450] + texts[start : start + 300][::-1]
        positions = range(150)
        _same(
            cache.neighbours(window, 11, positions=positions),
            SparseIndex(window).char_neighbours(11, positions=positions),
        )


def test_texts_without_ngrams_and_an_empty_call_give_no_neighbours():
    cache = CharNgramCache()
    assert list(cache.neighbours([], 3)) == []
    assert list(cache.neighbours(["", "  "], 3)) == []
    _same(
        cache.neighbours(["", "exports fell 12%"], 2),
        SparseIndex(["", "exports fell 12%"]).char_neighbours(2),
    )


def test_only_the_last_call_s_texts_are_kept():
    cache = CharNgramCache()
    list(cache.neighbours(["exports fell 12%", "rain in Paris"], 2))
    list(cache.neighbours(["rain in Paris", "inflation reached 8%"], 2))
    assert set(cache._counts) == {"rain in Paris", "inflation reached 8%"}
