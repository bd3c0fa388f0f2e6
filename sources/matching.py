"""Suggest sources for a claim in two stages: sparse retrieval, then judgement on figures, entities,
measured thing, period and recency. Scorers are injectable; every candidate says why it was suggested.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from claims import Claim, detect_language
from sources.analysis import analyse, fold
from sources.comparison import agrees, figure_fit
from sources.figures import extract_figures
from sources.geography import read_geography
from sources.models import MODALITIES, Candidate, ReportedFigure, Source
from sources.observations import period_year_labels
from sources.retrieval import RETRIEVERS, SparseIndex
from sources.series_match import (
    claim_geographies,
    coverage_signal,
    geography_signal,
    measure_signal,
    series_document,
    series_reasons,
    series_terms,
    unit_signal,
)

_YEAR = re.compile(
    r"""
    (?<![\d.,])          # not inside a longer number
    (1[89]\d\d|20\d\d)   # a year from 1800 to 2099
    (?![\d%])            # not followed by more digits or a percent sign
    """,
    re.VERBOSE,
)
_NAME = re.compile(
    r"""
    (?<=[\s(«"“'’])           # after a space, bracket or quote: not the first word of the text
    [A-ZÀ-Ý][\w'’-]{1,40}      # a capitalised word
    (?:\s[A-ZÀ-Ý][\w'’-]{1,40}){0,3}  # and up to three more: "Rustem Umerov", "BAE Systems"
    """,
    re.VERBOSE,
)


MIN_FACTOR = 0.05  # signals against a source scale its score down to this, never to zero or below


@dataclass(frozen=True)
class Query:
    """What the second stage knows about the claim."""

    text: str
    lang: str
    terms: frozenset[str]
    figures: tuple = ()
    years: frozenset[str] = frozenset()
    entities: tuple[str, ...] = ()
    counted: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # codes of the countries and groupings the claim names


@dataclass(frozen=True)
class Scorer:
    """A second-stage signal: ``fn(query, source)`` returns 0..1, weighted by ``weight``; a signal that can
    speak against a source (a series of another country) returns -1..1, 0 when it has nothing to say."""

    name: str
    weight: float
    fn: Callable[[Query, Source], float]


def make_query(claim: Claim | str, *, lang: str | None = None) -> Query:
    """The claim's words, figures, years, entities and measured things.

    >>> q = make_query("Selon le ministère, la production a triplé en 2023", lang="fr")
    >>> sorted(q.years), q.figures[0].kind
    (['2023'], 'multiplier')
    """
    text = claim if isinstance(claim, str) else claim.text
    lang = lang or detect_language(text)
    figures: tuple = tuple(extract_figures(text, lang=lang))
    # only the periods of figures count: a date line ("January 14, 2020") says nothing of what is measured
    years = {y for f in figures for y in period_year_labels(f.period)}
    entities: tuple[str, ...] = tuple(fold(m.group()) for m in _NAME.finditer(text))
    if isinstance(claim, Claim):
        figures = claim.statistics or figures
        years |= {d.start[:4] for d in claim.dates if d.start}
        named = tuple(fold(e.name or e.surface) for e in claim.entities)
        entities = named or entities
    counted = frozenset(t for f in figures if f.counted for t in analyse(f.counted, lang))
    query = Query(text, lang, frozenset(analyse(text, lang)), figures, frozenset(years), entities, counted)
    return replace(query, places=claim_geographies(query))


def _figure_signal(query: Query, source: Source) -> float:
    if not query.figures or not source.figures:
        return 0.0
    hits = sum(any(agrees(stat, fig) for fig in source.figures) for stat in query.figures)
    return hits / len(query.figures)


def _entity_signal(query: Query, source: Source) -> float:
    if not query.entities:
        return 0.0
    haystack = fold(f"{source.title} {source.publisher or ''} {source.text[:20_000]}")
    return sum(name in haystack for name in query.entities) / len(query.entities)


def _counted_signal(query: Query, source: Source) -> float:
    if not query.counted:
        return 0.0
    words = {t for f in source.figures if f.counted for t in analyse(f.counted, source.language)}
    words |= set(analyse(source.title, source.language))
    return len(query.counted & words) / len(query.counted)


def _source_years(source: Source) -> set[str]:
    return {y for f in source.figures for y in period_year_labels(f.period)}


def _period_signal(query: Query, source: Source) -> float:
    if not query.years:
        return 0.0
    if query.years & _source_years(source):
        return 1.0
    mentioned = set(_YEAR.findall(f"{source.title} {source.text[:20_000]}"))
    return 0.5 if query.years & mentioned else 0.0


def _recency_signal(query: Query, source: Source) -> float:
    """Newer is better, and a source published before the claim's period cannot report on it."""
    if source.year is None:
        return 0.0
    latest = max((int(y) for y in query.years), default=None)
    if latest is not None and source.year < latest:
        return 0.0
    reference = latest if latest is not None else source.year
    return math.exp(-max(0, source.year - reference) / 5)


DEFAULT_SCORERS: tuple[Scorer, ...] = (
    Scorer("figures", 0.5, _figure_signal),
    Scorer("entities", 0.15, _entity_signal),
    Scorer("counted", 0.15, _counted_signal),
    Scorer("period", 0.2, _period_signal),
    Scorer("recency", 0.05, _recency_signal),
    # series only (0 for other sources): for (1) or against (-1); a series of another country or of an
    # incomparable unit ranks below the right one; one silent on either is neutral (0)
    # what the series measures, named in the claim in any language (0..1)
    Scorer("measure", 0.4, measure_signal),
    # a series of another country is rarely evidence: the strongest judgement (x0.2 against x1.8 for)
    Scorer("geography", 0.8, geography_signal),
    Scorer("unit", 0.3, unit_signal),
    Scorer("coverage", 0.1, coverage_signal),
)


def _document(source: Source) -> str:
    """What a source is indexed under: title, publisher, text; a series' measure, unit, geography, codes."""
    series = series_document(source.series) if source.series is not None else ""
    return " ".join(part for part in (source.title, source.publisher or "", series, source.text) if part)


def _extra_terms(source: Source) -> list[str]:
    """Other languages' words for what a series measures and where (nothing for other sources)."""
    return series_terms(source.series) if source.series is not None else []


@dataclass
class SourceIndex:
    """Sources and their sparse index; ``add`` makes new sources searchable."""

    sources: list[Source] = field(default_factory=list)
    retrievers: Sequence[str] = RETRIEVERS
    sparse: SparseIndex = field(init=False)
    # the positions of the series of each geography (by code): a filter over the same index, so a claim
    # naming a country meets that country's series even when other countries' share its words more
    places: dict[str, list[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        initial, self.sources = list(self.sources), []
        self.sparse = SparseIndex(retrievers=self.retrievers)
        self.places = {}
        self.add(initial)

    def __len__(self) -> int:
        return len(self.sources)

    def add(self, sources: Iterable[Source]) -> None:
        """Index more sources (their positions follow the existing ones)."""
        sources = list(sources)
        for position, source in enumerate(sources, start=len(self.sources)):
            geo = read_geography(source.series.geography) if source.series is not None else None
            if geo is not None:
                self.places.setdefault(geo.code, []).append(position)
        self.sources.extend(sources)
        self.sparse.add(
            [_document(s) for s in sources],
            langs=[s.language for s in sources],
            extra=[_extra_terms(s) for s in sources],
        )


def build_index(sources: Iterable[Source], *, retrievers: Sequence[str] = RETRIEVERS) -> SourceIndex:
    """An index over ``sources`` for ``rank_sources``."""
    return SourceIndex(list(sources), retrievers=retrievers)


def claim_source(
    claim: Claim | str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    lang: str | None = None,
) -> Source:
    """An earlier claim as a source of kind "claim", so suggestions can include earlier claims.

    >>> claim_source("Kyiv signed dozens of deals in 2023", title="Article 12").kind
    'claim'
    """
    text = claim if isinstance(claim, str) else claim.text
    lang = lang or detect_language(text)
    figures = extract_figures(text, lang=lang)
    if isinstance(claim, Claim) and claim.statistics:
        year = next((d.start[:4] for d in claim.dates if d.start), None)
        modality = claim.modality if claim.modality in MODALITIES else "reported"
        figures = tuple(
            ReportedFigure(s.value, s.kind, s.bound, s.unit, s.counted, period=s.period or year,
                           base=s.base, direction=s.direction, surface=s.surface,
                           modality=s.modality if s.modality in MODALITIES else modality)
            for s in claim.statistics
        )  # fmt: skip
    return Source(title or text[:80], url=url, published=published, kind="claim", language=lang, text=text,
                  figures=figures)  # fmt: skip


def _matched_figures(query: Query, source: Source) -> tuple[ReportedFigure, ...]:
    """The source's figures of a compatible measure that agree with one of the claim's, best fit first."""
    fits = []
    for position, fig in enumerate(source.figures):
        scores = [s for s in (figure_fit(stat, fig) for stat in query.figures) if s is not None]
        if scores:
            fits.append((-max(scores), position, fig))
    return tuple(fig for _, _, fig in sorted(fits, key=lambda item: item[:2]))


def rank_sources(
    claim: Claim | str,
    index: SourceIndex,
    *,
    k: int = 10,
    first_stage: int = 50,
    scorers: Sequence[Scorer] = DEFAULT_SCORERS,
    lang: str | None = None,
    retrievers: Sequence[str] | None = None,
) -> list[Candidate]:
    """The ``k`` sources most likely to support or refute ``claim``, best first.

    The first stage fuses the BM25 and character n-gram rankings by reciprocal rank and keeps
    ``first_stage`` candidates. The second scores each as the retrievers' mean max-normalised score
    (which keeps the margins ranks lose) times ``1 + sum(weight x signal)`` over ``scorers``; with
    ``scorers=()`` the fused ranking is returned as it is.

    >>> index = build_index([Source("Weather in Paris", text="Rain again."),
    ...     Source("Defence output", text="Production tripled in 2023.")])
    >>> rank_sources("Production tripled in 2023", index, k=1)[0].source.title
    'Defence output'
    """
    query = make_query(claim, lang=lang)
    # with a figure, the series of the places the claim names are candidates too (the best few by words)
    among = [p for code in sorted(query.places) for p in index.places.get(code, ())] if query.figures else []
    hits = index.sparse.search_detailed(
        query.text, k=first_stage, depth=first_stage, lang=query.lang, retrievers=retrievers,
        among=among, among_k=first_stage if among else 0,
    )  # fmt: skip
    if not hits:
        return []
    top = hits[0][1]
    scored = []
    for position, fused, relative in hits:
        source = index.sources[position]
        if source.series is not None and not query.figures:
            continue  # a series is evidence for a figure: a claim without one gets none suggested
        signals = tuple((s.name, s.fn(query, source)) for s in scorers)
        boost = sum(s.weight * value for s, (_, value) in zip(scorers, signals, strict=True))
        # without scorers the fused ranking stands; with them, the retrievers' relative scores (which
        # keep the margins that ranks lose) are scaled by the boosts: close candidates are reordered,
        # a poor match is not rescued
        score = fused / top if not scorers else relative * max(MIN_FACTOR, 1.0 + boost)
        scored.append((score, position, fused, signals))
    scored.sort(key=lambda item: (-item[0], item[1]))
    candidates = []
    for rank, (score, position, fused, signals) in enumerate(scored[:k], start=1):
        source = index.sources[position]
        shared_years = query.years & (_source_years(source) or set(_YEAR.findall(source.title)))
        candidates.append(
            Candidate(
                source=source,
                position=position,
                score=score,
                first_stage=fused,
                rank=rank,
                matched_words=tuple(sorted(query.terms & set(index.sparse.tokens[position]))),
                matched_figures=_matched_figures(query, source),
                period=min(shared_years) if shared_years else None,
                signals=signals,
                notes=series_reasons(query, source),
            )
        )
    return candidates
