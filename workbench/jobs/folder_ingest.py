"""Ingest a folder of articles: several .txt/.md files or a .zip of them, each file its own transaction.

A zip is read member by member while the files are ingested (one member in memory at a time), and every
member is bounded by its declared size and again by the bytes it actually inflates to: a zip bomb, a
lying header, a bad CRC, a password or an unsupported compression method refuses that member by name.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NamedTuple

from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.domain.errors import DuplicateArticleError, InputError, WorkbenchError
from workbench.domain.validation import MAX_UPLOAD_BYTES, decode_upload
from workbench.jobs.batch_ingest import IngestSummary  # one summary for the app and the command line
from workbench.storage.database import Database

TEXT_SUFFIXES = (".txt", ".md")
ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz", ".zst", ".jar")
MAX_FILES = 500
MAX_TOTAL_BYTES = 200 * 1024 * 1024
_CHUNK = 64 * 1024
_READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_METHOD_NAMES = {
    9: "Deflate64", 10: "PKWARE implode", 93: "Zstandard", 95: "xz", 98: "PPMd", 99: "AES"
}  # fmt: skip


@dataclass(frozen=True)
class Refusal:
    name: str
    reason: str


@dataclass(frozen=True)
class ArchiveMember:
    """A text file inside an uploaded zip, inflated only when it is ingested."""

    archive: zipfile.ZipFile
    info: zipfile.ZipInfo

    def read(self, limit: int = MAX_UPLOAD_BYTES) -> bytes:
        """The member's bytes, streamed and stopped past ``limit``; raises InputError saying what is wrong."""
        chunks, size = [], 0
        try:
            with self.archive.open(self.info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:  # the header said less: it lied, or the data is corrupt
                        raise InputError(
                            f"larger than {limit / 2**20:g} MB once uncompressed (its header said "
                            f"{self.info.file_size:,} bytes); a file inside a zip has the limit of an upload"
                        )
                    chunks.append(chunk)
        except zipfile.BadZipFile as error:  # a bad CRC, a truncated member
            raise InputError(f"damaged inside the archive ({error})") from error
        except (zlib.error, EOFError, OSError, ValueError) as error:
            raise InputError(f"could not be uncompressed ({type(error).__name__}: {error})") from error
        return b"".join(chunks)


class Upload(NamedTuple):
    """A file to ingest: its name and its bytes, or the archive member that holds them."""

    name: str
    content: bytes | ArchiveMember


def _member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a text member of a zip cannot be read, from its header alone (None when it can)."""
    if info.flag_bits & 0x1:
        return "encrypted (password-protected); upload the files without a password"
    if info.compress_type not in _READABLE_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        return f"compressed with {method}, which cannot be read; re-create the zip with ordinary Deflate"
    if info.file_size > MAX_UPLOAD_BYTES:
        return (
            f"{info.file_size / 2**20:.1f} MB once uncompressed; "
            f"the limit is {MAX_UPLOAD_BYTES / 2**20:g} MB per file"
        )
    return None


def _zip_members(name: str, content: bytes, refused: list[Refusal]) -> list[Upload]:
    """The text files inside a zip (read later, one at a time); what cannot be read is refused by name."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        refused.append(Refusal(name, f"not a readable .zip archive ({error})"))
        return []
    files = [i for i in infos if not i.is_dir()]
    if len(files) > MAX_FILES:
        refused.append(Refusal(name, f"holds {len(files):,} files; the limit is {MAX_FILES} at once"))
        return []
    found = []
    for info in files:
        member = PurePosixPath(info.filename)
        if member.name.startswith(".") or "__MACOSX" in member.parts:
            continue
        label = f"{name}/{info.filename}"
        suffix = member.suffix.lower()
        if suffix in ARCHIVE_SUFFIXES:
            refused.append(Refusal(label, "an archive inside the archive; unpack it and upload its files"))
        elif suffix not in TEXT_SUFFIXES:
            refused.append(Refusal(label, "not a .txt or .md file"))
        elif problem := _member_problem(info):
            refused.append(Refusal(label, problem))
        else:
            found.append(Upload(label, ArchiveMember(archive, info)))
    return found


def _size(upload: Upload) -> int:
    return upload.content.info.file_size if isinstance(upload.content, ArchiveMember) else len(upload.content)


def expand_uploads(files: Iterable[tuple[str, bytes]]) -> tuple[list[Upload], list[Refusal]]:
    """Text files to ingest from uploaded files and zips, and what was refused before reading.

    >>> expand_uploads([("a.txt", b"x"), ("b.pdf", b"%PDF")])
    ([Upload(name='a.txt', content=b'x')], [Refusal(name='b.pdf', reason='not a .txt, .md or .zip file')])
    """
    texts: list[Upload] = []
    refused: list[Refusal] = []
    for name, content in files:
        suffix = PurePosixPath(name).suffix.lower()
        if suffix == ".zip":
            texts += _zip_members(name, content, refused)
        elif suffix in TEXT_SUFFIXES:
            texts.append(Upload(name, content))
        else:
            refused.append(Refusal(name, "not a .txt, .md or .zip file"))
    total = 0
    kept = []
    for upload in texts:
        total += _size(upload)  # declared sizes here; actual sizes are bounded again when read
        if len(kept) >= MAX_FILES or total > MAX_TOTAL_BYTES:
            refused.append(Refusal(upload.name, f"over the limit of {MAX_FILES} files or 200 MB at once"))
        else:
            kept.append(upload)
    return kept, refused


def ingest_files(
    database: Database,
    files: list[tuple[str, bytes | ArchiveMember]],
    *,
    outlet: str | None = None,
    lang: str | None = None,
    report: Callable[[int, str], None] | None = None,
) -> IngestSummary:
    """Store each file as an article (one transaction each); a bad file never stops the others."""
    summary = IngestSummary()
    total = 0
    for done, (name, content) in enumerate(files, start=1):
        try:
            data = content.read() if isinstance(content, ArchiveMember) else content
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise InputError(f"over the limit of {MAX_TOTAL_BYTES / 2**20:g} MB at once")
            draft = prepare_article(decode_upload(data, name), outlet=outlet, lang=lang)
            article_id = store_article(database, draft)
        except DuplicateArticleError as error:
            summary.duplicates.append((name, error.article_id))
        except WorkbenchError as error:
            summary.refused.append(Refusal(name, str(error)))
        except Exception as error:
            summary.refused.append(Refusal(name, f"could not be ingested ({type(error).__name__}: {error})"))
        else:
            summary.note(name, article_id, draft)
        if report:
            report(done, name)
    return summary
