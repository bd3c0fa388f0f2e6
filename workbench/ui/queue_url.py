"""The Queue's filters, page and page size, kept in the URL's query string and in the browser session.

Streamlit forgets a page's widgets once another page is shown, so opening a claim from the Queue and
coming back would draw an unfiltered first page. Each run of the Queue writes what it shows to the URL
(``/queue?status=new&kind=forecast&page=3``: a refresh or a shared link gives the same page) and to a
plain session key; a Queue drawn anew takes its widgets from the URL, else from that key. Values read
back are checked against the choices on offer: a stale or hand-made link narrows nothing it cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import streamlit as st

KEPT = "queue.kept"  # the query string of the Queue last drawn in this browser session
PAGE = "queue.page"
PAGE_SIZE = "queue.page_size"
PAGE_SIZES: tuple[int, ...] = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50
WORTHINESS = "queue.worthiness"
DATES = "queue.filter.dates"


@dataclass(frozen=True)
class ListParam:
    """A multiselect kept as a repeated query parameter (``?status=new&status=checking``)."""

    key: str
    param: str
    choices: str  # the name of its choices in the options the page offers

    def read(self, values: list[str], options: Mapping[str, Sequence]) -> list | None:
        offered = list(options.get(self.choices, ()))
        by_text = {str(choice): choice for choice in offered}
        picked = [by_text[v] for v in dict.fromkeys(values) if v in by_text]
        return picked or None


LISTS: tuple[ListParam, ...] = (
    ListParam("queue.filter.outlets", "outlet", "outlets"),
    ListParam("queue.filter.languages", "lang", "languages"),
    ListParam("queue.filter.kinds", "kind", "kinds"),
    ListParam("queue.filter.verdicts", "verdict", "verdict_choices"),  # the desk's scale and "(none)"
    ListParam("queue.filter.reviewers", "reviewer", "reviewers"),
    ListParam("queue.filter.statuses", "status", "statuses"),
    ListParam("queue.articles", "articles", "articles"),
    ListParam("queue.assignees", "assignee", "assignees"),
)
TEXT = ("queue.filter.text", "q")
FLAGS = (("queue.repeats", "repeats"), ("queue.waiting", "waiting"))
PARAMS = (*(p.param for p in LISTS), TEXT[1], *(p for _, p in FLAGS), "from", "to", "worthiness", "page",
          "size")  # fmt: skip


def _number(text: str, low: float, high: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if low <= value <= high else None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def read_params(params: Mapping[str, list[str]], options: Mapping[str, Sequence]) -> dict[str, object]:
    """Widget values (by widget key) from query parameters (each a list of strings); unusable ones dropped.

    >>> read_params({"status": ["new", "bogus"], "page": ["3"], "size": ["7"]}, {"statuses": ["new"]})
    {'queue.filter.statuses': ['new'], 'queue.page': 3}
    """
    values: dict[str, object] = {}
    for spec in LISTS:
        picked = spec.read(params.get(spec.param, []), options)
        if picked:
            values[spec.key] = picked
    words = (params.get(TEXT[1]) or [""])[0].strip()
    if words:
        values[TEXT[0]] = words[:200]
    for key, param in FLAGS:
        if (params.get(param) or [""])[0] == "1":
            values[key] = True
    days = [_day((params.get(name) or [""])[0]) for name in ("from", "to")]
    if days[0] and (days[1] is None or days[0] <= days[1]):
        values[DATES] = tuple(d for d in days if d)
    low, _, high = (params.get("worthiness") or [""])[0].partition("-")
    bounds = _number(low, 0.0, 1.0), _number(high, 0.0, 1.0)
    if None not in bounds and bounds[0] <= bounds[1]:
        values[WORTHINESS] = bounds
    page = (params.get("page") or [""])[0]
    if page.isdigit() and 1 < int(page) < 100_000:
        values[PAGE] = int(page)
    size = (params.get("size") or [""])[0]
    if size.isdigit() and int(size) in PAGE_SIZES and int(size) != DEFAULT_PAGE_SIZE:
        values[PAGE_SIZE] = int(size)
    return values


def write_params(values: Mapping[str, object]) -> dict[str, list[str]]:
    """The query parameters of widget values (by widget key); defaults are left out.

    >>> write_params({"queue.filter.statuses": ["new"], "queue.page": 1, "queue.worthiness": (0.2, 1.0)})
    {'status': ['new'], 'worthiness': ['0.2-1']}
    """
    params: dict[str, list[str]] = {}
    for spec in LISTS:
        if values.get(spec.key):
            params[spec.param] = [str(v) for v in values[spec.key]]  # type: ignore[union-attr]
    if words := str(values.get(TEXT[0]) or "").strip():
        params[TEXT[1]] = [words]
    for key, param in FLAGS:
        if values.get(key):
            params[param] = ["1"]
    days = values.get(DATES)
    days = (days,) if isinstance(days, date) else tuple(days or ())  # type: ignore[arg-type]
    for name, day in zip(("from", "to"), days, strict=False):
        params[name] = [day.isoformat()]
    low, high = values.get(WORTHINESS) or (0.0, 1.0)  # type: ignore[misc]
    if (low, high) != (0.0, 1.0):
        params["worthiness"] = [f"{low:g}-{high:g}"]
    if (page := int(values.get(PAGE) or 1)) > 1:
        params["page"] = [str(page)]
    if (size := int(values.get(PAGE_SIZE) or DEFAULT_PAGE_SIZE)) != DEFAULT_PAGE_SIZE:
        params["size"] = [str(size)]
    return params


def _url_params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in PARAMS if name in st.query_params}


def restore(options: Mapping[str, Sequence]) -> None:
    """Before the Queue's widgets are drawn: a Queue drawn anew takes its values from the URL, else from
    the Queue last drawn in this session; widgets already on screen keep the reviewer's values."""
    if any(key in st.session_state for key in (PAGE_SIZE, WORTHINESS)):
        return  # the Queue is on screen: its widgets hold the reviewer's values
    source = _url_params() or st.session_state.get(KEPT) or {}
    wanted = {WORTHINESS: (0.0, 1.0), PAGE_SIZE: DEFAULT_PAGE_SIZE, **read_params(source, options)}
    for key, value in wanted.items():
        st.session_state[key] = value


def remember(read: Callable[[str], object]) -> None:
    """After the Queue's widgets are read: its state into the URL and the session (``read(key)`` a value)."""
    keys = [*(s.key for s in LISTS), TEXT[0], *(k for k, _ in FLAGS), DATES, WORTHINESS, PAGE, PAGE_SIZE]
    params = write_params({key: read(key) for key in keys})
    st.session_state[KEPT] = params
    for name in PARAMS:
        if name not in params and name in st.query_params:
            del st.query_params[name]
    for name, value in params.items():
        if st.query_params.get_all(name) != value:
            st.query_params[name] = value
