"""French and English analysers for retrieval: tokenise, lowercase, strip accents, drop stopwords, stem.

The rules live in ``sources/vocabulary/<lang>.py``; this module only applies them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sources.vocabulary import load

_TOKEN = re.compile(
    r"""
    [^\W_]+        # a run of letters or digits; apostrophes, hyphens and punctuation split words
    """,
    re.VERBOSE | re.UNICODE,
)
# Typographic apostrophes and quotes folded to ASCII so "d’accords" and "d'accords" agree.
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


def fold(text: str) -> str:
    """Lowercase, fold apostrophes and strip accents (length may change).

    >>> fold("Défense nationale d’Ukraine")
    "defense nationale d'ukraine"
    """
    if text.isascii():  # nothing to fold or strip (most English text): the same result, far faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=8)
def _tables(lang: str | None) -> tuple[frozenset[str], tuple[tuple[str, str, int], ...], tuple[str, ...]]:
    vocab = load(lang)
    stopwords = frozenset(fold(w) for w in vocab.STOPWORDS)
    return stopwords, vocab.SUFFIXES, vocab.KEEP_ENDINGS


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str | None = "en") -> str:
    """Light stemming by the language's suffix table (first matching rule wins).

    >>> stem("agreements", "en"), stem("accords", "fr"), stem("productions", "fr")
    ('agree', 'accord', 'product')
    """
    if word.isdigit():
        return word
    _, suffixes, keep = _tables(lang)
    if keep and word.endswith(keep):
        return word
    for suffix, replacement, shortest in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: len(word) - len(suffix)] + replacement
    return word


def analyse(text: str, lang: str | None = "en") -> list[str]:
    """Index terms of ``text``: folded, without stopwords or one-letter words, stemmed.

    >>> analyse("L’Ukraine a signé des dizaines d’accords", "fr")
    ['ukrain', 'sign', 'dizain', 'accord']
    """
    stopwords = _tables(lang)[0]
    return [
        stem(word, lang)
        for word in _TOKEN.findall(fold(text))
        if word not in stopwords and (len(word) > 1 or word.isdigit())
    ]


def make_analyser(lang: str | None = "en"):
    """A one-argument analyser for ``lang`` (for scikit-learn's ``analyzer=``).

    >>> make_analyser("en")("Production tripled in 2023")
    ['product', 'tripl', '2023']
    """

    def analyser(text: str) -> list[str]:
        return analyse(text, lang)

    return analyser
