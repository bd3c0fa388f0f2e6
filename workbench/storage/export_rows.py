"""The verdict export as a DataFrame: one row per claim with its verdict and evidence (columns in README).

By default the verdict columns hold the claim's latest *published* verdict; ``states="all"`` takes the
latest verdict whatever its state (proposed or published). Claims come in article order, narrowed by
the queue's ``ClaimFilter``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime

import pandas as pd
from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from claims.models import Bound, Period, Statistic
from claims.speakers import KINDS, speaker_kind
from sources.observations import base_label
from workbench.domain.records import standalone_text
from workbench.storage.filters import ClaimFilter, claims_query
from workbench.storage.observations import read_base, read_period
from workbench.storage.schema import (
    ArticleRow,
    ClaimRow,
    EvidenceRow,
    SettingRow,
    SourceRow,
    StatisticRow,
    VerdictRow,
)

EXPORT_COLUMNS: tuple[str, ...] = (
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "article_published",
    "article_lang",
    "claim_id",
    "claim",
    "claim_in_full",
    "claim_kind",
    "claim_modality",
    "claim_speaker",
    "claim_speaker_kind",
    "statistics",
    "statistic_directions",
    "statistic_periods",
    "statistic_bases",
    "statistic_modalities",
    "status",
    "verdict",
    "verdict_state",
    "rationale",
    "reviewer",
    "verdict_date",
    "verdict_at",
    "published_by",
    "published_at",
    "evidence_urls",
    "evidence_stances",
)
EVIDENCE_SEPARATOR = " | "  # a space cannot appear inside a valid URL, so the split is unambiguous
STATISTICS_SEPARATOR = "; "
STATES = ("published", "all")
CHUNK = 2000  # claims read per round trip; bounds memory on large exports


def iso_datetime(moment: datetime | None) -> str:
    """ISO 8601 in UTC with a Z; naive times (SQLite) are taken as UTC.

    >>> iso_datetime(datetime(2026, 1, 5, 10, 31, 7, 250))
    '2026-01-05T10:31:07Z'
    """
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def iso_date(day: date | None) -> str:
    return day.isoformat() if day else ""


def _speaker(facets: dict) -> dict[str, str]:
    """Who the claim is attributed to, and whether that is a person or an organisation: the reviewer's
    word, else the gazetteer's (an entity of the claim with that name), else read from the name."""
    attribution = facets.get("attribution") or {}
    speaker = attribution.get("speaker") or ""
    if not speaker:
        return {"claim_speaker": "", "claim_speaker_kind": ""}
    known = {}
    for entity in facets.get("entities") or ():
        for key in (entity.get("surface"), entity.get("name")):
            if key and entity.get("kind") in KINDS:
                known.setdefault(key, entity["kind"])
    kind = attribution.get("kind") if attribution.get("kind") in KINDS else None
    return {
        "claim_speaker": speaker,
        "claim_speaker_kind": kind or known.get(speaker) or speaker_kind(speaker),
    }


def _current(verdicts: list[Row], states: str) -> Row | None:
    chosen = verdicts if states == "all" else [v for v in verdicts if v.state == "published"]
    return chosen[-1] if chosen else None


def verdict_rows(
    session: Session,
    *,
    claim_filter: ClaimFilter | None = None,
    states: str = "published",
    only_with_verdict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Every claim matching ``claim_filter`` (or only those with a verdict in ``states``), for CSV.

    ``progress(done, total)`` is called after each chunk of claims.
    """
    if states not in STATES:
        raise ValueError(f"states must be one of {STATES}")
    # the verdict filters read the same verdict the row shows: a claim whose published verdict is "True"
    # is not found under "False" because a newer proposal says so
    claim_filter = dataclasses.replace(claim_filter or ClaimFilter(), published_only=states == "published")
    query = claims_query(claim_filter, ClaimRow.id)
    claim_ids = list(session.scalars(query.order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.id)))
    rows: list[dict] = []
    articles: dict[int, Row] = {}
    for first in range(0, len(claim_ids), CHUNK):
        chunk = claim_ids[first : first + CHUNK]
        rows += _chunk_rows(session, chunk, articles, states=states, only_with_verdict=only_with_verdict)
        if progress:
            progress(min(first + CHUNK, len(claim_ids)), len(claim_ids))
    return pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))


def _chunk_rows(
    session: Session,
    chunk: list[int],
    articles: dict[int, Row],
    *,
    states: str,
    only_with_verdict: bool,
) -> list[dict]:
    """Rows for one chunk of claim ids, read with plain column SELECTs (no ORM objects: 100,000 rows)."""
    claims = {c.id: c for c in session.execute(select(*_CLAIM_COLUMNS).where(ClaimRow.id.in_(chunk)))}
    missing = {c.article_id for c in claims.values()} - set(articles)
    if missing:
        query = select(*_ARTICLE_COLUMNS).where(ArticleRow.id.in_(missing))
        articles.update((a.id, a) for a in session.execute(query))
    history: dict[int, list[Row]] = {}
    query = select(*_VERDICT_COLUMNS).where(VerdictRow.claim_id.in_(chunk)).order_by(VerdictRow.id)
    for verdict in session.execute(query):
        history.setdefault(verdict.claim_id, []).append(verdict)
    readings = _readings(session, chunk)
    links = _links(session, chunk)
    rows = []
    for claim_id in chunk:
        claim = claims[claim_id]
        verdict = _current(history.get(claim_id, []), states)
        if only_with_verdict and verdict is None:
            continue
        article = articles[claim.article_id]
        urls = links.get(claim_id, {})
        rows.append(
            {
                "article_id": article.id,
                "article_title": article.title,
                "article_url": article.url or "",
                "outlet": article.outlet or "",
                "article_published": iso_date(article.published),
                "article_lang": article.lang,
                "claim_id": claim.id,
                "claim": claim.text,
                "claim_in_full": standalone_text(claim.text, claim.facets),
                "claim_kind": claim.kind,
                "claim_modality": claim.modality,
                **_speaker(claim.facets or {}),
                **_observation_cells(readings.get(claim_id, ())),
                "status": claim.status,
                "verdict": verdict.rating if verdict else "",
                "verdict_state": verdict.state if verdict else "",
                "rationale": verdict.rationale if verdict else "",
                "reviewer": verdict.reviewer if verdict else "",
                "verdict_date": iso_datetime(verdict.created_at)[:10] if verdict else "",
                "verdict_at": iso_datetime(verdict.created_at) if verdict else "",
                "published_by": (verdict.published_by or "") if verdict else "",
                "published_at": iso_datetime(verdict.published_at) if verdict else "",
                "evidence_urls": EVIDENCE_SEPARATOR.join(urls),
                "evidence_stances": EVIDENCE_SEPARATOR.join(urls.values()),
            }
        )
    return rows


_CLAIM_COLUMNS = (ClaimRow.id, ClaimRow.article_id, ClaimRow.text, ClaimRow.kind, ClaimRow.modality,
                  ClaimRow.status, ClaimRow.facets)  # fmt: skip
_ARTICLE_COLUMNS = (ArticleRow.id, ArticleRow.title, ArticleRow.url, ArticleRow.outlet, ArticleRow.published,
                    ArticleRow.lang)  # fmt: skip
_VERDICT_COLUMNS = (VerdictRow.claim_id, VerdictRow.rating, VerdictRow.state, VerdictRow.rationale,
                    VerdictRow.reviewer, VerdictRow.created_at, VerdictRow.published_by,
                    VerdictRow.published_at)  # fmt: skip
_STATISTIC_COLUMNS = (StatisticRow.claim_id, StatisticRow.surface, StatisticRow.start, StatisticRow.end,
                      StatisticRow.kind, StatisticRow.value, StatisticRow.bound, StatisticRow.low,
                      StatisticRow.high, StatisticRow.inclusive, StatisticRow.unit,
                      StatisticRow.counted, StatisticRow.direction, StatisticRow.modality,
                      StatisticRow.period_surface, StatisticRow.period_start, StatisticRow.period_end,
                      StatisticRow.period_granularity, StatisticRow.period_open, StatisticRow.base_value,
                      StatisticRow.base_unit, StatisticRow.base_period_start, StatisticRow.base_period_end,
                      StatisticRow.base_surface, StatisticRow.base_conflict)  # fmt: skip


def iso_interval(period: Period | None) -> str:
    """A period as an ISO 8601 interval ("2024-05-01/2025-04-30"); an open one as ``open: <words>``.

    >>> iso_interval(Period("2024-05-01", "2025-04-30")), iso_interval(Period(surface="last year", open=True))
    ('2024-05-01/2025-04-30', 'open: last year')
    """
    if period is None:
        return ""
    if period.start:
        end = period.end or period.start
        return period.start if end == period.start else f"{period.start}/{end}"
    return f"open: {period.surface}" if period.surface else "open"


def _observation_cells(stats: tuple[Statistic, ...] | list[Statistic]) -> dict[str, str]:
    """The statistics columns, one entry per figure in text order (empty entries keep positions aligned).

    Readings are signed with an ASCII minus, which spreadsheets read: a fall is "-12 %", never "+12 %".
    """

    def aligned(cells: list[str]) -> str:
        return STATISTICS_SEPARATOR.join(cells) if any(cells) else ""

    return {
        "statistics": STATISTICS_SEPARATOR.join(s.describe().replace("\u2212", "-") for s in stats),
        "statistic_directions": aligned([s.direction or "" for s in stats]),
        "statistic_periods": aligned([iso_interval(s.period) for s in stats]),
        "statistic_bases": aligned([_base_cell(s) for s in stats]),
        "statistic_modalities": aligned([s.modality or "" for s in stats]),
    }


def _base_cell(stat: Statistic) -> str:
    if stat.base is None:
        return ""
    words = base_label(stat.base) or ""
    return f"{words} (conflicting: {stat.base.surface})" if stat.base.conflict else words


def _readings(session: Session, chunk: list[int]) -> dict[int, list[Statistic]]:
    """Each claim's figures as stored (direction, period, base, modality included), in text order."""
    found: dict[int, list[Statistic]] = {}
    query = select(*_STATISTIC_COLUMNS).where(StatisticRow.claim_id.in_(chunk))
    for s in session.execute(query.order_by(StatisticRow.claim_id, StatisticRow.start, StatisticRow.id)):
        bound = Bound(s.bound, s.low, s.high, s.inclusive)
        stat = Statistic(
            s.surface, (s.start, s.end), s.kind, s.value, bound, s.unit, s.counted, s.direction,
            period=read_period(s, s.period_surface), base=read_base(s, s.base_surface), modality=s.modality,
        )  # fmt: skip
        found.setdefault(s.claim_id, []).append(stat)
    return found


def _links(session: Session, chunk: list[int]) -> dict[int, dict[str, str]]:
    """Each claim's current evidence links: source URL -> stance, oldest link first (no URL: left out)."""
    latest = (
        select(func.max(EvidenceRow.id))
        .where(EvidenceRow.claim_id.in_(chunk))
        .group_by(EvidenceRow.claim_id, EvidenceRow.source_id)
    )
    query = (
        select(EvidenceRow.claim_id, SourceRow.url, EvidenceRow.stance)
        .join(SourceRow, SourceRow.id == EvidenceRow.source_id)
        .where(EvidenceRow.id.in_(latest), EvidenceRow.action == "link", SourceRow.url.is_not(None))
        .order_by(EvidenceRow.id)
    )
    found: dict[int, dict[str, str]] = {}
    for claim_id, url, stance in session.execute(query):
        if url:
            found.setdefault(claim_id, {}).setdefault(url, stance)
    return found


def setting(session: Session, key: str, default: object = None) -> object:
    """A desk setting's value (settings table), or ``default`` when unset."""
    row = session.get(SettingRow, key)
    return default if row is None or row.value is None else row.value
