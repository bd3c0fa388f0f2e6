"""The Add article page's batch upload: .txt/.md files or a .zip of them, each file its own transaction."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from workbench.batch_ingest import IngestSummary, WorkerOptions, ingest_items
from workbench.ingest_inputs import Refusal, content_items
from workbench.storage.database import Database
from workbench.validation import MAX_UPLOAD_BYTES

TEXT_SUFFIXES = (".txt", ".md")
MAX_FILES = 500
MAX_TOTAL_BYTES = 200 * 1024 * 1024


def _zip_members(name: str, content: bytes, refused: list[Refusal]) -> list[tuple[str, bytes]]:
    """The text files inside a zip, read with a size bound (a zip bomb stops at the limit)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        refused.append(Refusal(name, "not a readable .zip archive"))
        return []
    found = []
    with archive:
        for info in archive.infolist():
            member = PurePosixPath(info.filename)
            if info.is_dir() or member.name.startswith(".") or "__MACOSX" in member.parts:
                continue
            label = f"{name}/{info.filename}"
            if member.suffix.lower() not in TEXT_SUFFIXES:
                refused.append(Refusal(label, "not a .txt or .md file"))
                continue
            with archive.open(info) as stream:
                data = stream.read(MAX_UPLOAD_BYTES + 1)
            found.append((label, data))
    return found


def expand_uploads(files: Iterable[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[Refusal]]:
    """Text files to ingest from uploaded files and zips, and what was refused before reading.

    >>> expand_uploads([("a.txt", b"x"), ("b.pdf", b"%PDF")])
    ([('a.txt', b'x')], [Refusal(name='b.pdf', reason='not a .txt, .md or .zip file')])
    """
    texts: list[tuple[str, bytes]] = []
    refused: list[Refusal] = []
    for name, content in files:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ".zip":
            texts += _zip_members(name, content, refused)
        elif suffix in TEXT_SUFFIXES:
            texts.append((name, content))
        else:
            refused.append(Refusal(name, "not a .txt, .md or .zip file"))
    total = 0
    kept = []
    for name, content in texts:
        total += len(content)
        if len(kept) >= MAX_FILES or total > MAX_TOTAL_BYTES:
            refused.append(Refusal(name, f"over the limit of {MAX_FILES} files or 200 MB at once"))
        else:
            kept.append((name, content))
    return kept, refused


def ingest_files(
    database: Database,
    files: list[tuple[str, bytes]],
    *,
    outlet: str | None = None,
    lang: str | None = None,
    report: Callable[[int, str], None] | None = None,
) -> IngestSummary:
    """Store each file as an article (one transaction each); a bad file never stops the others.

    The same pipeline as `workbench ingest` (workbench.batch_ingest), run in this process.
    """
    items = [entry for name, content in files for entry in content_items(name, content)]
    return ingest_items(
        database,
        items,
        workers=0,
        chunk=1,
        batch=1,
        options=WorkerOptions(outlet=outlet, lang=lang),
        progress=(lambda done, _total, message: report(done, message)) if report else None,
    )
