"""The number parsers' pre-checks (claims.number_cues) are exact: skipping a pattern changes no result."""

from __future__ import annotations

import json
import re
import re._casefix
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claims.number_cues as cues
import claims.statistics as statistics
from claims.number_lexicon import lexicon
from claims.statistics import parse_statistics
from claims.vocabulary import load

DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")


def _safe(char: str) -> bool:
    return cues._UNUSUAL.match(char) is None


def test_usual_characters_match_case_insensitively_as_lower_casing_says() -> None:
    """Inside the usual ranges, ``re.IGNORECASE`` equality is ``str.lower`` equality, lower-casing
    keeps one character and its class, and every word character is a letter, a digit or "_"."""
    groups: dict[int, set[int]] = {}
    for key, others in re._casefix._EXTRA_CASES.items():
        groups.setdefault(key, set()).update(others)
    for code in range(0x2400):
        char = chr(code)
        if not _safe(char):
            continue
        low = char.lower()
        assert len(low) == 1, hex(code)
        assert bool(_WORD.match(char)) == bool(_WORD.match(low)), hex(code)
        assert bool(_LETTER.match(char)) == bool(_LETTER.match(low)) == char.isalpha(), hex(code)
        if _WORD.match(char):
            assert char.isalpha() or char.isdecimal() or char == "_", hex(code)
        for other in groups.get(ord(low), ()):  # "i" ~ "ı": the odd partner is never usual
            assert chr(other).lower() == low or not _safe(chr(other)), hex(code)
    assert all(not _safe(chr(code)) for code in (0x130, 0x131, 0x17F, 0xB5, 0xBD, 0xB2))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_vocabulary_is_usual(lang: str) -> None:
    """The pre-checks compare lower-cased vocabulary with lower-cased text: both must be usual."""
    words = list(lexicon(lang).words)
    table = load(lang, "numbers")
    for name in (
        "BOUNDS",
        "VAGUE",
        "MULTIPLIER_WORDS",
        "MULTIPLIER_BEFORE",
        "MONTHS",
        "REFERENCE_WORDS",
        "OVER",
    ):
        words += list(getattr(table, name))
    assert all(_safe(char) for word in words for char in word)


def _unchecked(text: str, lang: str) -> list:
    """``parse_statistics`` with every pre-check off (as for a text with unusual characters)."""
    saved = statistics.clause_cues
    statistics.clause_cues = lambda t: cues.Cues(t, t.lower(), None, cues._DIGIT.search(t) is not None)
    try:
        return parse_statistics(text, lang=lang)
    finally:
        statistics.clause_cues = saved


def _data_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(DATA.glob("*.txt")):
        lang = "fr" if "-fr" in path.name else "en"
        out += [(line, lang) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(DATA.glob("statistics_*.json")):
        lang = "fr" if path.name.endswith("_fr.json") else "en"
        out += [(case["input"], lang) for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]
    return out


def test_checks_change_nothing_on_the_test_data() -> None:
    texts = _data_texts()
    assert texts
    for text, lang in texts:
        assert parse_statistics(text, lang=lang) == _unchecked(text, lang), text


def _pieces(lang: str) -> list[str]:
    table = load(lang, "numbers")
    words = [w for w in lexicon(lang).words if len(w) > 1][::5]
    for name in ("BOUNDS", "VAGUE", "MULTIPLIER_WORDS", "MULTIPLIER_BEFORE", "MONTHS", "REFERENCE_WORDS"):
        words += list(getattr(table, name))[::3]
    signs = ["l'", "fold", "-fold", "×", "x", "%", "$", "€", "km", "CHF", "US$", "Fr.", "M", "k", "bn", "Md"]
    units = ["mm", "points", "dollars", "euros", "de", "d'", "°C", "pm"]
    return [*words, *table.OVER, *table.BOUND_ARTICLES, *signs, *units]


def _texts(lang: str) -> st.SearchStrategy[str]:
    glue = st.sampled_from([" ", "", " ", "  ", "\u00a0", "-", ", ", "'", "5"])
    piece = st.one_of(
        st.sampled_from(_pieces(lang)), st.from_regex(r"[0-9]{1,4}([.,][0-9]{1,2})?", fullmatch=True)
    )
    cased = st.tuples(piece, st.booleans()).map(lambda p: p[0].upper() if p[1] else p[0])
    return st.lists(st.tuples(cased, glue).map("".join), max_size=12).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_checks_change_nothing_on_vocabulary_soup(data: st.DataObject) -> None:
    """Vocabulary glued to figures and to each other ("environl'5", "x5", "Plus de5"): the
    places where a first word could hide inside a longer run."""
    lang = data.draw(st.sampled_from(["en", "fr"]))
    text = data.draw(_texts(lang))
    assert parse_statistics(text, lang=lang) == _unchecked(text, lang)


def test_unchecked_runs_everything() -> None:
    """The reference path really is the unchecked one: every pre-check says yes."""
    seen = []
    saved = cues.Cues.ends
    cues.Cues.ends = lambda self, *a: seen.append(self.words) or saved(self, *a)  # type: ignore[method-assign]
    try:
        _unchecked("Plus de 250 fabricants", "fr")
    finally:
        cues.Cues.ends = saved  # type: ignore[method-assign]
    assert seen and all(words is None for words in seen)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("tél. 01 23 45 67 89.", [(5, 19)]),
        ("call 0123456789", [(5, 15)]),
        ("call +1-222-2222-2222", [(5, 21)]),
        ("0 1 2 3 4 5 6 7 8 9", []),
        ("in 2023, 250 and 12", []),
    ],
)
def test_phone_numbers_are_still_found(text: str, spans: list[tuple[int, int]]) -> None:
    from claims.statistic_patterns import _PHONE, phone_spans

    assert phone_spans(text) == spans == [m.span() for m in _PHONE.finditer(text)]
