"""First-stage retrieval: BM25 on analysed words and character n-gram TF-IDF, fused by reciprocal rank.

A ``SparseIndex`` is built once and grows with ``add``: BM25 is re-indexed lazily at the next
search (fast), new texts are projected on the fitted TF-IDF vocabulary, which is refitted when
the collection has grown by half since the last fit.

When both retrievers are asked, the character n-grams re-score BM25's best ``CHAR_CANDIDATES``
texts instead of the whole library: a query's common n-grams (" th", "ion") occur in nearly every
text, so scoring them all cost ten times BM25's time at 100,000 sources; scoring a few hundred
candidate rows costs a fraction of it. When BM25 finds fewer than the depth asked (misspelt or
out-of-vocabulary queries), the n-grams score the whole library as before, so their recall stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import bm25s
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from sources.analysis import analyse, fold

RETRIEVERS: tuple[str, ...] = ("bm25", "char")
CHAR_LIMIT = 5_000  # characters of each text given to the n-gram vectoriser (long reports stay cheap)
RRF_K = 60  # the usual reciprocal-rank-fusion constant: 1 / (60 + rank)
CHAR_CANDIDATES = 200  # BM25's best texts the character n-grams re-score (chosen on train, see BENCHMARKS)


def char_vectoriser() -> TfidfVectorizer:
    """The character n-gram TF-IDF of every index (and of the clustering cache in ngram_cache)."""
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


def row_neighbours(
    rows: sparse.csr_matrix,
    columns: sparse.csr_matrix,
    k: int,
    wanted: Sequence[int],
    *,
    cells: int = 4_000_000,
) -> Iterator[tuple[int, list[int], np.ndarray]]:
    """For each row at ``wanted``: its position, its ``k`` best rows by cosine and its cosine with every row
    (``rows`` are L2-normalised TF-IDF rows, ``columns`` their transpose), a block of about ``cells``
    similarities at a time."""
    block = max(1, cells // max(1, rows.shape[0]))
    for start in range(0, len(wanted), block):
        chosen = list(wanted[start : start + block])
        similarities = np.asarray((rows[chosen] @ columns).toarray())
        for position, row in zip(chosen, similarities, strict=True):
            yield position, top_k(row, k), row


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
        # texts x features: candidate texts are a few rows; the features x texts transpose (a whole-
        # library query touches only its own n-grams' rows) is made when first needed
        self._rows: sparse.csr_matrix | None = None
        self._transposed: sparse.csr_matrix | None = None
        self._fitted_size = 0
        self.add(texts, langs=langs)

    def __len__(self) -> int:
        return len(self.tokens)

    def add(
        self,
        texts: Iterable[str],
        *,
        langs: Iterable[str] | None = None,
        extra: Iterable[Sequence[str]] | None = None,
    ) -> None:
        """Index more texts (positions continue after the existing ones); ``extra`` gives each text
        index terms beyond its own words (already analysed: another language's words for them)."""
        texts = list(texts)
        lang_list = list(langs) if langs is not None else ["en"] * len(texts)
        extra_list = [list(terms) for terms in extra] if extra is not None else [[]] * len(texts)
        if len(lang_list) != len(texts):
            raise ValueError("give one language per text")
        if len(extra_list) != len(texts):
            raise ValueError("give one list of extra terms per text")
        for text, lang, terms in zip(texts, lang_list, extra_list, strict=True):
            own = analyse(text, lang)
            # an extra term the text already has is not counted twice (BM25 would weigh it up)
            seen = set(own)
            self.tokens.append(own + [t for t in dict.fromkeys(terms) if t not in seen])
        self._bm25 = None
        if "char" not in self.retrievers or not texts:
            return
        clipped = [text[:CHAR_LIMIT] for text in texts]
        self._texts.extend(clipped)
        self._transposed = None
        if self._vectoriser is None or len(self._texts) >= 1.5 * self._fitted_size:
            self._vectoriser = char_vectoriser()
            self._rows = self._vectoriser.fit_transform(self._texts).tocsr()
            self._fitted_size = len(self._texts)
        else:
            self._rows = sparse.vstack([self._rows, self._vectoriser.transform(clipped)]).tocsr()

    @property
    def _columns(self) -> sparse.csr_matrix | None:
        """Features x texts (made once per change): a whole-library query selects its n-grams' rows."""
        if self._transposed is None and self._rows is not None:
            self._transposed = self._rows.T.tocsr()
        return self._transposed

    def prepare(self) -> None:
        """Build what is otherwise built at the first search (the BM25 index), e.g. before saving."""
        if self.tokens:
            self._bm25_index()

    def __getstate__(self) -> dict:
        # the transposed n-gram matrix is derived: not saved (made again when a query needs it)
        return {**self.__dict__, "_transposed": None}

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
        if retriever == "char" and self._rows is not None:
            return np.asarray((self._char_vector(text) @ self._columns).toarray()).ravel()
        raise ValueError(f"retriever {retriever!r} is not in this index {self.retrievers}")

    def char_scores_of(self, text: str, positions: Sequence[int]) -> np.ndarray:
        """Character n-gram cosines of ``text`` with the texts at ``positions`` only (others stay 0):
        those rows of the matrix times the query as a dense vector (scipy's C loops, one pass each)."""
        scores = np.zeros(len(self), dtype=np.float32)
        if self._rows is None or not len(positions):
            return scores
        columns, weights = self._char_weights(text)
        query = np.zeros(self._rows.shape[1], dtype=np.float32)  # calloc: only touched pages cost
        query[columns] = weights
        chosen = np.asarray(positions, dtype=np.int64)
        scores[chosen] = self._rows[chosen] @ query
        return scores

    def _char_weights(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One query's TF-IDF entries (columns, weights) as the fitted vectoriser's ``transform`` makes
        them (sublinear tf x idf, L2-normalised), without its per-call input checks: those cost more
        than the scoring itself."""
        vocabulary = self._vectoriser.vocabulary_
        counts = Counter(self._vectoriser.build_analyzer()(text[:CHAR_LIMIT]))
        found = sorted((vocabulary[gram], n) for gram, n in counts.items() if gram in vocabulary)
        columns = np.fromiter((j for j, _ in found), dtype=np.int64, count=len(found))
        weights = np.log(np.fromiter((n for _, n in found), dtype=np.float64, count=len(found))) + 1.0
        weights *= self._vectoriser.idf_[columns]
        norm = np.sqrt(np.dot(weights, weights))
        return columns, (weights / norm if norm else weights).astype(np.float32)

    def _char_vector(self, text: str) -> sparse.csr_matrix:
        """One query's TF-IDF row (1 x features) for products with the whole library."""
        columns, weights = self._char_weights(text)
        width = len(self._vectoriser.idf_)
        return sparse.csr_matrix((weights, columns, np.array([0, len(columns)])), shape=(1, width))

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
        if self._columns is None:
            return iter(())
        return row_neighbours(self._rows, self._columns, k, wanted, cells=cells)

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
        among: Sequence[int] = (),
        among_k: int = 0,
    ) -> list[tuple[int, float, float]]:
        """Like ``search``, with a third value: the mean over retrievers of each score divided by
        that retriever's best score (0..1), which keeps the margins that ranks lose.

        ``among``/``among_k``: the ``among_k`` best of these positions by the first retriever are
        returned too, after the ``k`` best (a filter's few texts that the whole ranking left out: the
        series of the country a claim names, when many other countries' series share its words)."""
        chosen = tuple(retrievers or self.retrievers)
        fused: dict[int, float] = {}
        normalised = []
        candidates: list[int] | None = None
        extra: list[int] = []
        wanted = depth or k
        order = sorted(chosen, key=RETRIEVERS.index)
        for retriever in order:  # BM25 first: it picks the candidates
            if retriever == "char" and candidates is not None and len(candidates) >= wanted:
                scores = self.char_scores_of(text, list(dict.fromkeys(candidates + extra)))
            else:
                scores = self.scores(text, retriever, lang=lang)
            if among_k and retriever == order[0] and len(among):
                subset = np.asarray(among, dtype=np.int64)
                extra = [int(subset[i]) for i in top_k(scores[subset], among_k)]
            if retriever == "bm25" and "char" in chosen:
                candidates = top_k(scores, max(CHAR_CANDIDATES, wanted))
            # each ranking by top_k over the library's positions, as before candidates: equal scores
            # (frequent in BM25) keep the order they had; taking the head of the candidates or ranking
            # among them instead reorders ties and cost 1 point of dev MAP@5 (bench/retrieval.py)
            ranked = top_k(scores, wanted)
            if not ranked:
                continue
            normalised.append((scores, float(scores[ranked[0]])))
            for rank, pos in enumerate(ranked, start=1):
                gain = 1.0 / (rrf_k + rank) if len(chosen) > 1 else float(scores[pos])
                fused[pos] = fused.get(pos, 0.0) + gain
        ordered = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
        kept = {pos for pos, _ in ordered}
        ordered += [(pos, fused.get(pos, 0.0)) for pos in extra if pos not in kept]
        return [
            (pos, score, sum(float(scores[pos]) / best for scores, best in normalised) / len(chosen))
            for pos, score in ordered
        ]
