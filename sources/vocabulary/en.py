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

# What statistical series measure, by concept (the keys are shared by every language's table): a series
# labelled with one language's words is also indexed under the others', so a French claim finds an
# English-labelled series. General statistical vocabulary, not any one series' label. A phrase that joins
# two concepts' words ("military expenditure") is left out: each word brings its own concept, while a
# longer phrase hides the shorter ones it contains ("gross domestic product" is not "product(ion)").
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "unemployment": ("unemployment", "unemployed", "jobless", "jobseekers"),
    "employment": ("employment", "jobs", "employed persons", "workforce"),
    "population": ("population", "inhabitants", "residents"),
    "births": ("births", "fertility", "live births"),
    "deaths": ("deaths", "mortality", "fatalities"),
    "migration": ("migration", "migrants", "immigration", "immigrants"),
    "asylum": ("asylum", "asylum seekers", "asylum applications", "refugees"),
    "gdp": ("gross domestic product", "GDP", "economic output"),
    "growth": ("growth", "economic growth"),
    "inflation": ("inflation", "consumer prices", "consumer price index", "CPI", "HICP"),
    "prices": ("prices", "price"),
    "wages": ("wages", "earnings", "salaries", "pay"),
    "debt": ("debt", "government debt", "public debt"),
    "deficit": ("deficit", "budget deficit"),
    "exports": ("exports", "exported"),
    "imports": ("imports", "imported"),
    "trade": ("trade", "trade balance"),
    "production": ("production", "output", "produced"),
    "industry": ("industry", "industrial", "manufacturing"),
    "energy": ("energy", "energy consumption"),
    "electricity": ("electricity", "power generation"),
    "gas": ("natural gas",),
    "oil": ("oil", "crude oil", "petroleum"),
    "emissions": ("emissions", "greenhouse gas", "carbon dioxide", "CO2"),
    "arms": ("arms", "weapons", "munitions", "ammunition", "shells"),
    "defence": ("defence", "defense", "military", "armed forces"),
    "drones": ("drones", "unmanned aerial vehicles"),
    "tourism": ("tourism", "tourists", "tourist arrivals", "nights spent"),
    "households": ("households", "household"),
    "housing": ("housing", "dwellings", "homes", "house prices"),
    "crime": ("crime", "offences", "recorded crimes"),
    "poverty": ("poverty", "at risk of poverty", "poor"),
    "health": ("health", "hospital", "hospitals"),
    "education": ("education", "students", "pupils", "schools"),
    "agriculture": ("agriculture", "farms", "farmers", "crops"),
    "cereals": ("cereals", "wheat", "grain", "maize"),
    "vehicles": ("vehicles", "cars", "passenger cars"),
    "road deaths": ("road deaths", "road fatalities", "road accidents"),
    "investment": ("investment", "capital formation"),
    "taxes": ("taxes", "tax revenue", "taxation"),
    "spending": ("spending", "expenditure", "public spending"),
    "aid": ("aid", "assistance", "development aid"),
    "companies": ("companies", "enterprises", "firms", "businesses"),
    "bankruptcies": ("bankruptcies", "insolvencies"),
    "passengers": ("passengers", "air passengers", "rail passengers"),
    "waste": ("waste", "recycling"),
    "water": ("water", "water abstraction"),
    "forest": ("forest", "forests", "wood"),
    "interest rates": ("interest rates", "interest rate", "yields"),
    "exchange rates": ("exchange rate", "exchange rates"),
}
