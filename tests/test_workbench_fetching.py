"""Fetching against servers on 127.0.0.1: a total deadline, the checked address connected to, IPv6 forms."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Iterator

import pytest
import trustme

from workbench.desk.fetching import FetchError, check_address, embedded_ipv4, fetch_page

BODY_BYTES = 40
DRIP_SECONDS = 0.3  # between bytes: under the per-read timeout, so only a total deadline stops the fetch


class _Server:
    """A one-thread HTTP server on 127.0.0.1 that answers every request in its own way."""

    def __init__(self, answer) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.requests: list[bytes] = []
        self.sent = 0
        self._answer = answer
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            if self.stop.is_set():  # the connection close() makes to wake accept()
                connection.close()
                return
            with connection:
                self.requests.append(connection.recv(65536))
                with contextlib.suppress(OSError):  # the client hung up: what a deadline does
                    self._answer(self, connection)

    def close(self) -> None:
        self.stop.set()
        with contextlib.suppress(OSError):  # closing a listener does not wake a thread blocked in accept()
            socket.create_connection(("127.0.0.1", self.port), timeout=5).close()
        self._thread.join(timeout=5)
        self.listener.close()


def _drip(server: _Server, connection: socket.socket) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {BODY_BYTES}\r\n\r\n"
    connection.sendall(head.encode())
    for _ in range(BODY_BYTES):
        if server.stop.wait(DRIP_SECONDS):  # the server's pace, not a test waiting on a clock
            return
        connection.sendall(b"x")
        server.sent += 1


def _echo_host(server: _Server, connection: socket.socket) -> None:
    host = next(
        line.split(b":", 1)[1].strip()
        for line in server.requests[-1].split(b"\r\n")
        if line.lower().startswith(b"host:")
    )
    body = b"<html><body>" + host + b"</body></html>"
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    )


@pytest.fixture
def serve() -> Iterator:
    servers: list[_Server] = []

    def start(answer) -> _Server:
        servers.append(_Server(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_a_server_dripping_bytes_is_stopped_at_the_total_deadline(serve):
    server = serve(_drip)
    with pytest.raises(FetchError, match=r"no answer within 1 seconds \(the limit for the whole fetch\)"):
        fetch_page(f"http://127.0.0.1:{server.port}/report.html", timeout=1, allow_private=True)
    # each byte came within the per-read timeout; the fetch still stopped long before the page was whole
    assert server.sent < BODY_BYTES


def test_the_host_header_names_the_host_though_the_checked_address_is_connected_to(serve):
    server = serve(_echo_host)
    page = fetch_page(f"http://localhost:{server.port}/", timeout=5, allow_private=True)
    assert page.content == f"<html><body>localhost:{server.port}</body></html>".encode()


def test_a_name_that_changes_its_answer_after_the_check_is_not_followed(serve, monkeypatch):
    """A rebinding name: public for the check, 127.0.0.1 afterwards; only the checked address is tried."""
    server = serve(_echo_host)
    real = socket.getaddrinfo
    answers: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        address = "192.0.43.10" if not answers else "127.0.0.1"  # a public address first
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 80))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(FetchError):
        fetch_page(f"http://rebind.example:{server.port}/", timeout=1, allow_private=False)
    assert answers == ["192.0.43.10"]  # resolved once
    assert server.requests == []  # and the local server was never reached


@pytest.mark.parametrize(
    ("address", "embedded"),
    [
        ("::127.0.0.1", "127.0.0.1"),  # IPv4-compatible
        ("::ffff:127.0.0.1", "127.0.0.1"),  # IPv4-mapped
        ("::ffff:0:a00:1", "10.0.0.1"),  # IPv4-translated (RFC 2765)
        ("2002:7f00:1::", "127.0.0.1"),  # 6to4
        ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64 (RFC 6052)
        ("64:ff9b:1::a9fe:a9fe", "169.254.169.254"),  # local-use NAT64, a cloud's metadata service
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),  # Teredo: client 127.0.0.1 (stored inverted)
    ],
)
def test_every_ipv6_form_that_embeds_a_local_ipv4_is_refused(address, embedded):
    ip = ipaddress.ip_address(address)
    assert ipaddress.ip_address(embedded) in embedded_ipv4(ip)
    with pytest.raises(FetchError, match="local network"):
        check_address("http://x/", ip)
    with pytest.raises(FetchError, match="local network"):
        fetch_page(f"http://[{address}]/", timeout=1, allow_private=False)


def test_public_addresses_and_their_ipv6_forms_pass():
    for address in ("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "64:ff9b::5db8:d70e"):
        check_address("http://x/", ipaddress.ip_address(address))


class _TLSServer(_Server):
    """The same server behind TLS with a certificate from a throw-away authority; records each SNI name."""

    def __init__(self, answer, certificate) -> None:
        import ssl

        self.names: list[str | None] = []
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        certificate.configure_cert(self.context)
        self.context.sni_callback = lambda _sock, name, _ctx: self.names.append(name)
        super().__init__(answer)

    def _serve(self) -> None:
        import ssl

        while not self.stop.is_set():
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            if self.stop.is_set():
                raw.close()
                return
            try:
                connection = self.context.wrap_socket(raw, server_side=True)
            except (ssl.SSLError, OSError):  # the client refused our certificate: what a mismatch does
                raw.close()
                continue
            with connection:
                self.requests.append(connection.recv(65536))
                with contextlib.suppress(OSError):
                    self._answer(self, connection)


@pytest.fixture
def authority(tmp_path, monkeypatch):
    """A certificate authority this process trusts (OpenSSL reads SSL_CERT_FILE for default contexts)."""
    ca = trustme.CA()
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    return ca


def _resolving(monkeypatch, name: str, answers: list[str]) -> None:
    """``name`` resolves to 127.0.0.1 (each resolution recorded); other names as usual."""
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host != name:
            return real(host, port, *args, **kwargs)
        answers.append("127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port or 443))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)


def test_https_connects_to_the_checked_address_and_still_names_the_host_in_tls(authority, monkeypatch):
    server = _TLSServer(_echo_host, authority.issue_cert("news.example"))
    answers: list[str] = []
    _resolving(monkeypatch, "news.example", answers)
    try:
        page = fetch_page(f"https://news.example:{server.port}/", timeout=5, allow_private=True)
    finally:
        server.close()
    assert page.content == f"<html><body>news.example:{server.port}</body></html>".encode()
    assert server.names == ["news.example"]  # SNI named the host, not the address connected to
    assert answers == ["127.0.0.1"]  # resolved once: the connection went to the checked address


def test_https_refuses_a_certificate_for_another_name_with_a_reason(authority, monkeypatch):
    server = _TLSServer(_echo_host, authority.issue_cert("other.example"))
    _resolving(monkeypatch, "news.example", [])
    try:
        with pytest.raises(
            FetchError,
            match=r"news\.example.*certificate could not be verified \(Hostname mismatch.*not fetched",
        ):
            fetch_page(f"https://news.example:{server.port}/", timeout=5, allow_private=True)
    finally:
        server.close()
    assert server.requests == []  # nothing was sent to a server that could not prove its name


def _answer_as(content_type: str, body: bytes):
    def answer(server: _Server, connection: socket.socket) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
        connection.sendall(head.encode() + body)

    return answer


def test_csv_and_json_are_taken_for_a_series_only_and_binary_never(serve):
    from workbench.desk.fetching import SERIES_TYPES

    csv = serve(_answer_as("text/csv; charset=utf-8", b"period,value\n2023,4\n"))
    with pytest.raises(FetchError, match="text/csv, not HTML"):
        fetch_page(f"http://127.0.0.1:{csv.port}/s.csv", timeout=5, allow_private=True)
    page = fetch_page(
        f"http://127.0.0.1:{csv.port}/s.csv", timeout=5, allow_private=True, accept=SERIES_TYPES
    )
    assert page.content == b"period,value\n2023,4\n"
    sdmx = serve(_answer_as("application/vnd.sdmx.data+json;version=1.0.0", b"{}"))
    fetched = fetch_page(f"http://127.0.0.1:{sdmx.port}/", timeout=5, allow_private=True, accept=SERIES_TYPES)
    assert fetched.content == b"{}"
    binary = serve(_answer_as("application/vnd.ms-excel", b"\xd0\xcf\x11\xe0"))
    with pytest.raises(FetchError, match="not text, CSV, XML or JSON"):
        fetch_page(f"http://127.0.0.1:{binary.port}/", timeout=5, allow_private=True, accept=SERIES_TYPES)
