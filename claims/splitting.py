"""Article text -> atomic claims with facets: figures, dates, actors, attribution, modality, kind, worthiness.

The pipeline, one sentence at a time: sentences without page furniture (``segmenting``), named actors
(``entities``), who says it (``attribution``, carried to pronouns in later sentences), clauses
(``atomic``); then for every clause, one parser at a time over the article, the figures
(``claims.statistics``) and dates (``claims.dates``); then modality and kind/worthiness. Every span
indexes the whole input text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from claims.atomic import find_subject, split_clauses
from claims.attribution import find_attribution
from claims.cue_gates import LowerWords, lower_words
from claims.entities import find_entities
from claims.language import detect_language
from claims.modality import detect_modality, estimating
from claims.models import Attribution, Claim, DateRef, Entity, Statistic, build
from claims.observation_dates import in_the_past
from claims.observations import observe
from claims.segmenting import split_sentences
from claims.statistics import parse_statistics
from claims.vocabulary import DEFAULT_LANGUAGE, LANGUAGES
from claims.worthiness import assess, sentence_context

try:  # the dates parser is optional: without it, claims carry no dates
    from claims.dates import find_dates
    from claims.dates_grammar import grammar as _date_grammar
except ImportError:  # pragma: no cover - depends on the installed modules
    _date_grammar = None

    def find_dates(text: str, *, lang: str, published: Any = None) -> list[DateRef]:
        """Stand-in while ``claims.dates`` is absent: finds nothing."""
        return []


Found = TypeVar("Found", Statistic, DateRef)

_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")  # the word tokens the dates parser looks its trigger words up by


@lru_cache(maxsize=16)
def _date_words(lang: str) -> frozenset[str]:
    """The lower-case words that can start a date rule in ``lang`` (month and day names, "week",
    "yesterday"...), as the dates grammar derives them from the dates vocabulary table."""
    if _date_grammar is None:  # pragma: no cover - depends on the installed modules
        return frozenset()
    return frozenset(_date_grammar(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).triggers)


def may_hold_date(clause: str, *, lang: str) -> bool:
    """False when ``clause`` has neither a digit nor a date trigger word: the dates parser runs its
    rules only around those, so it would find nothing there (most clauses of an article).

    >>> may_hold_date("Kiev a reçu Babcock et BAE Systems.", lang="fr"), may_hold_date("en mai", lang="fr")
    (False, True)
    """
    if _DIGIT.search(clause):
        return True
    words = _date_words(lang)
    return any(word.lower() in words for word in _LETTERS.findall(clause))


def _anchored(
    finder: Callable[[str], Sequence[Found]], clause: str, text: str, offset: int
) -> tuple[Found, ...]:
    """Run a parser on one clause and shift its spans into ``text``, keeping only pieces whose span
    points at their surface. A parser failure costs the clause its figures, never the article."""
    try:
        pieces = finder(clause)
    except Exception:  # split_claims promises never to raise on any text
        return ()
    shifted = []
    for piece in pieces:
        start, end = piece.span[0] + offset, piece.span[1] + offset
        if text[start:end] == piece.surface:
            # A shallow copy with the span moved, without dataclasses.replace (which re-runs __init__)
            # or copy.copy (generic reduce protocol): this runs once per figure and date of the article.
            if hasattr(piece, "__dict__"):
                moved = object.__new__(type(piece))
                moved.__dict__.update(piece.__dict__, span=(start, end))
            else:  # pragma: no cover - records declared with __slots__
                moved = dataclasses.replace(piece, span=(start, end))
            shifted.append(moved)
    return tuple(shifted)


def _as_date(published: dt.date | str | None) -> dt.date | None:
    """The publication date as a ``date`` (ISO strings accepted), for relative dates ("last week")."""
    if published is None or (isinstance(published, dt.date) and not isinstance(published, dt.datetime)):
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    try:
        return dt.date.fromisoformat(str(published).strip())
    except ValueError as e:
        raise ValueError(f"published: {published!r} is not an ISO date (YYYY-MM-DD)") from e


def split_claims(
    text: str, *, lang: str | None = None, published: dt.date | str | None = None
) -> list[Claim]:
    """Split ``text`` into atomic claims; spans index ``text``. ``published`` (a date or an ISO string)
    resolves relative dates. Never raises on any text.

    >>> text = "Selon le ministère, la production a triplé en 2023 et devrait doubler en 2024."
    >>> claims = split_claims(text, lang="fr")
    >>> [(c.text, c.modality, c.subject) for c in claims]  # doctest: +NORMALIZE_WHITESPACE
    [('Selon le ministère, la production a triplé en 2023', 'reported', 'la production'),
     ('devrait doubler en 2024.', 'forecast', 'la production')]
    """
    if not isinstance(text, str) or not text.strip():
        return []
    published = _as_date(published)
    lang = lang or detect_language(text)
    names: dict[str, str] = {}
    previous: Attribution | None = None
    pending: list[
        tuple[str, int, int, Sequence[Entity], Attribution | None, str | None, LowerWords | None]
    ] = []
    for number, sentence in enumerate(split_sentences(text, lang=lang)):
        words, offset = sentence.text, sentence.span[0]
        entities = find_entities(words, lang=lang, offset=offset, article_names=names)
        lowered = lower_words(words)  # looked up by the attribution and clause gates
        found = find_attribution(
            words, lang=lang, offset=offset, entities=entities, previous=previous, words=lowered
        )
        attribution = found.attribution if found else None
        previous = attribution or previous
        content = found.content_start if found else 0
        subject: str | None = None
        for index, clause in enumerate(split_clauses(words, lang=lang, start=content, words=lowered)):
            a, b = clause.span
            if not clause.shares_subject:
                follows = found.subject_follows if found and index == 0 else True
                start = content if index == 0 else a
                span = find_subject(words, lang=lang, start=start, end=b) if follows else None
                subject = words[span[0] : span[1]] if span else None
            whole = lowered if a == 0 and b == len(words) else None  # the clause is the sentence
            pending.append((words[a:b], offset + a, number, entities, attribution, subject, whole))
    # Each parser runs over every clause of the article in turn rather than clause by clause: the same
    # calls, but one parser's code and patterns stay in the processor's caches (~10 % faster overall).
    # The dates parser runs its rules only around digits and date words, so clauses without them skip it.
    stats = [_anchored(lambda c: parse_statistics(c, lang=lang), p[0], text, p[1]) for p in pending]
    dates = [
        _anchored(lambda c: find_dates(c, lang=lang, published=published), p[0], text, p[1])
        if may_hold_date(p[0], lang=lang)
        else ()
        for p in pending
    ]
    read = [
        _claim(text, clause, start, number, lang, s, d, entities, attribution, subject, lowered, published)
        for (clause, start, number, entities, attribution, subject, lowered), s, d in zip(
            pending, stats, dates, strict=True
        )
    ]
    # Scored once every claim of a sentence is read: the model learnt from whole sentences, so a claim
    # is scored with its sentence's features too when the sentence holds several claims.
    sentences: dict[int, list[Claim]] = {}
    for claim, _ in read:
        sentences.setdefault(claim.sentence_no, []).append(claim)
    contexts = {
        number: sentence_context(text, claims, lang=lang, sentence_no=number)
        for number, claims in sentences.items()
    }
    return [_scored(claim, lang, lowered, contexts[claim.sentence_no]) for claim, lowered in read]


def _claim(
    text: str,
    clause: str,
    start: int,
    number: int,
    lang: str,
    stats: tuple[Statistic, ...],
    dates: tuple[DateRef, ...],
    entities: Sequence[Entity],
    attribution: Attribution | None,
    subject: str | None,
    lowered: LowerWords | None = None,
    published: dt.date | None = None,
) -> tuple[Claim, LowerWords]:
    """One clause read into a claim with its facets, not yet scored, and its lower-cased words."""
    end = start + len(clause)
    own = tuple(e for e in entities if start <= e.span[0] and e.span[1] <= end)
    if lowered is None:  # the clause's own words, unless it is its whole sentence
        lowered = lower_words(clause)  # looked up by the modality and worthiness gates
    modality = detect_modality(clause, lang=lang, words=lowered)
    if modality == "reported" and attribution is not None and estimating(attribution, lang):
        modality = "estimate"  # "the committee estimated the cost at £3 billion"
    if modality == "reported" and dates:
        dates = in_the_past(dates, clause, lang, published)
    # split_claims never raises: a clause whose observation fails keeps its figures as read
    if stats:
        with contextlib.suppress(Exception):
            stats = observe(
                text, stats, dates, lang=lang, published=published, modality=modality, start=start, end=end
            )
    claim = build(
        Claim,
        text=clause,
        span=(start, end),
        sentence_no=number,
        statistics=stats,
        dates=dates,
        entities=own,
        attribution=attribution,
        kind="other",
        worthiness=0.0,
        reasons=(),
        modality=modality,
        subject=subject,
    )
    return claim, lowered


def _scored(claim: Claim, lang: str, lowered: LowerWords, context: dict[str, float] | None) -> Claim:
    """The claim with its kind, check-worthiness and reasons (``context``: its sentence's features)."""
    verdict = assess(
        claim.text,
        lang=lang,
        statistics=claim.statistics,
        dates=claim.dates,
        entities=claim.entities,
        attribution=claim.attribution,
        modality=claim.modality,
        offset=claim.span[0],
        words=lowered,
        sentence_no=claim.sentence_no,
        context=context,
    )
    scored = {"kind": verdict.kind, "worthiness": verdict.worthiness, "reasons": verdict.reasons}
    return build(Claim, **(claim.__dict__ | scored))


def read_observations(
    text: str, *, lang: str | None = None, published: dt.date | str | None = None
) -> list[Statistic]:
    """Every figure of ``text`` as a complete observation (period, base, direction, modality), spans
    indexing ``text``: what a source's figures are read with, the same reading as an article's claims.

    >>> [(s.value, s.base.value, s.period.start) for s in read_observations(
    ...     "The town grew from 3,000 in 2019 to 6,600 in 2024.", lang="en")]
    [(6600.0, 3000.0, '2024-01-01')]
    """
    return [stat for claim in split_claims(text, lang=lang, published=published) for stat in claim.statistics]
