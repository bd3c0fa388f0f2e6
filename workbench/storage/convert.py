"""ORM rows -> plain records, and claim-engine records -> ORM rows."""

from __future__ import annotations

from dataclasses import fields

from claims.models import Bound, Claim, Statistic
from sources.observations import period_label
from workbench.domain.records import (
    ArticleRecord,
    ClaimRecord,
    EvidenceRecord,
    FigureRecord,
    SourceRecord,
    StatisticRecord,
    VerdictRecord,
)
from workbench.storage.observations import clip, observation_columns, read_base, read_period
from workbench.storage.schema import (
    ArticleRow,
    ClaimRow,
    EvidenceRow,
    FigureRow,
    SourceRow,
    StatisticRow,
    VerdictRow,
)
from workbench.storage.sources_store import reported_figure


def observation_values(stat: Statistic) -> dict:
    """The columns of a statistic's period, base and modality (also written by rescore and corrections)."""
    return {
        **observation_columns(stat.period, stat.base),
        "period_surface": clip(stat.period.surface if stat.period else None, 200),
        "base_surface": clip(stat.base.surface if stat.base else None, 200),
        "modality": stat.modality,
    }


def statistic_values(stat: Statistic) -> dict:
    """A statistic's columns as stored (for a row object, or a bulk insert of many)."""
    return {
        "start": stat.span[0],
        "end": stat.span[1],
        "surface": stat.surface[:500],
        "kind": stat.kind,
        "value": stat.value,
        "bound": stat.bound.kind,
        "low": stat.bound.low,
        "high": stat.bound.high,
        "inclusive": stat.bound.inclusive,
        "unit": stat.unit,
        "counted": (stat.counted or None) and stat.counted[:200],
        "direction": stat.direction,
        "vague": stat.vague,
        **observation_values(stat),
    }


def statistic_row(stat: Statistic) -> StatisticRow:
    return StatisticRow(**statistic_values(stat))


def _flat(record: object) -> dict:
    """A record of plain values and tuples as a dict: what ``asdict`` gives, without its deep copy (a tenth
    of the bulk writer's time); a nested record would fail to store as JSON rather than store otherwise."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def claim_values(claim: Claim) -> dict:
    """A claim's columns as stored (statistics apart): spans index the article; dates, entities and
    attribution go to ``facets``."""
    facets = {
        "dates": [_flat(d) for d in claim.dates],
        "entities": [_flat(e) for e in claim.entities],
        "attribution": _flat(claim.attribution) if claim.attribution else None,
        "subject": claim.subject,
    }
    return {
        "sentence_no": claim.sentence_no,
        "start": claim.span[0],
        "end": claim.span[1],
        "text": claim.text,
        "kind": claim.kind,
        "modality": claim.modality,
        "worthiness": float(claim.worthiness),
        "reasons": list(claim.reasons),
        "facets": facets,
        "status": "new",
        "version": 1,
    }


def claim_row(claim: Claim) -> ClaimRow:
    """A claim as stored, with its statistics."""
    return ClaimRow(**claim_values(claim), statistics=[statistic_row(s) for s in claim.statistics])


def article_record(row: ArticleRow) -> ArticleRecord:
    return ArticleRecord(
        row.id, row.title, row.outlet, row.url, row.published, row.lang, row.text, row.is_example
    )


def statistic_record(row: StatisticRow) -> StatisticRecord:
    bound = Bound(row.bound, row.low, row.high, row.inclusive)
    period, base = read_period(row, row.period_surface), read_base(row, row.base_surface)
    stat = Statistic(row.surface, (row.start, row.end), row.kind, row.value, bound, row.unit, row.counted,
                     row.direction, period=period, base=base, modality=row.modality)  # fmt: skip
    return StatisticRecord(
        row.id, row.start, row.end, row.surface, row.kind, row.value, row.bound, row.low, row.high,
        row.inclusive, row.unit, row.counted, stat.describe(), row.original, row.corrected_by,
        row.direction, period, base, row.modality,
    )  # fmt: skip


def figure_record(row: FigureRow) -> FigureRecord:
    observation = reported_figure(row)
    return FigureRecord(
        row.id,
        row.source_id,
        row.value,
        row.bound,
        row.unit,
        row.measured,
        period_label(observation.period) or row.period,
        row.modality,
        row.surface,
        observation,
    )


def source_record(row: SourceRow) -> SourceRecord:
    return SourceRecord(
        row.id, row.title, row.publisher, row.url, row.published, row.kind, row.excerpt, row.is_example,
        tuple(figure_record(f) for f in row.figures),
    )  # fmt: skip


def evidence_record(row: EvidenceRow, source: SourceRow, figure: FigureRow | None) -> EvidenceRecord:
    return EvidenceRecord(
        row.id, row.claim_id, source_record(source), row.stance, row.quote,
        figure_record(figure) if figure else None, row.reviewer, row.created_at, tuple(row.reasons or ()),
    )  # fmt: skip


def verdict_record(row: VerdictRow) -> VerdictRecord:
    return VerdictRecord(
        row.id, row.claim_id, row.rating, row.rationale, row.reviewer, row.created_at,
        row.state or "proposed", row.published_by, row.published_at, tuple(row.source_ids or ()),
    )  # fmt: skip


def claim_record(
    row: ClaimRow, evidence: tuple[EvidenceRecord, ...] = (), verdicts: tuple[VerdictRecord, ...] = ()
) -> ClaimRecord:
    return ClaimRecord(
        row.id, row.article_id, row.sentence_no, row.start, row.end, row.text, row.kind, row.modality,
        row.worthiness, tuple(row.reasons or ()), dict(row.facets or {}), row.status, row.version,
        tuple(statistic_record(s) for s in row.statistics), evidence, verdicts,
        row.assignee, row.not_worthy_reason, row.origin_claim_id, bool(row.retired),
    )  # fmt: skip
