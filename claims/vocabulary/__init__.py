"""Word tables, one sub-package per language; a new language is a new folder of data.

Each language folder holds modules of plain data (``numbers.py``, ``discourse.py``...).
``load(lang, table)`` returns that module so code never names a language.
"""

from __future__ import annotations

import importlib
from types import ModuleType

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"


def load(lang: str, table: str) -> ModuleType:
    """Return the vocabulary module ``table`` for ``lang`` (falls back to the default language).

    >>> load("fr", "common").STOPWORDS is not None
    True
    """
    code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return importlib.import_module(f"claims.vocabulary.{code}.{table}")
