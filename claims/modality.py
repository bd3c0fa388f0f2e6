"""Modality of a clause: reported fact, forecast, target or hypothetical, from vocabulary cues."""

from __future__ import annotations

import re
from functools import lru_cache

from claims.cue_gates import GateIndex, LowerWords, index, lower_words
from claims.segmenting import compile_cues, cue_gate, discourse

MODALITIES = ("reported", "forecast", "target", "hypothetical", "estimate")


def detect_modality(clause: str, *, lang: str, words: LowerWords | None = None) -> str:
    """Return the first modality family (in vocabulary order) whose cue occurs in ``clause``.

    Cues are matched case-sensitively ("may" is a modal, "May" a month). ``words``: the clause's
    ``cue_gates.lower_words``, when the caller has them already.

    >>> detect_modality("et devrait être multipliée par six en 2024", lang="fr")
    'forecast'
    >>> detect_modality("production tripled in 2023", lang="en")
    'reported'
    """
    families, gates = _families(lang)
    low, tokens = words or lower_words(clause)
    # The families' words, lower-cased, looked up among the clause's lower-cased words ("May" passes
    # the gate of "may"; its case-sensitive search then rejects it).
    candidates = gates.candidates(low, tokens) if low else -1
    for bit, (family, pattern) in enumerate(families):
        # A family none of whose needed words occur cannot match: its search is spared.
        if candidates >> bit & 1 and pattern.search(clause):
            return family
    return "reported"


@lru_cache(maxsize=16)
def _families(lang: str) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], GateIndex]:
    """Every modality family of ``lang`` in vocabulary order with its case-sensitive cues, and their
    gate index (bit i: the i-th family)."""
    names = [(family, f"MODALITY_{family}") for family in discourse(lang).MODALITY]
    families = tuple((family, compile_cues(lang, name, ignore_case=False)) for family, name in names)
    return families, index((cue_gate(lang, name, False) for _, name in names), fold=True)


def estimating(attribution: object, lang: str) -> bool:
    """True when the attribution's verb estimates ("the committee estimated", "selon les estimations"):
    the clause it introduces is an estimate, not a report."""
    verb = getattr(attribution, "verb", None) or getattr(attribution, "surface", "")
    return bool(verb) and compile_cues(lang, "MODALITY_estimate").search(verb) is not None
