"""Add article: paste or upload an article, extract its claims, store it."""

import streamlit as st

from workbench import state
from workbench.errors import WorkbenchError
from workbench.folder_ingest import expand_uploads
from workbench.ingest import prepare_article
from workbench.jobs import spool_uploads, submit_job
from workbench.jobs_view import render_jobs_panel
from workbench.resources import database, ensure_worker
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

st.subheader("Several articles at once")
st.caption(
    "Upload .txt/.md files or a .zip of them: a background worker stores each file on its own; you can "
    "keep working, close the page or restart the app, and the progress shows on every page that lists jobs."
)
with st.form("folder.form", clear_on_submit=True):
    files = st.file_uploader(
        "Files or a .zip", type=["txt", "md", "zip"], accept_multiple_files=True, key="folder.files"
    )
    folder_outlet = st.text_input("Outlet of these articles (optional)", key="folder.outlet")
    started = st.form_submit_button("Ingest the files", key="folder.submit")
if started:
    texts, refused = expand_uploads((f.name, f.getvalue()) for f in files or [])
    if not texts and not refused:
        st.warning("Choose files first.")
    for refusal in refused:
        st.warning(f"{refusal.name}: refused, {refusal.reason}")
    if texts:
        folder = spool_uploads(texts)
        params = {"paths": [str(folder)], "outlet": folder_outlet or None, "workers": 0, "batch": 1}
        who = getattr(state.signed_in_user(), "username", None) or st.session_state.get(state.REVIEWER)
        job_id = submit_job(database(), "ingest", params, title=f"Ingesting {len(texts)} files", by=who)
        ensure_worker()
        st.toast(f"Job #{job_id} queued.")

render_jobs_panel()
