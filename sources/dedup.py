"""Duplicate sources: the same normalised URL, or a near-identical title from the same publisher."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rapidfuzz import fuzz, process

from sources.analysis import fold
from sources.models import Duplicate, Source

# Query parameters that track a click and never change the document.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|xtor|at_medium|at_campaign|ref|cmp)$", re.I)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_PUNCT = re.compile(r"[^\w\s]+")  # punctuation dropped from titles and publishers before comparing
_SPACES = re.compile(r"\s+")


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the document.

    >>> normalise_url("HTTPS://www.Example.org:443/report/?utm_source=x&b=2&a=1#part")
    'example.org/report?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = (
        f":{parts.port}" if parts.port and str(parts.port) != _DEFAULT_PORTS.get(parts.scheme.lower()) else ""
    )
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit(("", host + port, path, query, "")).removeprefix("//")


def comparable(text: str | None) -> str:
    """A title or publisher as duplicate checks compare it: folded, without punctuation or extra spaces.

    >>> comparable(" Ministère  de la Défense. ")
    'ministere de la defense'
    """
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text or ""))).strip()


_clean = comparable


def find_duplicates(
    sources: Sequence[Source], *, threshold: float = 92.0, involving: Collection[int] | None = None
) -> list[Duplicate]:
    """Pairs of sources (positions, first < second) that look like the same document.

    Titles are compared with ``fuzz.ratio`` (0..100) within each publisher. With ``involving`` only
    pairs with at least one of those positions are looked for: checking a few new sources against a
    library costs new × library comparisons, not library².

    >>> find_duplicates([Source("Défense : la production a triplé", publisher="Ministère"),
    ...                  Source("Defense: la production a triple", publisher="ministere")])
    [Duplicate(first=0, second=1, reason='title', score=100.0)]
    """
    found: dict[tuple[int, int], Duplicate] = {}
    wanted = None if involving is None else set(involving)
    by_url: dict[str, list[int]] = defaultdict(list)
    for position, source in enumerate(sources):
        if source.url:
            by_url[normalise_url(source.url)].append(position)
    for positions in by_url.values():
        for other in positions[1:]:
            if wanted is None or other in wanted or positions[0] in wanted:
                found[(positions[0], other)] = Duplicate(positions[0], other, "url", 100.0)
    by_publisher: dict[str, list[int]] = defaultdict(list)
    for position, source in enumerate(sources):
        by_publisher[_clean(source.publisher)].append(position)
    for positions in by_publisher.values():
        queries = positions if wanted is None else [p for p in positions if p in wanted]
        if len(positions) < 2 or not queries:
            continue
        titles = [_clean(sources[p].title) for p in positions]
        asked = [_clean(sources[p].title) for p in queries]
        matrix = process.cdist(asked, titles, scorer=fuzz.ratio, score_cutoff=threshold, workers=-1)
        rows, cols = matrix.nonzero()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            first, second = sorted((queries[i], positions[j]))
            if first != second and asked[i] and (first, second) not in found:
                found[(first, second)] = Duplicate(first, second, "title", float(matrix[i, j]))
    return sorted(found.values(), key=lambda d: (d.first, d.second))


def duplicates_of(source: Source, library: Sequence[Source], *, threshold: float = 92.0) -> list[Duplicate]:
    """Sources in ``library`` that ``source`` duplicates (``first`` is always -1: the new source)."""
    return [
        Duplicate(-1, d.second - 1, d.reason, d.score)
        for d in find_duplicates([source, *library], threshold=threshold)
        if d.first == 0
    ]
