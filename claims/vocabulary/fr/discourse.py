"""French discourse vocabulary: modality, attribution, hedges, page furniture, claim-kind cues (data only).

Entries are regex fragments (matched case-insensitively, on word boundaries, by the code that loads them)
unless a comment says otherwise. Apostrophes are written ``'``; the code also accepts ``’``.
"""

# Tokens that a period does not end (written without their final period).
ABBREVIATIONS = frozenset(
    """
    M MM Mme Mmes Mlle Mlles Dr Drs Pr Me Mgr St Ste p pp art al av apr J.-C env cf chap coll éd fig hab
    min max n° no nos vol tél Gén Gal Col Cdt Lt Cne Sgt Cie Éts etc ex vs av.-J.-C U.S U.K U.N E.U janv
    févr avr juil sept oct nov déc
    """.split()
)

# Clause modality: the first family whose cue occurs in a clause wins, in this order.
MODALITY = {
    "hypothetical": [
        r"pourrai(?:t|ent)",
        r"pourr(?:a|ont)",
        r"serai(?:t|ent)",
        r"aurai(?:t|ent)",
        r"si\s+(?:le|la|les|l'|on|il|elle)",
        r"risque\s+de",
        r"éventuellement",
    ],
    "forecast": [
        r"devrai(?:t|ent)",
        r"prévoi(?:t|ent)",
        r"prévu(?:e|s|es)?",
        r"prévision(?:s)?",
        r"attendu(?:e|s|es)?",
        r"table\s+sur",
        r"projection(?:s)?",
        r"estime\s+que",
        r"d'ici\s+(?:à\s+)?(?:20\d\d|la\s+fin)",
        r"(?:ser|aur|augmenter|atteindr|dépasser|baisser|passer|doubler|tripler)(?:a|ont)",
        r"va\s+\w+er",
        r"vont\s+\w+er",
        r"s'attend(?:ent)?\s+à",
        r"anticip(?:e|ent)",
        r"mis(?:e|ent)\s+sur",
        r"prédi(?:t|sent)",
    ],
    "target": [
        r"promis(?:e|es)?",
        r"vis(?:e|ent)\s+à",
        r"objectif",
        r"cible",
        r"ambitionn(?:e|ent)",
        r"compt(?:e|ent)\s+\w+er",
        r"cherch(?:e|ent)\s+à",
        r"entend(?:ent)?\s+\w+er",
        r"s'engag(?:e|ent)\s+à",
        r"veu(?:t|lent)",
        r"envisag(?:e|ent)",
        r"projet(?:te|tent)\s+de",
        r"souhait(?:e|ent)",
    ],
    # après les autres familles : "estimé à" est une estimation
    "estimate": [
        r"estim(?:é|ée|és|ées)",
        r"estim(?:e|ent)",
        r"estimations?",
        r"évalu(?:é|ée|és|ées)\s+à",
        r"évalu(?:e|ent)",
        r"chiffr(?:é|ée|és|ées)\s+à",
    ],
}

# Phrases that introduce the source before the claim ("selon X, ...").
ATTRIBUTION_PREFIXES = [r"selon", r"d'après", r"de\s+source\s+\w+", r"citant"]

# Speech and report verbs after the speaker ("X a déclaré que ...", "X affirme").
ATTRIBUTION_VERBS = [
    r"a(?:\s+(?:toutefois|aussi|également|déjà|encore|pourtant|néanmoins|ensuite|enfin|notamment))?"
    r"\s+(?:déclaré|confirmé|cité|annoncé|indiqué|affirmé|précisé|souligné|expliqué|ajouté|assuré|estimé"
    r"|rappelé|noté|dit|signalé|révélé|reconnu|averti|prévenu|fait\s+savoir|rapporté|écrit|démenti)",
    r"ont\s+(?:déclaré|confirmé|cité|annoncé|indiqué|affirmé|précisé|souligné|expliqué|ajouté|dit|rapporté)",
    r"(?:déclare|confirme|annonce|indique|affirme|précise|souligne|explique|ajoute|assure|estime|rappelle"
    r"|note|dit|signale|révèle|reconnaît|rapporte|écrit)(?:nt)?",
]

# Speech verbs with the pronoun after them ("a-t-il assuré"): the speaker is the last one named.
INVERTED_ATTRIBUTION = [
    r"(?:a-t-(?:il|elle|on)|ont-(?:ils|elles))\s+(?:déclaré|confirmé|annoncé|indiqué|affirmé|précisé|souligné"
    r"|expliqué|ajouté|assuré|estimé|rappelé|noté|dit|reconnu|insisté|poursuivi|répondu)",
    r"(?:dit|déclare|assure|affirme|estime|explique|ajoute|précise|souligne|indique|poursuit|insiste|confie"
    r"|répond)-(?:t-)?(?:il|elle|ils|elles)",
]

# Pronouns that refer back to the last named speaker ("Il a ajouté que ...", "selon lui").
SPEAKER_PRONOUNS = frozenset(
    """
    il elle ils elles lui eux celui-ci celle-ci dernier dernière
    """.split()
)

# Pronouns for the author ("selon moi"): an opinion, not an attribution.
AUTHOR_PRONOUNS = frozenset(["moi", "nous", "je", "j'"])

# Leading determiners stripped from a speaker or subject phrase.
DETERMINERS = frozenset(
    """
    le la les l' un une des du de d' ce cette ces son sa ses leur leurs
    """.split()
)

# Finite verbs and auxiliaries (exact lower-case words) that show a fragment has a predicate.
VERB_WORDS = frozenset(
    """
    a ont avoir être avait avaient aura auront aurait auraient est sont était étaient sera seront
    serait seraient
    fut furent va vont doit doivent devrait devraient peut peuvent pourrait pourraient reste restent
    cherche cherchent vise visent prévoit prévoient compte comptent représente représentent atteint
    dépasse dépassent intervient interviennent devient deviennent permet permettent fait font dit
    déclare annonce affirme estime indique confirme explique ajoute signe signent compte possède emploie
    produit produisent coûte coûtent s'élève s'élèvent recule reculent progresse augmente baisse diminue
    chute chutent passe passent tombe demeure travaillent vivent meurent
    """.split()
)
# Past participles and imperfect endings that mark a verb on an otherwise unknown lower-case word.
VERB_SUFFIX = r"(?:é|ée|és|ées|ait|aient|èrent|irent|ira|iront)"

# Words after a coordinator that start a second predicate ("... a triplé et devrait ...").
PREDICATE_ADVERBS = frozenset(
    """
    également aussi ensuite encore déjà désormais même pourtant toutefois
    """.split()
)
COORDINATORS = [r"et", r"mais", r"puis", r"tandis\s+que"]
# After a comma, these start a new statement even without a verb of their own ("..., puis la conférence ...").
SEQUENCE_COORDINATORS = [r"puis", r"ensuite", r"et\s+enfin"]
# After a comma or semicolon, these join two full clauses, each with its own subject and verb.
CLAUSE_CONJUNCTIONS = [r"tandis\s+que", r"mais", r"bien\s+que", r"et"]
# After a comma, a participle + "que" opens a separate reported statement ("..., notant que ...").
CLAUSE_OPENERS = [
    r"(?:notant|soulignant|ajoutant|précisant|indiquant|expliquant|rappelant|affirmant|estimant|assurant)\s+(?:que|qu')",
]

# Page furniture: whole lines matching these (case-insensitive, anchored by the code) are not text.
FURNITURE_LINES = [
    r"sources?",
    r"commentaires?(?:\s*\(\d+\))?",
    r"comment(?:s|aire)?\s*\(\d+\)",
    r"\d+\s+commentaires?",
    r"lire\s+(?:aussi|également|la\s+suite|plus)\b.*",
    r"à\s+lire\s+aussi\b.*",
    r"voir\s+aussi\b.*",
    r"partager(?:\s+(?:sur|cet\s+article)\b.*)?",
    r"(?:partager|tweeter|imprimer|envoyer|copier\s+le\s+lien)",
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|e-?mail|messenger)",
    r"(?:photo|illustration|crédits?(?:\s+photo)?|image)\s*:.*",
    r"©.*",
    r"publié\s+le\b.*",
    r"mis\s+à\s+jour\s+le\b.*",
    r"abonnez-vous\b.*",
    r"newsletter\b.*",
    r"publicité",
    r"(?:à\s+la\s+une|accueil)",
    r"temps\s+de\s+lecture\b.*",
]
# Credits that mark a caption when they follow (or close) a short verbless fragment.
# Bylines (matched case-sensitively, only on verbless fragments).
BYLINES = [r"(?:Par|PAR)\s+[A-Z][\w\x27’.-]+(?:\s+(?:et\s+)?[A-Z][\w\x27’.-]+){0,4}(?:\s*[,|–-].{0,60})?"]
CREDIT_MARKERS = [
    r"\(\s*source\s*:",
    r"source\s*:",
    r"photo\s*:",
    r"crédits?\s*(?:photo)?\s*:",
    r"©",
    r"\bafp\b",
    r"\breuters\b",
    r"getty\s+images",
    r"\bap\s+photo\b",
    r"capture\s+d'écran",
    r"©\s*DR",
]

# Claim-kind and check-worthiness cues.
COMPARISON = [
    r"plus\s+(?:\w+\s+){0,2}que",
    r"moins\s+(?:\w+\s+){0,2}que",
    r"par\s+rapport\s+à",
    r"comparé(?:e|s|es)?\s+à",
    r"supérieur(?:e|s|es)?\s+à",
    r"inférieur(?:e|s|es)?\s+à",
    r"autant\s+que",
    r"davantage",
    r"contre\s+\d",
]
RANKING = [
    r"(?:le|la|les)\s+plus\s+(?:grand|gros|important|élevé|faible|petit)\w*",
    r"premier|première|deuxième",
    r"record",
    r"classement",
    r"en\s+tête",
    r"numéro\s+un",
    r"le\s+moins",
]
CHANGE = [
    r"augment\w*",
    r"hausse",
    r"baiss\w*",
    r"diminu\w*",
    r"recul\w*",
    r"progress\w*",
    r"chut\w*",
    r"doubl\w*",
    r"tripl\w*",
    r"multipli\w*",
    r"croissance",
    r"bond",
    r"grimp\w*",
    r"chute",
    r"passé\s+de",
]
RULE = [
    r"loi",
    r"décret",
    r"règlement\w*",
    r"interdi\w*",
    r"obligatoire",
    r"illégal\w*",
    r"légal\w*",
    r"autoris\w*",
]
EVENT = [
    r"a\s+sign\w*",
    r"ont\s+sign\w*",
    r"signé",
    r"accueilli",
    r"organisé",
    r"lancé",
    r"tenu",
    r"rencontré",
    r"annoncé",
    r"conclu",
    r"adopté",
    r"voté",
    r"nommé",
    r"élu",
    r"attaqu\w*",
    r"visité",
    r"livré",
]
OPINION = [
    r"je\s+(?:pense|crois|trouve|suis|veux|souhaite|ne)",
    r"à\s+mon\s+avis",
    r"selon\s+moi",
    r"il\s+faut",
    r"nous\s+devons",
    r"on\s+doit",
    r"merveilleux",
    r"formidable",
    r"terrible",
    r"honte\w*",
    r"scandale\w*",
    r"inacceptable",
    r"magnifique",
    r"merci",
    r"bravo",
    r"j'espère",
    r"je\s+voudrais",
    r"cruci(?:al|aux|ale)",
]
HEDGES = [r"peut-être", r"sans\s+doute", r"probablement", r"il\s+semble", r"semble(?:nt)?", r"apparemment"]
FIRST_PERSON = [r"je", r"j'", r"moi", r"nous", r"mon", r"ma", r"mes", r"notre", r"nos"]
CONTEXT_CUES = [r"alors\s+que", r"cette\s+décision", r"dans\s+ce\s+contexte"]

# Particles inside surnames ("Bruno Le Maire", "Ursula von der Leyen"): a surname keeps them.
NAME_PARTICLES = frozenset(
    ["le", "la", "de", "du", "des", "da", "di", "del", "van", "von", "der", "den", "al", "bin", "ben"]
)

# Capitalised words that are not names (checked lower-case): months, days, sentence openers.
NOT_NAMES = frozenset(
    """
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi
    mercredi jeudi vendredi samedi dimanche selon cependant toutefois pourtant mais et ou donc si quand
    lorsque alors après avant depuis malgré aussi encore puis aujourd'hui hier demain ici là quoi
    pourquoi comment qui où dans sur sous pour avec sans chez entre vers dont ceci cela ça ce cette ces
    il elle ils elles on nous vous je le la les un une des du de au aux en par leur leurs son sa ses
    notre nos mon ma mes plusieurs certains certaines tous toutes chaque aucun aucune d'après m mme
    """.split()
)

# Lower-case words that look like participles but are nouns or adjectives.
NON_VERBS = frozenset(
    """
    année années armée armées journée journées entrée entrées idée idées durée durées arrivée arrivées
    pensée musée lycée société sociétés côté côtés clé clés café thé pré marché marchés comité comités
    député députés degré degrés papier lié liée
    """.split()
)

# Actions passées et bilans (sensible à la casse) : la matière des affirmations vérifiables.
PAST_TENSE = [
    r"(?:a|ont|avait|avaient|aura|auraient)(?:\s+(?:déjà|pas|jamais|aussi|également|encore))?\s+"
    r"[a-zéèêàâîôûç]+(?:é|és|ée|ées|i|is|it|u|us|ert|erts|ait|ort)",
    r"(?:est|sont|était|étaient)\s+(?:passée?s?|tombée?s?|montée?s?|restée?s?|devenue?s?|arrivée?s?|née?s?|morte?s?)",
    r"[a-zéèêàâîôûç]{2,}(?:èrent|irent|urent)",
]
ABSOLUTES = [
    r"jamais",
    r"toujours",
    r"tous",
    r"toutes",
    r"chaque",
    r"aucun",
    r"aucune",
    r"personne",
    r"record",
    r"historique",
    r"seul",
    r"seule",
    r"première\s+fois",
    r"le\s+plus",
    r"la\s+plus",
    r"les\s+plus",
]
