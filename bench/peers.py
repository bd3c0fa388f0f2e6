"""Thin adapters: each turns one system's output into ``Pred`` records the accuracy bench scores.

Ours (claims.numbers / claims.quantities / claims.statistics), Microsoft Recognizers-Text
(``ms_recognizers_*`` modules of ms-recognizers-text-suite 1.0.1) and quantulum3 0.10.0.
Peers are optional: a missing package yields ``None`` and the bench prints "–".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from claims.models import Bound
from claims.numbers import find_numbers, value_of, words_to_digits
from claims.quantities import find_quantities, find_unit_mentions
from claims.relative_ordinals import find_relative_ordinals
from claims.statistics import parse_statistics
from claims.vocabulary import load


@dataclass(frozen=True)
class Pred:
    """One predicted figure: span (end exclusive), value, and for ranges the interval."""

    start: int | None
    end: int | None
    value: float | None
    text: str = ""
    low: float | None = None
    high: float | None = None
    low_inclusive: bool | None = None
    high_inclusive: bool | None = None
    range: bool = False


Adapter = Callable[[str, str], list[Pred]]

_RANGE = re.compile(r"^(?P<lo>[\[(])(?P<a>[^,]*),(?P<b>[^\])]*)(?P<hi>[\])])$")


def parse_value(raw: object, lang: str) -> float | None:
    """Recognizers/quantulum values: "20,2" in French, "1E-12", "100%"."""
    if raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip().rstrip("%").strip()
    if lang == "fr" and "," in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_range(raw: str, lang: str) -> Pred | None:
    """ "(20,35]" -> a range prediction with inclusivity on both sides."""
    m = _RANGE.match(raw.replace(" ", ""))
    if m is None:
        return None
    low = parse_value(m.group("a"), lang) if m.group("a") else None
    high = parse_value(m.group("b"), lang) if m.group("b") else None
    return Pred(None, None, None, "", low, high, m.group("lo") == "[", m.group("hi") == "]", True)


# --- ours ------------------------------------------------------------------------------------------


def _scale_ok(lang: str) -> frozenset[str]:
    return frozenset(load(lang, "numbers").SCALE_SUFFIXES)


def ours_numbers(text: str, lang: str) -> list[Pred]:
    """Cardinals and fractions, as Recognizers' NumberModel reports them (units glued: none)."""
    scale = _scale_ok(lang)
    pronoun = load(lang, "numbers").ONE_AS_PRONOUN_AFTER
    out = []
    for n in find_numbers(text, lang=lang):
        if n.kind == "ordinal" or (n.glued and n.glued not in scale):
            continue
        if n.weak and text[: n.start].split()[-1:] and text[: n.start].split()[-1].lower() in pronoun:
            continue  # "which one", "celui-ci"
        if n.weak and "/" in (text[n.start - 1 : n.start], text[n.end : n.end + 1]):
            continue  # "un/une", "a/an": a word named as a word, no number
        out.append(Pred(n.start, n.end, n.value, text[n.start : n.end]))
    return out


def ours_ordinals(text: str, lang: str) -> list[Pred]:
    """Ordinals, and positions named relative to another ("next", "l'avant-dernier": value None)."""
    relative = [
        Pred(o.start, o.end, None, text[o.start : o.end]) for o in find_relative_ordinals(text, lang=lang)
    ]
    numbered = [
        Pred(n.start, n.end, n.value, text[n.start : n.end])
        for n in find_numbers(text, lang=lang)
        if n.kind == "ordinal" and not any(r.start <= n.start < r.end for r in relative)  # type: ignore[operator]
    ]
    return sorted(relative + numbered, key=lambda p: p.start or 0)


def _quantities(kinds: tuple[str, ...], families: tuple[str, ...] | None = None) -> Adapter:
    """Figures of these kinds, and (as Recognizers does) their units named alone, value None."""

    def adapter(text: str, lang: str) -> list[Pred]:
        found = [*find_quantities(text, lang=lang), *find_unit_mentions(text, lang=lang)]
        return [
            Pred(q.start, q.end, q.value, text[q.start : q.end])
            for q in sorted(found, key=lambda q: q.start)
            if q.kind in kinds and (families is None or q.family in families)
        ]

    return adapter


ours_percent = _quantities(("percent",))
ours_currency = _quantities(("money",))
ours_dimension = _quantities(
    ("measure",), ("length", "area", "volume", "mass", "speed", "angle", "data", "power", "energy")
)
ours_temperature = _quantities(("measure",), ("temperature",))
ours_age = _quantities(("measure",), ("age",))


# Recognizers' French ranges leave the opening "de" out ("est de [20 à 100]"); English keeps "from".
_RANGE_OPENERS_LEFT_OUT = {"fr": re.compile(r"(?i:de|d['’])[ \u00a0]*")}


def ours_ranges(text: str, lang: str) -> list[Pred]:
    """Bounded figures from the statistics parser, as intervals."""
    exact_phrases = tuple(
        k.lower() for k, (kind, _) in load(lang, "numbers").BOUNDS.items() if kind == "exact"
    )
    out = []
    measures = {
        q.end: q.number.end for q in find_quantities(text, lang=lang) if q.kind == "measure" and q.number
    }
    for s in parse_statistics(text, lang=lang):
        b = s.bound
        if s.kind in ("multiplier", "change") or s.vague or (s.kind == "ordinal" and b.kind == "exact"):
            continue
        if s.kind == "share":  # a share is read in percent ("a half" is 50 %); the suite wants the number
            b = Bound(
                b.kind,
                None if b.low is None else b.low / 100,
                None if b.high is None else b.high / 100,
                b.inclusive,
            )
        start, end = s.span
        end = measures.get(end, end)  # a number range: "more than thirty [years old]"
        opener = _RANGE_OPENERS_LEFT_OUT.get(lang)
        if b.kind == "range" and opener and opener.match(s.surface):
            start += opener.match(s.surface).end()  # type: ignore[union-attr]
        if b.kind == "range":
            out.append(Pred(start, end, None, text[start:end], b.low, b.high, True, b.inclusive, True))
        elif b.kind == "lower":
            out.append(Pred(start, end, None, text[start:end], b.low, None, b.inclusive, None, True))
        elif b.kind == "upper":
            out.append(Pred(start, end, None, text[start:end], None, b.high, None, b.inclusive, True))
        elif b.kind == "exact" and s.surface.lower().startswith(exact_phrases):
            out.append(Pred(start, end, None, text[start:end], b.low, b.high, True, True, True))
    return out


def ours_quantulum(text: str, lang: str) -> list[Pred]:
    """Every quantity, ranges as one figure at their midpoint, as quantulum3 reports them
    (quantulum3 leaves a leading "from" out of a range's surface), and "a gallon" as one gallon."""
    ranges = [s for s in parse_statistics(text, lang=lang) if s.bound.kind == "range"]
    pronoun = load(lang, "numbers").ONE_AS_PRONOUN_AFTER
    out = []
    for r in ranges:
        start = r.span[0] + 5 if r.surface.lower().startswith("from ") else r.span[0]
        mid = (r.bound.low + r.bound.high) / 2 if None not in (r.bound.low, r.bound.high) else r.value
        out.append(Pred(start, r.span[1], mid, text[start : r.span[1]]))  # type: ignore[operator]
    found = [*find_quantities(text, lang=lang), *find_unit_mentions(text, lang=lang, article_one=True)]
    for q in found:
        if q.kind == "ordinal" or q.value is None or any(r.span[0] <= q.start < r.span[1] for r in ranges):
            continue
        before = text[: q.start].split()[-1:]
        if q.kind == "number" and q.number and q.number.weak and before and before[0].lower() in pronoun:
            continue  # "that one costs"
        out.append(Pred(q.start, q.end, q.value, text[q.start : q.end]))
    return sorted(out, key=lambda p: p.start or 0)


def ours_text2num(function: str, text: str, lang: str) -> object:
    """text2num's two functions, answered by our reader."""
    if function == "text2num":
        return value_of(text, lang=lang)
    return words_to_digits(text, lang=lang)


# --- Microsoft Recognizers-Text ---------------------------------------------------------------------


def recognizers(model: str) -> Adapter | None:
    """An adapter for one Recognizers model, or None when the package is missing."""
    try:
        import ms_recognizers_number as number
        import ms_recognizers_number_with_unit as with_unit
        from ms_recognizers_text import Culture
    except ImportError:
        return None
    functions = {
        "NumberModel": number.recognize_number,
        "OrdinalModel": number.recognize_ordinal,
        "PercentModel": number.recognize_percentage,
        "CurrencyModel": with_unit.recognize_currency,
        "DimensionModel": with_unit.recognize_dimension,
        "TemperatureModel": with_unit.recognize_temperature,
        "AgeModel": with_unit.recognize_age,
    }
    if model not in functions:
        return None
    function = functions[model]
    cultures = {"en": Culture.English, "fr": Culture.French}

    def adapter(text: str, lang: str) -> list[Pred]:
        out = []
        for r in function(text, cultures[lang]):
            resolution = r.resolution or {}
            value = parse_value(resolution.get("value"), lang)
            out.append(Pred(r.start, r.end + 1, value, r.text))
        return out

    return adapter


# --- quantulum3 -----------------------------------------------------------------------------------------


def quantulum() -> Adapter | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None

    def adapter(text: str, lang: str) -> list[Pred]:
        out = []
        for q in parser.parse(text):
            start, end = q.span
            out.append(Pred(start, end, float(q.value), q.surface))
        return out

    return adapter


def text2num_upstream(function: str, text: str, lang: str) -> object:
    """The text2num library itself (reference for the text2num cases)."""
    from text_to_num import alpha2digit, text2num

    if function == "text2num":
        return text2num(text, lang)
    return alpha2digit(text, lang)
