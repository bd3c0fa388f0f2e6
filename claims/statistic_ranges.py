"""Ranges in a clause: two figures joined ("entre 3 et 5", "3-5", "from 3 to 5", "more than 10 and less
than 20"), a move from one figure to another ("fell to 3.7% from 4.1%"), and the record of a figure under
construction that ``claims.statistics`` and these steps share."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.models import Bound, Statistic, build
from claims.number_cues import Cues
from claims.numbers import tidy
from claims.quantities import Quantity
from claims.statistic_patterns import StatPatterns

WINDOW = 48  # characters looked at before a number for bound or change words


# Records are made for every figure: ``build`` fills them at once, without the frozen __init__.
def exact(value: float | None) -> Bound:
    return build(Bound, kind="exact", low=value, high=value, inclusive=True)


def new_statistic(
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
    """A figure as read, before its clause gives it a period, a base and a modality."""
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
        period=None,
        base=None,
        modality=None,
    )


def requantify(q: Quantity, **changes: object) -> Quantity:
    """``dataclasses.replace`` for a Quantity, several times faster."""
    return build(Quantity, **{**q.__dict__, **changes})


@dataclass(slots=True)
class Item:
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


def merge_ranges(text: str, items: list[Item], pats: StatPatterns, cue: Cues) -> list[Item]:
    """Merge "entre 3 et 5", "de 3 à 5", "between 3 and 5", "3-5", "from 3 to 5" into one range."""
    if len(items) < 2:
        return items  # a range needs two figures
    out: list[Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        near = b is not None and b.start - a.end <= 16  # most figures of a clause are far apart
        ranks = near and a.q.kind == b.q.kind == "ordinal"  # "between the tenth and the fifteenth"
        if near and a.year and not b.year and pats.year_before.search(text, max(0, a.start - 10), a.start):
            near = False  # "from 3,000 in 2019 to 6,600": the year is a date, not the low end
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
            if back is not None and compatible(a.q, b.q) and not (a.dropped or b.dropped):
                merged = Item(a.start, b.end, a.q, exact(a.q.value), a.q.kind)
                from_to(merged, b.q.value, a.q.value, a.q if a.q.unit else b.q)  # "fell to 3.7% from 4.1%"
                out.append(merged)
                i += 2
                continue
            verb = None
            if ok and opener and opener.group("o").lower() in pats.from_words:
                verb = pats.change_verb.search(text, max(0, opener.start() - 32), opener.start())
            if ok and not link.group("dash") and _by_then_to(text, a, b, opener, verb, pats, cue):
                out.append(a)  # two figures: the change, then the level it reached
                i += 1
                continue
            # below zero, ranges are often written by magnitude: "from -18 °C to -34 °C"
            by_magnitude = a.q.value < 0 and b.q.value < 0
            ordered = a.q.value <= b.q.value or verb is not None or by_magnitude
            if ok and ordered and compatible(a.q, b.q) and not (a.dropped or b.dropped):
                low, high = a.q.value, b.q.value
                if by_magnitude and verb is None:
                    low, high = min(low, high), max(low, high)
                unit_q = b.q if b.q.unit else a.q
                paired = opener and word in pats.closers.get(opener.group("o").lower(), ())
                start = opener.start() if paired else a.start
                merged = Item(start, b.end, unit_q, Bound("range", low, high), unit_q.kind)
                merged.q = requantify(unit_q, value=(low + high) / 2)
                merged.year = a.year and b.year  # "2019-2020" is a period, not a figure
                if verb is not None:  # "est passé de 7 % à 9 %": a change of +2 points
                    from_to(merged, a.q.value, b.q.value, unit_q)
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _by_then_to(
    text: str, a: Item, b: Item, opener: re.Match | None, verb: re.Match | None, pats: StatPatterns, cue: Cues
) -> bool:
    """ "fell 120 points to 7,300", "gagne 1,2 dollar à 85 dollars", "recule de 2 dollars à 80 dollars":
    after a verb of rise or fall, the first figure is the change and the second the level it reached.

    Without an opener, the first figure must carry its own unit ("rose 2 to 3 percent" is a range of
    the rise). After "de", which says "from" and "by" alike, "est passé de 7 % à 9 %" stays a move from
    one level to the other; only a move against the verb's own direction (a fall from 2 to 80) is read
    as "by ... to ...". "from" says only "from": "reduced from 44 mg to 50 mg" stays a range."""
    if verb is not None:
        if opener is None or opener.group("o").lower() not in pats.change_links:
            return False
        said = verb.group("verb").lower()
        if said in pats.down_words:
            return b.q.value > a.q.value
        return said in pats.up_words and b.q.value < a.q.value
    if opener is not None or not a.q.unit:
        return False
    low = max(0, a.start - WINDOW)
    return cue.ends(low, a.start, pats.change_ends) and bool(pats.change_before.search(text, low, a.start))


def join_bounds(text: str, stats: list[Statistic], pats: StatPatterns) -> list[Statistic]:
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


def from_to(item: Item, before: float, after: float, unit_q: Quantity) -> None:
    """A move from one figure to another: the change is the difference, the bound the two ends."""
    item.kind = "change"
    item.direction = "up" if after > before else "down" if after < before else None
    item.bound = Bound("range", min(before, after), max(before, after))
    delta = tidy(after - before)
    if unit_q.kind == "percent":
        item.q = requantify(unit_q, value=delta, kind="percentage_points", unit="pp")
    else:
        item.q = requantify(unit_q, value=delta)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Two figures that can bound one range: same kind, and no two different units ("44 ml to 50 mg")."""
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return a.kind == "number" or b.kind == "number" or a.kind == b.kind
