"""Exact pre-checks for the number parsers: the words a text holds, read once.

Most context patterns start with a vocabulary phrase ("plus de", "about", "multiplied by").
When the phrase's first word occurs nowhere in a clause, the pattern cannot match there and
need not be run. ``Cues`` holds the clause's lower-cased letter runs; ``Keys`` the first word
(or first character, for "~", "≥", "#") of every phrase of one pattern, built from the tables.

The check is exact, not a heuristic: a pattern gated by ``Keys`` must put its phrase after a
non-word character (``(?<![\\w])``, or spaces inside the phrase) and let no letter follow the
phrase's first word, so that word is a whole letter run of the text. Callers say where that
needs a local guard. Characters whose case-insensitive matching in ``re`` differs from
``str.lower`` ("ı", "ſ", "İ") or that are word characters without being letters or digits
("½", "²") turn the checks off for the clause: every pattern then runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LETTERS = re.compile(r"[^\W\d_]+")
_SPACES = " \u00a0\u202f"  # the spaces the number patterns allow between words
_DIGIT = re.compile(r"\d")
# Outside these ranges (ASCII, Latin-1, Latin Extended A/B, punctuation, currency signs,
# letter-like symbols, arrows and mathematical operators) a character turns the checks off;
# inside them a few are excluded: µ ¹ ² ³ ¼ ½ ¾ (word characters that are not letters),
# İ ı ſ (case-insensitive matching differs from lower-casing). tests/test_claims_numbers_cues.py proves it.
_UNUSUAL = re.compile(
    "[^\x00-\u00b1\u00b4\u00b6-\u00b8\u00ba-\u00bb\u00bf-\u012f\u0132-\u017e\u0180-\u024f"
    "\u2000-\u206f\u20a0-\u20cf\u2190-\u22ff]"
)


def suffixes(phrases: object) -> tuple[str, ...]:
    """The phrases a pattern's match may end with, lower-cased, for ``Cues.ends``.

    >>> suffixes(["Plus de", "d'", "  "])
    ('',)
    >>> suffixes(["Plus de", "d'"])
    ("d'", 'plus de')
    """
    out = {phrase.lower().rstrip() for phrase in phrases}  # type: ignore[attr-defined]
    return ("",) if "" in out else tuple(sorted(out))


@dataclass(frozen=True)
class Keys:
    """What must occur in a text for one pattern to match: a first word or a first character."""

    words: frozenset[str]
    chars: tuple[str, ...] = ()
    always: bool = False  # a phrase starting with a digit: no cheap check
    char_pattern: re.Pattern[str] | None = None  # finds any of ``chars``


def keys(phrases: object, *, longest: bool = False) -> Keys:
    """The first word of each phrase, lower-cased; the first character of a phrase that starts
    with neither a letter nor a space. With ``longest``, the longest word of a phrase that
    starts with a letter (rarer than the first: "dizaines" in "des dizaines"); the pattern
    must then let no letter touch the phrase's end either.

    >>> k = keys(["plus de", " fois", "≥", "d'"])
    >>> sorted(k.words), k.chars
    (['d', 'fois', 'plus'], ('≥',))
    >>> sorted(keys(["des dizaines", "a doublé", "many thousands of"], longest=True).words)
    ['dizaines', 'doublé', 'thousands']
    """
    words: set[str] = set()
    chars: set[str] = set()
    always = False
    for phrase in phrases:  # type: ignore[attr-defined]
        low = phrase.lower().lstrip(" \u00a0\u202f")
        if not low:
            always = True
            continue
        first = _LETTERS.match(low)
        if first is not None and longest:
            words.add(max(_LETTERS.findall(low), key=len))
        elif first is not None:
            words.add(first.group())
        elif low[0].isdigit() or low[0] == "_" or _UNUSUAL.match(low[0]):
            always = True
        else:
            chars.add(low[0])
    found = re.compile("[" + re.escape("".join(sorted(chars))) + "]") if chars else None
    return Keys(frozenset(words), tuple(sorted(chars)), always, found)


class Cues:
    """A clause's letter runs (lower-cased) and whether it holds a digit (a plain class with
    slots: one is built per clause)."""

    __slots__ = ("digit", "lower", "text", "words")

    def __init__(self, text: str, lower: str, words: set[str] | None, digit: bool) -> None:
        self.text = text
        self.lower = lower
        self.words = words  # None: unusual characters, every check says yes
        self.digit = digit

    def ends(self, start: int, end: int, suffixes: tuple[str, ...]) -> bool:
        """Whether ``text[start:end]``, trailing spaces dropped, ends with one of ``suffixes``
        (lower-cased, see ``suffixes``): a pattern anchored at ``end`` whose match ends in one
        of those phrases and spaces can match in that window only then. Exact, and far
        cheaper than searching the window."""
        if self.words is None:
            return True
        return self.lower[start:end].rstrip().endswith(suffixes)

    def next_word(self, pos: int) -> str:
        """What follows ``pos`` past spaces: its letter run or its one character, lower-cased;
        "" at the end. Only for usual texts (``words`` not None)."""
        lower = self.lower
        size = len(lower)
        while pos < size and lower[pos] in _SPACES:
            pos += 1
        if pos == size:
            return ""
        run = _LETTERS.match(lower, pos)
        return run.group() if run is not None else lower[pos]

    def may_follow(self, pos: int, k: Keys, prefixes: tuple[str, ...] = ()) -> bool:
        """Whether a pattern anchored at ``pos`` (spaces, then a phrase of ``k``) may match:
        the word after the spaces is a first word of ``k`` (or starts with one of
        ``prefixes``, for phrases a letter may follow), or its character is a first character."""
        if self.words is None or k.always:
            return True
        word = self.next_word(pos)
        return word in k.words or word in k.chars or (bool(prefixes) and word.startswith(prefixes))

    def has(self, k: Keys) -> bool:
        """Whether a pattern gated by ``k`` may match somewhere in the text."""
        words = self.words
        if words is None or k.always or not words.isdisjoint(k.words):
            return True
        return k.char_pattern is not None and k.char_pattern.search(self.text) is not None


def clause_cues(text: str) -> Cues:
    """Read ``text`` once for the checks.

    >>> c = clause_cues("Plus de 250 fabricants")
    >>> c.has(keys(["plus de"])), c.has(keys(["environ", "~"])), c.digit
    (True, False, True)
    """
    lower = text.lower()
    digit = _DIGIT.search(text) is not None
    if not text.isascii() and (_UNUSUAL.search(text) is not None or len(lower) != len(text)):
        return Cues(text, lower, None, digit)
    return Cues(text, lower, set(_LETTERS.findall(lower)), digit)


class GateTable:
    """Several patterns' ``Keys`` read in one pass over a clause's cues: bit ``i`` of
    ``mask(cue)`` says pattern ``i`` may match (cheaper than one ``Cues.has`` per pattern).

    >>> table = GateTable([keys(["plus de"]), keys(["environ", "~"]), keys(["7 fois"])])
    >>> bin(table.mask(clause_cues("environ 40")))
    '0b110'
    """

    __slots__ = ("always", "char_bits", "char_pattern", "word_bits", "words")

    def __init__(self, gates: list[Keys]) -> None:
        self.word_bits: dict[str, int] = {}
        self.char_bits: dict[str, int] = {}
        self.always = 0
        for i, k in enumerate(gates):
            for word in k.words:
                self.word_bits[word] = self.word_bits.get(word, 0) | 1 << i
            for char in k.chars:
                self.char_bits[char] = self.char_bits.get(char, 0) | 1 << i
            if k.always:
                self.always |= 1 << i
        self.words = frozenset(self.word_bits)
        chars = "".join(sorted(self.char_bits))
        self.char_pattern = re.compile("[" + re.escape(chars) + "]") if chars else None

    def mask(self, cue: Cues) -> int:
        """The patterns that may match in the clause read by ``cue``."""
        if cue.words is None:
            return -1  # every bit set
        bits = self.always
        word_bits = self.word_bits
        for word in cue.words & self.words:
            bits |= word_bits[word]
        if self.char_pattern is not None:
            for char in self.char_pattern.findall(cue.text):
                bits |= self.char_bits[char]
        return bits
