"""Article intake: the language rule (a language the engine does not read gets no claims and a warning),
and fetching an article page through the sources' guard and limits, from pages served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.support.article_site import serve_article_site
from workbench.desk.fetching import PRIVATE_SETTING, FetchError
from workbench.desk.ingest import fetch_article, prepare_article
from workbench.desk.languages import unread_language_warning
from workbench.domain.errors import InputError

SPANISH = (
    "El ayuntamiento gastó 1.200 millones de euros en 2023, el doble que el año anterior, según el "
    "interventor. La oposición asegura que la deuda municipal se ha triplicado desde 2019."
)
GERMAN = (
    "Die Stadt hat 2023 rund 1.200 Millionen Euro ausgegeben, doppelt so viel wie im Vorjahr, sagte der "
    "Kämmerer. Die Opposition behauptet, die Schulden hätten sich seit 2019 verdreifacht."
)


def test_a_spanish_article_is_kept_with_its_language_and_no_claims():
    draft = prepare_article(SPANISH, title="Deuda municipal")
    assert (draft.lang, draft.claims) == ("es", ())
    assert draft.text == SPANISH  # the text is stored for the reviewer to read
    warning = unread_language_warning(draft.lang)
    assert "Spanish (es)" in warning and "no claims were extracted" in warning


def test_a_german_article_is_named_german():
    draft = prepare_article(GERMAN)
    assert draft.lang == "de" and draft.claims == ()
    assert "German (de)" in unread_language_warning("de")


def test_the_reviewer_choosing_a_language_overrides_the_detection():
    draft = prepare_article(SPANISH, lang="fr")  # the reviewer's word: read with the French rules
    assert draft.lang == "fr" and draft.claims


def test_an_english_article_is_read_as_before():
    draft = prepare_article("The council spent 1,200 million euros in 2023, twice as much as in 2022.")
    assert draft.lang == "en" and unread_language_warning("en") is None
    assert [s.value for c in draft.claims for s in c.statistics if s.kind == "money"] == [1.2e9]


SEED = Path(__file__).parent / "data" / "ukraine-defence-industry-fr.txt"


def _reading(draft) -> list[tuple[str, list[tuple[str, float | None]], list[str]]]:
    return [
        (c.text, [(s.kind, s.value) for s in c.statistics], [d.surface for d in c.dates])
        for c in draft.claims
    ]


@pytest.mark.parametrize("wrong", ["latin-1", "cp1252"])
def test_a_mis_encoded_article_is_repaired_read_as_the_original_and_the_reviewer_told(wrong):
    text = SEED.read_text(encoding="utf-8")
    mojibake = text.encode("utf-8").decode(wrong)
    assert "triplÃ©" in mojibake
    original, repaired = prepare_article(text), prepare_article(mojibake)
    assert repaired.text == original.text and repaired.lang == "fr"
    assert _reading(repaired) == _reading(original) and len(original.claims) > 10
    assert original.notes == ()
    (note,) = repaired.notes
    assert note.startswith('The text was mis-encoded (such as "Ã©" for "é") and was repaired')


def test_text_that_only_looks_unusual_is_stored_exactly_as_given():
    text = "Le coût : 5 € « vraiment » — naïve façade, Ãpre ; “quoted” and ﬁ ligature, 3 000 km²."
    draft = prepare_article(text, lang="fr")
    assert draft.text == text and draft.notes == ()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve_article_site() as base:
        yield base


def test_a_fetched_article_brings_its_text_title_site_and_date(site, monkeypatch):
    monkeypatch.setenv(PRIVATE_SETTING, "1")  # the test site is on 127.0.0.1
    article = fetch_article(f"{site}/news-article.html")
    assert article.title == "Ukraine says it signed dozens of arms co-production deals"
    assert (article.outlet, article.published) == ("The Example Post", date(2023, 12, 16))
    assert "tripled in 2023" in article.text and "Subscribe" not in article.text
    assert article.url == f"{site}/news-article.html"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/report.pdf", "is application/pdf, not HTML"),
        ("/huge.html", "larger than 5 MB"),
        ("/slow.html", "no answer within 1 seconds"),
        ("/workbench-no-text.html", "no main text found"),
        ("/missing.html", "answered 404"),
    ],
)
def test_a_page_that_cannot_be_an_article_is_refused_with_the_reason(site, monkeypatch, path, message):
    monkeypatch.setenv(PRIVATE_SETTING, "1")
    with pytest.raises(InputError, match=message):  # FetchError is one; "no main text" is the reading's
        fetch_article(f"{site}{path}", timeout=1)


def test_an_address_on_the_local_network_is_refused_by_the_sources_guard(site, monkeypatch):
    monkeypatch.delenv(PRIVATE_SETTING, raising=False)
    with pytest.raises(FetchError, match="address on this machine or its local network"):
        fetch_article(f"{site}/news-article.html")
    with pytest.raises(FetchError, match="not an http:// or https:// address"):
        fetch_article("file:///etc/passwd")
