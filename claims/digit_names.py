"""Names, models, indices and codes written with digits ("S&P 500", "iPhone 11", "COVID-19", "5G", "A320")
are not figures: general rules on how such names are written, plus the name families of the vocabulary
(``claims/vocabulary/<lang>/names.py``).

The rules, for a bare number (no unit, no scale word, no currency):

- a code: letters glued to the digits ("G7", "A320", "M25", "CO2") or a short capital suffix ("5G",
  "4K", "3D"), or a capitalised prefix joined by a hyphen ("F-16", "COVID-19", "Su-35");
- a name word right before the number: an acronym ("CAC", "FTSE"), a word with an inner capital or an
  ampersand ("iPhone", "S&P"), or a member of a name family ("Nasdaq", "Windows", "Boeing");
- a name word after it ("the 500 index").
"""

from __future__ import annotations

import re
from functools import cache

from claims.vocabulary import load

_SP = r"[ \u00a0\u202f]"


@cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    t = load(lang, "names")
    families = sorted({*t.INDEX_FAMILIES, *t.PRODUCT_FAMILIES, *t.BODY_FAMILIES}, key=len, reverse=True)
    # the word before the number: a family member (case kept), an acronym, an inner capital or "&"
    word_before = re.compile(
        rf"(?<![\w&])(?:{'|'.join(re.escape(f) for f in families)}"
        r"|[A-Z][A-Z&]*[A-Z]|[a-z]+[A-Z][\w]*|[A-Z][a-z]+[A-Z][\w]*|\w+&\w+)"
        rf"{_SP}\Z"
    )
    after = re.compile(rf"{_SP}(?:{'|'.join(re.escape(w) for w in t.NAME_AFTER)})(?![\w])", re.IGNORECASE)
    return word_before, after, frozenset(families)


# a capitalised prefix joined by a hyphen: "F-16", "COVID-19", "Su-35", "MH-17"
_HYPHEN_CODE = re.compile(r"(?<![\w-])[A-Za-z]*[A-Z][A-Za-z]*[-‑]\Z")
_SUFFIX_CODE = re.compile(r"[A-Z]{1,2}(?![\w])")  # "5G", "4K", "3D", "737MAX" has no space


def in_name(text: str, start: int, end: int, glued: str, *, lang: str) -> bool:
    """True when the bare number ``text[start:end]`` is part of a name, model, index or code."""
    if start and (text[start - 1].isalpha() or text[start - 1] == "&"):
        return True  # "G7", "A320", "CO2": letters glued before the digits
    if glued and _SUFFIX_CODE.fullmatch(glued) and not text[end : end + 1].isalpha():
        return True  # "5G", "4K": a short capital suffix that is no scale in a bare count
    if start >= 2 and text[start - 1] in "-‑" and _HYPHEN_CODE.search(text, max(0, start - 12), start):
        return True
    word_before, after, _ = _patterns(lang)
    if start >= 2 and word_before.search(text, max(0, start - 24), start):
        return True
    return after.match(text, end) is not None
