"""English number words, scales, bounds, vague quantities, multipliers and changes (data only).

Vague quantities map to a documented interval (low, high): "dozens" is 24-99, "hundreds"
200-999, "thousands" 2,000-9,999, "millions" 2e6-1e9 (exclusive ceiling), "a handful" 3-9,
"a few" 2-9, "several" 3-9, "tens of thousands" 20,000-99,999.
Approximate bounds ("about", "nearly", "around") get value ± APPROX_TOLERANCE.
"""

DECIMAL_SEPARATOR = "."
GROUP_SEPARATORS = ","  # besides spaces, which group digits in both languages

ZERO = {"zero": 0, "nought": 0, "naught": 0, "o": 0}  # "o" only among other numbers ("o six")
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
HUNDREDS = {"hundred": 100, "hundreds": 100}
SCALES = {
    "thousand": 1e3,
    "thousands": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# Words that stand for a number only with a numeral or article before them ("a dozen", "three dozens").
DOZENS = {"dozen": 12, "dozens": 12, "dozs": 12, "doz": 12, "score": 20}
FRACTION_WORDS = {
    "half": 0.5,
    "halves": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "nineth": 9,  # a frequent misspelling
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
}
# Ordinal words too common in other senses to stand alone ("at first", "one second").
WEAK_ORDINALS = frozenset({"first", "second"})
# Ordinals text2num leaves as words in running text ("the first", "a second").
ORDINALS_KEPT_AS_WORDS = frozenset({"first", "second", "third"})
# Words after which "one" is a pronoun ("which one", "this one").
ONE_AS_PRONOUN_AFTER = frozenset(
    {"this", "that", "which", "the", "no", "another", "any", "every", "each", "some"}
)
ARTICLES = frozenset({"a", "an"})  # "a hundred", "a dozen", "a half"
AND = frozenset({"and"})
NEGATIVE = frozenset({"minus", "negative"})
POSITIVE = frozenset({"plus"})
DECIMAL_WORDS = frozenset({"point"})
OVER = frozenset({"over", "in", "out of"})  # "one over three", "1 in 5"
# Words after which "one" is a pronoun, not a number ("no one", "the one").
ONE_WORDS = frozenset({"one", "a", "an"})
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
# Suffixes glued to digits that scale them ("5k", "$1.2bn").
SCALE_SUFFIXES = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "MM": 1e6,
    "mm": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "B": 1e9,
    "G": 1e9,
    "g": 1e9,
    "tn": 1e12,
    "T": 1e12,
}

APPROX_TOLERANCE = 0.10
BOUNDS = {
    # phrase before a number: (kind, inclusive)
    "more than": ("lower", False),
    "over": ("lower", False),
    "greater than": ("lower", False),
    "larger than": ("lower", False),
    "bigger than": ("lower", False),
    "higher than": ("lower", False),
    "above": ("lower", False),
    "in excess of": ("lower", False),
    "exceeding": ("lower", False),
    "surpass": ("lower", False),
    # verbs of passing a figure: "production exceeded 120,000 tonnes" is more than 120,000
    "exceeded": ("lower", False),
    "exceeds": ("lower", False),
    "exceed": ("lower", False),
    "surpassed": ("lower", False),
    "surpasses": ("lower", False),
    "topped": ("lower", False),
    "upwards of": ("lower", False),
    "north of": ("lower", False),
    "at least": ("lower", True),
    "no less than": ("lower", True),
    "no fewer than": ("lower", True),
    "a minimum of": ("lower", True),
    "at least or equal to": ("lower", True),
    "greater than or equal to": ("lower", True),
    "more than or equal to": ("lower", True),
    "higher or equal than": ("lower", True),
    "bigger or equal than": ("lower", True),
    "larger or equal than": ("lower", True),
    "greater or equal than": ("lower", True),
    "fewer than": ("upper", False),
    "less than": ("upper", False),
    "under": ("upper", False),
    "below": ("upper", False),
    "smaller than": ("upper", False),
    "lower than": ("upper", False),
    "up to": ("upper", True),
    "at most": ("upper", True),
    "no more than": ("upper", True),
    "a maximum of": ("upper", True),
    "as many as": ("upper", True),
    "less than or equal to": ("upper", True),
    "smaller or equal than": ("upper", True),
    "lower or equal than": ("upper", True),
    "less or equal than": ("upper", True),
    "equal to or less than": ("upper", True),
    "fewer than or equal to": ("upper", True),
    "nearly": ("approximate", True),
    "almost": ("approximate", True),
    "about": ("approximate", True),
    "around": ("approximate", True),
    "approximately": ("approximate", True),
    "roughly": ("approximate", True),
    "some": ("approximate", True),
    "close to": ("approximate", True),
    "circa": ("approximate", True),
    "approx.": ("approximate", True),
    "~": ("approximate", True),
    # "an estimated 3,000" is not a hedge but an estimate: a modality (claims.observations), not a bound
    "equal to": ("exact", True),
    ">": ("lower", False),
    "<": ("upper", False),
    ">=": ("lower", True),
    "<=": ("upper", True),
    "≥": ("lower", True),
    "≤": ("upper", True),
}
# Phrases after a number: "500 or more".
BOUNDS_AFTER = {
    "or more": ("lower", True),
    "or greater": ("lower", True),
    "or above": ("lower", True),
    "or greater than": ("lower", True),
    "or higher": ("lower", True),
    "plus": ("lower", True),
    "or less": ("upper", True),
    "or fewer": ("upper", True),
    "or below": ("upper", True),
    "or so": ("approximate", True),
    "or equal": ("upper", True),
}
# Words joining a lower and an upper bound into one range ("more than 10 and less than 20").
BOUND_JOINTS = ("and", "but", "yet")
# Articles allowed between a bound and its figure ("more than the half" is rare; kept for symmetry).
# Words that turn a following bound word into something else ("how about 2 in 5").
BOUND_CANCELLED_AFTER: tuple[str, ...] = ("how", "what")
BOUND_ARTICLES = ("the",)
# Range patterns: words before the first number and between the two numbers.
RANGE_OPENERS = {"between": ("and",), "from": ("to", "through"), "": ("to", "through", "-", "–", "—")}

VAGUE = {
    # phrase: (low, high)
    "tens of thousands": (2e4, 99_999),
    "hundreds of thousands": (2e5, 999_999),
    "tens of millions": (2e7, 99_999_999),
    "hundreds of millions": (2e8, 999_999_999),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2e3, 9_999),
    "millions": (2e6, 999_999_999),
    "billions": (2e9, 999_999_999_999),
    "a few hundred": (200, 999),
    "a few thousand": (2e3, 9_999),
    "a few million": (2e6, 9_999_999),
    "several hundred": (200, 999),
    "several thousand": (2e3, 9_999),
    "several million": (2e6, 9_999_999),
    "many thousands of": (2e3, 99_999),
    "a handful": (3, 9),
    "a few": (2, 9),
    "several": (3, 9),
    "a couple of": (2, 3),
}
VAGUE_NEEDS_OF = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions"})

MULTIPLIER_WORDS = {
    "doubled": 2,
    "double": 2,
    "tripled": 3,
    "triple": 3,
    "trebled": 3,
    "quadrupled": 4,
    "quintupled": 5,
    "twice": 2,
    "thrice": 3,
    "halved": 0.5,
    "halve": 0.5,
    "cut in half": 0.5,
}
# Before a number, these divide: "divided by 3", "cut by a factor of 4" is ×0.25, a fall.
MULTIPLIER_DIVIDE = ("divided by", "cut by a factor of", "reduced by a factor of")
# Before a lone year, these make it a date, so it never opens a range ("from 3,000 in 2019 to 6,600").
YEAR_BEFORE = ("in", "of", "since", "by", "for", "during", "until", "end")
# Before a share ("nearly one in five"), these put it just under the value: an upper bound.
SHARE_BELOW = ("nearly", "almost", "just under", "just below", "not quite")
# "x3", "×6", "multiplied by 3"; "sixfold" / "six-fold" follow a number.
MULTIPLIER_BEFORE = ("multiplied by", "×", "x", "times", *MULTIPLIER_DIVIDE)
MULTIPLIER_AFTER = ("fold", "-fold", " times more", " times as many", " times as much", " times higher")
CHANGE_UP = (
    "rose",
    "rise",
    "risen",
    "rising",
    "increased",
    "increase",
    "grew",
    "grown",
    "growth",
    "up",
    "jumped",
    "jump",
    "climbed",
    "gained",
    "surged",
    "soared",
    "gain",
    "rebounded",
    "grow",
    "grows",
    "growing",
    "rises",
    "increases",
    "increasing",
    "climb",
    "climbs",
    "jumps",
    "soar",
    "higher",
    "raised",
    "raise",
    "boosted",
    "boost",
    # a gap or a deficit "widened by $3bn to $40bn"
    "widened",
    "widen",
    "widens",
    "widening",
    "expanded",
    "expands",
)
CHANGE_DOWN = (
    "fell",
    "fall",
    "fallen",
    "dropped",
    "drop",
    "decreased",
    "decrease",
    "declined",
    "decline",
    "down",
    "slumped",
    "plunged",
    "plummeted",
    "shrank",
    "lost",
    "cut",
    "reduced",
    "tumbled",
    "slid",
    "dipped",
    "eased",
    "falls",
    "falling",
    "drops",
    "declines",
    "declining",
    "decreases",
    "cuts",
    "cutting",
    "reduce",
    "reduces",
    "reducing",
    "lower",
    "lowered",
    "shrink",
    "shrunk",
    "sank",
    "retreated",
    "contracted",
    # not the adjective "narrow": "a narrow 51% majority" is no fall
    "narrowed",
    "narrows",
    "narrowing",
    "slipped",
    "slips",
    "shed",
    "sheds",
)
# Verbs that say a figure moved without saying which way ("went from 3 to 5").
CHANGE_NEUTRAL = ("went", "moved", "changed", "gone", "shifted", "climbed", "dropped")
# Words that open "from X to Y" after a change verb.
FROM_WORDS = ("from",)
# "fell to 3.7% from 4.1%": the new figure first, then the old one after these words.
TO_WORDS = ("to",)
REVERSED_LINKS = ("from", "down from", "up from", "compared with", "against")
CHANGE_LINK = ("by", "of", "")  # "rose by 3 points", "a rise of 5%", "fell 2 points"
# The link that may follow what changed: "cut emissions by 40%" (at most three words between).
CHANGE_OBJECT_LINK = ("by",)
# After the figure, a comparison rather than a change: "prices rose 5% more than wages" does not say
# that prices rose 5%.
COMPARATIVE_AFTER = ("more", "less", "fewer")
# Verbs of change that, before a sum of money, say what someone earns ("gagner" in French); none here:
# "earn" is no verb of change.
INCOME_VERBS: tuple[str, ...] = ()
PERCENT_WORDS = ("%", "percent", "per cent", "pct", "percentage", "percents")
POINT_WORDS = (
    "percentage points", "percentage point", "pp", "points", "point", "pts",
    "basis points", "basis point", "bps",
)  # fmt: skip
# A hundredth of a percentage point: "cut by 25 basis points" is a cut of 0.25 pp.
BASIS_POINT_WORDS = ("basis points", "basis point", "bps")
# Between a fraction in words and a point word: "half a percentage point", "a quarter of a point".
FRACTION_POINT_LINKS = ("a", "an", "of a", "of an")

# Words that make a number a date, a time or a reference rather than a statistic.
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    # abbreviations written with their dot ("Nov. 8")
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
)
REFERENCE_WORDS = (
    "article",
    "art.",
    "no.",
    "nr.",
    "nrs.",
    "number",
    "page",
    "p.",
    "pp.",
    "section",
    "chapter",
    "paragraph",
    "resolution",
    "flight",
    "route",
    "version",
    "room",
    "#",
    "n°",
    "act",
    "exercise",
    "exercises",
    "season",
    "episode",
    "level",
    "vol.",
)
# Words that end the noun phrase counted after a number.
COUNTED_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "but",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "than",
        "then",
        "there",
        "here",
        "per",
        "each",
        "every",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "not",
        "no",
        "more",
        "less",
        "over",
        "under",
        "about",
        "into",
        "since",
        "during",
        "after",
        "before",
        "while",
        "when",
        "where",
        "out",
        "up",
        "down",
        "says",
        "said",
        "year",
        "years",
        "percent",
        # time words after a count are when, not what is counted ("60,000 units last year")
        "last",
        "next",
        "ago",
        "earlier",
        "later",
        "previously",
        "yesterday",
        "today",
        "tomorrow",
        "now",
        "annually",
        "month",
        "months",
        "week",
        "weeks",
        "quarter",
        "compared",
        "against",
        "versus",
    ]
)
# Endings that mark a verb after the counted noun ("250 makers signed").
COUNTED_STOP_SUFFIXES = ("ed",)
COUNTED_LINK = ("of",)  # "250 of the 300 deputies" stays short; "millions of people" links

# Plural ordinals name fractions ("three fifths").
ORDINALS.update({w + "s": v for w, v in list(ORDINALS.items()) if w not in ("first", "second")})

# Positions named relative to the current item or the end of a list, without a number:
# phrase -> (anchor, offset). "next to last" is end-1. Read by claims.relative_ordinals.
RELATIVE_ORDINALS = {
    "next": ("current", 1),
    "next one": ("current", 1),
    "previous": ("current", -1),
    "previous one": ("current", -1),
    "current": ("current", 0),
    "last": ("end", 0),
    "last one": ("end", 0),
    "next to last": ("end", -1),
    "the second to last": ("end", -1),
    "second to last": ("end", -1),
    "the third to last": ("end", -2),
    "third to last": ("end", -2),
    "the last but one": ("end", -1),
    "last but one": ("end", -1),
    "the one before the last one": ("end", -1),
    "the one before last": ("end", -1),
    "penultimate": ("end", -1),
    "antepenultimate": ("end", -2),
}
# A fraction word alone after these articles is a thing or a period, not a share, unless "of" follows:
# "GDP shrank in the quarter", "profits rose in the half" (but "the half of voters who ...").
BARE_FRACTION_ARTICLES = ("the",)
FRACTION_OF = ("of",)
# Between a figure and a round number (10, 100 ... a million), these make a rate: "3.4 per 100,000
# people", "3 deaths for every 1,000 births".
PER_WORDS = ("per", "for every")
