"""Character n-gram neighbours of a collection that changes a little between calls, each text analysed once.

Clustering a bulk ingestion's batch compares its claims with the 2,000 newest stored ones; the next
batch's pool is nearly the same texts. ``SparseIndex`` fits a new ``TfidfVectorizer`` every time, whose
Python loop over every n-gram of every text was most of a batch's cost. Here each text's n-gram counts
are kept from one call to the next and only the TF-IDF weighting (numpy and scikit-learn's C loops) is
redone per call. The cosines are those of ``SparseIndex(texts).char_neighbours`` to the last bit: the
same counts, in the same storage order, through the same ``TfidfTransformer`` and the same products.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from sources.retrieval import CHAR_LIMIT, char_vectoriser, row_neighbours

# the gram table is rebuilt from the kept texts when it holds this many times their grams (a long run
# meets millions of distinct n-grams; only the last call's texts need theirs)
COMPACT_FACTOR, COMPACT_FLOOR = 4, 1_000


class CharNgramCache:
    """``neighbours(texts, k, positions)``: ``SparseIndex(texts).char_neighbours(k, positions=…)`` with each
    text's n-gram counts kept for the next call (texts absent from a call are forgotten after it).

    >>> cache = CharNgramCache()
    >>> texts = ["exports fell 12 %", "rain", "exports fell by 12 %"]
    >>> [(i, best) for i, best, _ in cache.neighbours(texts, 2)]
    [(0, [0, 2]), (1, [1]), (2, [2, 0])]
    """

    def __init__(self) -> None:
        vectoriser = char_vectoriser()
        self._analyse = vectoriser.build_analyzer()
        # the weighting TfidfVectorizer applies after counting (sublinear tf, smoothed idf, L2 norm)
        self._weighting = {
            "norm": vectoriser.norm,
            "use_idf": vectoriser.use_idf,
            "smooth_idf": vectoriser.smooth_idf,
            "sublinear_tf": vectoriser.sublinear_tf,
        }
        self._gram_ids: dict[str, int] = {}
        # text -> (gram ids in the order the grams first occur in it, their counts)
        self._counts: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _entry(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        found = self._counts.get(text)
        if found is None:
            counts = Counter(self._analyse(text[:CHAR_LIMIT]))  # keys in order of first occurrence
            ids = self._gram_ids
            # a gram's number is only a name: new grams are numbered in any order (set difference in C)
            ids.update(zip(set(counts).difference(ids), itertools.count(len(ids))))
            found = (
                np.fromiter(map(ids.__getitem__, counts), dtype=np.int64, count=len(counts)),
                np.fromiter(counts.values(), dtype=np.float32, count=len(counts)),
            )
            self._counts[text] = found
        return found

    def rows(self, texts: Sequence[str]) -> sparse.csr_array | None:
        """The TF-IDF rows of ``texts`` as ``SparseIndex`` makes them (None when no text has an n-gram).

        Columns are numbered in order of first occurrence across ``texts``, as CountVectorizer numbers
        them before sorting its vocabulary by name; rows keep that order, as its matrix does, so every
        sum of products adds the same terms in the same order. (Names of columns change no value.)"""
        parts = [self._entry(text) for text in texts]
        lengths = np.fromiter((len(ids) for ids, _ in parts), dtype=np.int64, count=len(parts))
        if not lengths.sum():
            self._forget(set(texts), 0)
            return None
        ids = np.concatenate([ids for ids, _ in parts])
        values = np.concatenate([counts for _, counts in parts])
        unique, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        self._forget(set(texts), len(unique))
        rank = np.empty(len(unique), dtype=np.int64)
        rank[np.argsort(first, kind="stable")] = np.arange(len(unique))
        indptr = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        counts = sparse.csr_array((values, rank[inverse], indptr), shape=(len(parts), len(unique)))
        counts.sort_indices()
        return TfidfTransformer(**self._weighting).fit_transform(counts).tocsr()

    def neighbours(
        self, texts: Sequence[str], k: int, *, positions: Iterable[int] | None = None
    ) -> Iterator[tuple[int, list[int], np.ndarray]]:
        """For each text (or those at ``positions``): its position, the ``k`` texts most like it by
        character n-grams (best first, itself included) and its cosine with every text."""
        rows = self.rows(texts)
        if rows is None:
            return iter(())
        wanted = list(range(len(texts))) if positions is None else list(positions)
        return row_neighbours(rows, rows.T.tocsr(), k, wanted)

    def _forget(self, kept: set[str], grams: int) -> None:
        """Keep only the counts of ``kept`` (which hold ``grams`` distinct n-grams); renumber the grams
        once the table is mostly forgotten ones."""
        self._counts = {text: entry for text, entry in self._counts.items() if text in kept}
        if len(self._gram_ids) <= COMPACT_FACTOR * max(grams, COMPACT_FLOOR):
            return
        names = {number: gram for gram, number in self._gram_ids.items()}
        self._gram_ids = {}
        for text, (ids, counts) in self._counts.items():
            renumbered = [self._gram_ids.setdefault(names[int(i)], len(self._gram_ids)) for i in ids]
            self._counts[text] = (np.asarray(renumbered, dtype=np.int64), counts)
