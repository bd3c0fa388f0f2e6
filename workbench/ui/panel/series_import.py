"""The Sources page's series import: a file or a URL, read all or nothing, progress while it runs."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from sources.importing import SourceImportError
from sources.series import Provenance
from sources.series_import import FORMATS
from workbench.desk.series_intake import MAX_SERIES_BYTES, fetch_series, import_series
from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.domain.validation import clean_text
from workbench.ui import state

DETECT = "detect"
FORMAT_NAMES = {
    DETECT: "detect from the file",
    "tidy": "tidy CSV (period, value, …)",
    "wide": "wide table (one column per period)",
    "sdmx-csv": "SDMX-CSV (Eurostat, OECD, ECB…)",
    "sdmx-json": "SDMX-JSON",
    "world-bank": "World Bank CSV",
}
BAD_ROWS = ("Save nothing (fix the file first)", "Save the good rows, skip the bad ones")
ERRORS_SHOWN = 200


def _progress():
    """A progress bar fed by the import: rows read (their total is unknown), then values saved."""
    bar = st.progress(0.0, text="Reading the file…")

    def report(stage: str, done: int, total: int) -> None:
        if stage == "reading":
            bar.progress(0.0, text=f"Read {done:,} rows…")
        else:
            bar.progress(done / total if total else 1.0, text=f"Saved {done:,}/{total:,} values")

    return report


def render_series_import() -> None:
    """File or URL, format, what is measured (when the file does not say), and the bad-rows choice."""
    st.caption(
        "A statistical series: tidy CSV (period and value columns, optional geography, unit, flag, series), "
        "a wide table (one column per year), SDMX-CSV or SDMX-JSON (Eurostat, OECD, ECB, statistics "
        "offices), or the World Bank's CSV. Periods in any common form (2023, 2023-Q3, 2023M07, T3 2023); "
        f"flags kept. Up to {MAX_SERIES_BYTES // 2**20} MB."
    )
    upload = st.file_uploader("Series file", type=["csv", "tsv", "json", "txt"], key="series.file")
    url = st.text_input("…or its address", key="series.url", placeholder="https://…")
    fmt = st.selectbox("Format", [DETECT, *FORMATS], format_func=FORMAT_NAMES.get, key="series.format")
    measure = st.text_input(
        "What is measured (when the file does not say)", key="series.measure",
        placeholder="e.g. national defence production",
    )  # fmt: skip
    publisher = st.text_input("Publisher (when the file does not say)", key="series.publisher")
    # an uploaded file's retrieval date is the reviewer's to give (a fetched one is the fetch's time)
    retrieved = st.date_input(
        "Retrieved on (an uploaded file; when the file does not say)", value=None, key="series.retrieved",
        format="YYYY-MM-DD",
    )  # fmt: skip
    choice = st.radio("If some rows have errors", BAD_ROWS, index=0, key="series.bad_rows")
    ready = upload is not None or bool(url)
    if not st.button("Import series", type="primary", key="series.submit", disabled=not ready):
        return
    try:
        reviewer = state.reviewer_name()
        if upload is not None:
            content, name = upload.getvalue(), upload.name
            provenance = Provenance(
                publisher=clean_text("publisher", publisher) or None,
                retrieved_at=retrieved.isoformat() if retrieved else None,
            )
        else:
            with st.spinner("Fetching the series…"):
                fetched = fetch_series(clean_text("url", url), now=dt.datetime.now(dt.UTC))
            content, name = fetched.content, fetched.name
            provenance = Provenance(
                publisher=clean_text("publisher", publisher) or None,
                url=fetched.url,
                retrieved_at=fetched.retrieved_at,
            )
        report = _progress()
        with state.write_session() as session:
            outcome = import_series(
                session, content, name=name, reviewer=reviewer, format=None if fmt == DETECT else fmt,
                measure=clean_text("measure", measure) or None, provenance=provenance,
                keep_good_rows=choice == BAD_ROWS[1], progress=report,
            )  # fmt: skip
    except SourceImportError as error:
        st.error(f"Nothing was saved: {len(error.errors)} problem(s) in the file.")
        st.code("\n".join(error.errors[:ERRORS_SHOWN]), language=None)
    except WorkbenchError as error:
        st.error(inert(str(error)))
    else:
        st.success(outcome.message() + " Link it to a claim from the claim's Evidence on the Review page.")
        if outcome.skipped:
            st.warning(f"{len(outcome.skipped)} row(s) were skipped:")
            st.code("\n".join(outcome.skipped[:ERRORS_SHOWN]), language=None)
