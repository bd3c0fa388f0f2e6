"""ClaimReview settings in the settings table (SQLite and PostgreSQL): saved and used by the export,
refused whole when a field is wrong, the example-URL warning; speakers typed Person or Organization; and
the demo desk's markup checked against the fields Google's fact-check markup asks for."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from claims.models import Attribution, Claim, Entity
from workbench.commands.cli import main as workbench_cli
from workbench.desk.article_intake import add_article
from workbench.domain.auth import User
from workbench.domain.errors import InputError
from workbench.domain.ratings import DEFAULT_SCALE
from workbench.domain.records import ArticleDraft
from workbench.outputs.claimreview import claim_reviews
from workbench.outputs.claimreview_settings import (
    TEMPLATE_KEY,
    check_settings,
    example_url_warning,
    load_publisher,
    save_settings,
)
from workbench.storage.claim_edits import correct_attribution
from workbench.storage.database import open_database
from workbench.storage.export_rows import verdict_rows
from workbench.storage.schema import ClaimRow, SettingRow
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

EDITOR = User("ed", "Ed Itor", "editor")
GOOD = {
    "name": "Le Vérificateur",
    "url": "https://verif.example",
    "logo": "https://verif.example/logo.png",
    "url_template": "https://verif.example/verifications/{claim_id}",
}


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    yield handle
    handle.engine.dispose()


def _settings(**changes):
    return check_settings(**(GOOD | changes))


def _stored(database) -> dict:
    with database.session() as session:
        return {row.key: row.value for row in session.scalars(select(SettingRow))}


def test_saved_settings_sign_and_address_the_reviews(database):
    with database.session() as session:
        assert example_url_warning(load_publisher(session))  # a new desk still uses the example address
        save_settings(session, _settings(), editor="ed")
    with database.session() as session:
        publisher = load_publisher(session)
    assert (publisher.name, publisher.url, publisher.logo) == (
        "Le Vérificateur", "https://verif.example", "https://verif.example/logo.png",
    )  # fmt: skip
    assert publisher.url_template.format(claim_id=7) == "https://verif.example/verifications/7"
    values = dict(publisher.rating_values)  # the scale's own numbers: one list
    assert values == {r.name: r.value for r in DEFAULT_SCALE if r.value is not None}
    assert values["Half true"] == 3 and "Unverifiable" not in values  # no number on the scale: the name only
    assert example_url_warning(publisher) is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "mailto:desk@verif.example", "Organisation URL: 'mailto:desk@verif.example' is not an http"),
        ("url", "javascript:alert(1)", "Organisation URL contains HTML or script markup"),
        ("logo", "ftp://verif.example/logo.png", "Logo URL: 'ftp://verif.example/logo.png' is not an http"),
        (
            "url_template",
            "verif.example/{claim_id}",
            "Review URL template: 'verif.example/{claim_id}' is not",
        ),
        ("url_template", "https://verif.example/checks", "has no {claim_id}"),
        ("url_template", "https://verif.example/{year}/{claim_id}", "braces other than {claim_id}"),
        ("name", "  ", "Organisation name is empty"),
    ],
)
def test_a_wrong_field_is_refused_by_name_and_nothing_changes(database, field, value, message):
    with database.session() as session:
        save_settings(session, _settings(), editor="ed")
    before = _stored(database)
    with pytest.raises(InputError, match=re.escape(message)):
        _settings(**{field: value})
    assert _stored(database) == before


def test_the_warning_names_the_setting_to_change(sqlite_url):
    with open_database(sqlite_url).session() as session:  # a new desk: defaults only
        warning = example_url_warning(load_publisher(session))
    assert "https://example.org/fact-checks" in warning
    assert "Review URL template" in warning and TEMPLATE_KEY in warning and "WORKBENCH_PUBLIC_URL" in warning


TEXT = "Ofgem said the price cap rose by 54% in April 2022. Priya Raman said bills doubled."


def _article(database) -> list[int]:
    claims = (
        Claim(text=TEXT[:49], span=(0, 49), sentence_no=0, attribution=Attribution("Ofgem", (0, 5))),
        Claim(
            text=TEXT[51:], span=(51, len(TEXT)), sentence_no=1,
            attribution=Attribution("Priya Raman", (51, 62)),
            entities=(Entity("Priya Raman", (51, 62), name="Priya Raman", kind="organisation"),),
        ),
    )  # fmt: skip
    with database.session() as session:
        draft = ArticleDraft(
            "Bills", TEXT, "en", url="https://news.example/bills", published=date(2022, 4, 2)
        )
        add_article(session, replace(draft, claims=claims))
    with database.session() as session:
        return list(session.scalars(select(ClaimRow.id).order_by(ClaimRow.id)))


def _kinds(database) -> dict[str, str]:
    with database.session() as session:
        rows = verdict_rows(session, states="all")
    return dict(zip(rows["claim_speaker"], rows["claim_speaker_kind"], strict=True))


def test_speakers_are_typed_by_the_reviewer_then_the_gazetteer_then_their_name(database):
    first, second = _article(database)
    # Ofgem: no entity says what it is; one unknown word is read as an organisation. Priya Raman: the
    # (here wrong) entity kind wins over the name until the reviewer corrects it.
    assert _kinds(database) == {"Ofgem": "organisation", "Priya Raman": "organisation"}
    with database.session() as session:
        version = get_claim(session, second).version
        correct_attribution(session, claim_id=second, speaker="Priya Raman", kind="person", reviewer="ana",
                            expected_version=version)  # fmt: skip
    assert _kinds(database)["Priya Raman"] == "person"
    with database.session() as session, pytest.raises(InputError, match="person or an organisation"):
        correct_attribution(session, claim_id=first, speaker="Ofgem", kind="robot", reviewer="ana",
                            expected_version=get_claim(session, first).version)  # fmt: skip


# Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck):
# required and recommended properties, as "path": expected types. Written out here, apart from the
# exporter's own check, so the test reads the markup the way a validator would.
GOOGLE_FIELDS = {
    "claimReviewed": str,  # required
    "reviewRating": dict,  # required
    "reviewRating.alternateName": str,  # required
    "url": str,  # required
    "author": dict,  # recommended: the fact-checking organisation
    "author.name": str,
    "datePublished": str,  # recommended
    "itemReviewed": dict,  # recommended: the Claim
    "itemReviewed.author.name": str,
    "itemReviewed.datePublished": str,
    "itemReviewed.appearance": list,
    "itemReviewed.firstAppearance": dict,
}


def _at(review: dict, path: str) -> object:
    value: object = review
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def test_the_demo_desks_claimreview_has_the_fields_google_asks_for(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    database = open_database(sqlite_url)
    with database.session() as session:
        save_settings(session, _settings(), editor="ed")
    with database.session() as session:
        ids = list(session.scalars(select(ClaimRow.id).order_by(ClaimRow.id)))
    for claim_id, rating in zip(ids, ("Mostly true", "Misleading", "Unverifiable", "False"), strict=False):
        with database.session() as session:
            version = record_verdict(
                session, claim_id=claim_id, rating=rating, rationale="Checked.", reviewer="ana",
                expected_version=get_claim(session, claim_id).version,
            )  # fmt: skip
        with database.session() as session:
            publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=version)
    with database.session() as session:
        reviews = claim_reviews(verdict_rows(session), load_publisher(session))
    assert len(reviews) == 4
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        for path, kind in GOOGLE_FIELDS.items():
            assert isinstance(_at(review, path), kind) and _at(review, path), (path, review)
        assert review["url"].startswith("https://verif.example/verifications/")  # the desk's own site
        assert (
            review["author"]["@type"] == "Organization" and review["author"]["url"] == "https://verif.example"
        )
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["@type"] in ("Person", "Organization")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        if "ratingValue" in rating:  # a number sits between the worst and the best rating
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    by_speaker = {r["itemReviewed"]["author"]["name"]: r["itemReviewed"]["author"]["@type"] for r in reviews}
    assert by_speaker.get("Ukraine") == "Organization"
    assert (
        "ratingValue"
        not in next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unverifiable")[
            "reviewRating"
        ]
    )
    database.engine.dispose()


def test_the_export_command_warns_of_the_example_address_until_the_setting_is_made(
    sqlite_url, monkeypatch, tmp_path, capsys
):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("WORKBENCH_PUBLIC_URL", raising=False)
    assert workbench_cli(["init", "--demo"]) == 0
    database = open_database(sqlite_url)
    with database.session() as session:
        version = record_verdict(session, claim_id=1, rating="False", rationale="Checked.", reviewer="ana",
                                 expected_version=get_claim(session, 1).version)  # fmt: skip
    with database.session() as session:
        publish_verdict(session, claim_id=1, publisher=EDITOR, expected_version=version)
    out = tmp_path / "claimreview.json"
    capsys.readouterr()
    assert workbench_cli(["export", "claimreview", "--out", str(out)]) == 0
    warning = capsys.readouterr().err
    assert (
        warning.startswith("warning: The review URLs point at the example address")
        and TEMPLATE_KEY in warning
    )
    with database.session() as session:
        save_settings(session, _settings(), editor="ed")
    assert workbench_cli(["export", "claimreview", "--out", str(out)]) == 0
    assert "warning" not in capsys.readouterr().err
    assert '"url": "https://verif.example/verifications/1"' in out.read_text(encoding="utf-8")
    database.engine.dispose()
