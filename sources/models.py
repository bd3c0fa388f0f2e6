"""Frozen records of the evidence side: sources, the figures they report, suggestions and comparisons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.modality import (
    MODALITIES as MODALITIES,  # one list: what the engine reads is what a reviewer picks
)
from claims.models import Base, Bound, Period, Span

if TYPE_CHECKING:
    from sources.series import SeriesFacts

SOURCE_KINDS: tuple[str, ...] = ("report", "dataset", "article", "statement", "interview", "claim", "other")


@dataclass(frozen=True)
class ReportedFigure:
    """A figure a source reports: the same observation as a claim's ``Statistic``.

    ``period`` is the time it describes and ``base`` what a change or multiplier is measured
    against ("×3 compared with 2022"): a label as typed or imported ("2023", "2024-03", "2021–2024")
    is read into a ``Period``/``Base`` on construction. ``direction`` is up or down for changes and
    multipliers, ``modality`` reported, forecast, target or estimate; ``vague`` marks words such as
    "des dizaines". ``surface``/``span`` locate it in the source's text when it was extracted from it
    (None when typed in or imported from a CSV column).
    """

    value: float | None
    kind: str = "number"
    bound: Bound = field(default_factory=Bound)
    unit: str | None = None
    counted: str | None = None
    period: Period | None = None
    base: Base | None = None
    modality: str = "reported"
    direction: str | None = None
    surface: str | None = None
    span: Span | None = None
    vague: bool = False

    def __post_init__(self) -> None:
        # labels ("2023", "since 2019") are read once here so every reader sees records
        from sources.observations import base_from_label, period_from_label

        if isinstance(self.period, str):
            object.__setattr__(self, "period", period_from_label(self.period))
        if isinstance(self.base, str):
            object.__setattr__(self, "base", base_from_label(self.base))


@dataclass(frozen=True)
class Source:
    """A report, dataset, article, official statement or interview, with the figures it reports.

    ``published`` is an ISO date or a prefix of one ("2024", "2024-03", "2024-03-05"); ``series`` holds
    what a statistical series measures (its unit, geography, periods) when the source is one.
    """

    title: str
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    kind: str = "other"
    language: str = "en"
    reliability: str | None = None
    text: str = ""
    figures: tuple[ReportedFigure, ...] = ()
    id: str | None = None
    series: SeriesFacts | None = None

    @property
    def year(self) -> int | None:
        """The publication year, when known."""
        head = (self.published or "")[:4]
        return int(head) if head.isdigit() else None


@dataclass(frozen=True)
class Candidate:
    """A source suggested for a claim, with the reasons it was suggested.

    ``position`` is the source's position in the index; ``first_stage`` the fused
    retrieval score; ``signals`` the second-stage scores by scorer name (0..1);
    ``matched_words`` the analysed words shared with the claim; ``matched_figures``
    the source's figures that agree with one of the claim's; ``period`` the period
    (year) shared by claim and source, if any; ``notes`` the sentences a second-stage judge wrote
    (a series' measure, geography, unit and coverage).
    """

    source: Source
    position: int
    score: float
    first_stage: float
    rank: int
    matched_words: tuple[str, ...] = ()
    matched_figures: tuple[ReportedFigure, ...] = ()
    period: str | None = None
    signals: tuple[tuple[str, float], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """Short readable reasons, for a table cell."""
        out = list(self.notes)
        if self.matched_words:
            out.append("words: " + ", ".join(self.matched_words[:8]))
        for fig in self.matched_figures[:3]:
            out.append(f"figure: {fig.surface or fig.value}")
        if self.period:
            out.append(f"period: {self.period}")  # the shared year, a label
        return tuple(out)


@dataclass(frozen=True)
class Comparison:
    """How a claim's statistic compares with a reported figure: a suggestion, never a verdict.

    ``status``: consistent, close, contradicts, not comparable, unknown.
    ``deviation`` is the relative deviation of the claim from the figure (0.05 = 5 %);
    ``bound_satisfied`` says whether the figure lies within the claim's bound
    ("plus de 250" vs 263: True). ``derived`` describes a figure computed from the
    source's figures (a chained multiplier) and ``notes`` flag what a reviewer must check
    (unknown base, forecast vs outcome, different periods).
    """

    status: str
    sentence: str
    same_metric: bool | None = None
    same_period: bool | None = None
    deviation: float | None = None
    bound_satisfied: bool | None = None
    claim_value: float | None = None
    figure_value: float | None = None
    derived: str | None = None
    notes: tuple[str, ...] = ()

    def as_rows(self) -> list[tuple[str, str]]:
        """The comparison as (label, value) rows for a compact table."""

        def show(flag: bool | None) -> str:
            return "?" if flag is None else ("yes" if flag else "no")

        rows = [
            ("status", self.status),
            ("same metric", show(self.same_metric)),
            ("same period", show(self.same_period)),
            ("bound satisfied", show(self.bound_satisfied)),
            ("deviation", "?" if self.deviation is None else f"{self.deviation:+.1%}"),
        ]
        if self.derived:
            rows.append(("derived", self.derived))
        rows.extend(("note", note) for note in self.notes)
        return rows


@dataclass(frozen=True)
class ImportResult:
    """Sources read from a file, and the located errors of rows that were skipped."""

    sources: tuple[Source, ...]
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Duplicate:
    """Two sources that look like the same document: ``reason`` is "url" or "title"."""

    first: int
    second: int
    reason: str
    score: float


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote sits in a text: ``status`` exact, fuzzy or absent; ``score`` 0..100."""

    status: str
    score: float
    span: Span | None = None
    surface: str | None = None


@dataclass(frozen=True)
class ClaimCluster:
    """Claims that repeat one another: ``members`` are positions in the input, ``score`` the
    weakest link's similarity."""

    members: tuple[int, ...]
    score: float
