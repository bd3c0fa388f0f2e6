"""Word gates never rule out a text their cue list matches: the searches they spare would have failed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.cue_gates import fold_hazards, gate_for, index, lower_words
from claims.segmenting import compile_cues, compile_lowered_cues, cue_gate, discourse
from claims.vocabulary import LANGUAGES

LISTS = [
    name
    for name in dir(discourse("en"))
    if name.isupper() and isinstance(getattr(discourse("en"), name), list) and name != "BYLINES"
] + [f"MODALITY_{family}" for family in discourse("en").MODALITY]


def _vocabulary_words() -> list[str]:
    """Every letter run written in the cue lists of every language, with a few look-alikes."""
    words: set[str] = set()
    for lang in LANGUAGES:
        for name in LISTS:
            pattern = compile_cues(lang, name).pattern.replace(r"\s", " ").replace(r"\w", " ")
            words.update(re.findall(r"[^\W\d_]+", pattern))
    return sorted(words)


PIECES = st.sampled_from(
    [*_vocabulary_words(), "1", "2023", ",", ";", "'", "’", "-", "(", ":", "©", "ed", "ıs", "ſ"]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=10).flatmap(
    lambda pieces: st.sampled_from([" ", "", "  "]).map(lambda gap: gap.join(pieces))
)
CASES = st.sampled_from([str, str.upper, str.title, str.capitalize])


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=300, deadline=None)
@given(TEXTS, CASES)
def test_gates_admit_every_match(lang: str, text: str, case) -> None:
    text = case(text)
    low, words = lower_words(text)
    exact_words = re.findall(r"\w+", text)
    for name in LISTS:
        exact = compile_cues(lang, name, ignore_case=False)
        if exact.search(text):
            assert index([cue_gate(lang, name, False)]).candidates(text, exact_words), (name, text)
            if low:
                assert index([cue_gate(lang, name, False)], fold=True).candidates(low, words), (name, text)
        lowered = compile_lowered_cues(lang, name)
        gate = cue_gate(lang, name, True)
        if lowered is not None and low and lowered.search(low):
            assert index([gate]).candidates(low, words), (name, text)
        # The case-insensitive pattern on the original text: the lower-cased gate holds unless the
        # text has a character the regex engine folds differently from str.lower() ("ı", "ſ").
        hazards = fold_hazards((*gate.words, *gate.heads, *gate.parts)) if gate else None
        safe = gate is not None and hazards is not None and low and not any(h in low for h in hazards)
        if safe and compile_cues(lang, name).search(text):
            assert index([gate]).candidates(low, words), (name, text)


def test_lists_without_a_fixed_word_have_no_gate() -> None:
    assert gate_for(r"(?<!\w)(?:(?:\w+)|(?:said))(?!\w)") is None
    assert gate_for(r"(?:said)") is None  # not a cue list: no word bounds to rely on


def test_lower_words_keeps_offsets() -> None:
    assert lower_words("İstanbul a dit") == ("", ["İstanbul", "a", "dit"])
    assert lower_words("Kyiv SAID") == ("kyiv said", ["kyiv", "said"])
