"""One source opened on the Sources page: its text, its figures (as read and corrected), the claims it is
linked to with their verdict's status, its archived copy, its history; edit and delete it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sources.models import Source
from workbench.desk.source_intake import clean_source_changes
from workbench.domain.errors import InputError, NotFoundError, WorkbenchError
from workbench.domain.textsafe import inert, safe_link
from workbench.domain.vocabulary import SOURCE_KINDS
from workbench.storage.source_edits import ArchivedCopy, delete_source, edit_source
from workbench.storage.source_links import source_history
from workbench.storage.source_view import SourceView, load_source_view
from workbench.storage.sources_store import get_source, published_date
from workbench.ui import state
from workbench.ui.panel import figure_edit
from workbench.ui.panel.series_values import render_series_values
from workbench.ui.resources import database

OPEN_KEY = "source.open"  # the id of the source open on the page, mirrored in ?source=
SEEN_URL = "source.seen_url"  # the URL's ?source= is followed once per browser session


def _key(source_id: int, version: int, name: str) -> str:
    """Keys of the edit form, per version: a saved edit draws the form anew with the stored values."""
    return f"source_page.{source_id}.v{version}.{name}"


def opened_source_id() -> int | None:
    """The number input that opens a source, seeded from ``?source=N`` on the session's first view."""
    if not st.session_state.get(SEEN_URL):
        st.session_state[SEEN_URL] = True
        wanted = str(st.query_params.get("source") or "")
        if wanted.isdigit() and len(wanted) < 12:
            st.session_state[OPEN_KEY] = int(wanted)
    source_id = st.number_input(
        "Open source #",
        min_value=1,
        step=1,
        value=None,
        key=OPEN_KEY,
        placeholder="a source id from the table",
    )
    if source_id is None:
        st.query_params.pop("source", None)
        return None
    st.query_params["source"] = str(int(source_id))
    return int(source_id)


def _drawn(source: Source) -> dict[str, object]:
    """The edit form's fields as drawn for ``source`` (empty text for a missing publisher or URL)."""
    return {
        "title": source.title,
        "publisher": source.publisher or "",
        "url": source.url or "",
        "published": published_date(source.published),
        "kind": source.kind,
        "text": source.text,
    }


def save_edit(source_id: int, version: int) -> None:
    """The edit form's callback: the source and version are those the form was drawn for.

    Only the fields the reviewer changed are saved: a text stored before today's cleaning rules is
    not rewritten because the form was submitted.
    """
    typed = {name: st.session_state.get(_key(source_id, version, name)) for name in _FIELDS}
    try:
        with database().session() as session:
            drawn = _drawn(get_source(session, source_id).source)
        changes = clean_source_changes({k: v for k, v in typed.items() if v != drawn[k]})
        if not changes:
            raise InputError("Nothing to save: the values are the ones already stored.")
        with state.write_session() as session:
            changed = edit_source(
                session, source_id=source_id, changes=changes, reviewer=state.reviewer_name(),
                expected_version=version,
            )  # fmt: skip
    except WorkbenchError as error:
        state.flash("error", str(error))
        return
    state.flash("success", f"Source #{source_id} saved: {', '.join(changed)} changed.")


def remove(source_id: int, version: int) -> None:
    """The delete button's callback: refused with the reason when the source is in use."""
    record_links = bool(st.session_state.get(f"source_page.{source_id}.record_links"))
    try:
        with state.write_session() as session:
            kept = delete_source(
                session, source_id=source_id, reviewer=state.reviewer_name(), expected_version=version,
                record_links=record_links,
            )  # fmt: skip
    except WorkbenchError as error:
        state.flash("error", str(error))
        return
    links = len(kept["links_in_force"])
    recorded = f" Its {links} link(s) are recorded in its history." if links else ""
    state.flash("success", f"Source #{source_id} “{kept['title']}” was deleted.{recorded}")


_FIELDS = ("title", "publisher", "url", "published", "kind", "text")


def _archived(copy: ArchivedCopy) -> None:
    st.info(
        inert(
            f"Archived copy: fetched {copy.fetched_at:%Y-%m-%d %H:%M} UTC from {copy.url} · "
            f"{copy.size:,} bytes · SHA-256 {copy.sha256}"
        ),
        icon=":material/inventory_2:",
    )


def _figures_frame(view: SourceView) -> pd.DataFrame:
    rows = [
        {
            "id": f.id,
            "figure": f.surface,
            "value": f.reading["value"],
            "unit": f.reading["unit"],
            "kind": f.reading["kind"],
            "period": f.reading["period"],
            "counted": f.reading["counted"],
            "engine read": (figure_edit.reading_words(f.original) if f.original else ""),
            "corrected by": f.corrected_by or "",
        }
        for f in view.figures
    ]
    return pd.DataFrame(rows, columns=["id", "figure", "value", "unit", "kind", "period", "counted",
                                       "engine read", "corrected by"])  # fmt: skip


def _links_frame(view: SourceView) -> pd.DataFrame:
    rows = [
        {
            "claim": link.claim_id,
            "text": link.claim_text,
            "status": link.claim_status,
            "stance": link.stance,
            "verdict": link.verdict or "",
            "verdict status": link.verdict_state or "no verdict",
            "cited by the verdict": link.cited,
            "why linked": "; ".join(link.reasons),  # the suggestion's reasons; empty for a manual link
        }
        for link in view.links
    ]
    return pd.DataFrame(rows, columns=["claim", "text", "status", "stance", "verdict", "verdict status",
                                       "cited by the verdict", "why linked"])  # fmt: skip


def _edit_form(view: SourceView) -> None:
    key = lambda name: _key(view.id, view.version, name)  # noqa: E731
    source = view.source
    with st.form(key("form")):
        left, right = st.columns(2)
        drawn = _drawn(source)
        left.text_input("Title", drawn["title"], key=key("title"))
        right.text_input("Publisher", drawn["publisher"], key=key("publisher"))
        left.text_input("URL", drawn["url"], key=key("url"))
        right.date_input("Publication date", drawn["published"], key=key("published"), format="YYYY-MM-DD")
        # a series stays a series: its values are no report's text
        kinds = [source.kind] if source.kind == "series" else list(SOURCE_KINDS)
        left.selectbox(
            "Kind", kinds, index=kinds.index(source.kind) if source.kind in kinds else 0, key=key("kind")
        )
        st.text_area("Text", drawn["text"], key=key("text"), height=200)
        st.form_submit_button(
            "Save changes", type="primary", on_click=save_edit, args=(view.id, view.version)
        )


def _delete(view: SourceView) -> None:
    st.markdown("**Delete this source**")
    if view.published_citations:
        named = "; ".join(f"claim #{v.claim_id} “{v.rating}”" for v in view.published_citations[:5])
        st.caption(inert(f"Published verdicts cite this source ({named}): it cannot be deleted."))
    elif view.links:
        st.checkbox(
            f"It is linked to {len(view.links)} claim(s): delete those links too, recorded in its history",
            key=f"source_page.{view.id}.record_links",
        )
    st.button(
        f"Delete source #{view.id}",
        icon=":material/delete:",
        key=f"source_page.{view.id}.delete",
        on_click=remove,
        args=(view.id, view.version),
    )


def render_source(source_id: int) -> None:
    """The opened source, or why it cannot be shown (deleted: by whom, and its history)."""
    try:
        with database().session() as session:
            view = load_source_view(session, source_id)
    except NotFoundError as error:
        st.warning(inert(str(error)))
        with database().session() as session:
            history = source_history(session, source_id)
        if not history.empty:
            st.dataframe(history, hide_index=True, key=f"source_page.{source_id}.gone_history")
        return
    source = view.source
    st.markdown(f"### #{view.id} {inert(source.title)}")
    link = safe_link(source.url)
    st.caption(
        inert(
            f"{source.publisher or 'publisher unknown'} · {source.published or 'date unknown'} · "
            f"{source.kind} · {source.language} · added by {view.created_by or 'unknown'} · "
            f"version {view.version}"
        )
        + (f" · [{inert(link)}]({link})" if link else "")
    )
    if view.archived is not None:
        _archived(view.archived)
    # a keyed widget: the tab the reviewer works in stays open after a save reruns the page (its labels
    # carry no counts, which would make it a new widget at every change)
    text_tab, figures_tab, links_tab, edit_tab, history_tab = st.tabs(
        ["Text", "Figures", "Linked claims", "Edit or delete", "History"],
        key=f"source_page.{view.id}.tab",
        on_change="rerun",
    )
    with text_tab:
        if source.kind == "series" and render_series_values(view.id):
            pass  # a series' values are its text
        elif source.text:
            st.container(height=320).text(source.text)
        else:
            st.caption("No text stored for this source.")
    with figures_tab:
        st.caption(f"{len(view.figures)} figure(s) found in the text or typed in.")
        st.dataframe(_figures_frame(view), hide_index=True, key=f"source_page.{view.id}.figures")
        figure_edit.render_figure_correction(view.id, view.figures)
    with links_tab:
        if view.published_citations:
            st.caption(
                inert(
                    "Cited by published verdicts: "
                    + "; ".join(f"claim #{v.claim_id} “{v.rating}”" for v in view.published_citations)
                )
            )
        if view.links:
            st.caption(f"Linked to {len(view.links)} claim(s) now.")
            st.dataframe(_links_frame(view), hide_index=True, key=f"source_page.{view.id}.links")
        else:
            st.caption("No claim is linked to this source. Link it from a claim's panel on the Review page.")
    with edit_tab:
        _edit_form(view)
        _delete(view)
    with history_tab:
        if view.history.empty:
            st.caption("No change since the source was added.")
        else:
            st.dataframe(view.history, hide_index=True, key=f"source_page.{view.id}.history")
