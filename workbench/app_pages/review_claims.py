"""Review: an article with its claims highlighted, the claims table and the claim panel."""

import streamlit as st

from workbench import state
from workbench.highlight import Mark, highlight_html
from workbench.panel import claim_label, render_claim_panel
from workbench.resources import database
from workbench.storage.articles import article_claims, claims_frame, list_articles
from workbench.storage.evidence import list_sources
from workbench.storage.verdicts import get_claim
from workbench.url_state import selected_id

st.title("Review claims")
state.show_flash()

with database().session() as session:
    articles = {a.id: a for a in list_articles(session)}
if not articles:
    st.info("No article yet.")
    st.page_link("app_pages/check_article.py", label="Add an article", icon=":material/post_add:")
    st.stop()

article_id = selected_id(state.REVIEW_ARTICLE, "article", list(articles))
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

claim_id = selected_id(state.REVIEW_CLAIM, "claim", [c.id for c in claims])
by_id = {c.id: c for c in claims}
text_col, panel_col = st.columns([3, 2])
with text_col:
    marks = [Mark(c.start, c.end, c.id, c.status, c.id == claim_id) for c in claims]
    st.markdown(
        f'<div class="article-text" style="white-space:pre-wrap;line-height:1.7">'
        f"{highlight_html(articles[article_id].text, marks)}</div>",
        unsafe_allow_html=True,
    )
    st.dataframe(table[["id", "claim", "kind", "worthiness", "status", "verdict"]], hide_index=True)
with panel_col:
    st.selectbox("Claim", list(by_id), format_func=lambda i: claim_label(by_id[i]), key=state.REVIEW_CLAIM)
    with database().session() as session:
        claim = get_claim(session, claim_id)
    render_claim_panel(claim, sources)
