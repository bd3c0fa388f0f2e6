"""What `workbench ingest PATH...` reads: folders, .zip, JSON Lines, CSV, lists of URLs and RSS/Atom feeds.

Each input becomes ``Item``s (an article's text with its metadata, or a page address to fetch) or a
``Refusal`` naming the file, row or line and the reason. Nothing is parsed for claims here and
nothing is stored: the pipeline (workbench.jobs.batch_ingest) does that, in worker processes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from workbench.domain.errors import InputError
from workbench.domain.validation import MAX_UPLOAD_BYTES, decode_upload

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ROW_SUFFIXES = (".jsonl", ".ndjson", ".csv")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
URL_LIST_SUFFIXES = (".urls",)
ARTICLE_FIELDS = ("text", "title", "outlet", "url", "published", "lang")
MAX_ROWS_FILE_BYTES = 2 * 1024**3  # a CSV or JSON Lines file is read whole; beyond this, split it


@dataclass(frozen=True)
class Refusal:
    """An input that was not ingested: ``name`` says which file, row or line; ``reason`` why."""

    name: str
    reason: str


@dataclass(frozen=True)
class Item:
    """One article to ingest: its text (``html`` True: a page to read with trafilatura), or ``fetch``:
    an address whose page the worker fetches. ``name`` is what a refusal or summary calls it."""

    name: str
    text: str | None = None
    fetch: str | None = None
    html: bool = False
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    lang: str | None = None


def _published(value: object, name: str) -> date | None:
    """A publication date from an ISO string (a time part is ignored)."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError as error:
        raise InputError(f"{name}: 'published' {text!r} is not a date like 2024-03-01") from error


def _row_item(row: dict, name: str) -> Item:
    """An article from one CSV row or JSON line; the text is required, the other fields are optional."""
    if not isinstance(row, dict):
        raise InputError(f"{name}: not an object with a 'text' field")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{name}: no article text (the 'text' field is empty or missing)")
    fields = {k: str(row[k]).strip() or None for k in ARTICLE_FIELDS if row.get(k) not in (None, "")}
    return Item(
        name=name,
        text=text,
        title=fields.get("title"),
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        published=_published(row.get("published"), name),
        lang=fields.get("lang"),
    )


def _jsonl_items(name: str, text: str) -> Iterator[Item | Refusal]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{name}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Refusal(label, f"not JSON ({error.msg} at column {error.colno})")
            continue
        try:
            yield _row_item(row, label)
        except InputError as error:
            yield Refusal(label, str(error).removeprefix(f"{label}: "))


def _csv_items(name: str, text: str) -> Iterator[Item | Refusal]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        yield Refusal(name, f"no 'text' column in the header (columns: {', '.join(ARTICLE_FIELDS)})")
        return
    reader.fieldnames = [f.strip() for f in reader.fieldnames]
    try:
        for row in reader:
            label = f"{name}, row {reader.line_num}"
            try:
                yield _row_item(row, label)
            except InputError as error:
                yield Refusal(label, str(error).removeprefix(f"{label}: "))
    except csv.Error as error:
        yield Refusal(f"{name}, row {reader.line_num}", f"not readable as CSV ({error})")


def _url_items(name: str, text: str) -> Iterator[Item | Refusal]:
    from workbench.desk.fetching import FetchError, check_url

    for number, line in enumerate(text.splitlines(), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        label = f"{name}, line {number}"
        try:
            yield Item(name=f"{label} ({check_url(address)})", fetch=check_url(address))
        except FetchError as error:
            yield Refusal(label, str(error))


def is_url_list(text: str) -> bool:
    """True when every non-empty, non-comment line is an http(s) address (a .txt of links).

    >>> is_url_list("https://a.example/1\\n# later\\nhttp://b.example/2\\n")
    True
    >>> is_url_list("The minister said 40% in https://a.example/1")
    False
    """
    lines = [s.strip() for s in text.splitlines() if s.strip() and not s.strip().startswith("#")]
    return bool(lines) and all(s.startswith(("http://", "https://")) and " " not in s for s in lines)


def feed_items(name: str, content: bytes) -> Iterator[Item | Refusal]:
    """One page to fetch per entry of an RSS or Atom feed; a document that is not a feed is refused."""
    import feedparser  # imported only when a feed is read

    parsed = feedparser.parse(content)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Refusal(name, "not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
        return
    for number, entry in enumerate(parsed.entries, start=1):
        label = f"{name}, entry {number}"
        link = (entry.get("link") or "").strip()
        if not link:
            yield Refusal(label, "the entry has no link to its page")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Item(
            name=f"{label} ({link})",
            fetch=link,
            title=(entry.get("title") or "").strip() or None,
            outlet=(parsed.feed.get("title") or "").strip() or None,
            published=date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
        )


def content_items(name: str, content: bytes) -> Iterator[Item | Refusal]:
    """The items in one file's bytes, chosen by its suffix (a .zip opens into its members)."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".zip":
        yield from _zip_items(name, content)
        return
    if suffix in FEED_SUFFIXES:
        yield from feed_items(name, content)
        return
    if suffix not in (*TEXT_SUFFIXES, *HTML_SUFFIXES, *ROW_SUFFIXES, *URL_LIST_SUFFIXES):
        yield Refusal(name, "not a file the workbench reads (.txt .md .html .zip .jsonl .csv .urls .rss)")
        return
    if suffix in ROW_SUFFIXES or suffix in URL_LIST_SUFFIXES:
        if len(content) > MAX_ROWS_FILE_BYTES:
            yield Refusal(name, "larger than 2 GB; split it into several files")
            return
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            yield Refusal(name, f"not UTF-8 text (byte {error.start} cannot be read); save it as UTF-8")
            return
        reader = {".csv": _csv_items, ".urls": _url_items}.get(suffix, _jsonl_items)
        yield from reader(name, text)
        return
    try:
        text = decode_upload(content, name)
    except InputError as error:
        yield Refusal(name, str(error))
        return
    if suffix in TEXT_SUFFIXES and is_url_list(text):
        yield from _url_items(name, text)
    else:
        yield Item(name=name, text=text, html=suffix in HTML_SUFFIXES)


def _zip_items(name: str, content: bytes) -> Iterator[Item | Refusal]:
    """The files inside a zip, each read with a size bound (a zip bomb stops at the limit)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        yield Refusal(name, "not a readable .zip archive")
        return
    with archive:
        for info in archive.infolist():
            member = PurePosixPath(info.filename)
            if info.is_dir() or member.name.startswith(".") or "__MACOSX" in member.parts:
                continue
            label = f"{name}/{info.filename}"
            if member.suffix.lower() == ".zip":
                yield Refusal(label, "a .zip inside a .zip is not opened")
                continue
            limit = MAX_ROWS_FILE_BYTES if member.suffix.lower() in ROW_SUFFIXES else MAX_UPLOAD_BYTES
            with archive.open(info) as stream:
                data = stream.read(limit + 1)
            yield from content_items(label, data)


def _remote_feed(address: str, timeout: float | None) -> Iterator[Item | Refusal]:
    from workbench.desk.fetching import TIMEOUT_SECONDS, FetchError, fetch_page

    try:
        page = fetch_page(address, timeout=timeout or TIMEOUT_SECONDS)
    except FetchError as error:
        yield Refusal(address, str(error))
        return
    yield from feed_items(address, page.content)


def path_items(paths: Iterable[str], *, timeout: float | None = None) -> Iterator[Item | Refusal]:
    """Every item under the given paths: files, folders (walked in name order), http(s) feed addresses
    (the feed is fetched here, through the private-address guard; its entries' pages by the workers)."""
    for given in paths:
        if given.startswith(("http://", "https://")):
            yield from _remote_feed(given, timeout)
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            files = [path]
        else:
            yield Refusal(given, "no such file or folder")
            continue
        for file in files:
            try:
                content = file.read_bytes()
            except OSError as error:
                yield Refusal(str(file), f"cannot be read ({error.strerror})")
                continue
            yield from content_items(str(file), content)
