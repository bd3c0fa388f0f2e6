"""Numbers with what they measure: percentages, percentage points, money and units.

``find_quantities`` reads each number found by ``claims.numbers`` together with the currency
sign before it ("$1.2bn", "€3m") and the unit after it ("12 %", "3 points de pourcentage",
"1,2 milliard d'euros", "155 mm", "45-acre"). Spans cover number and unit, not bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from claims.models import build
from claims.number_cues import Cues, Keys, clause_cues, keys, suffixes
from claims.number_lexicon import alternation, lexicon
from claims.numbers import Number, find_numbers, tidy
from claims.vocabulary import load

_SP = "[ \u00a0\u202f]"


@dataclass(frozen=True)
class Quantity:
    """A number and its unit. ``kind``: number, ordinal, percent, percentage_points, money, measure."""

    start: int
    end: int
    value: float | None  # None only for a unit named without a number (find_unit_mentions)
    kind: str
    unit: str | None = None
    family: str | None = None
    number: Number | None = None


@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]
    after: re.Pattern[str]
    currencies: dict[str, str]
    measures: dict[str, tuple[str, str]]
    scales: dict[str, float]
    scale_words: dict[str, float]
    subunit: re.Pattern[str]
    angle_cue: re.Pattern[str]
    percent_before: re.Pattern[str]
    per: re.Pattern[str]
    context_unit: re.Pattern[str]
    context_units: dict[str, tuple[str, str]]
    tail: re.Pattern[str]
    percent_ends: tuple[str, ...]  # what ``percent_before`` matches end with (``Cues.ends``)
    currency_ends: tuple[str, ...]  # what ``before`` matches end with
    after_keys: Keys  # the words and characters an ``after`` match starts with (``Cues.may_follow``)
    after_prefixes: tuple[str, ...]  # currency signs and scale letters: a letter may follow them
    context_keys: Keys  # the first words of ``context_unit``'s units
    basis_points: frozenset[str]  # "basis points", "bps": hundredths of a point
    point_fraction: re.Pattern[str]  # "half a point", "un quart de point", "a half-point"


def _alt(words: object, *, flags: str = "") -> str:
    """An alternation of literal words (a trie); ``flags`` "i" makes it case-insensitive."""
    body = alternation(words)
    return f"(?{flags}:{body})" if flags else body


_PERCENT_OF = ("of", "de", "des", "d'", "d’")  # "percent of 10", "pourcentage de vingt"
_AFTER_LINKS = ("de", "of", "d'", "d’")  # "12 millions de dollars", "155 d'euros"


def _singular(words: tuple[str, ...]) -> list[str]:
    """The point words in the singular: "half a point", but "la moitié de points de vente" counts shops."""
    return [w for w in words if not re.search(r"(?:points|pts)(?![\w])", w)]


@cache
def _patterns(lang: str) -> _Patterns:
    units = load(lang, "units")
    nums = load(lang, "numbers")
    symbols = units.CURRENCY_SYMBOLS
    codes = units.CURRENCY_CODES
    scales = [w for w, (cls, _) in lexicon(lang).words.items() if cls == "scale"]
    before = re.compile(
        rf"""
        (?P<cur>(?:(?<![\w])(?:{_alt(codes)}|u\.?s\.?|c|nz|hk){_SP}?)?{_alt(symbols)}  # $, US $, usd$, €
              |(?<![\w]){_alt(codes)})                               # USD, EUR ...
        {_SP}?\Z                                                    # right before the number
        """,
        re.VERBOSE | re.IGNORECASE,
    )
    after = re.compile(
        rf"""
          (?P<pp>{_SP}*{_alt(nums.POINT_WORDS, flags="i")}(?![\w]))
        | (?P<pct>{_SP}?%|{_SP}+{_alt(nums.PERCENT_WORDS[1:], flags="i")}(?![\w]))
        | (?P<cur>(?:{_SP}?(?P<abbr>Mds?|Md|M|k|bn|mn)?{_SP}?|{_SP}+(?i:de){_SP}+)(?P<sym>{_alt(symbols)})
                (?:{_SP}?(?i:{_alt(codes)}|c)(?![\w]))?                  # "$CAD", "$ usd"
              | {_SP}+(?:(?i:de|of){_SP}+|(?i:d)['’])?
                (?P<word>{_alt(units.CURRENCY_WORDS, flags="i")})(?![\w])
              | {_SP}?(?P<code>{_alt(codes, flags="i")})(?![\w])
                (?:{_SP}+(?P<scale>{_alt(scales, flags="i")})(?![\w]))?)  # "75 USD million"
        | (?P<unit>(?:[ \u00a0\u202f-]+(?:(?i:de){_SP}+|(?i:d)['’])?
                (?P<uword>{_alt(units.MEASURE_WORDS, flags="i")})
              | [ \u00a0\u202f-]?(?P<usym>{_alt(units.MEASURE_SYMBOLS)}))
            (?![\w])(?!-\d)(?!['’][^\W\d_]))                  # not a code ("24703 L-202"), not "l'an"
        """,
        re.VERBOSE,
    )
    currencies = {
        **symbols,
        **{c: c for c in codes},
        **{w.lower(): c for w, c in units.CURRENCY_WORDS.items()},
    }
    currencies["RMB"] = "CNY"
    measures = {**units.MEASURE_SYMBOLS, **{w.lower(): u for w, u in units.MEASURE_WORDS.items()}}
    scale_words = {w: float(v) for w, (cls, v) in lexicon(lang).words.items() if cls == "scale"}
    and_words = [w for w, (cls, _) in lexicon(lang).words.items() if cls == "and"]
    subunit = re.compile(
        rf"{_SP}+(?:{_alt(and_words, flags='i')}{_SP}+)?\Z"  # "15 dollars 50", "13 dollars and 45 cents"
    )
    angle_cue = re.compile(rf"(?<![\w])(?:{_alt(units.ANGLE_CUES, flags='i')})(?![\w])")
    return _Patterns(
        before, after, currencies, measures, dict(nums.SCALE_SUFFIXES), scale_words, subunit, angle_cue,
        re.compile(
            rf"(?<![\w]){_alt(nums.PERCENT_WORDS[1:], flags='i')}{_SP}+{_alt(_PERCENT_OF, flags='i')}{_SP}*\Z"
        ),
        re.compile(
            rf"(?:{_SP}?/{_SP}?|{_SP}+(?i:{_alt(units.PER)}){_SP}*)"
            rf"(?P<den>{_alt(units.PER_TIME, flags='i')}|{_alt(units.MEASURE_SYMBOLS)}"
            rf"|{_alt(units.MEASURE_WORDS, flags='i')})"
            rf"(?![\w])"
        ),
        re.compile(
            rf"{_SP}+(?P<w>{_alt(units.CONTEXT_UNITS) if units.CONTEXT_UNITS else '(?!)'})"
            rf"(?={_SP}*(?:[.,;:!?)]|\Z)|{_SP}+{_alt(units.DIMENSION_ADJECTIVES)}(?![\w]))"
        ),
        dict(units.CONTEXT_UNITS),
        re.compile(  # powers and divisions after a unit symbol: "km^2", "s-1", "W/min", "km/s2"
            rf"(?:\^[-−]?[1-4]|[-−]1|[²³])?(?![\w])"
            rf"(?:/(?:{_alt(units.MEASURE_SYMBOLS)}|s|h)(?:\^?[-−]?[1-4]|[²³])?(?![\w]))?"
        ),
        suffixes(_PERCENT_OF),
        suffixes([*symbols, *codes]),
        *_after_starts(nums, units),
        keys(units.CONTEXT_UNITS),
        frozenset(w.lower() for w in nums.BASIS_POINT_WORDS),
        re.compile(
            rf"(?:-|{_SP}+(?i:{_alt(nums.FRACTION_POINT_LINKS)})(?:{_SP}+|(?<=['’])))"
            rf"(?P<pp>{_alt(_singular(nums.POINT_WORDS), flags='i')})(?![\w])"
        ),
    )  # fmt: skip


def _after_starts(nums: object, units: object) -> tuple[Keys, tuple[str, ...]]:
    r"""What an ``after`` match starts with, past spaces: words followed by a non-letter
    ("(?![\w])", a space, an apostrophe, "$" in "US$"), characters, and the prefixes of longer
    letter runs: a currency sign of letters only ("CHF") may be followed by anything, and a
    scale letter may touch the sign ("kUS$", "MCHF")."""
    symbols = [s.lower() for s in units.CURRENCY_SYMBOLS]  # type: ignore[attr-defined]
    signs = keys(s for s in symbols if not s.isalpha()).words  # "us" in "us$", "fr" in "fr."
    whole = {s for s in symbols if s.isalpha()}  # "chf"
    scales = [a.lower() for a in _ABBR]
    found = keys([
        *nums.POINT_WORDS, *nums.PERCENT_WORDS, *units.CURRENCY_WORDS,  # type: ignore[attr-defined]
        *units.CURRENCY_CODES, *units.MEASURE_WORDS, *units.MEASURE_SYMBOLS,  # type: ignore[attr-defined]
        *symbols, *_AFTER_LINKS, "-",
    ])  # fmt: skip
    words = found.words | set(scales) | {a + s for a in scales for s in signs}
    prefixes = tuple(sorted(whole | {a + s for a in scales for s in whole}))
    return Keys(frozenset(words), found.chars, found.always, found.char_pattern), prefixes


def lexicon_scale(pats: _Patterns, word: str) -> float:
    """The value of a scale word ("million") in the pattern's language."""
    return pats.scale_words[word.lower()]


def _currency_code(pats: _Patterns, written: str) -> str | None:
    """ISO code of a written currency sign or code ("US $", "usd$", "€")."""
    key = re.sub(r"\s", "", written)
    for candidate in (key, key.upper(), key.lower(), key[-1:]):
        if candidate in pats.currencies:
            return pats.currencies[candidate]
    return None


_ABBR = {"k": 1e3, "M": 1e6, "mn": 1e6, "bn": 1e9, "Md": 1e9, "Mds": 1e9}


def find_quantities(text: str, *, lang: str, cues: Cues | None = None) -> list[Quantity]:
    """Numbers with their units, in order; ``cues`` is ``clause_cues(text)`` if the caller has it.

    >>> [(q.value, q.kind, q.unit) for q in find_quantities("$1.2bn et 12 %", lang="fr")]
    [(1200000000.0, 'money', 'USD'), (12.0, 'percent', '%')]
    """
    pats = _patterns(lang)
    out: list[Quantity] = []
    cue = cues if cues is not None else clause_cues(text)
    numbers = _without_year_spans(text, find_numbers(text, lang=lang, cues=cue))
    if not numbers:
        return []
    for i, number in enumerate(numbers):
        floor = out[-1].end if out else 0
        if number.start < floor:
            continue
        quantity = _read(text, number, pats, floor, cue)
        if quantity is None:
            continue
        if quantity.kind == "money":
            quantity = _per(text, quantity, pats)  # prices; "barils par jour" stays a volume
        if quantity.kind == "money" and i + 1 < len(numbers):
            quantity = _with_subunit(text, quantity, numbers[i + 1], pats)
        out.append(quantity)
    return _with_uncertainty(text, out)


_PLUS_MINUS = re.compile(r"[ \u00a0]*(?:\+/-|±|\+-)[ \u00a0]*\Z")


def _with_uncertainty(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "9.83e-3 +/- 1e-5 km/s2", "12 ± 0.5 kg": one quantity, the central value with the unit."""
    if "±" not in text and "+" not in text:
        return found  # every sign of ``_PLUS_MINUS`` has one of them
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "number" and _PLUS_MINUS.match(text[prev.end : q.start]):
            out[-1] = Quantity(prev.start, q.end, prev.value, q.kind, q.unit, q.family, prev.number)
            continue
        out.append(q)
    return out


def _without_year_spans(text: str, numbers: list[Number]) -> list[Number]:
    """Drop "2013-14", "2019–20": a season or fiscal year, no figure."""
    if len(numbers) < 2:
        return numbers
    drop: set[int] = set()
    for i, (a, b) in enumerate(pairwise(numbers)):
        if (
            b.start == a.end + 1
            and text[a.end] in "-–/"
            and a.digits
            and b.digits
            and b.end - b.start == 2
            and 1000 <= a.value <= 2100
            and float(a.value).is_integer()
            and b.value == (a.value + 1) % 100
        ):
            drop.update((i, i + 1))
    return [n for i, n in enumerate(numbers) if i not in drop] if drop else numbers


def _per(text: str, q: Quantity, pats: _Patterns) -> Quantity:
    """ "$350 per kg", "15.4/hour", "100 euros par mois": a rate; the unit becomes "USD/kg"."""
    m = pats.per.match(text, q.end)
    if m is None:
        return q
    den = m.group("den")
    symbol = (pats.measures.get(den) or pats.measures.get(den.lower()) or (den.lower(), ""))[0]
    return replace(q, end=m.end(), unit=f"{q.unit}/{symbol}")


_CLOCK_NUMBER = re.compile(r"(?:\d{1,2}(?:[.:][0-5]\d)?|[^\W\d_][\w -]*)\Z")  # "2", "2.30", "two"
_POSSESSIVE = re.compile(r"['’](?=[ \u00a0])")  # "six weeks' time"
_CLOCK = re.compile(r"[ \u00a0]?(?:[ap]\.m\.|[ap]m)(?![\w])", re.IGNORECASE)
_INCHES = re.compile(r"[ \u00a0]+(\d{1,2}(?:\.\d+)?)[ \u00a0]?(?:inches|inch|in|\")(?![\w])")
_CENTS = re.compile(r"[ \u00a0\u202f]+(?i:cents?|centimes?|pence|penny)(?![\w])")


def _with_subunit(text: str, q: Quantity, nxt: Number, pats: _Patterns) -> Quantity:
    """ "15 dollars 50", "thirteen dollars and forty-five cents": the cents join the amount."""
    if (
        q.number is None
        or q.end <= q.number.end
        or not (0 < nxt.value < 100)
        or not float(nxt.value).is_integer()
    ):
        return q
    if not pats.subunit.match(text[q.end : nxt.start]) or text[q.end - 1].isdigit():
        return q
    if not q.unit or not q.unit.isalpha() or (not nxt.digits and nxt.kind != "cardinal"):
        return q  # cents do not take cents
    end = nxt.end
    cents = _CENTS.match(text, end)
    if cents:
        end = cents.end()
    elif pats.after.match(text, end):
        return q  # "10 $ 30 $" are two amounts
    return Quantity(q.start, end, q.value + nxt.value / 100, q.kind, q.unit, q.family, q.number)


def _read(
    text: str, number: Number, pats: _Patterns, floor: int = 0, cue: Cues | None = None
) -> Quantity | None:
    start, end, value = number.start, number.end, number.value
    if number.kind == "ordinal":
        return _quantity(start, end, value, "ordinal", None, None, number)
    cue = cue or clause_cues(text)
    low = max(floor, start - 24)
    reverse = (
        pats.percent_before.search(text, low, start) if cue.ends(low, start, pats.percent_ends) else None
    )
    if reverse:  # "percent of 10", "pourcentage de vingt"
        return Quantity(reverse.start(), end, value, "percent", "%", "ratio", number)
    low = max(floor, start - 8)
    prefix = pats.before.search(text, low, start) if cue.ends(low, start, pats.currency_ends) else None
    currency = _currency_code(pats, prefix.group("cur")) if prefix else None
    glued = number.glued
    if glued and glued not in pats.scales:
        return _glued(text, number, pats, currency, prefix.start() if prefix else start)
    if glued and currency is None and glued in pats.measures and glued not in ("k", "K"):
        # "1.8m" without a currency sign is a length, not 1.8 million
        symbol, family = pats.measures[glued]
        return Quantity(start, end, value / pats.scales[glued], "measure", symbol, family, number)
    if currency is not None:
        return Quantity(prefix.start(), end, value, "money", currency, "currency", number)
    if value <= 12 and _CLOCK.match(text, end) and _CLOCK_NUMBER.match(text, start, end):
        return None  # "2 pm", "2.13 am": a time ("2.1 pm", "2.123 am" are lengths)
    if not number.digits and 0 < value < 1:
        part = pats.point_fraction.match(text, end)
        if part is not None:  # "half a percentage point", "un demi-point": a fraction of a point
            return _points(start, part.end(), value, part.group("pp"), pats, number)
    m = pats.after.match(text, end) if cue.may_follow(end, pats.after_keys, pats.after_prefixes) else None
    if m is None:
        ctx = pats.context_unit.match(text, end) if cue.may_follow(end, pats.context_keys) else None
        if ctx is not None:  # "2 1/2 in thick", "2 in."
            symbol, family = pats.context_units[ctx.group("w").lower()]
            return Quantity(start, ctx.end(), value, "measure", symbol, family, number)
        return _quantity(start, end, value, "number", None, None, number)
    if m.group("pct"):
        return _quantity(start, m.end(), value, "percent", "%", "ratio", number)
    if m.group("pp"):
        return _points(start, m.end(), value, m.group("pp"), pats, number)
    if m.group("cur"):
        key = m.group("sym") or m.group("code") or m.group("word")
        code = (
            pats.currencies.get(key) or pats.currencies.get(key.lower()) or pats.currencies.get(key.upper())
        )
        if m.group("abbr"):
            value = tidy(value * _ABBR[m.group("abbr")])
        if m.group("scale"):
            value = tidy(value * lexicon_scale(pats, m.group("scale")))
        return Quantity(start, m.end(), value, "money", code, "currency", number)
    key = m.group("usym") or m.group("uword")
    if number.weak and m.group("usym"):
        return Quantity(start, end, value, "number", number=number)  # "Une t.métrique" is no tonne
    symbol, family = pats.measures.get(key) or pats.measures[key.lower()]
    if symbol == "°" and pats.angle_cue.search(text, max(0, start - 24), start):
        family = "angle"  # "turn left 45 degrees"
    stop = m.end()
    if m.group("usym"):
        stop = pats.tail.match(text, stop).end()  # type: ignore[union-attr]
        if stop > m.end():  # a compound unit takes a rate too: "20 J/m^2 per year"
            symbol = text[m.start("usym") : stop]
            rate = _per(text, Quantity(start, stop, value, "measure", symbol, family, number), pats)
            stop, symbol = rate.end, rate.unit or symbol
    elif key.endswith("s") and _POSSESSIVE.match(text, stop):
        stop += 1
    if symbol == "ft":
        inches = _INCHES.match(text, stop)  # "5 feet 2 inches"
        if inches:
            value += float(inches.group(1)) / 12
            stop = inches.end()
    return _quantity(start, stop, value, "measure", symbol, family, number)


def _points(start: int, end: int, value: float, word: str, pats: _Patterns, number: Number) -> Quantity:
    """A change in percentage points; "25 basis points" is 0.25 of a point."""
    if word.strip(" \u00a0\u202f").lower() in pats.basis_points:
        value = tidy(value / 100)
    return Quantity(start, end, value, "percentage_points", "pp", "ratio", number)


def _quantity(
    start: int, end: int, value: float, kind: str, unit: str | None, family: str | None, number: Number
) -> Quantity:
    """A Quantity made with ``models.build``: one is made per figure, and the frozen __init__ is slow."""
    return build(
        Quantity, start=start, end=end, value=value, kind=kind, unit=unit, family=family, number=number
    )


def _glued(text: str, number: Number, pats: _Patterns, currency: str | None, start: int) -> Quantity | None:
    """Digits with letters stuck to them: a unit ("29km", "3pp", "115usd") or nothing."""
    glued, value = number.glued, number.value
    end = number.end + len(glued)
    if glued == "s" and 1000 <= value <= 2100 and float(value).is_integer():
        return Quantity(number.start, number.end, value, "number", number=number)  # "the 1960s"
    if glued.lower() in ("pm", "am") and _CLOCK_NUMBER.match(text, number.start, number.end):
        return None  # "2pm", "2.17pm": a time
    base, _, power = glued.partition("^")
    if base in pats.measures or base.lower() in pats.measures:
        symbol, family = pats.measures.get(base) or pats.measures[base.lower()]
        if power in ("2", "3") and family == "length":  # "4km^2", "4km^3"
            symbol, family = symbol + "²³"[int(power) - 2], ("area", "volume")[int(power) - 2]
        return Quantity(number.start, end, value, "measure", symbol, family, number)
    if glued.lower() in ("pp", "pts", "bps"):  # "2pp", "25bps"
        return _points(number.start, end, value, glued, pats, number)
    code = pats.currencies.get(glued.upper())
    if code is not None and len(glued) == 3:
        return Quantity(number.start, end, value, "money", code, "currency", number)
    return None


@cache
def _mention_pattern(lang: str) -> re.Pattern[str]:
    units = load(lang, "units")
    nums = load(lang, "numbers")
    words = [*units.MEASURE_WORDS, *units.CURRENCY_WORDS, *nums.PERCENT_WORDS[1:]]
    return re.compile(
        rf"""
        (?<![\w'’])
        (?P<art>(?:{_alt(nums.ARTICLES, flags="i")}|{_alt(nums.ONE_WORDS, flags="i")}){_SP}+)?  # "a gallon"
        (?P<word>{_alt(words, flags="i")})
        (?![\w])
        """,
        re.VERBOSE,
    )


def find_unit_mentions(text: str, *, lang: str, article_one: bool = False) -> list[Quantity]:
    """Units, currencies and "percent" named without a number, value None ("convert to
    fahrenheit"); with ``article_one``, "a gallon" or "one euro" counts one of the unit.

    >>> [(text[q.start : q.end], q.unit) for text in ["from celsius to fahrenheit"]
    ...  for q in find_unit_mentions(text, lang="en")]
    [('celsius', '°C'), ('fahrenheit', '°F')]
    """
    pats = _patterns(lang)
    taken = [(q.start, q.end) for q in find_quantities(text, lang=lang)]
    percent = {w.lower() for w in load(lang, "numbers").PERCENT_WORDS}
    everyday = load(lang, "units").EVERYDAY_UNIT_WORDS
    out = []
    for m in _mention_pattern(lang).finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group("word").lower()
        if word in percent:
            out.append(Quantity(m.start("word"), m.end(), None, "percent", "%", "ratio"))
            continue
        if word in pats.measures:
            symbol, family = pats.measures[word]
            kind = "measure"
        else:
            symbol, family, kind = pats.currencies.get(word), "currency", "money"
        counted = bool(article_one and m.group("art")) and family not in ("duration", "age", "temperature")
        if word in everyday and not counted:
            continue  # "the cup", "la livre"
        start = m.start() if counted else m.start("word")
        out.append(Quantity(start, m.end(), 1.0 if counted else None, kind, symbol, family))
    return out
