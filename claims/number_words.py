"""Numbers written in words: the run parser (the words themselves are in ``number_lexicon``).

A *run* is a sequence of number tokens separated only by spaces or hyphens ("quatre-vingt-dix
mille", "3 hundred and 21"). ``parse_run`` cuts a run into numbers the way a reader would:
a new number starts where the next word cannot continue the current one ("one two" is two
numbers, "twenty one" is one).
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.number_lexicon import Token


@dataclass(frozen=True)
class Parsed:
    """A number cut from a run: ``first``/``last`` index its tokens (inclusive)."""

    value: float
    kind: str  # cardinal, ordinal, fraction
    first: int
    last: int
    weak: bool = False


# a lone one of these is often no number ("no one", "un accord")
WEAK_CARDINALS = ("one", "un", "une", "o")
_NUMERIC = frozenset({"zero", "unit", "teen", "tens", "hundred", "scale", "digits", "dozen", "ordinal"})


class _State:
    """Accumulator for one number: ``total`` of closed scale groups plus the open ``group``."""

    __slots__ = ("group", "last", "last_scale", "ordinal", "total")

    def __init__(self) -> None:
        self.total = 0.0
        self.group = 0.0
        self.last: Token | None = None
        self.last_scale = float("inf")
        self.ordinal = False

    @property
    def value(self) -> float:
        return self.total + self.group

    def copy(self) -> _State:
        """A trial copy (``copy.copy`` goes through ``__reduce_ex__``: ten times slower)."""
        new = _State()
        new.total, new.group, new.last = self.total, self.group, self.last
        new.last_scale, new.ordinal = self.last_scale, self.ordinal
        return new


def _as_cardinal(tok: Token) -> str:
    """Class an ordinal behaves as when it closes a compound ("twenty-first" ~ unit)."""
    v = tok.value
    if v < 10:
        return "unit"
    if v < 20:
        return "teen"
    if v < 100:
        return "tens"
    return "hundred" if v == 100 else "scale"


def _take(state: _State, tok: Token, fr: bool) -> bool:
    """Add ``tok`` to ``state`` if it can continue the number; False if it starts a new one."""
    cls = _as_cardinal(tok) if tok.cls == "ordinal" else tok.cls
    last = state.last.cls if state.last else None
    if last == "ordinal" or state.ordinal:
        return False
    if (
        tok.cls == "ordinal"
        and tok.value < 3
        and not (last in (None, "tens") or (last == "teen" and state.group >= 20))
    ):
        return False  # "million first" is two words, "twenty-first" one
    if last is not None and state.last.cls == "ordinal":
        return False
    g = state.group
    if cls == "unit":
        if last in ("unit", "digits", "zero", "dozen", "fraction"):
            return False
        if last == "teen" and not (fr and g % 100 in (10, 70, 90) and tok.value >= 7):
            return False
        if g % 10:
            return False
        state.group += tok.value
    elif cls == "teen":
        if last in ("unit", "teen", "digits", "zero", "dozen", "fraction"):
            return False
        if last == "tens" and not (fr and g % 100 in (60, 80)):
            return False
        state.group += tok.value
    elif cls == "tens":
        if last == "unit" and fr and state.last.value == 4 and tok.value == 20 and g % 100 == 4:
            state.group += 76  # quatre-vingt(s)
        elif last in ("unit", "teen", "tens", "digits", "zero", "dozen", "fraction") or g % 100:
            return False
        else:
            state.group += tok.value
    elif cls == "hundred":
        if last in ("hundred", "zero", "dozen", "fraction") or (
            g >= 100 and not (last == "digits" and g == state.last.value)
        ):
            return False
        if tok.plural and last is None:
            return False
        if fr and last == "digits" and tok.text == "cents":
            return False  # "34 cents" is money
        if fr and last != "digits" and g > 19:
            return False  # "dix-neuf cent" is 1900, "soixante quinze cent" no number
        state.group = (g or 1) * 100
    elif cls == "scale":
        if last == "scale" and g == 0 and tok.value > state.last_scale and tok.cls == "scale":
            state.total *= tok.value  # "mille millions", "lakh crore"
            state.last_scale *= tok.value
            state.last = tok
            return True
        if tok.value >= state.last_scale or last in ("zero", "dozen", "fraction"):
            return False
        if last is None and tok.plural:
            return False
        state.total += (g or 1) * tok.value
        state.group = 0
        state.last_scale = tok.value
    elif cls == "digits":
        after_scale = last == "scale" and tok.value < state.last_scale and g == 0
        after_hundred = last == "hundred" and 0 < tok.value < 100 and g % 100 == 0
        if last is not None and not (after_scale or after_hundred):
            return False
        state.group += tok.value
    elif cls == "zero":
        if last is not None:
            return False
    elif cls == "dozen":
        if last not in ("unit", "teen", "tens", "digits", "article"):
            return False
        state.group = (g or 1) * tok.value
    else:
        return False
    state.last = tok
    if tok.cls == "ordinal":
        state.ordinal = True
    return True


def _fraction_after_and(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """``and a half`` / ``et demi`` / ``and three quarters`` at ``i``: (fraction, index after)."""
    j = i
    num = 1.0
    if j < len(tokens) and tokens[j].cls in ("article", "unit") and tokens[j].value <= 9:
        num = tokens[j].value or 1.0
        j += 1
    if j < len(tokens) and tokens[j].cls in ("fraction", "ordinal") and tokens[j].value:
        den = tokens[j]
        frac = den.value if den.cls == "fraction" else 1 / den.value
        if tokens[j].cls == "ordinal" and den.value < 2:
            return None
        return num * frac, j + 1
    return None


def parse_run(tokens: list[Token], lang: str) -> list[Parsed]:
    """Cut a run of adjacent number tokens into numbers.

    >>> from claims.number_lexicon import lexicon, word_token
    >>> lex = lexicon("en")
    >>> toks = [word_token(lex, m) for m in lex.pattern.finditer("one hundred and six")]
    >>> [(p.value, p.kind) for p in parse_run(toks, "en")]
    [(106.0, 'cardinal')]
    """
    fr = lang == "fr"
    out: list[Parsed] = []
    n = len(tokens)
    i = 0
    while i < n:
        parsed = _parse_one(tokens, i, fr)
        if parsed is None:
            tok, prev = tokens[i], out[-1] if out else None
            joins = prev is not None and prev.last == i - 1 and prev.kind == "cardinal"
            if joins and tok.cls == "ordinal" and tok.plural and tok.value >= 2:
                # "cent mille billionièmes", "a thousand trillionths"
                out[-1] = Parsed(prev.value / tok.value, "fraction", prev.first, i)  # type: ignore[union-attr]
            i += 1
            continue
        out.append(parsed)
        i = parsed.last + 1
    return _combine_fractions(out, tokens)


def _parse_one(tokens: list[Token], i: int, fr: bool) -> Parsed | None:
    n = len(tokens)
    start = i
    sign = 1.0
    if tokens[i].cls in ("neg", "pos"):
        if i + 1 >= n or tokens[i + 1].cls not in _NUMERIC:
            return None
        sign = -1.0 if tokens[i].cls == "neg" else 1.0
        i += 1
    state = _State()
    if tokens[i].cls == "article":
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and nxt.cls in ("tens", "unit", "teen"):
            j = i + 1  # "a twenty-first" is a fraction; "a two" no number
            while j < n and tokens[j].cls in ("tens", "unit", "teen", "hundred"):
                j += 1
            if j >= n or tokens[j].cls != "ordinal":
                return None
            state.last = tokens[i]
            return _finish_from(tokens, start, i + 1, state, sign, fr)
        if nxt is None or nxt.plural or nxt.cls not in ("hundred", "scale", "dozen", "fraction", "ordinal"):
            return None
        if nxt.cls in ("fraction", "ordinal"):
            if nxt.cls == "ordinal" and nxt.value < 3:
                return None  # "a second thought", "a first"
            frac = nxt.value if nxt.cls == "fraction" else 1 / nxt.value
            return _extend_fraction(tokens, start, i + 1, frac * sign)
        state.last = tokens[i]
        i += 1
    elif tokens[i].cls == "fraction":
        return _extend_fraction(tokens, start, i, tokens[i].value * sign)
    elif tokens[i].cls == "point" and i + 1 < n and tokens[i + 1].cls in ("zero", "unit", "teen", "tens"):
        decimals, j = _decimals(tokens, i + 1, fr)  # "point fifteen"
        return Parsed(sign * float("0." + decimals), "cardinal", start, j - 1) if decimals else None
    elif tokens[i].cls not in _NUMERIC or tokens[i].cls == "dozen":
        return None
    return _finish_from(tokens, start, i, state, sign, fr)


def _finish_from(
    tokens: list[Token], start: int, i: int, state: _State, sign: float, fr: bool
) -> Parsed | None:
    """Extend ``state`` from token ``i`` as far as the words allow; the number starts at ``start``."""
    n = len(tokens)
    last = i - 1
    while i < n:
        tok = tokens[i]
        if tok.cls == "and" and i + 1 < n and state.last is not None:
            frac = _fraction_after_and(tokens, i + 1)
            if frac is not None and state.last.cls in ("unit", "teen", "tens", "hundred", "scale", "digits"):
                value, j = frac
                last = j - 1
                if j < n and tokens[j].cls == "scale" and tokens[j].value < state.last_scale:
                    if state.last.cls == "scale" and state.group == 0:
                        state.total += value * tokens[j].value  # "one billion and three quarters million"
                    else:
                        state.group = (state.group + value) * tokens[j].value  # "one and a half million"
                    last = j
                elif state.last.cls == "scale" and state.group == 0:
                    state.total += value * state.last_scale  # "un million et demi"
                else:
                    state.group += value
                break
            if state.last.cls in ("hundred", "scale", "tens", "digits"):
                trial = state.copy()
                if _take(trial, tokens[i + 1], fr) and not (
                    i + 2 < n
                    and tokens[i + 2].cls in ("hundred", "scale")
                    and not _take(trial.copy(), tokens[i + 2], fr)
                ):
                    _take(state, tokens[i + 1], fr)
                    last = i + 1
                    i += 2
                    continue
            break
        if tok.cls == "point" and state.last is not None and i + 1 < n:
            decimals, j = _decimals(tokens, i + 1, fr)
            if decimals:
                state.group += float("0." + decimals)
                last = j - 1
                i = j
            break
        if tok.cls == "fraction" and state.last is not None and state.last.cls in ("unit", "digits"):
            state.group = state.group * tok.value
            last = i
            i += 1
            if i < n and tokens[i].cls == "scale":
                state.group *= tokens[i].value
                last = i
            break
        if not _take(state, tok, fr):
            break
        last = i
        i += 1
    if state.last is None or last < start or state.last.cls == "article":
        return None
    kind = "ordinal" if state.ordinal else "cardinal"
    single = last == start
    weak = single and (tokens[start].text in WEAK_CARDINALS or (kind == "ordinal"))
    return Parsed(sign * state.value, kind, start, last, weak)


def _extend_fraction(tokens: list[Token], start: int, i: int, frac: float) -> Parsed:
    """A fraction word (``half``, ``a quarter``) optionally scaled ("quart de million")."""
    if i + 1 < len(tokens) and tokens[i + 1].cls == "scale" and not tokens[i + 1].plural:
        return Parsed(frac * tokens[i + 1].value, "fraction", start, i + 1)
    return Parsed(frac, "fraction", start, i)


def _decimals(tokens: list[Token], i: int, fr: bool) -> tuple[str, int]:
    """Digits after "point"/"virgule": zeros and single digit words, or one compound number."""
    digits = ""
    j = i
    while j < len(tokens) and tokens[j].cls in ("zero", "unit") and tokens[j].text not in ("a", "an"):
        digits += str(int(tokens[j].value))
        j += 1
    if digits and not (j < len(tokens) and tokens[j].cls in ("hundred", "tens", "teen")):
        return digits, j
    if digits:  # "virgule quatre-vingt-dix-neuf": the digits begin a compound
        j = i
        while j < len(tokens) and tokens[j].cls == "zero":
            j += 1
        digits = "0" * (j - i)
    plain = j < len(tokens) and tokens[j].cls in ("unit", "teen", "tens", "hundred")
    sub = _parse_one(tokens, j, fr) if plain else None
    if sub is not None and sub.kind == "cardinal" and sub.value == int(sub.value):
        return digits + str(int(sub.value)), sub.last + 1
    return digits, j


def _combine_fractions(numbers: list[Parsed], tokens: list[Token]) -> list[Parsed]:
    """Join a cardinal and a following ordinal into a fraction ("two thirds", "un cinquième"),
    and "one over three", "1 in 5", "un sur vingt" ("in"/"sur" only when the top is smaller)."""
    out: list[Parsed] = []
    for num in numbers:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "cardinal"
            and num.kind == "cardinal"
            and prev.last + 2 == num.first
            and tokens[prev.last + 1].cls == "over"
            and num.value
            and (tokens[prev.last + 1].text == "over" or abs(prev.value) < num.value < 1000)
        ):
            out[-1] = Parsed(prev.value / num.value, "fraction", prev.first, num.last, False)
            continue
        head = tokens[num.first]
        if (
            num.kind == "ordinal"
            and head.cls in ("unit", "article")
            and head.value <= 1
            and num.last > num.first
        ) and (head.cls == "article" or tokens[num.last].value >= 100):
            # "a hundredth", "un centième", "one twenty-fifth"
            rest = sum_value(tokens, num.first + 1, num.last)
            if rest:
                out.append(Parsed(1 / rest, "fraction", num.first, num.last))
                continue
        if num.kind == "ordinal" and tokens[num.last].cls == "ordinal" and num.value >= 2:
            plural = tokens[num.last].plural
            own = tokens[num.last].value
            adjacent = prev is not None and prev.kind == "cardinal" and prev.last + 1 == num.first
            if adjacent and (plural or prev.value == 1 or own >= 3):
                out[-1] = Parsed(prev.value / num.value, "fraction", prev.first, num.last)
                continue
            if plural and num.last > num.first:
                out.append(_peel(num, tokens))
                continue
            if plural:
                out.append(Parsed(1 / num.value, "fraction", num.first, num.last))
                continue
        out.append(num)
    return out


def sum_value(tokens: list[Token], first: int, last: int) -> float:
    """Value of tokens[first..last] read as one cardinal (ordinals as their cardinal); 0 if not one."""
    cardinal = [
        Token(_as_cardinal(t) if t.cls == "ordinal" else t.cls, t.value, t.start, t.end, t.text)
        for t in tokens[first : last + 1]
    ]
    parsed = _parse_one(cardinal, 0, False)
    return parsed.value if parsed is not None and parsed.last == len(cardinal) - 1 else 0.0


def _peel(num: Parsed, tokens: list[Token]) -> Parsed:
    """A plural compound ordinal hides its numerator.

    "twenty fifths" is 20/5, "cent trente cinquièmes" 100/35.
    """
    last = tokens[num.last]
    den_first = num.last
    if last.value < 10 and num.last - 1 > num.first and tokens[num.last - 1].cls == "tens":
        den_first = num.last - 1
    den = sum(t.value for t in tokens[den_first : num.last + 1])
    numerator = _parse_one(tokens[:den_first], num.first, False)
    top = numerator.value if numerator is not None else 1.0
    return Parsed(top / den if den else top, "fraction", num.first, num.last)
