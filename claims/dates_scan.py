"""Make the date rules cheap to scan without changing what they match.

Python's regex engine tries a pattern at every position of its window. A rule that opens with
optional words ("from", "the", "last"...) pays for every one of them at every position, although
a match can only begin with a few characters. ``first_char_guard`` computes that set of first
characters from the parsed pattern and puts it in front as a lookahead, so most positions fail
on one class test. The match itself is unchanged: the guard only rejects positions where the
pattern could not have matched anyway.
"""

from __future__ import annotations

import re
from re import _constants as C
from re import _parser as P

from claims.dates_lexicon import ACCENTS, fold, word_trie

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
_UNKNOWN = None  # "any character may come first": no guard


_WORD_START = r"(?<![^\W\d_])"  # the lexicon's LETTER_BEFORE: no letter just before
_WORD_START_PARSED = P.parse(_WORD_START).data[0][1]  # (direction, body) of the lookbehind


def _seq(items, word_start: bool = False) -> tuple[list | None, bool]:
    """The class items a match of ``items`` may begin with, each paired with whether the match
    must then start a word (no letter before it); and whether the match may be empty."""
    out: list = []
    for op, av in items:
        if op is C.AT or op is C.ASSERT:
            continue  # zero-width: the next item still holds the first character
        if op is C.ASSERT_NOT:
            if not av[1].data:  # "(?!)": this branch never matches
                return out, False
            word_start = word_start or (av[0], av[1].data) == (
                _WORD_START_PARSED[0],
                _WORD_START_PARSED[1].data,
            )
            continue
        if op is C.LITERAL:
            return [*out, (word_start, (op, av))], False
        if op is C.IN:
            if any(o is C.NEGATE for o, _ in av):
                return _UNKNOWN, False
            return [*out, *((word_start, item) for item in av)], False
        if op is C.SUBPATTERN:
            first, empty = _seq(av[3].data, word_start)
        elif op is C.BRANCH:
            first, empty = [], False
            for alt in av[1]:
                sub, sub_empty = _seq(alt.data, word_start)
                if sub is None:
                    return _UNKNOWN, False
                first, empty = first + sub, empty or sub_empty
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            first, empty = _seq(av[2].data, word_start)
            empty = empty or av[0] == 0
        else:  # a back-reference, "any character"...: give up
            return _UNKNOWN, False
        if first is None:
            return _UNKNOWN, False
        out += first
        if not empty:
            return out, False
    return out, True


def _class(items) -> str | None:
    parts = set()
    for op, av in items:
        if op is C.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORIES and av is not C.CATEGORY_SPACE:
            parts.add(_CATEGORIES[av])
        else:  # a space may open a match: nearly every position qualifies, keep the rule as is
            return None
    return "[" + "".join(sorted(parts)) + "]" if parts else ""


def first_char_guard(pattern: str, flags: int) -> str | None:
    r"""``pattern`` behind a lookahead for the characters its matches can start with; None when
    it can never match (a vocabulary list left empty, as "(?!)").

    Characters that open a word only where no letter precedes them (the pattern says so with a
    lookbehind) are tested with that lookbehind too, so the middle of a word is skipped at once.

    >>> first_char_guard(r"(?:the\s)?\d+", re.IGNORECASE)
    '(?=[\\dt])(?:the\\s)?\\d+'
    >>> first_char_guard(r"(?<![^\W\d_])the|\d", re.IGNORECASE)
    '(?=[\\dt])(?:(?=[\\d])|(?<![^\\W\\d_]))(?<![^\\W\\d_])the|\\d'

    Unchanged when a match could be empty or could start with any character (the lookahead
    would then reject nothing, or reject an empty match).
    """
    first, empty = _seq(P.parse(pattern, flags).data)
    if first == [] and not empty:
        return None
    if first is None or empty:
        return pattern
    anywhere = _class([item for start, item in first if not start])
    at_start = _class([item for start, item in first if start])
    if anywhere is None or at_start is None:
        return pattern
    # one class test first (most positions fail there), the word start only where it passed
    guard = f"(?={_class([item for _, item in first])})"
    if at_start:
        guard += f"(?:(?={anywhere})|{_WORD_START})" if anywhere else _WORD_START
    return guard + pattern


def word_scanner(words, *, whole: bool = True) -> re.Pattern[str]:
    """One case-sensitive regex finding any of the lower-case ``words`` (whole at its end).

    A trie whose branches each open with a literal, so the engine skips ahead to the letters
    that can start a word. The start of the word is left to the caller: a lookbehind there
    would hide those literals from the engine.

    >>> [m.group() for m in word_scanner(["mai", "mars"]).finditer("en mai, mars")]
    ['mai', 'mars']
    """
    root: dict = {}
    for word in sorted(set(words)):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie(root, whole))


def _trie(node: dict, whole: bool) -> str:
    alts = [re.escape(ch) + _trie(child, whole) for ch, child in node.items() if ch]
    if "" in node:
        if not whole:  # a shorter word is enough: the longer ones need not be tried
            return ""
        alts.append(r"(?![^\W\d_])")  # the word ends here: no letter follows
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_WIDEST: dict[int, tuple[re.Pattern[str], int]] = {}  # by id: hashing a Pattern hashes its code


def _widest(pattern: re.Pattern[str]) -> int:
    known = _WIDEST.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _WIDEST[id(pattern)] = (pattern, P.parse(pattern.pattern, pattern.flags).getwidth()[1])
    return known[1]


def tail_search(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    """``pattern.search(text, start, end)`` for a pattern that ends in ``$``.

    Its match ends at ``end`` (or just before a final newline), so it starts no further back
    than the pattern's widest match: the positions before that are not tried at all.

    >>> tail_search(re.compile(r"(?:since|by)\\s?$"), "up since", 0).span()
    (3, 8)
    """
    end = len(text) if end is None else min(end, len(text))  # as search() clamps it
    return pattern.search(text, max(start, end - _widest(pattern) - 1), end)


def plain_table(accents: dict[str, str]) -> dict[int, str]:
    """``str.translate`` table taking every accented variant of the lexicon's letters to the
    bare letter the patterns fold it to ("é" -> "e"), one character for one."""
    return str.maketrans({v: base for base, variants in accents.items() for v in variants if v != base})


def _risky_characters() -> frozenset[str]:
    """Characters the plain text cannot stand for: the regex engine matches them to another
    letter under IGNORECASE ("ſ" to "s", "K" to "k"), or Python counts them as digits ("²")."""
    try:
        from re._casefix import _EXTRA_CASES as extra
    except ImportError:  # pragma: no cover - another Python: every non-ASCII text is then risky
        return frozenset(chr(i) for i in range(128, 0x110000))
    cased = {chr(c) for key, others in extra.items() for c in (key, *others)}
    digits = (chr(i) for i in range(128, 0x110000) if chr(i).isdigit())
    odd = {c for c in digits if not re.match(r"\d", c) and re.match(r"\w", c)}
    return frozenset(c for c in cased | odd if not c.isascii())


RISKY = _risky_characters()
_PLAIN = plain_table(ACCENTS)


def plain_text(text: str) -> str | None:
    """``text`` lower-cased with the lexicon's accents taken off, offsets unchanged, for the
    gates; None when a character could make a rule match where the plain text says it cannot.

    >>> plain_text("Début 2024, l’ÉTÉ")
    'debut 2024, l’ete'
    """
    if text.isascii():  # no accent to take off (and no risky character)
        return text.lower()
    if not RISKY.isdisjoint(text):
        return None
    plain = text.lower().translate(_PLAIN)
    return plain if len(plain) == len(text) else None


def word_gate(phrases) -> re.Pattern[str] | None:
    """A case-sensitive regex for one word of each vocabulary phrase, to search in plain text.

    A pattern built on ``alternation(phrases)`` holds that word in every match, followed by a
    non-letter (a separator, or the end of the phrase), so a window of plain text without any of
    them cannot match. The longest such word is taken (the rarest); the branches open with
    literals, so the engine skips straight to their first letters.

    >>> [m.group() for m in word_gate(["il y a", "dans", "d'ici"]).finditer("il y a, dans, d'ici")]
    ['il', 'dans', 'ici']
    """
    words, whole = set(), True
    for phrase in phrases:
        key = fold(phrase) + ("-" if phrase.endswith("-") else "")
        tokens = [
            m for m in re.finditer(r"[^\W\d_]+", key) if m.end() < len(key) or not key.endswith(("'", "-"))
        ]
        if not tokens:  # "l'", "mi-": a letter may follow; the bare word still must be there
            tokens, whole = list(re.finditer(r"[^\W\d_]+", key)), False
        if not tokens:
            return None
        words.add(max((m.group() for m in tokens), key=len))
    return word_scanner(words, whole=whole) if words else None


def plain_alternation(words, *, bounded: bool = True) -> str:
    """``dates_lexicon.alternation(words)`` for plain text (see ``claims.dates._plain``): bare
    letters instead of accent classes, no lookbehind in front, so that its branches open with
    literals. For gates only: it may match where ``alternation`` does not, never the reverse.

    >>> plain_alternation(["l'", "le", "la"])
    "l(?:['’]\\\\s?|a(?![^\\\\W\\\\d_])|e(?![^\\\\W\\\\d_]))"
    """
    keys = {fold(w) + ("-" if w.endswith("-") else "") for w in words if fold(w)}
    if not keys:
        return "(?!)"
    return _plain_trie(word_trie(keys, r"(?![^\W\d_])" if bounded else ""))


_PLAIN_CHARS = {" ": r"[\s\-]{1,3}", "'": r"['’]\s?", "-": r"[\s\-]{0,2}"}  # as the lexicon's


def _plain_trie(node: dict) -> str:
    alts = [_PLAIN_CHARS.get(ch, re.escape(ch)) + _plain_trie(child) for ch, child in node.items() if ch]
    if "" in node:
        alts.append(node[""])
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
