"""Modality of a clause: reported fact, forecast, target or hypothetical, from vocabulary cues."""

from __future__ import annotations

from claims.segmenting import compile_cues, discourse

MODALITIES = ("reported", "forecast", "target", "hypothetical")


def detect_modality(clause: str, *, lang: str) -> str:
    """Return the first modality family (in vocabulary order) whose cue occurs in ``clause``.

    Cues are matched case-sensitively ("may" is a modal, "May" a month).

    >>> detect_modality("et devrait être multipliée par six en 2024", lang="fr")
    'forecast'
    >>> detect_modality("production tripled in 2023", lang="en")
    'reported'
    """
    for family in discourse(lang).MODALITY:
        if compile_cues(lang, f"MODALITY_{family}", ignore_case=False).search(clause):
            return family
    return "reported"
