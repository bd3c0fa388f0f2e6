"""Runs of characters that are no words: an encoded image, a hash or a token pasted with an article.

The claim engine reads no claim from them and the language model does not weigh them, so a blob never
becomes a claim, swallows the sentence beside it or hides the article's language.
"""

from __future__ import annotations

import re

from claims.models import Span

MAX_WORD = 60
"""A run of this many characters without a space is no word of any language we read (an encoded image,
a hash, a token pasted with the text; the longest English and French words are under 50 letters): it is
left out of the sentences and ends the one before it, so it never becomes or swallows a claim. Web and
e-mail addresses are kept, and so is text in a script written without spaces (Chinese, Japanese, Thai...)."""

_LONG_RUN = re.compile(rf"\S{{{MAX_WORD},}}")
_ADDRESS = re.compile(r"://|^\W*www\.|@|^\W*[\w-]+(?:\.[\w-]+)+/", re.IGNORECASE)  # "site.org/a/b" too
# Thai, Lao, Myanmar, Khmer, kana, CJK ideographs, Hangul, fullwidth forms: scripts whose runs need no space
_UNSPACED_SCRIPT = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
)


def _is_non_word(run: str) -> bool:
    """Whether a long run without a space is no word: neither an address nor text in an unspaced script."""
    return not _ADDRESS.search(run) and not _UNSPACED_SCRIPT.search(run)


def non_word_runs(text: str, offset: int = 0) -> list[Span]:
    """Where ``text`` holds runs of MAX_WORD or more characters without a space, other than web and e-mail
    addresses and text in a script written without spaces (spans moved by ``offset``): no claim is read
    from them.

    >>> non_word_runs("Rose 5%. " + "iVBORw0KGgo" * 6 + " https://example.org/" + "a" * 60)
    [(9, 75)]
    """
    return [
        (offset + m.start(), offset + m.end()) for m in _LONG_RUN.finditer(text) if _is_non_word(m.group())
    ]


def without_non_words(text: str) -> str:
    """``text`` with each run of ``non_word_runs`` replaced by a space (what a language model should read).

    >>> without_non_words("Prices rose. " + "Zm9v" * 20 + " Wages fell.")
    'Prices rose.   Wages fell.'
    """
    return _LONG_RUN.sub(lambda m: " " if _is_non_word(m.group()) else m.group(), text)
