"""Turn one grammar match into a ``Piece``: its extent and the ``When`` facets its words fix."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.dates_calendar import When
from claims.dates_grammar import Grammar
from claims.dates_lexicon import Lexicon, fold

_SENTENCE_START = re.compile(r"(?:^|[.!?;:\n»\"]\s{0,3})$")


@dataclass(frozen=True)
class Piece:
    """A located date expression; ``last`` is set for ranges ("from X to Y")."""

    start: int
    end: int
    rule: str
    first: When
    last: When | None = None
    pending: bool = False  # kept only if joined to a neighbour ("2016" in "2016 the third quarter")


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    if len(text) == 2:  # "18/9/15": 2000-2049, else 1950-1999
        value += 2000 if value < 50 else 1900
    return value


def _month(lex: Lexicon, text: str) -> int | None:
    return lex.months.get(fold(text).rstrip("."))


def _shift(lex: Lexicon, m: re.Match[str]) -> int | None:
    """The shift of a "last"/"dernier" word around the expression, if any."""
    for name, table in (("pre", lex.shift_before), ("suf", lex.shift_after)):
        word = m.groupdict().get(name)
        if word and fold(word) in table:
            return int(table[fold(word)])
    return None


def _month_is_ambiguous(lex: Lexicon, word: str) -> bool:
    """ "may", "sept": month names that are also common words."""
    return fold(word).rstrip(".") in {fold(w) for w in lex.table.MONTHS_NEEDING_CONTEXT}


def _month_needs_context(lex: Lexicon, word: str) -> bool:
    """Ambiguous names and abbreviations ("Jan" is also a name) need a word or number beside them."""
    key = fold(word).rstrip(".")
    return _month_is_ambiguous(lex, word) or key in {fold(a) for a in lex.table.MONTH_ABBREVIATIONS}


def _date(lex: Lexicon, m: re.Match[str]) -> When | None:
    """Day, month and optional year from groups d, mon/m, y."""
    g = m.groupdict()
    month = _month(lex, g["mon"]) if g.get("mon") else int(g["m"])
    day = lex.number(g["d"])
    if month is None or day is None or not 1 <= day <= 31:
        return None
    weekday = lex.weekdays.get(fold(g["wd"]).rstrip(".")) if g.get("wd") else None
    return When(year=_year(g.get("y")), month=month, day=day, weekday=weekday)


def _numeric(lex: Lexicon, m: re.Match[str]) -> When | None:
    """15/12/2023 (day first in French), 12/15/2023 (month first in English)."""
    a, b = int(m["a"]), int(m["b"])
    day, month = (a, b) if lex.table.DAY_FIRST else (b, a)
    if month > 12 >= day:  # "4/22" in French, "22/04" in English: the order is plain
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = _year(m.groupdict().get("y"))
    return When(year=year, month=month, day=day)


def _ordinal(lex: Lexicon, word: str) -> int | None:
    key = fold(word)
    if key in {fold(w) for w in lex.table.LAST_WORDS}:
        return -1
    return lex.number(word)


def _year_has_context(gram: Grammar, text: str, m: re.Match[str]) -> bool:
    """A bare year is a date after "en", "since", "fin"..., as a sentence subject or opening a range."""
    before = text[max(0, m.start() - 40) : m.start()]
    if m["head"] or gram.year_context.search(before):
        return True
    if gram.range_opener.search(before) and gram.connector_after.match(text, m.end()):
        return True
    if gram.range_gap.search(before) and re.search(r"\d{4}" + gram.range_gap.pattern, before, re.I | re.X):
        return True  # "between 2015 and 2018": the second year of a range
    return bool(_SENTENCE_START.search(before) and gram.subject_verb.match(text, m.end()))


def interpret(name: str, m: re.Match[str], text: str, lex: Lexicon, gram: Grammar) -> Piece | None:
    """The piece a match of rule ``name`` stands for, or None when its words are not a date."""
    g = m.groupdict()
    start, end = m.span("x") if g.get("x") else m.span()
    when: When | None = None
    last: When | None = None
    if name in ("iso", "day_month", "month_day", "weekday_day", "day_only"):
        when = _date(lex, m) if name != "weekday_day" and name != "day_only" else None
        if name in ("weekday_day", "day_only"):
            day = lex.number(g["d"])
            wd = lex.weekdays.get(fold(g["wd"]).rstrip(".")) if g.get("wd") else None
            if day is None or not 1 <= day <= 31 or gram.day_context.match(text, end + 1):
                return None
            if not g["d"][0].isdigit() and fold(g["d"]) in lex.cardinals and day <= 10:
                return None  # "le sept." is September or seven, never the 7th
            when = When(day=day, weekday=wd)
        elif (
            name == "day_month"
            and when is not None
            and not g["d"][0].isdigit()
            and _month_is_ambiguous(lex, g["mon"])
            and not g.get("y")
            and not re.search(r"\s(?:of|de)\s", m.group())
        ):
            return None  # "the first may be": a spelled day beside an ambiguous month
    elif name in ("numeric", "numeric_dm"):
        when = _numeric(lex, m)
        if when is not None and g.get("wd"):
            when = replace(when, weekday=lex.weekdays.get(fold(g["wd"])))
    elif name == "numeric_my":
        when = When(year=int(g["y"]), month=int(g["m"]))
    elif name == "year_span":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if len(g["y2"]) == 2:
            y2 += y1 - y1 % 100
        opener = lex.range_openers.get(fold(g["open"])) if g.get("open") else None
        if y2 <= y1 or (opener and fold(g["conn"]) not in (fold(opener), "-")):
            return None
        when, last = When(year=y1), When(year=y2)
    elif name == "day_span":
        d1, d2 = lex.number(g["d1"]), lex.number(g["d2"])
        opener = lex.range_openers.get(fold(g["open"])) if g.get("open") else None
        if d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
            return None
        if fold(g["conn"]) in ("and", "et") and not opener:
            return None
        return Piece(start, end, name, When(day=d1), When(day=d2), pending=True)
    elif name in ("day_range", "month_range"):
        word = g.get("open") or g.get("open0")
        opener = lex.range_openers.get(fold(word)) if word else None
        conn = fold(g["conn"])
        if conn in ("and", "et") and opener is None:
            return None
        month, year = _month(lex, g["mon"]), _year(g.get("y"))
        d1, d2 = lex.number(g["d1"]), lex.number(g["d2"])
        if month is None or d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
            return None
        when, last = When(year=year, month=month, day=d1), When(year=year, month=month, day=d2)
    elif name == "nth_weekday":
        nth = _ordinal(lex, g["ord"])
        month = _month(lex, g["mon"]) if g.get("mon") else None
        if nth is None or not -1 <= nth <= 5 or nth == 0 or (month is None and (g.get("y") or nth < 0)):
            return None  # "last Wednesday" is the one before, not the last of a month
        when = When(year=_year(g.get("y")), month=month, weekday=lex.weekdays.get(fold(g["wd"])), nth=nth)
    elif name == "month_year":
        when = When(year=int(g["y"]), month=_month(lex, g["mon"]))
    elif name == "month":
        shift = _shift(lex, m)
        has_context = g.get("head") or shift is not None
        before = text[max(0, start - 30) : start]
        if not has_context and not gram.month_context.search(before) and _month_needs_context(lex, g["mon"]):
            return None
        when = When(month=_month(lex, g["mon"]), direction=shift or 0)
        if shift == 0:
            when = When(month=when.month, year_shift=0)
    elif name == "quarter_code":
        letter = g["letter"].lower()
        n = int(g["n"])
        is_quarter = letter in lex.table.QUARTER_LETTERS
        if not g.get("y") and (letter != "q" or not is_quarter):
            return None  # "T3", "H1" alone are a flat and an element, not periods
        if not is_quarter and n > 2:
            return None
        when = (
            When(year=_year(g.get("y")), quarter=n)
            if is_quarter
            else When(year=_year(g.get("y")), semester=n)
        )
    elif name == "quarter":
        n = _ordinal(lex, g["ord"])
        word = fold(g["qw"]).rstrip("s")
        is_semester = word in {fold(w) for w in lex.table.SEMESTER_WORDS}
        top = 2 if is_semester else 4
        if n is None or n == 0 or n > top or (word == "half" and not g.get("y")):
            return None
        n = top if n == -1 else n
        when = (
            When(year=_year(g.get("y")), semester=n)
            if is_semester
            else When(year=_year(g.get("y")), quarter=n)
        )
    elif name == "week_no":
        n = lex.number(g["n"]) if g.get("n") else _ordinal(lex, g["ord"])
        if n is None or n == 0 or n > 53:
            return None
        when = When(year=_year(g.get("y")), week_no=n)
        if g.get("ord") and not g.get("y"):  # "the third week" of what? joined to "of July" or dropped
            return Piece(start, end, name, when, pending=True)
    elif name == "decade":
        when = _decade(lex, g)
    elif name == "season":
        shift = _shift(lex, m)
        before = text[max(0, start - 30) : start]
        if not (g.get("pre") or g.get("y") or g.get("suf") or gram.month_context.search(before)):
            return None  # "a été" is a verb, "spring" a noun, until a year or determiner says otherwise
        when = When(year=_year(g.get("y")), season=lex.seasons[fold(g["season"])], direction=shift or 0)
    elif name == "weekday":
        shift = _shift(lex, m)
        when = When(weekday=lex.weekdays[fold(g["wd"]).rstrip(".")], direction=shift or 0)
        if shift == 0:
            when = When(weekday=when.weekday, week_shift=0)
    elif name == "relative_day":
        when = When(day_shift=int(lex.relative_days[fold(m.group())]))
    elif name in ("shift", "anaphoric"):
        unit = lex.unit(g["unit"])
        shift = _shift(lex, m) if name == "shift" else None
        if unit is None or (name == "shift" and shift is None):
            return None
        when = When(unit=unit, shift=shift)
        if name == "shift" and unit == "day":  # "le jour suivant", "the last day": told from the story
            when = When(unit=unit)
    elif name == "offset":
        when = _offset(lex, gram, m)
    elif name == "anaphoric_day":
        when = When(unit="day")
    elif name == "window":
        unit, n = lex.unit(g["unit"]), lex.number(g["n"])
        sign = lex.window_before.get(fold(g["pre"])) if g.get("pre") else lex.window_after.get(fold(g["suf"]))
        if unit is None or n is None or sign is None:
            return None
        when = When(unit=unit, window=int(sign) * n)
    elif name == "year_to_date":
        when = When(year_to_date=True)
    elif name == "year":
        when = When(year=int(g["y"]))
        if not _year_has_context(gram, text, m):
            return Piece(start, end, name, when, pending=True)
    if when is None:
        return None
    return Piece(start, end, name, when, last)


def _offset(lex: Lexicon, gram: Grammar, m: re.Match[str]) -> When | None:
    """ "two years ago", "il y a 25 mois et 21 jours", "three weeks from tomorrow"."""
    g = m.groupdict()
    unit, n = lex.unit(g["unit"]), lex.number(g["n"])
    if g.get("anchor"):
        sign = lex.offset_anchors.get(fold(g["anchor"]))
        day = lex.relative_days.get(fold(g["rel"]))
    else:
        word = g.get("pre") or g.get("post") or ""
        sign = lex.offset_before.get(fold(word)) if g.get("pre") else lex.offset_after.get(fold(word))
        day = None
    if unit is None or n is None or sign is None:
        return None
    more = []
    for step in gram.step.finditer(g.get("steps") or ""):
        step_unit, count = lex.unit(step["unit"]), lex.number(step["n"])
        if step_unit is not None and count is not None:
            more.append((step_unit, int(sign) * count))
    return When(unit=unit, offset=int(sign) * n, more=tuple(more), day_shift=day)


def _decade(lex: Lexicon, g: dict) -> When | None:
    """ "the 1990s", "the '70s", "les années 90", "the seventies"."""
    if g.get("word"):
        if not (g.get("art") or g.get("head")):
            return None
        return When(decade=int(lex.decade_words[fold(g["word"])]))
    digits = g.get("digits") or g.get("short")
    if digits is None:
        return None
    if len(digits) == 4:
        if not (g.get("s") or g.get("head")):
            return None  # "1990" alone is a year
        return When(decade=int(digits))
    if not (g.get("head") or (g.get("art") and (g.get("s") or g.get("short")))):
        return None  # "in his 90s" is an age; "the 90s" and "les années 90" are decades
    if len(digits) == 3:
        return None
    value = int(digits)
    return When(decade=(2000 if value < 20 else 1900) + value)
