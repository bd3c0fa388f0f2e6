"""Source intake with real files: pages served from 127.0.0.1, CSV uploads with bad rows, typed sources."""

from __future__ import annotations

import hashlib
import http.server
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from sources.observations import period_label
from workbench.desk.fetching import PRIVATE_SETTING, FetchError, _GuardedRedirects, check_url, fetch_page
from workbench.desk.library import flag_duplicates, library_frame
from workbench.desk.source_intake import (
    FigureInput,
    SourceFileError,
    fetch_archived_source,
    fetch_source,
    keep_figures,
    manual_source,
    pasted_source,
    read_csv,
    read_html,
)
from workbench.domain.errors import InputError
from workbench.outputs.exports import frame_csv
from workbench.storage.sources_store import StoredSource

PAGES = Path(__file__).parent / "data" / "sources"


SLOW_PAGE_RELEASED = threading.Event()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves tests/data/sources, plus a slow page, a huge page and a redirect to a file: address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(PAGES), **kwargs)

    def do_GET(self) -> None:
        if self.path == "/slow.html":
            SLOW_PAGE_RELEASED.wait(60)  # answers only once the test is over (the fixture releases it)
        if self.path == "/huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>" + b"word " * 1_300_000 + b"</p></body></html>")
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/workbench-forum-report.html")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/data.pdf":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            self.wfile.write(b"%PDF-1.4")
            return
        super().do_GET()

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that gave up early is expected
        pass


@pytest.fixture(autouse=True)
def local_pages_allowed(monkeypatch):
    """The test pages are served from 127.0.0.1, which the app refuses unless the desk allows it."""
    monkeypatch.setenv(PRIVATE_SETTING, "1")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    SLOW_PAGE_RELEASED.set()
    server.shutdown()
    server.server_close()


def test_a_served_page_imports_with_its_title_date_publisher_and_text(site):
    source = fetch_source(f"{site}/workbench-forum-report.html")
    assert source.title == "Defence Industries Forum 2023: attendance report"
    assert source.published == "2023-10-02"
    assert source.publisher == "Defence Industry Council"
    assert source.url == f"{site}/workbench-forum-report.html"
    assert "263 foreign arms manufacturers" in source.text
    assert "tracker" not in source.text and "Legal notice" not in source.text  # scripts and furniture dropped
    counts = [(f.value, period_label(f.period)) for f in source.figures if f.kind == "count"]
    assert (263.0, "September 2023") in counts  # "the forum held in Kyiv in September 2023"


def test_a_fetched_page_keeps_its_archived_copy_with_the_url_after_redirects(site):
    source, copy = fetch_archived_source(f"{site}/moved")
    served = (PAGES / "workbench-forum-report.html").read_bytes()
    final = f"{site}/workbench-forum-report.html"
    assert (copy.url, source.url) == (final, final)
    assert (copy.sha256, copy.size) == (hashlib.sha256(served).hexdigest(), len(served))
    assert copy.fetched_at.tzinfo is not None


def test_the_french_ministry_page_imports_with_its_multiplier(site):
    source = fetch_source(f"{site}/ministry-report.html")
    assert source.language == "fr" and source.published == "2024-02-15"
    assert source.title.startswith("Production de défense")
    multipliers = [(f.value, period_label(f.period)) for f in source.figures if f.kind == "multiplier"]
    assert (3.1, "2023") in multipliers


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "answered 404"),
        ("/workbench-no-text.html", "no main text found"),
        ("/data.pdf", "not HTML"),
        ("/huge.html", "larger than 5 MB"),
        ("/to-file", "not an http(s) address"),
    ],
)
def test_pages_that_cannot_be_imported_say_why(site, path, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fetch_source(f"{site}{path}")


def test_a_page_that_does_not_answer_in_time_is_refused(site):
    with pytest.raises(FetchError, match=r"no answer within 0\.5 seconds"):
        fetch_page(f"{site}/slow.html", timeout=0.5)


def test_a_closed_port_is_a_clear_error():
    with pytest.raises(FetchError, match="could not connect"):
        fetch_page("http://127.0.0.1:9/report.html", timeout=2)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8501/",
        "http://localhost/admin",
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://10.1.2.3/intranet",
        "http://[::1]/",
        "http://[::ffff:192.168.0.1]/",
        "https://0.0.0.0/",
    ],
)
def test_addresses_on_the_local_network_are_refused_by_default(monkeypatch, site, url):
    monkeypatch.delenv(PRIVATE_SETTING)
    with pytest.raises(FetchError, match="local network; only public web pages"):
        fetch_page(url, timeout=2)
    with pytest.raises(FetchError, match="local network"):  # the served test page too
        fetch_source(f"{site}/workbench-forum-report.html")


def test_a_redirect_to_the_local_network_is_refused():
    handler = _GuardedRedirects(public_only=True)
    request = urllib.request.Request("https://example.org/report")
    with pytest.raises(FetchError, match=r"169\.254\.169\.254 is an address on this machine"):
        handler.redirect_request(request, None, 302, "Found", {}, "http://169.254.169.254/latest/meta-data/")


def test_an_unknown_host_name_is_a_clear_error(monkeypatch):
    monkeypatch.delenv(PRIVATE_SETTING)
    with pytest.raises(FetchError, match="could not be found"):
        fetch_page("https://no-such-host.invalid/report", timeout=2)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "example.org"]
)
def test_only_http_addresses_are_fetched(url):
    with pytest.raises(FetchError, match="not an http"):
        check_url(url)


def test_an_uploaded_html_file_imports_like_a_served_one():
    source = read_html((PAGES / "workbench-forum-report.html").read_bytes(), name="forum.html")
    assert source.publisher == "Defence Industry Council" and source.url is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,publisher\nA,B\n", "sources.csv, row 1: unknown column 'name'"),
        ("title,publisher\nRapport,Minist\u00e8re\n".encode("latin-1"), "not UTF-8"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
        (b"title,text\nReport,<script>alert(1)</script>\n", "sources.csv, source 1"),
        (b"title,url\nReport,javascript:alert(1)\n", "not an http"),
    ],
)
def test_bad_csv_files_get_located_errors(content, message):
    with pytest.raises(SourceFileError) as error:
        read_csv(content, name="sources.csv")
    assert any(message in e for e in error.value.errors), error.value.errors


def test_a_50_mb_csv_is_refused_before_it_is_read():
    content = b"title,text\n" + b"Report,a long text\n" * 2_700_000
    assert len(content) > 50_000_000
    with pytest.raises(SourceFileError, match="the limit is 20"):
        read_csv(content, name="big.csv")


def test_a_bom_and_formula_cells_are_handled():
    content = '\ufefftitle,publisher\n=HYPERLINK("http://x"),Ministry\n'.encode()
    (source,) = read_csv(content).sources
    assert source.title == '=HYPERLINK("http://x")'  # stored as the text it is ...
    assert "'=HYPERLINK" in frame_csv(pd.DataFrame({"title": [source.title]})).decode()  # ... never run


def test_a_typed_source_keeps_typed_and_found_figures():
    source = manual_source(
        title="Forum attendance list",
        publisher="Council",
        url="https://example.org/forum",
        text="263 foreign manufacturers registered for the forum in September 2023.",
        figure=FigureInput(3.1, unit="×", period="2023"),
        language="en",
    )
    assert [(f.kind, f.value) for f in source.figures] == [("count", 263.0), ("multiplier", 3.1)]
    assert [f.value for f in keep_figures(source, [False, True]).figures] == [3.1]
    with pytest.raises(InputError, match="The title is empty"):
        manual_source(title="  ")
    with pytest.raises(InputError, match="markup"):
        manual_source(title="Report", text="<iframe src=x>")


def test_pasted_text_offers_its_figures():
    source = pasted_source("La production a été multipliée par 3,1 en 2023, selon le ministère.\nSuite.")
    assert source.title.startswith("La production") and source.language == "fr"
    assert [(f.kind, f.value, period_label(f.period)) for f in source.figures] == [
        ("multiplier", 3.1, "2023")
    ]
    with pytest.raises(InputError, match="empty"):
        pasted_source("   ")


def test_duplicates_are_flagged_against_the_oldest_source():
    first = manual_source(
        title="Attendance report", publisher="Council", url="https://example.org/a?utm_source=x"
    )
    same_url = manual_source(title="Another title", url="https://www.example.org/a")
    same_title = manual_source(title="Attendance report.", publisher="council")
    other = manual_source(title="Budget 2024", publisher="Council")
    stored = [StoredSource(i, s, ()) for i, s in enumerate((first, same_url, same_title, other), start=1)]
    flags = flag_duplicates(stored)
    assert [(f.source_id, f.other_id, f.reason) for f in flags] == [(2, 1, "url"), (3, 1, "title")]
    assert "duplicate of source #1" in flags[0].message
    frame = library_frame(stored, flags)
    assert list(frame["id"]) == [4, 3, 2, 1]  # newest first
    assert dict(zip(frame["id"], frame["duplicate of"], strict=True))[3] == "#1 (title)"


def test_titles_that_differ_in_their_numbers_are_different_documents():
    editions = [
        manual_source(title=f"Annual defence report {year}", publisher="Ministry") for year in (2023, 2024)
    ]
    stored = [StoredSource(i, s, ()) for i, s in enumerate(editions, start=1)]
    assert flag_duplicates(stored) == []
