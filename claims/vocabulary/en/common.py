"""English function words, used to tell the language of a text apart."""

STOPWORDS = frozenset(
    "the a an of and is are was were has have had in for by on with who that not more "
    "to this these it he she they we you their his her be been which from as at said".split()
)
# Counted with STOPWORDS to tell the language, and only there: frequent words no French text uses
# ("or" and "but" are French words too, and are left out).
LANGUAGE_MARKERS = frozenset(
    "its will would could should than also into after since while there our about those what "
    "when where up".split()
)
