"""Fetch a web page for import: http and https only, with a total time limit and a size limit.

Addresses on the desk's own network (loopback, private, link-local such as a cloud's metadata service,
and their IPv6 forms: IPv4-mapped or -compatible, 6to4, NAT64, Teredo) are refused unless
``WORKBENCH_FETCH_PRIVATE=1``: a shared server must not be turned into a window on the network it sits
in. Each connection (every redirect included) resolves the name once, checks the addresses and connects
to the checked one, keeping the Host header and TLS name: a name that changes its answer in between
gains nothing. The time limit covers the whole fetch, not each read.
The page's bytes go to ``sources.importing.import_html``; nothing here parses HTML.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import os
import socket
import ssl
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from workbench.domain.errors import InputError

TIMEOUT_SECONDS = 10.0
MAX_PAGE_BYTES = 5 * 1024 * 1024
USER_AGENT = "claim-workbench/0.1 (fact-checking; source import)"
# what a page fetch accepts; a statistical series may also come as CSV or JSON (SDMX), never binary
PAGE_TYPES = ("html", "xml", "text/plain")
SERIES_TYPES = (*PAGE_TYPES, "csv", "json", "text/tab-separated-values")


class FetchError(InputError):
    """A page that could not be fetched: bad address, no answer, too large, not HTML."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    content: bytes
    content_type: str


PRIVATE_SETTING = "WORKBENCH_FETCH_PRIVATE"


def private_allowed() -> bool:
    """True when the desk lets reviewers fetch from its own network (``WORKBENCH_FETCH_PRIVATE=1``)."""
    return os.environ.get(PRIVATE_SETTING, "").strip().lower() in ("1", "true", "yes")


# IPv4 networks whose IPv6 forms embed the IPv4 in their last 32 bits (RFC 6052 NAT64, its local-use
# prefix, RFC 2765's IPv4-translated form); IPv4-compatible (::a.b.c.d), IPv4-mapped, 6to4 and Teredo are
# read with the ipaddress module's own properties.
_EMBEDDING_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("64:ff9b::/96", "64:ff9b:1::/48", "::ffff:0:0:0/96", "::/96")
)


def embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, compatible, 6to4, NAT64, Teredo), to check them.

    >>> [str(a) for a in embedded_ipv4(ipaddress.ip_address("2002:7f00:1::"))]
    ['127.0.0.1']
    """
    if address.version == 4:
        return []
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo:
        found += list(address.teredo)  # (server, client); the client is stored inverted, the module undoes it
    if any(address in network for network in _EMBEDDING_NETWORKS) and int(address) > 1:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def _refusal(url: str, address: object) -> FetchError:
    return FetchError(
        f"{url}: {address} is an address on this machine or its local network; only public web "
        f"pages are fetched (set {PRIVATE_SETTING}=1 to allow it)."
    )


def check_address(url: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    """Refuse ``address`` unless it, and every IPv4 address it embeds, is on the public internet."""
    for candidate in (address, *embedded_ipv4(address)):
        if not candidate.is_global or candidate.is_multicast:
            raise _refusal(url, address)


def resolve(url: str, *, public_only: bool) -> list[str]:
    """The addresses ``url``'s host resolves to (once), each checked when only public ones are allowed."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        answers = socket.getaddrinfo(host, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as e:
        raise FetchError(f"{url}: the name {host!r} could not be found.") from e
    addresses = list(dict.fromkeys(answer[4][0].split("%")[0] for answer in answers))
    if public_only:
        for address in addresses:
            check_address(url, ipaddress.ip_address(address))
    return addresses


def check_public_host(url: str) -> None:
    """Refuse ``url`` when its host is, or resolves to, an address outside the public internet.

    >>> check_public_host("http://127.0.0.1:8501/")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    workbench.desk.fetching.FetchError: http://127.0.0.1:8501/: 127.0.0.1 is an address on this machine ...
    """
    resolve(url, public_only=True)


class _Deadline:
    """The whole fetch's time limit: every socket it opens is shut when the time is up (a server that drips
    one byte at a time never resets a per-read timeout past it)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                sock.close()
                raise TimeoutError("the fetch's time is up")
            self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):  # already closed
                    sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()


def _connect(host: str, port: int, url: str, *, public_only: bool, deadline: _Deadline) -> socket.socket:
    """A socket to an address ``host`` resolved to, checked before connecting: no second resolution."""
    failure: OSError | None = None
    for address in resolve(url, public_only=public_only):
        try:
            sock = socket.create_connection((address, port), timeout=deadline.seconds)
        except OSError as error:
            failure = error
            continue
        deadline.watch(sock)
        return sock
    raise failure or OSError(f"no address for {host}")


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to the checked address; the Host header still names the host."""

    def __init__(self, *args, url: str, public_only: bool, deadline: _Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._url, self._public_only, self._deadline = url, public_only, deadline

    def connect(self) -> None:
        self.sock = _connect(
            self.host, self.port, self._url, public_only=self._public_only, deadline=self._deadline
        )
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to the checked address; the certificate and SNI still name the host."""

    def __init__(self, *args, url: str, public_only: bool, deadline: _Deadline, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._url, self._public_only, self._deadline = url, public_only, deadline

    def connect(self) -> None:
        sock = _connect(
            self.host, self.port, self._url, public_only=self._public_only, deadline=self._deadline
        )
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
        self._deadline.watch(self.sock)


class _PinnedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Opens http and https requests through the pinned connections (redirects included)."""

    def __init__(self, *, public_only: bool, deadline: _Deadline) -> None:
        urllib.request.HTTPHandler.__init__(self)
        urllib.request.HTTPSHandler.__init__(self)
        self.public_only, self.deadline = public_only, deadline

    def _connection(self, kind: type[http.client.HTTPConnection], request: urllib.request.Request):
        def build(host: str, **kwargs) -> http.client.HTTPConnection:
            return kind(
                host, url=request.full_url, public_only=self.public_only, deadline=self.deadline, **kwargs
            )

        return build

    def http_open(self, req):
        return self.do_open(self._connection(_PinnedHTTP, req), req)

    def https_open(self, req):
        return self.do_open(self._connection(_PinnedHTTPS, req), req, context=self._context)


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) addresses, and to public hosts unless private ones are allowed."""

    def __init__(self, *, public_only: bool) -> None:
        super().__init__()
        self.public_only = public_only

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"{req.full_url}: redirected to {newurl!r}, which is not an http(s) address.")
        if self.public_only:
            check_public_host(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str) -> str:
    """The URL stripped, refused unless it is an http(s) address with a host.

    >>> check_url(" https://example.org/report ")
    'https://example.org/report'
    """
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url or 'The address'!r} is not an http:// or https:// address.")
    return url


def fetch_page(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_PAGE_BYTES,
    allow_private: bool | None = None,
    accept: tuple[str, ...] = PAGE_TYPES,
) -> FetchedPage:
    """The page at ``url``; raises FetchError with a message a reviewer can act on.
    ``allow_private`` None follows ``WORKBENCH_FETCH_PRIVATE``; ``accept``: parts of the content types
    taken (``SERIES_TYPES`` for a statistical series)."""
    url = check_url(url)
    public_only = not (private_allowed() if allow_private is None else allow_private)
    deadline = _Deadline(timeout)
    opener = urllib.request.build_opener(
        _PinnedHandler(public_only=public_only, deadline=deadline), _GuardedRedirects(public_only=public_only)
    )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    late = FetchError(f"{url}: no answer within {timeout:g} seconds (the limit for the whole fetch).")
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    f"{url}: the page is {int(declared) / 2**20:.1f} MB; "
                    f"the limit is {max_bytes / 2**20:g} MB."
                )
            content = response.read(max_bytes + 1)
            final_url = response.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        if 300 <= e.code < 400:  # urllib refuses redirects to file:, ftp: ... itself
            raise FetchError(f"{url}: redirected to an address that is not an http(s) address.") from e
        raise FetchError(f"{url}: the server answered {e.code} {e.reason}.") from e
    except urllib.error.URLError as e:
        reason = e.reason
        if deadline.expired or isinstance(reason, TimeoutError | socket.timeout):
            raise late from e
        if isinstance(reason, ssl.SSLCertVerificationError):
            raise FetchError(
                f"{url}: the site's certificate could not be verified ({reason.verify_message}); "
                "the page was not fetched."
            ) from e
        raise FetchError(f"{url}: could not connect ({reason}).") from e
    except (TimeoutError, http.client.HTTPException) as e:
        raise (
            late
            if deadline.expired or isinstance(e, TimeoutError)
            else FetchError(f"{url}: the server's answer could not be read ({type(e).__name__}).")
        ) from e
    except OSError as e:
        if deadline.expired:
            raise late from e
        raise FetchError(f"{url}: could not read the page ({e}).") from e
    finally:
        deadline.cancel()
    if deadline.expired:  # the sockets were shut mid-answer: what was read is a fragment
        raise late
    if len(content) > max_bytes:
        raise FetchError(f"{url}: the page is larger than {max_bytes / 2**20:g} MB; save an excerpt instead.")
    if content_type and not any(t in content_type.lower() for t in accept):
        wanted = "HTML" if accept == PAGE_TYPES else "text, CSV, XML or JSON"
        raise FetchError(f"{url}: the page is {content_type.split(';')[0]}, not {wanted}.")
    return FetchedPage(final_url, content, content_type)
