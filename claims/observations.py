"""Figures as complete observations: each statistic of a clause gets its period, its base, its
direction and its modality, from the clause's words, its dates and the publication date.

Rules (vocabulary in ``claims/vocabulary/<lang>/observations.py``):

- period: the date right after a figure (before the next figure) is its own; a date before the first
  figure, or the nearest date, serves figures without one. "in the year to April 2025" is the 12 months
  ending April 2025 (a window that ends after publication is moved a year back: reporting windows are
  past); "in three years" is a length of time ending at publication (starting there for a forecast),
  never the date three years on; "since 2019" runs from 2019 to publication with the base 2019;
  "between 2021 and 2024" is the span, and for a change or multiplier its base is 2021;
- base: "compared with 2019", "a 38% increase on 2022" give a base period; "up from £60 million in
  2023", "contre 7,1 %" make the second figure the base of the first (value, unit and its own period),
  and "from 3,000 in 2019 to 6,600 in 2024" the first figure the base of the second; "rose from 7% to
  41%" is the level 41 % with base 7 %; "un an plus tôt", "year on year" shift the figure's own period;
  two bases that disagree are both kept (the first as the base, every surface in ``surface``) and
  flagged with ``conflict``;
- without a publication date, a period that needs one keeps its words with ``open`` True;
- direction: a change keeps its own; a level with a base value goes up or down from it;
- modality: the nearest estimate, forecast or target word before the figure, else the clause's;
  a reported figure whose period lies wholly after publication is a forecast.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from claims.models import Base, DateRef, Period, Statistic
from claims.observation_dates import (
    LOOK,
    DateRole,
    Vocab,
    base_years,
    date_info,
    durations,
    shift,
    vocab,
    window_months,
    words_start,
)

_TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "quarter", "h", "min", "s"})


def observe(
    clause: str,
    stats: tuple[Statistic, ...] | list[Statistic],
    dates: tuple[DateRef, ...] | list[DateRef],
    *,
    lang: str,
    published: dt.date | None = None,
    modality: str = "reported",
    start: int = 0,
    end: int | None = None,
) -> tuple[Statistic, ...]:
    """The figures of ``clause`` completed with period, base, direction and modality; spans index
    ``clause`` (as do the dates'), of which ``clause[start:end]`` is read (the clause within its article).
    A figure read as the base of another is folded into it."""
    if not stats:
        return tuple(stats)
    v = vocab(lang)
    end = len(clause) if end is None else end
    stats = [_level_from_change(s) for s in stats]
    low = clause[start:end].lower()
    windows = any(k in low for k in v.window_keys)
    infos = [date_info(clause, start, d, v, lang, published, modality, windows) for d in dates]
    infos += base_years(clause, start, end, infos, v)
    if any(k in low for k in v.duration_keys):
        infos += durations(clause, start, end, infos, v, lang, published, modality)
    if windows:
        infos += window_months(clause, start, end, infos, v, lang, published)
    stats = [s for s in stats if not _inside_date(s, infos)]
    if not stats:
        return ()
    relative, said = (
        _relative(clause, start, end, stats, v) if any(k in low for k in v.relative_keys) else ({}, [])
    )
    # "un an plus tôt" is a base, not a date of its own
    infos = [i for i in infos if not any(a < i.ref.span[1] and i.ref.span[0] < b for a, b in said)]
    own = _own_dates(stats, infos)
    owner = _pairs(clause, start, stats, v)  # base figure index -> the index of the figure it is the base of
    # a reported clause has no forecast, target or estimate word: its figures need no search for one
    cues = (
        []
        if modality == "reported"
        else [(m.start(), m.end(), m.lastgroup) for m in v.modality.finditer(clause, start, end)]
    )
    ghosts = {o: j for j, o in owner.items()}  # figure index -> the index of its base figure
    out: list[Statistic] = []
    for i, stat in enumerate(stats):
        if i in owner:
            continue
        period, base_period, surfaces, conflict = _period_and_base(i, stats, own, infos)
        base_value = base_unit = None
        ghost = ghosts.get(i)
        if ghost is not None:
            g = stats[ghost]
            base_value, base_unit = g.value, g.unit or stat.unit
            surfaces.append(g.surface)
            ghost_period = _first_period(own[ghost])
            if ghost_period is None and ghost in relative:
                ghost_period = shift(period, *relative[ghost])
            if ghost_period is not None:
                conflict = conflict or _disagree(base_period, ghost_period)
                base_period = base_period or ghost_period
        if i in relative and base_period is None:
            base_period = shift(period, *relative[i])
            surfaces.append(relative[i][2])
        if stat.base is not None:  # "rose from 7% to 41%": the base value read with the figure
            base_value, base_unit = stat.base.value, stat.base.unit
        base = None
        if base_value is not None or base_period is not None:
            base = Base(base_value, base_unit, base_period, "; ".join(surfaces) or None, conflict)
        direction = stat.direction
        if (
            direction is None
            and base_value is not None
            and stat.value is not None
            and stat.kind != "multiplier"
        ):
            direction = "up" if stat.value > base_value else "down" if stat.value < base_value else None
        mod = _modality(stat, cues, modality, period, published)
        out.append(_copy(stat, period=period, base=base, direction=direction, modality=mod))
    return tuple(out)


def _copy(record, **changes):  # type: ignore[no-untyped-def]
    """``dataclasses.replace`` without re-running the frozen ``__init__`` (once per figure)."""
    out = object.__new__(type(record))
    out.__dict__.update(record.__dict__, **changes)
    return out


def _level_from_change(stat: Statistic) -> Statistic:
    """ "rose from 7% to 41%": the level reached (41 %) with the level it came from as its base."""
    b = stat.bound
    if stat.kind != "change" or b.kind != "range" or b.low is None or b.high is None or not stat.direction:
        return stat
    after, before = (b.high, b.low) if stat.direction == "up" else (b.low, b.high)
    unit = "%" if stat.unit in ("pp", "%") else stat.unit
    if unit == "%":
        kind = "percent"
    elif unit and len(unit) == 3 and unit.isupper():
        kind = "money"
    elif unit:
        kind = "measure"
    else:
        kind = "count" if stat.counted else "number"
    bound = type(b)("exact", after, after, True)
    base = Base(before, unit, None, None, False)
    return _copy(stat, kind=kind, value=after, unit=unit, bound=bound, base=base)


def _inside_date(stat: Statistic, infos: list[DateRole]) -> bool:
    """A length of time inside a period phrase ("the three months to September") is no figure, nor
    a number, rank or fraction of a date ("the first quarter of 2025", "des douze derniers mois")."""
    a, b = stat.span
    if stat.kind in ("ordinal", "share", "number", "count") and stat.unit in (None, "%"):
        return any(words_start(i) <= a and b <= i.ref.span[1] for i in infos)
    if stat.kind != "measure" or stat.unit not in _TIME_UNITS:
        return False
    return any((words_start(i) <= a and b <= i.ref.span[1]) for i in infos)


def _own_dates(stats: list[Statistic], infos: list[DateRole]) -> list[list[DateRole]]:
    """Each figure's dates: those after it and before the next figure; the dates before the first
    figure and, failing those, the nearest date serve the figures left without one."""
    own: list[list[DateRole]] = [[] for _ in stats]
    leading: list[DateRole] = []
    ends = [s.span[1] for s in stats]  # in order: figures do not overlap
    for info in infos:
        index = bisect_right(ends, info.ref.span[0]) - 1  # the last figure ending before the date
        if index < 0:
            leading.append(info)
        else:
            own[index].append(info)
    frame = [d for d in leading if d.role != "base"]
    later: list[DateRole] = []  # "sales rose 5% and profits 3% in 2024": the date of a later figure
    for i in range(len(stats) - 1, -1, -1):
        mine = own[i]
        if not any(d.role in ("period", "window", "duration", "since") for d in mine):
            own[i] = mine + (frame or later[:1])
        nxt = [d for d in mine if d.role != "base"]
        later = nxt or later
    return own


def _pairs(clause: str, lo: int, stats: list[Statistic], v: Vocab) -> dict[int, int]:
    """Figures that are the base of another: "up from £60 million" (the one before) and "from 3,000 in
    2019 to 6,600" (the one after)."""
    owner: dict[int, int] = {}
    for i, stat in enumerate(stats):
        low = max(lo, stat.span[0] - LOOK)
        before = i and i - 1 not in owner and _comparable(stats[i - 1], stat)
        if before and (
            v.base_value.search(clause, low, stat.span[0])
            or (  # "rose to 65,000 in April from 61,000 in March"
                v.from_value.search(clause, low, stat.span[0])
                and v.to_value.search(clause, max(lo, stats[i - 1].span[0] - LOOK), stats[i - 1].span[0])
            )
        ):
            owner[i] = i - 1
            continue
        if (
            i + 1 < len(stats)
            and v.from_value.search(clause, low, stat.span[0])
            and v.to_value.search(
                clause, max(stat.span[1], stats[i + 1].span[0] - LOOK), stats[i + 1].span[0]
            )
            and _comparable(stats[i + 1], stat)
        ):
            owner[i] = i + 1
    return owner


def _comparable(a: Statistic, b: Statistic) -> bool:
    """Two figures one of which can be the other's base: same unit, both levels (or both changes)."""
    if (b.unit is not None and a.unit != b.unit) or b.kind in ("multiplier", "ordinal") or b.vague:
        return False  # "8 milliards d'euros, contre 5 milliards": a base may leave its unit out
    levels = ("count", "number", "percent", "money", "measure", "share")
    return (a.kind in levels and b.kind in levels) or a.kind == b.kind


def _relative(
    clause: str, lo: int, hi: int, stats: list[Statistic], v: Vocab
) -> tuple[dict[int, tuple[str, int, str]], list[tuple[int, int]]]:
    """ "un an plus tôt", "year on year": (unit, count, words) for the figure they follow, and where
    they are said."""
    out: dict[int, tuple[str, int, str]] = {}
    said: list[tuple[int, int]] = []
    for pattern, unit, count in v.relative:
        for m in pattern.finditer(clause, lo, hi):
            index = max(0, bisect_right([s.span[1] for s in stats], m.start()) - 1)
            out.setdefault(index, (unit, count, m.group()))
            said.append(m.span())
    return out, said


def _period_and_base(
    i: int, stats: list[Statistic], own: list[list[DateRole]], infos: list[DateRole]
) -> tuple[Period | None, Period | None, list[str], bool]:
    stat = stats[i]
    period = base_period = None
    surfaces: list[str] = []
    conflict = False
    changing = stat.kind in ("change", "multiplier")
    # "baissé de 4 % en un an, une première depuis 2015": a "since" after the figure's own period is
    # about something else
    first = min((d.ref.span[0] for d in own[i] if d.role in ("period", "window", "duration")), default=None)
    for info in own[i]:
        if info.role in ("period", "window", "duration") and period is None:
            period = info.period
            if changing and info.base_period is not None:
                base_period = info.base_period
                surfaces.append(info.ref.surface)
        elif info.role == "since":
            if first is not None and first < info.ref.span[0]:
                continue
            if period is None:
                period = _copy(info.period, granularity="span")
            conflict = conflict or _disagree(base_period, info.base_period)
            base_period = base_period or info.base_period
            surfaces.append(info.ref.surface)
        elif info.role == "base":
            conflict = conflict or _disagree(base_period, info.period)
            base_period = base_period or info.period
            surfaces.append(info.ref.surface)
    return period, base_period, surfaces, conflict


def _first_period(dates: list[DateRole]) -> Period | None:
    return next((d.period for d in dates if d.role in ("period", "window", "duration")), None)


def _disagree(a: Period | None, b: Period | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) != (b.start, b.end)


def _modality(
    stat: Statistic,
    cues: list[tuple[int, int, str | None]],
    clause: str,
    period: Period | None,
    published: dt.date | None,
) -> str:
    """The nearest modality word before the figure, else the clause's; a future period is a forecast."""
    found = None
    for start, end, family in cues:
        if end <= stat.span[0] or start <= stat.span[0] < end:
            found = family
    mod = found or clause
    if period is None or published is None:
        return mod
    if mod == "reported" and period.start and dt.date.fromisoformat(period.start) > published:
        return "forecast"
    if not found and mod == "forecast" and period.end and dt.date.fromisoformat(period.end) < published:
        return "reported"  # "halved again by 2023" in a 2025 article: done, not forecast
    return mod
