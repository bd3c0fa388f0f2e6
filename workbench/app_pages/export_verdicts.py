"""Export: the verdict CSV (one row per claim) and ClaimReview JSON-LD of published verdicts."""

import streamlit as st

from workbench.outputs.claimreview import claim_reviews, claimreview_json
from workbench.outputs.claimreview_settings import example_url_warning, load_publisher
from workbench.outputs.exports import export_summary, verdicts_csv
from workbench.storage.chart_data import filter_options
from workbench.storage.export_rows import verdict_rows
from workbench.ui.panel.filter_widgets import render_claim_filter
from workbench.ui.resources import database

st.title("Export verdicts")
with database().session() as session:
    options = filter_options(session)
claim_filter = render_claim_filter("export", options)
left, middle, right = st.columns(3)
only_verdicts = left.checkbox("Only claims with a verdict", key="export.only_verdicts")
all_states = middle.checkbox(
    "Include proposed verdicts",
    key="export.all_states",
    help="By default only published verdicts are exported.",
)
excel = right.checkbox("For Excel (BOM, semicolons)", key="export.excel")

with database().session() as session:
    df = verdict_rows(
        session,
        claim_filter=claim_filter,
        states="all" if all_states else "published",
        only_with_verdict=only_verdicts,
    )
    publisher = load_publisher(session)

(st.info if df.empty else st.caption)(export_summary(len(df)))
csv_col, jsonld_col, _ = st.columns([2, 2, 3])
csv_col.download_button(
    f"Download verdicts CSV ({len(df)} rows)",
    data=verdicts_csv(df, excel=excel),
    file_name="verdicts.csv",
    mime="text/csv",
    key="export.download",
    type="primary",
    on_click="ignore",
)
reviews = claim_reviews(df, publisher)
if reviews and (warning := example_url_warning(publisher)):
    st.warning(warning, icon=":material/link_off:")
jsonld_col.download_button(
    f"Download ClaimReview JSON-LD ({len(reviews)} published)",
    data=claimreview_json(reviews),
    file_name="claimreview.json",
    mime="application/ld+json",
    key="export.claimreview",
    on_click="ignore",
    disabled=not reviews,
)
st.caption(
    "Columns are described in the README (Verdict CSV). Command line: `python -m workbench export --help`."
)
st.dataframe(df, hide_index=True)
