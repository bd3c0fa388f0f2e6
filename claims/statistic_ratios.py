"""Figures read against a whole: a share said as a ratio ("un Français sur cinq", "one voter in five")
and a rate per a round number ("3.4 per 100,000 people")."""

from __future__ import annotations

from claims.models import Bound, Statistic
from claims.number_cues import Cues
from claims.numbers import tidy
from claims.statistic_patterns import StatPatterns
from claims.statistic_ranges import exact, new_statistic


def share_of(text: str, stat: Statistic, pats: StatPatterns, cue: Cues) -> Statistic:
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
    value = tidy(top / stat.value * 100)
    span = (m.start(), stat.span[1])
    bound = exact(value)
    if pats.share_below.search(text, max(0, m.start() - 24), m.start()):  # "près d'un Français sur cinq"
        bound = Bound("upper", tidy(value * (1 - pats.tolerance)), value, False)
    return new_statistic(text[span[0] : span[1]], span, "share", value, bound, "%", m.group("noun"), None)


RATE_BASES = frozenset({10.0, 100.0, 1_000.0, 10_000.0, 100_000.0, 1_000_000.0})


def rates(text: str, stats: list[Statistic], pats: StatPatterns) -> list[Statistic]:
    """ "3.4 per 100,000 people", "3 deaths per 1,000 births": one rate, in "per 100,000", whose base
    is no count of its own."""
    out: list[Statistic] = []
    i = 0
    while i < len(stats):
        a = stats[i]
        b = stats[i + 1] if i + 1 < len(stats) else None
        plain = a.kind in ("number", "count") and a.unit is None and a.value is not None and not a.vague
        m = None
        if (
            plain
            and b is not None
            and b.kind in ("number", "count")
            and b.unit is None
            and b.value in RATE_BASES
            and b.bound.kind == "exact"
            and a.span[1] <= b.span[0]
        ):
            m = pats.per_between.match(text[a.span[1] : b.span[0]])
        if m is None:
            out.append(a)
            i += 1
            continue
        what = m.group("what").strip() or None  # "deaths" in "3 deaths per 1,000"
        span = (a.span[0], b.span[1])
        # "10 pour 100" is 10 %; other bases stay in the unit, as written, to be compared as written
        kind, unit = ("percent", "%") if b.value == 100 else (a.kind, f"per {b.value:,.0f}")
        out.append(
            new_statistic(text[span[0] : span[1]], span, kind, a.value, a.bound, unit, what, a.direction)
        )
        i += 2
    return out
