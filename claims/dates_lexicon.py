"""A language's date words folded for lookup and turned into bounded regex alternations.

Accents, case, apostrophes and hyphen/space variants are folded, so "Decembre", "décembre"
and "DÉCEMBRE" are one word; a vocabulary table lists each word once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from claims.vocabulary import load

ACCENTS = {"a": "aàâä", "e": "eéèêë", "i": "iîï", "o": "oôö", "u": "uùûü", "c": "cç"}  # letter -> its forms
_SEPARATOR = r"[\s\-]{1,3}"  # "vingt-deux", "vingt deux", "mid-" and "mid "
LETTER_BEFORE = r"(?<![^\W\d_])"  # not glued to a preceding letter
LETTER_AFTER = r"(?![^\W\d_])"  # not glued to a following letter


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, one apostrophe, hyphens as spaces.

    >>> fold("Août  l’An-Dernier")
    "aout l'an dernier"

    Cached: the same few words (month names, connectors) are folded for every candidate date.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\-]+", " ", bare).strip()


def _char_pattern(ch: str) -> str:
    if ch in ACCENTS:
        return f"[{ACCENTS[ch]}]"
    if ch == " ":
        return _SEPARATOR
    if ch == "'":
        return r"['’]\s?"
    if ch == "-":  # a trailing hyphen: "mi-2023", "mi 2023" and "mi2023"
        return r"[\s\-]{0,2}"
    return re.escape(ch)


def word_pattern(word: str) -> str:
    """A regex for ``word`` that accepts any accent, apostrophe or separator variant."""
    return "".join(_char_pattern(ch) for ch in _trie_key(word))


def _trie_key(word: str) -> str:
    return fold(word) + ("-" if word.endswith("-") else "")


_END = ""  # trie key of "a word ends here"


def _render(node: dict) -> str:
    """A trie as a regex: one test per letter instead of one per word, longest word first."""
    alts = [_char_pattern(ch) + _render(child) for ch, child in node.items() if ch != _END]
    if _END in node:
        alts.append(node[_END])
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def word_trie(keys: set[str], after: str) -> dict:
    """``keys`` as a trie of characters; where a key ends, the pattern that must follow it: ``after``,
    or nothing for a key ending in an apostrophe or hyphen ("l'", "mi-"), which may touch the next word.

    >>> word_trie({"le", "l'"}, "X")
    {'l': {"'": {'': ''}, 'e': {'': 'X'}}}
    """
    root: dict = {}
    for key in sorted(keys):
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[_END] = after if not key.endswith(("'", "-")) else ""
    return root


def alternation(words, *, bounded: bool = True) -> str:
    """All ``words`` as one non-capturing group, longest match first; never matches empty.

    Built as a trie behind a first-letter lookahead: Python's regex engine tries the branches
    of an alternation one by one at every position, so forty month names cost forty tests.
    """
    keys = {_trie_key(w) for w in words if fold(w)}
    if not keys:
        return "(?!)"
    root = word_trie(keys, LETTER_AFTER if bounded else "")
    firsts = "".join(sorted({ACCENTS.get(k[0], k[0]) for k in keys}))
    head = f"(?=[{re.escape(firsts)}])"
    return f"{LETTER_BEFORE if bounded else ''}{head}{_render(root)}"


def capitalised(words) -> str:
    """Alternation whose first letter must be upper case ("May 15", never "may be")."""
    alts = sorted({fold(w) for w in words}, key=len, reverse=True)
    if not alts:
        return "(?!)"
    body = "|".join(f"(?-i:{w[0].upper()}){word_pattern(w[1:])}" for w in alts)
    return f"{LETTER_BEFORE}(?:{body}){LETTER_AFTER}"


def _folded(table: dict) -> dict[str, object]:
    return {fold(k): v for k, v in table.items()}


@dataclass(frozen=True)
class Lexicon:
    """One language's date vocabulary, folded for lookup."""

    lang: str
    table: ModuleType
    months: dict
    weekdays: dict
    relative_days: dict
    units: dict
    shift_before: dict
    shift_after: dict
    window_before: dict
    window_after: dict
    offset_before: dict
    offset_after: dict
    offset_anchors: dict
    ordinals: dict
    cardinals: dict
    decade_words: dict
    seasons: dict
    edges: dict
    range_openers: dict
    bounds: dict
    period_of: dict

    def number(self, text: str) -> int | None:
        """A count or day written in digits, with a suffix, or in words."""
        key = fold(text)
        digits = re.match(r"\d+", key)
        if digits:
            return int(digits.group())
        if key in self.cardinals:
            return int(self.cardinals[key])
        return self.ordinals.get(key)

    def unit(self, text: str) -> str | None:
        return self.units.get(fold(text))


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """The folded date vocabulary of ``lang``."""
    table = load(lang, "dates")
    months = {**_folded(table.MONTHS), **_folded(table.MONTH_ABBREVIATIONS)}
    weekdays = {**_folded(table.WEEKDAYS), **_folded(table.WEEKDAY_ABBREVIATIONS)}
    return Lexicon(
        lang=lang,
        table=table,
        months=months,
        weekdays=weekdays,
        relative_days=_folded(table.RELATIVE_DAYS),
        units=_folded(table.UNITS),
        shift_before=_folded(table.SHIFT_BEFORE),
        shift_after=_folded(table.SHIFT_AFTER),
        window_before=_folded(table.WINDOW_BEFORE),
        window_after=_folded(table.WINDOW_AFTER),
        offset_before=_folded(table.OFFSET_BEFORE),
        offset_after=_folded(table.OFFSET_AFTER),
        offset_anchors=_folded(table.OFFSET_ANCHORS),
        ordinals=_folded(table.ORDINALS),
        cardinals=_folded(table.CARDINALS),
        decade_words=_folded(table.DECADE_WORDS),
        seasons=_folded(table.SEASONS),
        edges={fold(k): v for k, v in table.EDGES.items()},
        range_openers=_folded(table.RANGE_OPENERS),
        bounds=_folded(table.BOUND_WORDS),
        period_of=_folded(table.PERIOD_OF),
    )
