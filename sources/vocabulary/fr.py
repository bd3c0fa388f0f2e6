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

# Ce que mesurent les séries statistiques, par concept (les clés sont celles de la table anglaise).
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "unemployment": ("chômage", "chômeurs", "demandeurs d'emploi", "sans-emploi"),
    "employment": ("emploi", "emplois", "personnes en emploi", "main-d'œuvre", "actifs occupés"),
    "population": ("population", "habitants", "résidents"),
    "births": ("naissances", "natalité", "fécondité"),
    "deaths": ("décès", "mortalité", "morts"),
    "migration": ("migrations", "migrants", "immigration", "immigrés"),
    "asylum": ("asile", "demandeurs d'asile", "demandes d'asile", "réfugiés"),
    "gdp": ("produit intérieur brut", "PIB"),
    "growth": ("croissance", "croissance économique"),
    "inflation": ("inflation", "prix à la consommation", "indice des prix", "IPC", "IPCH"),
    "prices": ("prix", "tarifs"),
    "wages": ("salaires", "salaire", "rémunérations", "revenus salariaux"),
    "debt": ("dette", "dette publique", "endettement"),
    "deficit": ("déficit", "déficit public", "déficit budgétaire"),
    "exports": ("exportations", "exporté", "exportés"),
    "imports": ("importations", "importé", "importés"),
    "trade": ("commerce", "échanges", "balance commerciale"),
    "production": ("production", "fabrication"),
    "industry": ("industrie", "industrielle", "industriel", "manufacturier"),
    "energy": ("énergie", "consommation d'énergie"),
    "electricity": ("électricité", "production électrique"),
    "gas": ("gaz naturel",),
    "oil": ("pétrole", "pétrole brut"),
    "emissions": ("émissions", "gaz à effet de serre", "dioxyde de carbone", "CO2"),
    "arms": ("armes", "armements", "munitions", "obus"),
    "defence": ("défense", "militaire", "militaires", "armées"),
    "drones": ("drones",),
    "tourism": ("tourisme", "touristes", "arrivées de touristes", "nuitées"),
    "households": ("ménages", "ménage"),
    "housing": ("logement", "logements", "prix immobiliers"),
    "crime": ("criminalité", "délinquance", "infractions", "crimes"),
    "poverty": ("pauvreté", "pauvres", "risque de pauvreté"),
    "health": ("santé", "hôpital", "hôpitaux"),
    "education": ("éducation", "élèves", "étudiants", "écoles"),
    "agriculture": ("agriculture", "exploitations agricoles", "agriculteurs", "récoltes"),
    "cereals": ("céréales", "blé", "grains", "maïs"),
    "vehicles": ("véhicules", "voitures", "voitures particulières"),
    "road deaths": (
        "morts sur les routes",
        "tués sur les routes",
        "accidents de la route",
        "mortalité routière",
    ),
    "investment": ("investissement", "investissements", "formation de capital"),
    "taxes": ("impôts", "recettes fiscales", "fiscalité", "taxes"),
    "spending": ("dépenses", "dépenses publiques"),
    "aid": ("aide", "assistance", "aide au développement"),
    "companies": ("entreprises", "sociétés", "firmes"),
    "bankruptcies": ("faillites", "défaillances d'entreprises"),
    "passengers": ("passagers", "voyageurs"),
    "waste": ("déchets", "recyclage"),
    "water": ("eau", "prélèvements d'eau"),
    "forest": ("forêt", "forêts", "bois"),
    "interest rates": ("taux d'intérêt", "taux directeurs"),
    "exchange rates": ("taux de change",),
}
