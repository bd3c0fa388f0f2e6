"""Word tables for the evidence side, one module per language; a new language is a new data file.

``load(lang)`` returns the module for ``lang`` (the default language when unknown), so code
never names a language.
"""

from __future__ import annotations

import importlib
from types import ModuleType

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"


def load(lang: str | None) -> ModuleType:
    """Return the vocabulary module for ``lang``.

    >>> "le" in load("fr").STOPWORDS
    True
    """
    code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return importlib.import_module(f"sources.vocabulary.{code}")
