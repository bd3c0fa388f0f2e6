"""The desk's fixed choices: claim statuses, the default verdict ratings, evidence stances, source kinds.

A desk configures its own rating scale (workbench.ratings, stored in the settings table); RATINGS is the
scale a new database starts with.
"""

from sources.models import SOURCE_KINDS

__all__ = ["RATINGS", "SOURCE_KINDS", "STANCES", "STATUSES"]

STATUSES: tuple[str, ...] = ("new", "checking", "checked", "not check-worthy")

RATINGS: dict[str, str] = {
    "True": "Accurate; nothing significant is missing.",
    "Mostly true": "Accurate but needs clarification or additional information.",
    "Half true": "Partially accurate but leaves out important details or takes things out of context.",
    "Misleading": "Contains accurate elements but gives a wrong impression.",
    "False": "Inaccurate.",
    "Unverifiable": "The evidence available does not allow a judgement.",
}

STANCES: dict[str, str] = {
    "supports": "The source supports the claim.",
    "contradicts": "The source contradicts the claim.",
    "context": "The source adds context.",
}
