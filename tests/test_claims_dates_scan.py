"""The speed devices of the date rules must never change what the rules find."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.dates_grammar import FLAGS, grammar
from claims.dates_lexicon import LETTER_AFTER, LETTER_BEFORE, alternation, lexicon
from claims.dates_rules import interpret
from claims.dates_scan import first_char_guard, plain_alternation, plain_text, tail_search, word_gate

DATA = Path(__file__).parent / "data"
SAMPLES = [
    case["text"]
    for lang in ("fr", "en")
    for case in json.loads((DATA / f"dates_{lang}.json").read_text(encoding="utf-8"))
]
# letters, digits, accents and separators the rules care about, in both cases
ALPHABET = "aeilnorstdmjuvéèàçÉÀ'’ -/.,()0123456789Q%\n"
TEXTS = st.text(alphabet=ALPHABET, max_size=60)

ARTICLES = alternation(["le", "la", "l'", "dernier"])
PATTERNS = [
    rf"(?:(?P<pre>{ARTICLES})\s{{1,3}})?(?P<d>\d{{1,2}})(?!\d)",
    rf"{LETTER_BEFORE}(?:mai|mars){LETTER_AFTER}|\(\s?\d",
    rf"(?:{alternation(['en', 'depuis', 'fin'])})[\s\-]{{0,3}}$",
    r"(?!)\d+",
    r"(?:x)?",
]


def _spans(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, start=st.integers(0, 60), end=st.integers(0, 60))
def test_first_char_guard_finds_the_same_matches(text: str, start: int, end: int) -> None:
    for raw in PATTERNS:
        guarded = first_char_guard(raw, FLAGS)
        if guarded is None:  # never matches
            assert not re.compile(raw, FLAGS).search(text)
            continue
        plain, fast = re.compile(raw, FLAGS), re.compile(guarded, FLAGS)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, start, end)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, start, end)
        ]


def test_first_char_guard_leaves_empty_matches_alone() -> None:
    assert first_char_guard(r"(?:x)?", FLAGS) == r"(?:x)?"
    assert first_char_guard(r"(?!)\d", FLAGS) is None


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, start=st.integers(0, 60), end=st.integers(0, 60))
def test_tail_search_is_search(text: str, start: int, end: int) -> None:
    for lang in ("fr", "en"):
        gram = grammar(lang)
        for pattern in (gram.year_context, gram.range_gap, gram.range_opener, gram.prefix):
            found, fast = pattern.search(text, start, end), tail_search(pattern, text, start, end)
            assert (found and (found.span(), found.groupdict())) == (fast and (fast.span(), fast.groupdict()))


@pytest.mark.parametrize("lang", ["fr", "en"])
@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.sampled_from(SAMPLES), TEXTS))
def test_gates_pass_wherever_their_rule_matches(lang: str, text: str) -> None:
    plain, gram = plain_text(text), grammar(lang)
    for name, _, pattern, gate, needs in gram.rules:
        if pattern is None or not pattern.search(text):
            continue
        if name == "decade" and not any(
            interpret(name, m, text, lexicon(lang), gram) for m in pattern.finditer(text)
        ):
            continue  # its gate holds what a decade needs beyond the match ("1990s", "les années")
        assert gate is None or gate.search(text), name
        assert needs is None or plain is None or needs.search(plain), name


def test_plain_text_keeps_offsets_or_gives_up() -> None:
    assert plain_text("Début de l’ÉTÉ 2024") == "debut de l’ete 2024"
    assert plain_text("ſemaine") is None  # the regex engine reads "ſ" as "s"
    assert plain_text("İstanbul") is None  # lower-casing would move the offsets


def test_word_gates_and_plain_alternations() -> None:
    gate = word_gate(["il y a", "dans", "d'ici"])
    assert gate.search("nous irons dans") and not gate.search("nous irons danser")
    pattern = re.compile(plain_alternation(["prochaine", "à venir"]))
    assert pattern.search("la semaine a venir") and not pattern.search("la prochainement")
