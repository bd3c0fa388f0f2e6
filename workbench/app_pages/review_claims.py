"""Review: an article with its claims highlighted, next/previous claim, and the claim panel."""

from functools import partial

import streamlit as st

from workbench.desk.languages import unread_language_warning
from workbench.domain.records import SourceRecord
from workbench.domain.textsafe import inert
from workbench.outputs.highlight import Mark, highlight_html
from workbench.storage.articles import article_claims, article_titles, claims_frame, get_article
from workbench.storage.evidence import list_sources
from workbench.storage.sources_store import source_revision
from workbench.storage.verdicts import get_claim
from workbench.ui import state, url_state
from workbench.ui.panel import claim_label, render_claim_panel
from workbench.ui.resources import database


@st.cache_resource(max_entries=4, ttl=30, show_spinner=False)
def _sources(url: str, revision: tuple) -> list[SourceRecord]:
    """The source library for the link form: read again when a source is added, else every 30 s."""
    with database().session() as session:
        return list_sources(session)


st.title("Review claims")
state.show_flash()

with database().session() as session:
    articles = article_titles(session)
    request = url_state.take_request()
    opened = url_state.resolve_link(session, *request) if request else url_state.Opened()
if opened.problem:
    st.error(inert(opened.problem))
if not articles:
    st.info("No article yet.")
    st.page_link("app_pages/check_article.py", label="Add an article", icon=":material/post_add:")
    st.stop()

article_ids = list(articles)
article_id = url_state.select(url_state.SELECTED_ARTICLE, "article", article_ids, wanted=opened.article_id)
picker = url_state.picker_key("article", article_id)
st.selectbox(
    "Article", article_ids, index=article_ids.index(article_id), format_func=lambda i: f"#{i} {articles[i]}",
    key=picker, on_change=url_state.pick, args=(picker, url_state.SELECTED_ARTICLE, article_ids),
)  # fmt: skip

with database().session() as session:
    claims = article_claims(session, article_id)
    table = claims_frame(session, article_id=article_id)
    article = get_article(session, article_id)
    revision = source_revision(session)
sources = _sources(database().engine.url.render_as_string(), revision)
if not claims:  # an article in a language the engine does not read says so, with its text to read
    st.warning(inert(unread_language_warning(article.lang) or "No claims were found in this article."))
    st.markdown(
        f'<div class="article-text" style="white-space:pre-wrap">{highlight_html(article.text, [])}</div>',
        unsafe_allow_html=True,
    )
    st.stop()

ids = [c.id for c in claims]
claim_id = url_state.select(url_state.SELECTED_CLAIM, "claim", ids, wanted=opened.claim_id)
by_id = {c.id: c for c in claims}
text_col, panel_col = st.columns([4, 3], gap="medium")
with text_col:
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "Previous", icon=":material/arrow_upward:", key="review.previous", shortcut="K",
            on_click=url_state.step, args=(url_state.SELECTED_CLAIM, ids, claim_id, -1),
            disabled=claim_id == ids[0],
        )  # fmt: skip
        st.button(
            "Next", icon=":material/arrow_downward:", key="review.next", shortcut="J",
            on_click=url_state.step, args=(url_state.SELECTED_CLAIM, ids, claim_id, 1),
            disabled=claim_id == ids[-1],
        )  # fmt: skip
        st.caption(f"Claim {ids.index(claim_id) + 1} of {len(ids)} · keys J (next) and K (previous)")
    marks = [
        Mark(c.start, c.end, c.id, c.status, c.id == claim_id, tuple((s.start, s.end) for s in c.statistics))
        for c in claims
    ]
    st.markdown(
        f'<div class="article-text" style="white-space:pre-wrap;line-height:1.7">'
        f"{highlight_html(article.text, marks)}</div>",
        unsafe_allow_html=True,
    )
    st.caption(
        "Yellow: new · blue: checking · violet: proposed · green: published · grey: not check-worthy; "
        "figures in bold."
    )
    table_key = url_state.picker_key("table", claim_id)
    st.dataframe(
        table[["id", "claim", "kind", "worthiness", "status", "verdict"]],
        hide_index=True, key=table_key, selection_mode="single-row",
        on_select=partial(url_state.pick_row, table_key, url_state.SELECTED_CLAIM, list(table["id"])),
    )  # fmt: skip
with panel_col:
    picker = url_state.picker_key("claim", claim_id)
    st.selectbox(
        "Claim", ids, index=ids.index(claim_id), format_func=lambda i: claim_label(by_id[i]),
        key=picker, on_change=url_state.pick, args=(picker, url_state.SELECTED_CLAIM, ids),
    )  # fmt: skip
    with database().session() as session:
        claim = get_claim(session, claim_id)
    render_claim_panel(claim, sources, siblings=claims)
