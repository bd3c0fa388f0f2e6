"""Ce qui fait d'un chiffre une observation complète : les mots qui donnent sa base, sa fenêtre de
période et sa modalité. Lu par ``claims.observations`` ; motifs en expressions régulières, sans casse,
qui finissent juste avant le chiffre ou la date qu'ils qualifient."""

BASE_DATE_BEFORE = (
    r"depuis",
    r"par\s+rapport\s+(?:à|au|aux)",
    r"comparé(?:e|s|es)?\s+(?:à|au|aux)",
    r"contre",
    r"qu['’]\s*(?:en|au)",
    r"que\s+(?:en|au)",
    r"vis-à-vis\s+de",
    r"rapport\s+à",
    r"sur\s+un\s+an\s+par\s+rapport\s+à",
)
BASE_COARSE_BEFORE = (r"sur",)  # "en hausse de 5 % sur 2023" (pas "sur le mois")
BASE_DATE_OPENERS = ("depuis",)
BASE_VALUE_BEFORE = (
    r"contre",
    r"après",
    r"par\s+rapport\s+(?:à|aux?)",
    r"comparé(?:e|s|es)?\s+(?:à|aux?)",
    r"en\s+(?:hausse|baisse|progression|recul)\s+(?:par\s+rapport\s+(?:à|aux?)|sur)",
)
FROM_VALUE_BEFORE = (r"de", r"d['’]")
TO_VALUE_BEFORE = (r"à", r"pour\s+atteindre", r"atteignant")
RELATIVE_KEYS = ("tôt", "auparavant", "avant", "précédent", "sur un", "glissement", "même période")
WINDOW_KEYS = ("mois", "an")
DURATION_KEYS = ("an", "mois", "décenn", "semaine")
BASE_RELATIVE = (
    (r"(?:un|1)\s+an\s+(?:plus\s+tôt|auparavant|avant)", "year", -1),
    (r"l['’]\s*année\s+(?:précédente|d['’]\s*avant)", "year", -1),
    (r"sur\s+un\s+an", "year", -1),
    (r"en\s+glissement\s+annuel", "year", -1),
    (r"(?:la\s+)?même\s+période\s+de\s+l['’]\s*(?:an|année)\s+(?:dernier|dernière|précédente)", "year", -1),
    (r"(?:un|1)\s+mois\s+(?:plus\s+tôt|auparavant|avant)", "month", -1),
    (r"(?:une|1)\s+semaine\s+(?:plus\s+tôt|auparavant|avant)", "week", -1),
    (r"le\s+mois\s+précédent", "month", -1),
    (r"sur\s+un\s+mois", "month", -1),
    (r"le\s+trimestre\s+précédent", "quarter", -1),
    (r"sur\s+un\s+trimestre", "quarter", -1),
)
WINDOW_BEFORE = (
    (
        r"(?:sur|au\s+cours\s+des|dans\s+les|pendant\s+les|en)\s+(?:les\s+)?(?:12|douze)\s+(?:derniers\s+)?mois\s+"
        r"(?:à(?:\s+fin)?|jusqu['’]\s*(?:à(?:\s+fin)?|en)|achevés(?:\s+(?:fin|en))?|clos(?:\s+(?:fin|en))?)",
        12,
    ),
    (r"sur\s+(?:un\s+an|l['’]\s*année)\s+(?:à(?:\s+fin)?|jusqu['’]\s*(?:à(?:\s+fin)?|en))", 12),
    (
        r"(?:sur|au\s+cours\s+des|dans\s+les|pendant\s+les|en)\s+(?:les\s+)?(?:3|trois)\s+(?:derniers\s+)?mois\s+"
        r"(?:à(?:\s+fin)?|jusqu['’]\s*(?:à(?:\s+fin)?|en)|achevés(?:\s+(?:fin|en))?)",
        3,
    ),
    (
        r"(?:sur|au\s+cours\s+des|dans\s+les|pendant\s+les|en)\s+(?:les\s+)?(?:6|six)\s+(?:derniers\s+)?mois\s+"
        r"(?:à(?:\s+fin)?|jusqu['’]\s*(?:à(?:\s+fin)?|en)|achevés(?:\s+(?:fin|en))?)",
        6,
    ),
)
DURATION = (
    r"(?:en|sur|pendant)\s+(?:les\s+)?(?P<n>\w+)\s+(?:derni(?:ers|ères)\s+)?"
    r"(?P<unit>ans?|années?|mois|décennies?|semaines?)"
)
FIGURE_MODALITY = {
    "estimate": (
        r"estim(?:é|ée|és|ées)(?:\s+(?:à|par))?",
        r"estim(?:e|ent)\s+(?:à|que)",
        r"(?:selon\s+les\s+)?estimations?(?:\s+(?:de|à))?",
        r"évalu(?:é|ée|és|ées)\s+à",
        r"chiffr(?:é|ée|és|ées)\s+à",
    ),
    "forecast": (
        r"devrai(?:t|ent)",
        r"devr(?:a|ont)",
        r"prévoi(?:t|ent)",
        r"prévu(?:e|s|es)?",
        r"attendu(?:e|s|es)?",
        r"table\s+sur",
        r"(?:ser|aur|atteindr|dépasser|augmenter|baisser)(?:a|ont)",
        r"va\s+\w+er",
        r"vont\s+\w+er",
    ),
    "target": (
        r"vis(?:e|ent)\s+(?:à|un|une)",
        r"objectif(?:\s+(?:de|d['’]))?",
        r"cible",
        r"promis(?:e|es)?",
        r"s['’]\s*engagen?t?\s+à",
        r"ambitionn(?:e|ent)",
        r"s['’]\s*engage\s+à",
        r"veu(?:t|lent)",
        r"compt(?:e|ent)\s+\w+er",
    ),
}
# Outre les temps du passé de la table du discours : un état passé ("l'inflation était de 5 % en mars").
# Avec eux, une date sans son année ("en mars") est celle d'avant la publication.
PAST_STATE = (r"était", r"étaient", r"avait", r"avaient", r"fut", r"furent")
