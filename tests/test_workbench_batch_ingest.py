"""`workbench ingest`: every kind of input, refusals by name and row, re-runs, worker processes, a kill -9."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.commands.cli import main as workbench_cli
from workbench.desk.ingest_inputs import path_items
from workbench.jobs.batch_ingest import WorkerOptions, ingest_items
from workbench.storage.database import open_database
from workbench.storage.schema import ArticleRow, ClaimRow

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [
    "The ministry said unemployment rose by 4% in 2023, to 3.2 million people.",
    "Exports fell by 12 billion euros last year, the customs office reported on Monday.",
    "Le chômage a baissé de 5 % en 2022 selon l'Insee, soit 120 000 personnes de moins.",
    "Inflation reached 8.1% in May 2022, the highest rate since 1985, the statistics office said.",
    "Sales of electric cars grew 30% in 2021 to 4 million units worldwide.",
]
PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{text}</p><p>The report was published by the national statistics office in its yearly review.</p>
</article></body></html>"""


def _counts(url: str) -> tuple[int, int]:
    database = open_database(url, migrate=False)
    with database.session() as session:
        articles = session.scalar(select(func.count()).select_from(ArticleRow))
        claims = session.scalar(select(func.count()).select_from(ClaimRow))
    database.engine.dispose()
    return articles, claims


@pytest.fixture
def site() -> Iterator[dict]:
    """A web site on 127.0.0.1: pages, an RSS feed of them, a page that is not a feed, a page that hangs."""
    release = threading.Event()
    routes: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow":
                release.wait()  # answers only when the test ends: the client's timeout fires first
            content_type, body = routes.get(self.path, ("text/plain", b"not found"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}"
    for number, text in enumerate(ARTICLES[:3], start=1):
        routes[f"/news/{number}"] = ("text/html", PAGE.format(title=f"Story {number}", text=text).encode())
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/news/{n}</link>"
        f"<pubDate>Mon, 0{n} Jan 2024 10:00:00 GMT</pubDate></item>"
        for n in (1, 2, 3)
    )
    routes["/feed.rss"] = (
        "application/rss+xml",
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk Wire</title>'
            f"{items}</channel></rss>"
        ).encode(),
    )
    routes["/notafeed"] = ("text/html", b"<html><body><p>Just a page, no feed here.</p></body></html>")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"base": base}
    release.set()
    server.shutdown()
    server.server_close()


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_every_file_kind_is_ingested_and_bad_rows_are_named(tmp_path, sqlite_url):
    folder = tmp_path / "desk"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLES[0])
    (folder / "sub" / "b.md").write_text(ARTICLES[1])
    (folder / "c.html").write_text(PAGE.format(title="Prices", text=ARTICLES[3]))
    (folder / "latin1.txt").write_bytes("Le déficit a atteint 5,5 % du PIB en 2023.".encode("latin-1"))
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "text,title,outlet,url,published,lang\n"
        f'"{ARTICLES[2]}",Chômage,Le Monde,https://example.org/c,2023-02-01,fr\n'
        ",No text,X,,,\n"
        f'"{ARTICLES[4]}",Cars,Wire,,not-a-date,en\n'
    )
    lines = tmp_path / "rows.jsonl"
    lines.write_text(
        json.dumps({"text": "Rents rose 7% in Berlin in 2023, the city said.", "title": "Rents"})
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
    )
    archive = _zip({"z/one.txt": "Coal use fell 20% in 2023 in the EU.", "z/x.png": "?"})
    (tmp_path / "more.zip").write_bytes(archive)
    paths = [str(folder), str(rows), str(lines), str(tmp_path / "more.zip")]

    dry = ingest_items(open_database(sqlite_url), path_items(paths), dry_run=True)
    assert len(dry.stored) == 6 and _counts(sqlite_url) == (0, 0)

    summary = ingest_items(open_database(sqlite_url), path_items(paths))
    refused = {r.name: r.reason for r in summary.refused}
    assert set(refused) == {
        f"{folder}/latin1.txt",
        f"{folder}/notes.pdf",
        f"{rows}, row 3",
        f"{rows}, row 4",
        f"{lines}, line 2",
        f"{lines}, line 3",
        f"{tmp_path / 'more.zip'}/z/x.png",
    }
    assert "not UTF-8" in refused[f"{folder}/latin1.txt"]
    assert "no article text" in refused[f"{rows}, row 3"] and "not a date" in refused[f"{rows}, row 4"]
    assert refused[f"{lines}, line 2"].startswith("not JSON")
    stored = {name.rsplit("/", 1)[-1]: article_id for name, article_id, _ in summary.stored}
    assert set(stored) == {"a.txt", "b.md", "c.html", "rows.csv, row 2", "rows.jsonl, line 1", "one.txt"}
    database = open_database(sqlite_url)
    with database.session() as session:
        csv_row = session.get(ArticleRow, stored["rows.csv, row 2"])
        html = session.get(ArticleRow, stored["c.html"])
        assert (csv_row.title, csv_row.outlet, csv_row.lang, str(csv_row.published)) == (
            "Chômage", "Le Monde", "fr", "2023-02-01",
        )  # fmt: skip
        assert "8.1%" in html.text and "<p>" not in html.text and html.title == "Prices"
        assert all(len(session.get(ArticleRow, i).claims) > 0 for i in stored.values())
    before = _counts(sqlite_url)

    again = ingest_items(open_database(sqlite_url), path_items(paths))
    assert again.stored == [] and len(again.duplicates) == 6 and _counts(sqlite_url) == before


def test_feeds_and_url_lists_are_fetched_and_bad_addresses_reported(tmp_path, sqlite_url, site, monkeypatch):
    monkeypatch.setenv("WORKBENCH_FETCH_PRIVATE", "1")  # the test site is on 127.0.0.1
    base = site["base"]
    urls = tmp_path / "links.txt"
    urls.write_text(f"# pages to read\n{base}/news/1\n{base}/slow\n{base}/missing\n")
    options = WorkerOptions(timeout=0.5)
    summary = ingest_items(
        open_database(sqlite_url),
        path_items([f"{base}/feed.rss", f"{base}/notafeed", str(urls)], timeout=2),
        options=options,
    )
    refused = {r.name: r.reason for r in summary.refused}
    assert refused[f"{base}/notafeed"].startswith("not an RSS or Atom feed")
    assert "no answer within 0.5 seconds" in refused[f"{urls}, line 3 ({base}/slow)"]
    assert "404" in refused[f"{urls}, line 4 ({base}/missing)"]
    stored = sorted(name for name, _, _ in summary.stored)
    assert stored == [f"{base}/feed.rss, entry {n} ({base}/news/{n})" for n in (1, 2, 3)]
    # the same page listed in the URL file is a duplicate of the feed's entry, by its text
    assert [name for name, _ in summary.duplicates] == [f"{urls}, line 2 ({base}/news/1)"]
    database = open_database(sqlite_url)
    with database.session() as session:
        row = session.scalar(select(ArticleRow).where(ArticleRow.url == f"{base}/news/2"))
        assert (row.title, row.outlet, str(row.published)) == ("Story 2", "Desk Wire", "2024-01-02")
    again = ingest_items(open_database(sqlite_url), path_items([f"{base}/feed.rss"]), options=options)
    assert again.stored == [] and len(again.duplicates) == 3  # known by address: nothing fetched again


def test_private_addresses_are_refused_without_the_desk_setting(sqlite_url, site, monkeypatch):
    monkeypatch.delenv("WORKBENCH_FETCH_PRIVATE", raising=False)
    summary = ingest_items(open_database(sqlite_url), path_items([f"{site['base']}/feed.rss"]))
    assert summary.stored == [] and "address on this machine" in summary.refused[0].reason


def _jsonl(path: Path, count: int) -> None:
    """``count`` distinct articles, one per line (each numbered so no two texts are the same)."""
    with path.open("w") as out:
        for n in range(count):
            text = f"Report {n}: " + ARTICLES[n % len(ARTICLES)] + f" The count was {n + 100} households."
            out.write(json.dumps({"text": text, "title": f"Report {n}"}) + "\n")


def test_worker_processes_store_the_same_articles_as_one_process(tmp_path, sqlite_url):
    rows = tmp_path / "rows.jsonl"
    _jsonl(rows, 40)
    inline = ingest_items(open_database(sqlite_url), path_items([str(rows)]), workers=0)
    other = f"sqlite:///{tmp_path / 'pool.db'}"
    pooled = ingest_items(open_database(other), path_items([str(rows)]), workers=2, batch=7)
    assert len(inline.stored) == len(pooled.stored) == 40
    assert _counts(sqlite_url) == _counts(other)


def test_the_command_prints_a_summary_naming_refusals(tmp_path, sqlite_url, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[0])
    (folder / "b.jsonl").write_text("oops\n")
    status = workbench_cli(["ingest", str(folder), "--workers", "0", "--database-url", sqlite_url])
    out = capsys.readouterr()
    assert status == 1  # something was refused
    assert out.out.splitlines()[0].startswith("1 stored, 0 duplicates, 1 refused.")
    assert f"refused: {folder}/b.jsonl, line 1: not JSON" in out.out
    assert "Ingesting [" in out.err and "articles/s" in out.err


def test_an_article_in_a_language_the_engine_does_not_read_is_stored_without_claims(
    tmp_path, sqlite_url, capsys
):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(ARTICLES[0])
    (folder / "es.txt").write_text(
        "El Gobierno afirmó que el paro bajó un 4 % en 2023, hasta 2,9 millones de personas, aunque los "
        "sindicatos dicen que la cifra no cuenta a quienes dejaron de buscar empleo."
    )
    status = workbench_cli(["ingest", str(folder), "--workers", "0", "--database-url", sqlite_url])
    out = capsys.readouterr().out
    assert status == 0  # stored, with a warning: nothing was refused
    assert out.splitlines()[0].startswith("2 stored, 0 duplicates, 0 refused. 1 stored without claims")
    assert f"warning: {folder}/es.txt: article #" in out and "Spanish (es); no claims were extracted" in out
    with open_database(sqlite_url).session() as session:
        langs = {row.lang: len(row.claims) for row in session.scalars(select(ArticleRow))}
    assert langs["es"] == 0 and langs["en"] > 0


def test_an_article_holding_an_encoded_image_is_stored_with_a_note(tmp_path, sqlite_url, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    image = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 50
    (folder / "page.txt").write_text(f"{ARTICLES[0]}\n{image}\n")
    status = workbench_cli(["ingest", str(folder), "--workers", "0", "--database-url", sqlite_url])
    out = capsys.readouterr().out
    assert status == 0
    assert out.splitlines()[0].startswith(
        "1 stored, 0 duplicates, 0 refused. 1 with text repaired or left out"
    )
    assert f"note: {folder}/page.txt: article #1: 1 run of characters without a space ({len(image):,}" in out
    with open_database(sqlite_url).session() as session:
        texts = list(session.scalars(select(ClaimRow.text)))
    assert texts and not any("base64" in t for t in texts)


def test_a_run_killed_half_way_is_finished_by_running_it_again(tmp_path):
    rows = tmp_path / "rows.jsonl"
    _jsonl(rows, 300)
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    open_database(url).engine.dispose()  # migrated before the run, so polling can count rows at once
    command = [sys.executable, "-m", "workbench", "ingest", str(rows), "--workers", "1", "--batch", "5"]
    process = subprocess.Popen([*command, "--database-url", url], cwd=ROOT, stderr=subprocess.DEVNULL)
    # the database is polled, not the clock, through one read-only connection: a WAL reader never waits
    # for the writer (a new engine per poll set its pragmas first, and could wait out whole batches)
    poll = sqlite3.connect(f"file:{tmp_path / 'killed.db'}?mode=ro", uri=True)
    try:
        while poll.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
            assert process.poll() is None, "the run ended before anything was stored"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
        poll.close()
    killed_articles = _counts(url)[0]
    assert 0 < killed_articles < 300
    finished = subprocess.run(
        [*command, "--database-url", url], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert f"{300 - killed_articles} stored, {killed_articles} duplicates, 0 refused" in finished.stdout
    reference = f"sqlite:///{tmp_path / 'clean.db'}"
    ingest_items(open_database(reference), path_items([str(rows)]))
    assert _counts(url) == _counts(reference)  # no article lost or stored half: same claims in all


def test_a_dask_cluster_runs_the_claim_engine(tmp_path, sqlite_url):
    distributed = pytest.importorskip("distributed")
    rows = tmp_path / "rows.jsonl"
    _jsonl(rows, 24)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        with distributed.Client(cluster.scheduler_address) as client:
            pids = set(client.run(os.getpid).values())  # two worker processes, neither of them this one
        summary = ingest_items(
            open_database(sqlite_url), path_items([str(rows)]), scheduler=cluster.scheduler_address
        )
    assert len(pids) == 2 and os.getpid() not in pids
    assert len(summary.stored) == 24 and summary.refused == []
    reference = f"sqlite:///{tmp_path / 'local.db'}"
    ingest_items(open_database(reference), path_items([str(rows)]))
    assert _counts(sqlite_url) == _counts(reference)
