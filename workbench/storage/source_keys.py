"""The indexed keys duplicate checks look sources up by: a URL's digest and a comparable publisher."""

from __future__ import annotations

import hashlib

from sources.dedup import comparable, normalise_url


def url_key(url: str | None) -> str | None:
    """The SHA-256 of a URL's normalised form (same document, same key).

    >>> url_key("https://www.example.org/a?utm_source=x") == url_key("http://example.org/a/")
    True
    """
    return hashlib.sha256(normalise_url(url).encode()).hexdigest() if url else None


def publisher_key(publisher: str | None) -> str:
    """A publisher as titles are compared within it ("" when there is none)."""
    return comparable(publisher)[:200]


def url_key_default(context) -> str | None:
    """Column default: every insert of a source gets its key, whatever code path stores it."""
    return url_key(context.get_current_parameters().get("url"))


def publisher_key_default(context) -> str:
    return publisher_key(context.get_current_parameters().get("publisher"))
