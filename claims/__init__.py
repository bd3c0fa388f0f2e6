"""Claim engine: article text -> atomic claims and the statistics inside them (pure Python).

The names below are loaded on first use (PEP 562), so ``claims --help`` and a module that needs only
``claims.models`` do not pay for the date and number grammars.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "Attribution": "claims.models",
    "Base": "claims.models",
    "Bound": "claims.models",
    "Claim": "claims.models",
    "DateRef": "claims.models",
    "Entity": "claims.models",
    "Period": "claims.models",
    "Statistic": "claims.models",
    "detect_language": "claims.language",
    "identify_language": "claims.language",
    "non_word_runs": "claims.non_words",
    "parse_statistics": "claims.statistics",
    "read_observations": "claims.splitting",
    "split_claims": "claims.splitting",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'claims' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
