"""Mots qui disent si l'auteur d'une déclaration est une organisation ou une personne (données)."""

ORGANISATION_WORDS = frozenset(
    "ministère office agence autorité conseil commission banque institut institution syndicat association "
    "parti gouvernement université école hôpital entreprise société groupe comité cour tribunal assemblée "
    "sénat fédération fondation service services direction caisse mairie préfecture armée gendarmerie "
    "police observatoire centre réseau alliance coalition organisation fonds programme chambre haut-"
    "commissariat secrétariat inspection administration".split()
)
PERSON_WORDS = frozenset(
    "ministre secrétaire président présidente porte-parole directeur directrice gouverneur gouverneure "
    "maire chancelier chancelière sénateur sénatrice député députée économiste analyste professeur "
    "professeure chercheur chercheuse expert experte responsable dirigeant dirigeante chef fondateur "
    "fondatrice juge ambassadeur ambassadrice général colonel capitaine m. mme mlle dr".split()
)
DETERMINERS = frozenset("le la les l' un une son sa ses leur leurs du de des".split())
# Particules des noms de personnes ("Anne de La Tour").
PARTICLES = frozenset("de du des la le d'".split())
