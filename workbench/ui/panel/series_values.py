"""A series' own page part: what it measures, where it comes from, and its values with their flags."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from sources.observations import standard_label
from workbench.domain.textsafe import inert
from workbench.storage.series_store import load_series
from workbench.ui.resources import database


def series_values_frame(series) -> pd.DataFrame:
    """One row per period: its standard label, the value as the file gave it, and its flags in words."""
    return pd.DataFrame(
        {
            "period": [standard_label(p) or p.surface for p in series.periods],
            "value": list(series.values),
            "flags": [", ".join(f) for f in series.flags],
        }
    )


def render_series_values(source_id: int) -> bool:
    """The series' description and values (False when the source is no series)."""
    with database().session() as session:
        stored = load_series(session, source_id)
    if stored is None:
        return False
    series, source = stored.series, stored.series.provenance
    unit = series.unit_label or series.unit or "no unit"
    scale = f" (× {series.scale:,.0f})" if series.scale != 1 else ""
    about = [
        f"measures: {series.measure}",
        f"unit: {unit}{scale}",
        f"geography: {series.geography or 'not given'}",
        f"frequency: {series.frequency or 'not given'}",
        f"dataset: {source.dataset or '—'}",
        f"series code: {source.series_code or '—'}",
        f"retrieved: {source.retrieved_at or 'unknown'}",
        f"file: {source.file_name or '—'}",
    ]
    st.caption(inert(" · ".join(about)))
    st.dataframe(series_values_frame(series), hide_index=True, key=f"source_page.{source_id}.values")
    return True
