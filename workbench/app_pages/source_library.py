"""Sources: add a source by hand and see the library."""

import pandas as pd
import streamlit as st

from workbench.errors import WorkbenchError
from workbench.records import SourceInput
from workbench.resources import database
from workbench.storage.evidence import add_source, list_sources
from workbench.validation import clean_text
from workbench.vocabulary import SOURCE_KINDS

st.title("Sources")
st.caption(
    "Reports, datasets, articles and statements that evidence links point at. Link them from a claim's panel."
)

with st.form("source.form", clear_on_submit=True):
    st.subheader("Add a source")
    left, right = st.columns(2)
    title = left.text_input("Title", key="source.title")
    publisher = right.text_input("Publisher", key="source.publisher")
    url = left.text_input("URL", key="source.url")
    published = right.date_input("Publication date", value=None, key="source.published", format="YYYY-MM-DD")
    kind = left.selectbox("Kind", SOURCE_KINDS, key="source.kind")
    excerpt = st.text_area("Excerpt", key="source.excerpt")
    st.markdown("**The figure it reports** (optional)")
    a, b, c, d = st.columns(4)
    value = a.number_input("Value", value=None, key="source.figure_value", format="%g")
    unit = b.text_input("Unit", key="source.figure_unit", placeholder="%, ×, €, mm…")
    measured = c.text_input("What is measured", key="source.figure_measured")
    period = d.text_input("Period", key="source.figure_period", placeholder="2023, 2024-Q3…")
    submitted = st.form_submit_button("Add source", type="primary")

if submitted:
    try:
        source = SourceInput(
            title=clean_text("title", title, required=True),
            publisher=clean_text("publisher", publisher, max_chars=200),
            url=clean_text("url", url),
            published=published,
            kind=kind,
            excerpt=clean_text("excerpt", excerpt, max_chars=20_000),
            figure_value=value,
            figure_unit=clean_text("unit", unit, max_chars=40),
            figure_measured=clean_text("what is measured", measured, max_chars=200),
            figure_period=clean_text("period", period, max_chars=40),
        )
        with database().session() as session:
            source_id = add_source(session, source)
    except WorkbenchError as error:
        st.error(str(error))
    else:
        st.success(f"Added source #{source_id}.")

with database().session() as session:
    sources = list_sources(session)
st.subheader(f"Library ({len(sources)})")
if sources:
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "date": s.published,
            "kind": s.kind,
            "figures": ", ".join(f"{f.value:g} {f.unit or ''} {f.period or ''}".strip() for f in s.figures),
            "url": s.url,
        }
        for s in sources
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, column_config={"url": st.column_config.LinkColumn()})
else:
    st.info("No sources yet. Add one above.")
