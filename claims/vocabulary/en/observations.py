"""What makes a figure a complete observation: words that give its base, its period window and its
modality. Read by ``claims.observations``; patterns are regular expressions, matched case-insensitively
and ending right before the figure or date they qualify."""

# Before a date: that date is the base a change is measured from, not the figure's period.
BASE_DATE_BEFORE = (
    r"since",
    r"compared\s+(?:with|to)",
    r"relative\s+to",
    r"against",
    r"versus",
    r"vs\.?",
    r"than\s+(?:in|at)",
    r"on\s+(?:the\s+)?(?:same\s+(?:period|month|quarter)\s+(?:of|in)|levels?\s+(?:of|in))",
)
# Before a year, month or quarter (not a day: "rose 2% on Friday"), these make it a base: "up 7% on
# last year", "a 38% increase on 2022".
BASE_COARSE_BEFORE = (r"on",)
# A date surface opening with these words is a base ("Since 2019"): its start is the base period.
BASE_DATE_OPENERS = ("since",)
# Before a figure: that figure is the base of the figure before it ("£150m, up from £60m").
BASE_VALUE_BEFORE = (
    r"(?:up|down)\s+from",
    r"compared\s+(?:with|to)",
    r"against",
    r"versus",
    r"vs\.?",
    r"after",
)
# Before the first figure of "from X (in 2019) to Y (in 2024)": the base.
FROM_VALUE_BEFORE = (r"from",)
# Before the second figure of "from X to Y": the level reached.
TO_VALUE_BEFORE = (r"to", r"to\s+reach", r"reaching")
# Words one of which each pattern below needs, lower-cased: clauses without any skip the patterns.
RELATIVE_KEYS = (
    "earlier",
    "before",
    "ago",
    "previous",
    "prior",
    "on year",
    "on-year",
    "on month",
    "on-month",
    "same",
)
WINDOW_KEYS = ("months", "year", "quarter")
DURATION_KEYS = ("year", "month", "decade", "week")
# A base said without a date, shifting the figure's own period: (pattern, unit, count).
BASE_RELATIVE = (
    (r"(?:a|one)\s+year\s+(?:earlier|before|ago|previously)", "year", -1),
    (r"(?:the\s+)?(?:previous|prior)\s+year", "year", -1),
    (r"year[\s-]+on[\s-]+year", "year", -1),
    (r"(?:the\s+)?same\s+(?:period|month|quarter)\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year)", "year", -1),
    (r"(?:a|one)\s+month\s+(?:earlier|before|ago)", "month", -1),
    (r"(?:a|one)\s+week\s+(?:earlier|before|ago)", "week", -1),
    (r"(?:the\s+)?previous\s+week", "week", -1),
    (r"(?:the\s+)?previous\s+month", "month", -1),
    (r"month[\s-]+on[\s-]+month", "month", -1),
    (r"(?:the\s+)?previous\s+quarter", "quarter", -1),
    (r"(?:a|one)\s+quarter\s+(?:earlier|before)", "quarter", -1),
)
# Before a date: a window of N months ending with that date ("in the year to April 2025").
# Group ``n`` is the number of months (a digit or a number word); absent, ``months`` says it.
WINDOW_BEFORE = (
    (
        r"(?:in|over|during|for)\s+the\s+(?:(?:12|twelve)\s+months|year)\s+(?:to|ending(?:\s+in)?|through|until)",
        12,
    ),
    (
        r"(?:in|over|during|for)\s+the\s+(?:(?:3|three)\s+months|quarter)\s+(?:to|ending(?:\s+in)?|through|until)",
        3,
    ),
    (r"(?:in|over|during|for)\s+the\s+(?:6|six)\s+months\s+(?:to|ending(?:\s+in)?|through|until)", 6),
    (r"(?:in|over|during|for)\s+the\s+(?:9|nine)\s+months\s+(?:to|ending(?:\s+in)?|through|until)", 9),
    (r"(?:in|over|during|for)\s+the\s+(?:2|two)\s+years\s+(?:to|ending(?:\s+in)?|through|until)", 24),
)
# A date surface that is a length of time, not a date: "in three years", "over a decade".
DURATION = (
    r"(?:in|over|within|across)\s+(?:the\s+(?:last|past)\s+)?(?P<n>\w+)\s+"
    r"(?P<unit>years?|months?|decades?|weeks?)"
)
# Words before a figure that give its modality ("an estimated 3,000", "expected to reach").
FIGURE_MODALITY = {
    "estimate": (
        r"estimated(?:\s+(?:at|to\s+be|to\s+have))?",
        r"estimates?(?:\s+(?:of|at|that|put))?",
        r"(?:an\s+)?estimated",
        r"put\s+the\s+\w+\s+at",
        r"reckoned",
        r"believed\s+to\s+(?:be|have)",
        r"thought\s+to\s+(?:be|have)",
    ),
    "forecast": (
        r"expected\s+to",
        r"forecasts?",
        r"forecast\s+to",
        r"projected\s+to",
        r"predicted",
        r"will",
        r"set\s+to",
        r"likely\s+to",
        r"on\s+course\s+to",
    ),
    "target": (
        r"aims?\s+to",
        r"aiming\s+to",
        r"targets?",
        r"goal",
        r"pledged?",
        r"promised?",
        r"plans?\s+to",
        r"pledged?\s+to",
        r"wants?\s+to",
        r"committed\s+to",
        r"objective\s+of",
        r"ambition\s+(?:of|to)",
    ),
}
# Besides the past tenses of the discourse table: a state in the past ("inflation was 5% in March").
# With them, a date without its year ("in March") is the one before publication.
PAST_STATE = (r"was", r"were", r"had")
