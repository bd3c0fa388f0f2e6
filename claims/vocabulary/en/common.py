"""English function words, used to tell the language of a text apart."""

STOPWORDS = frozenset(
    "the a an of and is are was were has have had in for by on with who that not more "
    "to this these it he she they we you their his her be been which from as at said".split()
)
