"""Turn one grammar match into a ``Piece``: its extent and the ``When`` facets its words fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.dates_calendar import When, changed
from claims.dates_grammar import Grammar
from claims.dates_lexicon import Lexicon, fold, lexicon
from claims.dates_scan import tail_search

_SENTENCE_START = re.compile(r"(?:^|[.!?;:\n»\"]\s{0,3})$")


@dataclass(frozen=True, init=False)
class Piece:
    """A located date expression; ``last`` is set for ranges ("from X to Y")."""

    start: int
    end: int
    rule: str
    first: When
    last: When | None = None
    pending: bool = False  # kept only if joined to a neighbour ("2016" in "2016 the third quarter")

    def __init__(
        self, start: int, end: int, rule: str, first: When, last: When | None = None, pending: bool = False
    ) -> None:
        # one dict update instead of six object.__setattr__ calls: a piece per rule match
        vars(self).update(start=start, end=end, rule=rule, first=first, last=last, pending=pending)


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


def _folded(lex: Lexicon, table: str) -> frozenset[str]:
    """The folded words of one list of the vocabulary table (built once, looked up per match)."""
    return _folded_words(lex.lang, table)


@lru_cache(maxsize=64)
def _folded_words(lang: str, table: str) -> frozenset[str]:
    return frozenset(fold(w) for w in getattr(lexicon(lang).table, table))


def _month_is_ambiguous(lex: Lexicon, word: str) -> bool:
    """ "may", "sept": month names that are also common words."""
    return fold(word).rstrip(".") in _folded(lex, "MONTHS_NEEDING_CONTEXT")


def _month_needs_context(lex: Lexicon, word: str) -> bool:
    """Ambiguous names and abbreviations ("Jan" is also a name) need a word or number beside them."""
    key = fold(word).rstrip(".")
    return _month_is_ambiguous(lex, word) or key in _folded(lex, "MONTH_ABBREVIATIONS")


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
    if key in _folded(lex, "LAST_WORDS"):
        return -1
    return lex.number(word)


def _year_has_context(gram: Grammar, text: str, m: re.Match[str]) -> bool:
    """A bare year is a date after "en", "since", "fin"..., as a sentence subject or opening a range."""
    before = text[max(0, m.start() - 40) : m.start()]
    if m["head"]:
        return True
    # The cheap test of each pair first (same answers): a connector after the year, four
    # digits before it, a verb after it.
    if tail_search(gram.year_context, before):
        return True
    if gram.connector_after.match(text, m.end()) and tail_search(gram.range_opener, before):
        return True
    if (
        _FOUR_DIGITS.search(before)
        and tail_search(gram.range_gap, before)
        and re.search(r"\d{4}" + gram.range_gap.pattern, before, re.I | re.X)
    ):
        return True  # "between 2015 and 2018": the second year of a range
    return bool(gram.subject_verb.match(text, m.end()) and tail_search(_SENTENCE_START, before))


_FOUR_DIGITS = re.compile(r"\d{4}")


class _Match:
    """One rule match with what its handler needs (a plain slotted record: one per match)."""

    __slots__ = ("end", "g", "gram", "lex", "m", "name", "start", "text")

    def __init__(self, name, m, g, text, lex, gram, start, end) -> None:
        self.name, self.m, self.g, self.text = name, m, g, text
        self.lex, self.gram, self.start, self.end = lex, gram, start, end

    def before(self, width: int = 30) -> str:
        return self.text[max(0, self.start - width) : self.start]


Result = When | tuple[When, When] | Piece | None


def interpret(name: str, m: re.Match[str], text: str, lex: Lexicon, gram: Grammar) -> Piece | None:
    """The piece a match of rule ``name`` stands for, or None when its words are not a date."""
    g = m.groupdict()
    start, end = m.span("x") if g.get("x") else m.span()
    found = _HANDLERS[name](_Match(name, m, g, text, lex, gram, start, end))
    if found is None or isinstance(found, Piece):
        return found
    if isinstance(found, tuple):
        return Piece(start, end, name, found[0], found[1])
    return Piece(start, end, name, found)


def _full_date(c: _Match) -> Result:
    when = _date(c.lex, c.m)
    g = c.g
    if (
        c.name == "day_month"
        and when is not None
        and not g["d"][0].isdigit()
        and _month_is_ambiguous(c.lex, g["mon"])
        and not g.get("y")
        and not re.search(r"\s(?:of|de)\s", c.m.group())
    ):
        return None  # "the first may be": a spelled day beside an ambiguous month
    return when


def _day_of_month(c: _Match) -> Result:
    """ "the 27th", "vendredi 15": a day whose month is left to the reader."""
    g, lex = c.g, c.lex
    day = lex.number(g["d"])
    if day is None or not 1 <= day <= 31 or c.gram.day_context.match(c.text, c.end + 1):
        return None
    if not g["d"][0].isdigit() and fold(g["d"]) in lex.cardinals and day <= 10:
        return None  # "le sept." is September or seven, never the 7th
    return When(day=day, weekday=lex.weekdays.get(fold(g["wd"]).rstrip(".")) if g.get("wd") else None)


def _numeric_date(c: _Match) -> Result:
    when = _numeric(c.lex, c.m)
    if when is not None and c.g.get("wd"):
        when = changed(when, weekday=c.lex.weekdays.get(fold(c.g["wd"])))
    return when


def _year_span(c: _Match) -> Result:
    g, lex = c.g, c.lex
    y1, y2 = int(g["y1"]), int(g["y2"])
    if len(g["y2"]) == 2:
        y2 += y1 - y1 % 100
    opener = lex.range_openers.get(fold(g["open"])) if g.get("open") else None
    if y2 <= y1 or (opener and fold(g["conn"]) not in (fold(opener), "-")):
        return None
    return When(year=y1), When(year=y2)


def _day_span(c: _Match) -> Result:
    """ "from 4 to 22": kept only if a month joins it ("this month", "de mars")."""
    g, lex = c.g, c.lex
    d1, d2 = lex.number(g["d1"]), lex.number(g["d2"])
    opener = lex.range_openers.get(fold(g["open"])) if g.get("open") else None
    if d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
        return None
    if fold(g["conn"]) in ("and", "et") and not opener:
        return None
    return Piece(c.start, c.end, c.name, When(day=d1), When(day=d2), pending=True)


def _day_range(c: _Match) -> Result:
    g, lex = c.g, c.lex
    word = g.get("open") or g.get("open0")
    opener = lex.range_openers.get(fold(word)) if word else None
    if fold(g["conn"]) in ("and", "et") and opener is None:
        return None
    month, year = _month(lex, g["mon"]), _year(g.get("y"))
    d1, d2 = lex.number(g["d1"]), lex.number(g["d2"])
    if month is None or d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
        return None
    return When(year=year, month=month, day=d1), When(year=year, month=month, day=d2)


def _nth_weekday(c: _Match) -> Result:
    g, lex = c.g, c.lex
    nth = _ordinal(lex, g["ord"])
    month = _month(lex, g["mon"]) if g.get("mon") else None
    if nth is None or not -1 <= nth <= 5 or nth == 0 or (month is None and (g.get("y") or nth < 0)):
        return None  # "last Wednesday" is the one before, not the last of a month
    return When(year=_year(g.get("y")), month=month, weekday=lex.weekdays.get(fold(g["wd"])), nth=nth)


def _month_alone(c: _Match) -> Result:
    g, lex = c.g, c.lex
    shift = _shift(lex, c.m)
    has_context = g.get("head") or shift is not None
    needs_context = not has_context and _month_needs_context(lex, g["mon"])
    if needs_context and not tail_search(c.gram.month_context, c.before()):  # searched only then
        return None
    if shift == 0:  # "this May", "ce janvier"
        return When(month=_month(lex, g["mon"]), year_shift=0)
    return When(month=_month(lex, g["mon"]), direction=shift or 0)


def _quarter_code(c: _Match) -> Result:
    g, lex = c.g, c.lex
    letter, n = g["letter"].lower(), int(g["n"])
    is_quarter = letter in lex.table.QUARTER_LETTERS
    if not g.get("y") and (letter != "q" or not is_quarter):
        return None  # "T3", "H1" alone are a flat and an element, not periods
    if not is_quarter and n > 2:
        return None
    year = _year(g.get("y"))
    return When(year=year, quarter=n) if is_quarter else When(year=year, semester=n)


def _quarter(c: _Match) -> Result:
    g, lex = c.g, c.lex
    n = _ordinal(lex, g["ord"])
    word = fold(g["qw"]).rstrip("s")
    is_semester = word in _folded(lex, "SEMESTER_WORDS")
    top = 2 if is_semester else 4
    if n is None or n == 0 or n > top or (word == "half" and not g.get("y")):
        return None  # "the first half" of a match is no period
    n = top if n == -1 else n
    year = _year(g.get("y"))
    return When(year=year, semester=n) if is_semester else When(year=year, quarter=n)


def _week_no(c: _Match) -> Result:
    g, lex = c.g, c.lex
    n = lex.number(g["n"]) if g.get("n") else _ordinal(lex, g["ord"])
    if n is None or n == 0 or n > 53:
        return None
    when = When(year=_year(g.get("y")), week_no=n)
    if g.get("ord") and not g.get("y"):  # "the third week" of what? joined to "of July" or dropped
        return Piece(c.start, c.end, c.name, when, pending=True)
    return when


def _season(c: _Match) -> Result:
    g, lex = c.g, c.lex
    if not (g.get("pre") or g.get("y") or g.get("suf") or tail_search(c.gram.month_context, c.before())):
        return None  # "a été" is a verb, "spring" a noun, until a year or determiner says otherwise
    shift = _shift(lex, c.m)
    return When(year=_year(g.get("y")), season=lex.seasons[fold(g["season"])], direction=shift or 0)


def _weekday(c: _Match) -> Result:
    shift = _shift(c.lex, c.m)
    weekday = c.lex.weekdays[fold(c.g["wd"]).rstrip(".")]
    if shift == 0:  # "ce vendredi": the Friday of this week
        return When(weekday=weekday, week_shift=0)
    return When(weekday=weekday, direction=shift or 0)


def _shifted_unit(c: _Match) -> Result:
    unit = c.lex.unit(c.g["unit"])
    shift = _shift(c.lex, c.m) if c.name == "shift" else None
    if unit is None or (c.name == "shift" and shift is None):
        return None
    if unit == "day":  # "le jour suivant", "the last day": told from the story
        return When(unit=unit)
    return When(unit=unit, shift=shift)


def _window(c: _Match) -> Result:
    g, lex = c.g, c.lex
    unit, n = lex.unit(g["unit"]), lex.number(g["n"])
    sign = lex.window_before.get(fold(g["pre"])) if g.get("pre") else lex.window_after.get(fold(g["suf"]))
    if unit is None or n is None or sign is None:
        return None
    return When(unit=unit, window=int(sign) * n)


def _bare_year(c: _Match) -> Result:
    when = When(year=int(c.g["y"]))
    if not _year_has_context(c.gram, c.text, c.m):
        return Piece(c.start, c.end, c.name, when, pending=True)
    return when


_HANDLERS = {
    "iso": _full_date,
    "day_month": _full_date,
    "month_day": _full_date,
    "weekday_day": _day_of_month,
    "day_only": _day_of_month,
    "numeric": _numeric_date,
    "numeric_dm": _numeric_date,
    "numeric_my": lambda c: When(year=int(c.g["y"]), month=int(c.g["m"])),
    "year_span": _year_span,
    "day_span": _day_span,
    "day_range": _day_range,
    "month_range": _day_range,
    "nth_weekday": _nth_weekday,
    "month_year": lambda c: When(year=int(c.g["y"]), month=_month(c.lex, c.g["mon"])),
    "month": _month_alone,
    "quarter_code": _quarter_code,
    "quarter": _quarter,
    "week_no": _week_no,
    "decade": lambda c: _decade(c.lex, c.g),
    "season": _season,
    "weekday": _weekday,
    "relative_day": lambda c: When(day_shift=int(c.lex.relative_days[fold(c.m.group())])),
    "shift": _shifted_unit,
    "anaphoric": _shifted_unit,
    "anaphoric_day": lambda c: When(unit="day"),
    "offset": lambda c: _offset(c.lex, c.gram, c.m),
    "window": _window,
    "year_to_date": lambda c: When(year_to_date=True),
    "year": _bare_year,
}


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
        if g.get("post") and fold(word) in _folded(lex, "STORY_OFFSETS") and unit:
            return When(unit=unit)  # "quatre jours après": after what the story just told
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
