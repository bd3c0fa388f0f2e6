"""French function words, used to tell the language of a text apart."""

STOPWORDS = frozenset(
    "le la les un une des du de et est sont a ont dans pour par sur avec qui que ne pas plus "
    "au aux ce cette ces il elle ils elles nous vous leur leurs son sa ses été être avait selon".split()
)
