"""Whether the speaker a claim is attributed to is a person or an organisation, when no gazetteer knows.

Read from the name itself, with each language's words (``claims/vocabulary/*/speakers.py``), in order:
a role noun first ("Minister of Defence", "le porte-parole"; after a possessive: "the council's chief
executive") is a person; a body noun anywhere ("Department for Energy Security", "Banque de France") an
organisation; an acronym ("OECD") an organisation; two to four capitalised words ("Rustem Umerov",
"Anne de La Tour") a person; anything else, such as one unknown word ("Ofgem"), an organisation: a
person named once in an article is named in full, and a surname alone is resolved to its person by
``claims.entities``.
"""

from __future__ import annotations

import functools
import re

from claims.vocabulary import LANGUAGES, load

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
KINDS = ("person", "organisation")


@functools.cache
def _words() -> tuple[frozenset[str], ...]:
    """Organisation, person, determiner and name-particle words of every language the engine reads."""
    tables = [load(lang, "speakers") for lang in LANGUAGES]
    return (
        frozenset().union(*(t.ORGANISATION_WORDS for t in tables)),
        frozenset().union(*(t.PERSON_WORDS for t in tables)),
        frozenset().union(*(t.DETERMINERS for t in tables)),
        frozenset().union(*(t.PARTICLES for t in tables)),
    )


def speaker_kind(name: str) -> str:
    """``"person"`` or ``"organisation"`` for a speaker's name, read from its words.

    >>> speaker_kind("Department for Energy Security"), speaker_kind("Rustem Umerov")
    ('organisation', 'person')
    >>> speaker_kind("Ofgem"), speaker_kind("le porte-parole du gouvernement")
    ('organisation', 'person')
    """
    organisation, person, determiners, particles = _words()
    words = _WORD.findall(name.replace("’", "'"))
    folded = [w.casefold() for w in words]
    # after a possessive comes the head: "the council's chief executive" is a person
    possessive = max((n for n, w in enumerate(folded) if w.endswith("'s")), default=-1)
    if 0 <= possessive < len(folded) - 1:
        words, folded = words[possessive + 1 :], folded[possessive + 1 :]
    folded = [w.removesuffix("'s") for w in folded]
    content = [w for w in folded if w not in determiners]
    if content and content[0] in person:
        return "person"
    if any(w in organisation for w in folded):
        return "organisation"
    if any(w in person for w in folded):
        return "person"
    letters = "".join(ch for ch in name if ch.isalpha())
    if len(letters) >= 2 and letters.isupper():
        return "organisation"  # an acronym: OECD, INSEE, FMI
    named = [w for w in words if w.casefold() not in particles]
    if 2 <= len(named) <= 4 and all(w[0].isupper() for w in named):
        return "person"
    return "organisation"
