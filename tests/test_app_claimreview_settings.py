"""ClaimReview settings through AppTest on the demo database (single-user mode): saved from Desk settings,
a non-http(s) address refused with the typing kept, the example-URL warning on Desk settings and Export,
and the speaker's kind corrected in the claim panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from tests.support.review_page import shown_claim
from workbench.commands.cli import main as workbench_cli
from workbench.domain.auth import User
from workbench.outputs.claimreview_settings import load_publisher
from workbench.storage.database import open_database
from workbench.storage.export_rows import verdict_rows
from workbench.storage.schema import SettingRow
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
SETTINGS = "app_pages/desk_settings.py"
KEY = "settings.claimreview"


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("WORKBENCH_AUTH", raising=False)
    monkeypatch.delenv("WORKBENCH_PUBLIC_URL", raising=False)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _page(path: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.sidebar.text_input(key="reviewer").input("Ed").run()
    if path != "app_pages/review_claims.py":
        at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def _settings_rows(url: str) -> dict:
    with open_database(url).session() as session:
        return {row.key: row.value for row in session.scalars(select(SettingRow))}


def _fill(at: AppTest, **fields: str) -> AppTest:
    for field, value in fields.items():
        at.text_input(key=f"{KEY}.{field}").input(value)
    at.button(key=f"{KEY}.save").click().run()
    assert not at.exception, at.exception
    return at


def test_the_desk_saves_its_claimreview_settings_and_the_warning_goes(demo_db):
    at = _page(SETTINGS)
    warning = next(w.value for w in at.warning if "example address" in w.value)
    assert "https://example.org/fact-checks" in warning and "Review URL template" in warning
    at = _fill(
        at,
        name="Le Vérificateur",
        url="https://verif.example",
        logo="https://verif.example/logo.png",
        template="https://verif.example/v/{claim_id}",
    )
    assert "Saved the ClaimReview settings." in [s.value for s in at.success]
    assert not any("example address" in w.value for w in at.warning)
    with open_database(demo_db).session() as session:
        publisher = load_publisher(session)
    assert (publisher.name, publisher.logo) == ("Le Vérificateur", "https://verif.example/logo.png")
    assert publisher.url_template == "https://verif.example/v/{claim_id}"
    assert "Unverifiable" not in dict(publisher.rating_values)  # the scale's numbers: none for it


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "url",
            "ftp://verif.example",
            "Organisation URL: 'ftp://verif.example' is not an http:// or https://",
        ),
        ("template", "https://verif.example/v/latest", "has no {claim_id}"),
    ],
)
def test_a_setting_that_is_not_an_http_address_is_refused_and_nothing_is_stored(
    demo_db, field, value, message
):
    at = _fill(_page(SETTINGS), name="Le Vérificateur", **{field: value})
    shown = at.error[0].value.replace("\u2060", "").replace("\\", "")  # as read: escapes for Markdown undone
    assert shown.startswith("Nothing was saved:") and message in shown
    assert _settings_rows(demo_db) == {}  # the demo desk had none: it still has none
    assert at.text_input(key=f"{KEY}.{field}").value == value  # what was typed is kept to be corrected
    assert at.text_input(key=f"{KEY}.name").value == "Le Vérificateur"


def test_the_export_page_warns_of_the_example_address_once_a_verdict_is_published(demo_db):
    assert not any("example address" in w.value for w in _page("app_pages/export_verdicts.py").warning)
    database = open_database(demo_db)
    with database.session() as session:
        version = record_verdict(session, claim_id=1, rating="False", rationale="Checked.", reviewer="ana",
                                 expected_version=get_claim(session, 1).version)  # fmt: skip
    with database.session() as session:
        publish_verdict(session, claim_id=1, publisher=User("ed", "Ed", "editor"), expected_version=version)
    at = _page("app_pages/export_verdicts.py")
    (warning,) = [w.value for w in at.warning if "example address" in w.value]
    assert "claimreview.url_template" in warning


def test_the_reviewer_corrects_whether_the_speaker_is_a_person(demo_db):
    with open_database(demo_db).session() as session:
        rows = verdict_rows(session, states="all")
    claim_id = int(rows.loc[rows["claim_speaker"] == "Ukroboronprom", "claim_id"].iloc[0])
    assert rows.loc[rows["claim_id"] == claim_id, "claim_speaker_kind"].iloc[0] == "organisation"
    at = _page("app_pages/review_claims.py", claim=str(claim_id))  # a link to the claim
    assert shown_claim(at) == claim_id
    at.selectbox(key=f"edit.{claim_id}.speaker_kind").set_value("person")
    at.button(key=f"edit.{claim_id}.speaker.save").click().run()
    assert not at.exception and "Attribution saved." in [s.value for s in at.success]
    with open_database(demo_db).session() as session:
        rows = verdict_rows(session, states="all")
    assert rows.loc[rows["claim_id"] == claim_id, "claim_speaker_kind"].iloc[0] == "person"
