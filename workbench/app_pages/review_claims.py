"""Review: an article with its claims highlighted, next/previous claim, and the claim panel."""

from functools import partial

import streamlit as st

from workbench import state, url_state
from workbench.highlight import Mark, highlight_html
from workbench.panel import claim_label, render_claim_panel
from workbench.resources import database
from workbench.storage.articles import article_claims, claims_frame, list_articles
from workbench.storage.evidence import list_sources
from workbench.storage.verdicts import get_claim

st.title("Review claims")
state.show_flash()

with database().session() as session:
    articles = {a.id: a for a in list_articles(session)}
    request = url_state.take_request()
    opened = url_state.resolve_link(session, *request) if request else url_state.Opened()
if opened.problem:
    st.error(opened.problem)
if not articles:
    st.info("No article yet.")
    st.page_link("app_pages/check_article.py", label="Add an article", icon=":material/post_add:")
    st.stop()

article_id = url_state.selected_id(state.REVIEW_ARTICLE, "article", list(articles), wanted=opened.article_id)
st.selectbox(
    "Article", list(articles), format_func=lambda i: f"#{i} {articles[i].title}", key=state.REVIEW_ARTICLE
)

with database().session() as session:
    claims = article_claims(session, article_id)
    table = claims_frame(session, article_id=article_id)
    sources = list_sources(session)
if not claims:
    st.warning("No claims were found in this article.")
    st.stop()

ids = [c.id for c in claims]
claim_id = url_state.selected_id(state.REVIEW_CLAIM, "claim", ids, wanted=opened.claim_id)
by_id = {c.id: c for c in claims}
text_col, panel_col = st.columns([3, 2])
with text_col:
    back, forward, where = st.columns([1, 1, 3], vertical_alignment="center")
    back.button(
        "Previous claim", icon=":material/arrow_upward:", key="review.previous", shortcut="K",
        on_click=url_state.step, args=(state.REVIEW_CLAIM, ids, -1), disabled=claim_id == ids[0],
    )  # fmt: skip
    forward.button(
        "Next claim", icon=":material/arrow_downward:", key="review.next", shortcut="J",
        on_click=url_state.step, args=(state.REVIEW_CLAIM, ids, 1), disabled=claim_id == ids[-1],
    )  # fmt: skip
    where.caption(f"Claim {ids.index(claim_id) + 1} of {len(ids)} · keys J (next) and K (previous)")
    marks = [
        Mark(c.start, c.end, c.id, c.status, c.id == claim_id, tuple((s.start, s.end) for s in c.statistics))
        for c in claims
    ]
    st.markdown(
        f'<div class="article-text" style="white-space:pre-wrap;line-height:1.7">'
        f"{highlight_html(articles[article_id].text, marks)}</div>",
        unsafe_allow_html=True,
    )
    st.caption("Yellow: new · blue: checking · green: checked · grey: not check-worthy; figures in bold.")
    st.dataframe(
        table[["id", "claim", "kind", "worthiness", "status", "verdict"]],
        hide_index=True, key="review.table", selection_mode="single-row",
        on_select=partial(url_state.pick_row, "review.table", state.REVIEW_CLAIM, list(table["id"])),
    )  # fmt: skip
with panel_col:
    st.selectbox("Claim", ids, format_func=lambda i: claim_label(by_id[i]), key=state.REVIEW_CLAIM)
    with database().session() as session:
        claim = get_claim(session, claim_id)
    render_claim_panel(claim, sources, siblings=claims)
