"""Claim kind (Full Fact's claim types) and check-worthiness 0-1 with human-readable reasons.

The rules are transparent: figures, dates, named actors, attribution, change/comparison/ranking words
and factual event verbs raise their score; opinion, hedges, questions, first-person talk and context
sentences lower it; every step leaves a reason. The worthiness itself is a learned model's calibrated
probability (``claims.worthiness_model``) that reads the same signals, the rules' score and, in
English, the clause's words; its top words join the reasons. Without a usable model, the rules decide.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from claims.cue_gates import GateIndex, LowerWords, index, lower_words
from claims.models import Attribution, DateRef, Entity, Statistic
from claims.segmenting import compile_cues, compile_lowered_cues, cue_gate
from claims.vocabulary import LANGUAGES, load
from claims.worthiness_features import Signals, signal_features, text_features
from claims.worthiness_model import active

KINDS = (
    "quantity",
    "change",
    "comparison",
    "ranking",
    "prediction",
    "event",
    "quote",
    "rule",
    "opinion",
    "other",
)
LOW_CEILING = 0.15
"""Claims with no verifiable content never score above this."""
DETAILED_WORDS = 8
"""Each word beyond this adds a little (up to 0.1): detail makes a statement checkable."""
FIGURE_BONUS = 0.1
"""Any figure beyond its own weight: a number is the strongest single sign of a checkable claim."""
SMALL_COUNT = 20
"""Bare counts below this ("five kids", "two questions") are weak evidence of a checkable claim."""
NO_CONTENT_CEILING = 0.3
"""Model probability for a clause without figures, dates, actors, cues or past tense stays under this."""
MAX_CLAIM_CHARS = 2_000
"""A clause longer than this is not one claim (a run-on or a table): it scores low."""
FOREIGN_WORDS = 8
"""A clause of at least this many words, none a function word of a language read, is in another language."""
_LETTERS = re.compile(r"[^\W\d_]+")

_QUOTE_OPEN = re.compile(r"^\s*[«\"“]")


@dataclass(frozen=True)
class Assessment:
    """What kind of claim this is, how worth checking (0-1), and why."""

    kind: str
    worthiness: float
    reasons: tuple[str, ...]


_CUE_LISTS = ("CHANGE", "COMPARISON", "RANKING", "ABSOLUTES", "EVENT", "OPINION", "HEDGES", "CONTEXT_CUES")
_CHANGE, _COMPARISON, _RANKING, _ABSOLUTES, _EVENT, _OPINION, _HEDGES, _CONTEXT = (
    1 << position for position in range(len(_CUE_LISTS))
)
"""The bit of each cue list (in ``_CUE_LISTS`` order) in the mask ``_found_cues`` returns."""
_ALL_CUES = (1 << len(_CUE_LISTS)) - 1


@lru_cache(maxsize=16)
def _cues(
    lang: str,
) -> tuple[
    dict[str, tuple[re.Pattern[str] | None, re.Pattern[str], int]],
    GateIndex,
    tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]],
]:
    """Per case-insensitive cue list of ``lang``: its lower-cased pattern (None when unsafe), the
    original pattern and its bit in the gate index of the lower-cased patterns (``claims.cue_gates``);
    then the past-tense and first-person (case-sensitive) and rule patterns and the function words of
    every language read (to tell a clause in another language), fetched once."""
    cues = {
        name: (compile_lowered_cues(lang, name), compile_cues(lang, name), 1 << position)
        for position, name in enumerate(_CUE_LISTS)
    }
    others = (
        compile_cues(lang, "PAST_TENSE", ignore_case=False),
        compile_cues(lang, "FIRST_PERSON", ignore_case=False),
        compile_cues(lang, "RULE"),
        frozenset().union(*(load(code, "common").STOPWORDS for code in LANGUAGES)),
    )
    return cues, index(cue_gate(lang, name, True) for name in _CUE_LISTS), others


def _found_cues(
    text: str,
    low: str,
    cues: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str], int]],
    candidates: int,
    starts: list[tuple[int, int]],
) -> int:
    """Bit mask of the cue lists with a cue outside the figures' own words (``starts``: their sorted
    spans; "more than 250" is a bound, not a comparison). Lists whose needed words the clause lacks
    (``candidates``, from the gates) are not searched."""
    found = 0
    if not candidates & _ALL_CUES:
        return found  # the gates rule every list out (most clauses)
    for lowered, pattern, bit in cues.values():
        if low and lowered is not None:
            if not candidates & bit:
                continue  # none of the words this list's cues need: the search would find nothing
            subject, pattern = low, lowered
        else:
            subject = text
        first = pattern.search(subject)  # most cues are absent: one search answers
        if first is None:
            continue
        if (
            starts
            and _inside(starts, first.start())
            and all(_inside(starts, m.start()) for m in pattern.finditer(subject, first.end()))
        ):
            continue  # every cue of the list is a figure's own word
        found |= bit
    return found


def _inside(starts: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls inside one of the sorted spans ``starts``."""
    index = bisect.bisect_right(starts, (position, float("inf"))) - 1
    return index >= 0 and position < starts[index][1]


def _is_year(stat: Statistic, dates: Sequence[DateRef]) -> bool:
    """A bare year is a date, not a figure to check (whether or not the dates parser saw it)."""
    value = stat.value
    if (
        value is not None
        and 1800 <= value <= 2100
        and stat.kind in ("count", "number")
        and stat.unit is None
        and not stat.counted
        and float(value).is_integer()
    ):
        return True
    first, last = stat.span
    return any(d.span[0] <= first and last <= d.span[1] for d in dates)


def _figure_weight(stat: Statistic) -> tuple[float, str]:
    """How much one figure adds, and why: rates, money and changes most; small bare counts least."""
    if stat.kind in ("multiplier", "change", "percentage_points"):
        return 0.4, "contains a change"
    if stat.kind == "percent":
        return 0.4, "contains a percentage"
    if stat.kind == "money":
        return 0.4, "contains an amount of money"
    if stat.kind == "ratio":
        return 0.3, "contains a ratio"
    if stat.kind == "measure":
        return 0.25, "contains a measure"
    if stat.kind == "ordinal":
        return 0.1, "contains an ordinal"
    if stat.bound.kind in ("lower", "upper", "range", "approximate") or stat.vague:
        return 0.35, "contains a bounded count"
    if stat.value is not None and abs(stat.value) < SMALL_COUNT:
        return 0.15, "contains a small count"
    return 0.35, "contains a figure"


def assess(
    text: str,
    *,
    lang: str,
    statistics: Sequence[Statistic] = (),
    dates: Sequence[DateRef] = (),
    entities: Sequence[Entity] = (),
    attribution: Attribution | None = None,
    modality: str = "reported",
    offset: int = 0,
    words: LowerWords | None = None,
    sentence_no: int | None = None,
    rules_only: bool = False,
    context: dict[str, float] | None = None,
) -> Assessment:
    """Kind, worthiness and reasons for one clause (``offset``: where the clause starts in the spans;
    ``words``: its ``cue_gates.lower_words``, when the caller has them already; ``context``: its
    sentence's ``sentence_context`` when the sentence holds other claims too). The worthiness is the
    learned model's calibrated probability (``claims.worthiness_model``); the rules' score when
    ``rules_only`` or when the model cannot be used (a reason says why).

    >>> assess("Production tripled in 2023.", lang="en").kind
    'change'
    >>> "no verifiable content" in assess("I think this is wonderful.", lang="en").reasons
    True
    """
    signals = find_signals(
        text, lang=lang, statistics=statistics, dates=dates, entities=entities,
        attribution=attribution, modality=modality, offset=offset, words=words,
    )  # fmt: skip
    score, reasons = rule_score(signals, len(statistics))
    too_long = len(text) > MAX_CLAIM_CHARS
    if too_long:  # a run-on or a table: nothing a desk can check as one claim
        score, reasons = min(score, LOW_CEILING), (*reasons, "too long to be one claim")
    if rules_only:
        return Assessment(signals.kind, score, reasons)
    status = active()
    if status.model is None:
        return Assessment(signals.kind, score, (*reasons, f"rules' score: {status.warning}"))
    own = features(signals, text, lang, score, sentence_no)
    probability, top, against = status.model.score(own, lang, context)
    if top:
        label = "words" if lang == "en" else "signs"
        label = f"{label} against" if against else f"top {label}"
        reasons = (*reasons, f"the model's {label}: " + ", ".join(top))
    if signals.words < 2 or signals.foreign or too_long:
        probability = min(probability, LOW_CEILING)
    elif "no verifiable content" in reasons:
        probability = min(probability, NO_CONTENT_CEILING)
    return Assessment(signals.kind, round(probability, 3), reasons)


def features(
    signals: Signals, text: str, lang: str, rule: float, sentence_no: int | None
) -> dict[str, float]:
    """What the model reads: the signals everywhere, the n-grams in English (the training language)."""
    found = signal_features(signals, rule, sentence_no)
    if lang == "en":
        found.update(text_features(text))
    return found


class ClauseFacets(Protocol):
    """What a sentence's context is read from in each of its claims (a ``Claim`` has all of it)."""

    span: tuple[int, int]
    statistics: Sequence[Statistic]
    dates: Sequence[DateRef]
    entities: Sequence[Entity]
    attribution: Attribution | None
    modality: str


def sentence_context(
    text: str, clauses: Sequence[ClauseFacets], *, lang: str, sentence_no: int | None
) -> dict[str, float] | None:
    """The model's features of the sentence made of ``clauses`` (spans index ``text``, in order), read as
    the training data were: from the first claim to the end of the last, with every claim's figures,
    dates and actors, the first attribution and the first claim's modality. None for a sentence of one
    claim: its own features are its sentence's."""
    if len(clauses) < 2:
        return None
    start, end = clauses[0].span[0], max(c.span[1] for c in clauses)
    statistics = tuple(s for c in clauses for s in c.statistics)
    signals = find_signals(
        text[start:end], lang=lang, statistics=statistics,
        dates=tuple(d for c in clauses for d in c.dates),
        entities=tuple(dict.fromkeys(e for c in clauses for e in c.entities)),
        attribution=next((c.attribution for c in clauses if c.attribution), None),
        modality=clauses[0].modality, offset=start,
    )  # fmt: skip
    return features(signals, text[start:end], lang, rule_score(signals, len(statistics))[0], sentence_no)


def find_signals(
    text: str,
    *,
    lang: str,
    statistics: Sequence[Statistic] = (),
    dates: Sequence[DateRef] = (),
    entities: Sequence[Entity] = (),
    attribution: Attribution | None = None,
    modality: str = "reported",
    offset: int = 0,
    words: LowerWords | None = None,
) -> Signals:
    """What the vocabulary of ``lang`` finds in one clause: cues, figures, tense, actors, kind."""
    # low is "" when a letter's lower case is longer ("İ"): offsets would shift.
    low, tokens = words or lower_words(text)
    cues, gates, (past_tense, first_person, rule, stopwords) = _cues(lang)
    starts = sorted((s.span[0] - offset, s.span[1] - offset) for s in statistics) if statistics else []
    found = _found_cues(text, low, cues, gates.candidates(low, tokens) if low else -1, starts)
    figures = tuple(s for s in statistics if not _is_year(s, dates)) if statistics else ()
    change, comparison, ranking = bool(found & _CHANGE), bool(found & _COMPARISON), bool(found & _RANKING)
    opinion, hedge, event = bool(found & _OPINION), bool(found & _HEDGES), bool(found & _EVENT)
    letters = [w.lower() for w in _LETTERS.findall(text[:MAX_CLAIM_CHARS])]
    # A clause of many words none of which is a function word of any language we read is in another one.
    foreign = len(letters) >= FOREIGN_WORDS and not any(w in stopwords for w in letters)
    kind = _kind(
        text, rule, figures, modality, change, comparison, ranking, opinion or hedge, event, entities
    )
    return Signals(
        change=change, comparison=comparison, ranking=ranking, absolute=bool(found & _ABSOLUTES),
        event=event, opinion=opinion, hedge=hedge, context=bool(found & _CONTEXT),
        question=text.rstrip().endswith("?"), past=bool(past_tense.search(text)),
        first_person=bool(first_person.search(text)), has_date=bool(dates) or len(figures) < len(statistics),
        figures=figures, entities=tuple(entities), attribution=attribution, modality=modality,
        words=len(tokens), kind=kind, foreign=foreign,
    )  # fmt: skip


def rule_score(signals: Signals, statistics: int) -> tuple[float, tuple[str, ...]]:
    """The rules' score 0-1 and its reasons: every step that moves the score says why."""
    figures = signals.figures
    score, reasons = 0.15, []
    if figures:
        weights = sorted((_figure_weight(s) for s in figures), reverse=True)
        score += weights[0][0] + FIGURE_BONUS + min(0.1, 0.05 * (len(figures) - 1))
        reasons += list(dict.fromkeys(reason for _, reason in weights))
    if signals.change or signals.comparison or signals.ranking:
        score += 0.1
        reasons.append("compares, ranks or measures change")
    if signals.absolute:
        score += 0.05
        reasons.append("absolute or historical claim")
    if signals.past:
        score += 0.1
        reasons.append("reports a past action")
    if signals.has_date:
        score += 0.1
        reasons.append("has a date")
    named = [e for e in signals.entities if e.name]
    if named:
        score += 0.1
        reasons.append("names " + ", ".join(dict.fromkeys(e.name for e in named if e.name)))
    elif signals.entities:
        score += 0.05
        reasons.append("names an actor")
    if signals.attribution is not None:
        score += 0.1
        reasons.append("attributed to a named source")
    if signals.event:
        score += 0.05
        reasons.append("reports an event")
    if signals.modality in ("forecast", "target"):
        score -= 0.05
        reasons.append(signals.modality)
    elif signals.modality == "hypothetical":
        score -= 0.1
        reasons.append("hypothetical")
    if signals.opinion:
        score -= 0.2
        reasons.append("opinion")
    if signals.hedge:
        score -= 0.1
        reasons.append("hedged")
    if signals.question:
        score -= 0.3
        reasons.append("question")
    if not figures and not signals.past and signals.first_person:
        score -= 0.1
        reasons.append("speaks of the speaker")
    if not figures and signals.context:
        score -= 0.1
        reasons.append("context")
    count = signals.words
    if count < 5:
        score -= 0.15
        reasons.append("very short")
    elif count > DETAILED_WORDS:
        score += min(0.1, 0.01 * (count - DETAILED_WORDS))
        reasons.append("detailed")
    if signals.foreign:
        reasons.append("not in a language the engine reads")
    verifiable = (
        figures or signals.has_date or signals.entities or signals.change or signals.comparison
        or signals.ranking or signals.event or signals.past
    )  # fmt: skip
    if not verifiable or signals.foreign:
        score = min(score, LOW_CEILING)
        reasons.append("no verifiable content")
    return round(max(0.0, min(1.0, score)), 3), tuple(reasons)


def _kind(
    text: str,
    rule: re.Pattern[str],
    figures: Sequence[Statistic],
    modality: str,
    change: bool,
    comparison: bool,
    ranking: bool,
    opinion: bool,
    event: bool,
    entities: Sequence[Entity],
) -> str:
    """The first kind that fits, from the most specific to the most general."""
    if _QUOTE_OPEN.match(text):
        return "quote"
    if modality != "reported":
        return "prediction"
    if change or any(s.kind in ("multiplier", "change", "percentage_points") for s in figures):
        return "change"
    if comparison:
        return "comparison"
    if ranking:
        return "ranking"
    if figures:
        return "quantity"
    if rule.search(text):
        return "rule"
    if opinion:
        return "opinion"
    if event or entities:
        return "event"
    return "other"
