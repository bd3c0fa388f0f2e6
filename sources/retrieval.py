"""First-stage retrieval: BM25 on analysed words and character n-gram TF-IDF, fused by reciprocal rank.

A ``SparseIndex`` is built once and grows with ``add``: BM25 is re-indexed lazily at the next
search (fast), new texts are projected on the fitted TF-IDF vocabulary, which is refitted when
the collection has grown by half since the last fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import bm25s
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from sources.analysis import analyse, fold

RETRIEVERS: tuple[str, ...] = ("bm25", "char")
CHAR_LIMIT = 5_000  # characters of each text given to the n-gram vectoriser (long reports stay cheap)
RRF_K = 60  # the usual reciprocal-rank-fusion constant: 1 / (60 + rank)


def _char_vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(3, 5),
        preprocessor=fold,
        sublinear_tf=True,
        min_df=1,
        dtype=np.float32,
    )


def top_k(scores: np.ndarray, k: int) -> list[int]:
    """Positions of the ``k`` best positive scores, best first.

    >>> top_k(np.array([0.1, 0.0, 0.7, 0.3]), 2)
    [2, 3]
    """
    k = min(k, int(np.count_nonzero(scores > 0)))
    if k <= 0:
        return []
    best = np.argpartition(-scores, k - 1)[:k]
    return [int(i) for i in best[np.argsort(-scores[best], kind="stable")]]


class SparseIndex:
    """Texts searchable by BM25, char n-gram TF-IDF, or both fused by rank.

    >>> index = SparseIndex(["production tripled in 2023", "rain in Paris"], langs=["en", "en"])
    >>> [pos for pos, _ in index.search("defence production tripled", k=1)]
    [0]
    """

    def __init__(
        self,
        texts: Iterable[str] = (),
        *,
        langs: Iterable[str] | None = None,
        retrievers: Sequence[str] = RETRIEVERS,
    ):
        unknown = set(retrievers) - set(RETRIEVERS)
        if unknown:
            raise ValueError(f"unknown retrievers {sorted(unknown)}; choose among {RETRIEVERS}")
        self.retrievers = tuple(retrievers)
        self.tokens: list[list[str]] = []
        self._texts: list[str] = []
        self._bm25: bm25s.BM25 | None = None
        self._vectoriser: TfidfVectorizer | None = None
        # features x texts: a query's few n-grams select a few rows (12x faster than texts x features)
        self._columns: sparse.csr_matrix | None = None
        self._fitted_size = 0
        self.add(texts, langs=langs)

    def __len__(self) -> int:
        return len(self.tokens)

    def add(self, texts: Iterable[str], *, langs: Iterable[str] | None = None) -> None:
        """Index more texts (positions continue after the existing ones)."""
        texts = list(texts)
        lang_list = list(langs) if langs is not None else ["en"] * len(texts)
        if len(lang_list) != len(texts):
            raise ValueError("give one language per text")
        self.tokens.extend(analyse(text, lang) for text, lang in zip(texts, lang_list, strict=True))
        self._bm25 = None
        if "char" not in self.retrievers or not texts:
            return
        clipped = [text[:CHAR_LIMIT] for text in texts]
        self._texts.extend(clipped)
        if self._vectoriser is None or len(self._texts) >= 1.5 * self._fitted_size:
            self._vectoriser = _char_vectoriser()
            self._columns = self._vectoriser.fit_transform(self._texts).T.tocsr()
            self._fitted_size = len(self._texts)
        else:
            self._columns = sparse.hstack([self._columns, self._vectoriser.transform(clipped).T]).tocsr()

    def _bm25_index(self) -> bm25s.BM25:
        if self._bm25 is None:
            self._bm25 = bm25s.BM25()
            # an empty document would break bm25s: give it a placeholder token
            self._bm25.index([t or [""] for t in self.tokens], show_progress=False)
        return self._bm25

    def scores(self, text: str, retriever: str, *, lang: str = "en") -> np.ndarray:
        """One retriever's score for every indexed text."""
        if not self.tokens:
            return np.zeros(0, dtype=np.float32)
        if retriever == "bm25":
            query = analyse(text, lang)
            if not query:
                return np.zeros(len(self), dtype=np.float32)
            return np.asarray(self._bm25_index().get_scores(query), dtype=np.float32)
        if retriever == "char" and self._columns is not None:
            vector = self._vectoriser.transform([text[:CHAR_LIMIT]])
            return np.asarray((vector @ self._columns).toarray()).ravel()
        raise ValueError(f"retriever {retriever!r} is not in this index {self.retrievers}")

    def char_similarity(self, text: str) -> np.ndarray:
        """Cosine similarity (0..1) of ``text``'s character n-grams with every indexed text."""
        return self.scores(text, "char")

    def char_neighbours(
        self, k: int, *, positions: Iterable[int] | None = None, cells: int = 4_000_000
    ) -> Iterator[tuple[int, list[int], np.ndarray]]:
        """For each indexed text (or those at ``positions``): its position, the ``k`` indexed texts most
        like it by character n-grams (best first, itself included) and its cosine with every text.

        The same cosines as ``char_similarity`` of each text, from the stored vectors a block of rows
        at a time (about ``cells`` similarities in memory): no text is vectorised again, which made
        clustering every stored claim ten times slower.

        >>> index = SparseIndex(["exports fell 12 %", "rain in Paris", "exports fell by 12 %"])
        >>> [(i, best) for i, best, _ in index.char_neighbours(2)]
        [(0, [0, 2]), (1, [1]), (2, [2, 0])]
        """
        wanted = list(range(len(self))) if positions is None else list(positions)
        if self._columns is None or not wanted:
            return
        rows = self._columns.T.tocsr()  # texts x features
        block = max(1, cells // max(1, len(self)))
        for start in range(0, len(wanted), block):
            chosen = wanted[start : start + block]
            similarities = np.asarray((rows[chosen] @ self._columns).toarray())
            for position, row in zip(chosen, similarities, strict=True):
                yield position, top_k(row, k), row

    def search(
        self,
        text: str,
        *,
        k: int = 10,
        lang: str = "en",
        retrievers: Sequence[str] | None = None,
        depth: int | None = None,
        rrf_k: int = RRF_K,
    ) -> list[tuple[int, float]]:
        """The ``k`` best (position, score); with several retrievers the score is the reciprocal-rank
        fusion of each retriever's top ``depth`` (default ``k``)."""
        return [
            (pos, fused)
            for pos, fused, _ in self.search_detailed(
                text, k=k, lang=lang, retrievers=retrievers, depth=depth, rrf_k=rrf_k
            )
        ]

    def search_detailed(
        self,
        text: str,
        *,
        k: int = 10,
        lang: str = "en",
        retrievers: Sequence[str] | None = None,
        depth: int | None = None,
        rrf_k: int = RRF_K,
    ) -> list[tuple[int, float, float]]:
        """Like ``search``, with a third value: the mean over retrievers of each score divided by
        that retriever's best score (0..1), which keeps the margins that ranks lose."""
        chosen = tuple(retrievers or self.retrievers)
        fused: dict[int, float] = {}
        normalised = []
        for retriever in chosen:
            scores = self.scores(text, retriever, lang=lang)
            ranked = top_k(scores, depth or k)
            if not ranked:
                continue
            normalised.append((scores, float(scores[ranked[0]])))
            for rank, pos in enumerate(ranked, start=1):
                gain = 1.0 / (rrf_k + rank) if len(chosen) > 1 else float(scores[pos])
                fused[pos] = fused.get(pos, 0.0) + gain
        ordered = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [
            (pos, score, sum(float(scores[pos]) / best for scores, best in normalised) / len(chosen))
            for pos, score in ordered
        ]
