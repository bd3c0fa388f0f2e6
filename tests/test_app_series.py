"""Statistical series in the app through AppTest on real SQLite files: imported on the Sources page (all
or nothing, errors located), linked from the claim panel with why, compared and charted there."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.support.review_page import open_claim, panel_key
from workbench.commands.cli import main as workbench_cli
from workbench.storage.database import open_database
from workbench.storage.schema import ClaimRow, SourceRow
from workbench.storage.series_store import load_series, series_source_ids
from workbench.storage.verdicts import get_claim

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
DATA = Path(__file__).parent / "data" / "series"
OUTPUT = b"period,value,flag\n2021,100,\n2022,150,\n2023,420,p\n"


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _page(path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    at.switch_page(path)
    at.run()
    assert not at.exception, at.exception
    return at


def _series_page() -> AppTest:
    at = _page("app_pages/source_library.py")
    at.radio(key="source.mode").set_value("series").run()
    return at


def _series_ids(url: str) -> list[int]:
    with open_database(url).session() as session:
        return series_source_ids(session)


def test_a_series_file_is_imported_with_its_flags_and_listed_in_the_library(demo_db):
    before = _series_ids(demo_db)
    at = _series_page()
    at.file_uploader(key="series.file").set_value(("output.csv", OUTPUT, "text/csv")).run()
    at.text_input(key="series.measure").input("defence production").run()
    at.text_input(key="series.publisher").input("Ministry").run()
    at.date_input(key="series.retrieved").set_value(dt.date(2026, 11, 2)).run()
    at.button(key="series.submit").click().run()
    assert not at.exception and not at.error
    assert "Imported 1 series (3 values, tidy)" in at.success[0].value
    (new,) = set(_series_ids(demo_db)) - set(before)
    with open_database(demo_db).session() as session:
        stored = load_series(session, new)
    assert stored.series.values == (100.0, 150.0, 420.0) and stored.series.flags[-1] == ("provisional",)
    assert stored.series.provenance.publisher == "Ministry" and stored.title == "defence production"
    assert stored.series.provenance.retrieved_at == "2026-11-02"
    library = next(df.value for df in at.dataframe if "title" in df.value.columns)
    assert "defence production" in set(library["title"])


def test_a_bad_series_file_saves_nothing_and_names_its_rows(demo_db):
    before = _series_ids(demo_db)
    at = _series_page()
    bad = b"period,value\n2021,100\n2022,lots\n2022,3\n"
    at.file_uploader(key="series.file").set_value(("bad.csv", bad, "text/csv")).run()
    at.text_input(key="series.measure").input("output").run()
    at.button(key="series.submit").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("Nothing was saved")
    assert "bad.csv, row 3" in at.code[0].value
    assert _series_ids(demo_db) == before


def test_a_series_from_an_address_on_the_local_network_is_not_fetched(demo_db):
    at = _series_page()
    at.text_input(key="series.url").input("http://127.0.0.1:9/series.csv").run()
    at.button(key="series.submit").click().run()
    assert not at.exception and "local network" in at.error[0].value


def _claim_id(url: str, words: str) -> int:
    with open_database(url).session() as session:
        return session.scalar(select(ClaimRow.id).where(ClaimRow.text.contains(words)))


def test_a_series_linked_from_the_claim_panel_is_compared_and_charted(demo_db):
    # a series of its own, not the demo's: imported, then linked to the seed's "a triplé" claim
    at = _series_page()
    at.file_uploader(key="series.file").set_value(("output.csv", OUTPUT, "text/csv")).run()
    at.text_input(key="series.measure").input("defence production").run()
    at.button(key="series.submit").click().run()
    (new,) = set(_series_ids(demo_db)) - {min(_series_ids(demo_db))}
    claim_id = _claim_id(demo_db, "a triplé")
    at = open_claim(_page("app_pages/review_claims.py"), claim_id)
    at.selectbox(key=panel_key(at, "link.source")).set_value(new).run()
    why = next(t for t in at.text_input if t.key == panel_key(at, "link.quote"))
    assert why.label == "Quote from the source — for a series, why this series"
    why.input("The ministry's own production index")
    at.button(key="link.submit").click().run()
    assert not at.exception
    with open_database(demo_db).session() as session:
        link = next(e for e in get_claim(session, claim_id).evidence if e.source.id == new)
        assert session.get(SourceRow, new).kind == "series"
    assert link.quote == "The ministry's own production index"
    sentences = [m.value for m in at.markdown if f"vs #{new}" in m.value]
    # 420 / 150 = ×2.8 from 2022 (the year before, as "a triplé en 2023" means) to 2023
    assert sentences and "×2.8 from 2022 to 2023" in sentences[0] and "7.1 % above" in sentences[0]
    assert any("read against 2022" in c.value for c in at.caption)
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    (spec,) = [s for s in specs if _title(s).startswith(f"#{new} ") and "a triplé" in _title(s)]
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["series", "claim path"]
    downloads = {b.proto.label for b in at.get("download_button") if str(b.key).startswith(f"series.{new}.")}
    assert downloads == {"PNG", "SVG", "CSV data"}


def _open_source(source_id: int) -> AppTest:
    at = _page("app_pages/source_library.py")
    at.number_input(key="source.open").set_value(source_id).run()
    assert not at.exception, at.exception
    return at


def test_a_series_page_shows_its_values_and_an_edit_keeps_it_a_series(demo_db):
    (source_id,) = _series_ids(demo_db)  # the demo's illustrative series
    at = _open_source(source_id)
    values = next(
        df.value for df in at.dataframe if "flags" in df.value.columns and "period" in df.value.columns
    )
    assert list(values["period"]) == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]
    assert list(values["flags"])[-2:] == ["provisional", "estimated"]
    assert any("series code: EXAMPLE.DEFENCE.PRODUCTION" in c.value for c in at.caption)
    title = at.text_input(key=f"source_page.{source_id}.v1.title")
    title.input("Example: defence production index, renamed (illustrative)")
    at.button(key=f"FormSubmitter:source_page.{source_id}.v1.form-Save changes").click().run()
    assert not at.exception and not at.error
    with open_database(demo_db).session() as session:
        row = session.get(SourceRow, source_id)
        assert (row.title, row.kind) == (
            "Example: defence production index, renamed (illustrative)",
            "series",
        )
        assert len(load_series(session, source_id).series) == 7


def _title(spec: dict) -> str:
    """A chart's title, given as text or with its subtitle."""
    title = spec.get("title", "")
    return title.get("text", "") if isinstance(title, dict) else str(title)


def test_the_trends_page_draws_a_series_with_every_claim_linked_to_it(demo_db):
    at = _page("app_pages/claim_trends.py")
    (source_id,) = _series_ids(demo_db)
    assert at.selectbox(key="trends.series").value == source_id
    assert any("2 claim figure(s) linked to this series" in c.value for c in at.caption)
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    (spec,) = [s for s in specs if _title(s).startswith(f"#{source_id} Example")]
    path = next(layer for layer in spec["layer"] if layer["mark"].get("strokeDash"))
    assert path["encoding"]["detail"]["field"] == "claim"  # one path per claim
    keys = {b.key for b in at.get("download_button")}
    assert {"trends.series_chart.png", "trends.series_chart.svg", "trends.series_chart.csv"} <= keys


def test_a_series_linked_from_the_suggestions_records_why_and_a_manual_link_does_not(demo_db):
    claim_id = _claim_id(demo_db, "des dizaines d’accords de coopération")
    (example,) = _series_ids(demo_db)  # the demo's illustrative series, not linked to this claim
    report = 1  # a demo report
    at = open_claim(_page("app_pages/review_claims.py"), claim_id)
    assert any(f"#{example} **" in m.value for m in at.markdown), "the example series is suggested"
    why = [c.value for c in at.caption if c.value.startswith("Why: measures: ")]
    assert why and "national defence production index" in why[0]
    # the suggestion's button, then another source chosen by hand: that link records no reasons
    at.button(key=f"suggest.link.{example}").click().run()
    at.selectbox(key=panel_key(at, "link.source")).set_value(report).run()
    at.button(key="link.submit").click().run()
    assert not at.exception and at.success[0].value == "Source linked."
    # the suggestion's button, then linked: the link records the reasons shown
    at.button(key=f"suggest.link.{example}").click().run()
    assert at.selectbox(key=panel_key(at, "link.source")).value == example
    at.button(key="link.submit").click().run()
    assert not at.exception and at.success[0].value == "Source linked."
    shown = [c.value for c in at.caption if c.value.startswith("Linked from a suggestion: measures: ")]
    assert len(shown) == 1 and "national defence production index" in shown[0]
    with open_database(demo_db).session() as session:
        links = {e.source.id: e for e in get_claim(session, claim_id).evidence}
    assert links[example].reasons[0].startswith("measures: Example: national defence production index")
    assert links[report].reasons == ()
