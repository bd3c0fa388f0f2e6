"""The ClaimReview settings form of the Desk settings page: organisation, its URLs and logo."""

from __future__ import annotations

import streamlit as st

from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.outputs.claimreview import BEST, WORST
from workbench.outputs.claimreview_settings import (
    TEMPLATE_FIELD,
    check_settings,
    current_settings,
    example_url_warning,
    load_publisher,
    save_settings,
)
from workbench.storage.settings import setting_updated
from workbench.ui import state
from workbench.ui.resources import database

PREFIX = "settings.claimreview"


def _key(field: str) -> str:
    return f"{PREFIX}.{field}"


def save_claimreview() -> None:
    """Check the typed settings and store them; a refusal keeps every typed field and stores nothing."""
    typed = st.session_state
    try:
        checked = check_settings(
            name=typed.get(_key("name")),
            url=typed.get(_key("url")),
            logo=typed.get(_key("logo")),
            url_template=typed.get(_key("template")),
        )
        with state.write_session() as session:
            save_settings(session, checked, editor=state.reviewer_name())
    except WorkbenchError as error:
        state.flash("error", f"Nothing was saved: {error}")
    else:
        state.flash("success", "Saved the ClaimReview settings.")


def render_claimreview_settings() -> None:
    """The form, filled with what is stored (or the defaults); the example-URL warning while it applies."""
    st.subheader("ClaimReview")
    st.caption(
        "Who signs the desk's published fact checks in their ClaimReview markup and where each one lives. "
        f"The number each rating carries ({WORST} worst to {BEST} best) is the rating scale's ClaimReview "
        "value, above."
    )
    with database().session() as session:
        settings = current_settings(session)
        warning = example_url_warning(load_publisher(session))
        updated_by, updated_at = setting_updated(session, "claimreview.url_template")
    if warning:
        st.warning(warning, icon=":material/link_off:")
    if updated_by:
        st.caption(f"Last changed by {inert(updated_by)}, {updated_at:%Y-%m-%d %H:%M}.")
    with st.form(_key("form")):
        left, right = st.columns(2)
        left.text_input("Organisation name", settings.name, key=_key("name"))
        right.text_input("Organisation URL", settings.url or "", key=_key("url"), placeholder="https://")
        left.text_input("Logo URL", settings.logo or "", key=_key("logo"), placeholder="https://")
        right.text_input(
            TEMPLATE_FIELD,
            settings.url_template,
            key=_key("template"),
            help="The address of the published review of claim N: {claim_id} is replaced by N.",
        )
        st.form_submit_button("Save ClaimReview settings", on_click=save_claimreview, key=_key("save"))
