"""One source as its page shows it: the stored source, its figures as read and corrected, where it is
linked, the published verdicts citing it, its archived copy and its history."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from sources.models import Source
from workbench.domain.errors import NotFoundError
from workbench.domain.records import VerdictRecord
from workbench.storage.figure_edits import figure_reading
from workbench.storage.schema import SourceChangeRow, SourceRow
from workbench.storage.source_edits import ArchivedCopy, archived_copy
from workbench.storage.source_links import (
    SourceLink,
    citing_published_verdicts,
    current_links,
    source_history,
)
from workbench.storage.sources_store import stored_source


@dataclass(frozen=True)
class SourceFigure:
    """A figure of the source: its words, its reading now, the engine's reading when corrected."""

    id: int
    surface: str
    reading: dict
    original: dict | None
    corrected_by: str | None


@dataclass(frozen=True)
class SourceView:
    id: int
    version: int
    source: Source
    created_by: str | None
    figures: tuple[SourceFigure, ...]
    links: tuple[SourceLink, ...]
    published_citations: tuple[VerdictRecord, ...]
    archived: ArchivedCopy | None
    history: pd.DataFrame


def _surface(row) -> str:
    """The figure's words; for a typed figure, its value and unit as first stored (a correction keeps
    them: the figure is named the same before and after)."""
    if row.surface:
        return row.surface
    first = row.original or {"value": row.value, "unit": row.unit}
    return f"{first['value']:g}" + (f" {first['unit']}" if first.get("unit") else "")


def load_source_view(session: Session, source_id: int) -> SourceView:
    """Everything the source page shows; NotFoundError (saying when it was deleted, and by whom) if gone."""
    row = session.get(SourceRow, source_id)
    if row is None:
        deleted = session.scalar(
            select(SourceChangeRow).where(
                SourceChangeRow.source_id == source_id, SourceChangeRow.field == "deleted"
            )
        )
        if deleted is not None:
            title = (deleted.before or {}).get("title", "")
            raise NotFoundError(
                f"Source #{source_id} “{title}” was deleted by {deleted.reviewer} on "
                f"{deleted.created_at:%Y-%m-%d %H:%M}; its history is below."
            )
        raise NotFoundError(f"Source #{source_id} does not exist.")
    figures = tuple(
        SourceFigure(f.id, _surface(f), figure_reading(f), f.original, f.corrected_by) for f in row.figures
    )
    return SourceView(
        id=row.id,
        version=row.version,
        source=stored_source(row).source,
        created_by=row.created_by,
        figures=figures,
        links=tuple(current_links(session, source_id)),
        published_citations=tuple(citing_published_verdicts(session, source_id)),
        archived=archived_copy(row),
        history=source_history(session, source_id),
    )
