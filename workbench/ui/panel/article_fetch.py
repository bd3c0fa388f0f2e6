"""Add article's fetch box: an article's address -> its text, title, site and date in the article form."""

from __future__ import annotations

import streamlit as st

from workbench.desk.ingest import fetch_article
from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.ui import state


def fill_from_url() -> None:
    """Fetch the page typed in the address box and pre-fill the article form with its text, title, site
    and date; a refused page leaves the form as it was and says why."""
    try:
        article = fetch_article(st.session_state[state.INGEST_FETCH_URL])
    except WorkbenchError as error:
        st.session_state[state.INGEST_FETCHED] = ("error", f"Nothing was fetched: {error}")
        return
    st.session_state[state.INGEST_TEXT] = article.text
    st.session_state[state.INGEST_TITLE] = article.title
    st.session_state[state.INGEST_OUTLET] = article.outlet or ""
    st.session_state[state.INGEST_URL] = article.url
    st.session_state[state.INGEST_PUBLISHED] = article.published
    words = len(article.text.split())
    st.session_state[state.INGEST_FETCHED] = (
        "success",
        f"Fetched {words:,} words from {article.url}. Check the form below, then extract the claims.",
    )


def render_fetch_form() -> None:
    """The address box above the article form, and what the latest fetch gave (once)."""
    with st.form("ingest.fetch_form"):
        st.text_input("Article address (http or https)", key=state.INGEST_FETCH_URL)
        st.form_submit_button("Fetch the page", key=state.INGEST_FETCH_SUBMIT, on_click=fill_from_url)
    if fetched := st.session_state.pop(state.INGEST_FETCHED, None):
        getattr(st, fetched[0])(inert(fetched[1]))
