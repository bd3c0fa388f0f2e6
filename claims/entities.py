"""Named actors in text, resolved against an editable gazetteer (claims/data/gazetteer.json).

Two passes: exact aliases (case-sensitive, longest first), then capitalised names, which are resolved
fuzzily with ``fuzz.ratio`` on ``utils.default_process`` (case- and accent-insensitive, and unlike
``WRatio`` it does not reward a short string for sharing one word with a long one). A score at or above
``apply_at`` sets ``Entity.name``; between ``suggest_at`` and ``apply_at`` the match is only offered in
``Entity.suggestion``. Names not in the gazetteer are kept with ``kind=None``.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process, utils

from claims.models import Entity, build
from claims.segmenting import discourse

APPLY_AT = 85.0
SUGGEST_AT = 75.0
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽА-ЯЁІЇЄΑ-Ω"
_WORD_CHARS = r"[\w'’-]"

# Both branches start with a capital, consumed first so that the regex engine skips straight to the
# capitals of the text (a pattern opening with a look-behind is tried at every position); the
# look-behinds then check the character before that capital ("(?<![\w-][A-Z])": the two characters
# ending here are not a word character and a capital, i.e. the one before the capital is no word).
_NAME = re.compile(
    rf"""
    [{_UPPER}]
    (?:
        (?<![\w'’-][{_UPPER}])
        \.(?:[{_UPPER}]\.){{1,3}}                  # dotted acronym: U.S., U.K.
        |
        (?<![\w-][{_UPPER}])
        {_WORD_CHARS}{{0,40}}                      # a capitalised word
        (?:                                      # ... followed by more words of the same name
            (?:[ \u00a0](?:of|de|du|des|von|van|der|di|da|al|bin|del)(?:[ \u00a0](?:the|la))?[ \u00a0]
              |[ \u00a0]d['’]
              |[ \u00a0]
            )
            [{_UPPER}]{_WORD_CHARS}{{0,40}}
        ){{0,5}}
    )
    """,
    re.VERBOSE,
)
_SPAN = operator.attrgetter("span")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Canonical names with kinds, every alias (and every person's surname) pointing at its entry."""

    aliases: dict[str, tuple[str, str | None]]
    exact: re.Pattern[str]
    folded: dict[str, str] = field(default_factory=dict)
    choices: tuple[str, ...] = ()


def _alternation(words: Iterable[str]) -> str:
    r"""One regex alternation, grouped by first character so a position is tried against one group only.

    The first character is consumed by a class of all first characters, so that the regex engine skips
    straight to the positions where some alias can start; each group then checks, by look-behind, that
    it is its own first character, and ``(?<!\w[...])`` that no word character comes before it.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in groups.items():
        body = "|".join(re.escape(r).replace("'", "['’]") for r in rests)
        parts.append(f"(?<={re.escape(first)})(?:{body})")
    firsts = "".join(re.escape(first) for first in groups)
    return f"[{firsts}](?<![\\w][{firsts}])(?:{'|'.join(parts)})"


def build_gazetteer(entries: Iterable[dict]) -> Gazetteer:
    """Index gazetteer entries (``{"name", "kind", "aliases"}``).

    >>> g = build_gazetteer([{"name": "Rustem Umerov", "kind": "person", "aliases": []}])
    >>> g.aliases["Umerov"]
    ('Rustem Umerov', 'person')
    """
    aliases: dict[str, tuple[str, str | None]] = {}
    for entry in entries:
        target = (entry["name"], entry.get("kind"))
        names = [entry["name"], *entry.get("aliases", [])]
        if entry.get("kind") == "person":
            names += [n.split()[-1] for n in names if " " in n]
        for name in names:
            aliases.setdefault(name, target)
    # A hyphen may join two names ("Ukraine-États-Unis") but not a name to a word ("Kyiv-based").
    pattern = re.compile(rf"{_alternation(aliases)}(?![\w]|-[^\W{_UPPER}]|['’]\w\w)")
    folded = {utils.default_process(a): a for a in aliases}
    return Gazetteer(aliases, pattern, folded, tuple(folded))


def _read_package_gazetteer() -> Gazetteer:
    text = resources.files("claims").joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    return build_gazetteer(json.loads(text)["entities"])


GAZETTEER = _read_package_gazetteer()


@lru_cache(maxsize=65536)
def _fuzzy(surface: str, gazetteer: Gazetteer) -> tuple[str | None, float]:
    folded = utils.default_process(surface)
    if len(folded) < 4:
        return None, 0.0
    best = process.extractOne(folded, gazetteer.choices, scorer=fuzz.ratio, score_cutoff=SUGGEST_AT)
    if best is None:
        return None, 0.0
    return gazetteer.folded[best[0]], float(best[1])


def resolve(
    surface: str,
    *,
    gazetteer: Gazetteer = GAZETTEER,
    apply_at: float = APPLY_AT,
    suggest_at: float = SUGGEST_AT,
) -> tuple[str | None, str | None, float, str | None]:
    """Resolve a name: ``(canonical name or None, kind, score, suggestion)``.

    >>> resolve("Rheimentaal AG")[:2]
    ('Rheinmetall AG', 'organisation')
    """
    if surface in gazetteer.aliases:
        name, kind = gazetteer.aliases[surface]
        return name, kind, 100.0, None
    alias, score = _fuzzy(surface, gazetteer)
    if alias is None or score < suggest_at:
        return None, None, score, None
    name, kind = gazetteer.aliases[alias]
    # Short names are easy to confuse: demand more of them before applying.
    needed = apply_at + (5.0 if len(surface) < 8 else 0.0)
    if score >= needed and not _clipped(surface, alias):
        return name, kind, score, None
    return None, None, score, name


def _clipped(surface: str, alias: str) -> bool:
    """A short word that is the name with its ending cut or lengthened is usually another word:
    "Crime" is no "Crimea", "Franc" no "France"; offered as a suggestion, never applied."""
    a, b = utils.default_process(surface), utils.default_process(alias)
    return len(a) < 8 and a != b and (a.startswith(b) or b.startswith(a))


def _trim_name(text: str, start: int, end: int, not_names: frozenset[str]) -> tuple[int, int]:
    """Drop a possessive and leading capitalised function words ("Le", "The", "Selon") from a name."""
    # A possessive ends in an apostrophe or "s": only such names are searched for one.
    possessive = _POSSESSIVE.search(text, start, end) if text[end - 1] in "s'’" else None
    if possessive and end - start > 3:
        end = possessive.start()
    while start < end:
        space = text.find(" ", start, end)
        first = text[start : space if space >= 0 else end]
        if first.lower().rstrip(".") not in not_names:
            break
        start = space + 1 if space >= 0 else end
    return start, end


def find_entities(
    text: str,
    *,
    lang: str,
    offset: int = 0,
    gazetteer: Gazetteer = GAZETTEER,
    article_names: MutableMapping[str, str] | None = None,
) -> list[Entity]:
    """Entities in ``text`` (spans shifted by ``offset``); ``article_names`` maps surnames seen earlier
    in the article to full names and is updated with new full names.

    >>> found = find_entities("Oumerov a rencontré Bacock International Group.", lang="fr")
    >>> [(e.surface, e.name) for e in found]
    [('Oumerov', 'Rustem Umerov'), ('Bacock International Group', 'Babcock International Group')]
    """
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for m in gazetteer.exact.finditer(text):
        name, kind = gazetteer.aliases.get(m.group(), (None, None))
        if name is None:  # the apostrophe differs from the alias: look it up with a straight one
            name, kind = gazetteer.aliases.get(m.group().replace("’", "'"), (m.group(), None))
        span = (m.start() + offset, m.end() + offset)
        found.append(
            build(Entity, surface=m.group(), span=span, name=name, kind=kind, score=100.0, suggestion=None)
        )
        taken.append(m.span())
    not_names = discourse(lang).NOT_NAMES
    for m in _NAME.finditer(text):
        start, end = _trim_name(text, m.start(), m.end(), not_names)
        if end <= start or (taken and any(a < end and start < b for a, b in taken)):
            continue
        surface = text[start:end]
        single = " " not in surface
        if single and surface.lower() in not_names:
            continue
        name, kind, score, suggestion = resolve(surface, gazetteer=gazetteer)
        if name is None and article_names is not None and single and surface in article_names:
            name, kind, score = article_names[surface], "person", 100.0
        if name is None and single:
            head = text[:start].rstrip()
            if not head or head[-1] in '.!?:«"“':
                continue  # a capitalised first word is usually not a name, nor a near miss ("Crime")
        tokens = surface.split()
        if name is None and article_names is not None and len(tokens) >= 2 and tokens[-2][0].isupper():
            # "Economy Minister Robert Habeck" -> later "Habeck" is "Robert Habeck"; particles stay with
            # the surname ("Bruno Le Maire" -> "Le Maire", "Maire").
            particle = len(tokens) >= 3 and tokens[-2].lower() in discourse(lang).NAME_PARTICLES
            full = " ".join(tokens[-3:] if particle else tokens[-2:])
            article_names.setdefault(tokens[-1], full)
            if particle:
                article_names.setdefault(" ".join(tokens[-2:]), full)
        span = (start + offset, end + offset)
        found.append(
            build(
                Entity, surface=surface, span=span, name=name, kind=kind, score=score, suggestion=suggestion
            )
        )
    return sorted(found, key=_SPAN)
