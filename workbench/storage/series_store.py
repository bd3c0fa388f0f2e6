"""Statistical series in the database: a source of kind "series", its metadata row and its values.

A file's series are saved in the caller's transaction, all or none: a duplicate (same publisher, dataset,
series code and geography; or, without a code, the same URL, geography and measure) refuses the whole
import, naming the stored source. Values are inserted in chunks: a long series costs a few statements.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.orm import Session, aliased

from claims.models import Period
from sources.dedup import comparable
from sources.observations import standard_label
from sources.series import Provenance, Series, SeriesFacts
from sources.series_rows import SeriesImport
from workbench.domain.errors import InputError
from workbench.storage.schema import SeriesPointRow, SeriesRow, SourceChangeRow, SourceRow
from workbench.storage.source_keys import url_key

CHUNK = 5_000  # values inserted per statement
SERIES_KIND = "series"


class DuplicateSeriesError(InputError):
    """A series already stored under the same provenance; nothing of the import was saved."""


@dataclass(frozen=True)
class StoredSeries:
    """A stored series: its source's id and title, and the series as ``sources.series`` reads it."""

    source_id: int
    title: str
    series: Series
    is_example: bool = False


def provenance_key(series: Series) -> str | None:
    """What duplicates are found by: publisher|dataset|code|geography, else the URL with geography,
    measure, unit and key (None: nothing to compare).

    >>> provenance_key(Series("x", None, (), (), (), provenance=Provenance("Eurostat", "nama_10_gdp", "A.B")))
    'code:eurostat|nama_10_gdp|a b|'
    """
    source = series.provenance
    if source.series_code:
        # with the geography: the World Bank's code names an indicator, the same for every country
        parts = (source.publisher, source.dataset, source.series_code, series.geography)
        return ("code:" + "|".join(comparable(p or "") for p in parts))[:200]
    if source.url:  # one URL may hold several series: told apart by geography, measure and key
        rest = "|".join(comparable(x or "") for x in (series.geography, series.measure, series.unit_label))
        rest += "|" + "|".join(f"{k}={v}" for k, v in series.dimensions)
        return f"url:{url_key(source.url)}|{hashlib.sha256(rest.encode()).hexdigest()[:32]}"
    return None


def series_title(series: Series) -> str:
    """How the library lists a series: what is measured, where, and its publisher's code."""
    where = f", {series.geography}" if series.geography else ""
    code = series.provenance.series_code or series.provenance.dataset
    return f"{series.measure}{where}" + (f" ({code})" if code else "")


def find_duplicate(session: Session, series: Series) -> tuple[int, str] | None:
    """The stored source (id, title) with the same provenance key, or None."""
    key = provenance_key(series)
    if key is None:
        return None
    found = session.execute(
        select(SourceRow.id, SourceRow.title)
        .join(SeriesRow, SeriesRow.source_id == SourceRow.id)
        .where(SeriesRow.provenance_key == key)
        .limit(1)
    ).first()
    return (found.id, found.title) if found else None


def _refuse_duplicates(session: Session, found: Sequence[Series]) -> None:
    errors = []
    seen: dict[str, int] = {}
    for number, series in enumerate(found, start=1):
        key = provenance_key(series)
        if key is not None and key in seen:
            errors.append(f"series {number} ({series.name}) repeats series {seen[key]} of the same file")
        elif (stored := find_duplicate(session, series)) is not None:
            errors.append(f"{series.name} is already stored as source #{stored[0]} “{stored[1]}”")
        if key is not None:
            seen.setdefault(key, number)
    if errors:
        raise DuplicateSeriesError(
            "Nothing was imported: " + "; ".join(errors) + ". Open the stored source, or delete it first."
        )


def save_series(
    session: Session,
    imported: SeriesImport | Sequence[Series],
    *,
    reviewer: str | None,
    title: str | None = None,
    is_example: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[int]:
    """Store every series of an import as a source each (ids returned); all or none."""
    found = imported.series if isinstance(imported, SeriesImport) else tuple(imported)
    fmt = imported.format if isinstance(imported, SeriesImport) else None
    _refuse_duplicates(session, found)
    total, done, ids = sum(len(s) for s in found), 0, []
    for series in found:
        source = series.provenance
        row = SourceRow(
            title=(title if title and len(found) == 1 else series_title(series))[:500],
            publisher=source.publisher[:200] if source.publisher else None,
            url=source.url,
            kind=SERIES_KIND,
            excerpt=f"{len(series)} values from {series.first and standard_label(series.first)} "
            f"to {series.last and standard_label(series.last)}",
            is_example=is_example,
            created_by=reviewer,
        )
        session.add(row)
        session.flush()
        meta = SeriesRow(
            source_id=row.id,
            measure=series.measure[:500],
            unit=series.unit,
            scale=series.scale,
            unit_label=series.unit_label[:200] if series.unit_label else None,
            geography=series.geography[:200] if series.geography else None,
            frequency=series.frequency,
            kind=series.kind,
            dimensions=[list(pair) for pair in series.dimensions],
            dataset=source.dataset[:300] if source.dataset else None,
            series_code=source.series_code[:300] if source.series_code else None,
            retrieved_at=source.retrieved_at[:40] if source.retrieved_at else None,
            file_name=source.file_name[:500] if source.file_name else None,
            format=fmt,
            provenance_key=provenance_key(series),
        )
        session.add(meta)
        session.flush()
        points = [
            {
                "series_id": meta.id,
                "position": i,
                "label": standard_label(period),
                "period_start": period.start,
                "period_end": period.end,
                "granularity": period.granularity,
                "value": value,
                "flags": list(flags),
            }
            for i, (period, value, flags) in enumerate(
                zip(series.periods, series.values, series.flags, strict=True)
            )
        ]
        for start in range(0, len(points), CHUNK):
            session.execute(insert(SeriesPointRow), points[start : start + CHUNK])
            done += len(points[start : start + CHUNK])
            if progress:
                progress(done, total)
        session.add(
            SourceChangeRow(
                source_id=row.id,
                field="imported",
                before=None,
                after={"file": source.file_name, "format": fmt, "values": len(series), "series": series.name},
                reviewer=reviewer or "unknown",
            )
        )
        ids.append(row.id)
    session.flush()
    return ids


def _series(meta: SeriesRow, source: SourceRow, points: Sequence[SeriesPointRow]) -> Series:
    return Series(
        measure=meta.measure,
        unit=meta.unit,
        periods=tuple(Period(p.period_start, p.period_end, p.granularity, surface=p.label) for p in points),
        values=tuple(p.value for p in points),
        flags=tuple(tuple(p.flags or ()) for p in points),
        scale=meta.scale,
        unit_label=meta.unit_label,
        geography=meta.geography,
        frequency=meta.frequency,
        dimensions=tuple(tuple(pair) for pair in meta.dimensions or ()),
        provenance=Provenance(
            publisher=source.publisher,
            dataset=meta.dataset,
            series_code=meta.series_code,
            url=source.url,
            retrieved_at=meta.retrieved_at,
            file_name=meta.file_name,
        ),
        kind=meta.kind,
    )


def load_series(session: Session, source_id: int) -> StoredSeries | None:
    """The series of a source (None when the source is no series)."""
    meta = session.scalar(select(SeriesRow).where(SeriesRow.source_id == source_id))
    if meta is None:
        return None
    source = session.get(SourceRow, source_id)
    points = session.scalars(
        select(SeriesPointRow).where(SeriesPointRow.series_id == meta.id).order_by(SeriesPointRow.position)
    ).all()
    return StoredSeries(source_id, source.title, _series(meta, source, points), source.is_example)


def series_source_ids(session: Session, source_ids: Sequence[int] | None = None) -> list[int]:
    """The ids of sources that are series (among ``source_ids`` when given), oldest first."""
    query = select(SeriesRow.source_id).order_by(SeriesRow.source_id)
    if source_ids is not None:
        query = query.where(SeriesRow.source_id.in_(list(source_ids)))
    return list(session.scalars(query))


def series_titles(session: Session) -> dict[int, str]:
    """Every series' source id and title, oldest first (for pickers)."""
    rows = session.execute(
        select(SourceRow.id, SourceRow.title)
        .join(SeriesRow, SeriesRow.source_id == SourceRow.id)
        .order_by(SourceRow.id)
    )
    return {source_id: title for source_id, title in rows}


def delete_series_values(session: Session, source_id: int) -> int:
    """Remove a source's series and values (before the source itself); returns how many values went."""
    meta = session.scalar(select(SeriesRow).where(SeriesRow.source_id == source_id))
    if meta is None:
        return 0
    gone = session.execute(delete(SeriesPointRow).where(SeriesPointRow.series_id == meta.id)).rowcount
    session.execute(delete(SeriesRow).where(SeriesRow.id == meta.id))
    return gone


def _period(start: str | None, end: str | None, granularity: str | None, label: str | None) -> Period | None:
    return Period(start, end, granularity, surface=label) if start else None


def series_facts_by_source(
    session: Session, *, after_id: int = 0, source_id: int | None = None
) -> dict[int, SeriesFacts]:
    """What ranking reads of each series (source id -> facts) with a source id above ``after_id`` (or of
    ``source_id`` alone): its metadata and first and last periods holding a value, in one query."""
    points = SeriesPointRow
    held = (
        select(
            points.series_id,
            func.min(points.position).label("lo"),
            func.max(points.position).label("hi"),
            func.count().label("n"),
        )
        .where(points.value.is_not(None))
        .group_by(points.series_id)
        .subquery()
    )
    first, last = aliased(SeriesPointRow), aliased(SeriesPointRow)
    query = (
        select(SeriesRow, first, last, held.c.n)
        .outerjoin(held, held.c.series_id == SeriesRow.id)
        .outerjoin(first, and_(first.series_id == SeriesRow.id, first.position == held.c.lo))
        .outerjoin(last, and_(last.series_id == SeriesRow.id, last.position == held.c.hi))
    )
    if source_id is not None:
        query = query.where(SeriesRow.source_id == source_id)
    else:
        query = query.where(SeriesRow.source_id > after_id)
    found = {}
    for meta, lo, hi, count in session.execute(query):
        found[meta.source_id] = SeriesFacts(
            measure=meta.measure,
            unit=meta.unit,
            unit_label=meta.unit_label,
            geography=meta.geography,
            frequency=meta.frequency,
            dataset=meta.dataset,
            series_code=meta.series_code,
            first=_period(lo.period_start, lo.period_end, lo.granularity, lo.label) if lo else None,
            last=_period(hi.period_start, hi.period_end, hi.granularity, hi.label) if hi else None,
            values=int(count or 0),
        )
    return found
