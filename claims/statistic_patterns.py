"""Compiled context patterns around numbers (bounds, ranges, changes, multipliers, vague
quantities, dates and references), built once per language from the vocabulary tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claims.number_cues import GateTable, keys, suffixes
from claims.number_lexicon import alternation, lexicon
from claims.vocabulary import load

_SP = r"[ \u00a0\u202f]"
TIMES_SIGNS = "×x"  # "×6", "x3": a multiplier written before the number
FOLD = "fold"  # "sixfold", "3-fold"
ELIDED_ARTICLES = ("l'", "l’")  # "plus de l'ordre de": an article glued to the next word


def _alt(words: object) -> str:
    return alternation(words)


def _first(words: list[str]) -> str:
    """The first letters of ``words``, both cases, escaped for a character class."""
    return re.escape("".join(sorted({c for w in words for c in (w[0].lower(), w[0].upper())})))


# bits of ``StatPatterns.gates.mask``: which clause-wide scans a clause may need
GATE_MULT_WORDS, GATE_VAGUE, GATE_TIMES, GATE_MULT_BEFORE = 1, 2, 4, 8


@dataclass(frozen=True)
class StatPatterns:
    """Everything ``parse_statistics`` matches around a number, for one language."""

    bound_before: re.Pattern[str]
    bound_cancel: re.Pattern[str]
    bound_after: re.Pattern[str]
    bounds: dict[str, tuple[str, bool]]
    bounds_after: dict[str, tuple[str, bool]]
    range_between: re.Pattern[str]
    range_opener: re.Pattern[str]
    change_before: re.Pattern[str]
    change_after: re.Pattern[str]
    up_words: frozenset[str]
    down_words: frozenset[str]
    mult_before: re.Pattern[str]
    mult_after: re.Pattern[str]
    mult_after_firsts: str  # the first characters of ``mult_after``'s phrases, lower-cased
    mult_words: re.Pattern[str]
    mult_values: dict[str, float]
    fold: re.Pattern[str]
    vague: re.Pattern[str]
    vague_values: dict[str, tuple[float, float]]
    vague_needs_of: frozenset[str]
    closers: dict[str, tuple[str, ...]]
    bare_closers: frozenset[str]
    from_words: frozenset[str]
    change_links: frozenset[str]  # "by", "de": what joins a verb to its change ("de" is also "from")
    comparative_after: re.Pattern[str]  # "15 % de moins", "5% more": a comparison, not a change
    income_verbs: frozenset[str]  # "gagnent 2 000 euros": a sum earned, not a rise
    level_after: re.Pattern[str]  # "gagne 1,2 dollar à 85 dollars": the level the change reached
    # "the first half", "le premier semestre": a part of a year (or of a match), whose ordinal and
    # "half" are no figures; ``period_words`` are what such a phrase must contain
    ordinal_period: re.Pattern[str]
    period_words: tuple[str, ...]
    # "in the quarter", "le tiers payant": a fraction word alone after these articles is no share ...
    bare_fraction_before: re.Pattern[str]
    fraction_of_after: re.Pattern[str]  # ... unless "of" follows ("the half of voters who ...")
    per_between: re.Pattern[str]  # "3 deaths per 1,000": a rate, the round number its base
    change_verb: re.Pattern[str]
    ratio_before: re.Pattern[str]
    reversed_link: re.Pattern[str]
    change_to: re.Pattern[str]
    ratio_numerators: dict[str, float]
    bound_joint: re.Pattern[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    reference_before: re.Pattern[str]
    time_around: re.Pattern[str]
    counted: re.Pattern[str]
    counted_stop: frozenset[str]
    counted_stop_suffixes: tuple[str, ...]
    tolerance: float
    # what a clause must hold for a clause-wide scan to match (claims.number_cues), bits ``GATE_*``
    gates: GateTable
    # what the text before a figure ends with when a pattern looking back matches (Cues.ends)
    bound_ends: tuple[str, ...]
    change_ends: tuple[str, ...]
    mult_before_ends: tuple[str, ...]
    ratio_ends: tuple[str, ...]
    reference_ends: tuple[str, ...]
    month_ends: tuple[str, ...]
    opener_ends: tuple[str, ...]
    gap_ends: tuple[str, ...]  # what the gap between two figures ends with when they may form a range
    mult_divide: frozenset[str]  # "divided by", "divisé par": the multiplier is the inverse
    year_before: re.Pattern[str]  # "in 2019": a lone year that is a date, never the low end of a range
    share_below: re.Pattern[str]  # "nearly one in five": a share just under its value
    to_ends: tuple[str, ...]  # what the text before a level reached ends with ("rose to")


_PHONE = re.compile(
    r"(?=[+0])(?<![\w+])(?:\+\d{1,3}[ .-]?|\b0)\d(?:[ .-]?\d{2}){4}(?!\d)|\+\d{1,3}(?:-\d{2,4}){2,}[/-]?\d*"
)


# Without "+", a telephone number is "0", a digit and four pairs of digits, each pair perhaps after
# one separator: this pattern opens with a literal "0", so ``re`` jumps from zero to zero.
_ZERO_AND_NINE = re.compile(r"0\d[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}")


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Spans of telephone numbers, whose digit groups are not statistics."""
    if "+" not in text and _ZERO_AND_NINE.search(text) is None:
        return []
    return [m.span() for m in _PHONE.finditer(text)]


def _period_words(lang: str) -> tuple[str, ...]:
    dates = load(lang, "dates")
    return (*dates.QUARTER_WORDS, *dates.SEMESTER_WORDS)


def _ordinal_period(lang: str) -> re.Pattern[str]:
    """An ordinal (in words or digits) then a quarter or half-year word: "the first half", "2e trimestre"."""
    dates = load(lang, "dates")
    ordinal = rf"{_alt([*dates.ORDINALS, *dates.LAST_WORDS])}|\d{{1,2}}(?:{_alt(dates.ORDINAL_SUFFIXES)})"
    return re.compile(
        rf"(?<![\w])(?:{ordinal})(?:{_SP}|-){{1,3}}(?:{_alt(_period_words(lang))})s?(?![\w])", re.IGNORECASE
    )


@cache
def stat_patterns(lang: str) -> StatPatterns:
    """Build the patterns for ``lang`` (cached).

    >>> bool(stat_patterns("fr").bound_before.search("plus de "))
    True
    """
    t = load(lang, "numbers")
    bounds = {k.lower(): v for k, v in t.BOUNDS.items()}
    bounds_after = {k.lower(): v for k, v in t.BOUNDS_AFTER.items()}
    closers = sorted({c for cs in t.RANGE_OPENERS.values() for c in cs})
    word_closers = [c for c in closers if c.isalpha()]
    dash_closers = [c for c in closers if not c.isalpha()]
    openers = [o for o in t.RANGE_OPENERS if o]
    ups, downs = set(t.CHANGE_UP), set(t.CHANGE_DOWN)
    links = [w for w in t.CHANGE_LINK if w]
    numwords_list = [w for w, (cls, _) in lexicon(lang).words.items() if cls in ("unit", "teen", "tens")]
    numwords = _alt(numwords_list)
    mult_values = {k.lower(): float(v) for k, v in t.MULTIPLIER_WORDS.items()}
    small = {w: float(v) for w, (cls, v) in lexicon(lang).words.items() if cls in ("unit", "teen")}
    return StatPatterns(
        bound_before=re.compile(
            rf"(?P<b>(?<![\w]){_alt(k for k in bounds if k[0].isalpha())}"
            rf"|{_alt(k for k in bounds if not k[0].isalpha())})"
            # an article may sit between the bound and the figure: "plus de la moitié"
            rf"(?:{_SP}+(?:{_alt(t.BOUND_ARTICLES)})(?=[ \u00a0])|{_SP}*{_alt(ELIDED_ARTICLES)})?{_SP}*\Z",
            re.IGNORECASE,
        ),
        bound_cancel=re.compile(
            rf"(?<![\w])(?:{_alt(t.BOUND_CANCELLED_AFTER) if t.BOUND_CANCELLED_AFTER else '(?!)'}){_SP}+\Z",
            re.IGNORECASE,
        ),
        # "500 or more", but not "200 or greater than 190" (that bound belongs to 190)
        bound_after=re.compile(
            rf"{_SP}+(?P<b>{_alt(bounds_after)})(?![\w])(?!{_SP}+(?:than|que|to|à|de)(?![\w])|{_SP}*\d)",
            re.IGNORECASE,
        ),
        bounds=bounds,
        bounds_after=bounds_after,
        range_between=re.compile(
            rf"(?:{_SP}*(?P<dash>{_alt(dash_closers)}){_SP}*|-?{_SP}+(?P<word>{_alt(word_closers)}){_SP}+"
            rf"(?:(?:{_alt(t.BOUND_ARTICLES)}){_SP}+)?)\Z",  # "between the tenth and the fifteenth"
            re.IGNORECASE,
        ),
        range_opener=re.compile(
            rf"(?<![\w])(?P<o>{_alt(openers)})(?:{_SP}+(?:{_alt(t.BOUND_ARTICLES)}))?{_SP}*\Z", re.IGNORECASE
        ),
        change_before=re.compile(
            rf"(?<![\w])(?P<verb>{_alt(ups | downs)})"
            rf"(?:{_SP}+(?:{_alt(links)})(?:{_SP}+|(?<=['’]))|{_SP}+"
            # "cut emissions by 40%": what changed between the verb and the link
            rf"|(?:{_SP}+[^\W\d_][\w'’-]*){{1,3}}{_SP}+(?:{_alt(t.CHANGE_OBJECT_LINK)})(?:{_SP}+|(?<=['’])))\Z",
            re.IGNORECASE,
        ),
        change_after=re.compile(rf"{_SP}+(?P<verb>{_alt(ups | downs)})(?![\w])", re.IGNORECASE),
        up_words=frozenset(w.lower() for w in ups),
        down_words=frozenset(w.lower() for w in downs),
        mult_before=re.compile(rf"(?:(?<![\w])(?:{_alt(t.MULTIPLIER_BEFORE)})){_SP}?\Z", re.IGNORECASE),
        mult_after=re.compile(rf"(?:{_alt(t.MULTIPLIER_AFTER)})(?![\w])", re.IGNORECASE),
        mult_after_firsts="".join(sorted({w[0].lower() for w in t.MULTIPLIER_AFTER})),
        mult_words=re.compile(rf"(?<![\w])(?:{_alt(t.MULTIPLIER_WORDS)})(?![\w])", re.IGNORECASE),
        mult_values=mult_values,
        fold=re.compile(
            rf"(?=[{_first(list(TIMES_SIGNS))}\d{_first(numwords_list)}])(?<![\w])"
            rf"(?:[{TIMES_SIGNS}]{_SP}?(?P<d>\d+(?:[.,]\d+)?)|(?P<n>\d+(?:[.,]\d+)?|{numwords})-?{FOLD})(?![\w])",
            re.IGNORECASE,
        ),
        vague=re.compile(
            rf"(?<![\w])(?P<v>{_alt(t.VAGUE)})(?P<of>{_SP}+(?:of|de|d['’]))?(?![\w])", re.IGNORECASE
        ),
        vague_values={k.lower(): v for k, v in t.VAGUE.items()},
        vague_needs_of=frozenset(t.VAGUE_NEEDS_OF),
        closers={k: v for k, v in t.RANGE_OPENERS.items() if k},
        bare_closers=frozenset(c for c in t.RANGE_OPENERS.get("", ()) if c.isalpha()),
        from_words=frozenset(t.FROM_WORDS),
        change_links=frozenset(w.lower() for w in links),
        comparative_after=re.compile(rf"{_SP}+(?:{_alt(t.COMPARATIVE_AFTER)})(?![\w])", re.IGNORECASE),
        income_verbs=frozenset(w.lower() for w in t.INCOME_VERBS),
        ordinal_period=_ordinal_period(lang),
        bare_fraction_before=re.compile(
            rf"(?<![\w])(?:{_alt(t.BARE_FRACTION_ARTICLES)}){_SP}+\Z", re.IGNORECASE
        ),
        per_between=re.compile(
            rf"{_SP}+(?P<what>(?:[^\W\d_][\w'’-]*{_SP}+){{0,3}}?)(?:{_alt(t.PER_WORDS)}){_SP}+\Z",
            re.IGNORECASE,
        ),
        fraction_of_after=re.compile(rf"{_SP}*(?:{_alt(t.FRACTION_OF)})(?![\w])", re.IGNORECASE),
        period_words=tuple(w.lower() for w in _period_words(lang)),
        level_after=re.compile(rf"{_SP}+(?:{_alt(t.TO_WORDS)}){_SP}+\d", re.IGNORECASE),
        reversed_link=re.compile(rf"{_SP}*,?{_SP}+(?:{_alt(t.REVERSED_LINKS)}){_SP}+\Z", re.IGNORECASE),
        change_to=re.compile(
            rf"(?<![\w])(?P<verb>{_alt(ups | downs | set(t.CHANGE_NEUTRAL))})"
            rf"{_SP}+(?:{_alt(t.TO_WORDS)}){_SP}+\Z",
            re.IGNORECASE,
        ),
        change_verb=re.compile(
            rf"(?<![\w])(?P<verb>{_alt(ups | downs | set(t.CHANGE_NEUTRAL))}){_SP}+\Z", re.IGNORECASE
        ),
        # "un Français sur cinq", "one voter in five", "1 child out of 3"
        ratio_before=re.compile(
            rf"(?<![\w])(?P<num>{_alt(small)}|\d{{1,3}}){_SP}+"
            rf"(?P<noun>[^\W\d_][\w'’-]*(?:{_SP}[^\W\d_][\w'’-]*)?){_SP}+(?:{_alt(t.OVER)}){_SP}+\Z",
            re.IGNORECASE,
        ),
        ratio_numerators=small,
        bound_joint=re.compile(rf"{_SP}*,?{_SP}*(?:(?:{_alt(t.BOUND_JOINTS)}){_SP}+)?\Z", re.IGNORECASE),
        month_after=re.compile(rf"{_SP}*(?:{_alt(t.MONTHS)})(?![\w])", re.IGNORECASE),
        month_before=re.compile(rf"(?<![\w])(?:{_alt(t.MONTHS)}){_SP}*\Z", re.IGNORECASE),
        reference_before=re.compile(rf"(?<![\w])(?:{_alt(t.REFERENCE_WORDS)}){_SP}*\Z", re.IGNORECASE),
        time_around=re.compile(r"\s?[hH:]\s?\d{2}(?!\d)|\s?(?:h|am|pm|a\.m\.|p\.m\.)(?![\w])"),
        counted=re.compile(
            rf"{_SP}+(?:(?:de(?:{_SP}+la)?|des|du|of(?:{_SP}+the)?){_SP}+|d['’]|de{_SP}+l['’])?(?P<np>[^\W\d_][\w'’-]*(?:{_SP}[^\W\d_][\w'’-]*){{0,3}})"
        ),
        counted_stop=t.COUNTED_STOP,
        counted_stop_suffixes=tuple(t.COUNTED_STOP_SUFFIXES),
        tolerance=t.APPROX_TOLERANCE,
        # both scans let no letter touch either end of a phrase: any of its words is a whole
        # letter run of the text, and the longest is the rarest ("dizaines" in "des dizaines");
        # ``mult_before`` puts its phrase after a non-word character, its first word followed by a
        # space or by the figure (digits, or a number word after a space)
        gates=GateTable(
            [
                keys(t.MULTIPLIER_WORDS, longest=True),
                keys(t.VAGUE, longest=True),
                keys(TIMES_SIGNS),
                keys(t.MULTIPLIER_BEFORE),
            ]
        ),
        bound_ends=suffixes([*bounds, *t.BOUND_ARTICLES, *ELIDED_ARTICLES]),
        change_ends=suffixes([*ups, *downs, *links]),
        mult_before_ends=suffixes(t.MULTIPLIER_BEFORE),
        ratio_ends=suffixes(t.OVER),
        reference_ends=suffixes(t.REFERENCE_WORDS),
        month_ends=suffixes(t.MONTHS),
        opener_ends=suffixes([*openers, *t.BOUND_ARTICLES]),
        gap_ends=suffixes([*closers, *t.BOUND_ARTICLES, *t.REVERSED_LINKS]),
        mult_divide=frozenset(w.lower() for w in t.MULTIPLIER_DIVIDE),
        year_before=re.compile(rf"(?<![\w])(?:{_alt(t.YEAR_BEFORE)}){_SP}+\Z", re.IGNORECASE),
        to_ends=suffixes(t.TO_WORDS),
        share_below=re.compile(
            rf"(?<![\w])(?:{_alt(t.SHARE_BELOW)})(?:{_SP}+|(?<=['’]))"
            rf"(?:(?:{_alt(t.BOUND_ARTICLES)}){_SP}+|{_alt(ELIDED_ARTICLES)})?\Z",
            re.IGNORECASE,
        ),
    )
