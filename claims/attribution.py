"""Who says a sentence: "selon X" / "according to X", "X a déclaré" / "X said", pronouns that refer back.

The speaker is the canonical name of a person or organisation named next to the verb (so "Oumerov" and
"Rustem Umerov" are one speaker), else the noun phrase itself ("le ministère des Industries ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.cue_gates import GateIndex, LowerWords, fold_hazards, index, lower_words
from claims.models import Attribution, Entity
from claims.segmenting import compile_cues, compile_lowered_cues, cue_gate, discourse

MAX_SPEAKER_WORDS = 9


@dataclass(frozen=True)
class Found:
    """An attribution and where the reported content starts (relative to the sentence)."""

    attribution: Attribution
    content_start: int
    subject_follows: bool = True
    """False when the content after the verb is its object ("X a cité le forum"), not a new clause."""


@lru_cache(maxsize=16)
def _prefix(lang: str) -> re.Pattern[str]:
    body = compile_cues(lang, "ATTRIBUTION_PREFIXES").pattern
    # The marker, then the speaker up to the next comma, semicolon, colon or bracket (bounded).
    return re.compile(
        rf"(?P<marker>{body})\s+(?P<speaker>[^,;:()\n]{{2,160}}?)(?=\s*(?:[,;:()]|\.\s|\.?$))", re.I
    )


def _has_prefix_marker(sentence: str, lang: str) -> bool:
    """Whether a marker of ``_prefix`` ("selon", "according to") occurs at all: a cheap search of the
    lower-cased sentence that spares most sentences the full pattern."""
    low = sentence.lower()
    lowered = compile_lowered_cues(lang, "ATTRIBUTION_PREFIXES") if len(low) == len(sentence) else None
    if lowered is None:
        return True
    return lowered.search(low) is not None


_GATED = ("ATTRIBUTION_PREFIXES", "INVERTED_ATTRIBUTION", "ATTRIBUTION_VERBS")


@lru_cache(maxsize=16)
def _gates(lang: str) -> tuple[GateIndex, re.Pattern[str] | None]:
    """Word gates of the prefix markers, inverted and plain attribution verbs (bits 1, 2, 4), from
    their lower-cased patterns, and the characters that make a lower-cased look-up unsafe for the
    two case-insensitive lists searched in the original sentence (``cue_gates.fold_hazards``, as one
    character class; None when unknown)."""
    gates = [cue_gate(lang, name, True) for name in _GATED]
    words = [w for gate in gates[1:] if gate is not None for w in (*gate.words, *gate.heads, *gate.parts)]
    hazards = fold_hazards(words)
    if hazards is None:
        return index(gates), None
    return index(gates), re.compile(f"[{re.escape(hazards)}]" if hazards else "(?!)")


def _may_match(words: LowerWords, lang: str) -> int:
    """Bit mask of the lists of ``_GATED`` that may match the sentence of ``words``: most sentences
    hold none of their words, and a word look-up spares the three regex scans."""
    low, tokens = words
    if not low:
        return 7
    gates, hazards = _gates(lang)
    may = gates.candidates(low, tokens)
    if hazards is None or hazards.search(low):
        may |= 6  # a case-insensitive match that the lower-cased words could miss ("ı" for "i")
    return may


_PHRASE_BREAKS = ',;:()«»"“”'


def _phrase_start(text: str) -> int:
    """Start of the last comma-delimited phrase of ``text`` (rfind, not a backtracking regex)."""
    return max(text.rfind(ch) for ch in _PHRASE_BREAKS) + 1


_THAT = {"que", "qu", "that"}


def _first_phrase(words: list[str]) -> str:
    """The words up to the first comma: "directrice de l'usine, a" -> "directrice de l'usine"."""
    text = " ".join(words)
    return text.split(",", 1)[0].strip() or text


def _strip_determiners(phrase: str, lang: str) -> str:
    determiners = discourse(lang).DETERMINERS
    words = phrase.split()
    while len(words) > 1 and words[0].lower().replace("’", "'") in determiners:
        words = words[1:]
    if words and "'" in words[0].replace("’", "'")[:3]:
        head, _, rest = words[0].replace("’", "'").partition("'")
        if head.lower() + "'" in determiners and rest:
            words[0] = rest
    return " ".join(words)


_COMPLEMENT = re.compile(r"(?:\b(?:de|du|des|of|for|von)\s+(?:(?:la|le|les|the)\s+)?|\bd['’]|\bl['’])$", re.I)


def _speaker_entity(
    entities: Sequence[Entity], start: int, end: int, sentence: str = "", offset: int = 0
) -> Entity | None:
    """The actor named last inside [start, end) (absolute offsets) that heads the phrase: a name after
    "de", "of" ("le ministère de l'Économie") is a complement, and the phrase itself is the speaker."""
    inside = [e for e in entities if start <= e.span[0] and e.span[1] <= end]
    heads = [
        e
        for e in inside
        if not _COMPLEMENT.search(sentence[max(0, e.span[0] - offset - 12) : e.span[0] - offset])
    ]
    actors = [e for e in heads if e.kind in ("person", "organisation") or (e.kind is None and e.name is None)]
    if actors:
        return actors[-1]
    return heads[-1] if heads and end - heads[-1].span[1] <= 3 else None


def find_attribution(
    sentence: str,
    *,
    lang: str,
    offset: int = 0,
    entities: Sequence[Entity] = (),
    previous: Attribution | None = None,
    words: LowerWords | None = None,
) -> Found | None:
    """Attribution of ``sentence`` (spans shifted by ``offset``); ``previous`` answers pronouns;
    ``words``: the sentence's ``cue_gates.lower_words``, when the caller has them already.

    >>> f = find_attribution("Selon le ministère, la production a triplé.", lang="fr")
    >>> f.attribution.speaker, f.attribution.verb, f.content_start
    ('ministère', 'Selon', 20)
    """
    table = discourse(lang)
    may = _may_match(words or lower_words(sentence), lang)
    prefix = _prefix(lang).search(sentence) if may & 1 and _has_prefix_marker(sentence, lang) else None
    if prefix:
        first = prefix.group("speaker").split()[0].lower().replace("’", "'")
        if first in table.AUTHOR_PRONOUNS:
            prefix = None  # "selon moi": the author's opinion
        elif first in table.SPEAKER_PRONOUNS and len(prefix.group("speaker").split()) <= 2:
            if previous is None:
                return None
            span = (prefix.start() + offset, prefix.end() + offset)
            return Found(Attribution(previous.speaker, prefix.group(), span, prefix.group("marker")), 0)
    inverted = (
        None
        if prefix or previous is None or not may & 2
        else compile_cues(lang, "INVERTED_ATTRIBUTION").search(sentence)
    )
    if inverted:
        span = (inverted.start() + offset, inverted.end() + offset)
        return Found(Attribution(previous.speaker, inverted.group(), span, inverted.group()), 0)
    verb = compile_cues(lang, "ATTRIBUTION_VERBS").search(sentence) if prefix and may & 4 else None
    if prefix and (verb is None or prefix.start() < verb.start() or prefix.start() < 3):
        a, b = prefix.span("speaker")
        entity = _speaker_entity(entities, a + offset, b + offset, sentence, offset)
        phrase = sentence[a:b]
        speaker = entity.name or entity.surface if entity and entity.span[1] - offset >= b - 2 else phrase
        speaker = _strip_determiners(speaker, lang)
        attribution = Attribution(
            speaker,
            sentence[prefix.start() : b],
            (prefix.start() + offset, b + offset),
            prefix.group("marker"),
        )
        content = b + len(sentence[b:]) - len(sentence[b:].lstrip(" ,;:"))
        return Found(attribution, content if prefix.start() < 3 else 0)
    for verb in compile_cues(lang, "ATTRIBUTION_VERBS").finditer(sentence) if may & 4 else ():
        found = _speaker_before(
            sentence, verb, lang=lang, offset=offset, entities=entities, previous=previous
        )
        if found:
            return found
    return None


def _speaker_before(
    sentence: str,
    verb: re.Match[str],
    *,
    lang: str,
    offset: int,
    entities: Sequence[Entity],
    previous: Attribution | None,
) -> Found | None:
    """The attribution whose verb is ``verb``: speaker before it ("X a dit"), or after it ("said X")."""
    determiners = discourse(lang).DETERMINERS
    before = sentence[: verb.start()]
    if before.split()[-1:] and before.split()[-1].lower() in determiners:
        return None  # "the reports": a noun, not a verb
    tail = sentence[verb.end() :].strip(' .»"”')
    phrase_start = _phrase_start(before)
    phrase = before[phrase_start:].strip()
    if not phrase and before.rstrip().endswith(","):
        # "Le ministre, Rustem Umerov, a confirmé" or "Marie Curval, directrice, a dit": the nearest of
        # the last two comma phrases that names someone; else "..., said John Smith" (inversion).
        named = None
        end = len(before.rstrip()) - 1
        for _ in range(2):
            start = _phrase_start(before[:end])
            if len(before[start:end].split()) <= MAX_SPEAKER_WORDS and _speaker_entity(
                entities, start + offset, end + offset, sentence, offset
            ):
                named = start
                break
            end = start - 1
            if end <= 0:
                break
        inversion = tail and len(tail.split()) <= MAX_SPEAKER_WORDS and not any(ch.isdigit() for ch in tail)
        if named is None and inversion:
            start = sentence.index(tail, verb.end())
            entity = _speaker_entity(entities, start + offset, start + len(tail) + offset, sentence, offset)
            speaker = (entity.name or entity.surface) if entity else _strip_determiners(tail, lang)
            span = (verb.start() + offset, start + len(tail) + offset)
            return Found(
                Attribution(speaker, sentence[verb.start() : start + len(tail)], span, verb.group()), 0
            )
        phrase_start = named if named is not None else _phrase_start(before.rstrip()[:-1])
        phrase = before[phrase_start:].strip().rstrip(",")
    speaker_start = phrase_start + (len(before[phrase_start:]) - len(before[phrase_start:].lstrip()))
    words = phrase.split()
    if words and words[0].lower() in _THAT:
        words, speaker_start = words[1:], speaker_start + len(words[0]) + 1
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    span = (speaker_start + offset, verb.end() + offset)
    surface = sentence[speaker_start : verb.end()]
    after = sentence[verb.end() :]
    content = verb.end() + len(after) - len(after.lstrip(" ,:"))
    that = re.match(r"\s*(?:que|qu['’]|that)\s*", sentence[content:], re.I)
    content += that.end() if that else 0
    follows = bool(that)
    if len(sentence) - content < 3:  # "..., the ministry said.": the content came before
        content, follows = 0, True
    if len(words) == 1 and words[0].lower() in discourse(lang).SPEAKER_PRONOUNS:
        if previous is None:
            return None
        return Found(Attribution(previous.speaker, surface, span, verb.group()), content, follows)
    entity = _speaker_entity(entities, speaker_start + offset, verb.start() + offset, sentence, offset)
    speaker = (entity.name or entity.surface) if entity else _strip_determiners(_first_phrase(words), lang)
    return Found(Attribution(speaker, surface, span, verb.group()), content, follows)
