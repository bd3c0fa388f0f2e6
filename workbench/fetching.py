"""Fetch a web page for import: http and https only, with a timeout and a size limit.

The page's bytes go to ``sources.importing.import_html``; nothing here parses HTML.
"""

from __future__ import annotations

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


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http and https addresses."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"{req.full_url}: redirected to {newurl!r}, which is not an http(s) address.")
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


def fetch_page(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_PAGE_BYTES) -> FetchedPage:
    """The page at ``url``; raises FetchError with a message a reviewer can act on."""
    url = check_url(url)
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
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
