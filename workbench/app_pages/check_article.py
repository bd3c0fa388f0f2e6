"""Add article: fetch, paste or upload an article, extract its claims, store it."""

import streamlit as st

from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.desk.languages import unread_language_warning
from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.domain.validation import decode_upload
from workbench.jobs.queue import spool_uploads, submit_job
from workbench.storage.repeat_alerts import article_repeat_alerts
from workbench.ui import state, url_state
from workbench.ui.jobs_view import render_jobs_panel
from workbench.ui.panel.article_fetch import render_fetch_form
from workbench.ui.resources import database, ensure_worker

st.title("Add an article")
st.caption(
    "Fetch it from its address, paste its text or upload a .txt/.md file. Claims and their figures are "
    "extracted on save."
)


render_fetch_form()

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
        article_id = store_article(database(), draft)
    except WorkbenchError as error:
        st.error(inert(str(error)))
    else:
        st.session_state[url_state.SELECTED_ARTICLE] = article_id
        if warning := unread_language_warning(draft.lang):
            st.warning(f"Stored article #{article_id} without claims. {warning}")
        else:
            st.success(f"Stored article #{article_id} ({draft.lang}) with {len(draft.claims)} claims.")
        for note in draft.notes:
            st.info(inert(note), icon=":material/build:")
        st.dataframe(
            [{"claim": c.text, "figures": ", ".join(s.surface for s in c.statistics)} for c in draft.claims],
            hide_index=True,
        )
        st.page_link(
            "app_pages/review_claims.py", label="Review these claims →", icon=":material/fact_check:"
        )
        with database().session() as session:
            repeats = article_repeat_alerts(session, article_id)
        if repeats:
            st.warning(
                inert(
                    f"{len(repeats)} of these claims repeat a published verdict: "
                    + "; ".join(f"#{a.claim_id} {a.label}" for a in repeats[:10])
                ),
                icon=":material/repeat:",
            )
            st.page_link(
                "app_pages/review_queue.py", label="See them in the Queue →", icon=":material/checklist:",
                query_params={"repeats": "1", "articles": str(article_id)},
            )  # fmt: skip

st.subheader("Several articles at once")
st.caption(
    "Upload .txt/.md files or a .zip of them: a background job stores each file on its own; you can keep "
    "working, leave the page or reload it."
)
folder_key = state.form_keys("folder.form")  # drawn anew, empty, once a job started; a refusal keeps it
with st.form("folder.form"):
    files = st.file_uploader(
        "Files or a .zip", type=["txt", "md", "zip"], accept_multiple_files=True, key=folder_key("files")
    )
    folder_outlet = st.text_input("Outlet of these articles (optional)", key=folder_key("outlet"))
    started = st.form_submit_button("Ingest the files", key="folder.submit")
if started:
    uploads = [(f.name, f.getvalue()) for f in files or []]
    if not uploads:
        st.warning("Choose files first.")
    else:
        # the files wait in the spool for the background worker: leaving the page or a restart loses nothing
        who = state.known_reviewer()
        params = {"folder": str(spool_uploads(uploads)), "outlet": folder_outlet or None}
        title = f"Ingesting {len(uploads)} uploaded files"
        submit_job(database(), "ingest-files", params, title=title, by=who)
        ensure_worker()
        state.renew_form("folder.form")
        st.rerun()  # the form drawn anew, empty; the job's progress below
render_jobs_panel()
