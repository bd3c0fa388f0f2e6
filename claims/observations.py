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
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from claims.dates_calendar import add_units
from claims.dates_lexicon import fold
from claims.dates_lexicon import lexicon as date_lexicon
from claims.models import Base, DateRef, Period, Statistic
from claims.numbers import value_of
from claims.vocabulary import load

_LOOK = 40  # characters looked at before a figure or a date for the words that qualify it
_TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "quarter", "h", "min", "s"})
_ONE = frozenset({"a", "an", "one", "un", "une"})  # "in a decade", "en un an"
_DURATION_UNITS = {"y": "year", "a": "year", "m": "month", "d": "decade", "w": "week", "s": "week"}


@dataclass(frozen=True)
class _Vocab:
    base_date: re.Pattern[str]
    base_coarse: re.Pattern[str]
    base_openers: tuple[str, ...]
    base_value: re.Pattern[str]
    from_value: re.Pattern[str]
    to_value: re.Pattern[str]
    relative: tuple[tuple[re.Pattern[str], str, int], ...]
    windows: tuple[tuple[re.Pattern[str], int], ...]
    window_months: tuple[tuple[re.Pattern[str], int], ...]
    # words one of which a window, a relative base or a duration needs: most clauses have none
    window_keys: tuple[str, ...]
    relative_keys: tuple[str, ...]
    duration_keys: tuple[str, ...]
    duration: re.Pattern[str]
    modality: re.Pattern[str]
    families: tuple[str, ...]


def _ending(patterns: object) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` as whole words that end where the search ends."""
    return re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})[\s,]*\Z", re.IGNORECASE)


@cache
def _vocab(lang: str) -> _Vocab:
    t = load(lang, "observations")
    families = tuple(t.FIGURE_MODALITY)
    cues = "|".join(f"(?P<{f}>{'|'.join(ps)})" for f, ps in t.FIGURE_MODALITY.items())
    return _Vocab(
        base_date=_ending(t.BASE_DATE_BEFORE),
        base_coarse=_ending(t.BASE_COARSE_BEFORE),
        base_openers=tuple(t.BASE_DATE_OPENERS),
        base_value=_ending(t.BASE_VALUE_BEFORE),
        from_value=_ending(t.FROM_VALUE_BEFORE),
        to_value=_ending(t.TO_VALUE_BEFORE),
        relative=tuple(
            (re.compile(rf"(?<![\w])(?:{p})(?![\w])", re.IGNORECASE), unit, n)
            for p, unit, n in t.BASE_RELATIVE
        ),
        windows=tuple((re.compile(rf"(?<![\w])(?:{p})\s*\Z", re.IGNORECASE), n) for p, n in t.WINDOW_BEFORE),
        window_keys=tuple(t.WINDOW_KEYS),
        relative_keys=tuple(t.RELATIVE_KEYS),
        duration_keys=tuple(t.DURATION_KEYS),
        window_months=tuple(
            (re.compile(rf"(?<![\w])(?:{p})\s+(?P<m>[^\W\d_]+\.?)(?:\s+(?P<y>\d{{4}}))?", re.IGNORECASE), n)
            for p, n in t.WINDOW_BEFORE
        ),
        duration=re.compile(rf"(?<![\w])(?:{t.DURATION})(?![\w])", re.IGNORECASE),
        modality=re.compile(rf"(?<![\w])(?:{cues})(?![\w])", re.IGNORECASE),
        families=families,
    )


@dataclass
class _Date:
    """A date of the clause with the role its words give it."""

    ref: DateRef
    role: str  # period, since, base, window, duration
    period: Period
    base_period: Period | None = None  # "since 2019", "between 2021 and 2024": where a change starts
    words_start: int | None = None  # where the words that give the role start ("in the year to")


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
    v = _vocab(lang)
    end = len(clause) if end is None else end
    stats = [_level_from_change(s) for s in stats]
    low = clause[start:end].lower()
    windows = any(k in low for k in v.window_keys)
    infos = [_date_info(clause, start, d, v, lang, published, modality, windows) for d in dates]
    infos += _base_years(clause, start, end, infos, v)
    if any(k in low for k in v.duration_keys):
        infos += _durations(clause, start, end, infos, v, lang, published, modality)
    if windows:
        infos += _window_months(clause, start, end, infos, v, lang, published)
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
                ghost_period = _shift(period, *relative[ghost])
            if ghost_period is not None:
                conflict = conflict or _disagree(base_period, ghost_period)
                base_period = base_period or ghost_period
        if i in relative and base_period is None:
            base_period = _shift(period, *relative[i])
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


def _date_info(
    clause: str,
    lo: int,
    ref: DateRef,
    v: _Vocab,
    lang: str,
    published: dt.date | None,
    modality: str,
    windows: bool = True,
) -> _Date:
    start = ref.span[0]
    before_low = max(lo, start - _LOOK)
    surface = ref.surface
    period = _period(ref)
    for pattern, months in v.windows if windows else ():
        w = pattern.search(clause, before_low, start)
        if w is not None:
            if not ref.end:  # "in the three months to September" with no publication date: open
                return _Date(ref, "window", Period(None, None, "span", ref.surface, True), None, w.start())
            return _Date(ref, "window", _window(ref, months, published), None, w.start())
    d = v.duration.fullmatch(surface)
    length = _duration(surface, d, lang, published, modality) if d is not None else None
    if length is not None:
        return _Date(ref, "duration", length)
    if surface.lower().startswith(v.base_openers) or _ends_with(clause, before_low, start, v.base_openers):
        return _Date(ref, "since", period, _first_unit(ref))
    if v.base_date.search(clause, before_low, start) or (
        ref.granularity not in ("day", "week") and v.base_coarse.search(clause, before_low, start)
    ):
        return _Date(ref, "base", period)
    if ref.start and ref.end and ref.granularity in ("year", "month") and ref.start[:4] != ref.end[:4]:
        # "between 2021 and 2024": a span whose first year is a change's base ("by 2028" starts at
        # publication: no base)
        first = (
            None if ref.relative or (published and ref.start == published.isoformat()) else _first_unit(ref)
        )
        return _Date(ref, "period", _copy(period, granularity="span"), first)
    return _Date(ref, "period", period)


def _durations(
    clause: str,
    lo: int,
    hi: int,
    infos: list[_Date],
    v: _Vocab,
    lang: str,
    published: dt.date | None,
    modality: str,
) -> list[_Date]:
    """Lengths of time the dates parser leaves alone ("en trois ans", "in a decade")."""
    out = []
    for m in v.duration.finditer(clause, lo, hi):
        a, b = m.span()
        if any(i.ref.span[0] < b and a < i.ref.span[1] for i in infos):
            continue
        length = _duration(m.group(), m, lang, published, modality)
        if length is not None:
            ref = DateRef(m.group(), (a, b), None, None, "span", True)
            out.append(_Date(ref, "duration", length))
    return out


def _base_years(clause: str, lo: int, hi: int, infos: list[_Date], v: _Vocab) -> list[_Date]:
    """Years after base words that the dates parser leaves alone ("compared with 2019", "on 2022")."""
    out = []
    for m in _YEAR.finditer(clause, lo, hi):
        a, b = m.span()
        if any(i.ref.span[0] <= a < i.ref.span[1] for i in infos):
            continue
        if v.base_date.search(clause, max(lo, a - _LOOK), a) or v.base_coarse.search(
            clause, max(lo, a - 8), a
        ):
            year = m.group()
            ref = DateRef(year, (a, b), f"{year}-01-01", f"{year}-12-31", "year", False)
            out.append(_Date(ref, "base", _period(ref)))
    return sorted(out, key=lambda d: d.ref.span) if out else out


_YEAR = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?![\w.,]\d|%)")


def _ends_with(clause: str, low: int, end: int, words: tuple[str, ...]) -> bool:
    return clause[low:end].rstrip().lower().endswith(words)


def _period(ref: DateRef) -> Period:
    """A date as the period record; unplaced words stay open with their surface."""
    open_ = ref.start is None or (ref.end is None and ref.relative)
    if ref.start is None and ref.end is None:
        return Period(None, None, ref.granularity, ref.surface, True)
    return Period(ref.start, ref.end, ref.granularity, ref.surface, open_ or ref.end is None)


def _first_unit(ref: DateRef) -> Period | None:
    """The first year (or month) of a span or of "since 2019": where a change is measured from."""
    if ref.start is None:
        return None
    day = dt.date.fromisoformat(ref.start)
    if ref.granularity == "month":
        nxt = add_units(day.replace(day=1), "month", 1)
        return Period(day.replace(day=1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat(), "month", None)
    return Period(f"{day.year}-01-01", f"{day.year}-12-31", "year", None)


def _window(ref: DateRef, months: int, published: dt.date | None) -> Period:
    """The ``months`` months ending with ``ref`` ("in the year to April 2025")."""
    end = dt.date.fromisoformat(ref.end)  # type: ignore[arg-type]
    if published is not None and end > published and ref.relative:
        end = add_units(end, "year", -1)  # "in the three months to September": the last September
    first = add_units(end.replace(day=1), "month", 1 - months)
    return Period(first.isoformat(), end.isoformat(), "span", ref.surface)


def _duration(
    surface: str, m: re.Match[str], lang: str, published: dt.date | None, modality: str
) -> Period | None:
    """ "in three years": a length of time ending at publication (from it, for a forecast); None when
    the words before the unit are no number ("in recent years")."""
    raw = m.group("n")
    try:
        count = int(raw) if raw.isdigit() else int(value_of(raw, lang=lang))
    except ValueError:
        if raw.lower() not in _ONE:
            return None
        count = 1  # "in a decade", "en un an"
    if not 0 < count < 1000:
        return None
    unit = m.group("unit").lower()
    unit = "decade" if unit.startswith(("decade", "décenn")) else _DURATION_UNITS.get(unit[0], "year")
    if published is None:
        return Period(None, None, "span", surface, True)
    if modality in ("forecast", "target"):
        return Period(published.isoformat(), add_units(published, unit, count).isoformat(), "span", surface)
    return Period(add_units(published, unit, -count).isoformat(), published.isoformat(), "span", surface)


def _inside_date(stat: Statistic, infos: list[_Date]) -> bool:
    """A length of time inside a period phrase ("the three months to September") is no figure, nor
    a number, rank or fraction of a date ("the first quarter of 2025", "des douze derniers mois")."""
    a, b = stat.span
    if stat.kind in ("ordinal", "share", "number", "count") and stat.unit in (None, "%"):
        return any(_words_start(i) <= a and b <= i.ref.span[1] for i in infos)
    if stat.kind != "measure" or stat.unit not in _TIME_UNITS:
        return False
    return any((_words_start(i) <= a and b <= i.ref.span[1]) for i in infos)


def _words_start(info: _Date) -> int:
    return info.ref.span[0] if info.words_start is None else info.words_start


def _window_months(
    clause: str, lo: int, hi: int, infos: list[_Date], v: _Vocab, lang: str, published: dt.date | None
) -> list[_Date]:
    """ "in the three months to March": a window ending with a month the dates parser left alone (a
    month name that is also a verb needs such words around it)."""
    out = []
    months = date_lexicon(lang).months
    for pattern, count in v.window_months:
        for m in pattern.finditer(clause, lo, hi):
            month = months.get(fold(m.group("m")))
            a, b = m.span("m")
            if month is None or any(i.ref.span[0] <= a < i.ref.span[1] for i in infos):
                continue
            year = int(m.group("y")) if m.group("y") else None
            if year is None and published is not None:
                year = published.year if month <= published.month else published.year - 1
            end = b if m.group("y") is None else m.end("y")
            if year is None:
                ref = DateRef(clause[a:end], (a, end), None, None, "month", True)
                out.append(
                    _Date(ref, "window", Period(None, None, "span", ref.surface, True), None, m.start())
                )
                continue
            last = add_units(dt.date(year, month, 1), "month", 1) - dt.timedelta(days=1)
            ref = DateRef(clause[a:end], (a, end), f"{year}-{month:02d}-01", last.isoformat(), "month", False)
            out.append(_Date(ref, "window", _window(ref, count, published), None, m.start()))
    return out


def _own_dates(stats: list[Statistic], infos: list[_Date]) -> list[list[_Date]]:
    """Each figure's dates: those after it and before the next figure; the dates before the first
    figure and, failing those, the nearest date serve the figures left without one."""
    own: list[list[_Date]] = [[] for _ in stats]
    leading: list[_Date] = []
    ends = [s.span[1] for s in stats]  # in order: figures do not overlap
    for info in infos:
        index = bisect_right(ends, info.ref.span[0]) - 1  # the last figure ending before the date
        if index < 0:
            leading.append(info)
        else:
            own[index].append(info)
    frame = [d for d in leading if d.role != "base"]
    later: list[_Date] = []  # "sales rose 5% and profits 3% in 2024": the date of a later figure
    for i in range(len(stats) - 1, -1, -1):
        mine = own[i]
        if not any(d.role in ("period", "window", "duration", "since") for d in mine):
            own[i] = mine + (frame or later[:1])
        nxt = [d for d in mine if d.role != "base"]
        later = nxt or later
    return own


def _pairs(clause: str, lo: int, stats: list[Statistic], v: _Vocab) -> dict[int, int]:
    """Figures that are the base of another: "up from £60 million" (the one before) and "from 3,000 in
    2019 to 6,600" (the one after)."""
    owner: dict[int, int] = {}
    for i, stat in enumerate(stats):
        low = max(lo, stat.span[0] - _LOOK)
        before = i and i - 1 not in owner and _comparable(stats[i - 1], stat)
        if before and (
            v.base_value.search(clause, low, stat.span[0])
            or (  # "rose to 65,000 in April from 61,000 in March"
                v.from_value.search(clause, low, stat.span[0])
                and v.to_value.search(clause, max(lo, stats[i - 1].span[0] - _LOOK), stats[i - 1].span[0])
            )
        ):
            owner[i] = i - 1
            continue
        if (
            i + 1 < len(stats)
            and v.from_value.search(clause, low, stat.span[0])
            and v.to_value.search(
                clause, max(stat.span[1], stats[i + 1].span[0] - _LOOK), stats[i + 1].span[0]
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
    clause: str, lo: int, hi: int, stats: list[Statistic], v: _Vocab
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
    i: int, stats: list[Statistic], own: list[list[_Date]], infos: list[_Date]
) -> tuple[Period | None, Period | None, list[str], bool]:
    stat = stats[i]
    period = base_period = None
    surfaces: list[str] = []
    conflict = False
    changing = stat.kind in ("change", "multiplier")
    for info in own[i]:
        if info.role in ("period", "window", "duration") and period is None:
            period = info.period
            if changing and info.base_period is not None:
                base_period = info.base_period
                surfaces.append(info.ref.surface)
        elif info.role == "since":
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


def _first_period(dates: list[_Date]) -> Period | None:
    return next((d.period for d in dates if d.role in ("period", "window", "duration")), None)


def _disagree(a: Period | None, b: Period | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) != (b.start, b.end)


def _shift(period: Period | None, unit: str, count: int, words: str) -> Period:
    """The period ``count`` units before ``period`` ("a year earlier"); open when it is unknown."""
    if period is None or period.start is None or period.end is None:
        return Period(None, None, unit, words, True)
    start = add_units(dt.date.fromisoformat(period.start), unit, count)
    end = add_units(dt.date.fromisoformat(period.end) + dt.timedelta(days=1), unit, count) - dt.timedelta(
        days=1
    )
    return Period(start.isoformat(), end.isoformat(), period.granularity, words)


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
