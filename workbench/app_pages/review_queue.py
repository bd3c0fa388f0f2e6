"""Queue: every claim across articles, most check-worthy first, filtered and paged; a row opens its claim."""

import dataclasses

import streamlit as st

from workbench.domain.errors import WorkbenchError
from workbench.domain.textsafe import inert
from workbench.domain.vocabulary import STATUSES
from workbench.storage.queue import filter_choices, open_queue
from workbench.ui import queue_url, url_state
from workbench.ui.panel.filter_widgets import render_claim_filter, verdict_choices
from workbench.ui.panel.publishing import render_waiting_filter
from workbench.ui.resources import database

TABLE = "queue.table"
st.title("Review queue")

with database().session() as session:
    choices = filter_choices(session)
if not choices.articles:
    st.info("No article yet.")
    st.page_link("app_pages/check_article.py", label="Add an article", icon=":material/post_add:")
    st.stop()

options = {"outlets": choices.outlets, "languages": choices.languages, "kinds": choices.kinds,
           "reviewers": choices.reviewers, "statuses": list(STATUSES),
           "verdicts": choices.verdicts, "verdict_choices": verdict_choices(choices.verdicts),
           "articles": list(choices.articles), "assignees": choices.assignees}  # fmt: skip
queue_url.restore(options)  # filters, page and page size from the URL, or as last left in this session
try:
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
repeats = left.toggle(
    "Repeats a published verdict", key="queue.repeats",
    help="Claims that repeat a claim whose verdict is published, and have no published verdict of their own.",
)  # fmt: skip
claim_filter = dataclasses.replace(
    claim_filter, article_ids=tuple(article_ids), assignees=tuple(assignees),
    min_worthiness=low if low > 0 else None, max_worthiness=high if high < 1 else None,
    repeats_published=repeats,
)  # fmt: skip
claim_filter = render_waiting_filter(claim_filter)

page_size = st.session_state.get(queue_url.PAGE_SIZE, queue_url.DEFAULT_PAGE_SIZE)
page_number = st.session_state.get(queue_url.PAGE, 1)
with database().session() as session:
    view = open_queue(session, claim_filter, page=page_number - 1, page_size=page_size)
if page_number > view.page.pages:  # the filter narrowed the queue, or a link asked too far: its last page
    st.session_state[queue_url.PAGE] = page_number = view.page.pages
queue_url.remember(lambda key: page_number if key == queue_url.PAGE else st.session_state.get(key))

for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
    column.metric(status.capitalize(), f"{view.counts.get(status, 0):,}")

page = view.page
st.caption(
    f"{page.total:,} claims match · page {page.page + 1} of {page.pages} · most check-worthy first · "
    "select a row to open the claim"
)
frame = page.frame
SHOWN = ["id", "worthiness", "claim", "repeats", "status", "verdict", "verdict_state", "article", "outlet",
         "lang", "kind", "assignee"]  # fmt: skip
WORTHINESS = st.column_config.ProgressColumn("Check-worthiness", min_value=0.0, max_value=1.0, format="%.2f")
event = st.dataframe(
    frame[SHOWN],
    hide_index=True, key=TABLE, on_select="rerun", selection_mode="single-row",
    column_config={
        "worthiness": WORTHINESS,
        "claim": st.column_config.TextColumn("Claim", width="large"),
        "verdict_state": st.column_config.TextColumn("Verdict is"),
        "repeats": st.column_config.TextColumn("Repeats", help="A published verdict on the same claim"),
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
left.number_input("Page", 1, page.pages, key=queue_url.PAGE)
right.selectbox("Claims per page", queue_url.PAGE_SIZES, index=1, key=queue_url.PAGE_SIZE)
