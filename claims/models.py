"""Frozen records the claim engine returns: every extracted piece keeps its surface and span."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

Span = tuple[int, int]
"""Character offsets ``(start, end)`` into the text that was analysed; ``text[start:end] == surface``."""

Record = TypeVar("Record")


def build(cls: type[Record], **fields: Any) -> Record:
    """``cls(**fields)`` for a frozen record, every field given, without the generated ``__init__``
    (which sets each field through ``object.__setattr__``, several times slower): for the loops that
    make one record per claim or entity.

    >>> build(Entity, surface="Kyiv", span=(0, 4), name=None, kind=None, score=0.0, suggestion=None)
    Entity(surface='Kyiv', span=(0, 4), name=None, kind=None, score=0.0, suggestion=None)
    """
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record


@dataclass(frozen=True)
class Bound:
    """How a figure is bounded: ``kind`` is exact, lower, upper, approximate or range.

    ``low``/``high`` give the interval the words allow (``None`` for unbounded);
    ``inclusive`` is False for strict bounds ("plus de 250" excludes 250).
    """

    kind: str = "exact"
    low: float | None = None
    high: float | None = None
    inclusive: bool = True


@dataclass(frozen=True)
class Period:
    """The stretch of time a figure describes: ISO ``start``/``end`` (inclusive) when resolvable.

    ``granularity``: day, week, month, quarter, semester, season, year, decade, span (several units).
    ``surface`` holds the words that gave it; an unresolvable period ("last year" without a
    publication date) keeps its words with ``start``/``end`` None and ``open`` True: shown as open,
    never guessed.
    """

    start: str | None = None
    end: str | None = None
    granularity: str | None = None
    surface: str | None = None
    open: bool = False


@dataclass(frozen=True)
class Base:
    """What a figure is compared with: a value ("from 4.5% in February") and/or a period ("since 2019").

    ``conflict`` is True when the text gives two bases that disagree: both are kept as read (the first
    here, the words of all in ``surface``) and the reviewer is told.
    """

    value: float | None = None
    unit: str | None = None
    period: Period | None = None
    surface: str | None = None
    conflict: bool = False


@dataclass(frozen=True)
class Statistic:
    """One figure found in text: a complete observation.

    ``kind``: count, number, percent, percentage_points, share, money, measure, multiplier,
    change, ordinal, ratio. ``value`` is the central value (a multiplier of 3 for
    "a triplé", 0.4 change for "a chuté de 40 %" with ``direction`` "down"; a share in
    percent: "one in five" is 20 with unit "%").
    ``unit`` is a currency code, "%", "pp", a unit symbol or None; ``counted`` is
    what is counted or measured, when the words say so.
    ``direction`` is "up" or "down" for every change and multiplier (×0.5, "halved", "cut"),
    None for levels. ``period`` is what the figure describes, ``base`` what it is compared
    with, ``modality`` per figure: reported, estimate, forecast or target.
    """

    surface: str
    span: Span
    kind: str
    value: float | None
    bound: Bound = field(default_factory=Bound)
    unit: str | None = None
    counted: str | None = None
    direction: str | None = None
    vague: bool = False
    period: Period | None = None
    base: Base | None = None
    modality: str | None = None

    def describe(self) -> str:
        """A short human reading of the figure, for tables and exports."""
        from claims.describe import describe_statistic

        return describe_statistic(self)


@dataclass(frozen=True)
class DateRef:
    """A date or period: ``start``/``end`` are ISO dates when resolvable, else None.

    ``granularity``: day, week, month, quarter, semester, season, year, decade. ``relative`` is True for
    "last year", "cette semaine" (resolved only against a publication date). ``year_guessed`` is True
    when the words name no year ("en mars"): the year nearest publication was taken, and a clause
    telling of the past moves it back (``claims.observation_dates.in_the_past``).
    """

    surface: str
    span: Span
    start: str | None = None
    end: str | None = None
    granularity: str | None = None
    relative: bool = False
    year_guessed: bool = False


@dataclass(frozen=True)
class Entity:
    """A named actor. ``name`` is the canonical name when the resolution was applied;
    ``suggestion`` holds a below-threshold match offered to the reviewer instead."""

    surface: str
    span: Span
    name: str | None = None
    kind: str | None = None
    score: float = 0.0
    suggestion: str | None = None


@dataclass(frozen=True)
class Attribution:
    """Who says the claim: ``speaker`` (canonical when resolved) and the words that say so."""

    speaker: str
    surface: str
    span: Span | None = None
    verb: str | None = None


@dataclass(frozen=True)
class Claim:
    """An atomic checkable statement with its facets; spans index the whole article."""

    text: str
    span: Span
    sentence_no: int
    statistics: tuple[Statistic, ...] = ()
    dates: tuple[DateRef, ...] = ()
    entities: tuple[Entity, ...] = ()
    attribution: Attribution | None = None
    kind: str = "other"
    worthiness: float = 0.0
    reasons: tuple[str, ...] = ()
    modality: str = "reported"
    subject: str | None = None
