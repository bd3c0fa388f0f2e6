"""The Queue's state as a query string: what is written is read back; what cannot be used is dropped."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.ui.queue_url import read_params, write_params

OPTIONS = {
    "outlets": ["Le Monde", "Reuters"], "languages": ["en", "fr"], "kinds": ["forecast", "quantity"],
    "verdict_choices": ["False", "(none)"], "reviewers": ["ana"], "statuses": ["new", "checking"],
    "articles": [3, 7], "assignees": ["ben"],
}  # fmt: skip


def test_every_kept_value_is_read_back_as_written():
    values = {
        "queue.filter.outlets": ["Reuters"], "queue.filter.languages": ["fr", "en"],
        "queue.filter.kinds": ["forecast"], "queue.filter.verdicts": ["(none)"],
        "queue.filter.reviewers": ["ana"], "queue.filter.statuses": ["checking"], "queue.articles": [7],
        "queue.assignees": ["ben"], "queue.filter.text": "plus de 250", "queue.repeats": True,
        "queue.filter.dates": (date(2024, 1, 1), date(2024, 3, 31)), "queue.worthiness": (0.25, 0.9),
        "queue.page": 4, "queue.page_size": 100,
    }  # fmt: skip
    assert read_params(write_params(values), OPTIONS) == values


def test_defaults_leave_the_query_string_empty():
    defaults = {"queue.filter.statuses": [], "queue.filter.text": "", "queue.repeats": False,
                "queue.filter.dates": (), "queue.worthiness": (0.0, 1.0), "queue.page": 1,
                "queue.page_size": 50}  # fmt: skip
    assert write_params(defaults) == {}


@pytest.mark.parametrize(
    "params",
    [
        {"status": ["closed"]},  # not a status on offer
        {"articles": ["99"]},  # an article that no longer exists
        {"page": ["0"]}, {"page": ["-2"]}, {"page": ["two"]},
        {"size": ["7"]}, {"size": ["100000"]},
        {"worthiness": ["0.9-0.2"]}, {"worthiness": ["nan-1"]}, {"worthiness": ["0-2"]},
        {"from": ["2024-13-01"]}, {"from": ["2024-05-01"], "to": ["2024-01-01"]},
        {"repeats": ["yes"]}, {"q": ["   "]},
    ],
)  # fmt: skip
def test_a_hand_made_or_stale_link_narrows_nothing_it_cannot_use(params):
    assert read_params(params, OPTIONS) == {}


def test_a_start_date_alone_is_an_open_range():
    assert read_params({"from": ["2024-05-01"]}, OPTIONS) == {"queue.filter.dates": (date(2024, 5, 1),)}
