"""Find dates and periods in a clause and place them on the calendar.

Located with the bounded rules of ``claims.dates_grammar`` (vocabulary in
``claims/vocabulary/<lang>/dates.py``), valued by ``claims.dates_calendar`` (whose docstring
states how year-less and relative words are resolved against the publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from claims.dates_calendar import When, resolve, with_year
from claims.dates_grammar import WORD_TOKEN, Grammar, grammar
from claims.dates_lexicon import fold, lexicon
from claims.dates_rules import Piece, interpret
from claims.models import DateRef
from claims.vocabulary import DEFAULT_LANGUAGE, LANGUAGES

_DIGIT = re.compile(r"\d")
_DATED = ("iso", "day_month", "month_day", "numeric", "numeric_dm")
_YEARLESS_PERIODS = ("month", "quarter", "quarter_code", "week_no", "season")


def find_dates(text: str, *, lang: str, published: dt.date | None = None) -> list[DateRef]:
    """Dates and periods in ``text``; spans index ``text``. Never raises on any string.

    >>> [(d.surface, d.start, d.end) for d in find_dates("Depuis 2022, les ventes ont doublé.", lang="fr")]
    [('Depuis 2022', '2022-01-01', None)]
    """
    if not isinstance(text, str) or not text:
        return []
    code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    gram = grammar(code)
    pieces = _combine(_select(_candidates(text, gram)), text, gram)
    return [_to_ref(text, _with_prefix(piece, text, gram), published) for piece in pieces]


def _candidates(text: str, gram: Grammar) -> list[tuple[Piece, int]]:
    lex = lexicon(gram.lang)
    present = {"digit"} if _DIGIT.search(text) else set()
    for token in set(WORD_TOKEN.findall(text.lower())):
        present.update(gram.triggers.get(token, ()))
    found = []
    for priority, (name, categories, pattern) in enumerate(gram.rules):
        if categories.isdisjoint(present):
            continue
        for match in pattern.finditer(text):
            piece = interpret(name, match, text, lex, gram)
            if piece is not None and piece.end > piece.start:
                found.append((piece, priority))
    return found


def _select(found: list[tuple[Piece, int]]) -> list[Piece]:
    """Longest pieces first, earlier rules on ties; no two chosen pieces overlap."""
    found.sort(key=lambda item: (item[0].start - item[0].end, item[1], item[0].start))
    taken: set[int] = set()
    chosen = []
    for piece, _ in found:
        span = range(piece.start, piece.end)
        if not any(i in taken for i in span):
            taken.update(span)
            chosen.append(piece)
    return sorted(chosen, key=lambda p: p.start)


def _combine(pieces: list[Piece], text: str, gram: Grammar) -> list[Piece]:
    """Join neighbours that form one expression: ranges, "Friday next week", "June next year"."""
    out: list[Piece] = []
    for piece in pieces:
        if out:
            merged = _merge(out[-1], piece, text, gram)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(piece)
    return out


def _merge(a: Piece, b: Piece, text: str, gram: Grammar) -> Piece | None:
    gap = text[a.end : b.start]
    if len(gap) > 12:
        return None
    if a.last is None and b.last is None and gram.range_gap.fullmatch(gap):
        return _merge_range(a, b, gap, text, gram)
    if not gram.glue_gap.fullmatch(gap):
        return None
    first = _merge_facets(a, b) or _merge_facets(b, a)
    return None if first is None else Piece(a.start, b.end, "combined", first)


def _merge_range(a: Piece, b: Piece, gap: str, text: str, gram: Grammar) -> Piece | None:
    lex = lexicon(gram.lang)
    conn = fold(gram.range_gap.fullmatch(gap)["conn"])
    opened = gram.range_opener.search(text, max(0, a.start - 20), a.start)
    closing = lex.range_openers.get(fold(opened["open"])) if opened else None
    if closing is None and conn in ("and", "et"):
        return None
    start = opened.start() if opened else a.start
    first, last = a.first, b.first
    if first.month is not None and first.year is None:
        first = with_year(first, last.year)
    if last.month is not None and last.year is None and last.day is not None and first.year is not None:
        last = with_year(last, first.year)
    return Piece(start, b.end, "range", first, last)


def _merge_facets(a: Piece, b: Piece) -> When | None:
    """The facets of ``a`` completed by ``b``, when the two name one date together."""
    x, y = a.first, b.first
    if a.rule in ("weekday", "weekday_day") and x.week_shift is None and x.direction == 0:
        if y.unit == "week" and y.shift is not None:
            return replace(x, week_shift=y.shift)
        if b.rule in _DATED and x.day is None:
            return y
    if a.rule in _YEARLESS_PERIODS and x.year is None and x.year_shift is None and x.direction == 0:
        if y.unit == "year" and y.shift is not None:
            return replace(x, year_shift=y.shift)
        if b.rule == "year":
            return replace(x, year=y.year)
    if a.rule == "year" and b.rule in ("quarter", "week_no") and y.year is None:
        return replace(y, year=x.year)
    return None


def _with_prefix(piece: Piece, text: str, gram: Grammar) -> Piece:
    """Take in "since", "by", "early", "fin", "mi-" before the piece (at most two)."""
    for _ in range(2):
        found = gram.prefix.search(text, max(0, piece.start - 30), piece.start)
        if found is None or piece.last is not None:
            return piece
        key = fold(found.group().strip(" -")) if found["edge"] else None
        when = piece.first
        if found["since"]:
            when = replace(when, open_end="since")
        elif found["by"]:
            when = replace(when, open_end="by")
        else:
            edge = lexicon(gram.lang).edges.get(key or "")
            if edge is None or when.edge is not None:
                return piece
            when = replace(when, edge=edge)
        piece = Piece(found.start(), piece.end, piece.rule, when, piece.last)
    return piece


def _to_ref(text: str, piece: Piece, published: dt.date | None) -> DateRef:
    start, end, gran = resolve(piece.first, published)
    relative = piece.first.relative
    if piece.last is not None:
        _, end, _ = resolve(piece.last, published)
        relative = relative or piece.last.relative
    return DateRef(
        surface=text[piece.start : piece.end],
        span=(piece.start, piece.end),
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        granularity=gran,
        relative=relative,
    )
