"""The date grammar of a language: bounded regexes built from its vocabulary table.

Each rule is one compiled pattern; ``claims.dates_rules`` turns its matches into ``When``
facets. Every repetition is bounded ({0,3}) and alternatives are fixed words, so the scan is
linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.dates_lexicon import LETTER_AFTER, LETTER_BEFORE, alternation, capitalised, fold, lexicon
from claims.dates_scan import first_char_guard, plain_alternation, word_gate, word_scanner

FLAGS = re.IGNORECASE | re.VERBOSE
NO_DIGIT_BEFORE = r"(?<![\d.,/])(?<!\d\s)"  # not part of "6,107.31" or "2 000"
NO_DIGIT_AFTER = r"(?![\d/])(?![.,\-]\d)"  # not followed by more digits or a decimal part
DAY_DIGITS = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
MONTH_DIGITS = r"(?:1[0-2]|0?[1-9])(?!\d)"
YEAR_DIGITS = r"(?:1\d{3}|20\d\d|21\d\d)(?!\d)(?![.,]\d)"  # years inside full dates
BARE_YEAR = r"(?:19\d\d|20\d\d|2100)"  # a year standing alone: 1900-2100


# name, categories, pattern (None: never matches), regex gate, word gate (see _compile)
Rule = tuple[str, frozenset[str], re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]


@dataclass(frozen=True)
class Grammar:
    """Compiled rules of one language, in priority order (earlier wins a tie)."""

    lang: str
    rules: tuple[Rule, ...]
    triggers: dict[str, frozenset[str]]  # a lower-case word -> the rule categories it can start
    trigger_scan: re.Pattern[str]  # the trigger words in lower-cased text (see dates_scan)
    by_category: dict[str, tuple[int, ...]]  # a category -> the rules it lets run
    year_context: re.Pattern[str]
    month_context: re.Pattern[str]
    subject_verb: re.Pattern[str]
    prefix: re.Pattern[str]
    range_gap: re.Pattern[str]
    range_opener: re.Pattern[str]
    glue_gap: re.Pattern[str]
    connector_after: re.Pattern[str]
    day_context: re.Pattern[str]
    step: re.Pattern[str]  # one "(count) (unit)" of a compound offset


def _words(*groups) -> list[str]:
    return [w for group in groups for w in group]


def _triggers(t) -> dict[str, frozenset[str]]:
    """Words whose presence lets a category of rules run: a clause without a month name skips
    every month rule, which keeps the scan cheap (most clauses hold no date at all)."""
    tables = {
        "month": (t.MONTHS, t.MONTH_ABBREVIATIONS),
        "weekday": (t.WEEKDAYS, t.WEEKDAY_ABBREVIATIONS),
        "unit": (t.UNITS,),
        "season": (t.SEASONS,),
        "decade": (t.DECADE_WORDS, t.DECADE_HEADS),
        "quarter": (t.QUARTER_WORDS, t.SEMESTER_WORDS, [w + "s" for w in t.QUARTER_WORDS]),
        "week": ([w for w, u in t.UNITS.items() if u == "week"],),
        "ytd": (t.YEAR_TO_DATE,),
        "relday": (t.RELATIVE_DAYS,),
        "anaday": (t.ANAPHORIC_DAYS,),
        "dayword": (t.ORDINALS, [w for w, n in t.CARDINALS.items() if len(w) > 2 and n <= 31]),
    }
    found: dict[str, set[str]] = {}
    for category, groups in tables.items():
        for word in (w for group in groups for w in group):
            for form in (word.lower().replace("’", "'"), fold(word)):
                # the longest word of a phrase is its rarest: "aujourd'hui" -> "aujourd"
                token = max(WORD_TOKEN.findall(form) or [""], key=len)
                if token:
                    found.setdefault(token, set()).add(category)
    return {token: frozenset(c) for token, c in found.items()}


WORD_TOKEN = re.compile(r"[^\W\d_]+")


def _guarded(pattern: str, flags: int = FLAGS) -> re.Pattern[str]:
    """``pattern`` compiled behind its first-character guard (see ``claims.dates_scan``)."""
    return re.compile(first_char_guard(pattern, flags) or pattern, flags)


def _compile(rule: tuple) -> Rule:
    """A rule compiled behind its first-character guard, with its gates if it has them: a regex
    every match holds, and words one of which every match holds."""
    name, categories, pattern, gate, words = (*rule, None, None)[:5]
    guarded = first_char_guard(pattern, FLAGS)
    compiled = None if guarded is None else re.compile(guarded, FLAGS)  # None: it never matches
    needs = None
    if isinstance(words, str):  # a regex over plain text
        needs = re.compile(words)
    elif words is not None:  # vocabulary words, one of which every match holds
        needs = word_gate(words)
    return name, frozenset(categories.split()), compiled, gate and re.compile(gate, FLAGS), needs


@lru_cache(maxsize=8)
def grammar(lang: str) -> Grammar:
    """Build (once) the compiled date rules of ``lang``."""
    lex = lexicon(lang)
    t = lex.table
    need_caps = {fold(m) for m in t.CAPITALISED_MONTHS}
    full = [m for m in t.MONTHS if fold(m) not in need_caps]
    abbr = [m for m in t.MONTH_ABBREVIATIONS if fold(m) not in need_caps]
    caps = [m for m in (*t.MONTHS, *t.MONTH_ABBREVIATIONS) if fold(m) in need_caps]
    # any month form; an abbreviation may carry its dot ("oct.")
    month = rf"(?:{alternation(full)}|{alternation(abbr)}\.?|{capitalised(caps)})"
    any_month = rf"(?:{alternation(t.MONTHS)}|{alternation(t.MONTH_ABBREVIATIONS)}\.?)"
    weekday = rf"(?:{alternation(t.WEEKDAYS)}|{alternation(t.WEEKDAY_ABBREVIATIONS)}(?=\.))"
    suffix = alternation(t.ORDINAL_SUFFIXES, bounded=False)
    day_number = rf"{NO_DIGIT_BEFORE}{DAY_DIGITS}(?:{suffix}{LETTER_AFTER})?"
    day_words = [w for w, n in (*t.ORDINALS.items(), *t.CARDINALS.items()) if isinstance(n, int)]
    day_word = alternation([w for w in day_words if len(fold(w)) > 2])
    day = rf"(?:{day_number}|{day_word})"
    year = rf"{NO_DIGIT_BEFORE}{YEAR_DIGITS}"
    code_year = rf"(?<![\d.,/]){YEAR_DIGITS}"  # "Q3 2024": the digit before is the quarter
    count = rf"(?:{NO_DIGIT_BEFORE}\d{{1,3}}(?!\d)|{alternation(t.CARDINALS)})"
    unit = alternation(t.UNITS)
    articles = alternation(t.ARTICLES)
    ordinal_digits = rf"{NO_DIGIT_BEFORE}\d{{1,2}}(?:{suffix}){LETTER_AFTER}"  # 3rd, 3e
    ordinal = rf"(?:{alternation(t.ORDINALS)}|{ordinal_digits}|{alternation(t.LAST_WORDS)})"
    quarter_word = alternation([*t.QUARTER_WORDS, *t.SEMESTER_WORDS, *(w + "s" for w in t.QUARTER_WORDS)])
    letters = "".join(sorted({c.upper() + c.lower() for c in (*t.QUARTER_LETTERS, *t.SEMESTER_LETTERS)}))
    of = alternation(t.GLUE)
    year_head = alternation(t.YEAR_HEADS)
    week_word = alternation([w for w, u in t.UNITS.items() if u == "week"])
    connectors = rf"(?:{alternation(t.RANGE_CONNECTORS)}|[\-–—])"  # dashes fold to nothing
    openers = alternation(t.RANGE_OPENERS)
    shift_before = alternation(t.SHIFT_BEFORE)
    shift_after = alternation(t.SHIFT_AFTER)
    anaphoric = alternation(t.ANAPHORIC)
    kept_article = alternation(t.SURFACE_ARTICLES)
    month_heads = alternation(t.MONTH_HEADS)
    step_gap = r"(?:\s{0,2},\s{0,2}|\s{1,3}(?:and|et)\s{1,3}|\s{1,3})"
    steps = rf"(?:{step_gap}{count}\s{{0,3}}{unit}){{0,3}}"  # "2 years 1 month 21 days"
    # Gates: a part every match of the rule contains, opening with a digit so that the engine
    # skips straight to the digits; a window where the gate fails cannot hold a match.
    # "4 to 22", "3 au 12", "19-20" (month_range allows "the" before the second day)
    day_then_connector = (
        rf"\d(?:{suffix})?\s{{0,3}}(?:{connectors})\s{{0,3}}(?:(?:{articles}|the)\s{{0,3}})?\d"
    )
    quarter_code = rf"[1-4](?<=[{letters}][1-4])"  # "Q3", "T3", "H1"
    # ... and gates over plain text (lower case, no accents), whose words open with literals
    pa = plain_alternation
    long_day_words = [w for w in day_words if len(fold(w)) > 2]
    needs_day = rf"\d|{pa(long_day_words)}"  # a day in digits or in words
    needs_ordinal = rf"\d|{pa(t.ORDINALS)}|{pa(t.LAST_WORDS)}"  # "3rd", "troisième", "last"

    rules = [
        # 2023-12-15, 2015/08/12, 2015.5.13
        (
            "iso",
            "sep",
            rf"{NO_DIGIT_BEFORE}(?P<y>[12]\d{{3}})(?P<sep>[-/.])(?P<m>{MONTH_DIGITS})(?P=sep)"
            rf"(?P<d>{DAY_DIGITS}){NO_DIGIT_AFTER}",
            r"\d{4}[-/.]\d{1,2}[-/.]\d",
        ),
        # 2019-sep-1
        (
            "iso",
            "month",
            rf"{NO_DIGIT_BEFORE}(?P<y>[12]\d{{3}})(?P<sep>[-/])(?P<mon>{month})(?P=sep)(?P<d>{DAY_DIGITS})",
            r"\d[-/]",
        ),
        # 15/12/2023, 12/15/2023, 18/9/15, 13.5.2015
        (
            "numeric",
            "sep",
            rf"{NO_DIGIT_BEFORE}(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)"
            rf"(?P<y>\d{{4}}|\d\d)(?!\d)(?![/.,\-]\d)",
            r"\d[/.\-]\d{1,2}[/.\-]\d",
        ),
        # 22/04 after "le", "on", a weekday or "(": a bare "3/4" is a fraction
        (
            "numeric_dm",
            "sep",
            rf"(?:(?:{alternation(t.ARTICLES)}|on|sur|du|au|{openers}|{connectors})\s{{1,3}}|\(\s?)"
            rf"(?P<x>(?P<a>\d{{1,2}})[/\-](?P<b>\d{{1,2}})){NO_DIGIT_AFTER}",
            r"\d[/\-]\d",
        ),
        # vendredi 06/07, friday 7.6, ce vendredi (15/06)
        (
            "numeric_dm",
            "sep",
            rf"(?P<wd>{weekday}),?\s{{1,3}}\(?\s?(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})"
            rf"(?:(?P=sep)(?P<y>\d{{4}}|\d\d))?{NO_DIGIT_AFTER}\)?",
            r"\d[/.\-]\d",
        ),
        # 11/2016, 2016-11 (month and year)
        (
            "numeric_my",
            "sep",
            rf"{NO_DIGIT_BEFORE}(?P<m>{MONTH_DIGITS})\s{{0,2}}[/\-]\s{{0,2}}(?P<y>{BARE_YEAR})"
            rf"{NO_DIGIT_AFTER}",
            r"\d\s{0,2}[/\-]\s{0,2}[12]\d{3}",
        ),
        (
            "numeric_my",
            "sep",
            rf"{NO_DIGIT_BEFORE}(?P<y>{BARE_YEAR})\s{{0,2}}[/\-]\s{{0,2}}(?P<m>{MONTH_DIGITS})"
            rf"{NO_DIGIT_AFTER}",
            r"\d{4}\s{0,2}[/\-]\s{0,2}\d",
        ),
        # 2020-2023, 2020-23
        (
            "year_span",
            "sep year",
            rf"{NO_DIGIT_BEFORE}(?P<y1>{BARE_YEAR})\s{{0,2}}[-–/]\s{{0,2}}(?P<y2>{BARE_YEAR}|\d\d)"
            rf"{NO_DIGIT_AFTER}",
            r"\d\s{0,2}[-–/]\s{0,2}\d",
        ),
        # de 2020 à 2023, between 2020 and 2023
        (
            "year_span",
            "sep year",
            rf"(?P<open>{openers})\s{{1,3}}(?P<y1>{BARE_YEAR})\s{{1,3}}(?P<conn>{connectors})"
            rf"\s{{1,3}}(?P<y2>{BARE_YEAR}){NO_DIGIT_AFTER}",
            rf"\d\s{{1,3}}(?:{connectors})\s{{1,3}}{BARE_YEAR}",
        ),
        # 15 décembre 2023, 1st jan, fourth of may, 26th june of 2020
        (
            "day_month",
            "month",
            rf"(?P<d>{day})(?:\s{{1,3}}{of}\s{{1,3}}|[\s.\-]{{0,3}})(?P<mon>{month})"
            rf"(?:(?:[\s,.]{{1,3}}|\s{{1,3}}{of}\s{{1,3}})(?P<y>{year}))?",
        ),
        # the fourth of may
        (
            "day_month",
            "month",
            rf"(?P<d>{day})\s{{1,3}}{alternation(t.DAY_OF)}\s{{1,3}}(?P<mon>{any_month})"
            rf"(?:(?:[\s,.]{{1,3}}|\s{{1,3}}{of}\s{{1,3}})(?P<y>{year}))?",
            None,
            t.DAY_OF,
        ),
        # December 15, 2023; Oct. 2; may the eleventh
        (
            "month_day",
            "month",
            rf"(?P<mon>{month})[\s\-]{{0,3}}(?:(?:the|le)\s{{1,3}})?(?P<d>{day})(?![:h]?\d)"
            rf"(?:,?\s{{1,3}}(?:{of}\s{{1,3}})?(?P<y>{year}))?",
        ),
        # from 4 to 22 January 2017, du 3 au 12 du mois de sept.
        (
            "day_range",
            "month",
            rf"(?:(?P<open>{openers})\s{{1,3}}(?:{articles}\s{{0,3}})?)?(?P<d1>{day_number})\s{{0,3}}"
            rf"(?P<conn>{connectors})\s{{0,3}}(?:{articles}\s{{0,3}})?(?P<d2>{day_number})"
            rf"(?:\s{{1,3}}{of}\s{{1,3}}(?:{alternation(t.MONTH_HEADS)}\s{{0,3}})?|\s{{0,3}})(?P<mon>{month})"
            rf"(?:[\s,]{{1,3}}(?P<y>{year}))?",
            day_then_connector,
        ),
        # from 4 to 22 (kept only when a month follows: "from 4 to 22 this month")
        (
            "day_span",
            "digit",
            rf"(?:(?P<open>{openers})\s{{1,3}}(?:{articles}\s{{0,3}})?)?(?P<d1>{day_number})\s{{0,3}}"
            rf"(?P<conn>{connectors})\s{{0,3}}(?:{articles}\s{{0,3}})?(?P<d2>{day_number})(?!\s{{0,3}}[\d%])",
            day_then_connector,
        ),
        # November 19-20, novembre entre 19 et 20
        (
            "month_range",
            "month",
            rf"(?:(?P<open0>{openers})\s{{1,3}})?(?P<mon>{month})\s{{1,3}}(?:(?P<open>{openers})\s{{1,3}})?"
            rf"(?:{articles}\s{{0,3}})?"
            rf"(?P<d1>{day_number})\s{{0,3}}(?P<conn>{connectors})\s{{0,3}}(?:the\s{{1,3}})?"
            rf"(?P<d2>{day_number})(?:,?\s{{1,3}}(?P<y>{year}))?",
            day_then_connector,
        ),
        # the first Friday of July
        (
            "nth_weekday",
            "weekday",
            rf"(?:{articles}\s{{0,3}})?(?P<ord>{ordinal})\s{{1,3}}(?P<wd>{weekday})\s{{0,3}}"
            rf"(?:(?:{of}|in|en)\s{{0,3}}(?P<mon>{month})(?:\s{{1,3}}(?P<y>{year}))?)?",
            None,
            needs_ordinal,
        ),
        # June 2023, Jan, 2001, nov. de l'année 2016
        (
            "month_year",
            "month",
            rf"(?:(?P<head>{month_heads})\s{{0,3}})?(?P<mon>{month})"
            rf"(?:\s{{0,2}},\s{{0,2}}|\s{{1,3}}|\s{{1,3}}{of}\s{{1,3}}(?:{year_head}\s{{1,3}})?|-)"
            rf"(?P<y>{year})",
            r"[12]\d{3}",
        ),
        (
            "month_year",
            "month",
            rf"(?P<y>{year})(?:\s{{0,2}},\s{{0,2}}|\s{{1,3}}|-)(?P<mon>{month})(?![\s\-]{{0,3}}\d)",
            r"[12]\d{3}",
        ),
        # le mois de mars, this May, septembre dernier, September
        (
            "month",
            "month",
            rf"(?:(?P<head>{month_heads})\s{{0,3}}|(?P<pre>{shift_before})\s{{1,3}})?"
            rf"(?P<mon>{month})(?:\s{{1,3}}(?P<suf>{shift_after}))?",
        ),
        # Q3 2024, T3 2024, H1 2024, 2024 Q3
        (
            "quarter_code",
            "digit",
            rf"{LETTER_BEFORE}(?P<letter>[{letters}])(?P<n>[1-4])(?!\d){LETTER_AFTER}"
            rf"(?:\s{{0,2}}(?P<y>{code_year}))?",
            quarter_code,
        ),
        (
            "quarter_code",
            "digit",
            rf"(?P<y>{year})\s{{0,2}}(?P<letter>[{letters}])(?P<n>[1-4])(?!\d){LETTER_AFTER}",
            quarter_code,
        ),
        # the third quarter of 2016, au troisième trimestre 2024, premier semestre
        (
            "quarter",
            "quarter",
            rf"(?:(?P<art>{articles})\s{{1,3}})?(?P<ord>{ordinal})[\s\-]{{1,3}}(?P<qw>{quarter_word})"
            rf"(?:\s{{1,3}}(?:{of}\s{{1,3}})?(?:{year_head}\s{{1,3}})?(?P<y>{year}))?",
            None,
            needs_ordinal,
        ),
        # the third week of 2027, la semaine 31
        (
            "week_no",
            "week",
            rf"(?:{articles}\s{{0,3}})?(?:(?P<ord>{ordinal})\s{{1,3}}{week_word}|{week_word}\s{{1,3}}"
            rf"(?P<n>\d{{1,2}})(?!\d))(?:\s{{1,3}}{of}\s{{1,3}}(?:{year_head}\s{{1,3}})?(?P<y>{year}))?",
            None,
            needs_ordinal,
        ),
        # the 1990s, the '70s, les années 1990, les années soixante-dix
        (
            "decade",
            "decade",
            rf"(?:(?P<art>{alternation(t.DECADE_ARTICLES)})\s{{1,3}})?(?:(?P<head>{alternation(t.DECADE_HEADS)})"
            rf"\s{{1,3}})?(?:{NO_DIGIT_BEFORE}(?P<digits>(?:1\d|20)?\d0)(?!\d)(?P<s>\s?['’]?s{LETTER_AFTER})?"
            rf"|['’](?P<short>\d0)['’]?s{LETTER_AFTER}|(?P<word>{alternation(t.DECADE_WORDS)}))",
            None,
            # only these matches make a decade (dates_rules._decade): "1990s", "'70s", a head
            # word ("les années 90"), or an article before a word ("the seventies")
            rf"\d0\s?['’]?s(?![^\W\d_])|['’]\d0|{pa(t.DECADE_HEADS)}"
            rf"|{pa(t.DECADE_ARTICLES)}\s{{1,3}}{pa(t.DECADE_WORDS)}",
        ),
        # summer 2016, l'été dernier, last spring
        (
            "season",
            "season",
            rf"(?:(?P<pre>{shift_before}|{kept_article})\s{{0,3}})?(?P<season>{alternation(t.SEASONS)})"
            rf"(?:\s{{1,3}}(?:{of}\s{{1,3}})?(?P<y>{year})|\s{{1,3}}(?P<suf>{shift_after}))?",
        ),
        # weekdays: Tuesday, mardi dernier, next Friday
        (
            "weekday",
            "weekday",
            rf"(?:(?P<pre>{shift_before})\s{{1,3}})?(?P<wd>{weekday})(?:\s{{1,3}}(?P<suf>{shift_after}))?",
        ),
        # Wednesday the 27th, vendredi 15
        (
            "weekday_day",
            "weekday",
            rf"(?P<wd>{weekday}),?\s{{1,3}}(?:(?:the|le)\s{{1,3}})?(?P<d>{day})"
            rf"(?![\s\-.]{{0,3}}(?:{month}|\d)|[/.\-]\d)(?!\s?[h:]\d|\s?h{LETTER_AFTER})",
            None,
            needs_day,
        ),
        # today, hier, the day before yesterday
        ("relative_day", "relday", alternation(t.RELATIVE_DAYS)),
        # le lendemain, the next day: counted from the story
        ("anaphoric_day", "anaday", alternation(t.ANAPHORIC_DAYS)),
        # last year, cette semaine, l'an dernier, ce mois-ci, that year
        ("shift", "unit", rf"(?P<pre>{shift_before})\s{{1,3}}(?P<unit>{unit})", None, t.SHIFT_BEFORE),
        (
            "shift",
            "unit",
            rf"(?:(?P<det>{kept_article}|{shift_before})\s{{0,3}})?(?P<unit>{unit})(?:\s{{0,2}}-\s{{0,2}}|\s{{1,3}})"
            rf"(?P<suf>{shift_after})",
            None,
            t.SHIFT_AFTER,
        ),
        ("anaphoric", "unit", rf"(?P<pre>{anaphoric})\s{{1,3}}(?P<unit>{unit})", None, t.ANAPHORIC),
        # two years ago, il y a deux ans, dans trois semaines
        (
            "offset",
            "unit",
            rf"(?P<pre>{alternation(t.OFFSET_BEFORE)})\s{{1,3}}(?P<n>{count})\s{{0,3}}(?P<unit>{unit})(?P<steps>{steps})",
            None,
            t.OFFSET_BEFORE,
        ),
        (
            "offset",
            "unit",
            rf"(?P<n>{count})\s{{0,3}}(?P<unit>{unit})(?P<steps>{steps})\s{{1,3}}(?P<post>{alternation(t.OFFSET_AFTER)})"
            rf"(?!\s{{1,3}}{alternation(t.RELATIVE_DAYS)})",
            None,
            t.OFFSET_AFTER,
        ),
        # three weeks from tomorrow, deux jours avant hier
        (
            "offset",
            "unit",
            rf"(?P<n>{count})\s{{0,3}}(?P<unit>{unit})\s{{1,3}}(?P<anchor>{alternation(t.OFFSET_ANCHORS)})\s{{0,3}}"
            rf"(?P<rel>{alternation(t.RELATIVE_DAYS)})",
            None,
            t.RELATIVE_DAYS,
        ),
        # the past three years, les trois derniers mois
        (
            "window",
            "unit",
            rf"(?P<pre>{alternation(t.WINDOW_BEFORE)})\s{{1,3}}(?P<n>{count})\s{{0,3}}(?P<unit>{unit})",
            None,
            t.WINDOW_BEFORE,
        ),
        (
            "window",
            "unit",
            rf"(?P<n>{count})\s{{1,3}}"
            rf"(?P<suf>{alternation(t.WINDOW_AFTER)})\s{{1,3}}(?P<unit>{unit})",
            None,
            t.WINDOW_AFTER,
        ),
        ("year_to_date", "ytd", alternation(t.YEAR_TO_DATE)),
        # the 27th, le 27 (only before punctuation: "le 27e étage" is not a date)
        (
            "day_only",
            "digit dayword",
            rf"(?:{articles})\s{{1,3}}(?P<d>{day})(?=\s{{0,2}}(?:[.,;:!?)]|$))",
            None,
            rf"{pa(t.ARTICLES)}\s{{1,3}}(?:\d{{1,2}}(?!\d)(?:{pa(t.ORDINAL_SUFFIXES, bounded=False)})?"
            rf"|{pa(long_day_words)})(?=\s{{0,2}}(?:[.,;:!?)]|$))",
        ),
        (
            "day_only",
            "digit dayword",
            rf"{alternation(t.DAY_PREPOSITIONS)}\s{{1,3}}(?P<x>(?P<d>{ordinal_digits}|{alternation(t.ORDINALS)}))"
            rf"(?=\s{{0,2}}(?:[.,;:!?)]|$))",
            None,
            rf"{pa(t.DAY_PREPOSITIONS)}\s{{1,3}}(?:\d|{pa(t.ORDINALS)})",
        ),
        # the year 2027, l'année 2027; a bare year is checked for context in dates_rules
        (
            "year",
            "year",
            rf"(?:(?P<head>{year_head})\s{{1,3}})?{NO_DIGIT_BEFORE}(?P<y>{BARE_YEAR})(?!\d)"
            rf"(?![.,]\d|\s?%|\s{{0,2}}[/\-–]\s{{0,2}}\d)",
        ),
    ]
    context = _words(t.YEAR_PREPOSITIONS, t.SINCE_WORDS, t.BY_WORDS, t.EDGES)
    compiled = tuple(_compile(rule) for rule in rules)
    triggers = _triggers(t)
    return Grammar(
        lang=lang,
        rules=compiled,
        triggers=triggers,
        trigger_scan=word_scanner(triggers),
        by_category={
            category: tuple(
                i for i, rule in enumerate(compiled) if category in rule[1] and rule[2] is not None
            )
            for category in {c for rule in compiled for c in rule[1]}
        },
        year_context=_guarded(rf"{alternation(context)}[\s\-]{{0,3}}$", FLAGS),
        month_context=_guarded(
            rf"{alternation(_words(t.MONTH_PREPOSITIONS, t.EDGES))}[\s\-]{{0,3}}(?:{articles}\s{{0,3}})?$",
            FLAGS,
        ),
        subject_verb=re.compile(rf"\s{{0,3}},?\s{{0,3}}{alternation(t.YEAR_SUBJECT_VERBS)}", FLAGS),
        prefix=_guarded(
            rf"(?:(?P<since>{alternation(t.SINCE_WORDS)})|(?P<by>{alternation(t.BY_WORDS)})"
            rf"|(?P<bound>{alternation(t.BOUND_WORDS)})|(?P<around>{alternation(t.PERIOD_OF)})"
            rf"|(?P<edge>{alternation(t.EDGES)})[\s\-]{{0,3}}(?:{articles}\s{{0,3}})?)[\s\-]{{0,3}}$",
            FLAGS,
        ),
        range_gap=re.compile(rf"\s{{0,3}}(?P<conn>{connectors})\s{{0,3}}(?:{articles}\s{{0,3}})?$", FLAGS),
        range_opener=_guarded(rf"(?P<open>{openers})\s{{0,3}}(?:{articles}\s{{0,3}})?$", FLAGS),
        glue_gap=re.compile(
            rf"(?:{alternation(t.POSSESSIVE, bounded=False)})?[\s,(]{{0,3}}(?:{of}\s{{1,3}}|{of}$)?"
            rf"(?:{articles}\s{{0,3}})?$",
            FLAGS,
        ),
        connector_after=re.compile(rf"\s{{1,3}}(?:{connectors})\s", FLAGS),
        day_context=_guarded(alternation(t.NOT_AFTER_DAY), FLAGS),
        step=_guarded(rf"(?P<n>{count})\s{{0,3}}(?P<unit>{unit})", FLAGS),
    )
