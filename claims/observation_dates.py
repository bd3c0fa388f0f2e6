"""The dates of a clause with the role their words give them, for ``claims.observations``: a figure's
own period, a window ("in the year to April 2025"), a length of time ("in three years"), a start
("since 2019") or a base ("compared with 2019"); and the vocabulary that says so
(``claims/vocabulary/<lang>/observations.py``)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from claims.dates_calendar import add_units
from claims.dates_lexicon import fold
from claims.dates_lexicon import lexicon as date_lexicon
from claims.models import DateRef, Period
from claims.numbers import value_of
from claims.segmenting import compile_cues
from claims.vocabulary import load

LOOK = 40  # characters looked at before a figure or a date for the words that qualify it
_ONE = frozenset({"a", "an", "one", "un", "une"})  # "in a decade", "en un an"
_DURATION_UNITS = {"y": "year", "a": "year", "m": "month", "d": "decade", "w": "week", "s": "week"}


@dataclass(frozen=True)
class Vocab:
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
    past: re.Pattern[str]  # a verb in a past tense (case-sensitive): the clause tells of the past


def _ending(patterns: object) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` as whole words that end where the search ends."""
    return re.compile(rf"(?<![\w])(?:{'|'.join(patterns)})[\s,]*\Z", re.IGNORECASE)


@cache
def vocab(lang: str) -> Vocab:
    t = load(lang, "observations")
    families = tuple(t.FIGURE_MODALITY)
    cues = "|".join(f"(?P<{f}>{'|'.join(ps)})" for f, ps in t.FIGURE_MODALITY.items())
    return Vocab(
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
        past=re.compile(
            "|".join(
                [compile_cues(lang, "PAST_TENSE", ignore_case=False).pattern]
                + [rf"(?<!\w)(?:{p})(?!\w)" for p in t.PAST_STATE]
            )
        ),
    )


@dataclass
class DateRole:
    """A date of the clause with the role its words give it."""

    ref: DateRef
    role: str  # period, since, base, window, duration
    period: Period
    base_period: Period | None = None  # "since 2019", "between 2021 and 2024": where a change starts
    words_start: int | None = None  # where the words that give the role start ("in the year to")


def date_info(
    clause: str,
    lo: int,
    ref: DateRef,
    v: Vocab,
    lang: str,
    published: dt.date | None,
    modality: str,
    windows: bool = True,
) -> DateRole:
    start = ref.span[0]
    before_low = max(lo, start - LOOK)
    surface = ref.surface
    period = _period(ref)
    for pattern, months in v.windows if windows else ():
        w = pattern.search(clause, before_low, start)
        if w is not None:
            if not ref.end:  # "in the three months to September" with no publication date: open
                return DateRole(ref, "window", Period(None, None, "span", ref.surface, True), None, w.start())
            return DateRole(ref, "window", _window(ref, months, published), None, w.start())
    d = v.duration.fullmatch(surface)
    length = _duration(surface, d, lang, published, modality) if d is not None else None
    if length is not None:
        return DateRole(ref, "duration", length)
    if surface.lower().startswith(v.base_openers) or _ends_with(clause, before_low, start, v.base_openers):
        return DateRole(ref, "since", period, _first_unit(ref))
    if v.base_date.search(clause, before_low, start) or (
        ref.granularity not in ("day", "week") and v.base_coarse.search(clause, before_low, start)
    ):
        return DateRole(ref, "base", period)
    if ref.start and ref.end and ref.granularity in ("year", "month") and ref.start[:4] != ref.end[:4]:
        # "between 2021 and 2024": a span whose first year is a change's base ("by 2028" starts at
        # publication: no base)
        first = (
            None if ref.relative or (published and ref.start == published.isoformat()) else _first_unit(ref)
        )
        return DateRole(
            ref, "period", Period(period.start, period.end, "span", period.surface, period.open), first
        )
    return DateRole(ref, "period", period)


def durations(
    clause: str,
    lo: int,
    hi: int,
    infos: list[DateRole],
    v: Vocab,
    lang: str,
    published: dt.date | None,
    modality: str,
) -> list[DateRole]:
    """Lengths of time the dates parser leaves alone ("en trois ans", "in a decade")."""
    out = []
    for m in v.duration.finditer(clause, lo, hi):
        a, b = m.span()
        if any(i.ref.span[0] < b and a < i.ref.span[1] for i in infos):
            continue
        length = _duration(m.group(), m, lang, published, modality)
        if length is not None:
            ref = DateRef(m.group(), (a, b), None, None, "span", True)
            out.append(DateRole(ref, "duration", length))
    return out


def base_years(clause: str, lo: int, hi: int, infos: list[DateRole], v: Vocab) -> list[DateRole]:
    """Years after base words that the dates parser leaves alone ("compared with 2019", "on 2022")."""
    out = []
    for m in _YEAR.finditer(clause, lo, hi):
        a, b = m.span()
        if any(i.ref.span[0] <= a < i.ref.span[1] for i in infos):
            continue
        if v.base_date.search(clause, max(lo, a - LOOK), a) or v.base_coarse.search(
            clause, max(lo, a - 8), a
        ):
            year = m.group()
            ref = DateRef(year, (a, b), f"{year}-01-01", f"{year}-12-31", "year", False)
            out.append(DateRole(ref, "base", _period(ref)))
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


def words_start(info: DateRole) -> int:
    return info.ref.span[0] if info.words_start is None else info.words_start


def window_months(
    clause: str, lo: int, hi: int, infos: list[DateRole], v: Vocab, lang: str, published: dt.date | None
) -> list[DateRole]:
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
                    DateRole(ref, "window", Period(None, None, "span", ref.surface, True), None, m.start())
                )
                continue
            last = add_units(dt.date(year, month, 1), "month", 1) - dt.timedelta(days=1)
            ref = DateRef(clause[a:end], (a, end), f"{year}-{month:02d}-01", last.isoformat(), "month", False)
            out.append(DateRole(ref, "window", _window(ref, count, published), None, m.start()))
    return out


def shift(period: Period | None, unit: str, count: int, words: str) -> Period:
    """The period ``count`` units before ``period`` ("a year earlier"); open when it is unknown."""
    if period is None or period.start is None or period.end is None:
        return Period(None, None, unit, words, True)
    start, end = _moved(period.start, period.end, unit, count)
    return Period(start, end, period.granularity, words)


def _moved(start: str, end: str, unit: str, count: int) -> tuple[str, str]:
    """ISO ``start`` and ``end`` moved by ``count`` units, the end kept at the end of its month: February
    2025 a year back ends on 29 February 2024."""
    first = add_units(dt.date.fromisoformat(start), unit, count)
    after = add_units(dt.date.fromisoformat(end) + dt.timedelta(days=1), unit, count)
    return first.isoformat(), (after - dt.timedelta(days=1)).isoformat()


def in_the_past(
    dates: tuple[DateRef, ...], clause: str, lang: str, published: dt.date | None
) -> tuple[DateRef, ...]:
    """A clause that tells of the past ("wages grew 4% in March", in a November article) puts a date
    whose year the words leave open at its latest occurrence before publication, not in the months
    ahead; a clause in the present or the future keeps the nearest one ("the law takes effect in March").
    """
    if published is None:
        return dates
    day = published.isoformat()
    if not any(d.year_guessed and d.start and d.start > day for d in dates):
        return dates
    if not vocab(lang).past.search(clause):
        return dates
    return tuple(_year_earlier(d) if d.year_guessed and d.start and d.start > day else d for d in dates)


def _year_earlier(ref: DateRef) -> DateRef:
    """``ref`` one year back."""
    start, end = _moved(ref.start, ref.end or ref.start, "year", -1)
    out = object.__new__(DateRef)  # as the splitter's copies: without the frozen __init__
    vars(out).update(vars(ref), start=start, end=end if ref.end else None)
    return out
