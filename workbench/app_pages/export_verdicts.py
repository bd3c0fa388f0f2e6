"""Export: the verdict CSV, one row per claim."""

import streamlit as st

from workbench.exports import verdicts_csv
from workbench.resources import database
from workbench.storage.export_rows import verdict_rows

st.title("Export verdicts")
only_verdicts = st.checkbox("Only claims with a verdict", key="export.only_verdicts")
excel = st.checkbox("For Excel (BOM, semicolons)", key="export.excel")

with database().session() as session:
    df = verdict_rows(session, only_with_verdict=only_verdicts)

if df.empty:
    st.info("No rows to export yet: the file will hold the header only.")
st.download_button(
    f"Download verdicts CSV ({len(df)} rows)",
    data=verdicts_csv(df, excel=excel),
    file_name="verdicts.csv",
    mime="text/csv",
    key="export.download",
    type="primary",
)
st.dataframe(df, hide_index=True)
