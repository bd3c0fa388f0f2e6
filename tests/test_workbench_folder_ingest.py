"""Broken files and hostile archives: each refused by name, the others still ingested, memory bounded."""

from __future__ import annotations

import io
import struct
import tomllib
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import event

from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.desk.source_intake import MAX_CSV_BYTES
from workbench.domain.errors import DuplicateArticleError, InputError
from workbench.domain.validation import MAX_UPLOAD_BYTES
from workbench.jobs.folder_ingest import (
    MAX_FILES,
    MAX_TOTAL_BYTES,
    ArchiveMember,
    expand_uploads,
    ingest_files,
)
from workbench.storage.articles import list_articles
from workbench.storage.database import open_database

ROOT = Path(__file__).resolve().parents[1]
GOOD = "The ministry said production tripled in 2023 to 1,200 drones a month."
OTHER = "Le chômage a baissé de 2 % en 2024, selon l'Insee."


def _zip(files: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _patch_headers(data: bytes, *, flag: int | None = None, method: int | None = None) -> bytes:
    """Set the flag bits or the compression method in every local and central header of a zip."""
    out = bytearray(data)
    for signature, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
        start = out.find(signature)
        while start >= 0:
            if flag is not None:
                struct.pack_into("<H", out, start + flag_at, flag)
            if method is not None:
                struct.pack_into("<H", out, start + method_at, method)
            start = out.find(signature, start + 4)
    return bytes(out)


def _reasons(uploads: list[tuple[str, bytes]]) -> dict[str, str]:
    _, refused = expand_uploads(uploads)
    return {r.name: r.reason for r in refused}


def test_a_control_character_file_never_stops_the_batch_and_blank_text_is_refused_as_empty(sqlite_url):
    database = open_database(sqlite_url)
    files = [
        ("controls.txt", b"\x01\x02\x03"),  # crashed with IndexError, and the batch stopped there
        ("blank.txt", b" \x01 \x02 "),  # was stored as an article with no claims
        ("invisible.txt", "\u200b\u2060\ufeff".encode()),
        ("good.txt", GOOD.encode()),
    ]
    summary = ingest_files(database, files)
    assert [name for name, _, _ in summary.stored] == ["good.txt"]
    refused = {r.name: r.reason for r in summary.refused}
    assert set(refused) == {"controls.txt", "blank.txt", "invisible.txt"}
    assert all("empty" in reason for reason in refused.values()), refused
    with database.session() as session:
        assert [a.title for a in list_articles(session)] == [GOOD]
    database.engine.dispose()


@pytest.mark.parametrize("text", ["\x01\x02", " \x01 \x02 ", "\x7f\x85\u200b"])
def test_prepare_article_refuses_text_of_only_controls_as_empty(text):
    with pytest.raises(InputError, match="empty"):
        prepare_article(text)


def test_an_uploaded_german_file_is_stored_without_claims_and_named_in_the_summary(sqlite_url):
    database = open_database(sqlite_url)
    german = (
        "Der Landkreis meldet, die Zahl der Pendler sei 2023 um 8 Prozent auf 41.000 gestiegen; der "
        "Verkehrsverbund hält die Zählung für unvollständig."
    )
    summary = ingest_files(database, [("good.txt", GOOD.encode()), ("pendler.txt", german.encode())])
    assert [name for name, _, _ in summary.stored] == ["good.txt", "pendler.txt"]
    stored = {n: article_id for n, article_id, _ in summary.stored}
    assert summary.unread == [("pendler.txt", stored["pendler.txt"], "de")]
    assert "1 stored without claims" in summary.describe()
    assert dict((n, c) for n, _, c in summary.stored)["pendler.txt"] == 0
    database.engine.dispose()


def test_a_bad_crc_is_refused_by_name_and_the_other_members_are_ingested(sqlite_url):
    data = _zip({"broken.txt": GOOD, "fine.txt": OTHER}, method=zipfile.ZIP_STORED)
    data = data.replace(b"tripled", b"TRIPLED", 1)  # stored bytes changed, CRC unchanged
    texts, refused = expand_uploads([("batch.zip", data)])
    assert not refused and [t.name for t in texts] == ["batch.zip/broken.txt", "batch.zip/fine.txt"]
    database = open_database(sqlite_url)
    summary = ingest_files(database, texts)
    assert [s[0] for s in summary.stored] == ["batch.zip/fine.txt"]
    (refusal,) = summary.refused
    assert refusal.name == "batch.zip/broken.txt" and "damaged" in refusal.reason and "CRC" in refusal.reason
    database.engine.dispose()


@pytest.mark.parametrize(
    ("patch", "reason"),
    [
        ({"flag": 0x1}, "encrypted (password-protected)"),
        ({"method": 9}, "compressed with Deflate64"),
        ({"method": 99}, "compressed with AES"),
    ],
)
def test_passwords_and_unsupported_methods_are_refused_by_name(patch, reason):
    data = _patch_headers(_zip({"a.txt": GOOD, "b.txt": OTHER}), **patch)
    reasons = _reasons([("batch.zip", data)])
    assert set(reasons) == {"batch.zip/a.txt", "batch.zip/b.txt"}
    assert all(reason in r for r in reasons.values()), reasons


def test_nested_archives_too_many_members_and_oversized_members_are_refused_by_name():
    nested = _zip({"inner.zip": _zip({"a.txt": GOOD}), "b.tar.gz": b"x", "c.txt": GOOD})
    reasons = _reasons([("batch.zip", nested)])
    assert set(reasons) == {"batch.zip/inner.zip", "batch.zip/b.tar.gz"}
    assert all("archive inside the archive" in r for r in reasons.values())
    crowd = _zip({f"{n}.txt": f"article {n}" for n in range(MAX_FILES + 1)})
    assert _reasons([("crowd.zip", crowd)]) == {"crowd.zip": "holds 501 files; the limit is 500 at once"}
    big = _zip({"big.txt": b"1 " * (MAX_UPLOAD_BYTES // 2 + 1)})
    assert len(big) < 100_000
    assert "the limit is 5 MB per file" in _reasons([("big.zip", big)])["big.zip/big.txt"]


def test_a_member_larger_than_its_header_says_is_refused_while_it_inflates():
    real = MAX_UPLOAD_BYTES + 10
    data = _zip({"liar.txt": b"a" * real}).replace(struct.pack("<I", real), struct.pack("<I", 100))
    texts, refused = expand_uploads([("liar.zip", data)])
    (upload,) = texts  # the header's 100 bytes pass the declared check ...
    assert not refused and isinstance(upload.content, ArchiveMember) and upload.content.info.file_size == 100
    with pytest.raises(InputError, match="damaged"):  # ... and the bytes past them break the CRC
        upload.content.read()
    archive = zipfile.ZipFile(io.BytesIO(_zip({"long.txt": b"a" * 5000})))
    with pytest.raises(InputError, match="larger than"):  # the actual size is bounded as it streams
        ArchiveMember(archive, archive.infolist()[0]).read(limit=1024)


def test_a_zip_bomb_of_repeated_bytes_is_read_one_member_at_a_time_and_stops_at_the_total():
    # 400 members of 1 MB of one repeated byte: ~0.4 MB zipped, 400 MB inflated (the review's bomb took 2 GB)
    members = {f"m{n:03}.txt": b"7" * (1024 * 1024) for n in range(400)}
    bomb = _zip(members)
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        texts, refused = expand_uploads([("bomb.zip", bomb)])
        for upload in texts:
            upload.content.read()  # what ingest does, one member at a time
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(texts) == MAX_TOTAL_BYTES // (1024 * 1024) and len(refused) == 400 - len(texts)
    assert all("200 MB" in r.reason for r in refused)
    assert peak < 32 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB while reading a 400 MB bomb"


def test_two_sessions_storing_the_same_article_at_once_get_duplicate_of_the_first(database_url):
    first, second = open_database(database_url), open_database(database_url)
    draft = prepare_article(GOOD)
    stored: list[int] = []

    def the_other_reviewer_commits_first(session, _context, _instances):
        stored.append(store_article(second, draft))  # between the duplicate check and the insert

    event.listen(first.sessions, "before_flush", the_other_reviewer_commits_first, once=True)
    with pytest.raises(DuplicateArticleError) as caught:
        store_article(first, draft)
    assert stored and caught.value.article_id == stored[0]
    with first.session() as session:
        assert len(list_articles(session)) == 1
    first.engine.dispose()
    second.engine.dispose()


def test_the_upload_limit_the_server_allows_matches_the_readme_and_the_code():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server_mb = config["server"]["maxUploadSize"]
    assert server_mb * 1024 * 1024 >= MAX_CSV_BYTES >= MAX_UPLOAD_BYTES
    readme = (ROOT / "README.md").read_text()
    assert f"at most {MAX_CSV_BYTES // 2**20} MB" in readme
    assert f"One upload is at most {server_mb} MB" in readme
