"""Fetch a web page for import: http and https only, with a timeout and a size limit.

Addresses on the desk's own network (loopback, private, link-local such as a cloud's metadata service)
are refused unless ``WORKBENCH_FETCH_PRIVATE=1``: a shared server must not be turned into a window on
the network it sits in. The check covers every redirect; it resolves the name once before connecting,
so a name that changes its answer between the two is out of its reach.
The page's bytes go to ``sources.importing.import_html``; nothing here parses HTML.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from workbench.errors import InputError

TIMEOUT_SECONDS = 10.0
MAX_PAGE_BYTES = 5 * 1024 * 1024
USER_AGENT = "claim-workbench/0.1 (fact-checking; source import)"


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


def check_public_host(url: str) -> None:
    """Refuse ``url`` when its host is, or resolves to, an address outside the public internet.

    >>> check_public_host("http://127.0.0.1:8501/")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    workbench.fetching.FetchError: http://127.0.0.1:8501/: 127.0.0.1 is an address on this machine ...
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        answers = socket.getaddrinfo(host, parts.port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as e:
        raise FetchError(f"{url}: the name {host!r} could not be found.") from e
    for answer in answers:
        address = ipaddress.ip_address(answer[4][0].split("%")[0])
        mapped = getattr(address, "ipv4_mapped", None)
        if not (mapped or address).is_global:
            raise FetchError(
                f"{url}: {address} is an address on this machine or its local network; only public web "
                f"pages are fetched (set {PRIVATE_SETTING}=1 to allow it)."
            )


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
) -> FetchedPage:
    """The page at ``url``; raises FetchError with a message a reviewer can act on.
    ``allow_private`` None follows ``WORKBENCH_FETCH_PRIVATE``."""
    url = check_url(url)
    public_only = not (private_allowed() if allow_private is None else allow_private)
    if public_only:
        check_public_host(url)
    opener = urllib.request.build_opener(_GuardedRedirects(public_only=public_only))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
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
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError(f"{url}: no answer within {timeout:g} seconds.") from e
        raise FetchError(f"{url}: could not connect ({reason}).") from e
    except TimeoutError as e:
        raise FetchError(f"{url}: no answer within {timeout:g} seconds.") from e
    except OSError as e:
        raise FetchError(f"{url}: could not read the page ({e}).") from e
    if len(content) > max_bytes:
        raise FetchError(f"{url}: the page is larger than {max_bytes / 2**20:g} MB; save an excerpt instead.")
    if content_type and not any(t in content_type.lower() for t in ("html", "xml", "text/plain")):
        raise FetchError(f"{url}: the page is {content_type.split(';')[0]}, not HTML.")
    return FetchedPage(final_url, content, content_type)
