"""Find dates and periods in a clause and place them on the calendar.

Located with the bounded rules of ``claims.dates_grammar`` (vocabulary in
``claims/vocabulary/<lang>/dates.py``), valued by ``claims.dates_calendar`` (whose docstring
states how year-less and relative words are resolved against the publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from claims.dates_calendar import When, add_units, changed, resolve, with_year
from claims.dates_grammar import Grammar, Rule, grammar
from claims.dates_lexicon import fold, lexicon
from claims.dates_rules import Piece, interpret
from claims.dates_scan import plain_text, tail_search
from claims.models import DateRef
from claims.vocabulary import DEFAULT_LANGUAGE, LANGUAGES

_DATED = ("iso", "day_month", "month_day", "numeric", "numeric_dm")


def find_dates(text: str, *, lang: str, published: dt.date | None = None) -> list[DateRef]:
    """Dates and periods in ``text``; spans index ``text``. Never raises on any string.

    >>> [(d.surface, d.start, d.end) for d in find_dates("Depuis 2022, les ventes ont doublé.", lang="fr")]
    [('Depuis 2022', '2022-01-01', None)]
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    gram = grammar(code)
    found = _candidates(text, gram)
    if len(found) < 2:  # nothing to choose between or join (most clauses): a pending piece goes
        pieces = [piece for piece, _ in found if not piece.pending]
    else:
        pieces = _combine(_select(found), text, gram)
        unpaired = {(p.start, p.end, p.rule) for p in pieces if p.pending}
        if unpaired:  # a piece that found no partner yields its place to the pieces it hid
            kept = [f for f in found if (f[0].start, f[0].end, f[0].rule) not in unpaired]
            pieces = _combine(_select(kept), text, gram)
        pieces = [piece for piece in pieces if not piece.pending]
    return [_to_ref(text, _with_prefix(piece, text, gram), published) for piece in pieces]


_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# a run of digits, and whether a separator and a digit follow ("15/12", "2020 - 23")
_DIGITS = re.compile(r"(\d+)(?:(?=\s{0,2}[/.\-–]\s{0,2}\d)(?P<sep>))?")
_LETTER_BEFORE = re.compile(r"(?<![^\W\d_])")
_MARGIN = 48  # characters scanned on each side of a trigger word; longer than any one rule's match


def _windows(text: str, gram: Grammar) -> dict[str, list[tuple[int, int]]]:
    """Per rule category, the stretches of text around its trigger words (merged, in order).

    The rules run only there: a clause without a month name never pays for the month rules,
    and a long article is scanned near its date words only.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    size = len(text)
    tokens = _trigger_tokens(text, gram)
    if size <= _MARGIN:  # every window is the whole clause (most clauses): no arithmetic
        whole = [(0, size)]
        return {category: whole for _, _, categories in tokens for category in categories}
    for start, stop, categories in tokens:
        lo, end = max(0, start - _MARGIN), min(size, stop + _MARGIN)
        cut = _BREAK.search(text, end, min(size, end + 24))  # not inside a word or a number
        end = cut.start() if cut else min(size, end + 24)
        for category in categories:
            runs = spans.get(category)
            if runs is None:
                spans[category] = [(lo, end)]
            elif lo <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
            else:
                runs.append((lo, end))
    return spans


def _trigger_tokens(text: str, gram: Grammar) -> list[tuple[int, int, tuple[str, ...] | frozenset[str]]]:
    """The tokens of ``text`` (runs of letters or of digits) that trigger rules, in order.

    Two regex scans instead of a Python loop over every word: digit runs, and the trigger words
    in the lower-cased text. Falls back to that loop when lower-casing moves the offsets or a
    word opens with a digit that is not a decimal one ("²").
    """
    lowered = text.lower()
    if len(lowered) != len(text) or not (text.isascii() or _ODD_DIGITS.isdisjoint(text)):
        return _trigger_tokens_by_word(text, gram)
    tokens = [(*m.span(1), _digit_categories(m)) for m in _DIGITS.finditer(text)]
    words = [
        (m.start(), m.end(), gram.triggers[m.group()])
        for m in gram.trigger_scan.finditer(lowered)
        if _LETTER_BEFORE.match(text, m.start())  # the whole word, not the end of a longer one
    ]
    if words:
        tokens = sorted(tokens + words) if tokens else words
    return tokens


def _trigger_tokens_by_word(text: str, gram: Grammar) -> list:
    found = []
    for token in _TOKEN.finditer(text):
        word = token.group()
        categories = (
            _number_categories(text, token) if word[0].isdigit() else gram.triggers.get(word.lower(), ())
        )
        if categories:
            found.append((token.start(), token.end(), categories))
    return found


def _odd_digits() -> frozenset[str]:
    """Letters (for the regex engine) that Python still counts as digits: "²", "①"."""
    odd = (chr(i) for i in range(128, 0x110000) if chr(i).isdigit())
    return frozenset(c for c in odd if not re.match(r"\d", c) and re.match(r"\w", c))


_ODD_DIGITS = _odd_digits()
_BREAK = re.compile(r"\s")
_SEPARATED = re.compile(r"\s{0,2}[/.\-–]\s{0,2}\d")


_DIGIT_CATEGORIES: dict[tuple, tuple[str, ...]] = {}


def _digit_categories(found: re.Match[str]) -> tuple[str, ...]:
    """``_number_categories`` of a ``_DIGITS`` match, kept per shape of the run (its length up
    to 5, a leading 1 or 2, a final 0, a separator after): forty shapes at most."""
    digits = found.group(1)
    key = (min(len(digits), 5), digits[0] in "12", digits[-1] == "0", found.group("sep") is not None)
    categories = _DIGIT_CATEGORIES.get(key)
    if categories is None:
        categories = _DIGIT_CATEGORIES[key] = _number_categories(found.string, found, group=1)
    return categories


def _number_categories(text: str, token: re.Match[str], group: int = 0) -> tuple[str, ...]:
    """Which number rules a run of digits may start: "2023" a year, "15/12" a numeric date..."""
    digits = token.group(group)
    categories = ["digit"]
    if _SEPARATED.match(text, token.end(group)):
        categories.append("sep")
    if len(digits) == 4 and digits[0] in "12":
        categories.append("year")
    if digits[-1] == "0" and len(digits) in (2, 4):
        categories.append("decade")
    return tuple(categories)


def _candidates(text: str, gram: Grammar) -> list[tuple[Piece, int]]:
    windows = _windows(text, gram)
    if not windows:
        return []
    lex = lexicon(gram.lang)
    found = []
    unions: dict[frozenset[str], list[tuple[int, int]]] = {}
    plain: str | bool | None = False  # not made yet
    for priority, (name, categories, pattern, gate, needs) in _active(gram.lang, frozenset(windows)):
        if needs is not None and plain is False:
            plain = plain_text(text)
        runs = unions.get(categories)
        if runs is None:
            runs = unions[categories] = _union([windows[c] for c in categories if c in windows])
        for start, end in runs:
            # skip a window that lacks a part every match holds: a regex, or one of some words
            if gate is not None and gate.search(text, start, end) is None:
                continue
            if needs is not None and plain is not None and needs.search(plain, start, end) is None:
                continue
            for match in pattern.finditer(text, start, end):
                piece = interpret(name, match, text, lex, gram)
                if piece is not None and piece.end > piece.start:
                    found.append((piece, priority))
    return found


@lru_cache(maxsize=1024)
def _active(lang: str, present: frozenset[str]) -> tuple[tuple[int, Rule], ...]:
    """The rules the present trigger categories let run, in priority order (a few hundred sets
    of categories occur: kept once each)."""
    gram = grammar(lang)
    found = {i for category in present for i in gram.by_category.get(category, ())}
    return tuple((i, gram.rules[i]) for i in sorted(found))


def _union(groups: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Merge sorted lists of (start, end) stretches into one sorted list without overlaps."""
    if len(groups) < 2:
        return groups[0] if groups else []
    runs = sorted(run for group in groups for run in group)
    merged: list[tuple[int, int]] = []
    for start, end in runs:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _select(found: list[tuple[Piece, int]]) -> list[Piece]:
    """Longest pieces first, earlier rules on ties; no two chosen pieces overlap."""
    found = sorted(found, key=lambda f: (f[0].start - f[0].end, f[1], f[0].start))
    starts: list[int] = []  # the chosen pieces in text order: they never overlap, so a new
    chosen: list[Piece] = []  # piece need only be checked against its two neighbours
    for piece, _ in found:  # (pieces are never empty: overlapping means sharing a character)
        at = bisect_right(starts, piece.start)
        if (at and chosen[at - 1].end > piece.start) or (at < len(starts) and starts[at] < piece.end):
            continue
        starts.insert(at, piece.start)
        chosen.insert(at, piece)
    return chosen


def _combine(pieces: list[Piece], text: str, gram: Grammar) -> list[Piece]:
    """Join neighbours that form one expression.

    Three passes: facets ("Friday next week", "June of next year", "2016 the third quarter"),
    ranges ("from X to Y"), then ranges anchored by a neighbour ("next week between Wednesday
    and Friday", "du 4 au 22 ce mois-ci"). Pieces still pending are left for the caller to drop.
    """
    glued = _pairwise(pieces, lambda a, b: _glue(a, b, text, gram))
    ranged = _pairwise(glued, lambda a, b: _range(a, b, text, gram))
    return _pairwise(ranged, lambda a, b: _glue(a, b, text, gram))


def _pairwise(pieces: list[Piece], merge) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        merged = merge(out[-1], piece) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(piece)
    return out


def _glue(a: Piece, b: Piece, text: str, gram: Grammar) -> Piece | None:
    gap = text[a.end : b.start]
    if len(gap) > 12 or not gram.glue_gap.fullmatch(gap):
        return None
    end = b.end + 1 if "(" in gap and text[b.end : b.end + 1] == ")" else b.end
    if a.last is not None or b.last is not None:
        span, anchor = (a, b) if a.last is not None else (b, a)
        if span.last is None or anchor.last is not None or anchor.pending:
            return None
        first, last = _anchor(span.first, anchor), _anchor(span.last, anchor)
        if first is None or last is None:
            return None
        return Piece(a.start, end, "range", first, last)
    first = _join(a, b) or _join(b, a)
    return None if first is None else Piece(a.start, end, "combined", first)


def _join(a: Piece, b: Piece) -> When | None:
    """The facets of ``a`` completed by its neighbour ``b``, when the two name one date."""
    x, y = a.first, b.first
    if a.rule in ("weekday", "weekday_day") and x.day is None and b.rule in _DATED and not b.pending:
        return changed(y, weekday=x.weekday)
    if a.pending and b.pending:
        return None
    return _anchor(x, b)


def _anchor(x: When, b: Piece) -> When | None:
    """``x`` placed by ``b``: a shifted week, month or year, a year, or a month."""
    y = b.first
    below_year = any(f is not None for f in (x.month, x.quarter, x.semester, x.season, x.week_no))
    below_month = x.day is not None or x.nth is not None or x.week_no is not None
    free = x.year is None and x.unit is None and x.year_shift is None and x.direction == 0
    if not free:
        return None
    if b.rule == "shift" and y.shift is not None:
        if y.unit == "week" and x.weekday is not None and x.day is None and x.nth is None:
            return changed(x, week_shift=y.shift)
        if y.unit == "month" and below_month and x.month is None:
            return changed(x, unit="month", shift=y.shift)
        if y.unit == "year" and below_year:
            return changed(x, unit="year", shift=y.shift)
        return None
    if b.rule == "year" and below_year and not (x.day is not None and x.month is None):
        return changed(x, year=y.year)
    if b.rule in ("month", "month_year") and y.day is None and below_month and x.month is None:
        return changed(x, month=y.month, year=y.year)
    return None


def _range(a: Piece, b: Piece, text: str, gram: Grammar) -> Piece | None:
    gap = text[a.end : b.start]
    if a.last is not None or b.last is not None or a.pending or b.pending or len(gap) > 12:
        return None
    found = gram.range_gap.fullmatch(gap)
    if found is None:
        return None
    lex = lexicon(gram.lang)
    conn = fold(found["conn"])
    opened = tail_search(gram.range_opener, text, max(0, a.start - 20), a.start)
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


def _with_prefix(piece: Piece, text: str, gram: Grammar) -> Piece:
    """Take in "since", "by", "early", "fin", "mi-" before the piece (at most two)."""
    for _ in range(2):
        found = tail_search(gram.prefix, text, max(0, piece.start - 30), piece.start)
        if found is None or piece.last is not None:
            return piece
        lex = lexicon(gram.lang)
        when = piece.first
        if found["bound"] and when.offset is not None and when.bound is None:
            when = changed(when, bound=lex.bounds[fold(found["bound"])])
        elif when.offset is not None or when.window is not None:
            return piece  # "d'ici il y a deux ans": "d'ici" is a place there
        elif found["around"] and when.day is not None and when.around is None:
            when = changed(when, around=lex.period_of[fold(found["around"])])
        elif found["since"]:  # a year-less "depuis le 16 mars" lies in the past, "d'ici juin" ahead
            when = changed(when, open_end="since", direction=when.direction or -1)
        elif found["by"]:
            when = changed(when, open_end="by", direction=when.direction or 1)
        elif found["edge"]:
            edge = lex.edges.get(fold(found["edge"]))
            if edge is None or when.edge is not None:
                return piece
            when = changed(when, edge=edge)
        else:
            return piece
        piece = Piece(found.start(), piece.end, piece.rule, when, piece.last)
    return piece


def _to_ref(text: str, piece: Piece, published: dt.date | None) -> DateRef:
    start, end, gran = resolve(piece.first, published)
    relative = piece.first.relative
    guessed = piece.first.year_guessed
    if piece.last is not None:
        _, end, _ = resolve(piece.last, published)
        relative = relative or piece.last.relative
        guessed = guessed and piece.last.year_guessed
        if guessed and start is not None and end is not None and start > end:
            # "from March to June" in a November article: each end nearest publication would give March
            # next year and June this one; the period runs from the March before that June
            start = add_units(start, "year", -1)
    # Filled like the splitter's moved copies, without the frozen __init__'s one
    # object.__setattr__ per field: one DateRef per date found in the article.
    ref = object.__new__(DateRef)
    vars(ref).update(
        surface=text[piece.start : piece.end],
        span=(piece.start, piece.end),
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        granularity=gran,
        relative=relative,
        year_guessed=guessed and start is not None,
    )
    return ref
