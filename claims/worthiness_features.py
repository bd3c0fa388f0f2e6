"""What the check-worthiness model reads: the claim engine's own signals and the clause's n-grams.

The signals (figures and their kinds, change/comparison/ranking cues, attribution, modality, tense,
named actors, claim kind, length, position, the rules' score) come from the language's vocabulary, so
they mean the same in English and French. Word and character n-grams are language-specific: only the
English model reads them (it was trained on English). Features are plain ``{name: value}`` dicts, so
training (bench/train_worthiness.py) and scoring run this same code.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.models import Attribution, Entity, Statistic

FEATURE_VERSION = 1
"""Bump when a feature's name or meaning changes: a model trained on other features is refused."""
MAX_FEATURE_CHARS = 2_000
"""n-grams are read from the first characters only: a longer clause is not one claim anyway."""

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Signals:
    """What the rules found in one clause: the facts both the rules' score and the model read."""

    change: bool
    comparison: bool
    ranking: bool
    absolute: bool
    event: bool
    opinion: bool
    hedge: bool
    context: bool
    question: bool
    past: bool
    first_person: bool
    has_date: bool
    figures: tuple[Statistic, ...]
    entities: tuple[Entity, ...]
    attribution: Attribution | None
    modality: str
    words: int
    kind: str = "other"
    foreign: bool = False


def _bucket(value: int, edges: Sequence[int]) -> str:
    """The label of the first edge ``value`` stays under ("<5", "<12"...), or ">=last"."""
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def signal_features(signals: Signals, rule_score: float, sentence_no: int | None) -> dict[str, float]:
    """The language-independent features of a clause (prefix ``s:``)."""
    found: dict[str, float] = {"s:rule_score": rule_score, f"s:kind={signals.kind}": 1.0}
    for name in (
        "change", "comparison", "ranking", "absolute", "event", "opinion", "hedge", "context",
        "question", "past", "first_person", "has_date", "foreign",
    ):  # fmt: skip
        if getattr(signals, name):
            found[f"s:{name}"] = 1.0
    found[f"s:figures={_bucket(len(signals.figures), (1, 2, 3))}"] = 1.0
    for stat in signals.figures:
        found[f"s:figure={stat.kind}"] = 1.0
        if stat.bound.kind not in ("exact", None):
            found[f"s:bound={stat.bound.kind}"] = 1.0
        if stat.unit:
            found["s:unit"] = 1.0
        if stat.counted:
            found["s:counted"] = 1.0
        if stat.kind in ("count", "number") and stat.value is not None and abs(stat.value) < 20:
            found["s:small_count"] = 1.0
    named = [e for e in signals.entities if e.name]
    if named:
        found["s:named"] = 1.0
    if signals.entities:
        found[f"s:entities={_bucket(len(signals.entities), (2, 3))}"] = 1.0
    for entity in signals.entities:
        if entity.kind:
            found[f"s:entity={entity.kind}"] = 1.0
    if signals.attribution is not None:
        found["s:attributed"] = 1.0
    found[f"s:modality={signals.modality}"] = 1.0
    found[f"s:words={_bucket(signals.words, (3, 5, 8, 12, 20, 30, 45))}"] = 1.0
    if sentence_no is not None:
        found[f"s:sentence={_bucket(sentence_no, (1, 3, 10))}"] = 1.0
    return found


def text_features(text: str) -> dict[str, float]:
    """Word unigrams and bigrams (``w:``, ``b:``) and character 3-5-grams inside words (``c:``), lower
    case, every digit run read as "0" (the model learns "0 million", not one number)."""
    words = [_DIGITS.sub("0", w) for w in _WORD.findall(text[:MAX_FEATURE_CHARS].lower())]
    found: dict[str, float] = {}
    for word in words:
        found["w:" + word] = 1.0
        padded = f" {word} "
        for size in (3, 4, 5):
            for start in range(len(padded) - size + 1):
                found["c:" + padded[start : start + size]] = 1.0
    for first, second in itertools.pairwise(words):
        found[f"b:{first} {second}"] = 1.0
    return found
