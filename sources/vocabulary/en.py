"""English words for retrieval and figure context (plain data)."""

_STOPWORDS = """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves rt via amp http https www com pic twitter t co s re ve ll d m
"""
STOPWORDS = frozenset(_STOPWORDS.split())

# Light stemming: (suffix, replacement, shortest stem kept), tried in order, first match wins.
SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ational", "ate", 3),
    ("ization", "ize", 3),
    ("fulness", "ful", 3),
    ("iveness", "ive", 3),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ions", "", 4),
    ("ion", "", 4),
    ("ations", "ate", 3),
    ("ation", "ate", 3),
    ("ingly", "", 4),
    ("edly", "", 4),
    ("ness", "", 4),
    ("ings", "", 4),
    ("ing", "", 4),
    ("ies", "y", 3),
    ("ied", "y", 3),
    ("sses", "ss", 2),
    ("ed", "", 4),
    ("ly", "", 4),
    ("es", "", 3),
    ("s", "", 3),
    ("e", "", 4),
)
# Words ending like this keep their final "s" ("process", "bus", "analysis").
KEEP_ENDINGS: tuple[str, ...] = ("ss", "us", "is")

# Words that make a figure a forecast rather than a reported outcome.
FORECAST_CUES: tuple[str, ...] = (
    "expected to",
    "is expected",
    "are expected",
    "forecast",
    "projected",
    "will ",
    "should ",
    "is set to",
    "are set to",
    "could reach",
    "aims to",
    "target",
    "by the end of",
)
# Words that introduce the reference period of a change ("compared with 2022").
BASE_CUES: tuple[str, ...] = (
    "compared with",
    "compared to",
    "since",
    "from",
    "relative to",
    "than in",
    "over",
)
# Words just before a number that make it a multiplier ("multiplied by 3.1").
MULTIPLIER_CUES: tuple[str, ...] = ("multiplied by", "times", "x", "×")
