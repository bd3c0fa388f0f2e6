"""Checks on what reviewers type or upload: size, encoding, markup. Refuse early, store nothing."""

from __future__ import annotations

from workbench.domain.errors import InputError
from workbench.domain.textsafe import active_markup, strip_controls

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_FIELD_CHARS = {
    "title": 500,
    "outlet": 200,
    "url": 2000,
    "reviewer": 100,
    "rationale": 20_000,
    "quote": 5_000,
}


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
    """Strip a text field (controls removed first) and refuse empty required values, over-long values and
    active markup (checked on the NFKC form, see ``workbench.domain.textsafe``)."""
    value = strip_controls(text or "").strip()  # the checks read what is stored, not what hides in it
    if not value:
        if required:
            raise InputError(f"The {field} is empty.")
        return None
    limit = max_chars or MAX_FIELD_CHARS.get(field)
    if limit and len(value) > limit:
        raise InputError(f"The {field} is {len(value):,} characters long; the limit is {limit:,}.")
    markup = active_markup(value)
    if markup:
        raise InputError(
            f"The {field} contains HTML or script markup ({markup!r}). "
            "Paste plain text: markup is never run or stored."
        )
    return value


def clean_search(text: str | None, *, max_chars: int = 500) -> str | None:
    """Words to search for: stripped and bounded, never refused for markup (they are matched, not shown).

    >>> clean_search(" javascript: void ")
    'javascript: void'
    """
    value = strip_controls(text or "").strip()[:max_chars]
    return value or None
