"""Correct a figure a source reports (on the source's page): value, kind, unit, what is counted,
direction, modality, period and base; the engine's reading is kept and shown; the correction enters
the source's history."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from sources.models import MODALITIES
from workbench.domain.errors import WorkbenchError
from workbench.storage.figure_edits import FIGURE_FIELDS, FIGURE_KINDS
from workbench.storage.observation_edits import DIRECTIONS
from workbench.storage.source_edits import correct_source_figure
from workbench.storage.source_view import SourceFigure
from workbench.ui import state


def _key(figure_id: int, field: str) -> str:
    return f"figure_edit.{figure_id}.{field}"


def save_figure(figure_id: int) -> None:
    """The form's callback: the figure id is the one the form was drawn for."""
    changes = {f: st.session_state.get(_key(figure_id, f)) for f in FIGURE_FIELDS}
    try:
        reviewer = state.reviewer_name()
        with state.write_session() as session:
            changed = correct_source_figure(session, figure_id=figure_id, changes=changes, reviewer=reviewer)
    except WorkbenchError as error:
        state.flash("error", str(error))
        return
    state.flash("success", f"Figure #{figure_id} corrected: {', '.join(changed)}.")


def _text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return "" if value is None else str(value)


def reading_words(reading: dict) -> str:
    """A figure's reading in words ("value 263, kind count, period 2023"), empty fields left out.

    >>> reading_words({"value": 263.0, "unit": None, "kind": "count"})
    'value 263, kind count'
    """
    return ", ".join(f"{k} {_text(v)}" for k, v in reading.items() if v not in (None, "") and k != "base")


def render_figure_correction(source_id: int, source_figures: Sequence[SourceFigure]) -> None:
    """Pick one of the source's figures and correct what the engine read."""
    figures = {f.id: f for f in source_figures}
    if not figures:
        st.caption("This source has no figure to correct.")
        return
    figure_id = st.selectbox(
        "Figure to correct",
        list(figures),
        format_func=lambda i: f"#{i} {figures[i].surface}",
        key=f"figure_edit.{source_id}.figure",  # one picker per source: a choice never carries to another
    )
    reading, original = figures[figure_id].reading, figures[figure_id].original
    with st.form(f"figure_edit.{figure_id}.form"):
        a, b, c = st.columns(3)
        a.text_input("Value", _text(reading["value"]), key=_key(figure_id, "value"))
        b.selectbox(
            "Kind",
            FIGURE_KINDS,
            index=FIGURE_KINDS.index(reading["kind"]) if reading["kind"] in FIGURE_KINDS else 1,
            key=_key(figure_id, "kind"),
        )
        c.text_input("Unit", _text(reading["unit"]), key=_key(figure_id, "unit"))
        a.selectbox(
            "Direction",
            ("", *DIRECTIONS),
            index=("", *DIRECTIONS).index(reading["direction"] or ""),
            format_func=lambda d: d or "— (a level)",
            key=_key(figure_id, "direction"),
        )
        b.selectbox(
            "Modality",
            MODALITIES,
            index=MODALITIES.index(reading["modality"]) if reading["modality"] in MODALITIES else 0,
            key=_key(figure_id, "modality"),
        )
        c.text_input(
            "Period",
            _text(reading["period"]),
            key=_key(figure_id, "period"),
            help="2024, 2024-Q3, 2021–2024",
        )
        a.text_input("Base value", _text(reading["base_value"]), key=_key(figure_id, "base_value"))
        b.text_input("Base unit", _text(reading["base_unit"]), key=_key(figure_id, "base_unit"))
        c.text_input("Base period", _text(reading["base_period"]), key=_key(figure_id, "base_period"))
        st.text_input("What is counted", _text(reading["counted"]), key=_key(figure_id, "counted"))
        st.form_submit_button(
            "Save correction", on_click=save_figure, args=(figure_id,), key=_key(figure_id, "save")
        )
    if original:
        st.info(f"Corrected; the engine read: {reading_words(original)}.")
