"""French words for retrieval and figure context (plain data)."""

_STOPWORDS = """
    a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui
    ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes
    toi ton tu un une vos votre vous c d j l m n s t y ete etee etees etes etant suis es est sommes
    sont serai sera seront serait etais etait etaient fut ai as avons avez ont aurai aura avait avaient
    eu ceci cela celui celle ceux comme donc dont ici ainsi alors aussi autre autres chaque encore entre
    meme tres tout tous toute toutes plus moins lors selon sans sous vers chez puis si
"""
STOPWORDS = frozenset(_STOPWORDS.split())

# Light stemming: (suffix, replacement, shortest stem kept), tried in order, first match wins.
SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("issements", "", 4),
    ("issement", "", 4),
    ("atrices", "", 3),
    ("atrice", "", 3),
    ("ateurs", "", 3),
    ("ateur", "", 3),
    ("ations", "", 3),
    ("ation", "", 3),
    ("ions", "", 4),
    ("ion", "", 4),
    ("ements", "", 4),
    ("ement", "", 4),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ances", "", 4),
    ("ance", "", 4),
    ("ences", "", 4),
    ("ence", "", 4),
    ("iques", "", 4),
    ("ique", "", 4),
    ("istes", "", 4),
    ("iste", "", 4),
    ("euses", "", 3),
    ("euse", "", 3),
    ("eurs", "", 3),
    ("eur", "", 3),
    ("ites", "", 3),
    ("ite", "", 3),
    ("aux", "al", 3),
    ("ees", "", 3),
    ("ee", "", 3),
    ("es", "", 3),
    ("er", "", 3),
    ("e", "", 3),
    ("s", "", 3),
    ("x", "", 3),
)
KEEP_ENDINGS: tuple[str, ...] = ()

FORECAST_CUES: tuple[str, ...] = (
    "devrait",
    "devraient",
    "devra",
    "devront",
    "prevu",
    "prevoit",
    "prevision",
    "objectif",
    "attendu",
    "table sur",
    "d'ici",
    "pourrait",
    "pourraient",
    "sera ",
    "seront ",
)
BASE_CUES: tuple[str, ...] = ("par rapport a", "depuis", "par rapport au", "que en", "qu'en", "sur un an")
MULTIPLIER_CUES: tuple[str, ...] = (
    "multiplie par",
    "multipliee par",
    "multiplies par",
    "multipliees par",
    "fois",
    "x",
    "×",
)
