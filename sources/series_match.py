"""Ranking statistical series for a claim's figure: what a series is indexed under, and the second-stage
signals that judge it (geography, unit, period coverage), each with the sentence a reviewer reads.

A series is a source whose ``series`` holds its ``SeriesFacts``. Its indexed document carries what it
measures, unit, geography (code and names), dataset and series code, in the same sparse index as every
other source; ``series_terms`` adds the words other languages use for what it measures and where (from
``sources/vocabulary``), so a French claim finds an English-labelled series.

The signals are scores for or against: 1 fits, 0 when a side does not say (neutral, never an error), -1
does not fit (a series of another country, a count for a share); sources that are no series get 0, so
the ranking of reports and articles is left as it was.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from sources.analysis import analyse
from sources.geography import Geography, geographies, geographies_in, read_geography
from sources.observations import period_from_label, standard_label, units_compatible
from sources.series import SeriesFacts, figure_kind
from sources.vocabulary import LANGUAGES, load

if TYPE_CHECKING:
    from claims.models import Period
    from sources.matching import Query
    from sources.models import Source

NEUTRAL = 0.0
AGAINST = -1.0
FREQUENCY_WORDS = {
    "A": "annual", "S": "half-yearly", "Q": "quarterly", "M": "monthly", "W": "weekly", "D": "daily",
}  # fmt: skip
# figures derived from two levels of a series (its ratio or difference): any level series can give them
DERIVED_KINDS = frozenset({"multiplier", "change"})
LEVEL_SHARES = frozenset({"percent", "share", "percentage_points"})


def series_document(facts: SeriesFacts) -> str:
    """The words a series is indexed under: measure, unit, geography code and name, dataset, code.

    >>> series_document(SeriesFacts("Production of arms", "t", "THS_T", "UA", "A", "defprod", "A.UA.T"))
    'Production of arms. THS_T. UA Ukraine. defprod A.UA.T. annual'
    """
    geo = read_geography(facts.geography)
    where = geo.label if geo else facts.geography
    codes = " ".join(c for c in (facts.dataset, facts.series_code) if c)
    unit = facts.unit_label or facts.unit
    frequency = FREQUENCY_WORDS.get(facts.frequency or "", facts.frequency)
    return ". ".join(part for part in (facts.measure, unit, where, codes, frequency) if part)


@cache
def _concept_phrases() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(concept, language, analysed words) of every phrase of every language's MEASURE_WORDS."""
    out = []
    for lang in LANGUAGES:
        for concept, phrases in getattr(load(lang), "MEASURE_WORDS", {}).items():
            out.extend((concept, lang, frozenset(analyse(p, lang))) for p in phrases)
    return tuple((c, lang, words) for c, lang, words in out if words)


@lru_cache(maxsize=100_000)
def measure_concepts(measure: str) -> tuple[str, ...]:
    """The vocabulary's concepts a measure's words name, in any language.

    >>> measure_concepts("Chômage des jeunes"), measure_concepts("Exports of goods")
    (('unemployment',), ('exports',))
    """
    words = {lang: set(analyse(measure, lang)) for lang in LANGUAGES}
    found = [(concept, phrase) for concept, lang, phrase in _concept_phrases() if phrase <= words[lang]]
    # the longer phrase wins: "gross domestic product" is GDP, not "product(ion)"
    kept = [c for c, phrase in found if not any(phrase < other for c2, other in found if c2 != c)]
    return tuple(dict.fromkeys(kept))


def series_terms(facts: SeriesFacts) -> list[str]:
    """Index terms a series gains beyond its own words: each language's words for what it measures and
    its geography's names, analysed as that language analyses them (a French query's stems)."""
    concepts = set(measure_concepts(facts.measure))
    terms: list[str] = []
    for concept, _, words in _concept_phrases():
        if concept in concepts:
            terms.extend(sorted(words))
    geo = read_geography(facts.geography)
    if geo is not None:
        for lang, name in geo.names:
            terms.extend(analyse(name, lang))
    return list(dict.fromkeys(terms))


@lru_cache(maxsize=100_000)
def _measure_words(measure: str, lang: str) -> frozenset[str]:
    return frozenset(analyse(measure, lang))


def measure_signal(query: Query, source: Source) -> float:
    """How much of what the series measures the claim names: the share of the series' concepts the claim
    names in any language, or of its measure's words, whichever is higher (0 for other sources)."""
    if source.series is None:
        return NEUTRAL
    measure = source.series.measure
    concepts = set(measure_concepts(measure))
    by_concept = len(concepts & set(measure_concepts(query.text))) / len(concepts) if concepts else 0.0
    words = _measure_words(measure, query.lang)
    by_words = len(words & query.terms) / len(words) if words else 0.0
    return max(by_concept, by_words)


def claim_geographies(query: Query) -> frozenset[str]:
    """The codes of the countries and groupings a claim names (its text and its entities)."""
    found = geographies_in(query.text)
    named = [read_geography(name) for name in query.entities]
    return frozenset(g.code for g in (*found, *named) if g is not None)


def _geography(source: Source) -> Geography | None:
    return read_geography(source.series.geography) if source.series is not None else None


def geography_signal(query: Query, source: Source) -> float:
    """1 when the series is of a place the claim names, -1 of another place, 0 when either is silent."""
    if source.series is None:
        return NEUTRAL
    geo = _geography(source)
    if geo is None or not query.places:
        return NEUTRAL
    return 1.0 if geo.code in query.places else AGAINST


def _unit_words(facts: SeriesFacts) -> str:
    """The unit as the file gave it, with how it was read when that differs ("PC_ACT (%)")."""
    read = facts.unit or "count"
    if not facts.unit_label or facts.unit_label == read:
        return read
    return f"{facts.unit_label} ({read})"


def unit_fit(stat, facts: SeriesFacts) -> float:
    """How a claim figure's kind and unit fit a series' unit: 1 compatible, -1 not, 0 unknown.

    A multiplier or change is derived from two levels, so any level series fits; a share needs a
    percentage series; money the same currency (another currency: 0.5, convertible at a rate); a
    measure a convertible unit; a count a series of counts.

    >>> from claims.models import Statistic
    >>> share = Statistic("12 %", (0, 4), "percent", 12.0, unit="%")
    >>> unit_fit(share, SeriesFacts("x", "%", "PC")), unit_fit(share, SeriesFacts("x", None, "NR"))
    (1.0, -1.0)
    """
    if facts.unit is None and facts.unit_label is None:
        return NEUTRAL  # the series does not say its unit
    if stat.kind in DERIVED_KINDS:
        return 1.0
    series_kind = figure_kind(facts.unit)
    if stat.kind in LEVEL_SHARES:
        return 1.0 if series_kind == "percent" else AGAINST
    if stat.kind == "money":
        if series_kind != "money":
            return AGAINST
        return 1.0 if not stat.unit or stat.unit == facts.unit else NEUTRAL  # convertible at a rate
    if stat.kind == "measure":
        return 1.0 if series_kind == "measure" and units_compatible(stat.unit, facts.unit) else AGAINST
    if stat.kind in ("count", "number"):
        if (stat.unit and stat.unit == facts.unit) or series_kind == "count":
            return 1.0
        return AGAINST if series_kind in ("percent", "money") else NEUTRAL
    return NEUTRAL  # ratios, ordinals: the unit says little


def _stats(query: Query) -> list:
    return [s for s in query.figures if getattr(s, "kind", None)]


def unit_signal(query: Query, source: Source) -> float:
    """The best fit of the claim's figures with the series' unit (0 without figures)."""
    if source.series is None:
        return NEUTRAL
    stats = _stats(query)
    return max((unit_fit(s, source.series) for s in stats), default=NEUTRAL)


def _claim_periods(query: Query) -> list[Period]:
    """The periods and base periods of the claim's figures (the years of its dates when they have none)."""
    periods = []
    for stat in query.figures:
        if getattr(stat, "period", None) is not None and stat.period.start:
            periods.append(stat.period)
        base = getattr(stat, "base", None)
        if base is not None and base.period is not None and base.period.start:
            periods.append(base.period)
    if not periods:
        periods = [p for p in (period_from_label(y) for y in sorted(query.years)) if p and p.start]
    return periods


def coverage(query: Query, facts: SeriesFacts) -> bool | None:
    """True when the series' values span every period the claim speaks of (and its base); None when
    either side has no dates."""
    periods = _claim_periods(query)
    if not periods or facts.first is None or facts.last is None or not facts.first.start:
        return None
    start, end = facts.first.start, facts.last.end or facts.last.start
    return all(start <= p.start and (p.end or p.start) <= end for p in periods)


def coverage_signal(query: Query, source: Source) -> float:
    """1 when the series covers the claim's periods, -1 when it does not, 0 when unknown."""
    if source.series is None:
        return NEUTRAL
    covered = coverage(query, source.series)
    return NEUTRAL if covered is None else (1.0 if covered else AGAINST)


def _span(facts: SeriesFacts) -> str:
    first, last = standard_label(facts.first), standard_label(facts.last)
    return first if first == last else f"{first}–{last}"


def _claim_span(query: Query) -> str:
    """The claim's periods from the earliest to the latest, in years ("2021–2024"), or in the standard
    label of each end when a period is shorter than a year ("2023-Q3")."""
    periods = _claim_periods(query)
    first = min(periods, key=lambda p: p.start)
    last = max(periods, key=lambda p: p.end or p.start)
    if all(p.granularity in (None, "year", "span", "decade") for p in periods):
        labels = (first.start[:4], (last.end or last.start)[:4])
    else:
        labels = (standard_label(first) or first.start, standard_label(last) or last.start)
    return labels[0] if labels[0] == labels[1] else f"{labels[0]}–{labels[1]}"


def series_reasons(query: Query, source: Source) -> tuple[str, ...]:
    """Why a series was suggested, in words: what it measures, geography, unit, period coverage.

    ("measures: production of arms", "geography: Ukraine matches", "unit: index, compatible with ×3",
    "covers 2021–2024")
    """
    facts = source.series
    if facts is None:
        return ()
    reasons = [f"measures: {facts.measure}"]
    geo = _geography(source)
    if geo is not None and query.places:
        if geo.code in query.places:
            reasons.append(f"geography: {geo.name} matches")
        else:
            named = ", ".join(sorted(g.name for g in _named(query.places)))
            reasons.append(f"geography: {geo.name}, not {named} as the claim says")
    elif facts.geography and geo is None:
        reasons.append(f"geography: {facts.geography}")
    stats = _stats(query)
    if stats and (facts.unit is not None or facts.unit_label is not None):
        best = max(stats, key=lambda s: unit_fit(s, facts))
        fit = unit_fit(best, facts)
        verdict = {1.0: "compatible with", AGAINST: "not comparable with"}.get(fit, "may not compare with")
        reasons.append(f"unit: {_unit_words(facts)}, {verdict} {best.surface}")
    covered = coverage(query, facts)
    if covered is True:
        reasons.append(f"covers {_claim_span(query)}")
    elif covered is False:
        reasons.append(f"does not cover {_claim_span(query)}: the series runs {_span(facts)}")
    elif facts.first is not None:
        reasons.append(f"runs {_span(facts)}")
    return tuple(reasons)


def _named(codes: frozenset[str]) -> list[Geography]:
    return [g for g in geographies() if g.code in codes]
