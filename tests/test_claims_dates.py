"""Dates and periods: golden cases a journalist can extend, resolution rules, properties."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.dates import find_dates

DATA = Path(__file__).parent / "data"


def _golden(lang: str) -> list[dict]:
    return json.loads((DATA / f"dates_{lang}.json").read_text(encoding="utf-8"))


GOLDEN = [(lang, case) for lang in ("fr", "en") for case in _golden(lang)]


@pytest.mark.parametrize(("lang", "case"), GOLDEN, ids=[c["text"][:40] for _, c in GOLDEN])
def test_golden(lang: str, case: dict) -> None:
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    found = find_dates(case["text"], lang=lang, published=published)
    got = [
        {
            "surface": d.surface,
            "start": d.start,
            "end": d.end,
            "granularity": d.granularity,
            "relative": d.relative,
        }
        for d in found
    ]
    assert got == case["expect"]


@pytest.mark.parametrize(
    ("text", "lang", "start", "end"),
    [
        ("le 4/5/2023", "fr", "2023-05-04", "2023-05-04"),  # French: day first
        ("on 4/5/2023", "en", "2023-04-05", "2023-04-05"),  # English: month first
        ("on 22/04/2023", "en", "2023-04-22", "2023-04-22"),  # a first part above 12 is a day
        ("the 1970s", "en", "1970-01-01", "1979-12-31"),
        ("les années 90", "fr", "1990-01-01", "1999-12-31"),
        ("2019-20", "en", "2019-01-01", "2020-12-31"),  # 20 cannot be a month: a span of years
    ],
)
def test_numeric_orders(text: str, lang: str, start: str, end: str) -> None:
    (ref,) = find_dates(text, lang=lang)
    assert (ref.start, ref.end) == (start, end)


def test_yearless_date_far_in_the_future_takes_previous_year() -> None:
    (ref,) = find_dates("le 20 décembre", lang="fr", published=dt.date(2024, 2, 1))
    assert ref.start == "2023-12-20"
    (ref,) = find_dates("le 20 avril", lang="fr", published=dt.date(2024, 2, 1))
    assert ref.start == "2024-04-20"


@pytest.mark.parametrize(
    ("text", "lang", "guessed"),
    [("in March", "en", True), ("au premier trimestre", "fr", True), ("15 December", "en", True),
     ("in March 2025", "en", False), ("last March", "en", False), ("next year", "en", False),
     ("since March", "en", False), ("on Friday", "en", False)],
)  # fmt: skip
def test_a_year_the_words_leave_open_is_marked_as_guessed(text: str, lang: str, guessed: bool) -> None:
    (ref,) = find_dates(text, lang=lang, published=dt.date(2024, 11, 1))
    assert ref.year_guessed is guessed


def test_a_year_less_period_never_ends_before_it_starts() -> None:
    # in November, "March" alone is the coming one and "June" the past one: the period is the March
    # before that June, not March 2025 to June 2024
    (ref,) = find_dates("from March to June", lang="en", published=dt.date(2024, 11, 1))
    assert (ref.start, ref.end) == ("2024-03-01", "2024-06-30")


def test_weekday_last_and_next() -> None:
    wednesday = dt.date(2024, 3, 13)
    (last,) = find_dates("last Wednesday", lang="en", published=wednesday)
    (this,) = find_dates("on Wednesday", lang="en", published=wednesday)
    (nxt,) = find_dates("mercredi prochain", lang="fr", published=wednesday)
    assert (last.start, this.start, nxt.start) == ("2024-03-06", "2024-03-13", "2024-03-20")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Plus de 250 fabricants d'obus de 155 mm.", "fr"),
        ("He may sign 3/4 of the bills.", "en"),
        ("Le score était de 2019 points.", "fr"),
        ("Il a été élu au 27e rang.", "fr"),
        ("Mars est une planète.", "fr"),
        ("the first half of the match", "en"),
    ],
)
def test_not_dates(text: str, lang: str) -> None:
    assert find_dates(text, lang=lang) == []


def test_unknown_language_falls_back() -> None:
    assert [d.surface for d in find_dates("in 2023", lang="xx")] == ["2023"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*"0123456789 /-.,'’éèaeimnorstuyQTdlh\n", "mars", "2023", " en ", "le ", "Q3", "mi-"]
        ),
        max_size=40,
    ).map("".join),
    st.sampled_from(["fr", "en"]),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
)
def test_never_raises_and_spans_point_at_surfaces(text: str, lang: str, published: dt.date | None) -> None:
    for ref in find_dates(text, lang=lang, published=published):
        assert text[ref.span[0] : ref.span[1]] == ref.surface
        assert ref.start is None or ref.end is None or ref.start <= ref.end


@given(st.text(max_size=200), st.sampled_from(["fr", "en"]))
def test_any_text(text: str, lang: str) -> None:
    for ref in find_dates(text, lang=lang, published=dt.date(2024, 1, 1)):
        assert text[ref.span[0] : ref.span[1]] == ref.surface


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(
    "unit",
    [
        "Le 15 mars 2023, 1234 5678 / 12 - 2020 -- en 2021 ,,, 9/9/9/9/9 mardi dernier. ",
        "2020-2021-2022-",  # no whitespace at all: windows must not search to the end of the text
        "15mars2020hier1/2",
        "il y a deux ans et trois mois et ",
    ],
)
def test_large_repetitive_input_is_read_whole(lang: str, unit: str) -> None:
    # how the time grows with the input is measured by bench/linearity.py, not asserted here
    text = (unit * (80_000 // len(unit) + 1))[:80_000]
    refs = find_dates(text, lang=lang)
    assert all(text[r.span[0] : r.span[1]] == r.surface for r in refs)
    assert [r.span for r in refs] == sorted(r.span for r in refs)
    if lang == "fr" or unit.startswith("Le 15"):  # units with a date the language's rules read
        assert refs and refs[-1].span[0] > 79_900, "the end of the text is read too"
