"""Work that survives, through AppTest: a refused save keeps what was typed; a repeat of a published
verdict is offered at the top of the claim panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.review_page import panel_key, shown_claim
from workbench.commands.cli import main as workbench_cli
from workbench.desk.article_intake import add_article
from workbench.desk.ingest import prepare_article
from workbench.domain.auth import User
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
REPEAT = (
    "Lors d'un nouveau forum à Kiev, le ministre a répété que plus de 250 fabricants d'armes occidentaux "
    "avaient participé au forum de l'industrie de défense organisé en septembre. Il fait beau à Lviv."
)


@pytest.fixture
def demo_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    return sqlite_url


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params)
    at.run()
    assert not at.exception, at.exception
    return at


def _claim_with(url: str, article_id: int, words: str):
    with open_database(url).session() as session:
        (claim,) = [c for c in article_claims(session, article_id) if words in c.text]
        return get_claim(session, claim.id)


def test_a_refused_verdict_and_link_keep_every_typed_field(demo_db):
    at = _app()  # no reviewer name: every save is refused
    claim_id = shown_claim(at)
    at.selectbox(key=panel_key(at, "verdict.rating")).set_value("False")
    at.text_area(key=panel_key(at, "verdict.rationale")).input("The register lists 263 firms.")
    at.button(key="verdict.submit").click().run()
    assert any("Reviewer" in e.value for e in at.error)
    assert at.selectbox(key=panel_key(at, "verdict.rating")).value == "False"
    assert at.text_area(key=panel_key(at, "verdict.rationale")).value == "The register lists 263 firms."
    at.radio(key=panel_key(at, "link.stance")).set_value("contradicts")
    at.text_input(key=panel_key(at, "link.quote")).input("263 registered firms")
    at.button(key="link.submit").click().run()
    assert any("Reviewer" in e.value for e in at.error)
    assert at.text_input(key=panel_key(at, "link.quote")).value == "263 registered firms"
    assert at.radio(key=panel_key(at, "link.stance")).value == "contradicts"
    with open_database(demo_db).session() as session:
        assert get_claim(session, claim_id).verdict is None


def test_a_refused_source_keeps_the_typed_form(demo_db):
    at = _app()
    at.switch_page("app_pages/source_library.py").run()
    keys = {t.label: t.key for t in at.text_input}
    at.text_input(key=keys["Title"]).input("Registre des entreprises de défense")
    at.text_input(key=keys["Publisher"]).input("Ministère")
    (text,) = [t for t in at.text_area if t.label == "Text or excerpt"]
    text.input("Le registre compte 263 entreprises.")
    (add,) = [b for b in at.button if b.label == "Add source"]
    add.click().run()
    assert any("Reviewer" in e.value for e in at.error), [e.value for e in at.error]
    assert at.text_input(key=keys["Title"]).value == "Registre des entreprises de défense"
    assert at.text_input(key=keys["Publisher"]).value == "Ministère"
    (text,) = [t for t in at.text_area if t.label == "Text or excerpt"]
    assert text.value == "Le registre compte 263 entreprises."


def test_the_panel_offers_the_published_verdict_of_the_claim_it_repeats(demo_db):
    earlier = _claim_with(demo_db, 1, "plus de 250")
    with open_database(demo_db).session() as session:
        version = record_verdict(
            session, claim_id=earlier.id, rating="False", rationale="263 registered, not all Western.",
            reviewer="ana", expected_version=earlier.version,
        )  # fmt: skip
        publish_verdict(session, claim_id=earlier.id, publisher=User("ed", "Ed", "editor"),
                        expected_version=version)  # fmt: skip
        # a newer proposal on the published claim: the alert still offers what was published
        record_verdict(
            session, claim_id=earlier.id, rating="Mostly true", rationale="Second thoughts.",
            reviewer="cy", expected_version=version + 1,
        )  # fmt: skip
        article_id = add_article(session, prepare_article(REPEAT, title="Second article", lang="fr"))
    repeat = _claim_with(demo_db, article_id, "plus de 250")
    at = _app(claim=str(repeat.id))
    at.sidebar.text_input(key="reviewer").input("ben").run()
    assert shown_claim(at) == repeat.id
    (alert,) = [w.value for w in at.warning if "repeats claim" in w.value]
    assert f"repeats claim #{earlier.id}, published as **False**" in alert and "263 registered" in alert
    at.button(key=f"repeat.alert.{earlier.id}").click().run()
    assert not at.exception
    with open_database(demo_db).session() as session:
        applied = get_claim(session, repeat.id).verdict
    assert (applied.rating, applied.reviewer, applied.state) == ("False", "ben", "proposed")
    assert f"Same claim as #{earlier.id}" in applied.rationale
    at = _app(claim=str(earlier.id))
    assert not [w for w in at.warning if "repeats claim" in w.value]  # the published claim: no alert
