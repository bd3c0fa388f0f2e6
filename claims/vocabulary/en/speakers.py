"""Words that tell whether a speaker is an organisation or a person (data only; read by claims.speakers)."""

# Nouns that head the name of a body: "Department for Energy Security", "Bank of England", "Labour Party".
ORGANISATION_WORDS = frozenset(
    "department ministry office agency authority council commission bank institute institution union "
    "association party government university college school hospital company group committee court "
    "tribunal parliament senate assembly congress federation foundation service services board bureau "
    "trust corporation inc ltd plc llc regulator police army navy force forces administration "
    "directorate secretariat observatory centre center network alliance coalition organisation "
    "organization society fund programme program watchdog inspectorate treasury exchequer cabinet "
    "newspaper".split()
)
# Nouns that name a person by their role: "the minister", "Minister of Defence", "a spokesperson".
PERSON_WORDS = frozenset(
    "minister secretary president chairman chairwoman chair spokesman spokeswoman spokesperson director "
    "governor mayor chancellor senator deputy mp economist analyst professor researcher expert official "
    "chief executive ceo founder leader head premier king queen prince judge ambassador general colonel "
    "captain mr mrs ms dr sir dame lord lady".split()
)
# Words skipped when looking for the first word of a name ("the minister", "a spokesperson").
DETERMINERS = frozenset("the a an its their his her".split())
# Small words inside personal names, not counted as its words ("Ursula von der Leyen").
PARTICLES = frozenset("van von der den di da dos bin al el ibn ben".split())
