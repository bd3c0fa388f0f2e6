"""Plain records the storage layer hands to pages, exports and charts (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from claims.atomic import with_subject
from claims.models import Base, Bound, Period, Statistic


def standalone_text(text: str, facets: dict | None) -> str:
    """A stored claim's words as they read on their own, from its facets' subject (tables and exports)."""
    return with_subject(text, (facets or {}).get("subject"))


@dataclass(frozen=True)
class ArticleDraft:
    """A validated article ready to store, with the claims the engine found in it."""

    title: str
    text: str
    lang: str
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    claims: tuple = ()
    is_example: bool = False
    notes: tuple[str, ...] = ()  # what intake changed or left out of the text, for the reviewer


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    outlet: str | None
    url: str | None
    published: date | None
    lang: str
    text: str
    is_example: bool


@dataclass(frozen=True)
class StatisticRecord:
    id: int
    start: int
    end: int
    surface: str
    kind: str
    value: float | None
    bound: str
    low: float | None
    high: float | None
    inclusive: bool
    unit: str | None
    counted: str | None
    reading: str
    original: dict | None = None  # the engine's reading when a reviewer corrected it
    corrected_by: str | None = None
    direction: str | None = None
    period: Period | None = None
    base: Base | None = None
    modality: str | None = None

    def statistic(self) -> Statistic:
        """The claim engine's record of this stored statistic (as corrected)."""
        return Statistic(
            self.surface, (self.start, self.end), self.kind, self.value,
            Bound(self.bound, self.low, self.high, self.inclusive), self.unit, self.counted, self.direction,
            period=self.period, base=self.base, modality=self.modality,
        )  # fmt: skip


@dataclass(frozen=True)
class FigureRecord:
    id: int
    source_id: int
    value: float
    bound: str = "exact"
    unit: str | None = None
    measured: str | None = None
    period: str | None = None
    modality: str = "reported"
    surface: str | None = None
    # the whole observation (kind, direction, period and base records), for charts and comparisons
    observation: object | None = None


@dataclass(frozen=True)
class SourceInput:
    """What a reviewer types to add a source; ``figure_value`` is optional."""

    title: str
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    kind: str = "report"
    lang: str | None = None
    excerpt: str | None = None
    reliability_note: str | None = None
    figure_value: float | None = None
    figure_unit: str | None = None
    figure_measured: str | None = None
    figure_period: str | None = None
    figure_modality: str = "reported"
    is_example: bool = False


@dataclass(frozen=True)
class SourceRecord:
    id: int
    title: str
    publisher: str | None
    url: str | None
    published: date | None
    kind: str
    excerpt: str | None
    is_example: bool
    figures: tuple[FigureRecord, ...] = ()


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    claim_id: int
    source: SourceRecord
    stance: str
    quote: str | None
    figure: FigureRecord | None
    reviewer: str
    created_at: datetime
    reasons: tuple[str, ...] = ()  # why: the suggestion's reasons when linked from one


@dataclass(frozen=True)
class VerdictRecord:
    """One row of a claim's verdict history: proposed by ``reviewer``, or published by ``published_by``."""

    id: int
    claim_id: int
    rating: str
    rationale: str
    reviewer: str
    created_at: datetime
    state: str = "proposed"
    published_by: str | None = None
    published_at: datetime | None = None
    source_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ClaimRecord:
    """A stored claim with everything its panel shows."""

    id: int
    article_id: int
    sentence_no: int
    start: int
    end: int
    text: str
    kind: str
    modality: str
    worthiness: float
    reasons: tuple[str, ...]
    facets: dict
    status: str
    version: int
    statistics: tuple[StatisticRecord, ...] = ()
    evidence: tuple[EvidenceRecord, ...] = ()
    verdicts: tuple[VerdictRecord, ...] = field(default=())
    assignee: str | None = None
    not_worthy_reason: str | None = None
    origin_claim_id: int | None = None
    retired: bool = False

    @property
    def standalone(self) -> str:
        """The claim as it reads on its own: a clause sharing an earlier subject gets it in brackets."""
        return standalone_text(self.text, self.facets)

    @property
    def verdict(self) -> VerdictRecord | None:
        """The current verdict: the newest of the history."""
        return self.verdicts[-1] if self.verdicts else None

    @property
    def published_verdict(self) -> VerdictRecord | None:
        """The verdict the desk stands by in public: the newest published one (None before any)."""
        return next((v for v in reversed(self.verdicts) if v.state == "published"), None)


@dataclass(frozen=True)
class ChangeRecord:
    """One change to a claim: who changed which field, when, from what to what."""

    id: int
    claim_id: int
    field: str
    before: object
    after: object
    reviewer: str
    created_at: datetime


@dataclass(frozen=True)
class MetricRecord:
    """A measured thing several claims and figures share (e.g. Ukraine's defence production)."""

    id: int
    name: str
    unit: str | None
    claim_ids: tuple[int, ...] = ()
    figure_ids: tuple[int, ...] = ()
