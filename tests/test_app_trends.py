"""The Trends page through AppTest (five charts, each with PNG/SVG/CSV downloads, the queue's filters),
and the chart data read from real databases (SQLite and PostgreSQL): compare frames with a metric,
trend rows under a filter, throughput per reviewer and week."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from workbench.commands.cli import main as workbench_cli
from workbench.desk.demo import load_demo
from workbench.domain.ratings import DEFAULT_SCALE
from workbench.outputs.claimreview import claim_reviews, publisher_from_settings
from workbench.storage import chart_data
from workbench.storage.database import open_database
from workbench.storage.export_rows import verdict_rows
from workbench.storage.filters import ClaimFilter
from workbench.storage.metrics import assign_metric, create_metric, list_metrics
from workbench.storage.rating_scale import load_scale, save_scale
from workbench.storage.schema import ClaimRow, FigureRow, VerdictRow

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
TRENDS = "app_pages/claim_trends.py"
CHART_KEYS = ("trends.claims", "trends.false", "trends.clusters", "trends.verdicts", "trends.throughput")


def _trends(url: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(TRENDS)
    at.run()
    assert not at.exception, at.exception
    return at


def _charts(at: AppTest) -> list:
    return [
        e for e in at.main if type(e).__name__ == "UnknownElement" and e.type == "vega_lite_chart"
    ] or list(at.get("vega_lite_chart"))


@pytest.mark.parametrize("demo", [False, True])
def test_trends_page_draws_its_charts_with_downloads(sqlite_url, monkeypatch, demo):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", *(["--demo"] if demo else [])]) == 0
    at = _trends(sqlite_url, monkeypatch)
    assert at.title[0].value == "Claim trends"
    # five charts of claims, and with the demo its example series with the claims linked to it
    assert len(at.get("vega_lite_chart")) == (6 if demo else 5)
    keys = {button.key for button in at.get("download_button")}
    assert {f"{k}.{kind}" for k in CHART_KEYS for kind in ("png", "svg", "csv")} <= keys
    assert at.caption[0].value == f"{11 if demo else 0} claims match the filters."


def test_trends_filters_are_the_queue_filters(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    at = _trends(sqlite_url, monkeypatch)
    at.multiselect(key="trends.filter.kinds").select("change").run()
    assert not at.exception and at.caption[0].value == "1 claims match the filters."
    at.text_input(key="trends.filter.text").input("no such words").run()
    assert at.caption[0].value == "0 claims match the filters."
    at.button_group(key="trends.freq").set_value("week").run()
    assert not at.exception and len(at.get("vega_lite_chart")) == 6  # and the demo series


# --- chart data on real databases ------------------------------------------------------------------


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    with handle.session() as session:
        load_demo(session)
    yield handle
    handle.engine.dispose()


def _claim(session, words: str) -> int:
    return next(c.id for c in session.scalars(select(ClaimRow)) if words in c.text)


def test_a_metric_puts_the_x3_and_x6_claims_beside_the_reported_factors(database):
    with database.session() as session:
        tripled, sixfold = _claim(session, "a triplé"), _claim(session, "multipliée par six")
        multipliers = (FigureRow.unit == "×") | (FigureRow.kind == "multiplier")
        factors = [f.id for f in session.scalars(select(FigureRow).where(multipliers))]
        metric = create_metric(session, name="Ukraine defence production", reviewer="ana", unit="×")
        assign_metric(session, claim_id=tripled, metric_id=metric, figure_ids=tuple(factors), reviewer="ana")
        assign_metric(session, claim_id=sixfold, metric_id=metric, reviewer="ana")
    with database.session() as session:
        df, title = chart_data.compare_frame(session, tripled)
        (listed,) = list_metrics(session)
    assert title.startswith("Ukraine defence production")
    assert sorted(listed.claim_ids) == sorted([tripled, sixfold]) and sorted(listed.figure_ids) == sorted(
        factors
    )
    by_label = df.set_index("label")
    assert by_label.loc[f"Claim #{tripled}", "role"] == "this claim"
    assert by_label.loc[f"Claim #{sixfold}", ["role", "modality", "period"]].tolist() == [
        "other claim", "forecast", "2024",
    ]  # fmt: skip
    assert sorted(df[df.role == "report"]["value"]) == [3.1, 5.0]
    assert set(df["unit"]) == {"×"}  # the 263 manufacturers are not on a multiplier axis


def test_a_claim_without_metric_or_evidence_compares_with_nothing_but_itself(database):
    with database.session() as session:
        df, _ = chart_data.compare_frame(session, _claim(session, "plus de 250"))
    assert df[["role", "bound", "value"]].values.tolist() == [["this claim", "lower", 250.0]]


def test_trend_rows_and_throughput_follow_the_filter(database):
    monday = datetime(2026, 1, 5, 9, tzinfo=UTC)
    with database.session() as session:
        tripled, forum = _claim(session, "a triplé"), _claim(session, "plus de 250")
        session.add_all(
            [
                VerdictRow(
                    claim_id=tripled,
                    rating="True",
                    rationale="r",
                    reviewer="ana",
                    created_at=monday,
                    state="published",
                ),
                VerdictRow(
                    claim_id=tripled,
                    rating="False",
                    rationale="r",
                    reviewer="ana",
                    created_at=monday,
                    state="published",
                ),
                VerdictRow(
                    claim_id=forum,
                    rating="False",
                    rationale="r",
                    reviewer="bo",
                    created_at=monday,
                    state="published",
                ),
            ]
        )
    with database.session() as session:
        rows = chart_data.trend_claims(session, ClaimFilter())
        weekly = chart_data.throughput(session, ClaimFilter())
        only_ana = chart_data.throughput(session, ClaimFilter(text="triplé"))
    assert rows.set_index("claim_id").loc[tripled, "verdict"] == "False"  # the latest verdict
    assert str(rows["day"].min().date()) == "2023-12-20"
    assert weekly.set_index("reviewer")["claims"].to_dict() == {"ana": 1, "bo": 1}  # ana's claim counts once
    assert set(weekly["week"]) == {"2026-01-05"}
    assert list(only_ana["reviewer"]) == ["ana"]
    share = chart_data.false_share(rows, freq="month")
    assert share["share"].tolist() == [1.0]


def test_trends_count_published_verdicts_and_a_proposal_only_on_request(database):
    monday = datetime(2026, 1, 5, 9, tzinfo=UTC)
    with database.session() as session:
        tripled, forum = _claim(session, "a triplé"), _claim(session, "plus de 250")
        session.add_all(
            [
                VerdictRow(claim_id=tripled, rating="True", rationale="r", reviewer="ana", created_at=monday,
                           state="published", published_by="ed", published_at=monday),
                VerdictRow(claim_id=tripled, rating="False", rationale="r", reviewer="ana",
                           created_at=monday),
                VerdictRow(claim_id=forum, rating="False", rationale="r", reviewer="bo", created_at=monday),
            ]
        )  # fmt: skip
    with database.session() as session:
        published = chart_data.trend_claims(session, ClaimFilter()).set_index("claim_id")["verdict"]
        every = chart_data.trend_claims(session, ClaimFilter(), states="all")
        proposed = every.set_index("claim_id")["verdict"]
        false_published = chart_data.trend_claims(session, ClaimFilter(verdicts=("False",)))
        weekly = chart_data.throughput(session, ClaimFilter())
        weekly_all = chart_data.throughput(session, ClaimFilter(), states="all")
    assert (published[tripled], published[forum]) == ("True", "(none)")  # a proposal is not counted
    assert (proposed[tripled], proposed[forum]) == ("False", "False")
    assert false_published.empty  # the filter reads the same published verdict
    assert chart_data.verdict_distribution(published.reset_index()).to_dict("records") == [
        {"verdict": "True", "claims": 1}
    ]
    assert weekly.set_index("reviewer")["claims"].to_dict() == {"ana": 1}
    assert weekly_all.set_index("reviewer")["claims"].to_dict() == {"ana": 1, "bo": 1}


def test_a_renamed_rating_reaches_the_trends_false_share_and_verdict_filter(database):
    rows = [{"name": r.name, "meaning": r.meaning, "value": r.value} for r in DEFAULT_SCALE]
    rows[4]["name"] = "Wrong"  # "False" renamed: its ClaimReview number (1) stays with the row
    with database.session() as session:
        save_scale(session, rows, editor="ed")
        forum = _claim(session, "plus de 250")
        session.add(
            VerdictRow(claim_id=forum, rating="Wrong", rationale="r", reviewer="bo", state="published")
        )
    with database.session() as session:
        options = chart_data.filter_options(session)
        false = chart_data.false_ratings(session)
        rows = chart_data.trend_claims(session, ClaimFilter(verdicts=("Wrong",)))
    assert "Wrong" in options["verdicts"] and "False" not in options["verdicts"]
    assert false == {"Wrong", "Misleading"} and list(rows["claim_id"]) == [forum]
    assert chart_data.false_share(rows, freq="month", false=false)["share"].tolist() == [1.0]


def test_the_trends_page_counts_proposals_only_when_asked(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    with open_database(sqlite_url).session() as session:
        tripled = _claim(session, "a triplé")
        session.add(VerdictRow(claim_id=tripled, rating="False", rationale="r", reviewer="ana"))
    at = _trends(sqlite_url, monkeypatch)
    assert '"False"' not in _claims_chart(at)  # proposed only: no colour for it in claims per verdict
    at.checkbox(key="trends.all_states").check().run()
    assert not at.exception and '"False"' in _claims_chart(at)


def _claims_chart(at: AppTest) -> str:
    """The spec of the claims-per-period chart, split by verdict: its colour domain lists the verdicts."""
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"title": "Verdict"' in spec
    return spec


def test_export_page_offers_published_verdicts_by_default_and_proposed_on_request(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    with open_database(sqlite_url).session() as session:
        tripled = _claim(session, "a triplé")
        session.add(VerdictRow(claim_id=tripled, rating="False", rationale="r", reviewer="ana"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/export_verdicts.py")
    at.run()
    at.checkbox(key="export.only_verdicts").check().run()
    assert not at.exception and "header only" in at.info[0].value  # the verdict is only proposed
    at.checkbox(key="export.all_states").check().run()
    assert not at.exception and at.caption[0].value == "1 row exported."


def test_a_renamed_rating_reaches_the_export_filter_the_csv_and_claimreview(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    rows = [{"name": r.name, "meaning": r.meaning, "value": r.value} for r in DEFAULT_SCALE]
    rows[4]["name"], rows[5]["name"] = "Wrong", "Needs context"
    with open_database(sqlite_url).session() as session:
        save_scale(session, rows, editor="ed")
        for words, rating in (("a triplé", "Needs context"), ("plus de 250", "Wrong")):
            claim_id = _claim(session, words)
            session.add(VerdictRow(claim_id=claim_id, rating=rating, rationale="r", reviewer="ana",
                                   state="published", published_by="ed"))  # fmt: skip
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/export_verdicts.py")
    at.run()
    verdicts = at.multiselect(key="export.filter.verdicts")
    assert verdicts.options[:6] == [r["name"] for r in rows] and "Unverifiable" not in verdicts.options
    verdicts.select("Needs context").run()
    assert not at.exception and at.caption[0].value == "1 row exported."
    with open_database(sqlite_url).session() as session:
        df = verdict_rows(session, only_with_verdict=True)
        publisher = publisher_from_settings(scale=load_scale(session))
    reviews = {r["reviewRating"]["alternateName"]: r["reviewRating"] for r in claim_reviews(df, publisher)}
    assert set(df["verdict"]) == {"Needs context", "Wrong"}
    assert reviews["Wrong"]["ratingValue"] == 1 and "ratingValue" not in reviews["Needs context"]
