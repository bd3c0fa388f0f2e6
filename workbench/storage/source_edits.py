"""Changing a stored source: edit its fields, correct one of its figures, record what was fetched, delete it.

Every change is a row of ``source_changes`` (who, when, which field, before and after) and bumps the
source's version, so an edit or a deletion decided on a stale page is refused. A source is never removed
silently: one cited by a published verdict cannot be deleted; one still linked to claims is deleted only
when the reviewer asks for its links to be recorded, and its history then keeps them.
Values reach here cleaned (``workbench.desk.source_intake.clean_source_changes``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from workbench.domain.errors import InputError, NotFoundError, SourceInUseError, StaleSourceError
from workbench.storage.figure_edits import correct_figure, figure_reading
from workbench.storage.schema import EvidenceRow, FigureRow, SourceChangeRow, SourceRow
from workbench.storage.series_store import delete_series_values
from workbench.storage.source_links import citing_published_verdicts, current_links
from workbench.storage.sources_store import EXCERPT_CHARS

EDITABLE_FIELDS = ("title", "publisher", "url", "published", "kind", "text")


@dataclass(frozen=True)
class ArchivedCopy:
    """What was fetched for a source: when, from which final URL (after redirects), its SHA-256 and size."""

    fetched_at: dt.datetime
    url: str
    sha256: str
    size: int


def _bump(session: Session, source_id: int, expected_version: int) -> int:
    """Move the source to its next version, refused when someone changed it since ``expected_version``."""
    moved = session.execute(
        update(SourceRow)
        .where(SourceRow.id == source_id, SourceRow.version == expected_version)
        .values(version=expected_version + 1)
        .execution_options(synchronize_session=False)
    )
    if moved.rowcount == 1:
        return expected_version + 1
    last = session.scalar(
        select(SourceChangeRow)
        .where(SourceChangeRow.source_id == source_id)
        .order_by(SourceChangeRow.id.desc())
        .limit(1)
    )
    if session.get(SourceRow, source_id) is None:
        raise NotFoundError(f"Source #{source_id} does not exist (it may have been deleted).")
    who = f" {last.reviewer} changed its {last.field}." if last is not None else ""
    raise StaleSourceError(
        f"Source #{source_id} was changed since you opened it.{who} Nothing was saved: reload the source "
        "and make your change again."
    )


def _history(
    session: Session, source_id: int, field: str, before: object, after: object, reviewer: str
) -> None:
    session.add(
        SourceChangeRow(source_id=source_id, field=field, before=before, after=after, reviewer=reviewer)
    )


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _relocate_figures(row: SourceRow, text: str) -> None:
    """Keep each figure's span pointing at its words in the new text (the first place they occur), or
    drop the span when the words are gone: the figure stays, as the reviewer kept or corrected it."""
    for figure in row.figures:
        if figure.start is None or not figure.surface:
            continue
        if text[figure.start : figure.end] == figure.surface:
            continue
        found = text.find(figure.surface)
        figure.start, figure.end = (found, found + len(figure.surface)) if found >= 0 else (None, None)


def edit_source(
    session: Session,
    *,
    source_id: int,
    changes: Mapping[str, object],
    reviewer: str,
    expected_version: int,
) -> dict[str, object]:
    """Apply cleaned ``changes`` (title, publisher, url, published, kind, text); returns what changed."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InputError(f"Cannot edit {', '.join(sorted(unknown))}; only {', '.join(EDITABLE_FIELDS)}.")
    row = session.get(SourceRow, source_id)
    if row is None:
        raise NotFoundError(f"Source #{source_id} does not exist (it may have been deleted).")
    changed = {field: value for field, value in changes.items() if getattr(row, field) != value}
    if "text" in changed and (row.text or "") == (changed["text"] or ""):
        del changed["text"]
    if not changed:
        raise InputError("Nothing to save: the values are the ones already stored.")
    _bump(session, source_id, expected_version)
    session.refresh(row)
    for field, value in changed.items():
        _history(session, source_id, field, _json(getattr(row, field)), _json(value), reviewer)
        setattr(row, field, value)
    if "text" in changed:
        text = changed["text"] or ""
        row.excerpt = text[:EXCERPT_CHARS] or None
        _relocate_figures(row, text)
    session.flush()
    return changed


def correct_source_figure(
    session: Session, *, figure_id: int, changes: Mapping[str, object], reviewer: str
) -> dict:
    """Correct a source's figure (the engine's reading is kept on the figure) and note it in the source's
    history; returns the fields that changed."""
    figure = session.get(FigureRow, figure_id)
    if figure is None:
        raise NotFoundError(f"Figure #{figure_id} does not exist.")
    source_id = figure.source_id
    version = session.scalar(select(SourceRow.version).where(SourceRow.id == source_id))
    reading = figure_reading(figure)  # before the correction, for the history
    changed = correct_figure(session, figure_id=figure_id, changes=changes, reviewer=reviewer)
    before = {field: reading.get(field) for field in changed}
    _bump(session, source_id, version)
    _history(session, source_id, f"figure #{figure_id}", before, changed, reviewer)
    session.flush()
    return changed


def record_archived_copy(session: Session, source_id: int, copy: ArchivedCopy) -> None:
    """Keep what was fetched for a source just saved (its archived copy)."""
    row = session.get(SourceRow, source_id)
    if row is None:
        raise NotFoundError(f"Source #{source_id} does not exist.")
    row.fetched_at, row.fetched_url = copy.fetched_at, copy.url[:2000]
    row.fetched_sha256, row.fetched_bytes = copy.sha256, copy.size
    session.flush()


def archived_copy(row: SourceRow) -> ArchivedCopy | None:
    """The archived copy of a stored source (None: it was not fetched)."""
    if row.fetched_at is None or not row.fetched_sha256:
        return None
    return ArchivedCopy(row.fetched_at, row.fetched_url or "", row.fetched_sha256, row.fetched_bytes or 0)


def _verdict_names(verdicts) -> str:
    return "; ".join(
        f"claim #{v.claim_id}'s verdict “{v.rating}” (published by {v.published_by or v.reviewer}"
        + (f" on {v.published_at:%Y-%m-%d})" if v.published_at else ")")
        for v in verdicts[:5]
    ) + (f"; and {len(verdicts) - 5} more" if len(verdicts) > 5 else "")


def delete_source(
    session: Session, *, source_id: int, reviewer: str, expected_version: int, record_links: bool = False
) -> dict:
    """Delete a source, its figures and its links; returns what the history keeps of it.

    Refused (``SourceInUseError``, nothing changed) when a published verdict cites the source, and when
    claims are still linked to it unless ``record_links``: then every link it had goes into its history.
    """
    row = session.get(SourceRow, source_id)
    if row is None:
        raise NotFoundError(f"Source #{source_id} does not exist (it may have been deleted already).")
    published = citing_published_verdicts(session, source_id)
    if published:
        raise SourceInUseError(
            f"Source #{source_id} “{row.title}” cannot be deleted: it is cited by "
            f"{_verdict_names(published)}. A published verdict must keep its sources; nothing was deleted."
        )
    links = current_links(session, source_id)
    if links and not record_links:
        claims = ", ".join(f"#{link.claim_id}" for link in links[:10]) + (" …" if len(links) > 10 else "")
        raise SourceInUseError(
            f"Source #{source_id} is linked to {len(links)} claim(s) ({claims}). Unlink it from them first, "
            "or delete it with its links recorded in its history; nothing was deleted."
        )
    _bump(session, source_id, expected_version)
    history = session.scalars(
        select(EvidenceRow).where(EvidenceRow.source_id == source_id).order_by(EvidenceRow.id)
    ).all()
    kept = {
        "title": row.title,
        "publisher": row.publisher,
        "url": row.url,
        "published": _json(row.published),
        "kind": row.kind,
        "figures": len(row.figures),
        "links_in_force": [
            {
                "claim_id": link.claim_id,
                "stance": link.stance,
                "quote": link.quote,
                "figure_id": link.figure_id,
                # a proposed verdict naming the source: its editor learns here where the source went
                "cited_by_proposed_verdict": link.cited,
                "why": list(link.reasons),  # the suggestion's reasons when linked from one
            }
            for link in links
        ],
        "link_history": [
            {
                "claim_id": e.claim_id,
                "action": e.action,
                "stance": e.stance if e.action == "link" else None,
                "why": list(e.reasons or ()) if e.action == "link" else [],
                "reviewer": e.reviewer,
                "when": e.created_at.isoformat(),
            }
            for e in history
        ],
    }
    _history(session, source_id, "deleted", kept, None, reviewer)
    # removed in order, not left to ON DELETE CASCADE: the same on both dialects whatever the pragma
    session.execute(delete(EvidenceRow).where(EvidenceRow.source_id == source_id))
    session.execute(delete(FigureRow).where(FigureRow.source_id == source_id))
    delete_series_values(session, source_id)  # a series' values go with it (kept: the file it came from)
    session.execute(delete(SourceRow).where(SourceRow.id == source_id))
    session.expunge(row)
    session.flush()
    return kept
