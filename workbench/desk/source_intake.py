"""Source intake: what a reviewer types, uploads, pastes or points at becomes checked ``Source`` records.

Reading and checking only; storing is ``save_library_sources``, one transaction for a whole import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from claims import detect_language
from claims.models import Bound
from sources.figures import extract_figures
from sources.importing import BOUND_KINDS, SourceImportError, import_csv, import_html, import_text
from sources.models import ReportedFigure, Source
from workbench.desk.fetching import check_url, fetch_page
from workbench.desk.library import DuplicateFlag, flag_duplicates
from workbench.domain.errors import InputError
from workbench.domain.validation import MAX_UPLOAD_BYTES, clean_text
from workbench.domain.vocabulary import SOURCE_KINDS
from workbench.storage.source_edits import ArchivedCopy, record_archived_copy
from workbench.storage.sources_store import StoredSource, duplicate_candidates, save_sources

MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_SOURCE_TEXT = 2_000_000
MIN_PAGE_WORDS = 20  # fewer words than this is a page's furniture ("Enable JavaScript."), not its text
Progress = Callable[[int, int], None]


class SourceFileError(InputError):
    """A file whose rows could not all be read; ``errors`` holds one located message per problem."""

    def __init__(self, errors: Sequence[str]):
        self.errors = tuple(errors)
        more = f" (and {len(self.errors) - 5} more)" if len(self.errors) > 5 else ""
        super().__init__("; ".join(self.errors[:5]) + more)


@dataclass(frozen=True)
class CsvReading:
    """Sources read from a CSV file and the located errors of the rows left out."""

    sources: tuple[Source, ...]
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FigureInput:
    """A figure typed by the reviewer (all optional but the value)."""

    value: float
    unit: str | None = None
    kind: str | None = None
    bound: str = "exact"
    counted: str | None = None
    period: str | None = None


def _check_source(source: Source, where: str) -> Source:
    """Refuse markup and over-long fields; ``where`` locates the message ("sources.csv, source 3")."""
    try:
        title = clean_text("title", source.title, required=True)
        publisher = clean_text("publisher", source.publisher, max_chars=200)
        reliability = clean_text("reliability note", source.reliability, max_chars=5_000)
        text = clean_text("source text", source.text, max_chars=MAX_SOURCE_TEXT) or ""
        url = check_url(source.url) if source.url else None
    except InputError as e:
        raise InputError(f"{where}: {e}") from e
    return replace(source, title=title, publisher=publisher, reliability=reliability, text=text, url=url)


def typed_figure(figure: FigureInput) -> ReportedFigure:
    """A typed figure as a reported figure.

    >>> typed_figure(FigureInput(263, counted="manufacturers")).bound.kind
    'exact'
    """
    if figure.bound not in BOUND_KINDS:
        raise InputError(f"Unknown bound {figure.bound!r}; choose one of {', '.join(BOUND_KINDS)}.")
    low = figure.value if figure.bound != "upper" else None
    high = figure.value if figure.bound != "lower" else None
    kind = figure.kind or (
        "percent" if figure.unit == "%" else "multiplier" if figure.unit == "×" else "number"
    )
    return ReportedFigure(
        value=figure.value,
        kind=kind,
        bound=Bound(figure.bound, low, high),
        unit=None if figure.unit == "×" else clean_text("unit", figure.unit, max_chars=40),
        counted=clean_text("what is measured", figure.counted, max_chars=200),
        period=clean_text("period", figure.period, max_chars=40),
    )


def manual_source(
    *,
    title: str | None,
    publisher: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    kind: str = "report",
    language: str | None = None,
    reliability: str | None = None,
    text: str | None = None,
    figure: FigureInput | None = None,
    extract: bool = True,
) -> Source:
    """A source typed in the form; figures in its text are found when ``extract``."""
    body = clean_text("source text", text, max_chars=MAX_SOURCE_TEXT) or ""
    name = clean_text("title", title, required=True)
    lang = language or detect_language(f"{name}. {body}")
    figures = extract_figures(body, lang=lang, published=published) if extract and body else ()
    if figure is not None:
        figures = (*figures, typed_figure(figure))
    source = Source(
        title=name,
        publisher=publisher,
        url=url or None,
        published=published.isoformat() if published else None,
        kind=kind,
        language=lang,
        reliability=reliability,
        text=body,
        figures=figures,
    )
    return _check_source(source, "The source")


def read_csv(
    content: bytes,
    *,
    name: str = "sources.csv",
    keep_good_rows: bool = False,
    progress: Progress | None = None,
) -> CsvReading:
    """Sources from an uploaded CSV (columns: see ``sources.importing``), figures found in their text.

    Raises ``SourceFileError`` listing every located error unless ``keep_good_rows``.
    """
    if len(content) > MAX_CSV_BYTES:
        raise SourceFileError(
            [
                f"{name}: the file is {len(content) / 1e6:.1f} MB; the limit is "
                f"{MAX_CSV_BYTES / 1e6:g} MB. Split it."
            ]
        )
    if b"\x00" in content[:8192]:
        raise SourceFileError(
            [f"{name}: this is a binary file (a spreadsheet?), not CSV text. Export it as CSV (UTF-8)."]
        )
    try:
        result = import_csv(content, name=name, keep_good_rows=True, extract=False)
    except SourceImportError as e:
        raise SourceFileError(e.errors) from e
    errors = list(result.errors)
    checked: list[Source] = []
    total = len(result.sources)
    for number, source in enumerate(result.sources, start=1):
        try:
            source = _check_source(source, f"{name}, source {number} “{source.title[:40]}”")
        except InputError as e:
            errors.append(str(e))
            continue
        if source.text:
            found = extract_figures(source.text, lang=source.language, published=source.published)
            source = replace(source, figures=(*found, *source.figures))
        checked.append(source)
        if progress and (number % 200 == 0 or number == total):
            progress(number, total)
    if errors and not keep_good_rows:
        raise SourceFileError(errors)
    return CsvReading(tuple(checked), tuple(errors))


def read_html(
    content: bytes | str, *, url: str | None = None, name: str = "page", extract: bool = True
) -> Source:
    """A source from an HTML page (title, date, publisher and main text by trafilatura); its figures are
    found when ``extract`` (an article's are found by the claim engine instead)."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise InputError(f"{name}: the page is {len(content) / 1e6:.1f} MB; the limit is 5 MB.")
    try:
        source = import_html(content, url=url, extract=extract)
    except SourceImportError as e:
        raise InputError(f"{name}: {'; '.join(e.errors)}") from e
    words = len(source.text.split())
    if words < MIN_PAGE_WORDS:
        raise InputError(
            f"{name}: no main text found ({words} words: {source.text[:60]!r}). The page may be built by "
            "JavaScript or behind a paywall: paste its text instead."
        )
    return _check_source(source, name)


def fetch_source(url: str, *, timeout: float = 10.0) -> Source:
    """Fetch ``url`` (http/https, time and size limits) and import the page."""
    return fetch_archived_source(url, timeout=timeout)[0]


def fetch_archived_source(url: str, *, timeout: float = 10.0) -> tuple[Source, ArchivedCopy]:
    """Fetch and import ``url``, with what was fetched: the time, the final URL and the bytes' SHA-256."""
    page = fetch_page(url, timeout=timeout)
    copy = ArchivedCopy(
        dt.datetime.now(dt.UTC), page.url, hashlib.sha256(page.content).hexdigest(), len(page.content)
    )
    return read_html(page.content, url=page.url, name=page.url), copy


def pasted_source(
    text: str | None,
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    kind: str = "statement",
) -> Source:
    """A source from pasted text; its figures are found in the text."""
    body = clean_text("pasted text", text, required=True, max_chars=MAX_SOURCE_TEXT)
    try:
        source = import_text(
            body,
            title=clean_text("title", title),
            publisher=clean_text("publisher", publisher, max_chars=200),
            url=clean_text("url", url),
            published=published.isoformat() if published else None,
            kind=kind,
        )
    except SourceImportError as e:
        raise InputError("; ".join(e.errors)) from e
    return _check_source(source, "The pasted text")


def clean_source_changes(fields: Mapping[str, object]) -> dict[str, object]:
    """A source edit's fields checked as a new source's are (title required, http(s) URL, known kind).

    >>> clean_source_changes({"title": " Report ", "url": ""})
    {'title': 'Report', 'url': None}
    """
    cleaned: dict[str, object] = {}
    for field, value in fields.items():
        text = value if isinstance(value, str) or value is None else None
        if field == "title":
            cleaned[field] = clean_text("title", text, required=True)[:500]
        elif field == "publisher":
            cleaned[field] = clean_text("publisher", text, max_chars=200)
        elif field == "url":
            cleaned[field] = check_url(text) if text and text.strip() else None
        elif field == "published":
            if value is not None and not isinstance(value, dt.date):
                raise InputError(f"The publication date {value!r} is not a date.")
            cleaned[field] = value
        elif field == "kind":
            if value not in SOURCE_KINDS:
                raise InputError(f"Unknown kind {value!r}; choose one of {', '.join(SOURCE_KINDS)}.")
            cleaned[field] = value
        elif field == "text":
            cleaned[field] = clean_text("source text", text, max_chars=MAX_SOURCE_TEXT)
        else:
            raise InputError(f"Cannot edit a source's {field}.")
    return cleaned


def keep_figures(source: Source, keep: Sequence[bool]) -> Source:
    """The source with only the figures the reviewer kept (``keep`` follows ``source.figures``)."""
    return replace(source, figures=tuple(f for f, kept in zip(source.figures, keep, strict=False) if kept))


@dataclass(frozen=True)
class SavedSources:
    ids: tuple[int, ...]
    duplicates: tuple[DuplicateFlag, ...] = ()


def save_library_sources(
    session: Session,
    sources: Sequence[Source],
    *,
    reviewer: str,
    progress: Progress | None = None,
    archived: Sequence[ArchivedCopy | None] = (),
) -> SavedSources:
    """Store ``sources`` (one transaction: the caller's session) and flag those that look like duplicates;
    ``archived`` (same order) keeps what was fetched for each fetched source."""
    if not sources:
        raise InputError("There is no source to save.")
    # Duplicates are looked for before the first write (on SQLite the write lock is held from the first
    # insert to the commit): the new sources, numbered after every stored one, against the stored
    # sources sharing a URL or a publisher with them (indexed keys, not the whole library).
    library = duplicate_candidates(session, sources)
    first_new = 1 + max((s.id for s in library), default=0) + 10**12
    incoming = [StoredSource(first_new + n, source, ()) for n, source in enumerate(sources)]
    flags = flag_duplicates([*library, *incoming], {s.id for s in incoming})
    ids = save_sources(session, sources, created_by=reviewer, progress=progress)
    for source_id, copy in zip(ids, archived, strict=False):
        if copy is not None:
            record_archived_copy(session, source_id, copy)
    real = {first_new + n: source_id for n, source_id in enumerate(ids)}
    stored = (
        replace(f, source_id=real[f.source_id], other_id=real.get(f.other_id, f.other_id))
        for f in flags
        if f.source_id in real
    )
    return SavedSources(tuple(ids), tuple(stored))


@dataclass(frozen=True)
class CsvImport:
    """What a CSV import did: the sources saved, the rows left out, the duplicates flagged."""

    saved: SavedSources
    errors: tuple[str, ...] = ()


def import_csv_file(
    session: Session,
    content: bytes,
    *,
    name: str,
    reviewer: str,
    save_good_rows: bool = False,
    reading: Progress | None = None,
    saving: Progress | None = None,
) -> CsvImport:
    """Read and store a CSV upload in the caller's transaction.

    Any bad row stops the import (``SourceFileError``, nothing saved) unless the reviewer chose
    ``save_good_rows``; then the good rows are saved and the errors returned.
    """
    result = read_csv(content, name=name, keep_good_rows=True, progress=reading)
    if result.errors and not save_good_rows:
        raise SourceFileError(result.errors)
    if not result.sources:
        raise SourceFileError([*result.errors, f"{name}: no source to import."])
    return CsvImport(
        save_library_sources(session, result.sources, reviewer=reviewer, progress=saving), result.errors
    )
