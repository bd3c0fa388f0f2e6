"""Locate a quote in a source's text: exact, fuzzy (reworded, retyped) or absent."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from sources.models import QuoteMatch

# Typographic quotes, apostrophes and spaces that retyping changes; all map one char to one char.
_SAME = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                       "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-"})  # fmt: skip


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")  # a word, with inner apostrophes and hyphens
_MAX_WORDS = 80  # bounds the word-pair search around an alignment


def _comparable(text: str) -> str:
    """Lowercase, typographic marks folded; the same length as ``text`` so offsets still hold."""
    folded = text.translate(_SAME)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def locate_quote(quote: str, text: str, *, threshold: float = 85.0) -> QuoteMatch:
    """Where ``quote`` sits in ``text``; spans index ``text``.

    >>> locate_quote("a signé des dizaines d'accords", "Kiev a signé des dizaines d’accords.").status
    'exact'
    >>> m = locate_quote("Kiev signed dozen of new accords", "He said Kiev signed dozens of new accords.")
    >>> m.status, m.surface
    ('fuzzy', 'Kiev signed dozens of new accords')
    """
    needle = " ".join(quote.split())
    if not needle or not text:
        return QuoteMatch("absent", 0.0)
    start = text.find(needle)
    if start < 0:
        start = _comparable(text).find(_comparable(needle))
    if start >= 0:
        end = start + len(needle)
        return QuoteMatch("exact", 100.0, (start, end), text[start:end])
    alignment = fuzz.partial_ratio_alignment(_comparable(needle), _comparable(text))
    if alignment is None or alignment.score < threshold:
        return QuoteMatch("absent", alignment.score if alignment else 0.0)
    start, end = _best_words(_comparable(needle), _comparable(text), alignment.dest_start, alignment.dest_end)
    return QuoteMatch("fuzzy", alignment.score, (start, end), text[start:end])


def _best_words(needle: str, text: str, start: int, end: int) -> tuple[int, int]:
    """The run of whole words around the aligned window that reads most like the quote."""
    slack = max(10, len(needle) // 4)
    words = [m.span() for m in _WORD.finditer(text, max(0, start - slack), min(len(text), end + slack))]
    if not words:
        return start, end
    if len(words) > _MAX_WORDS:  # a long quote: widen the aligned window to whole words instead
        inside = [w for w in words if w[1] > start and w[0] < end] or words
        return inside[0][0], inside[-1][1]
    best = (-1.0, start, end)
    for i, (first, _) in enumerate(words):
        for _, last in words[i:]:
            score = fuzz.ratio(needle, text[first:last])
            if score > best[0]:
                best = (score, first, last)
    return best[1], best[2]
