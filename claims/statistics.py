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

import re

from claims.digit_names import in_name
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
from claims.statistic_ranges import WINDOW, Item, exact, join_bounds, merge_ranges
from claims.statistic_ranges import new_statistic as _stat
from claims.statistic_ratios import rates, share_of


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
    skipped = phone_spans(text) if cue.digit else []  # every telephone number has digits
    if any(word in cue.lower for word in pats.period_words):
        skipped += [m.span() for m in pats.ordinal_period.finditer(text)]  # "the first half"
    quantities = find_quantities(text, lang=lang, cues=cue)
    gates = pats.gates.mask(cue)
    if not quantities and not gates and FOLD not in cue.lower:
        return []  # no figure, and neither a multiplier nor a vague word can match
    items = []
    for q in quantities:
        item = Item(q.start, q.end, q, exact(q.value), q.kind)
        verdict = _excluded(text, q, pats, skipped, cue, lang)
        item.year, item.dropped = verdict == "year", verdict is True
        items.append(item)
    items = [item for item in merge_ranges(text, items, pats, cue) if not item.dropped]
    stats: list[Statistic] = []
    for item in items:
        if item.bound.kind == "exact":
            _bound(text, item, pats, cue)
        if item.year and item.bound.kind in ("exact", "range"):
            continue
        _change(text, item, pats, cue)
        stats.append(_finish(text, item, pats))
    stats = join_bounds(text, stats, pats)
    stats = [share_of(text, s, pats, cue) if s.kind in ("number", "count") else s for s in stats]
    if len(stats) > 1:
        stats = rates(text, stats, pats)
    stats += _multipliers(text, pats, lang, quantities, cue, gates)
    if gates & GATE_VAGUE:
        stats += _vague(text, pats)
    return _dedupe(stats)


def _excluded(
    text: str, q: Quantity, pats: StatPatterns, skipped: list[tuple[int, int]], cue: Cues, lang: str
) -> bool | str:
    """Dates, times, phone numbers, parts of a year ("the first half": ``skipped`` spans), references and
    weak words are not statistics; "year" marks a lone year, which a bound ("plus de 2000") or a range
    ("1000-5000") can still make a figure."""
    num = q.number
    if num is None:
        return True
    if skipped and any(a <= q.start < b for a, b in skipped):
        return True
    if num.weak and not (q.kind == "ordinal" and _determined(text, q.start)):
        # "un accord", "sur un an": a lone "un"/"one" is an article or a period, not a figure
        return q.kind in ("number", "ordinal") or q.family in ("age", "duration")
    low = max(0, q.start - 14)
    if cue.ends(low, q.start, pats.reference_ends) and pats.reference_before.search(text, low, q.start):
        return True
    if (
        num.kind == "fraction"
        and not num.digits
        and " " not in text[q.start : q.end]  # a fraction word alone: no "a", "one", "three" before
        and pats.bare_fraction_before.search(text, max(0, q.start - 8), q.start)
        and not pats.fraction_of_after.match(text, q.end)
    ):
        return True  # "GDP shrank in the quarter", "le tiers payant": a period or a thing, not a share
    if q.kind not in ("number", "ordinal"):
        return False
    if (
        q.kind == "number"
        and num.digits
        and _bare(text, q)
        and in_name(text, q.start, q.end, num.glued, lang=lang)
    ):
        return True  # "S&P 500", "iPhone 11", "COVID-19", "5G": a name, not a figure
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


def _bare(text: str, q: Quantity) -> bool:
    """Digits alone, perhaps with letters glued after ("500", "5G"): no separator, decimal or scale word."""
    glued = q.number.glued if q.number else ""
    core = text[q.start : q.end - len(glued)] if glued else text[q.start : q.end]
    return core.isdigit()


def _determined(text: str, start: int) -> bool:
    """A determiner before a lone ordinal ("le premier producteur", "the first")."""
    before = text[max(0, start - 6) : start].lower()
    return before.endswith(("le ", "la ", "les ", "l'", "l’", "the ", "its ", "'s ", "’s "))


def _bound(text: str, item: Item, pats: StatPatterns, cue: Cues) -> None:
    """Bound words before ("plus de", "at least", "environ") or after ("or more") the figure."""
    m = _bound_before(text, item.start, pats, cue)
    value = item.q.value
    if m:
        kind, inclusive = pats.bounds[m.group("b").lower()]
        item.start = m.start()
        item.bound = _make_bound(kind, inclusive, value, pats.tolerance)
    after = pats.bound_after.match(text, item.end)
    if after:
        kind, inclusive = pats.bounds_after[after.group("b").lower()]
        item.after_end = after.end()
        item.bound = _make_bound(kind, inclusive, value, pats.tolerance)


def _bound_before(text: str, start: int, pats: StatPatterns, cue: Cues) -> re.Match | None:
    """The bound words that end right before ``start`` ("plus de ", "more than "), if any."""
    low = max(0, start - WINDOW)
    if not cue.ends(low, start, pats.bound_ends):
        return None
    m = pats.bound_before.search(text, low, start)
    if m and pats.bound_cancel.search(text, max(0, m.start() - 12), m.start()):
        return None  # "how about 2 in 5": a suggestion, not an approximation
    return m


def _make_bound(kind: str, inclusive: bool, value: float, tolerance: float) -> Bound:
    if kind == "lower":
        return Bound("lower", value, None, inclusive)
    if kind == "upper":
        return Bound("upper", None, value, inclusive)
    if kind == "approximate":
        spread = abs(value) * tolerance
        return Bound("approximate", value - spread, value + spread, True)
    return exact(value)


def _change(text: str, item: Item, pats: StatPatterns, cue: Cues) -> None:
    """ "a augmenté de 12 %", "fell 2 points", "a 40% rise": a change with a direction."""
    if item.kind == "change":
        return
    count = item.q.kind == "number" and not item.year and not _fraction(item.q)
    if item.q.kind not in ("percent", "percentage_points", "money", "measure") and not (
        count or _fraction(item.q)
    ):
        return
    low = max(0, item.start - WINDOW)
    m = None
    if cue.ends(low, item.start, pats.change_ends):
        m = pats.change_before.search(text, low, item.start)
        if m is not None and count and not m.group()[len(m.group("verb")) :].strip():
            m = None  # a bare number is a change only with its link: "fell by 20,000", not "lost 30 men"
        elif m is not None and pats.comparative_after.match(text, item.after_end or item.end):
            m = None  # "gagnent 15 % de moins que", "rose 5% more than": a gap between two things
        elif m is not None and _earned(text, item, m, pats):
            m = None
    if m is None:
        m = pats.change_after.match(text, item.end)
        if m is None or item.q.kind not in ("percent", "percentage_points"):
            _reached(text, item, pats, cue)
            return
    item.direction = "up" if m.group("verb").lower() in pats.up_words else "down"
    if item.bound.kind == "range":
        # "rose 2 to 3 percent", "a augmenté entre 3 et 5 %": the rise lies within the range; a change
        # with a range is kept for a move from one level to another ("from 7% to 9%", ``from_to``)
        return
    item.kind = "change"


def _earned(text: str, item: Item, m: re.Match, pats: StatPatterns) -> bool:
    """ "gagnent moins de 2 000 euros", "gagne 1 400 euros net": a sum earned, not a rise, unless the
    level it reached follows ("le Brent gagne 1,2 dollar à 85 dollars")."""
    return (
        item.q.kind == "money"
        and m.group("verb").lower() in pats.income_verbs
        and pats.level_after.match(text, item.after_end or item.end) is None
    )


def _reached(text: str, item: Item, pats: StatPatterns, cue: Cues) -> None:
    """ "rose to 65,000", "a reculé à 7,4 %": a level reached, with the verb's direction."""
    low = max(0, item.start - WINDOW)
    if not cue.ends(low, item.start, pats.to_ends):
        return
    m = pats.change_to.search(text, low, item.start)
    if m is None:
        return
    verb = m.group("verb").lower()
    if verb in pats.up_words:
        item.direction = "up"
    elif verb in pats.down_words:
        item.direction = "down"


def _fraction(q: Quantity) -> bool:
    """A fraction in words ("a third", "one in five", "la moitié"): a share, or a change in percent."""
    num = q.number
    return (
        q.kind == "number"
        and num is not None
        and (num.kind == "fraction" or not num.digits)
        and 0 < q.value < 1
    )


def _finish(text: str, item: Item, pats: StatPatterns) -> Statistic:
    q = item.q
    end = item.after_end or item.end
    counted = None
    kind = item.kind
    if _fraction(q):
        return _share(text, item, end, pats)
    if q.kind == "number":
        counted = _counted(text, end, pats)
        if kind == "number":
            kind = "count" if counted else "number"
    return _stat(
        text[item.start : end], (item.start, end), kind, q.value, item.bound, q.unit, counted, item.direction
    )


def _share(text: str, item: Item, end: int, pats: StatPatterns) -> Statistic:
    """ "one in five" is a share of 20 %, "dropped by a third" a fall of 33.3 %; "nearly one in five"
    sits just under 20 % (an upper bound, within the approximate tolerance)."""
    value = tidy(item.q.value * 100)  # "a third": 33.33... %
    span = (item.start, end)
    bound = exact(value)
    if item.bound.kind in ("lower", "upper"):  # "un peu moins de la moitié": under 50 %
        low, high = item.bound.low, item.bound.high
        bound = Bound(
            item.bound.kind,
            None if low is None else tidy(low * 100),
            None if high is None else tidy(high * 100),
            item.bound.inclusive,
        )
    elif item.bound.kind == "approximate":
        below = pats.share_below.search(text, item.start, item.q.start)
        spread = value * pats.tolerance
        if below is not None:
            bound = Bound("upper", tidy(value - spread), value, False)
        else:
            bound = Bound("approximate", tidy(value - spread), tidy(value + spread), True)
    if item.kind == "change":  # "fell by almost a fifth": just under 20 %, as a share would be
        return _stat(text[span[0] : end], span, "change", value, bound, "%", None, item.direction)
    counted = _counted(text, end, pats)
    return _stat(text[span[0] : end], span, "share", value, bound, "%", counted, None)


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
        if words and (low in pats.up_words or low in pats.down_words or low in pats.income_verbs):
            break  # a verb of change ends the noun: "la moitié des ménages gagnent ...", "300 jobs fell"
        words.append(word)
    return " ".join(words) or None


def _multipliers(
    text: str, pats: StatPatterns, lang: str, quantities: list[Quantity], cue: Cues, gates: int
) -> list[Statistic]:
    """ "a triplé", "doubled", "sixfold", "×6", "multipliée par six", "deux fois plus"."""
    out: list[Statistic] = []
    for m in pats.mult_words.finditer(text) if gates & GATE_MULT_WORDS else ():
        value = pats.mult_values[m.group().lower()]
        start, bound = m.start(), exact(value)
        b = _bound_before(text, start, pats, cue)
        if b is not None:  # "more than doubled", "a plus que triplé", "nearly halved"
            kind, inclusive = pats.bounds[b.group("b").lower()]
            if value < 1 and kind in ("lower", "upper"):  # "more than halved" is less than ×0.5
                kind = "upper" if kind == "lower" else "lower"
            start, bound = b.start(), _make_bound(kind, inclusive, value, pats.tolerance)
        span = (start, m.end())
        out.append(_stat(text[start : m.end()], span, "multiplier", value, bound, None, None, _way(value)))
    # "×6" and "x3" need the sign (a whole letter run for "x") and a digit; "sixfold" needs "fold"
    signs = cue.digit and gates & GATE_TIMES
    for m in pats.fold.finditer(text) if signs or FOLD in cue.lower else ():
        raw = m.group("d") or m.group("n")
        value = (
            float(raw.replace(",", ".")) if raw[0].isdigit() else float(lexicon(lang).words[raw.lower()][1])
        )
        out.append(_stat(m.group(), m.span(), "multiplier", value, exact(value), None, None, _way(value)))
    lower, firsts, usual = cue.lower, pats.mult_after_firsts, cue.words is not None
    before_words = gates & GATE_MULT_BEFORE  # "multiplié par", "×", "times" somewhere in the clause
    for q in quantities:
        if q.kind != "number":
            continue
        before = None
        low = max(0, q.start - 24)
        if before_words and cue.ends(low, q.start, pats.mult_before_ends):
            before = pats.mult_before.search(text, low, q.start)
        # a phrase after the figure opens right at its end: skip the match when no first character does
        after = None
        if not usual or lower[q.end : q.end + 1] in firsts:
            after = pats.mult_after.match(text, q.end)
        if before or after:
            start = before.start() if before else q.start
            end = after.end() if after else q.end
            value = q.value
            if before and value and before.group().strip().lower() in pats.mult_divide:
                value = tidy(1 / value)  # "divisé par trois": ×1/3
            bound = exact(value)
            out.append(
                _stat(text[start:end], (start, end), "multiplier", value, bound, None, None, _way(value))
            )
    return out


def _way(value: float | None) -> str | None:
    """A multiplier's direction: above 1 a rise, below 1 a fall ("halved", "divisé par deux")."""
    if value is None or value == 1:
        return None
    return "up" if value > 1 else "down"


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
