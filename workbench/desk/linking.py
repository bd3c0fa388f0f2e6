"""Linking a source to a claim (quote checked against the source's text) and comparing linked figures.

The comparison is a suggestion for the reviewer, never a verdict: nothing here records one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from sources.comparison import compare
from sources.quotes import locate_quote
from workbench.desk.suggestions import claim_from_record
from workbench.domain.records import ClaimRecord
from workbench.storage.evidence import link_evidence
from workbench.storage.sources_store import figures_by_id, get_source, source_texts


@dataclass(frozen=True)
class LinkOutcome:
    """The stored link and what the quote check found: ``quote_status`` exact, fuzzy, absent or unchecked."""

    evidence_id: int
    quote_status: str
    message: str
    level: str = "success"  # how the page shows ``message``: success or warning


def check_quote(text: str | None, quote: str | None) -> tuple[str, str | None]:
    """(status, closest passage): exact, fuzzy (with the passage), absent, or unchecked (no text or quote).

    >>> check_quote("Production tripled in 2023.", "tripled in 2023")
    ('exact', 'tripled in 2023')
    """
    if not quote or not text:
        return "unchecked", None
    found = locate_quote(quote, text)
    return found.status, found.surface


def link_source(
    session: Session,
    *,
    claim_id: int,
    source_id: int,
    stance: str,
    reviewer: str,
    quote: str | None = None,
    figure_id: int | None = None,
    expected_version: int | None = None,
    reasons: Sequence[str] = (),
) -> LinkOutcome:
    """Record the link (append-only history); a quote missing from the source's text is said, not hidden.
    ``reasons``: why, when linked from a suggestion (its reasons as the reviewer saw them)."""
    status, passage = check_quote(source_texts(session, [source_id]).get(source_id), quote)
    evidence_id = link_evidence(
        session,
        claim_id=claim_id,
        source_id=source_id,
        stance=stance,
        quote=quote,
        figure_id=figure_id,
        reviewer=reviewer,
        expected_version=expected_version,
        reasons=reasons,
    )
    if status == "absent":
        return LinkOutcome(
            evidence_id, status, "Source linked, but the quote was not found in the source's text.", "warning"
        )
    if status == "fuzzy":
        return LinkOutcome(
            evidence_id,
            status,
            "Source linked, but the quote was not found word for word in the source's text; "
            f"closest passage: “{passage}”.",
            "warning",
        )
    return LinkOutcome(evidence_id, status, "Source linked.")


@dataclass(frozen=True)
class ComparisonRow:
    """One claim figure against one linked figure: the comparison's table rows and sentence."""

    claim_figure: str
    source_id: int
    source_title: str
    figure: str
    status: str
    sentence: str
    rows: tuple[tuple[str, str], ...]


def _claim_period(claim: ClaimRecord) -> str | None:
    for date in (claim.facets or {}).get("dates", []):
        if date.get("start"):
            return str(date["start"])[:4]
    return None


def claim_comparisons(session: Session, claim: ClaimRecord) -> list[ComparisonRow]:
    """Each claim statistic with a value against each figure picked in a current link."""
    linked = [e for e in claim.evidence if e.figure is not None]
    if not linked or not claim.statistics:
        return []
    figures = figures_by_id(session, [e.figure.id for e in linked])
    engine_claim = claim_from_record(claim)
    period = _claim_period(claim)
    modality = "forecast" if claim.modality == "forecast" else "reported"
    out = []
    for evidence in linked:
        figure = figures.get(evidence.figure.id)
        if figure is None:
            continue
        stored = get_source(session, evidence.source.id)
        context = [f for f in stored.source.figures if f != figure]
        for stat in engine_claim.statistics:
            if stat.value is None and stat.bound.low is None and stat.bound.high is None:
                continue
            result = compare(
                stat, figure, period=period, modality=modality, source=stored.source, context=context
            )
            out.append(
                ComparisonRow(
                    claim_figure=stat.surface,
                    source_id=stored.id,
                    source_title=stored.source.title,
                    figure=figure.surface or f"{figure.value:g}{' ' + figure.unit if figure.unit else ''}",
                    status=result.status,
                    sentence=result.sentence,
                    rows=tuple(result.as_rows()),
                )
            )
    return out
