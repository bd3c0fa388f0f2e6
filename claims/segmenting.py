"""Article text -> sentences with spans, page furniture (captions, credits, share buttons, bylines) left out.

Each line is a paragraph, unless it was wrapped by hand (WRAPPED_LINE). Sentence boundaries are found by
rules first (terminal punctuation, then a non-lower-case start, unless the word before the period is an
abbreviation); a paragraph where the rules are unsure (initials, unknown dotted tokens) goes to pysbd,
whose pieces are re-anchored in the text by search (its ``char_span`` offsets drift with ``clean=False``)
and re-joined after abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

import pysbd

from claims.cue_gates import Gate, GateIndex, gate_for
from claims.cue_gates import index as gate_index
from claims.models import Span, build
from claims.non_words import MAX_WORD, non_word_runs
from claims.vocabulary import load

MAX_SENTENCE = 2000
"""Longer sentences are cut at a comma or space so that later stages stay linear on any input."""
MAX_PYSBD = 20000
"""Paragraphs longer than this never go to pysbd (it slows down sharply on huge paragraphs)."""
FURNITURE_WORDS = 16
"""Furniture lines ("Read more: ...", bylines) are short; longer fragments are text."""
CAPTION_WORDS = 25
"""A verbless fragment up to this many words next to a credit is a photo caption."""
WRAPPED_LINE = 40
"""A line at least this long that ends without closing its sentence, followed on the next line by a word
in lower case or a number, was wrapped by hand (text copied from a PDF, an e-mail, a press release): the
two lines are one paragraph, so "a triplé en" and "2023" stay one claim."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article: its words, where they are, and its paragraph number (the count of
    non-empty lines before it)."""

    text: str
    span: Span
    paragraph_no: int


@lru_cache(maxsize=16)
def discourse(lang: str) -> ModuleType:
    """The discourse vocabulary of ``lang`` (cached: looked up for every word).

    >>> "selon" in " ".join(discourse("fr").ATTRIBUTION_PREFIXES)
    True
    """
    return load(lang, "discourse")


@lru_cache(maxsize=256)
def compile_cues(
    lang: str, name: str, *, anchored: bool = False, ignore_case: bool = True
) -> re.Pattern[str]:
    """Compile the vocabulary list ``name`` of ``lang`` into one alternation on word boundaries.

    >>> bool(compile_cues("fr", "MODALITY_forecast").search("elle devrait doubler"))
    True
    """
    table = discourse(lang)
    if name.startswith("MODALITY_"):
        patterns = table.MODALITY.get(name.removeprefix("MODALITY_"), [])
    else:
        patterns = getattr(table, name)
    body = "|".join(f"(?:{p})" for p in patterns).replace("'", "['’]") or r"(?!x)x"
    if anchored:
        return re.compile(rf"^(?:{body})$", re.IGNORECASE if ignore_case else 0)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE if ignore_case else 0)


@lru_cache(maxsize=256)
def compile_lowered_cues(lang: str, name: str) -> re.Pattern[str] | None:
    r"""The case-insensitive cue list ``name`` compiled in lower case without ``re.IGNORECASE``, to search
    text already lower-cased (``text.lower()`` of the same length): about twice as fast, same matches.
    None when lower-casing would change what the patterns mean (escapes such as ``\W``, inline flags).

    >>> bool(compile_lowered_cues("en", "CHANGE").search("production tripled"))
    True
    """
    body = compile_cues(lang, name).pattern
    if _UNSAFE_TO_LOWER.search(body):
        return None
    # Lower every character except the one after a backslash (escapes keep their meaning).
    lowered = _ESCAPE_OR_TEXT.sub(lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), body)
    try:
        return re.compile(lowered)
    except re.error:  # pragma: no cover - a pattern the lower-casing broke: keep the slow one
        return None


@lru_cache(maxsize=256)
def cue_gate(lang: str, name: str, lowered: bool) -> Gate | None:
    """The word gate (``claims.cue_gates``) of ``compile_lowered_cues(lang, name)`` (``lowered``) or of
    the case-sensitive ``compile_cues(lang, name, ignore_case=False)``; None when there is none.

    >>> "signed" in cue_gate("en", "EVENT", True).words
    True
    """
    pattern = compile_lowered_cues(lang, name) if lowered else compile_cues(lang, name, ignore_case=False)
    return gate_for(pattern.pattern, pattern.flags & ~re.UNICODE) if pattern is not None else None


def _search_lowered(lang: str, name: str, text: str) -> re.Match[str] | None:
    """``compile_cues(lang, name).search(text)``, run on the lower-cased text when that is safe: use the
    match's offsets (its ``group()`` may be lower case)."""
    low = text.lower()
    pattern = compile_lowered_cues(lang, name) if len(low) == len(text) else None
    if pattern is None:
        return compile_cues(lang, name).search(text)
    if not cue_index(lang, name).candidates(low, _TOKEN.findall(low)):
        return None  # none of the words the cues need: the search would find nothing
    return pattern.search(low)


@lru_cache(maxsize=256)
def cue_index(lang: str, *names: str) -> GateIndex:
    """The gate index (``claims.cue_gates``) of the lower-cased cue lists ``names`` of ``lang``.

    >>> cue_index("en", "EVENT", "HEDGES").candidates("they signed it", ["they", "signed", "it"])
    1
    """
    return gate_index(cue_gate(lang, name, True) for name in names)


_TOKEN = re.compile(r"\w+")


_UNSAFE_TO_LOWER = re.compile(r"\\[A-Z]|\(\?[A-Za-z-]")  # \W \S \D \B \A \Z \N; (?P<...>, (?i), (?-i:...)
_ESCAPE_OR_TEXT = re.compile(r"\\.|[^\\]+", re.DOTALL)

_WORD = re.compile(r"[^\W\d_][\w'’-]*")

_BOUNDARY = re.compile(
    r"""
    [.!?…]+                    # terminal punctuation
    [»"”’)\]]{0,3}             # closing quotes or brackets that belong to the sentence
    [ \t\u00a0\u202f]+         # the gap (paragraphs are lines, so no newline here)
    """,
    re.VERBOSE,
)
_LAST_TOKEN = re.compile(r"[^\s(\[«\"“]+$")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_ONE_BREAK = re.compile(r"[ \t]*(?:\r\n|\n|\r)[ \t]*")
_SENTENCE_END = re.compile(r"[.!?…:;]['’»\"”)\]]*$")
_CUT = re.compile(r"[;,]\s|\s")


def has_verb(fragment: str, *, lang: str, finite_only: bool = False) -> bool:
    """True when ``fragment`` holds a finite verb or (unless ``finite_only``) a participle; capitalised
    words count only when they are listed verbs ("Is", "A").

    >>> has_verb("Le ministre ukrainien de la Défense, Rustem Umerov.", lang="fr")
    False
    """
    verdicts = _VERDICTS.get((lang, finite_only))
    if verdicts is None:
        verdicts = _VERDICTS[(lang, finite_only)] = {}
    for word in _WORD.findall(fragment):
        verdict = verdicts.get(word)
        if verdict is None:
            verdict = _word_is_verb(word, lang, finite_only)
            if len(verdicts) >= MAX_VERDICTS:  # bounded memory on any input
                verdicts.clear()
            verdicts[word] = verdict
        if verdict:
            return True
    return False


def verb_verdicts(lang: str) -> dict[str, bool]:
    """The remembered ``is_verb_word`` verdicts of ``lang`` (word -> verdict; a word missing from it
    is asked of ``is_verb_word``), for loops over many words."""
    return _VERDICTS.setdefault((lang, False), {})


def is_verb_word(word: str, *, lang: str) -> bool:
    """``has_verb`` of one word as ``_WORD`` finds it (a letter, then word characters, apostrophes and
    hyphens): the same verdict, without scanning it again.

    >>> is_verb_word("triplé", lang="fr"), is_verb_word("année", lang="fr")
    (True, False)
    """
    verdicts = _VERDICTS.get((lang, False))
    verdict = verdicts.get(word) if verdicts is not None else None
    return has_verb(word, lang=lang) if verdict is None else verdict


MAX_VERDICTS = 100_000
"""Words whose verb verdict is remembered per language (the verdict depends on the word alone)."""
_VERDICTS: dict[tuple[str, bool], dict[str, bool]] = {}


def _word_is_verb(word: str, lang: str, finite_only: bool) -> bool:
    """Whether one word is a verb: a listed verb word, or (not ``finite_only``, lower case, not a listed
    non-verb) a word with a verb suffix."""
    table = discourse(lang)
    low = word.lower().rsplit("'", 1)[-1].rsplit("’", 1)[-1]  # l'année -> année
    if low in table.VERB_WORDS:
        return True
    if finite_only or word[0].isupper() or low in table.NON_VERBS or low.endswith("ité"):
        return False
    return bool(_verb_suffix(lang).search(low))


@lru_cache(maxsize=16)
def _verb_suffix(lang: str) -> re.Pattern[str]:
    return re.compile(rf"\w\w{discourse(lang).VERB_SUFFIX}$")


def is_furniture(fragment: str, *, lang: str, next_fragment: str = "") -> bool:
    """True for page furniture: share buttons, bylines, credits, "Source", verbless captions with a credit.

    >>> is_furniture("Comment (0)", lang="en")
    True
    >>> is_furniture("Le ministre, Rustem Umerov. (Source : kyivindependent.com) |", lang="fr")
    True
    """
    return _is_furniture(fragment, lang, next_fragment, credits=True)


def _is_furniture(fragment: str, lang: str, next_fragment: str, *, credits: bool) -> bool:
    """``is_furniture``; ``credits`` False when the fragment is known to hold no credit marker (its
    paragraph has none of their words), which spares that search."""
    bare = fragment.strip().strip("|•·–—-_*#>").strip()
    if not bare:
        return True
    if not bare[0].isalnum() and not any(ch.isalnum() for ch in bare):
        return True
    # Every rule below holds only for short fragments: count words up to one past the longest.
    words = len(bare.split(None, CAPTION_WORDS))
    if words > CAPTION_WORDS:
        return False
    lines, byline, credit_line = _furniture_patterns(lang)
    if words <= FURNITURE_WORDS and lines.match(bare.rstrip(".:")):
        return True
    if words <= FURNITURE_WORDS and byline.match(bare) and not has_verb(bare, lang=lang, finite_only=True):
        return True
    credit = _search_lowered(lang, "CREDIT_MARKERS", bare) if credits else None
    if credit:
        before = bare[: credit.start()]
        return words <= CAPTION_WORDS and not has_verb(before, lang=lang)
    if fragment.rstrip().endswith("|") and words <= CAPTION_WORDS and not has_verb(bare, lang=lang):
        return True
    # A short verbless line right before a credit line is that photo's caption.
    nxt = next_fragment.strip()
    return bool(
        nxt
        and words <= CAPTION_WORDS
        and credit_line.match(nxt.lstrip("|• "))
        and not has_verb(bare, lang=lang)
    )


def _may_hold_credit(line: str, lang: str) -> bool:
    """False when no fragment of ``line`` can hold a credit marker: every marker needs one of a few
    words or characters (``cue_gates``), and the lower-cased line holds none of them as a substring."""
    needles = _credit_needles(lang)
    low = line.lower()
    if needles is None or len(low) != len(line):
        return True  # the fragments' search then runs on the original text, case-insensitively
    return any(needle in low for needle in needles)


@lru_cache(maxsize=16)
def _credit_needles(lang: str) -> tuple[str, ...] | None:
    """The words, word heads and characters one of which every credit marker needs (lower case)."""
    gates = cue_index(lang, "CREDIT_MARKERS")
    return None if gates.always else (*gates.words, *gates.heads, *(part for part, _ in gates.parts))


@lru_cache(maxsize=16)
def _furniture_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Whole furniture lines, bylines (case-sensitive) and credit markers of ``lang``, fetched once."""
    return (
        compile_cues(lang, "FURNITURE_LINES", anchored=True),
        compile_cues(lang, "BYLINES", anchored=True, ignore_case=False),
        compile_cues(lang, "CREDIT_MARKERS"),
    )


def _boundaries(para: str, lang: str) -> tuple[list[int], bool]:
    """Cut positions in ``para`` and whether some candidate was too unsure for the rules."""
    abbreviations = discourse(lang).ABBREVIATIONS
    cuts: list[int] = []
    unsure = False
    for m in _BOUNDARY.finditer(para):
        nxt = para[m.end() : m.end() + 1]
        if not nxt or nxt.islower():
            continue
        if m.group().lstrip()[:1] == ".":
            token = _LAST_TOKEN.search(para, max(0, m.start() - 40), m.start())
            word = token.group() if token else ""
            if word in abbreviations or word.rstrip(".") in abbreviations:
                continue
            if (len(word) == 1 and word.isupper()) or ("." in word and not word.replace(".", "").isdigit()):
                unsure = True
        cuts.append(m.end())
    return cuts, unsure


@lru_cache(maxsize=8)
def _pysbd(lang: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=lang if lang in pysbd.languages.LANGUAGE_CODES else "en", clean=False)


def _pysbd_cuts(para: str, lang: str) -> list[int]:
    """Cut positions from pysbd, anchored by search, skipping cuts after known abbreviations."""
    abbreviations = discourse(lang).ABBREVIATIONS
    cuts: list[int] = []
    cursor = 0
    for piece in _pysbd(lang).segment(para):
        core = piece.strip()
        if not core:
            continue
        found = para.find(core, cursor)
        if found < 0:  # pysbd changed the text: fall back to the rules for this paragraph
            return _boundaries(para, lang)[0]
        cursor = found + len(core)
        token = _LAST_TOKEN.search(core)
        word = token.group().rstrip(".") if token else ""
        nxt = para[cursor:].lstrip()[:1]
        if word in abbreviations or (nxt and nxt.islower()):
            continue
        cuts.append(cursor)
    return cuts


def _chunks(start: int, end: int, text: str) -> list[Span]:
    """Cut an over-long sentence at commas or spaces near ``MAX_SENTENCE``."""
    spans: list[Span] = []
    while end - start > MAX_SENTENCE:
        stop = start + MAX_SENTENCE
        cut = None
        for m in _CUT.finditer(text, start + MAX_SENTENCE // 2, stop):
            cut = m.end()
        cut = cut or stop
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _without_runs(pieces: list[Span], text: str, runs: list[Span]) -> list[Span]:
    """The ``pieces`` with the ``runs`` cut out: what stands before and after a run are two pieces."""
    if not runs:
        return pieces
    kept: list[Span] = []
    for start, end in pieces:
        for a, b in runs:
            if b <= start or a >= end:
                continue
            if a > start:
                kept.append(_trim(text, start, a))
            start = max(start, b)
        if end > start:
            kept.append(_trim(text, start, end))
    return kept


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[Span]:
    r"""The text's lines, a line wrapped by hand joined to the next (WRAPPED_LINE); a blank line, or a line
    that closes its sentence, still ends a paragraph.

    >>> text = "Production in the whole region has tripled in\n2023, the ministry said.\nSource"
    >>> [text[a:b] for a, b in _paragraphs(text)]
    ['Production in the whole region has tripled in\n2023, the ministry said.', 'Source']
    """
    merged: list[Span] = []
    previous: Span = (0, 0)  # the last line read, not the paragraph it joined
    for line in (m.span() for m in _LINE.finditer(text)):
        if merged and _wrapped(text, previous, line):
            merged[-1] = (merged[-1][0], line[1])
        else:
            merged.append(line)
        previous = line
    return merged


def _wrapped(text: str, line: Span, following: Span) -> bool:
    """Whether ``line`` runs on into the ``following`` one (see WRAPPED_LINE)."""
    words = text[slice(*line)].strip()
    start = text[following[0] : following[0] + 4].lstrip('«“"( ')[:1]
    return (
        len(words) >= WRAPPED_LINE
        and (start.islower() or start.isdigit())
        and _SENTENCE_END.search(words) is None
        and _ONE_BREAK.fullmatch(text, line[1], following[0]) is not None
    )


def split_sentences(text: str, *, lang: str) -> list[Sentence]:
    """Sentences of ``text`` (spans into ``text``), page furniture left out.

    >>> [s.text for s in split_sentences("M. Dupont a payé 1,2 milliard. Voir p. 12.\\nSource", lang="fr")]
    ['M. Dupont a payé 1,2 milliard.', 'Voir p. 12.']
    """
    lines = _paragraphs(text)
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(lines):
        line = text[start:end]
        following = text[slice(*lines[number + 1])] if number + 1 < len(lines) else ""
        if is_furniture(line, lang=lang, next_fragment=following):
            continue
        cuts, unsure = _boundaries(line, lang)
        if unsure and len(line) <= MAX_PYSBD:
            cuts = _pysbd_cuts(line, lang)
        pieces = [
            _trim(text, start + a, start + b) for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)
        ]
        if len(line) >= MAX_WORD:
            pieces = _without_runs(pieces, text, non_word_runs(line, start))
        pieces = [p for p in pieces if p[1] > p[0]]
        # A line that is one sentence was just checked: the checks strip the fragment, and without a next
        # fragment they can only say "furniture" less often.
        whole = len(pieces) == 1
        credits = whole or _may_hold_credit(line, lang)
        for index, (a, b) in enumerate(pieces):
            nxt = text[slice(*pieces[index + 1])] if index + 1 < len(pieces) else ""
            if not whole and _is_furniture(text[a:b], lang, nxt, credits=credits):
                continue
            if b - a <= MAX_SENTENCE:  # one chunk, already trimmed (most sentences)
                sentences.append(build(Sentence, text=text[a:b], span=(a, b), paragraph_no=number))
                continue
            for c, d in _chunks(a, b, text):
                c, d = _trim(text, c, d)
                if d > c:
                    sentences.append(Sentence(text[c:d], (c, d), number))
    return sentences
