"""Queue: every claim across articles, most check-worthy first, filtered and paged; a row opens its claim."""

import dataclasses

import streamlit as st

from workbench import url_state
from workbench.errors import WorkbenchError
from workbench.panel.filter_widgets import render_claim_filter
from workbench.panel.publishing import render_waiting_filter
from workbench.resources import database
from workbench.storage.queue import filter_choices, open_queue
from workbench.textsafe import inert
from workbench.vocabulary import STATUSES

TABLE = "queue.table"
st.title("Review queue")

with database().session() as session:
    choices = filter_choices(session)
if not choices.articles:
    st.info("No article yet.")
    st.page_link("app_pages/check_article.py", label="Add an article", icon=":material/post_add:")
    st.stop()

try:
    options = {"outlets": choices.outlets, "languages": choices.languages, "kinds": choices.kinds,
               "reviewers": choices.reviewers, "statuses": list(STATUSES),
               "verdicts": choices.verdicts}  # fmt: skip
    claim_filter = render_claim_filter("queue", options)
except WorkbenchError as error:
    st.error(inert(str(error)))
    st.stop()
left, middle, right = st.columns(3)
article_ids = left.multiselect(
    "Article",
    list(choices.articles),
    format_func=lambda i: f"#{i} {choices.articles[i][:60]}",
    key="queue.articles",
)
assignees = middle.multiselect("Assigned to", choices.assignees, key="queue.assignees")
low, high = right.slider("Check-worthiness", 0.0, 1.0, (0.0, 1.0), step=0.05, key="queue.worthiness")
claim_filter = dataclasses.replace(
    claim_filter, article_ids=tuple(article_ids), assignees=tuple(assignees),
    min_worthiness=low if low > 0 else None, max_worthiness=high if high < 1 else None,
)  # fmt: skip
claim_filter = render_waiting_filter(claim_filter)

page_size = st.session_state.get("queue.page_size", 50)
page_number = st.session_state.get("queue.page", 1)
with database().session() as session:
    view = open_queue(session, claim_filter, page=page_number - 1, page_size=page_size)

for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
    column.metric(status.capitalize(), f"{view.counts.get(status, 0):,}")

page = view.page
st.caption(
    f"{page.total:,} claims match · page {page.page + 1} of {page.pages} · most check-worthy first · "
    "select a row to open the claim"
)
frame = page.frame
SHOWN = ["id", "worthiness", "claim", "status", "verdict", "verdict_state", "article", "outlet", "lang",
         "kind", "assignee"]  # fmt: skip
WORTHINESS = st.column_config.ProgressColumn("Check-worthiness", min_value=0.0, max_value=1.0, format="%.2f")
event = st.dataframe(
    frame[SHOWN],
    hide_index=True, key=TABLE, on_select="rerun", selection_mode="single-row",
    column_config={
        "worthiness": WORTHINESS,
        "claim": st.column_config.TextColumn("Claim", width="large"),
        "verdict_state": st.column_config.TextColumn("Verdict is"),
    },
)  # fmt: skip
if event.selection.rows:
    row = frame.iloc[event.selection.rows[0]]
    url_state.request_open(int(row["article_id"]), int(row["id"]))
    st.switch_page(
        "app_pages/review_claims.py",
        query_params={"article": str(row["article_id"]), "claim": str(row["id"])},
    )

left, right = st.columns(2)
if page_number > page.pages:  # the filter narrowed the queue: stay on its last page
    st.session_state["queue.page"] = page.pages
left.number_input("Page", 1, page.pages, key="queue.page")
right.selectbox("Claims per page", (25, 50, 100, 200), index=1, key="queue.page_size")
