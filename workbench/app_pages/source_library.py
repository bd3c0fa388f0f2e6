"""Sources: add by hand, import a CSV, a web page or pasted text; the library with duplicates flagged."""

import streamlit as st

from workbench.ui import state
from workbench.ui.panel import series_import, source_forms, source_page

st.title("Sources")
state.show_flash()
st.caption(
    "Reports, datasets, articles and statements that evidence links point at. Figures in a source's text "
    "are found for you. Link sources from a claim's panel on the Review page."
)

MODES = {
    "hand": "Add by hand",
    "csv": "Import a CSV file",
    "page": "Import a web page",
    "paste": "Paste text",
    "series": "Import a statistical series",
}
state.show_flash()
mode = st.radio("How to add", list(MODES), format_func=MODES.get, horizontal=True, key="source.mode")
if mode == "hand":
    source_forms.render_manual_form()
elif mode == "csv":
    source_forms.render_csv_import()
elif mode == "page":
    source_forms.render_page_import()
elif mode == "series":
    series_import.render_series_import()
else:
    source_forms.render_paste()
if mode in ("page", "paste"):
    source_forms.render_preview()

library, duplicates = source_forms.library_view()
st.subheader(f"Library ({len(library):,})")
if library.empty:
    st.info("No sources yet. Add one above.")
    st.stop()
if duplicates:
    st.warning(f"{duplicates} source(s) look like duplicates of older ones: see the “duplicate of” column.")
st.dataframe(
    library,
    hide_index=True,
    column_config={"url": st.column_config.LinkColumn(), "id": st.column_config.NumberColumn(format="%d")},
    key="source.library",
)
st.subheader("Open a source")
st.caption("Read a source's text and figures, see where it is linked, correct a figure, edit or delete it.")
opened = source_page.opened_source_id()
if opened is not None:
    source_page.render_source(opened)
