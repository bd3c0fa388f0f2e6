"""Add article: paste or upload an article, extract its claims, store it."""

import streamlit as st

from workbench import state
from workbench.errors import WorkbenchError
from workbench.ingest import prepare_article
from workbench.resources import database
from workbench.storage.articles import add_article
from workbench.validation import decode_upload

st.title("Add an article")
st.caption(
    "Paste the article's text or upload a .txt/.md file. Claims and their figures are extracted on save."
)

with st.form("ingest.form"):
    st.text_area("Article text", key=state.INGEST_TEXT, height=260)
    st.file_uploader(
        "…or upload a text file (UTF-8, up to 5 MB)", type=["txt", "md"], key=state.INGEST_UPLOAD
    )
    left, right = st.columns(2)
    left.text_input("Title", key=state.INGEST_TITLE, placeholder="Defaults to the first line")
    right.text_input("Outlet", key=state.INGEST_OUTLET)
    left.text_input("URL", key=state.INGEST_URL)
    right.date_input("Publication date", value=None, key=state.INGEST_PUBLISHED, format="YYYY-MM-DD")
    st.selectbox("Language", ["detect", "fr", "en"], key=state.INGEST_LANG)
    submitted = st.form_submit_button("Extract claims", type="primary", key=state.INGEST_SUBMIT)

if submitted:
    upload = st.session_state.get(state.INGEST_UPLOAD)
    try:
        text = (
            decode_upload(upload.getvalue(), upload.name) if upload else st.session_state[state.INGEST_TEXT]
        )
        lang = st.session_state[state.INGEST_LANG]
        with st.spinner("Extracting claims…"):
            draft = prepare_article(
                text,
                title=st.session_state[state.INGEST_TITLE],
                outlet=st.session_state[state.INGEST_OUTLET],
                url=st.session_state[state.INGEST_URL],
                published=st.session_state[state.INGEST_PUBLISHED],
                lang=None if lang == "detect" else lang,
            )
        with database().session() as session:
            article_id = add_article(session, draft)
    except WorkbenchError as error:
        st.error(str(error))
    else:
        st.session_state[state.REVIEW_ARTICLE] = article_id
        st.success(f"Stored article #{article_id} ({draft.lang}) with {len(draft.claims)} claims.")
        st.dataframe(
            [{"claim": c.text, "figures": ", ".join(s.surface for s in c.statistics)} for c in draft.claims],
            hide_index=True,
        )
        st.page_link(
            "app_pages/review_claims.py", label="Review these claims →", icon=":material/fact_check:"
        )
