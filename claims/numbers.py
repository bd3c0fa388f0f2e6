"""Numbers in text, with offsets: digits in both locales ("250 000", "250,000", "1,2", "3/4",
"$1.2bn", "5k", "21st") and words ("quatre-vingt-dix", "a dozen", "un million et demi").

``find_numbers`` is the span-preserving reader the statistics parser builds on;
``value_of`` and ``words_to_digits`` give text2num's ``text2num``/``alpha2digit`` readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from claims.models import build
from claims.number_cues import Cues, clause_cues
from claims.number_lexicon import (
    Lexicon,
    Token,
    alternation,
    connector_tokens,
    lexicon,
    prefix_tokens,
    strong_tokens,
)
from claims.number_words import WEAK_CARDINALS, Parsed, parse_run
from claims.vocabulary import load

_SPACES = " \u00a0\u202f\u2009"
_VULGAR = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅙": 1 / 6, "⅛": 0.125}


@dataclass(frozen=True)
class Number:
    """A number found in text. ``kind``: cardinal, ordinal or fraction.

    ``digits`` is True when written with digits; ``glued`` holds letters stuck to the digits
    ("km" in "29km"; "bn" in "1.2bn", whose scale is already in ``value``); ``weak`` marks a lone
    "one"/"un" or a lone ordinal word, which is often not a number at all ("no one", "at first").
    """

    start: int
    end: int
    value: float
    kind: str = "cardinal"
    digits: bool = False
    glued: str = ""
    weak: bool = False


@dataclass(frozen=True)
class _DigitForms:
    """The compiled digit reader of one locale."""

    pattern: re.Pattern[str]
    grouped: re.Pattern[str]
    group_separator: str
    ordinal_suffix: re.Pattern[str]
    scale_suffixes: dict[str, float]


@cache
def _digit_forms(lang: str) -> _DigitForms:
    """Digit forms for one locale: grouping and decimal separators differ."""
    table = load(lang, "numbers")
    dec = re.escape(table.DECIMAL_SEPARATOR)
    grp = re.escape(table.GROUP_SEPARATORS)
    # French copy also writes "1.5"; in English a comma only ever groups thousands
    decimal = "[.,]" if table.DECIMAL_SEPARATOR == "," else dec
    # Indian grouping "12,34,567.89" where commas group (English)
    lakh = r"| \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d])" if table.GROUP_SEPARATORS == "," else ""
    after_comma = (
        "(?<![,])" if table.DECIMAL_SEPARATOR == "," else "(?<![^\\W\\d_],)"
    )  # "22,24,26" lists in English
    sp = f"[{_SPACES}]"
    spaced_words = getattr(table, "SPACED_SCALE_SUFFIXES", ())
    spaced = rf"(?P<spaced>{sp}{{1,2}}{alternation(spaced_words)}(?![\w]))?" if spaced_words else ""
    pattern = re.compile(
        rf"""
        (?=[-−+\d.,¼½¾⅓⅔⅕⅙⅛])                  # cheap first-character test before the look-behinds
        (?<![\w./]){after_comma}(?<!\d\+)(?<![^\W\d_]-)(?<![^\W\d_]\d-)(?<!\d/)  # not in a word, code, date
        (?P<sign>(?<![\w])(?<!\d[ ])[-−+]{sp}?)?   # a leading sign, not the dash of "40 - 50"
        (?P<num>
            \d{{1,3}}(?:{grp}\d{{3}})+(?:{dec}\d+)?(?![\d])      # 1,234,567.89 / 1.234.567,89
          {lakh}
          | \d{{1,3}}(?:{sp}\d{{3}})+(?:{dec}\d+)?(?![\d])     # 250 000 (any space)
          | \d+(?:{decimal}\d+)?                               # 12 / 1.2 / 1,2
          | [.,]\d+                                           # ,25
        )
        (?P<frac>{sp}{{1,3}}\d{{1,2}}/\d{{1,2}}(?![\d/]))?      # 2 1/4
        (?P<over>/\d{{1,3}}(?![\d/]))?                        # 3/4 (not 01/1995)
        (?P<exp>[eE][-+]?\d{{1,3}}(?![\w]) | \^[-+]{{0,2}}\d{{1,3}}
              | {sp}?[×x]{sp}?10(?:\^|\*\*)?[-−+]?\d{{1,3}}(?![\d]))?  # 1e10, 1.1^23, 2.48×10−5
        (?P<vulgar>[¼½¾⅓⅔⅕⅙⅛])?
        {spaced}                                              # "2,33 k" where the locale writes it
        (?P<suffix>[^\W\d_]{{1,12}}(?:[²³]|\^[-−]?[1-4](?![\d])|\d(?![\d]))?)?  # 5k, 29km, 21st, 4km^3
        """,
        re.VERBOSE,
    )
    lakh_whole = r"|\d{1,2}(?:,\d{2})+,\d{3}" if lakh else ""
    grouped = re.compile(rf"(?:\d{{1,3}}(?:{grp}\d{{3}})+{lakh_whole})(?:{dec}\d+)?\Z")
    ordinal_suffix = re.compile(table.ORDINAL_SUFFIX + r"\Z", re.IGNORECASE)
    return _DigitForms(pattern, grouped, table.GROUP_SEPARATORS, ordinal_suffix, dict(table.SCALE_SUFFIXES))


# Words after which "moins"/"plus"/"minus" compare rather than sign the number.
_NOT_SIGN = re.compile(r"(?<![\w])(?:au|du|pas|le|fois|at|no|the|times)[ \u00a0]+\Z", re.IGNORECASE)
_VAGUE_SCALE = re.compile(
    r"(?<![\w])(?:several|a few|few|many|some|plusieurs|quelques|des)[ \u00a0]+\Z", re.IGNORECASE
)
_VULGAR_ALONE = re.compile(r"[¼½¾⅓⅔⅕⅙⅛]")
_GAP_OK = re.compile(rf"[{_SPACES}\t-]{{0,6}}\Z")


def _digit_value(m: re.Match[str], forms: _DigitForms) -> float | None:
    """Value of a digit match, reading separators by locale."""
    raw = m.group("num")
    if not raw.isdigit():
        for ch in _SPACES:
            raw = raw.replace(ch, "")
        if forms.grouped.match(raw):
            raw = raw.replace(forms.group_separator, "")
        raw = raw.replace(",", ".")
    value = float(raw)
    if m.lastindex == 2:  # no fraction, exponent or suffix
        return value
    if m.group("frac"):
        top, bottom = m.group("frac").strip(_SPACES).split("/")
        value += int(top) / int(bottom) if int(bottom) else 0
    if m.group("over"):
        bottom = int(m.group("over")[1:])
        if not bottom:
            return None
        value /= bottom
    if m.group("exp"):
        exp = m.group("exp")
        if exp[0] in "eE":
            value *= 10 ** int(exp[1:])
        elif "10" in exp and exp.lstrip(_SPACES)[0] in "×x":
            power = exp.lstrip(_SPACES)[1:].lstrip(_SPACES)[2:].lstrip("^*")
            value *= 10.0 ** (-int(power[1:]) if power[0] in "-−" else int(power.lstrip("+")))
        else:
            power = int(exp.lstrip("^+-"))
            value = value ** (-power if exp.count("-") % 2 else power)
    if m.group("vulgar"):
        value += _VULGAR[m.group("vulgar")]
    return value


def _digit_tokens(text: str, lang: str, digit: bool = True) -> list[tuple[Token, Number | None]]:
    """Digit forms as run tokens; ordinals and glued forms come back as finished Numbers.

    ``digit`` False says the text holds no digit: every digit form needs one."""
    forms = _digit_forms(lang)
    spaced = "spaced" in forms.pattern.groupindex
    out: list[tuple[Token, Number | None]] = []
    for m in forms.pattern.finditer(text) if digit else ():
        sign, raw = m.group(1, 2)  # "sign", "num"
        if m.lastindex == 2 and raw.isdigit():  # plain digits and nothing after (the common case)
            value = -float(raw) if sign and sign[0] != "+" else float(raw)
            out.append((Token("digits", value, m.start(), m.end(), m.group()), None))
            continue
        value = _digit_value(m, forms)
        if value is None:
            continue
        if sign and sign[0] != "+":
            value = -value
        start, end = m.start(), m.end()
        if m.lastindex == 2:  # nothing after the number
            out.append((Token("digits", value, start, end, m.group()), None))
            continue
        if spaced and m.group("spaced"):
            letter = m.group("spaced").strip(_SPACES)
            value = tidy(value * forms.scale_suffixes[letter])
            out.append(
                (Token("glued", value, start, end, ""), Number(start, end, value, "cardinal", True, letter))
            )
            continue
        suffix = m.group("suffix") or ""
        if suffix:
            end -= len(suffix)
            if suffix in forms.scale_suffixes and not m.group("over"):
                value = tidy(value * forms.scale_suffixes[suffix])
                scaled = Number(start, m.end(), value, "cardinal", True, suffix)
                out.append((Token("glued", value, start, m.end(), ""), scaled))
                continue
            if forms.ordinal_suffix.match(suffix) and not m.group("over") and float(value).is_integer():
                out.append(
                    (
                        Token("digits", value, start, m.end(), ""),
                        Number(start, m.end(), value, "ordinal", True),
                    )
                )
                continue
            glued = Number(start, end, value, "cardinal", True, suffix)
            out.append((Token("glued", value, start, end, ""), glued))
            continue
        kind = "fraction" if m.group("over") or m.group("frac") else "cardinal"
        tok = Token("digits", value, start, end, m.group())
        out.append((tok, Number(start, end, value, kind, True) if kind == "fraction" else None))
    vulgar = False
    for m in () if text.isascii() else _VULGAR_ALONE.finditer(text):  # vulgar fractions are not ASCII
        if m.start() and text[m.start() - 1].isdigit():
            continue
        out.append(
            (
                Token("glued", _VULGAR[m.group()], m.start(), m.end(), ""),
                Number(m.start(), m.end(), _VULGAR[m.group()], "fraction", True),
            )
        )
        vulgar = True
    if vulgar:
        out.sort(key=_token_start)
    return out


def _token_start(item: tuple[Token, Number | None]) -> int:
    return item[0].start


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")


@cache
def _fraction_of_scale(lang: str) -> re.Pattern[str]:
    """ "two thirds of a million", "half a million", "quart de million": a fraction of a scale word."""
    scales = [w for w, (cls, _) in lexicon(lang).words.items() if cls == "scale"]
    return re.compile(
        rf"[ \u00a0]+(?:(?:of[ \u00a0]+)?an?(?=[ \u00a0])|de|d['’])[ \u00a0]*"
        rf"(?P<scale>{alternation(scales)})(?![\w])",
        re.IGNORECASE,
    )


def find_numbers(text: str, *, lang: str, cues: Cues | None = None) -> list[Number]:
    """Every number in ``text``, in order, with offsets; ``cues`` is ``clause_cues(text)``
    when the caller already has it.

    >>> [(n.value, n.kind) for n in find_numbers("trois millions et demi, 1,2 milliard, 2e", lang="fr")]
    [(3500000.0, 'cardinal'), (1200000000.0, 'cardinal'), (2.0, 'ordinal')]
    """
    lex = lexicon(lang)
    cue = cues if cues is not None else clause_cues(text)
    items: list[tuple[Token, Number | None]] = _digit_tokens(text, lang, cue.digit)
    if cue.has(lex.strong_keys):
        words: list[tuple[Token, Number | None]] = [(tok, None) for tok in strong_tokens(lex, text, cue)]
        if words:
            items += words
            items.sort(key=_token_start)  # both lists are in order: merge them
    if not items:
        return []
    numbers: list[Number] = []
    run: list[Token] = []
    for tok, done in items:
        if done is not None:
            _flush(run, text, lex, numbers)
            run = []
            numbers.append(done)
            continue
        if run:
            between = connector_tokens(lex, text, run[-1].end, tok.start)
            if between is None:
                _flush(run, text, lex, numbers)
                run = []
            else:
                run.extend(between)
        if not run and cue.ends(max(0, tok.start - 16), tok.start, lex.prefix_ends):
            run.extend(prefix_tokens(lex, text, tok.start))
        run.append(tok)
    _flush(run, text, lex, numbers)
    numbers = _drop_overlaps(numbers)
    if "/" in text or "@" in text or "www." in text:
        urls = [m.span() for m in _URL.finditer(text)]
        if urls:
            numbers = [n for n in numbers if not any(a <= n.start < b for a, b in urls)]
    return numbers


def _drop_overlaps(numbers: list[Number]) -> list[Number]:
    kept: list[Number] = []
    for number in numbers:
        if kept and number.start < kept[-1].end:
            continue
        kept.append(number)
    return kept


_PLAIN_WORDS = frozenset({"unit", "teen", "tens"})  # one word, one cardinal


def _flush(run: list[Token], text: str, lex: Lexicon, numbers: list[Number]) -> None:
    """Parse a finished run and append its numbers."""
    if not run:
        return
    if len(run) == 1:
        # a lone token (the common case) reads as itself: what ``parse_run`` would return
        tok = run[0]
        value = tok.value
        if tok.cls == "digits" and not (value and abs(value) < 1):
            # a whole number below 1e14 prints exactly in 14 digits: ``tidy`` would return it as is
            if not (value.is_integer() and -1e14 < value < 1e14):
                value = tidy(value)
            numbers.append(
                build(
                    Number,
                    start=tok.start,
                    end=tok.end,
                    value=value,
                    kind="cardinal",
                    digits=True,
                    glued="",
                    weak=False,
                )
            )
            return
        if tok.cls in _PLAIN_WORDS:
            weak = tok.text in WEAK_CARDINALS
            numbers.append(Number(tok.start, tok.end, tidy(tok.value), "cardinal", False, "", weak))
            return
        if tok.cls == "ordinal" and not tok.plural and tok.value >= 1:
            numbers.append(Number(tok.start, tok.end, tidy(tok.value), "ordinal", False, "", True))
            return
    parsed_run = parse_run(run, lex.lang)
    if sum(p.kind == "cardinal" for p in parsed_run) > 1:  # "one two three": "one" among numbers is one
        parsed_run = [replace(p, weak=False) if p.kind == "cardinal" and p.weak else p for p in parsed_run]
    covered = -1  # where a fraction of a scale ended: "half a million" is one number, not two
    for parsed in parsed_run:
        head = run[parsed.first]
        if head.start < covered:
            continue
        if head.cls in ("hundred", "scale") and _VAGUE_SCALE.search(
            text, max(0, head.start - 12), head.start
        ):
            continue  # "several hundred years", "quelques milliers": no exact number
        if (
            parsed.value and abs(parsed.value) < 1 and parsed.last == len(run) - 1
        ) or parsed.kind == "fraction":
            m = _fraction_of_scale(lex.lang).match(text, run[parsed.last].end)
            if m is not None and abs(parsed.value) < 1:
                scale = lex.words[m.group("scale").lower()][1]
                numbers.append(
                    Number(run[parsed.first].start, m.end(), parsed.value * scale, "cardinal", False)
                )
                covered = m.end()
                continue
        head = run[parsed.first]
        if head.cls in ("neg", "pos") and _NOT_SIGN.search(text, max(0, head.start - 8), head.start):
            # "au moins 30" is a bound, not -30
            sign = -1.0 if head.cls == "neg" else 1.0
            parsed = replace(parsed, first=parsed.first + 1, value=parsed.value * sign)
        numbers.append(_to_number(parsed, run))


def tidy(value: float) -> float:
    """Drop binary noise from scaled values (16.4 * 1e6 is 16399999.999999998)."""
    return float(f"{value:.14g}")


def _to_number(parsed: Parsed, run: list[Token]) -> Number:
    first, last = run[parsed.first], run[parsed.last]
    digits = all(t.cls == "digits" for t in run[parsed.first : parsed.last + 1])
    return Number(first.start, last.end, tidy(parsed.value), parsed.kind, digits, "", parsed.weak)


def value_of(text: str, *, lang: str) -> float:
    """The value of a text that is one number in words (text2num semantics); ValueError otherwise.

    >>> value_of("quatre-vingt-dix-sept", lang="fr")
    97.0
    """
    stripped = text.strip()
    words = re.sub(r"^(?:(?:zéro|zero|nought)[\s-]+)+(?=\w)", "", stripped, flags=re.IGNORECASE)
    found = [n for n in find_numbers(words, lang=lang) if n.kind == "cardinal"]
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(words):
        raise ValueError(f"{text!r} is not one number")
    return found[0].value


_ORD_MARK = {"en": {1: "st", 2: "nd", 3: "rd"}, "fr": {1: "er"}}


def _render(number: Number, lang: str) -> str:
    value = number.value
    shown = str(int(value)) if float(value).is_integer() else repr(value)
    if lang == "fr":
        shown = shown.replace(".", ",")
    if number.kind == "ordinal":
        marks = _ORD_MARK.get(lang, {})
        default = "ème" if lang == "fr" else "th"
        tail = int(value) % 100
        key = tail % 10 if lang == "en" and tail not in (11, 12, 13) else int(value)
        shown += marks.get(key, default)
    return shown


def words_to_digits(text: str, *, lang: str) -> str:
    """Rewrite numbers written in words as digits (text2num's ``alpha2digit`` reading).

    >>> words_to_digits("Vingt-cinq vaches et un âne", lang="fr")
    '25 vaches et un âne'
    """
    kept = load(lang, "numbers").ORDINALS_KEPT_AS_WORDS
    ones = load(lang, "numbers").ONE_WORDS
    pieces: list[str] = []
    pos = 0
    numbers = find_numbers(text, lang=lang)
    for i, number in enumerate(numbers):
        surface = text[number.start : number.end]
        if number.digits or number.end <= pos:
            continue
        if number.kind == "fraction":
            head, _, rest = surface.partition(" ")
            inner = find_numbers(rest, lang=lang) if head.lower() in ones else []
            if len(inner) != 1 or inner[0].kind != "ordinal" or inner[0].end != len(rest):
                continue
            offset = number.start + len(head) + 1  # "un millième" reads "un 1000ème"
            number = replace(inner[0], start=inner[0].start + offset, end=inner[0].end + offset)
            surface = rest
        if number.weak and (number.kind != "ordinal" or surface.lower() in kept):
            continue
        pieces.append(text[pos : number.start])
        rendered = _render(number, lang)
        if number.value == 0 and i + 1 < len(numbers):
            nxt = numbers[i + 1]  # "zéro neuf" reads "09", "thirteen thousand zero ninety" "13000 090"
            if not nxt.digits and nxt.kind == "cardinal" and text[number.end : nxt.start].isspace():
                rendered += _render(nxt, lang)
                number = nxt
        if surface[:1] in "+-" or surface.lower().startswith(("plus", "minus", "moins")):
            rendered = ("-" if number.value < 0 else "+") + rendered.lstrip("-")
        pieces.append(rendered)
        pos = number.end
    pieces.append(text[pos:])
    return "".join(pieces)
