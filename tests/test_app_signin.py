"""Sign-in, roles and the desk settings page through Streamlit's AppTest on real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.review_page import panel_key, shown_claim
from workbench.commands.cli import main as workbench_cli
from workbench.storage.database import open_database
from workbench.storage.rating_scale import save_scale
from workbench.storage.users import add_user
from workbench.storage.verdicts import get_claim

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
REVIEW = "app_pages/review_claims.py"
SETTINGS = "app_pages/desk_settings.py"
PASSWORD = "correct horse battery"


@pytest.fixture
def desk(sqlite_url, monkeypatch) -> str:
    """The demo database in sign-in mode with a reviewer and an editor."""
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WORKBENCH_AUTH", "password")
    assert workbench_cli(["init", "--demo"]) == 0
    with open_database(sqlite_url).session() as session:
        add_user(session, username="ana", password=PASSWORD, role="reviewer", display_name="Ana Reviewer")
        add_user(session, username="ed", password=PASSWORD, role="editor", display_name="Ed Editor")
    return sqlite_url


def _signed_out() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _sign_in(username: str, password: str = PASSWORD, at: AppTest | None = None) -> AppTest:
    at = at or _signed_out()
    at.text_input(key="signin.username").input(username)
    at.text_input(key="signin.password").input(password)
    at.button(key="signin.submit").click().run()
    assert not at.exception, at.exception
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_signed_out_browser_sees_only_the_sign_in_form(desk):
    at = _signed_out()
    assert [t.value for t in at.title] == ["Sign in"]
    assert not any('class="article-text"' in m.value for m in at.markdown)
    assert not at.selectbox and not at.sidebar.text_input  # no claim, no reviewer field
    assert [b.label for b in at.button] == ["Sign in"]


@pytest.mark.parametrize(("username", "password"), [("ana", "wrong password"), ("nobody", PASSWORD)])
def test_a_failed_sign_in_says_nothing_about_which_part_was_wrong(desk, username, password):
    at = _sign_in(username, password)
    assert at.error[0].value == "Sign-in failed: unknown username or wrong password."
    assert at.title[0].value == "Sign in"
    assert at.text_input(key="signin.password").value == ""  # the password is not kept


def test_repeated_failures_lock_the_username_even_for_the_right_password(desk):
    at = _signed_out()
    for _ in range(5):
        _sign_in("ed", "guess guess", at)
    _sign_in("ed", PASSWORD, at)
    assert "Too many failed sign-ins" in at.error[0].value and at.title[0].value == "Sign in"
    other = _sign_in("ana")  # another username is not locked
    assert other.title[0].value == "Review claims"


def test_a_reviewer_proposes_under_their_own_name_and_cannot_publish(desk):
    at = _sign_in("ana")
    assert at.title[0].value == "Review claims"
    assert any("Signed in as **Ana Reviewer** (reviewer)" in m.value for m in at.sidebar.markdown)
    claim_id = shown_claim(at)
    at.selectbox(key=panel_key(at, "verdict.rating")).select("Half true")
    at.text_area(key=panel_key(at, "verdict.rationale")).input("263 registered, not all Western.")
    at.button(key="verdict.submit").click().run()
    assert at.success[0].value == "Saved.", [e.value for e in at.error]
    assert not [b for b in at.button if b.key == "verdict.publish"]
    assert any("An editor publishes" in c.value for c in at.caption)
    with open_database(desk).session() as session:
        verdict = get_claim(session, claim_id).verdict
    assert (verdict.rating, verdict.reviewer, verdict.state) == ("Half true", "ana", "proposed")
    with pytest.raises(ValueError):  # the settings page is not in a reviewer's navigation
        _open(at, SETTINGS)


def test_an_editor_publishes_the_proposal(desk):
    reviewer = _sign_in("ana")
    claim_id = shown_claim(reviewer)
    reviewer.selectbox(key=panel_key(reviewer, "verdict.rating")).select("False")
    reviewer.text_area(key=panel_key(reviewer, "verdict.rationale")).input("Fewer than 250.")
    reviewer.button(key="verdict.submit").click().run()
    editor = _sign_in("ed")
    assert shown_claim(editor) == claim_id
    editor.button(key="verdict.publish").click().run()
    assert editor.success[0].value == "Published.", [e.value for e in editor.error]
    with open_database(desk).session() as session:
        verdict = get_claim(session, claim_id).verdict
    assert (verdict.state, verdict.published_by, verdict.reviewer) == ("published", "ed", "ana")
    assert any(s.value.startswith("Published: False (by ed") for s in editor.success)


def test_signing_out_and_a_disabled_account_return_to_the_form(desk):
    at = _sign_in("ana")
    at.sidebar.button(key="signin.signout").click().run()
    assert at.title[0].value == "Sign in"
    at = _sign_in("ed")
    with open_database(desk).session() as session:
        from workbench.storage.users import set_active

        set_active(session, username="ed", active=False)
    at.run()
    assert at.title[0].value == "Sign in"  # disabling applies at the next rerun


def test_the_editor_changes_the_rating_scale_and_reviewers_choose_from_it(desk):
    editor = _open(_sign_in("ed"), SETTINGS)
    assert editor.title[0].value == "Desk settings"
    editor.button(key="settings.save").click().run()  # the default scale, unchanged, saves
    assert editor.success[0].value == "Saved a scale of 6 ratings."
    with open_database(desk).session() as session:
        save_scale(session, [{"name": "Correct", "meaning": "Right."}, {"name": "Wrong", "meaning": "No."}],
                   editor="ed")  # fmt: skip
    reviewer = _sign_in("ana")
    assert reviewer.selectbox(key=panel_key(reviewer, "verdict.rating")).options == [
        "Correct — Right.",
        "Wrong — No.",
    ]
    editor = _open(_sign_in("ed"), SETTINGS)
    assert any("Last changed by ed" in c.value for c in editor.caption)
    editor.button(key="settings.reset").click().run()
    assert editor.success[0].value == "Restored the default scale."


def test_single_user_mode_is_the_default_and_says_so(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("WORKBENCH_AUTH", raising=False)
    assert workbench_cli(["init", "--demo"]) == 0
    at = _signed_out()
    assert at.title[0].value == "Review claims"
    assert at.sidebar.caption[0].value == "Single-user mode: no sign-in."
    at = _open(at, SETTINGS)  # the one person at the keyboard may change settings
    assert at.title[0].value == "Desk settings" and at.sidebar.caption[0].value.startswith("Single-user")
    [model] = at.info  # which check-worthiness model scores the queue
    assert model.value.startswith("Using the shipped model") and "ClaimBuster" in model.value


def test_oidc_mode_without_configuration_explains_what_is_missing(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WORKBENCH_AUTH", "oidc")
    assert workbench_cli(["init"]) == 0
    at = _signed_out()
    assert at.title[0].value == "Sign in" and "no complete [auth] section" in at.error[0].value


def test_oidc_mode_with_configuration_offers_the_provider_sign_in(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WORKBENCH_AUTH", "oidc")
    assert workbench_cli(["init"]) == 0
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "random", "client_id": "wb",
        "client_secret": "s", "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
    }  # fmt: skip
    at.run()
    assert not at.exception and not at.error
    assert [b.label for b in at.button] == ["Sign in with your organisation's account"]


def _propose(at: AppTest, rating: str, rationale: str) -> int:
    claim_id = shown_claim(at)
    at.selectbox(key=panel_key(at, "verdict.rating")).select(rating)
    at.text_area(key=panel_key(at, "verdict.rationale")).input(rationale)
    at.button(key="verdict.submit").click().run()
    assert at.success[0].value == "Saved.", [e.value for e in at.error]
    return claim_id


def test_with_a_second_person_required_an_editor_cannot_publish_their_own_proposal(desk):
    with open_database(desk).session() as session:
        add_user(session, username="eve", password=PASSWORD, role="editor", display_name="Eve Editor")
    editor = _open(_sign_in("ed"), SETTINGS)
    assert editor.toggle(key="settings.second_person").value is False
    editor.toggle(key="settings.second_person").set_value(True).run()
    assert editor.success[0].value.startswith("Publishing now needs a second person")
    editor = _sign_in("ed")
    claim_id = _propose(editor, "False", "Fewer than 250.")
    assert any("You proposed this verdict" in c.value for c in editor.caption)
    editor.button(key="verdict.publish").click().run()
    assert "You (Ed Editor) proposed this verdict" in editor.error[0].value
    with open_database(desk).session() as session:
        assert get_claim(session, claim_id).verdict.state == "proposed"
    queue = _open(_sign_in("eve"), "app_pages/review_queue.py")
    assert queue.toggle(key="queue.waiting").label == "Waiting to publish (1)"
    queue.toggle(key="queue.waiting").set_value(True).run()
    (table,) = [df.value for df in queue.dataframe if "worthiness" in df.value.columns]
    assert list(table["id"]) == [claim_id] and list(table["verdict_state"]) == ["proposed"]
    second = _sign_in("eve")
    assert shown_claim(second) == claim_id
    second.button(key="verdict.publish").click().run()
    assert second.success[0].value == "Published.", [e.value for e in second.error]
    with open_database(desk).session() as session:
        claim = get_claim(session, claim_id)
    assert (claim.verdict.published_by, claim.verdict.reviewer, claim.status) == ("eve", "ed", "published")
    queue = _open(_sign_in("eve"), "app_pages/review_queue.py")
    assert queue.toggle(key="queue.waiting").label == "Waiting to publish (0)"
    reviewer = _open(_sign_in("ana"), "app_pages/review_queue.py")
    assert not [t for t in reviewer.toggle if t.key == "queue.waiting"]  # reviewers do not publish
