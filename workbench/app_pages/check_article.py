"""Add article: paste or upload an article, extract its claims, store it."""

import streamlit as st

from workbench import state, url_state
from workbench.errors import WorkbenchError
from workbench.folder_ingest import expand_uploads, ingest_files
from workbench.ingest import prepare_article
from workbench.panel.progress_view import remember_job, render_jobs
from workbench.progress import start_job
from workbench.resources import database
from workbench.storage.articles import store_article
from workbench.storage.repeat_alerts import article_repeat_alerts
from workbench.textsafe import inert
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
        article_id = store_article(database(), draft)
    except WorkbenchError as error:
        st.error(inert(str(error)))
    else:
        st.session_state[url_state.SELECTED_ARTICLE] = article_id
        st.success(f"Stored article #{article_id} ({draft.lang}) with {len(draft.claims)} claims.")
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
st.caption("Upload .txt/.md files or a .zip of them: each file is stored on its own; you can keep working.")
folder_key = state.form_keys("folder.form")  # drawn anew, empty, once a job started; a refusal keeps it
with st.form("folder.form"):
    files = st.file_uploader(
        "Files or a .zip", type=["txt", "md", "zip"], accept_multiple_files=True, key=folder_key("files")
    )
    folder_outlet = st.text_input("Outlet of these articles (optional)", key=folder_key("outlet"))
    started = st.form_submit_button("Ingest the files", key="folder.submit")
if started:
    texts, refused = expand_uploads((f.name, f.getvalue()) for f in files or [])
    if not texts and not refused:
        st.warning("Choose files first.")
    else:
        db, outlet = database(), folder_outlet or None

        def work(report):
            summary = ingest_files(db, texts, outlet=outlet, report=report)
            summary.refused[:0] = refused
            return summary

        remember_job(start_job(f"Ingesting {len(texts)} files", work, total=len(texts)))
        state.renew_form("folder.form")
        st.rerun()  # the form drawn anew, empty; the job's progress below


def show_summary(status) -> None:
    summary = status.result
    st.success(inert(f"{status.title}: {summary.describe()}"))
    rows = [{"file": n, "outcome": f"stored as article #{i} with {c} claims"} for n, i, c in summary.stored]
    rows += [{"file": n, "outcome": f"duplicate of article #{i}"} for n, i in summary.duplicates]
    rows += [{"file": r.name, "outcome": f"refused: {r.reason}"} for r in summary.refused]
    st.dataframe(rows, hide_index=True, key=f"folder.summary.{status.id}")


render_jobs(show_summary)
