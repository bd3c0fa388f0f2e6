"""Import statistical series from a file or a URL into the library: read, check, store, all or nothing.

The page and the command line both call ``import_series``; a refused file raises ``SourceImportError``
(its ``errors`` name the rows) or ``DuplicateSeriesError`` before anything is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from sources.series import Provenance
from sources.series_import import read_series
from workbench.desk.fetching import SERIES_TYPES, fetch_page
from workbench.storage.series_store import save_series

MAX_SERIES_BYTES = 50 * 1024 * 1024  # a file upload or a fetched series; a million SDMX-CSV rows fit
# (stage, done, total): "reading" counts rows (total unknown: 0), "saving" counts values
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SeriesOutcome:
    """What an import stored: the new sources' ids, values read, the rows skipped on request (located)."""

    source_ids: tuple[int, ...]
    values: int
    rows: int
    skipped: tuple[str, ...]
    format: str

    def message(self) -> str:
        """One sentence for the page and the command line."""
        skipped = f"; {len(self.skipped)} bad row(s) skipped" if self.skipped else ""
        ids = ", ".join(f"#{i}" for i in self.source_ids)
        return (
            f"Imported {len(self.source_ids)} series ({self.values:,} values, {self.format}) as source(s) "
            f"{ids}{skipped}."
        )


@dataclass(frozen=True)
class FetchedSeries:
    """A series file fetched through the address guard: its bytes, a name, the final URL and when."""

    content: bytes
    name: str
    url: str
    retrieved_at: str


def fetch_series(url: str, *, now: dt.datetime) -> FetchedSeries:
    """The file at ``url`` (CSV, JSON, text or XML only, within the size and time limits)."""
    page = fetch_page(url, max_bytes=MAX_SERIES_BYTES, accept=SERIES_TYPES)
    name = PurePosixPath(urlsplit(page.url).path).name or urlsplit(page.url).netloc
    return FetchedSeries(page.content, name, page.url, now.isoformat(timespec="seconds"))


def import_series(
    session: Session,
    content: bytes | str,
    *,
    name: str,
    reviewer: str | None,
    format: str | None = None,
    measure: str | None = None,
    provenance: Provenance | None = None,
    keep_good_rows: bool = False,
    title: str | None = None,
    is_example: bool = False,
    progress: Progress | None = None,
) -> SeriesOutcome:
    """Read every series of a file and store each as a source, in the caller's transaction."""
    read = read_series(
        content,
        name=name,
        format=format or None,
        measure=measure or None,
        provenance=provenance,
        keep_good_rows=keep_good_rows,
        progress=(lambda rows: progress("reading", rows, 0)) if progress else None,
    )
    ids = save_series(
        session,
        read,
        reviewer=reviewer,
        title=title,
        is_example=is_example,
        progress=(lambda done, total: progress("saving", done, total)) if progress else None,
    )
    return SeriesOutcome(
        tuple(ids), sum(len(s) for s in read.series), read.rows, tuple(read.errors), read.format
    )
