"""Desk settings (editors and admins): who publishes, the rating scale, ClaimReview, the worthiness model."""

import pandas as pd
import streamlit as st

from workbench.desk.worthiness_desk import describe, desk_status
from workbench.domain.errors import WorkbenchError
from workbench.domain.ratings import BEST_VALUE, DEFAULT_SCALE, MAX_MEANING_CHARS, MAX_NAME_CHARS, WORST_VALUE
from workbench.domain.textsafe import inert
from workbench.jobs.queue import submit_job
from workbench.storage.rating_scale import load_scale, save_scale
from workbench.storage.settings import setting_updated
from workbench.storage.verdicts import SECOND_PERSON_KEY, second_person_required, set_second_person
from workbench.ui import signin, state
from workbench.ui.jobs_view import render_jobs_panel
from workbench.ui.panel.claimreview_form import render_claimreview_settings
from workbench.ui.resources import database, ensure_worker

st.title("Desk settings")
if not signin.can_edit_settings(state.signed_in_user()):
    st.error("Only editors and admins change the desk's settings.")
    st.stop()
state.show_flash()

st.subheader("Publishing")
with database().session() as session:
    required = second_person_required(session)
    updated_by, updated_at = setting_updated(session, SECOND_PERSON_KEY)
wanted = st.toggle(
    "Publishing needs a second person",
    value=required,
    key="settings.second_person",
    help="On: the editor who proposed a verdict cannot publish it; another editor does (four eyes).",
)
if updated_by:
    st.caption(f"Last changed by {inert(updated_by)}, {updated_at:%Y-%m-%d %H:%M}.")
if wanted != required:
    try:
        with state.write_session() as session:
            set_second_person(session, wanted, editor=state.reviewer_name())
    except WorkbenchError as error:
        st.session_state.pop("settings.second_person", None)  # back to the stored rule on the next run
        st.error(inert(str(error)))
    else:
        state.flash(
            "success",
            "Publishing now needs a second person: nobody publishes their own proposal."
            if wanted
            else "An editor may now publish their own proposal.",
        )
        st.rerun()

st.subheader("Verdict rating scale")
st.caption(
    "Reviewers choose one of these ratings, in the order of the # column, and see each meaning; the Queue, "
    "Trends and Export filters and the exports use the same list. Add, rename, renumber or delete rows, then "
    "save. Verdicts already given keep the rating they were given. ClaimReview value: the rating's number "
    "in the ClaimReview export, 1 (false) to 5 (true); blank for a rating that is no point on a truth scale."
)
with database().session() as session:
    scale = load_scale(session)
    updated_by, updated_at = setting_updated(session, "rating_scale")
st.caption(
    f"Last changed by {inert(updated_by)}, {updated_at:%Y-%m-%d %H:%M}."
    if updated_by
    else "The default scale."
)

edited = st.data_editor(
    pd.DataFrame(
        [
            {"position": n, "name": r.name, "meaning": r.meaning, "value": r.value}
            for n, r in enumerate(scale, start=1)
        ],
        columns=["position", "name", "meaning", "value"],
    ),
    num_rows="dynamic",
    hide_index=True,
    column_config={
        "position": st.column_config.NumberColumn("#", min_value=1, max_value=99, step=1, width="small"),
        "name": st.column_config.TextColumn("Rating", max_chars=MAX_NAME_CHARS, required=True),
        "meaning": st.column_config.TextColumn("Meaning", max_chars=MAX_MEANING_CHARS, width="large"),
        "value": st.column_config.NumberColumn(
            "ClaimReview value", min_value=WORST_VALUE, max_value=BEST_VALUE, step=1, width="small"
        ),
    },
    key=state.SETTINGS_SCALE,
)

save, reset = st.columns([1, 1])
if save.button("Save rating scale", type="primary", key="settings.save"):
    try:
        with state.write_session() as session:
            saved = save_scale(session, edited.to_dict("records"), editor=state.reviewer_name())
    except WorkbenchError as error:
        st.error(inert(str(error)))
    else:
        state.flash("success", f"Saved a scale of {len(saved)} ratings.")
        st.session_state.pop(state.SETTINGS_SCALE, None)
        st.rerun()
if reset.button("Restore the default scale", key="settings.reset"):
    try:
        with state.write_session() as session:
            save_scale(
                session,
                [{"name": r.name, "meaning": r.meaning, "value": r.value} for r in DEFAULT_SCALE],
                editor=state.reviewer_name(),
            )
    except WorkbenchError as error:
        st.error(inert(str(error)))
    else:
        state.flash("success", "Restored the default scale.")
        st.session_state.pop(state.SETTINGS_SCALE, None)
        st.rerun()

render_claimreview_settings()

st.subheader("Check-worthiness model")
with database().session() as session:
    status = desk_status(session)
    model_line = describe(session)
(st.warning if status.model is None or status.warning else st.info)(model_line)
st.caption(
    "The queue's scores come from this model. `python -m workbench retrain-worthiness` teaches it the desk's "
    "verdicts and not-check-worthy marks (`--reset` goes back to the shipped model); "
    "`python -m workbench rescore` re-scores stored claims with it."
)

st.subheader("Background jobs")
st.caption(
    "Run by a background worker (`workbench worker`; in single-user mode the app starts one): they go on "
    "when you leave the page or the app restarts, and every app process shows their progress."
)
JOBS = {"rescore": "Re-score every claim", "recluster": "Re-group repeated claims"}
for column, (kind, label) in zip(st.columns(len(JOBS)), JOBS.items(), strict=True):
    if column.button(label, key=f"jobs.submit.{kind}"):
        who = state.known_reviewer()
        submit_job(database(), kind, {}, title=label, by=who)
        ensure_worker()
render_jobs_panel()
