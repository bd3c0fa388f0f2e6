"""Number words of one language as data the run parser reads: a lexicon with its finders.

``lexicon(lang)`` builds, once per language, the word -> (class, value) table from
``claims/vocabulary/<lang>/numbers.py`` and the compiled patterns that find number words
and the connectors ("and", "et", "point", "sur") between them, keeping offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.number_cues import Cues, Keys, keys, suffixes
from claims.vocabulary import load

_SET = object.__setattr__


@dataclass(frozen=True, init=False)
class Token:
    """One number word or digit form: ``cls`` says how it combines (unit, tens, scale...)."""

    cls: str
    value: float
    start: int
    end: int
    text: str
    plural: bool = False

    # Tokens are made by the thousand: filling the instance dict at once is twice as fast as
    # the generated frozen __init__ (one checked setattr per field).
    def __init__(self, cls: str, value: float, start: int, end: int, text: str, plural: bool = False) -> None:
        _SET(
            self,
            "__dict__",
            {"cls": cls, "value": value, "start": start, "end": end, "text": text, "plural": plural},
        )


@dataclass(frozen=True)
class Lexicon:
    """Word -> (class, value) for one language, and the regex that finds those words."""

    words: dict[str, tuple[str, float]]
    pattern: re.Pattern[str]
    lang: str
    strong: re.Pattern[str]  # words that carry a value; connectors are read from the gaps
    gap: re.Pattern[str]  # what may stand between two number words of one run
    prefix: re.Pattern[str]  # an article or sign right before a run ("a dozen", "moins quinze")
    strong_keys: Keys  # what a text must hold for ``strong`` to match (see claims.number_cues)
    prefix_ends: tuple[str, ...]  # what the text before a run ends with when ``prefix`` matches
    strong_words: frozenset[str]  # the words ``strong`` finds
    letters_only: bool  # every strong word is letters only: ``strong_tokens`` may use ``str.find``


_CLASSES = (
    ("ZERO", "zero"),
    ("UNITS", "unit"),
    ("TEENS", "teen"),
    ("TENS", "tens"),
    ("HUNDREDS", "hundred"),
    ("SCALES", "scale"),
    ("DOZENS", "dozen"),
    ("FRACTION_WORDS", "fraction"),
    ("ORDINALS", "ordinal"),
)
_FLAGS = (("ARTICLES", "article"), ("AND", "and"), ("NEGATIVE", "neg"), ("POSITIVE", "pos"))
_FLAGS += (("DECIMAL_WORDS", "point"), ("OVER", "over"))


def alternation(words: object) -> str:
    """A regex matching any of ``words``, factored as a trie: far faster than ``a|b|c`` in ``re``.

    >>> alternation(["dix", "deux", "dixième"])
    '(?:d(?:eux|ix(?:ième)?))'
    """
    trie: dict = {}
    for word in words:  # type: ignore[attr-defined]
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{build(trie)})"


@cache
def lexicon(lang: str) -> Lexicon:
    """Build (once per language) the number-word table and its finder regex.

    >>> lexicon("fr").words["quatorze"]
    ('teen', 14)
    """
    table = load(lang, "numbers")
    words: dict[str, tuple[str, float]] = {}
    for name, cls in _FLAGS:
        for word in getattr(table, name):
            words[word] = (cls, 0)
    for name, cls in _CLASSES:
        for word, value in getattr(table, name).items():
            if word not in words or words[word][0] == "article":
                words[word] = (cls, value)
    pattern = re.compile(rf"(?<![\w])(?:{alternation(words)})(?![\w])", re.IGNORECASE)
    strong_words = [w for w, (cls, _) in words.items() if cls in _VALUED]
    strong = re.compile(rf"(?<![\w])(?:{alternation(strong_words)})(?![\w])", re.IGNORECASE)
    connectors = alternation(w for w, (cls, _) in words.items() if cls not in _VALUED)
    gap = re.compile(
        rf"[\s-]{{0,6}}(?:(?P<c1>{connectors})[\s-]{{1,6}}(?:(?P<c2>{connectors})[\s-]{{1,6}})?)?\Z",
        re.IGNORECASE,
    )
    leading_words = [w for w, (cls, _) in words.items() if cls in ("article", "neg", "pos", "point")]
    prefix = re.compile(rf"(?<![\w])(?P<c>{alternation(leading_words)})[ \u00a0]{{1,3}}\Z", re.IGNORECASE)
    strong_set = frozenset(strong_words)
    letters = all(w.isalpha() and w == w.lower() for w in strong_set)
    return Lexicon(
        words,
        pattern,
        lang,
        strong,
        gap,
        prefix,
        keys(strong_words),
        suffixes(leading_words),
        strong_set,
        letters,
    )


_VALUED = frozenset({"zero", "unit", "teen", "tens", "hundred", "scale", "dozen", "fraction", "ordinal"})


def connector_tokens(lex: Lexicon, text: str, start: int, end: int) -> list[Token] | None:
    """The connectors ("and", "point", "over"...) between two number tokens, or None when
    the gap holds anything else and the run must end."""
    if end - start > 32:
        return None
    m = lex.gap.match(text, start, end)
    if m is None:
        return None
    return [_connector(lex, text, m, g) for g in ("c1", "c2") if m.group(g)]


def prefix_tokens(lex: Lexicon, text: str, start: int, maybe: bool = True) -> list[Token]:
    """An article or sign just before a run ("a dozen", "minus one", "point five").

    ``maybe`` False says the text before ``start`` does not end with a leading word
    (``Lexicon.prefix_ends``, ``Cues.ends``)."""
    if not maybe:
        return []
    m = lex.prefix.search(text, max(0, start - 16), start)
    return [_connector(lex, text, m, "c")] if m else []


def _connector(lex: Lexicon, text: str, m: re.Match[str], group: str) -> Token:
    low = m.group(group).lower()
    cls, value = lex.words[low]
    return Token(cls, float(value), m.start(group), m.end(group), low)


def strong_tokens(lex: Lexicon, text: str, cue: Cues) -> list[Token]:
    """The valued number words of ``text`` in order: what ``lex.strong`` finds.

    ``strong`` matches a whole run of word characters equal to a number word. When every
    number word is letters only, such a run is one of the clause's letter runs (``cue.words``),
    so each number word present is looked up with ``str.find`` and kept where no word
    character touches it: the same matches, without running the pattern over the text.
    """
    if cue.words is None or not lex.letters_only:
        return [word_token(lex, m) for m in lex.strong.finditer(text)]
    present = lex.strong_words.intersection(cue.words)
    if not present:
        return []
    lower = cue.lower
    size = len(lower)
    found: list[tuple[int, str]] = []
    for word in present:
        i = lower.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _is_word(lower[i - 1])) and (j == size or not _is_word(lower[j])):
                found.append((i, word))
            i = lower.find(word, i + 1)
    found.sort()
    out = []
    for i, word in found:
        cls, value = lex.words[word]
        plural = word.endswith("s") and cls in ("ordinal", "fraction", "scale", "dozen", "hundred")
        out.append(Token(cls, float(value), i, i + len(word), word, plural))
    return out


def _is_word(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern."""
    return char.isalnum() or char == "_"


def word_token(lex: Lexicon, match: re.Match[str]) -> Token:
    """The token for a word the lexicon's pattern matched."""
    low = match.group().lower()
    cls, value = lex.words[low]
    plural = low.endswith("s") and cls in ("ordinal", "fraction", "scale", "dozen", "hundred")
    return Token(cls, float(value), match.start(), match.end(), low, plural)
