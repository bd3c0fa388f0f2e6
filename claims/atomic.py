"""A sentence -> atomic clauses: coordinated predicates ("a triplé en 2023 et devrait ... en 2024") split.

Only predicate coordination splits: the words after the coordinator must start with a verb (after an
optional adverb), the part before must hold a verb of its own, and each part must carry something to
check (a digit or enough words). Noun coordinations ("Babcock et BAE Systems") never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.cue_gates import LowerWords, first_words, lower_words
from claims.models import Span, build
from claims.segmenting import (
    compile_cues,
    compile_lowered_cues,
    discourse,
    has_verb,
    is_verb_word,
    verb_verdicts,
)

MIN_CLAUSE_WORDS = 3
MAX_SUBJECT_WORDS = 14

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DIGIT = re.compile(r"\d")


# Both patterns below match what "(?:\s*[,;])?\s+..." and "\s*,\s*..." would, but open by consuming
# one character of "[\s,;]" (which every match starts with) and then tell by look-behind which it was:
# a pattern that opens with a class lets the regex engine skip straight to the spaces and commas,
# where one opening with "\s*" is tried at every character.


@lru_cache(maxsize=16)
def _coordinator(lang: str) -> re.Pattern[str]:
    body = compile_cues(lang, "COORDINATORS").pattern
    # Optional spaces and a comma or semicolon, then spaces, then the coordinator.
    return re.compile(rf"[\s,;](?:(?<=\s)\s*[,;]\s+|(?<=[,;])\s+|(?<=\s)\s*){body}\s+")


def _starts_with_verb(text: str, lang: str) -> bool:
    """True when ``text`` opens with a verb, maybe after adverbs ("devrait être", "also rose")."""
    table = discourse(lang)
    for index, m in enumerate(_WORD.finditer(text)):
        word = m.group().lower()
        if word in table.PREDICATE_ADVERBS and index < 2:
            continue
        return not m.group()[0].isupper() and has_verb(word, lang=lang)
    return False


def _inside_brackets(text: str, position: int) -> bool:
    head = text[:position]
    return head.count("(") > head.count(")") or head.count("«") > head.count("»")


@lru_cache(maxsize=16)
def _comma_openers(lang: str) -> re.Pattern[str]:
    sequence = compile_cues(lang, "SEQUENCE_COORDINATORS").pattern
    opener = compile_cues(lang, "CLAUSE_OPENERS").pattern
    conjunction = compile_cues(lang, "CLAUSE_CONJUNCTIONS").pattern
    # A comma, then a sequence word ("puis", "then") or a participle + "que" ("notant que"); or a comma
    # or semicolon then a conjunction of full clauses (", while", ", tandis que"); or a bare semicolon.
    return re.compile(
        rf"[\s,;](?:"
        rf"(?:(?<=\s)\s*,)?(?<=,)\s*(?:(?P<sequence>{sequence})|(?P<opener>{opener}))\s*"
        rf"|(?:(?<=\s)\s*[,;])?(?<=[,;])\s*(?P<clause>{conjunction})\s+"
        rf"|(?:(?<=\s)\s*;)?(?<=(?P<semicolon>;))\s*)"
    )


_AFTER_COMMA = re.compile(r",\s*(\w+)")  # the word right after each comma


@lru_cache(maxsize=16)
def _gates(lang: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The words a coordinator can start with (lower case: ``_coordinator`` is case-sensitive, so its
    words stay words of the lower-cased sentence), and the words that can follow the comma of a
    ``_comma_openers`` match (as written); None where a list has no fixed first word."""
    lowered = compile_lowered_cues(lang, "COORDINATORS")
    coordinators = first_words(lowered.pattern) if lowered is not None else None
    openers: set[str] | None = set()
    for name in ("SEQUENCE_COORDINATORS", "CLAUSE_OPENERS", "CLAUSE_CONJUNCTIONS"):
        words = first_words(compile_cues(lang, name).pattern)
        openers = None if words is None or openers is None else openers | words
    return coordinators, frozenset(openers) if openers is not None else None


@dataclass(frozen=True)
class Clause:
    """One atomic clause: its span in the sentence, and whether it shares the previous clause's subject."""

    span: Span
    shares_subject: bool = False


def _carries(part: str) -> bool:
    return bool(_DIGIT.search(part)) or len(part.split()) >= MIN_CLAUSE_WORDS


def _cuts(sentence: str, lang: str, start: int, words: LowerWords) -> list[tuple[int, int, bool]]:
    """(end of left part, start of right part, right shares the subject) for every accepted cut."""
    coordinators, openers = _gates(lang)
    low, tokens = words
    # The regexes run only where their words occur (most sentences have no coordinator, and no comma
    # or semicolon followed by a sequence word): a word look-up is far cheaper than their scans.
    coordinated = not low or coordinators is None or not coordinators.isdisjoint(tokens)
    candidates = (
        [
            (m.start(), m.end(), "predicate")
            for m in _coordinator(lang).finditer(sentence, start)
            if _starts_with_verb(sentence[m.end() :], lang)
        ]
        if coordinated
        else []
    )
    if ";" in sentence or openers is None:
        opened = True
    else:
        opened = "," in sentence and not openers.isdisjoint(_AFTER_COMMA.findall(sentence))
    for m in _comma_openers(lang).finditer(sentence, start) if opened else ():
        how = next(g for g in ("sequence", "opener", "clause", "semicolon") if m.group(g))
        candidates.append((m.start(), m.end(), "clause" if how == "semicolon" else how))
    cuts: list[tuple[int, int, bool]] = []
    left_start = 0
    for begin, end, how in sorted(candidates):
        if begin < left_start or _inside_brackets(sentence, begin):
            continue
        left = sentence[left_start:begin]
        following = [c[0] for c in candidates if c[0] > end]
        right_part = sentence[end : min(following)] if following else sentence[end:]
        if not (_carries(left) and _carries(right_part)):
            continue
        if how == "predicate" and not has_verb(sentence[start:begin] if not cuts else left, lang=lang):
            continue
        if how == "clause" and not (
            has_verb(right_part, lang=lang)
            and has_verb(sentence[start:begin] if not cuts else left, lang=lang)
        ):
            continue
        cuts.append((begin, end, how == "predicate"))
        left_start = end
    return cuts


def split_clauses(
    sentence: str, *, lang: str, start: int = 0, words: LowerWords | None = None
) -> list[Clause]:
    """Clauses of ``sentence`` (relative spans, trimmed); ``start`` skips a leading attribution;
    ``words``: the sentence's ``cue_gates.lower_words``, when the caller has them already.

    >>> s = "La production a triplé en 2023 et devrait être multipliée par six en 2024."
    >>> [s[slice(*c.span)] for c in split_clauses(s, lang="fr")]
    ['La production a triplé en 2023', 'devrait être multipliée par six en 2024.']
    >>> t = "Kiev a reçu Babcock et BAE Systems."
    >>> [t[slice(*c.span)] for c in split_clauses(t, lang="fr")]
    ['Kiev a reçu Babcock et BAE Systems.']
    """
    clauses: list[Clause] = []
    begin, shares = 0, False
    for end, nxt, next_shares in _cuts(sentence, lang, start, words or lower_words(sentence)):
        clauses.append(Clause((begin, end), shares))
        begin, shares = nxt, next_shares
    clauses.append(build(Clause, span=(begin, len(sentence.rstrip())), shares_subject=shares))
    return [c for c in clauses if c.span[1] > c.span[0]]


def find_subject(sentence: str, *, lang: str, start: int = 0, end: int | None = None) -> Span | None:
    """Span of the words before the first verb in ``sentence[start:end]``, if short enough to be a subject.

    >>> s = "Selon le ministère, la production nationale a triplé en 2023."
    >>> a, b = find_subject(s, lang="fr", start=20)
    >>> s[a:b]
    'la production nationale'
    """
    end = len(sentence) if end is None else end
    table = discourse(lang)
    verdicts = verb_verdicts(lang)
    for count, m in enumerate(_WORD.finditer(sentence, start, end)):
        if count >= MAX_SUBJECT_WORDS:
            return None
        word = m.group()
        if word[0].isupper():
            continue
        verdict = verdicts.get(word)
        if not (is_verb_word(word, lang=lang) if verdict is None else verdict):
            continue
        if count == 0 or word.lower() in table.DETERMINERS:
            return None
        head = sentence[start : m.start()].rstrip(" ,")
        lead = len(head) - len(head.lstrip(" ,"))
        return (start + lead, start + len(head)) if head.strip() else None
    return None


def with_subject(text: str, subject: str | None) -> str:
    """The claim as it reads on its own: a clause that shares an earlier clause's subject gets it in
    brackets ("[la production] devrait être multipliée par six"), so a table or an export never shows a
    fragment whose subject is elsewhere. A clause that names its subject itself is left as it is.

    >>> with_subject("devrait être multipliée par six en 2024.", "la production nationale")
    '[la production nationale] devrait être multipliée par six en 2024.'
    >>> with_subject("La production a triplé en 2023", "La production")
    'La production a triplé en 2023'
    """
    subject = (subject or "").strip()
    if not subject or _folded(subject) in _folded(text):
        return text
    return f"[{subject}] {text.lstrip()}"


def _folded(text: str) -> str:
    """Case and spacing left out, so "La production" is found in "… la  production …"."""
    return " ".join(text.casefold().split())
