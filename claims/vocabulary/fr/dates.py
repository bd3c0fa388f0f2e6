"""Mots de date français : mois, jours, expressions relatives, périodes et prépositions.

Clés en minuscules ; la grammaire ignore accents et traits d'union, une graphie suffit.
"""

DAY_FIRST = True  # "4/5/2023" = 4 mai 2023

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "févier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "janv": 1, "jan": 1, "févr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7, "jun": 6, "jul": 7,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "déc": 12,
}  # fmt: skip
CAPITALISED_MONTHS: frozenset[str] = frozenset()
# "sept" is also the number seven: a month only beside a day number, a year or a context word
MONTHS_NEEDING_CONTEXT = frozenset({"sept", "mars"})  # and "Mars" the planet

WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {"lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6}

RELATIVE_DAYS = {
    "aujourd'hui": 0, "hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2,
    "l'après-demain": 2, "le jour même": 0, "ce jour": 0,
}  # fmt: skip

UNITS = {
    "jour": "day", "jours": "day", "journée": "day", "semaine": "week", "semaines": "week",
    "week-end": "weekend", "weekend": "weekend", "mois": "month", "trimestre": "quarter",
    "trimestres": "quarter", "semestre": "semester", "semestres": "semester", "an": "year", "ans": "year",
    "année": "year", "années": "year", "décennie": "decade", "décennies": "decade",
}  # fmt: skip
SHIFT_BEFORE = {
    "ce": 0, "cet": 0, "cette": 0,
    "le dernier": -1, "la dernière": -1, "dernier": -1, "dernière": -1,
    "le prochain": 1, "la prochaine": 1, "prochain": 1, "prochaine": 1,
}  # fmt: skip
# After the unit: "la semaine dernière", "l'an prochain", "ce mois-ci"
SHIFT_AFTER = {
    "dernier": -1, "dernière": -1, "passé": -1, "passée": -1, "précédent": -1, "précédente": -1,
    "d'avant": -1, "prochain": 1, "prochaine": 1, "suivant": 1, "suivante": 1, "à venir": 1,
    "d'après": 1, "en cours": 0, "ci": 0, "-ci": 0, "courant": 0, "courante": 0,
}  # fmt: skip
# Days counted from the story, not from publication: relative, never placed on the calendar
ANAPHORIC_DAYS = ("lendemain", "veille", "surlendemain", "jour suivant", "jour précédent")
# "trois semaines après demain", "deux jours avant hier"
OFFSET_ANCHORS = {
    "avant": -1,
    "après": 1,
    "à partir de": 1,
    "à partir d'": 1,
    "à compter de": 1,
    "à compter d'": 1,
}
# "plus de deux semaines avant aujourd'hui": the offset is a bound, not a point
BOUND_WORDS = {"plus de": "more", "moins de": "less", "dans moins de": "less", "dans plus de": "more"}
# "la semaine du 30 novembre": the unit around a date, or starting at it
PERIOD_OF = {"semaine du": "week", "semaine commençant le": "week_from", "mois du": "month"}
ANAPHORIC = ("même", "ce même", "cette même")
# "les trois derniers mois" (-1), "les deux prochaines années" (+1): a window at the publication date
WINDOW_BEFORE: dict[str, int] = {}
WINDOW_AFTER = {
    "derniers": -1, "dernières": -1, "passés": -1, "passées": -1, "prochains": 1, "prochaines": 1,
    "à venir": 1,
}  # fmt: skip
OFFSET_BEFORE = {"il y a": -1, "dans": 1, "d'ici": 1}
OFFSET_AFTER = {"plus tôt": -1, "auparavant": -1, "avant": -1, "plus tard": 1, "après": 1}
# "quatre jours après", "deux mois auparavant": counted from the story, not from publication
STORY_OFFSETS = ("plus tôt", "auparavant", "avant", "plus tard", "après")
YEAR_TO_DATE = ("depuis le début de l'année",)

QUARTER_WORDS = ("trimestre", "quart")
SEMESTER_WORDS = ("semestre",)
QUARTER_LETTERS = ("t",)
SEMESTER_LETTERS = ("s",)
ORDINALS = {
    "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
    "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9,
    "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14,
    "quinzième": 15, "seizième": 16, "dix-septième": 17, "dix-huitième": 18, "dix-neuvième": 19,
    "vingtième": 20, "vingt et unième": 21, "vingt-deuxième": 22, "vingt-troisième": 23,
    "vingt-quatrième": 24, "vingt-cinquième": 25, "vingt-sixième": 26, "vingt-septième": 27,
    "vingt-huitième": 28, "vingt-neuvième": 29, "trentième": 30, "trente et unième": 31,
}  # fmt: skip
LAST_WORDS = ("dernier", "dernière")
ORDINAL_SUFFIXES = ("er", "ère", "re", "e", "ème", "eme", "è", "ieme")
CARDINALS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt et un": 21,
    "vingt-deux": 22, "vingt-trois": 23, "vingt-quatre": 24, "vingt-cinq": 25, "vingt-six": 26,
    "vingt-sept": 27, "vingt-huit": 28, "vingt-neuf": 29, "trente": 30, "trente et un": 31,
    "quelques": 3, "plusieurs": 3,
}  # fmt: skip

# "les années soixante-dix" = 1970
DECADE_WORDS = {
    "vingt": 1920, "trente": 1930, "quarante": 1940, "cinquante": 1950, "soixante": 1960,
    "soixante-dix": 1970, "quatre-vingt": 1980, "quatre-vingts": 1980, "quatre-vingt-dix": 1990,
    "deux mille": 2000, "deux mille dix": 2010,
}  # fmt: skip
DECADE_ARTICLES = ("les", "des", "aux")
DECADE_HEADS = ("années",)

SEASONS = {"printemps": 3, "été": 6, "automne": 9, "hiver": 12}

EDGES = {
    "début": "start", "début de": "start", "début de la": "start", "début de l'": "start",
    "fin": "end", "fin de": "end", "fin de la": "end", "fin de l'": "end",
    "mi": "mid", "mi-": "mid", "milieu de": "mid", "milieu de la": "mid", "milieu de l'": "mid",
    "courant": "mid", "plus tard": "end", "plus tôt": "start", "reste de": "rest", "reste de la": "rest",
}  # fmt: skip
SINCE_WORDS = ("depuis", "dès", "à partir de", "à compter de", "depuis le")
BY_WORDS = ("d'ici", "d'ici à", "jusqu'en", "jusqu'à", "jusqu'au", "avant la fin de")
YEAR_PREPOSITIONS = (
    "en", "depuis", "dès", "d'ici", "d'ici à", "jusqu'en", "avant", "après", "pendant", "durant",
    "courant", "début", "fin", "mi", "mi-", "vers", "à partir de", "au cours de",
)  # fmt: skip
YEAR_HEADS = ("l'année", "l'an", "année", "l'exercice", "exercice")
YEAR_SUBJECT_VERBS = (
    "a", "est", "était", "sera", "fut", "avait", "aura", "marque", "a vu", "restera", "reste", "s'annonce",
)  # fmt: skip

MONTH_PREPOSITIONS = ("en", "durant", "pendant", "depuis", "dès", "jusqu'en", "de", "d'", "fin", "début")
MONTH_HEADS = ("le mois de", "le mois d'", "mois de", "mois d'")
RANGE_OPENERS = {"entre": "et", "de": "à", "du": "au", "d'": "à", "des": "aux"}
RANGE_CONNECTORS = ("à", "au", "aux", "jusqu'à", "jusqu'au", "jusqu'a", "et", "-", "–", "—")
GLUE = ("de", "du", "de la", "de l'", "la", "le", "d'")
POSSESSIVE: tuple[str, ...] = ()
DAY_OF: tuple[str, ...] = ()
DAY_PREPOSITIONS: tuple[str, ...] = ()
ARTICLES = ("le", "la", "l'", "les")
# Articles kept in a surface ("l'an dernier", but "semaine prochaine" without "la")
SURFACE_ARTICLES = ("l'",)
NOT_AFTER_DAY = ("étage", "siècle", "anniversaire", "place", "édition", "prix", "fois", "rang")
