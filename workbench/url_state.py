"""Keep the selected article and claim in the URL so a refresh or a shared link opens the same claim."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from sqlalchemy.orm import Session

from workbench.storage.articles import claim_article_id
from workbench.storage.claim_edits import replacement_of
from workbench.storage.schema import ArticleRow, ClaimRow

OPEN_REQUEST = "review.open_request"  # {"article": id, "claim": id} left by another page (the queue)
SEEN_URL = "review.seen_url"  # the URL's ids are followed once per browser session, on its first view


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
    """Follow ``?article=&claim=``: a claim opens its own article; unknown or retired ids are explained.

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


def selected_id(key: str, param: str, choices: list[int], *, wanted: int | None = None) -> int:
    """The id chosen in widget ``key`` (``wanted`` first, when among the choices), written back to the URL."""
    if wanted in choices:
        st.session_state[key] = wanted
    if st.session_state.get(key) not in choices:
        # a widget's state is dropped when the reviewer visits another page: come back to the last one
        requested = _as_id(st.query_params.get(param))
        last = st.session_state.get(f"{key}.last")
        st.session_state[key] = next((i for i in (requested, last) if i in choices), choices[0])
    chosen = st.session_state[key]
    st.session_state[f"{key}.last"] = chosen
    st.query_params[param] = str(chosen)
    return chosen


def step(key: str, choices: list[int], delta: int) -> None:
    """Callback: move the selection in widget ``key`` by ``delta`` within ``choices`` (stops at the ends)."""
    current = st.session_state.get(key)
    index = choices.index(current) if current in choices else 0
    st.session_state[key] = choices[max(0, min(len(choices) - 1, index + delta))]


def pick_row(table_key: str, key: str, ids: list[int]) -> None:
    """Callback of a single-row dataframe: select the claim of the chosen row in widget ``key``."""
    rows = st.session_state[table_key].selection.rows
    if rows and rows[0] < len(ids):
        st.session_state[key] = ids[rows[0]]
