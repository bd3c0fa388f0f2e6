"""The desk's fixed choices: claim statuses, the default verdict ratings, evidence stances, source kinds.

A desk configures its own rating scale (workbench.domain.ratings, stored in the settings table); RATINGS is
the scale a new database starts with.
"""

from sources.models import SOURCE_KINDS

__all__ = [
    "MANUAL_STATUSES",
    "RATINGS",
    "RATING_VALUES",
    "SOURCE_KINDS",
    "STANCES",
    "STATUSES",
    "VERDICT_STATUSES",
]

# A claim goes new -> checking -> proposed (a reviewer proposed a verdict, waiting for an editor) ->
# published (an editor published it); "not check-worthy" sets it aside. The two verdict statuses
# follow the verdict's own steps: only proposing and publishing set them, never the status form.
VERDICT_STATUSES: tuple[str, ...] = ("proposed", "published")
MANUAL_STATUSES: tuple[str, ...] = ("new", "checking", "not check-worthy")
STATUSES: tuple[str, ...] = ("new", "checking", *VERDICT_STATUSES, "not check-worthy")

RATINGS: dict[str, str] = {
    "True": "Accurate; nothing significant is missing.",
    "Mostly true": "Accurate but needs clarification or additional information.",
    "Half true": "Partially accurate but leaves out important details or takes things out of context.",
    "Misleading": "Contains accurate elements but gives a wrong impression.",
    "False": "Inaccurate.",
    "Unverifiable": "The evidence available does not allow a judgement.",
}

# Each default rating's number on ClaimReview's 1-5 truth scale (reviewRating.ratingValue). "Misleading"
# sits at 2, not 3: the impression it leaves is wrong. "Unverifiable" is no point on a truth scale: no number.
RATING_VALUES: dict[str, int] = {"True": 5, "Mostly true": 4, "Half true": 3, "Misleading": 2, "False": 1}

STANCES: dict[str, str] = {
    "supports": "The source supports the claim.",
    "contradicts": "The source contradicts the claim.",
    "context": "The source adds context.",
}
