"""Sources and their reported figures in the database: ``sources.models`` records <-> rows.

Imports are saved in one transaction (the caller's session): a failure half-way leaves the
library as it was. Reading back gives ``sources.models.Source`` records whose ``id`` is the
row id as text, and whose figures keep the row order, so ``figure_ids`` maps them back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from claims.models import Bound
from sources.models import ReportedFigure, Source
from sources.observations import base_label, period_label
from workbench.domain.errors import NotFoundError
from workbench.storage.observations import clip, observation_columns, read_base, read_period
from workbench.storage.schema import FigureRow, SourceRow
from workbench.storage.series_store import series_facts_by_source
from workbench.storage.source_keys import publisher_key, url_key

CHUNK = 500  # rows flushed between two progress reports
EXCERPT_CHARS = 600


@dataclass(frozen=True)
class StoredSource:
    """A stored source: its row id, the record, and the row id of each of its figures (same order)."""

    id: int
    source: Source
    figure_ids: tuple[int, ...]
    created_by: str | None = None
    is_example: bool = False


def published_date(published: str | None) -> dt.date | None:
    """An ISO date or prefix ("2024", "2024-03") as the first day it names.

    >>> published_date("2024-03"), published_date(None)
    (datetime.date(2024, 3, 1), None)
    """
    if not published:
        return None
    padded = published + "-01" * ((10 - len(published)) // 3)
    return dt.date.fromisoformat(padded[:10])


def figure_row(figure: ReportedFigure) -> FigureRow | None:
    """A figure as stored (None when it has no value: the column is required)."""
    if figure.value is None:
        return None
    start, end = figure.span if figure.span else (None, None)
    return FigureRow(
        surface=figure.surface[:500] if figure.surface else None,
        value=figure.value,
        bound=figure.bound.kind,
        low=figure.bound.low,
        high=figure.bound.high,
        inclusive=figure.bound.inclusive,
        unit=figure.unit[:40] if figure.unit else None,
        measured=figure.counted[:200] if figure.counted else None,
        **figure_observation_columns(figure),
        modality=figure.modality,
        kind=figure.kind,
        direction=figure.direction,
        start=start,
        end=end,
    )


def figure_observation_columns(figure: ReportedFigure) -> dict:
    """The period and base of a figure as columns: ``period``/``base`` keep the words (40 characters)."""
    return {
        **observation_columns(figure.period, figure.base),
        "period": clip(period_label(figure.period), 40),
        "base": clip((figure.base.surface if figure.base else None) or base_label(figure.base), 40),
    }


def source_row(source: Source, *, created_by: str | None, is_example: bool = False) -> SourceRow:
    """A source as stored, with its figures; ``excerpt`` is the start of the text."""
    text = source.text or None
    row = SourceRow(
        title=source.title[:500],
        publisher=source.publisher[:200] if source.publisher else None,
        url=source.url,
        published=published_date(source.published),
        kind=source.kind,
        lang=source.language,
        reliability_note=source.reliability,
        excerpt=text[:EXCERPT_CHARS] if text else None,
        text=text,
        is_example=is_example,
        created_by=created_by,
    )
    row.figures = [f for f in (figure_row(fig) for fig in source.figures) if f is not None]
    return row


def reported_figure(row: FigureRow) -> ReportedFigure:
    """A stored figure as the comparison and ranking code reads it."""
    span = (row.start, row.end) if row.start is not None and row.end is not None else None
    low = row.low if row.low is not None or row.bound != "exact" else row.value
    high = row.high if row.high is not None or row.bound != "exact" else row.value
    return ReportedFigure(
        value=row.value,
        kind=row.kind or "number",
        bound=Bound(row.bound or "exact", low, high, row.inclusive),
        unit=row.unit,
        counted=row.measured,
        # rows written before their bounds were stored carry only words: read them as labels
        period=read_period(row, row.period) if row.period_start or row.period_open else row.period,
        base=read_base(row, row.base) if row.base_value is not None or row.base_period_start else row.base,
        modality=row.modality or "reported",
        direction=row.direction,
        surface=row.surface,
        span=span,
    )


def stored_source(row: SourceRow) -> StoredSource:
    text = row.text or row.excerpt or ""
    source = Source(
        title=row.title,
        publisher=row.publisher,
        url=row.url,
        published=row.published.isoformat() if row.published else None,
        kind=row.kind,
        language=row.lang or "en",
        reliability=row.reliability_note,
        text=text,
        figures=tuple(reported_figure(f) for f in row.figures),
        id=str(row.id),
    )
    return StoredSource(row.id, source, tuple(f.id for f in row.figures), row.created_by, row.is_example)


def save_sources(
    session: Session,
    sources: Sequence[Source],
    *,
    created_by: str,
    is_example: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Store ``sources`` in the caller's transaction; ``progress(done, total)`` after each chunk.

    Every row is built before the first one is written: on SQLite the write lock is taken at the
    first flush, and is then held only while rows are written. Nothing is committed here: an error
    (or an exception from ``progress``) before the caller's commit leaves the database as it was.
    """
    built = [source_row(s, created_by=created_by, is_example=is_example) for s in sources]
    ids: list[int] = []
    total = len(built)
    for start in range(0, total, CHUNK):
        rows = built[start : start + CHUNK]
        session.add_all(rows)
        session.flush()
        ids.extend(r.id for r in rows)
        if progress:
            progress(min(start + CHUNK, total), total)
    return ids


def load_sources(session: Session, *, after_id: int = 0) -> list[StoredSource]:
    """Every stored source with an id above ``after_id``, oldest first; a series with what it measures,
    its unit, geography and periods (``Source.series``), which it is ranked by."""
    rows = session.scalars(
        select(SourceRow)
        .where(SourceRow.id > after_id)
        .options(selectinload(SourceRow.figures))
        .order_by(SourceRow.id)
    )
    loaded = [stored_source(r) for r in rows]
    facts = series_facts_by_source(session, after_id=after_id) if loaded else {}
    return [_with_series(item, facts.get(item.id)) for item in loaded]


def _with_series(item: StoredSource, facts) -> StoredSource:
    return item if facts is None else replace(item, source=replace(item.source, series=facts))


def _key_rows(rows) -> list[StoredSource]:
    return [
        StoredSource(source_id, Source(title, publisher=publisher, url=url, id=str(source_id)), ())
        for source_id, title, publisher, url in rows
    ]


_KEY_COLUMNS = (SourceRow.id, SourceRow.title, SourceRow.publisher, SourceRow.url)


def load_source_keys(session: Session) -> list[StoredSource]:
    """Every source with only what duplicate checks read (title, publisher, URL), for the library table."""
    return _key_rows(session.execute(select(*_KEY_COLUMNS).order_by(SourceRow.id)))


def duplicate_candidates(session: Session, sources: Sequence[Source]) -> list[StoredSource]:
    """The stored sources that could duplicate one of ``sources``: the same URL or the same publisher,
    found through the indexed keys, so a check reads a few rows instead of the whole library."""
    urls = {key for key in (url_key(s.url) for s in sources) if key}
    publishers = {publisher_key(s.publisher) for s in sources}
    rows = session.execute(
        select(*_KEY_COLUMNS)
        .where(or_(SourceRow.url_key.in_(urls), SourceRow.publisher_key.in_(publishers)))
        .order_by(SourceRow.id)
    )
    return _key_rows(rows)


def get_source(session: Session, source_id: int) -> StoredSource:
    row = session.scalar(
        select(SourceRow).where(SourceRow.id == source_id).options(selectinload(SourceRow.figures))
    )
    if row is None:
        raise NotFoundError(f"Source #{source_id} does not exist.")
    return _with_series(stored_source(row), series_facts_by_source(session, source_id=source_id).get(row.id))


def source_texts(session: Session, source_ids: Iterable[int]) -> dict[int, str]:
    """The known text of each source (sources without text are left out)."""
    ids = set(source_ids)
    if not ids:
        return {}
    rows = session.execute(select(SourceRow.id, SourceRow.text).where(SourceRow.id.in_(ids)))
    return {source_id: text for source_id, text in rows if text}


def figures_by_id(session: Session, figure_ids: Iterable[int]) -> dict[int, ReportedFigure]:
    ids = set(figure_ids)
    if not ids:
        return {}
    rows = session.scalars(select(FigureRow).where(FigureRow.id.in_(ids)))
    return {row.id: reported_figure(row) for row in rows}


def source_revision(session: Session) -> tuple[int, int, int]:
    """(highest source id, number of sources, number of edits to the sources there): changes whenever a
    source is added, removed or edited; an addition alone leaves the third number as it was."""
    top, count, versions = session.execute(
        select(func.max(SourceRow.id), func.count(SourceRow.id), func.sum(SourceRow.version))
    ).one()
    return int(top or 0), int(count or 0), int(versions or 0) - int(count or 0)
