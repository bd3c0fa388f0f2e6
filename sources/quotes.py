"""Locate a quote in a source's text: exact, fuzzy (reworded, retyped) or absent."""

from __future__ import annotations

from rapidfuzz import fuzz

from sources.models import QuoteMatch

# Typographic quotes, apostrophes and spaces that retyping changes; all map one char to one char.
_SAME = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"',
                       "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-"})  # fmt: skip


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
    start, end = alignment.dest_start, alignment.dest_end
    # widen to whole words: the alignment may cut a word in two
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return QuoteMatch("fuzzy", alignment.score, (start, end), text[start:end])
