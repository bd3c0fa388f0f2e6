"""Claim filter widgets (outlet, language, kind, verdict, reviewer, dates, words) -> ``ClaimFilter``.

The same widgets narrow the trend charts and the exports, so both read like the queue's filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from workbench.domain.validation import clean_search
from workbench.storage.filters import NO_VERDICT, ClaimFilter


def verdict_choices(ratings: Sequence[str]) -> list[str]:
    """The Verdict filter's choices: the desk's ratings, and "(none)" for claims without a verdict."""
    return [*ratings, NO_VERDICT]


def render_claim_filter(prefix: str, options: dict[str, list], *, expanded: bool = False) -> ClaimFilter:
    """Filter widgets under an expander; keys are ``{prefix}.filter.*`` so pages keep their own.

    ``options["verdicts"]``: the desk's rating scale (``workbench.domain.ratings.rating_choices``)."""
    with st.expander("Filters", expanded=expanded, icon=":material/filter_list:"):
        left, middle, right = st.columns(3)
        outlets = left.multiselect("Outlet", options["outlets"], key=f"{prefix}.filter.outlets")
        languages = middle.multiselect("Language", options["languages"], key=f"{prefix}.filter.languages")
        kinds = right.multiselect("Claim kind", options["kinds"], key=f"{prefix}.filter.kinds")
        verdict_options = verdict_choices(options["verdicts"])
        verdicts = left.multiselect("Verdict", verdict_options, key=f"{prefix}.filter.verdicts")
        reviewers = middle.multiselect("Reviewer", options["reviewers"], key=f"{prefix}.filter.reviewers")
        statuses = right.multiselect("Status", options["statuses"], key=f"{prefix}.filter.statuses")
        days = left.date_input("Article dates", value=(), format="YYYY-MM-DD", key=f"{prefix}.filter.dates")
        words = middle.text_input("Words in the claim", key=f"{prefix}.filter.text")
    start, end = _range(days)
    return ClaimFilter(
        outlets=tuple(outlets),
        languages=tuple(languages),
        kinds=tuple(kinds),
        verdicts=tuple(verdicts),
        reviewers=tuple(reviewers),
        statuses=tuple(statuses),
        date_from=start,
        date_to=end,
        text=clean_search(words),
    )


def _range(days: object) -> tuple[date | None, date | None]:
    """A date_input value (a date, or a tuple of 0-2 dates while the reviewer picks) as (from, to)."""
    if isinstance(days, date):
        return days, days
    picked = tuple(days or ())
    return (picked[0] if picked else None), (picked[1] if len(picked) > 1 else None)
