"""The Sources page and the evidence part of the claim panel through AppTest, on real SQLite files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sources.observations import period_label
from tests.support.review_page import open_claim, panel_key, shown_claim
from workbench.commands.cli import main as workbench_cli
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.evidence import evidence_history
from workbench.storage.sources_store import load_sources
from workbench.storage.verdicts import get_claim

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
PAGES = Path(__file__).parent / "data" / "sources"
DEMO_SOURCES = 4  # three example reports and the example series: new sources start at #5


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _page(path: str, reviewer: str | None = "Ana") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    if reviewer:
        at.sidebar.text_input(key="reviewer").input(reviewer).run()
    at.switch_page(path)
    at.run()
    assert not at.exception, at.exception
    return at


def _frame(at: AppTest, column: str):
    """The displayed table that has ``column``."""
    return next(df.value for df in at.dataframe if column in df.value.columns)


def _stored(url: str):
    with open_database(url).session() as session:
        return load_sources(session)


def test_a_source_added_by_hand_stores_its_typed_and_found_figures(demo_db):
    at = _page("app_pages/source_library.py")
    at.text_input(key="source.form.0.title").input("Forum attendance report")
    at.text_input(key="source.form.0.url").input("https://example.org/examples/forum-attendance")
    at.text_area(key="source.form.0.excerpt").input(
        "263 foreign manufacturers registered for the forum in 2023."
    )
    at.number_input(key="source.form.0.figure_value").set_value(30)
    at.text_input(key="source.form.0.figure_measured").input("countries")
    at.button(key="FormSubmitter:source.form.0.form-Add source").click().run()
    assert not at.exception
    assert at.warning[0].value.startswith("Added source #5.")
    assert "duplicate of source #2: the same URL" in at.warning[0].value  # the demo's forum example
    assert at.text_input(key="source.form.1.title").value == ""  # the saved form is drawn anew, empty
    stored = _stored(demo_db)[-1]
    assert stored.source.title == "Forum attendance report" and stored.created_by == "Ana"
    assert [(f.value, f.counted) for f in stored.source.figures][-1] == (30, "countries")
    assert 263 in [f.value for f in stored.source.figures]
    library = _frame(at, "duplicate of")
    assert list(library["id"])[:1] == [DEMO_SOURCES + 1] and library["duplicate of"].iloc[0] == "#2 (url)"


def test_a_page_on_the_local_network_is_not_fetched(demo_db, monkeypatch):
    monkeypatch.delenv("WORKBENCH_FETCH_PRIVATE", raising=False)
    at = _page("app_pages/source_library.py")
    at.radio(key="source.mode").set_value("page").run()
    at.text_input(key="source.page_url").input("http://169.254.169.254/latest/meta-data/")
    at.button(key="source.page_submit").click().run()
    assert not at.exception
    assert "169.254.169.254 is an address on this machine or its local network" in at.error[0].value
    assert len(_stored(demo_db)) == DEMO_SOURCES


def test_adding_a_source_without_a_reviewer_name_saves_nothing(demo_db):
    at = _page("app_pages/source_library.py", reviewer=None)
    at.text_input(key="source.form.0.title").input("Report")
    at.button(key="FormSubmitter:source.form.0.form-Add source").click().run()
    assert "Type your name in the sidebar" in at.error[0].value
    assert at.text_input(key="source.form.0.title").value == "Report"  # a refused save keeps the typing
    assert len(_stored(demo_db)) == DEMO_SOURCES


def _csv_page() -> AppTest:
    at = _page("app_pages/source_library.py")
    at.radio(key="source.mode").set_value("csv").run()
    return at


CSV = (
    b"title,publisher,published,text,figure_value\n"
    b"Production report,Ministry,2024,Production was multiplied by 3.1 in 2023.,3.1\n"
    b"Bad row,Ministry,2024-13-01,,\n"
    b"Budget note,Treasury,2023,,n/a\n"
    b"Exports,Customs,2024,,12\n"
)


def test_a_csv_with_bad_rows_saves_nothing_by_default_and_lists_located_errors(demo_db):
    at = _csv_page()
    at.file_uploader(key="source.csv_file").set_value(("sources.csv", CSV, "text/csv")).run()
    at.button(key="source.csv_submit").click().run()
    assert not at.exception
    assert "Nothing was saved: 2 problem(s)" in at.error[0].value
    errors = at.code[0].value
    assert "sources.csv, row 3:" in errors and "sources.csv, row 4: 'n/a' is not a number" in errors
    assert len(_stored(demo_db)) == DEMO_SOURCES


def test_choosing_to_save_the_good_rows_saves_them_and_shows_what_was_skipped(demo_db):
    at = _csv_page()
    at.file_uploader(key="source.csv_file").set_value(("sources.csv", CSV, "text/csv")).run()
    at.radio(key="source.csv_choice").set_value("Save the good rows, skip the bad ones")
    at.button(key="source.csv_submit").click().run()
    assert not at.exception and at.success[0].value == "Added 2 sources (#5–#6)."
    assert "2 row(s) were skipped" in at.warning[0].value
    assert [s.source.title for s in _stored(demo_db)[DEMO_SOURCES:]] == ["Production report", "Exports"]
    assert at.get("progress")  # reading and saving show progress bars


def test_an_uploaded_html_page_is_previewed_with_its_figures_then_saved(demo_db):
    at = _page("app_pages/source_library.py")
    at.radio(key="source.mode").set_value("page").run()
    html = (PAGES / "workbench-forum-report.html").read_bytes()
    at.file_uploader(key="source.html_file").set_value(("forum.html", html, "text/html")).run()
    at.button(key="source.page_submit").click().run()
    assert not at.exception
    assert any("Ready to save: Defence Industries Forum 2023" in m.value for m in at.markdown)
    figures = at.data_editor(key="source.preview_figures")
    assert "263" in list(figures.value["figure"])
    at.button(key="source.preview_save").click().run()
    assert at.success[0].value == "Added source #5."
    stored = _stored(demo_db)[-1].source
    assert stored.publisher == "Defence Industry Council" and stored.published == "2023-10-02"


def test_pasted_text_is_read_then_saved_with_the_figures_kept(demo_db):
    at = _page("app_pages/source_library.py")
    at.radio(key="source.mode").set_value("paste").run()
    at.text_area(key="source.paste.0.text").input(
        "Ministry statement\nProduction was multiplied by 3.1 in 2023."
    )
    at.text_input(key="source.paste.0.url").input("https://example.org/examples/ministry-statement")
    at.date_input(key="source.paste.0.published").set_value(dt.date(2024, 2, 1))
    at.selectbox(key="source.paste.0.kind").set_value("report")
    at.button(key="FormSubmitter:source.paste.0.form-Find the figures").click().run()
    assert "3.1" in " ".join(at.data_editor(key="source.preview_figures").value["figure"])
    at.button(key="source.preview_save").click().run()
    stored = _stored(demo_db)[-1].source
    (figure,) = stored.figures
    assert (figure.kind, figure.value, period_label(figure.period)) == ("multiplier", 3.1, "2023")
    assert (stored.url, stored.published, stored.kind) == (
        "https://example.org/examples/ministry-statement", "2024-02-01", "report"
    )  # fmt: skip
    # saved: the preview is gone, the form is empty again, the message says which source was added
    assert not any(m.value.startswith("#### Ready to save") for m in at.markdown)
    assert at.text_area(key="source.paste.1.text").value == ""
    assert any(f"Added source #{_stored(demo_db)[-1].id}" in s.value for s in at.success)


def _claim_id(url: str, words: str) -> int:
    with open_database(url).session() as session:
        (claim,) = [c for c in article_claims(session, 1) if words in c.text]
    return claim.id


def _review_claim(url: str, words: str) -> AppTest:
    at = _page("app_pages/review_claims.py")
    return open_claim(at, _claim_id(url, words))


def test_a_suggested_source_is_linked_with_its_figure_and_compared(demo_db):
    at = _review_claim(demo_db, "plus de 250")
    assert any("Suggested sources" in m.value for m in at.markdown)
    assert any("forum attendance" in m.value and "matching figure: 263" in m.value for m in at.markdown)
    at.button(key="suggest.link.2").click().run()
    assert at.selectbox(key=panel_key(at, "link.source")).value == 2
    assert at.selectbox(key=panel_key(at, "link.figure")).value is not None
    at.button(key="link.submit").click().run()
    assert not at.exception and at.success[0].value == "Source linked."
    sentences = [m.value for m in at.markdown if "within the claim's “plus de 250”" in m.value]
    assert sentences and "263" in sentences[0]
    table = next(df.value for df in at.dataframe if "bound satisfied" in df.value.index)
    (column,) = table.columns
    assert column.startswith("plus de 250 vs #2")
    assert table.loc["status", column] == "consistent" and table.loc["bound satisfied", column] == "yes"
    claim_id = shown_claim(at)
    at.button(key=panel_key(at, "unlink.2")).click().run()
    assert "unlinked" in at.success[0].value
    with open_database(demo_db).session() as session:
        assert get_claim(session, claim_id).evidence == ()
        assert list(evidence_history(session, claim_id)["action"]) == ["link", "unlink"]


def test_a_repeated_claim_shows_its_other_appearance_and_reuses_its_verdict(demo_db):
    at = _review_claim(demo_db, "des dizaines d’accords")
    first_id = shown_claim(at)
    at.selectbox(key=panel_key(at, "verdict.rating")).select("Mostly true")
    at.text_area(key=panel_key(at, "verdict.rationale")).input("The ministry lists 41 agreements.")
    at.button(key="verdict.submit").click().run()
    assert not at.exception
    second = _claim_id(demo_db, "des dizaines de nouveaux accords")
    open_claim(at, second)
    assert any("This claim appears elsewhere (1)" in m.value for m in at.markdown)
    assert any("A verdict is proposed, not published yet." in c.value for c in at.caption)
    assert not [b for b in at.button if b.key == f"repeat.apply.{first_id}"]  # a proposal is not offered
    open_claim(at, first_id)
    at.button(key="verdict.publish").click().run()
    assert at.success[0].value == "Published.", [e.value for e in at.error]
    open_claim(at, second)
    at.button(key=f"repeat.apply.{first_id}").click().run()
    assert not at.exception, at.exception
    with open_database(demo_db).session() as session:
        verdict = get_claim(session, second).verdict
    assert verdict.rating == "Mostly true" and f"Same claim as #{first_id}" in verdict.rationale
    assert verdict.state == "proposed" and "published by" in verdict.rationale
