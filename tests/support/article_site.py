"""A small web site on 127.0.0.1 for the fetch-an-article tests: tests/data/sources' pages, plus a page
that answers only when the tests are over, a page over the size limit and a PDF."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PAGES = Path(__file__).resolve().parents[1] / "data" / "sources"


def _handler(released: threading.Event) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(PAGES), **kwargs)

        def do_GET(self) -> None:
            if self.path == "/slow.html":
                released.wait(60)  # answers only once the tests are over: the fetch's time limit fires first
            if self.path in ("/huge.html", "/report.pdf"):
                pdf = self.path.endswith(".pdf")
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf" if pdf else "text/html")
                self.end_headers()
                self.wfile.write(b"%PDF-1.4" if pdf else b"<html><body><p>" + b"word " * 1_300_000)
                return
            super().do_GET()

        def log_message(self, *args) -> None:  # keep the test output clean
            pass

    return Handler


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a client that gave up early is expected
        pass


@contextmanager
def serve_article_site() -> Iterator[str]:
    """The site's base address while the block runs."""
    released = threading.Event()
    server = _QuietServer(("127.0.0.1", 0), _handler(released))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        released.set()
        server.shutdown()
        server.server_close()
