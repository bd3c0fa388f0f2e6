"""Which language a text is written in, and which of the engine's languages reads it.

Two questions, two functions. ``identify_language`` says what the text is written in, any language
(py3langid's character n-gram model, 97 languages), so an article in Spanish or German is known as
such instead of being read with French or English rules. ``detect_language`` picks the engine's
language for a text that is going to be read anyway (a claim, a source's excerpt): function-word
counts, cheap enough for every claim of a library, and the fallback of ``identify_language`` when a
text is too short or too mixed for the model to be sure.
"""

from __future__ import annotations

import functools
import re

from claims.non_words import without_non_words
from claims.vocabulary import DEFAULT_LANGUAGE, LANGUAGES, load

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 20_000  # the start of a long article says its language as well as the whole
MODEL_CHARS = 3_000  # the model needs less: ~500 words decide, and its time grows with the text
MIN_MODEL_WORDS = 4  # below this the model guesses ("OK" -> Serbian, "Paris 2024" -> Latin)
# A language the engine does not read is named only when the model is fairly sure of it and finds it
# clearly likelier than the likelier of the engine's own: a French sentence full of English names, or a
# mixed text, stays with the engine's languages. (Probabilities are py3langid's, normalised by length.)
MIN_OTHER_CONFIDENCE = 0.4
MIN_OTHER_MARGIN = 2.0


@functools.cache
def _markers(lang: str) -> frozenset[str]:
    """The words that count for ``lang``: its function words and the words only it uses."""
    common = load(lang, "common")
    return common.STOPWORDS | common.LANGUAGE_MARKERS


def detect_language(text: str, *, default: str = DEFAULT_LANGUAGE) -> str:
    """The engine's language whose function words occur most often in ``text`` (``default`` if none do).

    >>> detect_language("La production a triplé en 2023 selon le ministère.")
    'fr'
    >>> detect_language("Production tripled in 2023, the ministry said.")
    'en'
    """
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS])]
    if not words:
        return default
    scores = {lang: sum(w in _markers(lang) for w in words) for lang in LANGUAGES}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default


@functools.cache
def _identifier():
    """py3langid's model with probabilities normalised (loaded once per process, under a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str, *, default: str = DEFAULT_LANGUAGE) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, which may be one the engine does not read.

    Short, mixed or unsure texts fall back to ``detect_language``: a language the engine reads.

    >>> identify_language("Die Arbeitslosenquote sank im März auf 5,9 Prozent, teilte das Amt mit.")
    'de'
    >>> identify_language("OK")
    'en'
    """
    sample = without_non_words(text)[:SAMPLE_CHARS]  # an encoded image would read as no language at all
    if len(_WORD.findall(sample)) < MIN_MODEL_WORDS:
        return detect_language(sample, default=default)
    ranked = dict(_identifier().rank(sample[:MODEL_CHARS]))
    best = max(ranked, key=ranked.__getitem__)
    if best in LANGUAGES:
        return best
    read = max(LANGUAGES, key=lambda lang: ranked.get(lang, 0.0))
    if ranked[best] >= MIN_OTHER_CONFIDENCE and ranked[best] >= MIN_OTHER_MARGIN * ranked.get(read, 0.0):
        return best
    return detect_language(sample, default=read)
