"""Signing in with the organisation's account (OIDC) in Chromium returns to the page that was asked for.

The provider (served on 127.0.0.1 by tests/test_oidc_signin.py's Provider) sends the browser back to the
app's root, as every OIDC sign-in through Streamlit does; the app then opens the page the signed-out
browser had asked for, with its query.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support.server import init_database, stop_app
from tests.test_oidc_signin import EMAIL, Provider, serve_oidc_app
from workbench.storage.database import open_database
from workbench.storage.users import add_user


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    served = Provider(EMAIL)
    yield served
    served.close()


@pytest.fixture(scope="module")
def oidc_app(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("oidc-app")
    database_url = f"sqlite:///{folder / 'app.db'}"
    init_database(database_url, demo=True)
    database = open_database(database_url, migrate=False)
    with database.session() as session:
        add_user(session, username=EMAIL, password=None, role="editor", display_name="Ana")
    database.engine.dispose()
    served = serve_oidc_app(provider, database_url, folder, secrets.token_hex(16))
    yield served
    stop_app(served)


def test_signing_in_with_the_provider_returns_to_the_page_asked_for(oidc_app, provider, page: Page):
    page.goto(f"{oidc_app.url}/queue?status=new&size=25")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/queue\?status=new&size=25$"))  # signed out, the address stays
    # the button leaves the app for the provider, which signs Ana in and sends the browser to the root
    page.get_by_role("button", name="Sign in with your organisation's account").click()
    expect(page.get_by_role("heading", name="Review queue", level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/queue\?(?=.*status=new)(?=.*size=25)"))
    expect(page.get_by_text("Signed in as Ana (editor)")).to_be_visible()
    assert provider.exchanged  # a real code exchange, not a shortcut

    # once there, the wish is spent: the root page stays the root page
    page.goto(oidc_app.url)
    expect(page.get_by_role("heading", name="Review claims", level=1)).to_be_visible()
    assert not any(c["name"] == "workbench_return" and c["value"] for c in page.context.cookies())
