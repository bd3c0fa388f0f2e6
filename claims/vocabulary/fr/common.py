"""French function words, used to tell the language of a text apart."""

STOPWORDS = frozenset(
    "le la les un une des du de et est sont a ont dans pour par sur avec qui que ne pas plus "
    "au aux ce cette ces il elle ils elles nous vous leur leurs son sa ses été être avait selon".split()
)
# Counted with STOPWORDS to tell the language, and only there: short, frequent words no English text
# uses, which decide a short sentence with few stopwords ("L'inflation a ralenti à 2,4 % en novembre").
# ("l" and "qu" are elisions split off by the word pattern; "d" is not, English has "I'd".)
LANGUAGE_MARKERS = frozenset(
    "à en l qu y ou où mais donc contre entre après avant depuis chez sous vers très aussi était sera "
    "fait cet lors dont encore déjà".split()
)
