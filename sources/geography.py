"""Countries and groupings: a series' geography code or name read as one, and the ones a claim names.

The table is data (``sources/vocabulary/countries.py``): ISO and Eurostat codes, English and French names,
other names and demonyms. A series says "UA", "UKR", "Ukraine" or "EU27_2020"; a claim says "l'Ukraine",
"ukrainienne" or "the EU": all read as the same ``Geography``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sources.analysis import fold
from sources.vocabulary.countries import TABLE

# column order of the table's names: a new language is a new column, added here too
NAME_LANGUAGES: tuple[str, ...] = ("en", "fr")


@dataclass(frozen=True)
class Geography:
    """A country or grouping: ``code`` (Eurostat's two letters, else ISO), ``code3``, names by language."""

    code: str
    code3: str
    names: tuple[tuple[str, str], ...]  # (language, name)
    aliases: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The English name (the UI's language)."""
        return self.names[0][1]

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` (English when the table has no column for it)."""
        return dict(self.names).get(lang, self.name)

    @property
    def label(self) -> str:
        """Code and name, as a series is indexed and shown: "UA Ukraine"."""
        return f"{self.code} {self.name}"


@cache
def geographies() -> tuple[Geography, ...]:
    """Every row of the table."""
    rows = []
    for line in TABLE.strip().splitlines():
        code, code3, *rest = (cell.strip() for cell in line.split("|"))
        names, others = rest[: len(NAME_LANGUAGES)], rest[len(NAME_LANGUAGES)]
        rows.append(
            Geography(
                code,
                code3,
                tuple(zip(NAME_LANGUAGES, names, strict=True)),
                tuple(a.strip() for a in others.split(",") if a.strip()),
            )
        )
    return tuple(rows)


def _is_code(word: str) -> bool:
    """An alias in capitals (EU, USA): matched in capitals only."""
    return word.isupper() and len(word.replace("-", "").replace("_", "")) <= 9 and " " not in word


@cache
def _lookup() -> tuple[dict[str, Geography], dict[str, Geography]]:
    """(codes and capitalised aliases as written, folded names and aliases) -> geography."""
    codes: dict[str, Geography] = {}
    names: dict[str, Geography] = {}
    for geo in geographies():
        codes.setdefault(geo.code, geo)
        codes.setdefault(geo.code3, geo)
        for _, name in geo.names:
            names.setdefault(fold(name), geo)
        for alias in geo.aliases:
            if _is_code(alias):
                codes.setdefault(alias, geo)
            else:
                names.setdefault(fold(alias), geo)
    return codes, names


@cache
def _name_pattern() -> re.Pattern[str]:
    """Every folded name and alias, longest first, as whole words ("united states" before "states")."""
    names = sorted(_lookup()[1], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@cache
def _code_pattern() -> re.Pattern[str]:
    """The capitalised aliases (EU, USA, UE), matched as written; bare ISO codes are not looked for in
    prose ("US" is listed as an alias, "IT" or "IN" are words)."""
    aliases = sorted({a for g in geographies() for a in g.aliases if _is_code(a)}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")


def read_geography(text: str | None) -> Geography | None:
    """A series' geography ("UA", "UKR", "Ukraine", "UA Ukraine", "Ukraine (UA)") as a table row;
    None when it names none (a region or a code the table lacks: neutral, never an error).

    >>> read_geography("UKR").name, read_geography("Allemagne").code, read_geography("EU27_2020").name
    ('Ukraine', 'DE', 'European Union')
    >>> read_geography("Île-de-France") is None
    True
    """
    if not text or not text.strip():
        return None
    codes, names = _lookup()
    whole = text.strip()
    found = codes.get(whole.upper()) or names.get(fold(whole))
    if found:
        return found
    for word in re.split(r"[\s(),;:/]+", whole):  # "UA Ukraine", "Ukraine (UA)"
        if word and (found := codes.get(word.upper()) if word.isupper() else names.get(fold(word))):
            return found
    return None


def geographies_in(text: str) -> tuple[Geography, ...]:
    """The countries and groupings a text names (names, other names, demonyms; capitalised aliases as
    written), first mention first.

    >>> [g.code for g in geographies_in("La production ukrainienne a triplé, selon l'UE")]
    ['UA', 'EU27_2020']
    """
    codes, names = _lookup()
    hits = [(m.start(), names[m.group()]) for m in _name_pattern().finditer(fold(text))]
    hits += [(m.start(), codes[m.group()]) for m in _code_pattern().finditer(text)]
    return tuple(dict.fromkeys(geo for _, geo in sorted(hits, key=lambda hit: hit[0])))
