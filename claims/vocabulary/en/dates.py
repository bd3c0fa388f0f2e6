"""English date words: months, weekdays, relative expressions, period words and prepositions.

Keys are lower case; accents and hyphens are folded by the date grammar, so one spelling suffices.
"""

DAY_FIRST = False  # "4/5/2023" reads month first; a first part above 12 still reads as a day

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Months that are also common words: a date only when written with a capital ("May 15", not "may be")
CAPITALISED_MONTHS = frozenset({"may", "march", "mar"})
# Months that need a context word or a number beside them to count as dates
MONTHS_NEEDING_CONTEXT = frozenset({"may", "march", "august"})

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

# Day offsets from the publication date
RELATIVE_DAYS = {
    "today": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip

# Calendar units and the granularity they name
UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "weekend": "weekend",
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
}  # fmt: skip
# Words before a unit, a month, a season or a weekday: the shift in units from the publication date
SHIFT_BEFORE = {
    "this": 0, "current": 0, "the current": 0, "this coming": 1,
    "last": -1, "the last": -1, "past": -1, "the past": -1, "previous": -1, "the previous": -1,
    "next": 1, "the next": 1, "coming": 1, "the coming": 1, "the following": 1, "following": 1,
}  # fmt: skip
SHIFT_AFTER: dict[str, int] = {}
# Words pointing back into the story ("that year"): relative, never placed on the calendar
ANAPHORIC_DAYS = ("the next day", "next day", "the following day", "the day before", "the previous day")
OFFSET_ANCHORS = {"before": -1, "after": 1, "from": 1}
BOUND_WORDS = {"more than": "more", "less than": "less", "within": "less"}
PERIOD_OF = {
    "the week of": "week", "week of": "week", "the week commencing": "week_from",
    "the week beginning": "week_from", "the week starting": "week_from", "w/c": "week_from",
}  # fmt: skip
ANAPHORIC = ("that", "same")
# "the past three years": a window ending (-1) or starting (+1) at the publication date
WINDOW_BEFORE = {"the past": -1, "past": -1, "the last": -1, "last": -1, "the next": 1, "next": 1}
WINDOW_AFTER: dict[str, int] = {}
# Counted offsets: "two years ago" (-1), "in three weeks" (+1)
OFFSET_BEFORE = {"in": 1}
OFFSET_AFTER = {"ago": -1, "earlier": -1, "before": -1, "later": 1, "hence": 1, "from now": 1}
# Offsets counted from the story's last event ("four days later"), not from publication: kept
# relative and never placed on the calendar
STORY_OFFSETS = ("earlier", "before", "later")
YEAR_TO_DATE = ("year to date", "year-to-date", "ytd")

# Quarter and half-year words; letters used as "Q3 2024", "H1 2024"
QUARTER_WORDS = ("quarter",)
SEMESTER_WORDS = ("half", "half-year", "semester")
QUARTER_LETTERS = ("q",)
SEMESTER_LETTERS = ("h",)
# Ordinals up to 31 (days of the month, quarters, weeks); "last" picks the final one
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty second": 22, "twenty third": 23,
    "twenty fourth": 24, "twenty fifth": 25, "twenty sixth": 26, "twenty seventh": 27,
    "twenty eighth": 28, "twenty ninth": 29, "thirtieth": 30, "thirty first": 31,
}  # fmt: skip
LAST_WORDS = ("last", "final")
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
# Cardinals for counted offsets ("two years ago") and spelled days ("June twenty three")
CARDINALS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty one": 21, "twenty two": 22, "twenty three": 23, "twenty four": 24, "twenty five": 25,
    "twenty six": 26, "twenty seven": 27, "twenty eight": 28, "twenty nine": 29, "thirty": 30,
    "thirty one": 31, "several": 3, "a few": 3, "few": 3, "couple of": 2, "a couple of": 2,
}  # fmt: skip

# Decades spelled out: "the seventies" = 1970
DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "noughties": 2000,
}  # fmt: skip
DECADE_ARTICLES = ("the",)
SURFACE_ARTICLES = ("the",)
DECADE_HEADS: tuple[str, ...] = ()  # French says "les années 90"; English uses a suffix "s"

SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

# Words that mark the start, middle or end of a period: "early 2024", "mid-2023", "end of next week"
EDGES = {
    "early": "start", "beginning of": "start", "the beginning of": "start", "start of": "start",
    "the start of": "start", "mid": "mid", "mid-": "mid", "middle of": "mid", "the middle of": "mid",
    "late": "end", "end of": "end", "the end of": "end", "later": "end",
    "rest of": "rest", "the rest of": "rest",
}  # fmt: skip
# Words before a date that change its meaning and belong to its surface
SINCE_WORDS = ("since", "ever since")
BY_WORDS = ("by", "until", "till", "up to", "through")
# Words before a bare year that make it a date ("in 2023"); they stay outside the surface
YEAR_PREPOSITIONS = (
    "in", "during", "throughout", "before", "after", "since", "by", "until", "till", "from",
    "early", "late", "mid", "mid-", "end of", "start of", "beginning of", "middle of", "as of", "for",
)  # fmt: skip
# Heads that name a year: "the year 2027", "fiscal year 2024"
YEAR_HEADS = ("year", "the year", "fiscal year", "fy")
# Verbs after a bare year at the start of a sentence: "2023 was the hottest year"
YEAR_SUBJECT_VERBS = (
    "was", "is", "will", "has", "had", "saw", "marked", "marks", "brought", "proved", "became", "remains",
)  # fmt: skip

# Context before a bare month name: "in September", "this May"; kept out of the surface unless shifting
MONTH_PREPOSITIONS = ("in", "during", "since", "by", "until", "of", "from", "throughout", "early", "late")
MONTH_HEADS = ("the month of", "month of")
# Range words: "between X and Y", "from X to Y", "X - Y"
RANGE_OPENERS = {"between": "and", "from": "to"}
RANGE_CONNECTORS = ("to", "until", "till", "through", "thru", "and", "-", "–", "—")
# Glue between two parts of one date: "Friday of next week", "June of next year"
GLUE = ("of", "on", "in", "the")
POSSESSIVE = ("'s",)  # "next year's fourth quarter"
# "the fourth of may": after a day and "of", even a month that is also a common word is a month
DAY_OF = ("of",)
# "on 22nd": a day of the month alone after these words (before punctuation)
DAY_PREPOSITIONS = ("on",)
ARTICLES = ("the",)
SURFACE_ARTICLES = ("the",)
# Words that must not follow a bare number read as a day ("the 27th floor")
NOT_AFTER_DAY = ("floor", "century", "anniversary", "place", "time", "edition", "prize")
