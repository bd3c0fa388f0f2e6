"""English discourse vocabulary: modality, attribution, hedges, page furniture, claim-kind cues (data only).

Entries are regex fragments (matched case-insensitively, on word boundaries, by the code that loads them)
unless a comment says otherwise. Apostrophes are written ``'``; the code also accepts ``’``.
"""

# Tokens that a period does not end (written without their final period).
ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Mx Dr Drs Prof Sr Jr St Mt Gen Col Lt Sgt Capt Cmdr Adm Maj Rep Reps Sen Sens Gov Pres Rev
    Hon Inc Ltd Co Corp Bros vs v p pp No Nos Vol Fig approx est dept Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec U.S U.K U.N E.U a.m p.m e.g i.e cf etc Ave Blvd
    """.split()
)

# Clause modality: the first family whose cue occurs in a clause wins, in this order.
MODALITY = {
    "hypothetical": [r"could", r"might", r"may", r"would", r"[Ii]f", r"[Uu]nless", r"risks?\s+\w+ing"],
    "forecast": [
        r"(?:is|are|was|were)\s+expected\s+to",
        r"expected\s+to",
        r"will",
        r"won't",
        r"shall",
        r"forecasts?",
        r"forecasted",
        r"projected",
        r"projections?",
        r"predicts?",
        r"predicted",
        r"likely\s+to",
        r"(?:is|are)\s+set\s+to",
        r"(?:is|are)\s+going\s+to",
        r"by\s+20\d\d",
        r"anticipated?",
        r"anticipates",
        r"expects?",
        r"expecting",
        r"foresees?",
    ],
    "target": [
        r"aims?\s+to",
        r"aiming\s+to",
        r"targets?",
        r"goal",
        r"plans?\s+to",
        r"planning\s+to",
        r"intends?\s+to",
        r"seeks?\s+to",
        r"seeking\s+to",
        r"wants?\s+to",
        r"pledged?\s+to",
        r"pledged",
        r"promised",
        r"commit(?:s|ted)?\s+to",
        r"hopes?\s+to",
        r"is\s+looking\s+to",
    ],
    # after the other families: "estimated to rise" is a forecast, "estimated at" an estimate
    "estimate": [
        r"estimated",
        r"estimates?",
        r"estimating",
        r"reckons?",
        r"reckoned",
        r"(?:is|are|was|were)\s+(?:believed|thought)\s+to",
    ],
}

ATTRIBUTION_PREFIXES = [r"according\s+to", r"as\s+reported\s+by", r"citing", r"in\s+the\s+words\s+of"]

ATTRIBUTION_VERBS = [
    r"(?:has|have|had)\s+(?:said|confirmed|announced|stated|reported|noted|claimed|told|added|cited)",
    r"said|says|say|confirmed|confirms|announced|announces|stated|states|told|tells|reported|reports|added"
    r"|adds|noted|notes|claimed|claims|cited|cites|explained|explains|estimated|estimates|warned|warns"
    r"|argued|argues|insisted|insists|revealed|reveals|acknowledged|admitted|wrote|writes|declared|declares"
    r"|pointed\s+out|pointed\s+to",
]

INVERTED_ATTRIBUTION = [r"(?:said|added|noted|explained|insisted|continued|replied)\s+(?:he|she|they)"]

SPEAKER_PRONOUNS = frozenset(
    """
    he she they it latter him them
    """.split()
)

AUTHOR_PRONOUNS = frozenset(["me", "us", "i", "we"])

DETERMINERS = frozenset(
    """
    the a an this that these those its his her their
    """.split()
)

VERB_WORDS = frozenset(
    """
    is are was were be been being has have had do does did will would shall should can could may might
    must said says say rose fell grew grows rise rises falls fall made makes make took takes won lost
    seeks seek aims aim plans plan wants want cost costs spent spends paid pays gave gives got gets hit
    hits held holds met meets sold sells built builds became becomes remains remain leads led told tells
    saw sees went goes came comes began begins ran runs brought brings kept keeps left leaves employs
    produces produce represents represent reached reaches exceeds exceed
    """.split()
)
VERB_SUFFIX = r"(?:ed)"

PREDICATE_ADVERBS = frozenset(
    """
    also then already still even now further again
    """.split()
)
COORDINATORS = [r"and", r"but", r"whereas"]
# After a comma, these start a new statement even without a verb ("..., then the conference ...").
SEQUENCE_COORDINATORS = [r"then", r"and\s+then", r"and\s+finally"]
# After a comma or semicolon, these join two full clauses, each with its own subject and verb.
CLAUSE_CONJUNCTIONS = [r"while", r"whereas", r"but", r"although", r"and"]
# After a comma, a participle (+ "that") opens a separate reported statement ("..., noting that ...").
CLAUSE_OPENERS = [
    r"(?:noting|adding|saying|stressing|explaining|pointing\s+out|recalling|claiming|insisting|warning)\s+that",
]

FURNITURE_LINES = [
    r"sources?",
    r"comments?(?:\s*\(\d+\))?",
    r"\d+\s+comments?",
    r"read\s+(?:more|also|next|the\s+full)\b.*",
    r"related(?:\s+(?:articles?|stories|content|coverage))?(?:\s*:.*)?",
    r"see\s+also\b.*",
    r"more\s+on\s+this\s+story.*",
    r"share(?:\s+(?:this|on)\b.*)?",
    r"(?:tweet|print|email|e-mail|copy\s+link|save)",
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|messenger)",
    r"(?:photo|illustration|image|credit|picture|pictured)\s*:.*",
    r"©.*",
    r"(?:published|updated|last\s+updated|posted)(?:\s+(?:on|at))?\s*:?\s*(?:\d|[a-z]{3,9}\.?\s+\d).*",
    r"subscribe\b.*",
    r"sign\s+up\b.*",
    r"advertisement",
    r"newsletter\b.*",
    r"\d+\s+min(?:ute)?s?\s+read",
    r"listen\s+to\s+this\s+article",
]
# Bylines (matched case-sensitively, only on verbless fragments).
BYLINES = [r"(?:By|BY)\s+[A-Z][\w\x27’.-]+(?:\s+(?:and\s+)?[A-Z][\w\x27’.-]+){0,4}(?:\s*[,|–-].{0,60})?"]
CREDIT_MARKERS = [
    r"\(\s*source\s*:",
    r"source\s*:",
    r"photo\s*:",
    r"credit\s*:",
    r"photograph\s*:",
    r"©",
    r"\bafp\b",
    r"\breuters\b",
    r"getty\s+images",
    r"\bap\s+photo\b",
    r"screenshot",
    r"file\s+photo",
    r"courtesy\s+of",
]

COMPARISON = [
    r"(?:more|less|fewer|higher|lower|bigger|smaller|larger|greater|faster|slower|better|worse)\s+than",
    r"\w+er\s+than",
    r"compared\s+(?:with|to)",
    r"relative\s+to",
    r"as\s+(?:much|many)\s+as",
    r"versus",
    r"twice\s+as",
    r"times\s+(?:more|as)",
]
RANKING = [
    r"the\s+(?:most|least|largest|biggest|highest|lowest|smallest|fastest|best|worst)",
    r"first|second|third",
    r"record",
    r"top",
    r"number\s+one",
    r"ranks?|ranked|ranking",
    r"leading",
]
CHANGE = [
    r"increas\w*",
    r"decreas\w*",
    r"rose|risen|rising|rises",
    r"fell|fallen|falling|falls",
    r"grew|grown|growth",
    r"doubl\w*",
    r"tripl\w*",
    r"\w+fold",
    r"declin\w*",
    r"drop\w*",
    r"jump\w*",
    r"surg\w*",
    r"plung\w*",
    r"cut|cuts",
    r"went\s+(?:up|down)",
    r"gone\s+(?:up|down)",
    r"soar\w*",
    r"shr[aiu]nk\w*",
    r"los[te]\s+\d",
]
RULE = [
    r"law",
    r"laws",
    r"legal\w*",
    r"illegal\w*",
    r"banned|bans?",
    r"prohibit\w*",
    r"regulation\w*",
    r"mandatory",
    r"required\s+by",
    r"constitution\w*",
    r"bill",
    r"act\b",
    r"veto\w*",
]
EVENT = [
    r"signed",
    r"hosted",
    r"held",
    r"launched",
    r"met",
    r"announced",
    r"concluded",
    r"adopted",
    r"voted",
    r"appointed",
    r"elected",
    r"attacked",
    r"visited",
    r"delivered",
    r"killed",
    r"passed",
    r"closed",
    r"opened",
    r"created",
    r"built",
    r"sold",
    r"invaded",
    r"leaving",
    r"moved",
]
OPINION = [
    r"I\s+(?:think|believe|feel|want|hope|love|like|guess|mean|am|know|will|would)",
    r"in\s+my\s+(?:view|opinion)",
    r"we\s+(?:must|need|should|have\s+to|will|can|are\s+going)",
    r"should",
    r"great",
    r"wonderful",
    r"terrible",
    r"disaster\w*",
    r"shame\w*",
    r"outrage\w*",
    r"unacceptable",
    r"amazing",
    r"beautiful",
    r"tremendous",
    r"thank\s+you",
    r"thanks",
    r"believe\s+me",
    r"frankly",
    r"honestly",
    r"folks",
    r"crucial",
    r"incredible",
    r"horrible",
    r"good|bad",
    r"nice",
    r"so\s+proud",
    r"let\s+me",
    r"let's",
]
HEDGES = [
    r"maybe",
    r"perhaps",
    r"probably",
    r"seems?",
    r"apparently",
    r"possibly",
    r"kind\s+of",
    r"sort\s+of",
]
FIRST_PERSON = [r"I", r"I'm", r"I've", r"I'll", r"me", r"my", r"we", r"we're", r"we've", r"our", r"you"]
CONTEXT_CUES = [
    r"as\s+(?:the\s+)?\w+\s+seeks",
    r"this\s+decision",
    r"amid",
    r"comes\s+as",
]

# Particles inside surnames ("Bruno Le Maire", "Ursula von der Leyen"): a surname keeps them.
NAME_PARTICLES = frozenset(
    ["le", "la", "de", "du", "des", "da", "di", "del", "van", "von", "der", "den", "al", "bin", "ben"]
)

# Capitalised words that are not names (checked lower-case): months, days, sentence openers.
NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday according however meanwhile but and or so if when while
    after before although though because since despite yet also still then now today yesterday tomorrow
    there here what why how who where which whether mr mrs ms dr i it its he she we they you our my his
    her their this that these those some many most all any each every no not one two three several other
    in on at for with from by of to as the a an last next first new western eastern northern southern
    british german american european french russian ukrainian chinese polish italian spanish israeli
    palestinian iranian indian japanese korean canadian australian african asian arab
    """.split()
)

# Lower-case words that look like past tenses but are not verbs.
NON_VERBS = frozenset(
    """
    hundred hundreds indeed need needs speed seed feed breed greed red bed shed sacred naked wicked kindred
    bleed creed deed steed weed embed
    """.split()
)

# Past actions and records (matched case-sensitively): the stuff of checkable claims ("voted", "has cut").
PAST_TENSE = [
    r"(?:has|have|had)(?:\s+(?:not|never|already|just|also))?\s+[a-z]+(?:ed|en|wn|ne|ght|id|ld|ost|ut|et)",
    r"(?:was|were)\s+[a-z]+(?:ed|en|wn|ght|id|ld|ost|ut)",
    r"(?!(?:hundred|indeed|need|speed|seed|feed|bed|red|shed|sacred|naked|wicked|kindred|bleed|creed)\b)"
    r"[a-z]{2,}(?:ed|ied)",
    r"said|told|made|took|gave|went|came|grew|fell|rose|lost|won|spent|paid|sold|built|cut|put|left|met|held"
    r"|brought|bought|became|began|ran|sent|led|kept|hit|shot|stood|wrote|voted|did",
]
# Absolute and historical words that make a statement checkable ("never", "in history", "every").
ABSOLUTES = [
    r"never",
    r"ever",
    r"always",
    r"every",
    r"all",
    r"nobody",
    r"no\s+one",
    r"none",
    r"in\s+history",
    r"only",
    r"first\s+time",
    r"record",
    r"entire",
    r"highest",
    r"lowest",
    r"largest",
    r"biggest",
    r"worst",
    r"best",
]
