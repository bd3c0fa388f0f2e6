"""Repeated claims: claims across articles grouped by similarity of their words and figures.

Neighbours come from the same sparse index as source matching (character n-grams for wording,
analysed words for vocabulary); pairs above a threshold are linked and linked claims form a cluster.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from claims import Claim, detect_language
from sources.comparison import agrees, same_metric
from sources.figures import extract_figures
from sources.models import ClaimCluster
from sources.retrieval import SparseIndex


def _figures(claim: Claim | str, lang: str) -> tuple:
    if isinstance(claim, Claim) and claim.statistics:
        return claim.statistics
    return extract_figures(claim if isinstance(claim, str) else claim.text, lang=lang)


def figure_similarity(first: Sequence, second: Sequence) -> float:
    """1 when the claims share a figure, 0 when both give figures and none agree, 0.5 (no evidence)
    when either gives none. Vague figures ("des dizaines") share when their ranges overlap.

    >>> from sources.models import ReportedFigure
    >>> figure_similarity([ReportedFigure(3.0, "multiplier")], [ReportedFigure(3.0, "multiplier")])
    1.0
    """
    first = [f for f in first if f.value is not None or f.bound.low is not None]
    second = [f for f in second if f.value is not None or f.bound.low is not None]
    if not first or not second:
        return 0.5
    shared = any(agrees(a, b) or agrees(b, a) or _vague_overlap(a, b) for a in first for b in second)
    return 1.0 if shared else 0.0


def _vague_overlap(first, second) -> bool:
    """Two figures without a single value ("dozens", "des dizaines") whose ranges overlap."""
    if first.value is not None or second.value is not None or not same_metric(first, second):
        return False
    low_a, high_a = first.bound.low, first.bound.high if first.bound.high is not None else math.inf
    low_b, high_b = second.bound.low, second.bound.high if second.bound.high is not None else math.inf
    return low_a is not None and low_b is not None and low_a <= high_b and low_b <= high_a


def _word_similarity(first: list[str], second: list[str]) -> float:
    a, b = set(first), set(second)
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


# Linked from 0.45: text weighted 0.8 (mean of character n-gram cosine and word overlap), figures 0.2.
THRESHOLD, NEIGHBOURS, TEXT_WEIGHT = 0.45, 10, 0.8
PROGRESS_STEP = 500


def claim_similarity(
    cosine: float,
    words: tuple[list[str], list[str]],
    figures: tuple[Sequence, Sequence],
    *,
    text_weight: float = TEXT_WEIGHT,
) -> float:
    """How alike two claims are, 0 to 1: ``text_weight`` × text (mean of their character n-gram
    ``cosine`` and analysed-word overlap) + the rest × figure agreement.

    >>> claim_similarity(1.0, (["kyiv", "deal"], ["kyiv", "deal"]), ([], []))
    0.9
    """
    textual = (cosine + _word_similarity(*words)) / 2
    return round(text_weight * textual + (1 - text_weight) * figure_similarity(*figures), 4)


def most_similar(
    cosine: float, words: tuple[list[str], list[str]], *, text_weight: float = TEXT_WEIGHT
) -> float:
    """The highest ``claim_similarity`` two claims can reach whatever their figures (as if they agreed):
    below the threshold, comparing their figures is not needed (the exact same sum, so the same verdict).

    >>> most_similar(0.0, (["kyiv"], ["paris"]))
    0.2
    """
    textual = (cosine + _word_similarity(*words)) / 2
    return round(text_weight * textual + (1 - text_weight) * 1.0, 4)


class _Links:
    """Union-find over claim positions, remembering the weakest link of each group."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.weakest = [1.0] * size

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int, score: float) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a
            self.weakest[a] = min(self.weakest[a], self.weakest[b], score)


def cluster_claims(
    claims: Sequence[Claim | str],
    *,
    threshold: float = THRESHOLD,
    neighbours: int = NEIGHBOURS,
    text_weight: float = TEXT_WEIGHT,
    lang: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ClaimCluster]:
    """Groups of at least two claims that repeat one another (positions in ``claims``), largest first.

    Similarity: ``claim_similarity``; pairs at or above ``threshold`` are linked. ``progress(done, total)``
    is called as claims are compared (every ``PROGRESS_STEP`` claims and at the end).

    >>> [c.members for c in cluster_claims(["Kyiv signed dozens of arms deals", "Rain in Paris today",
    ...                                     "Kyiv has signed dozens of arms deals"])]
    [(0, 2)]
    """
    texts = [c if isinstance(c, str) else c.text for c in claims]
    langs = [lang or detect_language(t) for t in texts]
    index = SparseIndex(texts, langs=langs)
    figures = [_figures(c, lg) for c, lg in zip(claims, langs, strict=True)]
    links = _Links(len(texts))
    for i, nearest, cosines in index.char_neighbours(neighbours + 1):
        if progress is not None and ((i + 1) % PROGRESS_STEP == 0 or i + 1 == len(texts)):
            progress(i + 1, len(texts))
        for j in nearest:
            if j <= i:
                continue
            score = claim_similarity(
                float(cosines[j]),
                (index.tokens[i], index.tokens[j]),
                (figures[i], figures[j]),
                text_weight=text_weight,
            )
            if score >= threshold:
                links.join(i, j, round(score, 2))
    groups: dict[int, list[int]] = {}
    for position in range(len(texts)):
        groups.setdefault(links.find(position), []).append(position)
    clusters = [
        ClaimCluster(tuple(members), links.weakest[root])
        for root, members in groups.items()
        if len(members) > 1
    ]
    return sorted(clusters, key=lambda c: (-len(c.members), c.members))
