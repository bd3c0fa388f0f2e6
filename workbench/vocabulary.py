"""The desk's fixed choices: claim statuses, verdict ratings and evidence stances."""

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

SOURCE_KINDS: tuple[str, ...] = ("report", "dataset", "article", "official statement", "interview", "example")
