"""The desk's fixed choices: claim statuses, verdict ratings, evidence stances, source kinds."""

from sources.models import SOURCE_KINDS

__all__ = ["RATINGS", "SOURCE_KINDS", "STANCES", "STATUSES"]

STATUSES: tuple[str, ...] = ("new", "checking", "checked", "not check-worthy")

RATINGS: dict[str, str] = {
    "True": "Accurate; nothing significant is missing.",
    "Mostly true": "Accurate but needs clarification or additional information.",
    "Misleading": "Contains accurate elements but gives a wrong impression.",
    "False": "Inaccurate.",
    "Unverifiable": "The evidence available does not allow a judgement.",
}

STANCES: dict[str, str] = {
    "supports": "The source supports the claim.",
    "contradicts": "The source contradicts the claim.",
    "context": "The source adds context.",
}
