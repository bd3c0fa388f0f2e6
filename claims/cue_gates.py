"""Word gates for cue patterns: the words a cue list cannot match without, derived from its regexes.

A cue list is compiled into ``(?<!\\w)(?:a|b|...)(?!\\w)`` (``segmenting.compile_cues``), and searching
it costs a pass of every alternative over every character of the clause. Most clauses hold no cue of
most lists, and that is visible from their words: every alternative of a list needs some whole word
("kind\\s+of" needs "kind" or "of") or some word start ("increas\\w*" needs a word starting "inc"). A
``Gate`` holds one such word (or word head) per alternative, derived from the parsed pattern, so a set
lookup on the clause's words says "cannot match" and spares the search; "may match" runs it as before.
Lists with an alternative that needs no fixed word ("\\w+er\\s+than") get no gate (``None``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass

# The regex parser of the standard library (private, stable since Python 3.5 as sre_parse). Any
# surprise in its output makes a list ungated, which only costs speed.
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

HEAD = 3
"""Word starts are compared on their first ``HEAD`` characters (shorter starts give no gate)."""
_HEAD_OF = operator.itemgetter(slice(0, HEAD))  # a word's head, mapped over the words in C
MAX_EXPANSIONS = 4096
"""Alternatives multiply inside one cue ("(?:a|b)(?:c|d)"): beyond this many, give up (no gate)."""

_WORD_CHAR = re.compile(r"\w")

# Atoms of one expanded alternative: a literal word character, a stretch that is certainly one or more
# non-word characters (a word ends there), or anything else (unknown: may hold word characters).
# A literal non-word character ("©", "(") is a separator that a match also needs as such (atom "lit:©");
# an optional run of separators ("\s*") is "maybe" until its neighbours tell (``_settle``).
_SEP, _UNKNOWN, _MAYBE, _LIT = "sep", "unknown", "maybe", "lit:"


@dataclass(frozen=True)
class Gate:
    """Whole words and word heads (first ``HEAD`` characters) of which a match needs at least one."""

    words: frozenset[str]
    heads: frozenset[str]
    parts: tuple[str, ...] = ()
    """Word ends ("\\w+fold"), looked up as substrings of the text."""


@dataclass(frozen=True)
class GateIndex:
    """The gates of several cue lists at once: one look-up of a text's words tells which lists may
    match it (a bit per list, in the order given to ``index``)."""

    words: dict[str, int]
    heads: dict[str, int]
    parts: tuple[tuple[str, int], ...]
    always: int
    """Lists without a gate: always searched."""

    def candidates(self, text: str, words: Iterable[str]) -> int:
        """Bit mask of the lists that may match ``text``, whose ``\\w+`` words are ``words``.

        >>> g = index([gate_for(r"(?<!\\w)(?:a|bcd\\w*)(?!\\w)"), None])
        >>> g.candidates("x", ["x"]), g.candidates("a bcde", ["a", "bcde"])
        (2, 3)
        """
        mask = self.always
        for word in self.words.keys() & words:
            mask |= self.words[word]
        if self.heads:
            for head in self.heads.keys() & map(_HEAD_OF, words):
                mask |= self.heads[head]
        for part, bit in self.parts:
            if not mask & bit and part in text:
                mask |= bit
        return mask


LowerWords = tuple[str, list[str]]
"""A text's lower case ("" when lower-casing changes its length) and the ``\\w+`` words of it (of the
text itself then): what the gates look up, computed once per sentence or clause (``lower_words``)."""

_TOKEN = re.compile(r"\w+")


def lower_words(text: str) -> LowerWords:
    """``text.lower()`` and its words; "" and the words of ``text`` when lower-casing changes the length
    ("İ"), since offsets into the lower case would then shift. Lower-casing at equal length keeps every
    word boundary (no character changes from word to non-word).

    >>> lower_words("Selon l'État, 3 %")
    ("selon l'état, 3 %", ['selon', 'l', 'état', '3'])
    """
    low = text.lower()
    if len(low) != len(text):
        return "", _TOKEN.findall(text)
    return low, _TOKEN.findall(low)


def index(gates: Iterable[Gate | None], *, fold: bool = False) -> GateIndex:
    """One ``GateIndex`` over ``gates`` (None: a list without a gate), bit ``1 << i`` for the i-th.
    ``fold``: the gates come from case-sensitive patterns but are looked up in a lower-cased text, so
    their words are lower-cased too (a gate with a letter whose lower case depends on its neighbours,
    the Greek sigma, is dropped)."""
    if fold:
        gates = [_folded(gate) for gate in gates]
    words: dict[str, int] = {}
    heads: dict[str, int] = {}
    parts: dict[str, int] = {}
    always = 0
    for position, gate in enumerate(gates):
        bit = 1 << position
        if gate is None:
            always |= bit
            continue
        for table, keys in ((words, gate.words), (heads, gate.heads), (parts, gate.parts)):
            for key in keys:
                table[key] = table.get(key, 0) | bit
    return GateIndex(words, heads, tuple(parts.items()), always)


def _folded(gate: Gate | None) -> Gate | None:
    """``gate`` with lower-cased words, heads and parts; None when lower-casing is not character-wise."""
    if gate is None:
        return None
    keys = (*gate.words, *gate.heads, *gate.parts)
    if any("Σ" in key or key.lower() != "".join(ch.lower() for ch in key) for key in keys):
        return None
    return Gate(
        frozenset(w.lower() for w in gate.words),
        frozenset(h.lower() for h in gate.heads),
        tuple(p.lower() for p in gate.parts),
    )


def _is_separator(op: object, av: object) -> bool:
    """Whether one repetition of ``(op, av)`` is a single character that is never a word character."""
    if op is sre.LITERAL:
        return not _WORD_CHAR.match(chr(av))  # type: ignore[arg-type]
    if op is sre.IN:
        for item_op, item_av in av:  # type: ignore[attr-defined]
            if item_op is sre.LITERAL and not _WORD_CHAR.match(chr(item_av)):
                continue
            if item_op is sre.CATEGORY and item_av in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
                continue
            return False
        return True
    return False


def _expand(data: list, tail: tuple[tuple[str, ...], ...] = ((),)) -> list[tuple[str, ...]]:
    """Every alternative of the parsed sequence ``data`` as a tuple of atoms (characters, _SEP,
    _UNKNOWN), each followed by every tail; raises OverflowError past ``MAX_EXPANSIONS``."""
    results: list[tuple[str, ...]] = list(tail)
    for op, av in reversed(data):
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: dropping it only widens what the atoms describe
        if op is sre.SUBPATTERN:
            results = _expand(list(av[-1]), tuple(results))
            continue
        if op is sre.BRANCH:
            results = [r for branch in av[1] for r in _expand(list(branch), tuple(results))]
        elif op is sre.LITERAL:
            atom = chr(av) if _WORD_CHAR.match(chr(av)) else _LIT + chr(av)
            results = [(atom, *r) for r in results]
        elif op is sre.IN and len(av) <= 4 and all(o is sre.LITERAL for o, _ in av):
            if all(_WORD_CHAR.match(chr(c)) for _, c in av):  # [Ii]: one of a few letters
                results = [(chr(c), *r) for _, c in av for r in results]
            elif _is_separator(op, av):
                results = [(_SEP, *r) for r in results]
            else:
                results = [(_UNKNOWN, *r) for r in results]
        elif _is_separator(op, av):
            results = [(_SEP, *r) for r in results]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] <= 1 and av[1] == 1:
            once = _expand(list(av[2]), tuple(results))
            results = once if av[0] == 1 else results + once  # "x?": without it, or with it once
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and len(av[2]) == 1 and _is_separator(*av[2][0]):
            results = [(_SEP if av[0] >= 1 else _MAYBE, *r) for r in results]
        else:
            results = [(_UNKNOWN, *r) for r in results]
        if len(results) > MAX_EXPANSIONS:
            raise OverflowError("too many alternatives")
    return results


def _settle(atoms: tuple[str, ...]) -> list[str]:
    r"""``atoms`` without "maybe" separators: dropped where a separator or the pattern's edge is next
    to them anyway (the words around keep their bounds), unknown between two word pieces ("a\s*b"
    may be one word), so every remaining boundary is _SEP, _UNKNOWN or a literal (``_LIT``)."""
    settled: list[str] = []
    for position, atom in enumerate(atoms):
        if atom != _MAYBE:
            settled.append(atom)
            continue
        after = next((a for a in atoms[position + 1 :] if a != _MAYBE), _SEP)
        before = settled[-1] if settled else _SEP
        if (_is_boundary(after) and after != _UNKNOWN) or (_is_boundary(before) and before != _UNKNOWN):
            continue
        settled.append(_UNKNOWN)
    return settled


def _is_boundary(atom: str) -> bool:
    """Whether ``atom`` ends a run of word characters (anything but a literal word character)."""
    return len(atom) > 1


def _needed(atoms: tuple[str, ...]) -> tuple[str, str] | None:
    """The most telling piece one alternative needs: ("word", w) for a whole word (bounded on both
    sides by a separator or the pattern's own ends), ("head", w[:HEAD]) for a word start, ("part", w)
    for a word end (looked up as a substring); the longest wins, words before heads before parts."""
    best: tuple[int, int, str, str] | None = None
    bounded = True  # the pattern starts after a non-word character: (?<!\w)
    run: list[str] = []
    for atom in (*_settle(atoms), _SEP):  # and ends before one: (?!\w)
        if not _is_boundary(atom):
            run.append(atom)
            continue
        word = "".join(run)
        closed = atom != _UNKNOWN  # a separator or literal non-word character ends the word here
        candidate = None
        if word and bounded and closed:
            candidate = (len(word), 2, "word", word)
        elif len(word) >= HEAD and bounded:
            candidate = (len(word), 1, "head", word[:HEAD])
        elif len(word) >= HEAD and closed:
            candidate = (len(word), 0, "part", word)
        elif atom.startswith(_LIT):  # a needed non-word character ("©"): the last resort
            candidate = (1, -1, "part", atom.removeprefix(_LIT))
        if candidate and (best is None or candidate[:2] > best[:2]):
            best = candidate
        run, bounded = [], closed
    return (best[2], best[3]) if best else None


def _alternatives(pattern: str, flags: int) -> list | None:
    """The expanded alternatives of a case-sensitive cue list ``(?<!\\w)(?:...)(?!\\w)``; None for any
    other pattern, or one the standard parser reads in a way we do not expect (then: no gate)."""
    if flags & re.IGNORECASE or not (pattern.startswith(r"(?<!\w)") and pattern.endswith(r"(?!\w)")):
        return None
    try:
        return _expand(list(sre_parse.parse(pattern, flags).data))
    except (OverflowError, re.error, TypeError, ValueError, IndexError):
        return None


def gate_for(pattern: str, flags: int = 0) -> Gate | None:
    """The gate of a compiled cue list ``(?<!\\w)(?:...)(?!\\w)`` (``flags`` without IGNORECASE: the
    words are compared as written), or None when some alternative needs no fixed word.

    >>> g = gate_for(r"(?<!\\w)(?:(?:kind\\s+of)|(?:increas\\w*)|(?:[Ii]f))(?!\\w)")
    >>> sorted(g.words), sorted(g.heads)
    (['If', 'if', 'kind'], ['inc'])
    >>> gate_for(r"(?<!\\w)(?:(?:\\w+er\\s+than)|(?:[a-z]{2,}ed))(?!\\w)") is None
    True
    """
    alternatives = _alternatives(pattern, flags)
    if alternatives is None:
        return None
    found: dict[str, set[str]] = {"word": set(), "head": set(), "part": set()}
    for atoms in alternatives:
        needed = _needed(atoms)
        if needed is None:
            return None
        found[needed[0]].add(needed[1])
    return Gate(frozenset(found["word"]), frozenset(found["head"]), tuple(sorted(found["part"])))


def first_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The words a match of ``(?<!\\w)(?:...)(?!\\w)`` can start with (its first ``\\w+`` run), or None
    when some alternative does not start with a fixed word.

    >>> sorted(first_words(r"(?<!\\w)(?:(?:and\\s+then)|(?:then)|(?:tandis\\s+que))(?!\\w)"))
    ['and', 'tandis', 'then']
    """
    alternatives = _alternatives(pattern, flags)
    if alternatives is None:
        return None
    words = set()
    for atoms in alternatives:
        run = []
        for atom in (*_settle(atoms), _SEP):
            if _is_boundary(atom):
                break
            run.append(atom)
        if not run or atom == _UNKNOWN:
            return None
        words.add("".join(run))
    return frozenset(words)


def fold_hazards(words: Iterable[str]) -> str | None:
    """Characters that a case-insensitive regex takes for a letter of ``words`` although their
    ``str.lower()`` is not that letter ("ı" for "i", "ſ" for "s"): a lower-cased text holding none of
    them matches the lower-cased words exactly where the case-insensitive pattern matches the text
    (given the same length). None when the regex engine's table of such cases is not available.

    >>> fold_hazards(["is"]) == "ıſ"
    True
    """
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - another Python's regex engine
        return None
    letters = {ord(ch) for word in words for ch in word}
    return "".join(sorted({chr(c) for letter in letters for c in _EXTRA_CASES.get(letter, ())}))
