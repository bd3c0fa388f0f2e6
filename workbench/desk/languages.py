"""The languages of articles: which the claim engine reads, their English names, the warning for the rest.

Light on purpose (no claim engine import): the command line's summary and the pages use it.
"""

from __future__ import annotations

from claims.vocabulary import LANGUAGES

# English names of the languages a desk meets most, for the warning; any other is named by its code.
LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ca": "Catalan", "pl": "Polish", "ro": "Romanian", "ru": "Russian", "uk": "Ukrainian",
    "ar": "Arabic", "tr": "Turkish", "zh": "Chinese", "ja": "Japanese",
}  # fmt: skip


def is_read(lang: str) -> bool:
    """True when the claim engine has rules for ``lang``; an article in another language gets no claims."""
    return lang in LANGUAGES


def language_name(lang: str) -> str:
    """The English name of ``lang`` when the desk meets it often, else a phrase with its code.

    >>> language_name("de")
    'German'
    """
    return LANGUAGE_NAMES.get(lang, f"the language coded {lang!r}")


def unread_language_warning(lang: str) -> str | None:
    """What a reviewer is told of an article stored in a language the engine does not read (else None).

    >>> unread_language_warning("fr") is None
    True
    """
    if is_read(lang):
        return None
    read = " and ".join(LANGUAGE_NAMES[code] for code in LANGUAGES)
    return (
        f"This article looks {language_name(lang)} ({lang}). The claim engine reads only {read}: its "
        "number, date and hedge rules would misread it, so no claims were extracted. The text is stored; "
        f"if it is in fact {read}, add it again with that language chosen."
    )
