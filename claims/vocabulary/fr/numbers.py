"""French number words, scales, bounds, vague quantities, multipliers and changes (data only).

Vague quantities map to a documented interval (low, high): "des dizaines" is 20-99,
"des centaines" 200-999, "des milliers" 2 000-9 999, "des millions" 2e6-1e9 (exclusive
ceiling), "quelques" 2-9, "plusieurs" 3-9, "une poignée" 3-9, "des dizaines de milliers"
20 000-99 999. Approximate bounds ("environ", "près de", "quelque") get value ± APPROX_TOLERANCE.
"""

DECIMAL_SEPARATOR = ","
GROUP_SEPARATORS = "."  # "1.200.000" in some French copy; spaces group in both languages

ZERO = {"zéro": 0, "zero": 0}
UNITS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
TENS = {
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
HUNDREDS = {"cent": 100, "cents": 100}
SCALES = {
    "mille": 1e3,
    "mil": 1e3,
    "milles": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "millier": 1e3,
    "milliers": 1e3,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
    # "trillion" is 10^18 in the dictionaries, but in news it is almost only met as a calque of
    # the English 10^12 ("1 trillion de dollars"): no quantity reported in the press reaches 10^18
    "trillion": 1e12,
    "trillions": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
DOZENS = {"douzaine": 12, "douzaines": 12}
FRACTION_WORDS = {"demi": 0.5, "demie": 0.5, "moitié": 0.5, "quart": 0.25, "quarts": 0.25, "tiers": 1 / 3}
_ORD_UNITS = {
    "unième": 1,
    "deuxième": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
    "septième": 7,
    "huitième": 8,
    "neuvième": 9,
    "dixième": 10,
    "onzième": 11,
    "douzième": 12,
    "treizième": 13,
    "quatorzième": 14,
    "quinzième": 15,
    "seizième": 16,
    "vingtième": 20,
    "trentième": 30,
    "quarantième": 40,
    "cinquantième": 50,
    "soixantième": 60,
    "septantième": 70,
    "huitantième": 80,
    "octantième": 80,
    "nonantième": 90,
    "centième": 100,
    "millième": 1e3,
    "millionième": 1e6,
    "milliardième": 1e9,
    "billionième": 1e12,
    "trillionième": 1e12,
    "dizième": 10,  # a frequent misspelling (after "dizaine")
}
ORDINALS = {"premier": 1, "première": 1, "second": 2, "seconde": 2, **_ORD_UNITS}
# Unaccented and plural spellings ("cinquieme", "cinquièmes") of the same words.
ORDINALS.update({w.replace("è", "e"): v for w, v in list(ORDINALS.items())})
ORDINALS.update(
    {w + "s": v for w, v in list(ORDINALS.items()) if w.endswith(("me", "er", "ère", "ere", "nd", "nde"))}
)
WEAK_ORDINALS = frozenset({"second", "seconde", "premier", "première"})
# Ordinaux laissés en lettres dans un texte ("une seconde").
ORDINALS_KEPT_AS_WORDS = frozenset({"second", "seconde"})
# Mots après lesquels "un" est un pronom ("l'un", "chacun").
ONE_AS_PRONOUN_AFTER = frozenset({"l'", "l’", "chaque", "quelqu'", "aucun", "le"})
ARTICLES = frozenset({"un", "une"})
AND = frozenset({"et"})
NEGATIVE = frozenset({"moins", "négatif", "négative", "negatif", "negative"})
POSITIVE = frozenset({"plus"})
DECIMAL_WORDS = frozenset({"virgule"})
OVER = frozenset({"sur"})
ONE_WORDS = frozenset({"un", "une"})
ORDINAL_SUFFIX = r"(?:er|re|ère|ere|e|ème|eme|nd|nde|è)"
# Scale letters also written apart from the number ("2,33 k", "10 k€").
SPACED_SCALE_SUFFIXES = ("k",)
SCALE_SUFFIXES = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "Md": 1e9,
    "Mds": 1e9,
    "G": 1e9,
    "g": 1e9,
    "md": 1e9,
    "bn": 1e9,
    "mn": 1e6,
}

APPROX_TOLERANCE = 0.10
BOUNDS = {
    "plus de": ("lower", False),
    "plus d'": ("lower", False),
    "plus d’": ("lower", False),
    "supérieur à": ("lower", False),
    "supérieure à": ("lower", False),
    "supérieurs à": ("lower", False),
    "supérieures à": ("lower", False),
    "au-delà de": ("lower", False),
    "plus que": ("lower", False),
    "dépassant": ("lower", False),
    # verbes de dépassement : « la production a dépassé 120 000 tonnes » est plus de 120 000
    "dépassé": ("lower", False),
    "dépasse": ("lower", False),
    "dépassent": ("lower", False),
    "dépassera": ("lower", False),
    "excède": ("lower", False),
    "excédé": ("lower", False),
    "plus âgé que": ("lower", False),
    "plus haut que": ("lower", False),
    "au moins": ("lower", True),
    "au moins de": ("lower", True),
    "au minimum": ("lower", True),
    "pas moins de": ("lower", True),
    "supérieur ou égal à": ("lower", True),
    "au moins ou égal à": ("lower", True),
    "plus de ou égal à": ("lower", True),
    "égal ou supérieur à": ("lower", True),
    "moins de": ("upper", False),
    "moins d'": ("upper", False),
    "moins d’": ("upper", False),
    "inférieur à": ("upper", False),
    "inférieure à": ("upper", False),
    "inférieurs à": ("upper", False),
    "inférieures à": ("upper", False),
    "en dessous de": ("upper", False),
    "sous": ("upper", False),
    "plus bas que": ("upper", False),
    "jusqu'à": ("upper", True),
    "jusqu’à": ("upper", True),
    "au plus": ("upper", True),
    "au maximum": ("upper", True),
    "pas plus de": ("upper", True),
    "inférieur ou égal à": ("upper", True),
    "inférieure ou égale à": ("upper", True),
    "inférieurs ou égaux à": ("upper", True),
    "inférieures ou égales à": ("upper", True),
    "égal ou inférieur à": ("upper", True),
    "près de": ("approximate", True),
    "environ": ("approximate", True),
    "quelque": ("approximate", True),
    "presque": ("approximate", True),
    "autour de": ("approximate", True),
    "à peu près": ("approximate", True),
    "approximativement": ("approximate", True),
    "aux alentours de": ("approximate", True),
    "quasiment": ("approximate", True),
    "pratiquement": ("approximate", True),
    "~": ("approximate", True),
    "égal à": ("exact", True),
    "au nombre de": ("exact", True),
    ">": ("lower", False),
    "<": ("upper", False),
    ">=": ("lower", True),
    "<=": ("upper", True),
    "≥": ("lower", True),
    "≤": ("upper", True),
}
BOUNDS_AFTER = {
    "ou plus": ("lower", True),
    "ou davantage": ("lower", True),
    "ou plus que": ("lower", True),
    "et plus": ("lower", True),
    "ou moins": ("upper", True),
    "au plus": ("upper", True),
    "environ": ("approximate", True),
}
# Mots qui joignent une borne basse et une borne haute ("supérieur à 20 et inférieur à 35").
BOUND_JOINTS = ("et", "mais")
# Articles entre une borne et son chiffre ("plus de la moitié").
# Words that turn a following bound word into something else ("how about 2 in 5").
BOUND_CANCELLED_AFTER: tuple[str, ...] = ()
BOUND_ARTICLES = ("la", "le", "les")  # "plus de la moitié", "plus haut que le dixième"
RANGE_OPENERS = {"entre": ("et",), "de": ("à",), "d'": ("à",), "d’": ("à",), "": ("à", "-", "–", "—")}

VAGUE = {
    "des dizaines de milliers": (2e4, 99_999),
    "des centaines de milliers": (2e5, 999_999),
    "des dizaines de millions": (2e7, 99_999_999),
    "des centaines de millions": (2e8, 999_999_999),
    "des dizaines": (20, 99),
    "des centaines": (200, 999),
    "des milliers": (2e3, 9_999),
    "des millions": (2e6, 999_999_999),
    "des milliards": (2e9, 999_999_999_999),
    "une dizaine": (8, 12),
    "une vingtaine": (16, 24),
    "une trentaine": (25, 35),
    "une quarantaine": (35, 45),
    "une cinquantaine": (45, 55),
    "une soixantaine": (55, 65),
    "une centaine": (80, 120),
    "quelques centaines": (200, 999),
    "quelques milliers": (2e3, 9_999),
    "quelques dizaines": (20, 99),
    "plusieurs dizaines": (20, 99),
    "plusieurs centaines": (200, 999),
    "plusieurs milliers": (2e3, 9_999),
    "plusieurs millions": (2e6, 9_999_999),
    "plusieurs dizaines de milliers": (2e4, 99_999),
    "quelques millions": (2e6, 9_999_999),
    "quelques": (2, 9),
    "plusieurs": (3, 9),
    "une poignée": (3, 9),
}
VAGUE_NEEDS_OF = frozenset()

MULTIPLIER_WORDS = {
    "a doublé": 2,
    "ont doublé": 2,
    "doublé": 2,
    "a triplé": 3,
    "ont triplé": 3,
    "triplé": 3,
    "a quadruplé": 4,
    "ont quadruplé": 4,
    "quadruplé": 4,
    "a quintuplé": 5,
    "quintuplé": 5,
    "a diminué de moitié": 0.5,
    "divisé par deux": 0.5,
    "divisée par deux": 0.5,
    "a été divisé par deux": 0.5,
    "réduit de moitié": 0.5,
    "doubler": 2,
    "tripler": 3,
    "quadrupler": 4,
    "doublera": 2,
    "triplera": 3,
    "doubleront": 2,
    "tripleront": 3,
    "doublent": 2,
    "triplent": 3,
    "réduite de moitié": 0.5,
}
# Avant un nombre, ces mots divisent : "divisé par trois" vaut ×1/3, une baisse.
MULTIPLIER_DIVIDE = ("divisé par", "divisée par", "divisés par", "divisées par")
# Avant une année seule, ces mots en font une date, jamais le début d'une fourchette.
YEAR_BEFORE = ("en", "depuis", "dès", "fin", "début", "mi", "d'ici", "pour", "jusqu'en")
# Avant une part ("près d'un sur cinq"), ces mots la placent juste en dessous : une borne haute.
SHARE_BELOW = ("presque", "près de", "près d'", "près d’", "pas loin de", "un peu moins de")
MULTIPLIER_BEFORE = (
    "multiplié par",
    "multipliée par",
    "multipliés par",
    "multipliées par",
    "×",
    "x",
    *MULTIPLIER_DIVIDE,
)
MULTIPLIER_AFTER = (" fois plus", " fois moins", " fois supérieur", " fois")
CHANGE_UP = (
    "augmenté",
    "augmentée",
    "augmentation",
    "hausse",
    "progressé",
    "progression",
    "grimpé",
    "bondi",
    "bond",
    "accru",
    "croissance",
    "gagné",
    "augmente",
    "progresse",
    "grimpe",
    "augmenter",
    "augmentent",
    "progresser",
    "progressent",
    "grimper",
    "croître",
    "crû",
    "bondir",
    "flambé",
    "envolé",
    "gagne",
    "gagnent",
    "relevé",
    "rebondi",
    "augmentera",
    "augmenteront",
    "progressera",
    "progresseront",
    "grimpera",
    # un écart ou un déficit qui "s'est creusé de 3 milliards à 40 milliards"
    "creusé",
    "creuse",
    "élargi",
    "accentué",
)
CHANGE_DOWN = (
    "diminué",
    "diminuée",
    "diminution",
    "baisse",
    "baissé",
    "chuté",
    "chute",
    "reculé",
    "recul",
    "perdu",
    "réduit",
    "réduite",
    "réduction",
    "fondu",
    "plongé",
    "baisse",
    "recule",
    "chute",
    "diminue",
    "régressé",
    "contracté",
    "contraction",
    "baisser",
    "baissent",
    "réduire",
    "diminuer",
    "diminuent",
    "reculer",
    "reculent",
    "chuter",
    "chutent",
    "réduits",
    "réduites",
    "repli",
    "replié",
    "dégringolé",
    "effondré",
    "glissé",
    "cédé",
    "cède",
    "cèdent",
    "perd",
    "perdent",
    "abaissé",
    "baissera",
    "baisseront",
    "reculera",
    "reculeront",
    "diminuera",
    "diminueront",
    "contractée",
    "contractés",
    "resserré",
    "rétréci",
)
CHANGE_NEUTRAL = ("passé", "passée", "passés", "passées", "évolué", "varié", "est passé", "sont passés")
FROM_WORDS = ("de", "d'", "d’")
# "a reculé à 7 % contre 9 %": le nouveau chiffre, puis l'ancien après ces mots.
TO_WORDS = ("à",)
REVERSED_LINKS = ("contre", "après", "au lieu de")
CHANGE_LINK = ("de", "d'", "d’", "")
# Le lien qui peut suivre ce qui varie : "réduire les émissions de 40 %" (trois mots au plus entre).
CHANGE_OBJECT_LINK = ("de", "d'", "d’")
# Après le chiffre, une comparaison et non une variation : "les femmes gagnent 15 % de moins que les
# hommes" ne dit pas que leur salaire a augmenté.
COMPARATIVE_AFTER = ("de moins", "de plus", "en moins")
# "Gagner" une somme, c'est la toucher : "gagnent moins de 2 000 euros" est un revenu, pas une hausse.
# Reste une variation la somme suivie du niveau atteint : "le Brent gagne 1,2 dollar à 85 dollars".
INCOME_VERBS = ("gagne", "gagnent", "gagné", "gagner", "gagnait", "gagnaient")
PERCENT_WORDS = ("%", "pour cent", "pourcent", "pourcents", "pour-cent", "pourcentage", "pourcentages")
POINT_WORDS = (
    "points de pourcentage", "point de pourcentage", "points de base", "point de base",
    "pts", "points", "point", "pp",
)  # fmt: skip
# Un centième de point de pourcentage : "relevé de 25 points de base" fait +0,25 point.
BASIS_POINT_WORDS = ("points de base", "point de base")
# Entre une fraction en lettres et le mot point : "un quart de point", "trois quarts d'un point".
FRACTION_POINT_LINKS = ("de", "d'un", "d’un", "d'", "d’")

MONTHS = (
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "janv.",
    "févr.",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
REFERENCE_WORDS = (
    "article",
    "art.",
    "n°",
    "no",
    "numéro",
    "page",
    "p.",
    "section",
    "chapitre",
    "alinéa",
    "paragraphe",
    "résolution",
    "vol",
    "version",
    "loi",
    "décret",
    "salle",
    "#",
    "saison",
    "épisode",
    "niveau",
    "tome",
)
COUNTED_STOP = frozenset(
    [
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "au",
        "aux",
        "et",
        "ou",
        "mais",
        "dans",
        "sur",
        "sous",
        "pour",
        "par",
        "avec",
        "sans",
        "en",
        "est",
        "sont",
        "était",
        "étaient",
        "a",
        "ont",
        "avait",
        "avaient",
        "été",
        "être",
        "sera",
        "seront",
        "qui",
        "que",
        "qu",
        "dont",
        "où",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "selon",
        "contre",
        "entre",
        "vers",
        "chez",
        "depuis",
        "pendant",
        "avant",
        "après",
        "plus",
        "moins",
        "fois",
        "ne",
        "pas",
        "se",
        "s",
        "y",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "ans",
        "an",
        "année",
        "années",
        "pour-cent",
        # les mots de temps après un nombre disent quand, pas ce qui est compté
        "dernier",
        "dernière",
        "derniers",
        "dernières",
        "prochain",
        "prochaine",
        "mois",
        "semaine",
        "semaines",
        "trimestre",
        "hier",
        "auparavant",
        "l'an",
        "l’an",
        "l'année",
        "l’année",
        "cette",
    ]
)
COUNTED_STOP_SUFFIXES: tuple[str, ...] = ()
COUNTED_LINK = ("de", "d'", "d’")

# Rangs nommés par rapport à l'élément courant ou à la fin d'une liste, sans nombre :
# expression -> (ancre, décalage). "l'avant-dernier" est fin-1. Lu par claims.relative_ordinals.
RELATIVE_ORDINALS = {
    **{w: ("current", 1) for w in ("prochain", "prochaine", "prochains", "prochaines")},
    **{w: ("current", 1) for w in ("suivant", "suivante", "suivants", "suivantes")},
    **{w: ("current", -1) for w in ("précédent", "précédente", "précédents", "précédentes")},
    **{w: ("current", 0) for w in ("actuel", "actuelle", "actuels", "actuelles")},
    **{w: ("end", 0) for w in ("dernier", "dernière", "derniers", "dernières")},
    **{
        f"{art}{w}": ("end", -1)
        for art in ("", "l'", "l’")
        for w in ("avant-dernier", "avant-dernière", "avant-derniers", "avant-dernières")
    },
    **{f"celui d{a}avant le dernier": ("end", -1) for a in "'’"},
    **{f"celle d{a}avant la dernière": ("end", -1) for a in "'’"},
    "pénultième": ("end", -1),
    "antépénultième": ("end", -2),
}
# Après ces articles, une fraction seule est une chose ou une période, pas une part, sauf suivie de
# "de" : "le tiers payant", "au cours du trimestre" (mais "le quart des ménages").
BARE_FRACTION_ARTICLES = ("le", "au", "du")
FRACTION_OF = ("de", "des", "du", "d'", "d’")
# Entre un chiffre et un nombre rond (10, 100 ... un million), ces mots en font un taux : "3,5 pour
# 1 000 naissances".
PER_WORDS = ("pour",)
