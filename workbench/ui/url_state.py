"""Which article and claim the Review page shows: one stored selection, mirrored in the URL.

The selection lives under plain session-state keys that only this module's callbacks change. The
pickers (selectboxes, the claims table, Next/Previous) are widgets keyed by the selection they were
drawn for, so a picker never carries a value from an earlier selection: whatever the browser sends
back for a stale or re-mounted picker, the selection changes only on a choice the reviewer made, and
only to a claim of the article on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st
from sqlalchemy.orm import Session

from workbench.storage.articles import claim_article_id
from workbench.storage.schema import ArticleRow, ClaimRow
from workbench.storage.versioning import replacement_of

OPEN_REQUEST = "review.open_request"  # {"article": id, "claim": id} left by another page (the queue)
SEEN_URL = "review.seen_url"  # the URL's ids are followed once per browser session, on its first view
SELECTED_ARTICLE = "review.selected_article"
SELECTED_CLAIM = "review.selected_claim"
_LEADING_ID = re.compile(r"#(\d{1,11})\b")


@dataclass(frozen=True)
class Opened:
    """Which article and claim a link asks for, and what to tell the reviewer when it cannot be followed."""

    article_id: int | None = None
    claim_id: int | None = None
    problem: str | None = None


def _as_id(value: object) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) < 12 else None


def resolve_link(session: Session, article: object, claim: object) -> Opened:
    """Follow ``?article=&claim=``: a claim opens its own article; unknown, misplaced or retired ids are
    explained.

    Raw query-parameter strings are accepted; anything but digits counts as absent.
    """
    article_id, claim_id = _as_id(article), _as_id(claim)
    problem = None
    if claim is not None and str(claim).strip() and claim_id is None:
        problem, claim_id = f"Claim “{str(claim)[:40]}” was not found: claim ids are numbers.", None
    if claim_id is not None:
        owner = claim_article_id(session, claim_id)
        if owner is None:
            return Opened(article_id, None, f"Claim #{claim_id} was not found.")
        if article_id is not None and article_id != owner:
            problem = (
                f"Claim #{claim_id} belongs to article #{owner}, not article #{article_id}: "
                f"article #{owner} is open."
            )
        if session.get(ClaimRow, claim_id).retired:
            into = replacement_of(session, claim_id)
            problem = f"Claim #{claim_id} was split or merged into {', '.join(f'#{i}' for i in into)}."
            claim_id = into[0] if into else None
        return Opened(owner, claim_id, problem)
    if article_id is not None and session.get(ArticleRow, article_id) is None:
        return Opened(None, None, f"Article #{article_id} was not found.")
    return Opened(article_id, None, problem)


def take_request() -> tuple[object, object] | None:
    """The article and claim another page asked to open, or on a session's first view, the URL's."""
    request = st.session_state.pop(OPEN_REQUEST, None)
    first_view = not st.session_state.get(SEEN_URL)
    st.session_state[SEEN_URL] = True
    if request is not None:
        return request.get("article"), request.get("claim")
    return (st.query_params.get("article"), st.query_params.get("claim")) if first_view else None


def request_open(article_id: int, claim_id: int) -> None:
    """Ask the Review page to open this claim on its next run (the queue calls this, then switches)."""
    st.session_state[OPEN_REQUEST] = {"article": article_id, "claim": claim_id}


def select(key: str, param: str, choices: list[int], *, wanted: int | None = None) -> int:
    """The id stored under ``key`` (``wanted`` first, when among the choices), written back to the URL.

    An id that is not among ``choices`` (another article's claim) gives way to the URL's, then to the
    first choice.
    """
    if wanted in choices:
        st.session_state[key] = wanted
    chosen = st.session_state.get(key)
    if chosen not in choices:
        requested = _as_id(st.query_params.get(param))
        chosen = requested if requested in choices else choices[0]
        st.session_state[key] = chosen
    st.query_params[param] = str(chosen)
    return chosen


def picker_key(name: str, selected: int) -> str:
    """The key of a picker drawn for ``selected``: a new selection draws a new picker, never a stale one."""
    return f"review.{name}_picker.{selected}"


def as_choice(value: object, choices: list[int]) -> int | None:
    """A picker's value as one of ``choices``: the id itself, or the "#id …" label a browser sent back.

    >>> as_choice("#14 [×3] La production a triplé", [12, 14])
    14
    >>> as_choice("#99 gone", [12, 14]) is None
    True
    """
    if value in choices:
        return value  # type: ignore[return-value]
    found = _LEADING_ID.match(str(value or ""))
    chosen = int(found.group(1)) if found else None
    return chosen if chosen in choices else None


def pick(widget: str, key: str, choices: list[int]) -> None:
    """Callback of a picker: store the reviewer's choice under ``key``, if it is one of ``choices``."""
    chosen = as_choice(st.session_state.get(widget), choices)
    if chosen is not None:
        st.session_state[key] = chosen


def step(key: str, choices: list[int], drawn: int, delta: int) -> None:
    """Callback of Next/Previous: the claim ``delta`` away from ``drawn``, the one on screen."""
    if drawn in choices:
        index = choices.index(drawn)
        st.session_state[key] = choices[max(0, min(len(choices) - 1, index + delta))]


def pick_row(table_key: str, key: str, ids: list[int]) -> None:
    """Callback of a single-row dataframe: select the claim of the chosen row (``ids``: rows as drawn)."""
    rows = st.session_state[table_key].selection.rows
    if rows and rows[0] < len(ids):
        st.session_state[key] = ids[rows[0]]
