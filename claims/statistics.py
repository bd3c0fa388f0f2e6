"""Statistics in a clause: counts, percentages, money, measures, bounds, ranges, changes,
multipliers, vague quantities and ordinals, French and English.

Intervals, documented in the vocabulary tables:

- approximate bounds ("environ", "près de", "about", "nearly", "quelque") cover value ± 10 %
  (``APPROX_TOLERANCE``);
- vague quantities have ``value`` None, ``vague`` True and the table's interval: "des dizaines"
  20-99, "dozens" 24-99, "des centaines"/"hundreds" 200-999, "des milliers"/"thousands"
  2,000-9,999, "des millions"/"millions" 2e6-1e9, "quelques"/"a few" 2-9, "plusieurs"/"several"
  3-9, "a handful"/"une poignée" 3-9;
- ranges ("entre 3 et 5", "3-5", "from 3 to 5") have ``value`` at the midpoint.

Years standing alone ("2023"), day numbers in dates ("le 15 décembre"), times ("14h30"),
telephone numbers and reference numbers ("article 12") are not statistics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from claims.models import Bound, Statistic, build
from claims.number_cues import Cues, clause_cues
from claims.number_lexicon import lexicon
from claims.numbers import tidy
from claims.quantities import Quantity, find_quantities
from claims.statistic_patterns import (
    FOLD,
    GATE_MULT_BEFORE,
    GATE_MULT_WORDS,
    GATE_TIMES,
    GATE_VAGUE,
    StatPatterns,
    phone_spans,
    stat_patterns,
)

_WINDOW = 48  # characters looked at before a number for bound or change words


# Records are made for every figure: ``build`` fills them at once, without the frozen __init__.
def _exact(value: float | None) -> Bound:
    return build(Bound, kind="exact", low=value, high=value, inclusive=True)


def _requantify(q: Quantity, **changes: object) -> Quantity:
    """``dataclasses.replace`` for a Quantity, several times faster."""
    return build(Quantity, **{**q.__dict__, **changes})


def _stat(
    surface: str,
    span: tuple[int, int],
    kind: str,
    value: float | None,
    bound: Bound,
    unit: str | None,
    counted: str | None,
    direction: str | None,
    vague: bool = False,
) -> Statistic:
    return build(
        Statistic,
        surface=surface,
        span=span,
        kind=kind,
        value=value,
        bound=bound,
        unit=unit,
        counted=counted,
        direction=direction,
        vague=vague,
    )


@dataclass(slots=True)
class _Item:
    """A statistic under construction: ``start``/``end`` grow as context words join."""

    start: int
    end: int
    q: Quantity
    bound: Bound
    kind: str
    direction: str | None = None
    after_end: int | None = None
    year: bool = False  # a lone year: dropped unless a bound or a range makes it a figure
    dropped: bool = False  # a date, time, phone or reference number


def parse_statistics(text: str, *, lang: str = "en") -> list[Statistic]:
    """Return the figures in ``text`` with surface and span (never raises).

    >>> [s.describe() for s in parse_statistics("plus de 250 fabricants d'armes", lang="fr")]
    ["more than 250 fabricants d'armes"]
    """
    if not text:
        return []
    try:
        return _parse(text, lang)
    except Exception:  # the contract is "never raises": one unreadable figure must not stop an article
        return []


def _parse(text: str, lang: str) -> list[Statistic]:
    pats = stat_patterns(lang)
    cue = clause_cues(text)
    phones = phone_spans(text) if cue.digit else []  # every telephone number has digits
    quantities = find_quantities(text, lang=lang, cues=cue)
    gates = pats.gates.mask(cue)
    if not quantities and not gates and FOLD not in cue.lower:
        return []  # no figure, and neither a multiplier nor a vague word can match
    items = []
    for q in quantities:
        item = _Item(q.start, q.end, q, _exact(q.value), q.kind)
        verdict = _excluded(text, q, pats, phones, cue)
        item.year, item.dropped = verdict == "year", verdict is True
        items.append(item)
    items = [item for item in _ranges(text, items, pats, cue) if not item.dropped]
    stats: list[Statistic] = []
    for item in items:
        if item.bound.kind == "exact":
            _bound(text, item, pats, cue)
        if item.year and item.bound.kind in ("exact", "range"):
            continue
        _change(text, item, pats, cue)
        stats.append(_finish(text, item, pats))
    stats = _join_bounds(text, stats, pats)
    stats = [_ratio(text, s, pats, cue) if s.kind in ("number", "count") else s for s in stats]
    stats += _multipliers(text, pats, lang, quantities, cue, gates)
    if gates & GATE_VAGUE:
        stats += _vague(text, pats)
    return _dedupe(stats)


def _excluded(
    text: str, q: Quantity, pats: StatPatterns, phones: list[tuple[int, int]], cue: Cues
) -> bool | str:
    """Dates, times, phone numbers, references and weak words are not statistics; "year" marks
    a lone year, which a bound ("plus de 2000") or a range ("1000-5000") can still make a figure."""
    num = q.number
    if num is None:
        return True
    if phones and any(a <= q.start < b for a, b in phones):
        return True
    if num.weak and not (q.kind == "ordinal" and _determined(text, q.start)):
        # "un accord", "sur un an": a lone "un"/"one" is an article or a period, not a figure
        return q.kind in ("number", "ordinal") or q.family in ("age", "duration")
    low = max(0, q.start - 14)
    if cue.ends(low, q.start, pats.reference_ends) and pats.reference_before.search(text, low, q.start):
        return True
    if q.kind not in ("number", "ordinal"):
        return False
    whole = num.digits and float(q.value).is_integer()
    if (
        whole
        and 1 <= q.value <= 31
        and (
            pats.month_after.match(text, q.end)
            or (
                cue.ends(max(0, q.start - 12), q.start, pats.month_ends)
                and pats.month_before.search(text, max(0, q.start - 12), q.start)
            )
        )
    ):
        return True
    if whole and q.kind == "number" and pats.time_around.match(text, q.end):
        return True
    if q.start and text[q.start - 1] in ":h" and q.start >= 2 and text[q.start - 2].isdigit():
        return True
    if q.kind == "number" and q.start and text[q.start - 1] in "([" and text[q.end : q.end + 1] in (")", "]"):
        return True  # "[3]", "Comment (0)": a note marker or a counter, not a figure
    surface = text[q.start : q.end]
    if whole and surface.isdigit() and len(surface) == 4 and 1000 <= q.value <= 2100:
        return "year"
    return False


def _determined(text: str, start: int) -> bool:
    """A determiner before a lone ordinal ("le premier producteur", "the first")."""
    before = text[max(0, start - 6) : start].lower()
    return before.endswith(("le ", "la ", "les ", "l'", "l’", "the ", "its ", "'s ", "’s "))


def _ranges(text: str, items: list[_Item], pats: StatPatterns, cue: Cues) -> list[_Item]:
    """Merge "entre 3 et 5", "de 3 à 5", "between 3 and 5", "3-5", "from 3 to 5" into one range."""
    if len(items) < 2:
        return items  # a range needs two figures
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        near = b is not None and b.start - a.end <= 16  # most figures of a clause are far apart
        ranks = near and a.q.kind == b.q.kind == "ordinal"  # "between the tenth and the fifteenth"
        if (
            near
            and (ranks or "ordinal" not in (a.q.kind, b.q.kind))
            and cue.ends(a.end, b.start, pats.gap_ends)  # a closer or a reversed link ends the gap
        ):
            link = pats.range_between.match(text[a.end : b.start])
            low = max(0, a.start - 12)
            opener = None
            if cue.ends(low, a.start, pats.opener_ends):
                opener = pats.range_opener.search(text, low, a.start)
            word = link.group("word").lower() if link and link.group("word") else None
            ok = link is not None and (
                link.group("dash")
                or (opener and word in pats.closers.get(opener.group("o").lower(), ()))
                or word in pats.bare_closers
            )
            back = None
            if not ok and pats.reversed_link.match(text[a.end : b.start]):
                back = pats.change_to.search(text, max(0, a.start - 32), a.start)
            if back is not None and _compatible(a.q, b.q) and not (a.dropped or b.dropped):
                merged = _Item(a.start, b.end, a.q, _exact(a.q.value), a.q.kind)
                _from_to(merged, b.q.value, a.q.value, a.q if a.q.unit else b.q)  # "fell to 3.7% from 4.1%"
                out.append(merged)
                i += 2
                continue
            verb = None
            if ok and opener and opener.group("o").lower() in pats.from_words:
                verb = pats.change_verb.search(text, max(0, opener.start() - 32), opener.start())
            # below zero, ranges are often written by magnitude: "from -18 °C to -34 °C"
            by_magnitude = a.q.value < 0 and b.q.value < 0
            ordered = a.q.value <= b.q.value or verb is not None or by_magnitude
            if ok and ordered and _compatible(a.q, b.q) and not (a.dropped or b.dropped):
                low, high = a.q.value, b.q.value
                if by_magnitude and verb is None:
                    low, high = min(low, high), max(low, high)
                unit_q = b.q if b.q.unit else a.q
                paired = opener and word in pats.closers.get(opener.group("o").lower(), ())
                start = opener.start() if paired else a.start
                merged = _Item(start, b.end, unit_q, Bound("range", low, high), unit_q.kind)
                merged.q = _requantify(unit_q, value=(low + high) / 2)
                merged.year = a.year and b.year  # "2019-2020" is a period, not a figure
                if verb is not None:  # "est passé de 7 % à 9 %": a change of +2 points
                    _from_to(merged, a.q.value, b.q.value, unit_q)
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _ratio(text: str, stat: Statistic, pats: StatPatterns, cue: Cues) -> Statistic:
    """ "un Français sur cinq", "one voter in five": a ratio, counted the noun."""
    if stat.kind not in ("number", "count") or not stat.value or stat.bound.kind != "exact":
        return stat
    low = max(0, stat.span[0] - 48)
    if not cue.ends(low, stat.span[0], pats.ratio_ends):
        return stat
    m = pats.ratio_before.search(text, low, stat.span[0])
    if m is None:
        return stat
    raw = m.group("num").lower()
    top = float(raw) if raw.isdigit() else pats.ratio_numerators.get(raw)
    if not top or top >= stat.value:
        return stat
    value = tidy(top / stat.value)
    span = (m.start(), stat.span[1])
    return _stat(text[span[0] : span[1]], span, "ratio", value, _exact(value), None, m.group("noun"), None)


def _join_bounds(text: str, stats: list[Statistic], pats: StatPatterns) -> list[Statistic]:
    """ "supérieur à 20 et inférieur à 35", "more than 10 and less than 20": one range."""
    if len(stats) < 2:
        return stats  # a joint needs two bounds
    out: list[Statistic] = []
    for stat in stats:
        prev = out[-1] if out else None
        pair = prev is not None and {prev.bound.kind, stat.bound.kind} == {"lower", "upper"}
        if pair and pats.bound_joint.match(text[prev.span[1] : stat.span[0]]):
            low = prev.bound.low if prev.bound.kind == "lower" else stat.bound.low
            high = prev.bound.high if prev.bound.kind == "upper" else stat.bound.high
            if low is not None and high is not None and low <= high:
                span = (prev.span[0], stat.span[1])
                bound = Bound("range", low, high, prev.bound.inclusive and stat.bound.inclusive)
                counted = stat.counted or prev.counted
                surface = text[span[0] : span[1]]
                out[-1] = replace(
                    prev, surface=surface, span=span, bound=bound, value=(low + high) / 2, counted=counted
                )
                continue
        out.append(stat)
    return out


def _from_to(item: _Item, before: float, after: float, unit_q: Quantity) -> None:
    """A move from one figure to another: the change is the difference, the bound the two ends."""
    item.kind = "change"
    item.direction = "up" if after > before else "down" if after < before else None
    item.bound = Bound("range", min(before, after), max(before, after))
    delta = tidy(after - before)
    if unit_q.kind == "percent":
        item.q = _requantify(unit_q, value=delta, kind="percentage_points", unit="pp")
    else:
        item.q = _requantify(unit_q, value=delta)


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Two figures that can bound one range: same kind, and no two different units ("44 ml to 50 mg")."""
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return a.kind == "number" or b.kind == "number" or a.kind == b.kind


def _bound(text: str, item: _Item, pats: StatPatterns, cue: Cues) -> None:
    """Bound words before ("plus de", "at least", "environ") or after ("or more") the figure."""
    m = None
    low = max(0, item.start - _WINDOW)
    if cue.ends(low, item.start, pats.bound_ends):
        m = pats.bound_before.search(text, low, item.start)
    value = item.q.value
    if m and pats.bound_cancel.search(text, max(0, m.start() - 12), m.start()):
        m = None  # "how about 2 in 5": a suggestion, not an approximation
    if m:
        kind, inclusive = pats.bounds[m.group("b").lower()]
        item.start = m.start()
        item.bound = _make_bound(kind, inclusive, value, pats.tolerance)
    after = pats.bound_after.match(text, item.end)
    if after:
        kind, inclusive = pats.bounds_after[after.group("b").lower()]
        item.after_end = after.end()
        item.bound = _make_bound(kind, inclusive, value, pats.tolerance)


def _make_bound(kind: str, inclusive: bool, value: float, tolerance: float) -> Bound:
    if kind == "lower":
        return Bound("lower", value, None, inclusive)
    if kind == "upper":
        return Bound("upper", None, value, inclusive)
    if kind == "approximate":
        spread = abs(value) * tolerance
        return Bound("approximate", value - spread, value + spread, True)
    return _exact(value)


def _change(text: str, item: _Item, pats: StatPatterns, cue: Cues) -> None:
    """ "a augmenté de 12 %", "fell 2 points", "a 40% rise": a change with a direction."""
    if item.kind == "change" or item.q.kind not in ("percent", "percentage_points", "money", "measure"):
        return
    low = max(0, item.start - _WINDOW)
    m = None
    if cue.ends(low, item.start, pats.change_ends):
        m = pats.change_before.search(text, low, item.start)
    if m is None:
        m = pats.change_after.match(text, item.end)
        if m is None or item.q.kind not in ("percent", "percentage_points"):
            return
    item.direction = "up" if m.group("verb").lower() in pats.up_words else "down"
    item.kind = "change"


def _finish(text: str, item: _Item, pats: StatPatterns) -> Statistic:
    q = item.q
    end = item.after_end or item.end
    counted = None
    kind = item.kind
    if q.kind == "number":
        counted = _counted(text, end, pats)
        if kind == "number":
            kind = "count" if counted else "number"
    return _stat(
        text[item.start : end], (item.start, end), kind, q.value, item.bound, q.unit, counted, item.direction
    )


def _counted(text: str, end: int, pats: StatPatterns) -> str | None:
    """The few words naming what a bare number counts ("250 fabricants d'armes occidentaux")."""
    m = pats.counted.match(text, end)
    if m is None:
        return None
    words: list[str] = []
    for word in m.group("np").split()[:3]:
        low = word.lower()
        if low in pats.counted_stop or (words and low.endswith(pats.counted_stop_suffixes or ("\0",))):
            break
        words.append(word)
    return " ".join(words) or None


def _multipliers(
    text: str, pats: StatPatterns, lang: str, quantities: list[Quantity], cue: Cues, gates: int
) -> list[Statistic]:
    """ "a triplé", "doubled", "sixfold", "×6", "multipliée par six", "deux fois plus"."""
    out: list[Statistic] = []
    for m in pats.mult_words.finditer(text) if gates & GATE_MULT_WORDS else ():
        value = pats.mult_values[m.group().lower()]
        out.append(_stat(m.group(), m.span(), "multiplier", value, _exact(value), None, None, None))
    # "×6" and "x3" need the sign (a whole letter run for "x") and a digit; "sixfold" needs "fold"
    signs = cue.digit and gates & GATE_TIMES
    for m in pats.fold.finditer(text) if signs or FOLD in cue.lower else ():
        raw = m.group("d") or m.group("n")
        value = (
            float(raw.replace(",", ".")) if raw[0].isdigit() else float(lexicon(lang).words[raw.lower()][1])
        )
        out.append(_stat(m.group(), m.span(), "multiplier", value, _exact(value), None, None, None))
    lower, firsts, usual = cue.lower, pats.mult_after_firsts, cue.words is not None
    before_words = gates & GATE_MULT_BEFORE  # "multiplié par", "×", "times" somewhere in the clause
    for q in quantities:
        if q.kind != "number":
            continue
        before = None
        low = max(0, q.start - 16)
        if before_words and cue.ends(low, q.start, pats.mult_before_ends):
            before = pats.mult_before.search(text, low, q.start)
        # a phrase after the figure opens right at its end: skip the match when no first character does
        after = None
        if not usual or lower[q.end : q.end + 1] in firsts:
            after = pats.mult_after.match(text, q.end)
        if before or after:
            start = before.start() if before else q.start
            end = after.end() if after else q.end
            bound = _exact(q.value)
            out.append(_stat(text[start:end], (start, end), "multiplier", q.value, bound, None, None, None))
    return out


def _vague(text: str, pats: StatPatterns) -> list[Statistic]:
    """ "des dizaines de", "thousands of", "quelques", "several": an interval, no exact value."""
    out = []
    for m in pats.vague.finditer(text):
        phrase = m.group("v").lower()
        if phrase in pats.vague_needs_of and not m.group("of"):
            continue
        low, high = pats.vague_values[phrase]
        counted = _counted(text, m.end(), pats) if m.group("of") else _counted(text, m.end("v"), pats)
        span = (m.start(), m.end("v"))
        bound = build(Bound, kind="approximate", low=low, high=high, inclusive=True)
        out.append(_stat(m.group("v"), span, "count", None, bound, None, counted, None, True))
    return out


def _dedupe(stats: list[Statistic]) -> list[Statistic]:
    """Keep the first of overlapping figures, preferring the longer at the same start."""
    if len(stats) < 2:
        return stats
    start, end = stats[0].span
    for stat in stats[1:]:
        if stat.span[0] <= start or stat.span[0] < end:
            break
        start, end = stat.span
    else:
        return stats  # already in order and apart (the common case): sorting would change nothing
    ordered = sorted(stats, key=lambda s: (s.span[0], -(s.span[1] - s.span[0]), s.kind != "multiplier"))
    out: list[Statistic] = []
    for stat in ordered:
        if out and stat.span[0] < out[-1].span[1]:
            if stat.kind == "multiplier" and out[-1].kind != "multiplier" and stat.span[1] >= out[-1].span[1]:
                out[-1] = stat
            continue
        out.append(stat)
    return out
