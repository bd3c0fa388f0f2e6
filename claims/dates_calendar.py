"""What a date expression says (``When``) and how it resolves to a period of calendar days.

Rules for what the words leave open, applied only when a publication date is known:

- a year-less date ("15 décembre", "en septembre", "au premier semestre") is its latest occurrence
  that starts no more than 183 days after publication (news mostly reports the recent past, and
  announces the coming months); a clause told in the past moves it back to the latest occurrence
  that starts before publication (``claims.observation_dates.in_the_past``);
- a bare weekday ("mardi") is the latest such day on or before publication; "last Tuesday" is
  strictly before it, "next Tuesday" strictly after;
- "two years ago" is the whole unit (the year) that lies two units before publication;
  "the past three years" is the window from three years before publication to publication;
- "early" and "late" (début, fin) keep the first or last half of the period, "mid" (mi-) its
  middle third (whole months when the period is made of months);
- "le 27", "the first Sunday" fall in the month of publication, or the month before when that
  day would come after publication;
- "since 2022" runs to publication, "by 2030" from publication (None when unknown).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, fields

Period = tuple[dt.date | None, dt.date | None, str]

FUTURE_TOLERANCE_DAYS = 183


@dataclass(frozen=True, init=False)
class When:
    """The facets a date expression fixes; everything else is left to the publication date.

    >>> resolve(When(year=2024, quarter=3), None)
    (datetime.date(2024, 7, 1), datetime.date(2024, 9, 30), 'quarter')
    """

    year: int | None = None
    year_shift: int | None = None  # "l'an dernier" = -1
    month: int | None = None
    day: int | None = None
    day_shift: int | None = None  # "hier" = -1
    weekday: int | None = None  # Monday = 0
    week_shift: int | None = None  # "la semaine dernière" = -1, for a weekday inside it
    direction: int = 0  # "mardi dernier" = -1, "next June" = +1, 0 = nearest past
    quarter: int | None = None
    semester: int | None = None
    season: int | None = None  # first month of the season
    decade: int | None = None  # first year
    week_no: int | None = None  # "the third week of 2027", "week 31"
    nth: int | None = None  # "the first Friday of July" = 1, "the last ..." = -1
    unit: str | None = None  # the unit of shift, offset and window
    shift: int | None = None  # "this week" = 0
    offset: int | None = None  # "il y a deux ans" = -2
    more: tuple[tuple[str, int], ...] = ()  # further (unit, count) steps: "2 years 1 month ago"
    window: int | None = None  # "les trois derniers mois" = -3
    edge: str | None = None  # start, mid, end
    open_end: str | None = None  # "since": runs to publication; "by": runs from publication
    year_to_date: bool = False
    bound: str | None = None  # "more"/"less": "plus de deux semaines avant", "less than 2 weeks from"
    around: str | None = None  # "week"/"month" around a day, "week_from" starting at it

    def __init__(self, **facets) -> None:
        # The generated __init__ of a frozen dataclass sets its 24 fields one by one through
        # object.__setattr__ (3 µs); a rule match makes one or two of these. Same fields, same
        # defaults, set in one dict update; unknown names still fail.
        if not facets.keys() <= _WHEN_FIELDS:
            raise TypeError(f"When() got unexpected facets {sorted(facets.keys() - _WHEN_FIELDS)}")
        vars(self).update(_WHEN_DEFAULTS, **facets)

    @property
    def relative(self) -> bool:
        """True when the words need the publication date to be placed on the calendar."""
        if self.decade is not None:
            return False
        return self.year is None or self.year_to_date

    @property
    def year_guessed(self) -> bool:
        """True when the words name a part of a year but no year, nor which one ("en mars", "in the
        first quarter", "15 December"): the year is the rules' guess (``_core`` ends in ``_year_for``)."""
        return (
            self.direction == 0
            and self.year is None
            and self.decade is None
            and self.unit is None
            and not self.year_to_date
            and self.year_shift is None
            and self.day_shift is None
            and (self.month is not None or (self.day is None and self.nth is None))
            and (self.weekday is None or self.month is not None)
        )


_WHEN_DEFAULTS = {f.name: f.default for f in fields(When)}
_WHEN_FIELDS = _WHEN_DEFAULTS.keys()


def changed(when: When, **facets) -> When:
    """``dataclasses.replace`` for ``When``, without running ``__init__`` again (pieces are
    joined and prefixed once per date found)."""
    if not facets.keys() <= _WHEN_FIELDS:
        raise TypeError(f"When has no facets {sorted(facets.keys() - _WHEN_FIELDS)}")
    new = object.__new__(When)
    vars(new).update(vars(when), **facets)
    return new


def granularity(when: When) -> str:
    """The size of the period the words name ("day", "month", ...)."""
    if when.around is not None:
        return when.around.removesuffix("_from")
    if when.day is not None or when.weekday is not None:
        return "day"
    if when.week_no is not None:
        return "week"
    for name in ("month", "quarter", "semester", "season", "decade"):
        if getattr(when, name) is not None:
            return name
    if when.more:
        return when.more[-1][0]
    if when.unit is not None:
        return {"weekend": "week"}.get(when.unit, when.unit)
    return "day" if when.day_shift is not None else "year"


def add_units(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` calendar units, clamped to the end of short months."""
    if unit in ("day",):
        return day + dt.timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "semester": 6, "season": 3, "year": 12, "decade": 120}[unit]
    index = day.year * 12 + day.month - 1 + months * count
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def unit_period(unit: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar unit (week, month, ...) that contains ``day``."""
    if unit == "day":
        return day, day
    if unit in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday())
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    size = {"month": 1, "quarter": 3, "semester": 6, "season": 3, "year": 12, "decade": 120}[unit]
    if unit == "decade":
        return dt.date(day.year - day.year % 10, 1, 1), dt.date(day.year - day.year % 10 + 9, 12, 31)
    first = (day.month - 1) // size * size + 1
    return month_span(day.year, first, size)


def month_span(year: int, month: int, count: int = 1) -> tuple[dt.date, dt.date]:
    """From the first day of ``month`` to the last day of the ``count``-th month."""
    index = year * 12 + month - 1 + count - 1
    last_year, last_month = divmod(index, 12)
    last = dt.date(last_year, last_month + 1, calendar.monthrange(last_year, last_month + 1)[1])
    return dt.date(year, month, 1), last


def _narrow(start: dt.date, end: dt.date, edge: str) -> tuple[dt.date, dt.date]:
    """The first or last half, or the middle third, of a period (``edge`` start, end, mid);
    whole months when the period is made of months ("début 2024" = January to June)."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and end == month_span(end.year, end.month)[1] and months >= 2:
        part = months // 3 if edge == "mid" else months // 2
        first = {"start": 0, "mid": (months - part) // 2, "end": months - part}[edge]
        index = start.year * 12 + start.month - 1 + first
        return month_span(index // 12, index % 12 + 1, part)
    days = (end - start).days + 1
    part = max(days // 3 if edge == "mid" else days // 2, 1)
    offset = {"start": 0, "mid": (days - part) // 2, "end": days - part}[edge]
    return start + dt.timedelta(days=offset), start + dt.timedelta(days=offset + part - 1)


def _calendar_period(when: When, year: int) -> tuple[dt.date, dt.date] | None:
    """The period the absolute facets name within ``year``; None when they are impossible."""
    if when.month is not None and when.weekday is not None and when.nth is not None:
        first, last = month_span(year, when.month)
        if when.nth > 0:
            day = first + dt.timedelta(days=(when.weekday - first.weekday()) % 7 + 7 * (when.nth - 1))
        else:
            day = last - dt.timedelta(days=(last.weekday() - when.weekday) % 7)
        return (day, day) if day.month == when.month else None
    if when.weekday is not None and when.nth is not None:
        return None  # "le premier vendredi" with no month to count in
    if when.week_no is not None and when.month is not None:  # weeks run Monday to Sunday; the
        first, last = month_span(year, when.month)  # first is the one holding the 1st
        anchor = last if when.week_no < 0 else first + dt.timedelta(weeks=when.week_no - 1)
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return (monday, monday + dt.timedelta(days=6)) if monday <= last else None
    if when.month is not None and when.day is not None:
        if when.day > calendar.monthrange(year, when.month)[1]:
            return None
        return dt.date(year, when.month, when.day), dt.date(year, when.month, when.day)
    if when.month is not None:
        return month_span(year, when.month)
    if when.quarter is not None:
        return month_span(year, 3 * when.quarter - 2, 3)
    if when.semester is not None:
        return month_span(year, 6 * when.semester - 5, 6)
    if when.season is not None:
        return month_span(year, when.season, 3)
    if when.week_no is not None:
        first = dt.date.fromisocalendar(year, min(max(when.week_no, 1), 52), 1)
        return first, first + dt.timedelta(days=6)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _year_for(when: When, published: dt.date) -> int | None:
    """The year of a year-less expression, by the rules in the module docstring."""
    chosen = None
    for year in (published.year - 1, published.year, published.year + 1):
        period = _calendar_period(when, year)
        if period is None:
            continue
        if when.direction < 0 and period[1] < published:
            chosen = year
        elif when.direction > 0 and period[0] > published:
            return year
        elif when.direction == 0 and period[0] <= published + dt.timedelta(days=FUTURE_TOLERANCE_DAYS):
            chosen = year
    return chosen


def _weekday_date(when: When, published: dt.date) -> dt.date:
    """The day a weekday names, inside a shifted week or nearest to publication."""
    weekday = when.weekday or 0
    if when.week_shift is not None:
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=when.week_shift)
        return monday + dt.timedelta(days=weekday)
    back = (published.weekday() - weekday) % 7
    if when.direction > 0:
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if when.direction < 0 and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _shifted(when: When, unit: str, published: dt.date) -> tuple[dt.date, dt.date] | None:
    """A counted offset ("two years ago"), or a shifted unit that anchors other facets
    ("June next year", "le 31 de ce mois", "le premier vendredi du mois prochain")."""
    base = published + dt.timedelta(days=when.day_shift or 0)
    moved = add_units(base, unit, when.offset if when.offset is not None else when.shift or 0)
    finest = unit
    for step_unit, count in when.more:
        moved, finest = add_units(moved, step_unit, count), step_unit
    if (
        when.offset is None
        and unit == "year"
        and any(f is not None for f in (when.month, when.quarter, when.semester, when.season, when.week_no))
    ):
        return _calendar_period(when, moved.year)
    below_month = (when.day, when.nth, when.week_no)
    if when.offset is None and unit == "month" and any(f is not None for f in below_month):
        return _calendar_period(changed(when, month=moved.month), moved.year)
    return unit_period(finest, moved)


def _in_publication_month(when: When, published: dt.date) -> tuple[dt.date, dt.date] | None:
    """ "le 27", "the first Sunday": in the month of publication, or the one before when that
    day would come after publication."""
    this = _calendar_period(changed(when, month=published.month), published.year)
    if this is not None and this[0] <= published:
        return this
    before = add_units(published.replace(day=1), "month", -1)
    return _calendar_period(changed(when, month=before.month), before.year)


def _core(when: When, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Start and end of the period before edges and open ends are applied."""
    unit = when.unit
    if when.decade is not None:
        return dt.date(when.decade, 1, 1), dt.date(when.decade + 9, 12, 31)
    if when.year is not None:
        return _calendar_period(when, when.year)
    if published is None:
        return None
    if when.year_to_date:
        return dt.date(published.year, 1, 1), published
    if unit is not None and when.window is None and when.offset is None and when.shift is None:
        return None  # "that year", "la même semaine": the text, not the calendar, says which
    if unit is not None and when.window is not None:  # "next 3 months" starts the day after
        edge = add_units(published, unit, when.window)
        return (edge, published) if when.window < 0 else (published + dt.timedelta(days=1), edge)
    if unit is not None and (when.offset is not None or when.shift is not None):
        return _shifted(when, unit, published)
    if when.month is None and (when.day is not None or when.nth is not None):
        return _in_publication_month(when, published)
    if when.day_shift is not None:
        day = published + dt.timedelta(days=when.day_shift)
        return day, day
    if when.weekday is not None and when.month is None:
        day = _weekday_date(when, published)
        return day, day
    if when.year_shift is not None:
        return _calendar_period(when, published.year + when.year_shift)
    year = _year_for(when, published)
    return None if year is None else _calendar_period(when, year)


def resolve(when: When, published: dt.date | None) -> Period:
    """Start, end (inclusive) and granularity; start/end None when the words cannot be placed."""
    try:
        period = _core(when, published)
    except (ValueError, OverflowError):
        period = None
    gran = granularity(when)
    if period is None:
        return None, None, gran
    start, end = period
    if when.edge == "rest":  # "le reste de la semaine": from publication on
        start = max(start, published) if published else start
    elif when.edge:
        start, end = _narrow(start, end, when.edge)
    if when.around == "week_from":
        start, end = start, start + dt.timedelta(days=6)
    elif when.around is not None:
        start, end = unit_period(when.around, start)
    if when.bound is not None and published is not None:
        past = (when.offset or 0) < 0
        if when.bound == "more":
            return (None, end, gran) if past else (start, None, gran)
        return (start, published, gran) if past else (published, end, gran)
    if when.open_end == "since":  # "depuis 2030" in a 2024 text has no end yet
        return start, published if published and published >= start else None, gran
    if when.open_end == "by":
        return published if published and published <= end else None, end, gran
    return start, end, gran


def with_year(when: When, year: int | None) -> When:
    """``when`` completed with a year taken from a neighbouring expression."""
    return when if year is None or when.year is not None else changed(when, year=year)
