"""Checks on what reviewers type or upload: size, encoding, markup. Refuse early, store nothing."""

from __future__ import annotations

import re

from workbench.errors import InputError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_FIELD_CHARS = {
    "title": 500,
    "outlet": 200,
    "url": 2000,
    "reviewer": 100,
    "rationale": 20_000,
    "quote": 5_000,
}

# Active markup has no place in an article or a rationale: it would be a paste of a web page's source,
# or an attempt to run code in another reviewer's browser.
_ACTIVE_MARKUP = re.compile(
    r"<\s*/?\s*(?:script|iframe|object|embed|style|svg|img|link|meta|form)\b|javascript\s*:|\bon[a-z]{3,15}\s*=\s*[\"']",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_upload(content: bytes, filename: str) -> str:
    """Decode an uploaded text file, refusing what a reviewer could not mean to upload.

    >>> decode_upload("Bonjour".encode(), "a.txt")
    'Bonjour'
    """
    if len(content) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"{filename} is {len(content) / 1e6:.1f} MB; the limit is 5 MB. "
            "Split the file or paste an excerpt."
        )
    if b"\x00" in content[:8192]:
        raise InputError(f"{filename} looks like a binary file, not text. Upload a .txt or .md file.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{filename} is not UTF-8 text (byte {error.start} cannot be read). "
            "Save it as UTF-8 and upload it again."
        ) from error


def clean_text(
    field: str, text: str | None, *, required: bool = False, max_chars: int | None = None
) -> str | None:
    """Strip a text field and refuse empty required values, over-long values and active markup."""
    value = (text or "").strip()
    if not value:
        if required:
            raise InputError(f"The {field} is empty.")
        return None
    limit = max_chars or MAX_FIELD_CHARS.get(field)
    if limit and len(value) > limit:
        raise InputError(f"The {field} is {len(value):,} characters long; the limit is {limit:,}.")
    if _ACTIVE_MARKUP.search(value):
        raise InputError(
            f"The {field} contains HTML or script markup ({_ACTIVE_MARKUP.search(value).group(0)!r}). "
            "Paste plain text: markup is never run or stored."
        )
    return _CONTROL.sub("", value)
