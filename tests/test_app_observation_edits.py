"""The claim panel's correction form corrects a figure's observation (direction, modality, period, base)
through AppTest; the engine's reading is kept and bad input is refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from sources.observations import period_label
from workbench.commands.cli import main as workbench_cli
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.database import open_database
from workbench.storage.schema import StatisticRow
from workbench.storage.verdicts import get_claim

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _open_claim(url: str):
    with open_database(url).session() as session:
        (article,) = list_articles(session)
        claim = next(c for c in article_claims(session, article.id) if c.statistics)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["claim"] = str(claim.id)
    at.run()
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    assert not at.exception, at.exception
    return claim, claim.statistics[0], at


def _messages(at: AppTest) -> list[str]:
    return [m.value for m in (*at.error, *at.success, *at.warning)]


def test_direction_period_base_and_modality_are_corrected_and_the_engine_reading_kept(demo_db):
    claim, stat, at = _open_claim(demo_db)
    key = f"edit.{claim.id}.stat.{stat.id}"
    at.selectbox(key=f"{key}.direction").set_value("down")
    at.selectbox(key=f"{key}.modality").set_value("estimate")
    at.text_input(key=f"{key}.period").input("2024-05-01/2025-04-30")
    at.text_input(key=f"{key}.base_value").input("4.5")
    at.text_input(key=f"{key}.base_unit").input("%")
    at.text_input(key=f"{key}.base_period").input("2024-02")
    at.button(key=f"{key}.save").click().run()
    assert not at.exception and "Correction saved." in _messages(at), _messages(at)
    with open_database(demo_db).session() as session:
        stored = next(s for s in get_claim(session, claim.id).statistics if s.id == stat.id)
        row = session.get(StatisticRow, stat.id)
        columns = (row.period_start, row.period_end, row.base_period_start, row.base_period_end)
    assert (stored.direction, stored.modality, stored.base.value, stored.base.unit) == (
        "down",
        "estimate",
        4.5,
        "%",
    )
    assert columns == ("2024-05-01", "2025-04-30", "2024-02-01", "2024-02-29")
    assert stored.original["direction"] == stat.direction
    assert stored.original["period"] == (period_label(stat.period) if stat.period else None)
    assert stored.corrected_by == "Ana"
    # the form now shows what was saved
    assert at.text_input(key=f"{key}.period").value == "2024-05-01/2025-04-30"


def test_a_base_period_that_is_no_date_is_refused_and_nothing_changes(demo_db):
    claim, stat, at = _open_claim(demo_db)
    key = f"edit.{claim.id}.stat.{stat.id}"
    at.text_input(key=f"{key}.base_period").input("sometime")
    at.button(key=f"{key}.save").click().run()
    assert any("not a date or period" in m for m in _messages(at)), _messages(at)
    with open_database(demo_db).session() as session:
        row = session.get(StatisticRow, stat.id)
        assert (row.base_period_start, row.original) == (None, None)


def test_a_source_figure_is_corrected_on_the_sources_page(demo_db):
    from workbench.storage.schema import FigureRow, SourceRow

    with open_database(demo_db).session() as session:
        source = next(s for s in session.query(SourceRow).all() if "forum attendance" in s.title)
        figure_id = source.figures[0].id
        source_id = source.id
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    at.switch_page("app_pages/source_library.py")
    at.run()
    at.number_input(key="source.open").set_value(source_id).run()
    assert not at.exception, at.exception
    at.text_input(key=f"figure_edit.{figure_id}.period").input("2023-09-12")
    at.text_input(key=f"figure_edit.{figure_id}.counted").input("arms manufacturers registered")
    at.button(key=f"figure_edit.{figure_id}.save").click().run()
    assert not at.exception and any("corrected" in m for m in _messages(at)), _messages(at)
    with open_database(demo_db).session() as session:
        row = session.get(FigureRow, figure_id)
        assert (row.period_start, row.measured, row.corrected_by) == (
            "2023-09-12",
            "arms manufacturers registered",
            "Ana",
        )
        assert row.original["period"] == "2023-09" and row.original["counted"].startswith("Western")
    assert any("the engine read" in i.value for i in at.info)
