"""Positions named without a number: "next", "the second to last", "l'avant-dernier".

They are not figures (the parser never reports them as statistics); they are read for the
ordinal benchmark and for callers that need "which one" rather than "how many".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.number_lexicon import alternation
from claims.vocabulary import load


@dataclass(frozen=True)
class RelativeOrdinal:
    """A relative position: ``anchor`` is "current" or "end", ``offset`` counts from it."""

    start: int
    end: int
    anchor: str
    offset: int


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    table = {k.lower(): v for k, v in load(lang, "numbers").RELATIVE_ORDINALS.items()}
    pattern = re.compile(rf"(?<![\w'’-])(?i:{alternation(table)})(?![\w'’-])")
    return pattern, table


def find_relative_ordinals(text: str, *, lang: str) -> list[RelativeOrdinal]:
    """Relative positions, in order.

    >>> [(o.anchor, o.offset) for o in find_relative_ordinals("Show me the next to last.", lang="en")]
    [('end', -1)]
    """
    pattern, table = _pattern(lang)
    return [RelativeOrdinal(m.start(), m.end(), *table[m.group().lower()]) for m in pattern.finditer(text)]
