"""The Sources page's forms: add by hand, import a CSV, import a web page or HTML file, paste text.

A page or pasted text is read first and shown with the figures found in it (the reviewer keeps
or drops each); nothing is stored before "Save source". Every save is one transaction.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sources.models import Source
from sources.observations import period_label
from workbench.desk.library import flag_duplicates, library_frame
from workbench.desk.source_intake import (
    FigureInput,
    SourceFileError,
    fetch_archived_source,
    import_csv_file,
    keep_figures,
    manual_source,
    pasted_source,
    read_html,
    save_library_sources,
)
from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.domain.validation import clean_text
from workbench.domain.vocabulary import SOURCE_KINDS
from workbench.storage.database import Database
from workbench.storage.sources_store import load_sources, source_revision
from workbench.ui import state
from workbench.ui.resources import database

PREVIEW = "source.preview"  # a read but unsaved Source
PREVIEW_COPY = "source.preview_copy"  # what was fetched for it (an ArchivedCopy), when it was fetched
CSV_CHOICES = ("Save nothing (fix the file first)", "Save the good rows, skip the bad ones")
# a None option would give the selectbox a "Clear value" button that label lookups confuse with "Value"
LANGUAGES = {"detect": "detect from the text", "en": "English", "fr": "French"}


def _saved_message(saved, *, later: bool = False) -> None:
    """Say what was saved, now or (``later``) at the top of the next run of the page."""
    ids = saved.ids
    added = (
        f"Added source #{ids[0]}." if len(ids) == 1 else f"Added {len(ids):,} sources (#{ids[0]}–#{ids[-1]})."
    )
    if later:
        flags = " ".join(flag.message for flag in saved.duplicates[:20])
        state.flash("warning" if flags else "success", f"{added} {flags}".strip())
        return
    st.success(added)
    for flag in saved.duplicates[:20]:
        st.warning(inert(flag.message))


def _save(sources: list[Source], *, progress: bool = False, later: bool = False, archived=()) -> bool:
    """Store sources for the reviewer; errors shown, nothing half-saved. True when saved.
    ``archived`` keeps what was fetched for each source (same order)."""
    try:
        reviewer = state.reviewer_name()
        bar = st.progress(0.0, text="Saving…") if progress else None
        report = (
            (lambda done, total: bar.progress(done / total, text=f"Saving {done:,}/{total:,}"))
            if bar
            else None
        )
        with state.write_session() as session:
            saved = save_library_sources(
                session, sources, reviewer=reviewer, progress=report, archived=archived
            )
    except WorkbenchError as error:
        st.error(inert(str(error)))
        return False
    _saved_message(saved, later=later)
    return True


def render_manual_form() -> None:
    # the form's keys carry its generation: a saved form is drawn anew, empty; a refused one keeps its values
    key = state.form_keys("source.form")
    with st.form(key("form")):
        left, right = st.columns(2)
        title = left.text_input("Title", key=key("title"))
        publisher = right.text_input("Publisher", key=key("publisher"))
        url = left.text_input("URL", key=key("url"))
        published = right.date_input(
            "Publication date", value=None, key=key("published"), format="YYYY-MM-DD"
        )
        kind = left.selectbox("Kind", SOURCE_KINDS, key=key("kind"))
        lang = right.selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.get, key=key("lang"))
        reliability = st.text_input("Reliability note", key=key("reliability"))
        text = st.text_area("Text or excerpt", key=key("excerpt"))
        extract = st.checkbox("Store the figures found in the text", value=True, key=key("extract"))
        st.markdown("**A figure it reports** (optional)")
        a, b, c, d, e = st.columns(5)
        value = a.number_input("Value", value=None, key=key("figure_value"), format="%g")
        unit = b.text_input("Unit", key=key("figure_unit"), placeholder="%, ×, EUR…")
        bound = c.selectbox("Bound", ("exact", "lower", "upper", "approximate"), key=key("figure_bound"))
        measured = d.text_input("What is measured", key=key("figure_measured"))
        period = e.text_input("Period", key=key("figure_period"), placeholder="2023, 2024-03…")
        submitted = st.form_submit_button("Add source", type="primary")
    if submitted:
        try:
            figure = (
                FigureInput(value, unit=unit, bound=bound, counted=measured, period=period)
                if value is not None
                else None
            )
            source = manual_source(
                title=title,
                publisher=clean_text("publisher", publisher),
                url=url,
                published=published,
                kind=kind,
                language=None if lang == "detect" else lang,
                reliability=clean_text("reliability note", reliability, max_chars=5_000),
                text=text,
                figure=figure,
                extract=extract,
            )
        except WorkbenchError as error:
            st.error(inert(str(error)))
        else:
            if _save([source], later=True):
                state.renew_form("source.form")
                st.rerun()  # the message at the top, and the form drawn anew, empty


def render_csv_import() -> None:
    st.caption(
        "One source per row; a header row names the columns (title required; publisher, url, published, "
        "kind, language, reliability, text, figure_value, figure_unit, figure_kind, figure_bound, "
        "figure_counted, figure_period, figure_base, figure_modality; rows sharing an id are one source "
        "with several figures). UTF-8."
    )
    upload = st.file_uploader("CSV file", type=["csv", "tsv", "txt"], key="source.csv_file")
    choice = st.radio("If some rows have errors", CSV_CHOICES, index=0, key="source.csv_choice")
    if not st.button("Import sources", type="primary", key="source.csv_submit", disabled=upload is None):
        return
    reading = st.progress(0.0, text="Reading rows…")
    saving = st.progress(0.0, text="Waiting to save…")
    try:
        with state.write_session() as session:
            done = import_csv_file(
                session, upload.getvalue(), name=upload.name, reviewer=state.reviewer_name(),
                save_good_rows=choice == CSV_CHOICES[1],
                reading=lambda n, total: reading.progress(n / total, text=f"Read {n:,}/{total:,} sources"),
                saving=lambda n, total: saving.progress(n / total, text=f"Saved {n:,}/{total:,} sources"),
            )  # fmt: skip
    except SourceFileError as error:
        st.error(f"Nothing was saved: {len(error.errors)} problem(s) in the file.")
        st.code("\n".join(error.errors[:200]), language=None)
    except WorkbenchError as error:
        st.error(inert(str(error)))
    else:
        _saved_message(done.saved)
        if done.errors:
            st.warning(f"{len(done.errors)} row(s) were skipped:")
            st.code("\n".join(done.errors[:200]), language=None)


def render_page_import() -> None:
    url = st.text_input("Web page address", key="source.page_url", placeholder="https://…")
    html = st.file_uploader("…or an HTML file", type=["html", "htm"], key="source.html_file")
    if st.button("Read the page", key="source.page_submit"):
        try:
            if html is not None:
                st.session_state[PREVIEW] = read_html(
                    html.getvalue(), url=clean_text("url", url), name=html.name
                )
                st.session_state.pop(PREVIEW_COPY, None)
            else:
                with st.spinner("Fetching the page…"):
                    source, copy = fetch_archived_source(url)
                st.session_state[PREVIEW], st.session_state[PREVIEW_COPY] = source, copy
        except WorkbenchError as error:
            st.error(inert(str(error)))


def render_paste() -> None:
    # keyed by generation like the hand form: a saved paste is drawn anew, empty
    key = state.form_keys("source.paste")
    with st.form(key("form")):
        text = st.text_area("Text of the source", key=key("text"), height=160)
        left, right = st.columns(2)
        title = left.text_input("Name (optional: the first line)", key=key("title"))
        publisher = right.text_input("Published by", key=key("publisher"))
        url = left.text_input("URL (optional)", key=key("url"), placeholder="https://…")
        published = right.date_input(
            "Publication date", value=None, key=key("published"), format="YYYY-MM-DD"
        )
        kinds = list(SOURCE_KINDS)
        kind = left.selectbox(
            "Kind", kinds, index=kinds.index("statement") if "statement" in kinds else 0, key=key("kind")
        )
        read = st.form_submit_button("Find the figures")
    if read:
        try:
            st.session_state[PREVIEW] = pasted_source(
                text, title=title, publisher=publisher, url=url or None, published=published, kind=kind
            )
            st.session_state.pop(PREVIEW_COPY, None)
        except WorkbenchError as error:
            st.error(inert(str(error)))


def render_preview() -> None:
    """The source read from a page or pasted text, its figures to keep, and Save / Discard."""
    source: Source | None = st.session_state.get(PREVIEW)
    if source is None:
        return
    st.markdown(f"#### Ready to save: {inert(source.title)}")
    st.caption(
        inert(
            f"{source.publisher or 'publisher unknown'} · {source.published or 'date unknown'} · "
            f"{source.language} · {len(source.text):,} characters"
            + (f" · {source.url}" if source.url else "")
        )
    )
    if st.session_state.get(PREVIEW_COPY) is not None:
        copy = st.session_state[PREVIEW_COPY]
        st.caption(inert(f"Fetched from {copy.url} · {copy.size:,} bytes · SHA-256 {copy.sha256[:16]}…"))
    st.text(source.text[:600] + ("…" if len(source.text) > 600 else ""))
    figures = pd.DataFrame(
        [
            {
                "keep": True,
                "figure": f.surface or f"{f.value:g}",
                "kind": f.kind,
                "period": period_label(f.period),
                "measured": f.counted,
            }
            for f in source.figures
        ],
        columns=["keep", "figure", "kind", "period", "measured"],
    )
    st.markdown(
        f"**Figures found in the text ({len(figures)})**: untick those that are not reported figures."
    )
    kept = st.data_editor(
        figures,
        hide_index=True,
        disabled=["figure", "kind", "period", "measured"],
        key="source.preview_figures",
    )
    save, discard = st.columns(2)
    copy = st.session_state.get(PREVIEW_COPY)
    saving = save.button("Save source", type="primary", key="source.preview_save")
    if saving and _save([keep_figures(source, list(kept["keep"]))], later=True, archived=[copy]):
        # saved: the preview goes, the pasted form is drawn empty, the message shows at the top
        st.session_state.pop(PREVIEW, None)
        st.session_state.pop(PREVIEW_COPY, None)
        state.renew_form("source.paste")
        st.rerun()
    if discard.button("Discard", key="source.preview_discard"):
        st.session_state.pop(PREVIEW, None)
        st.session_state.pop(PREVIEW_COPY, None)
        st.rerun()


@st.cache_data(max_entries=4, show_spinner="Reading the library…")
def _library_view(_db: Database, url: str, revision: tuple[int, ...]) -> tuple[pd.DataFrame, int]:
    """The library table and the number of duplicates, computed once per library revision."""
    with _db.session() as session:
        stored = load_sources(session)
    flags = flag_duplicates(stored)
    return library_frame(stored, flags), len(flags)


def library_view() -> tuple[pd.DataFrame, int]:
    """The library table (newest first) and how many sources look like duplicates."""
    db = database()
    with db.session() as session:
        revision = source_revision(session)
    return _library_view(db, db.engine.url.render_as_string(), revision)
