"""The sign-in gate (Streamlit): in sign-in mode a signed-out browser sees the sign-in form and nothing else.

Modes (WORKBENCH_AUTH): ``none`` (default) single user, the reviewer types a name; ``password`` users of
the users table sign in with a password; ``oidc`` Streamlit's st.login with the provider configured in
.streamlit/secrets.toml, the signed-in e-mail address matched to an active user of the users table.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from urllib.parse import parse_qsl, unquote, urlsplit

import streamlit as st

from workbench.domain.auth import GENERIC_FAILURE, User, auth_mode, oidc_configured
from workbench.domain.textsafe import inert
from workbench.storage.sign_in import sign_in
from workbench.storage.users import get_user
from workbench.ui import reviewer_cookie, state
from workbench.ui.resources import database

USERNAME = "signin.username"
PASSWORD = "signin.password"
SUBMIT = "signin.submit"
SIGN_OUT = "signin.signout"


def mode() -> str:
    return auth_mode(os.environ)


def gate(pages: Sequence[st.Page] = ()) -> User | None:
    """None in single-user mode; else the signed-in user, after stopping the script at the sign-in form
    for a signed-out browser.

    ``pages``: every page of the app. A signed-out browser's run registers them, hidden, so the page it
    asked for (``/queue``, ``/settings``) stays in its address and is the one shown once signed in.
    """
    chosen = mode()
    if chosen == "none":
        return None
    user = _oidc_user() if chosen == "oidc" else _password_user()
    if user is None:
        if pages:
            st.navigation(list(pages), position="hidden")  # keeps the address; its page is not run
        st.stop()
    return user


def _fresh(user: User | None) -> User | None:
    """The stored state of a signed-in user: a disabled account or a changed role applies at once."""
    if user is None:
        return None
    with database().session() as session:
        stored = get_user(session, user.username)
    return stored if stored is not None and stored.active else None


def _password_user() -> User | None:
    user = _fresh(state.signed_in_user())
    st.session_state[state.AUTH_USER] = user
    if user is not None:
        return user
    st.title("Sign in")
    state.show_flash()
    with st.form("signin.form"):
        st.text_input("Username", key=USERNAME, autocomplete="username")
        st.text_input("Password", key=PASSWORD, type="password", autocomplete="current-password")
        st.form_submit_button("Sign in", type="primary", on_click=_sign_in, key=SUBMIT)
    st.caption("No account? An admin adds one: python -m workbench users add USERNAME --role reviewer")
    return None


def _sign_in() -> None:
    username = (st.session_state.get(USERNAME) or "").strip()
    password = st.session_state.get(PASSWORD) or ""
    st.session_state[PASSWORD] = ""  # never kept in the session
    outcome = sign_in(database(), username=username, password=password, client=st.context.ip_address)
    if outcome.locked_for_s:
        minutes = math.ceil(outcome.locked_for_s / 60)
        state.flash("error", f"Too many failed sign-ins: try again in {minutes} min.")
        return
    if outcome.user is None:
        state.flash("error", GENERIC_FAILURE)
        return
    st.session_state[state.AUTH_USER] = outcome.user


def _sign_out() -> None:
    st.session_state.pop(state.AUTH_USER, None)


def _oidc_user() -> User | None:
    secrets = st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    if not oidc_configured(secrets):
        st.title("Sign in")
        st.error(
            "WORKBENCH_AUTH=oidc, but .streamlit/secrets.toml has no complete [auth] section "
            "(redirect_uri, cookie_secret, client_id, client_secret, server_metadata_url). See the README."
        )
        return None
    if not st.user.get("is_logged_in", False):
        st.title("Sign in")
        # the provider sends the browser back to the app's root: the page asked for waits in a cookie
        st.html(return_cookie_script(remember=True), unsafe_allow_javascript=True)
        st.button("Sign in with your organisation's account", type="primary", on_click=st.login)
        return None
    with database().session() as session:
        user = get_user(session, str(st.user.get("email") or ""))
    if user is None or not user.active:
        st.title("Sign in")
        st.error(
            f"{inert(st.user.get('email'))} is not an active user of this desk. An admin adds you with: "
            "python -m workbench users add EMAIL --role reviewer --no-password"
        )
        st.button("Sign out", on_click=st.logout)
        return None
    st.session_state[state.AUTH_USER] = user
    return user


def render_sidebar(user: User | None) -> None:
    """Who is working, on every page: the signed-in user and a sign-out button, or single-user mode."""
    if user is None:
        reviewer_cookie.restore(state.REVIEWER)  # a refresh or a new tab of this browser knows the name
        name = st.sidebar.text_input(
            "Reviewer", key=state.REVIEWER, help="Your name is stored with every verdict and link."
        )
        reviewer_cookie.keep(name)
        st.sidebar.caption("Single-user mode: no sign-in.")
        return
    st.sidebar.markdown(f"Signed in as **{user.display_name}** ({user.role})")
    sign_out = st.logout if mode() == "oidc" else _sign_out
    st.sidebar.button("Sign out", key=SIGN_OUT, on_click=sign_out)


def can_edit_settings(user: User | None) -> bool:
    """Single-user mode's one person may; in sign-in mode editors and admins."""
    return user is None or user.can_edit_settings


def editor_pages(user: User | None) -> list[st.Page]:
    """The pages only editors and admins see in the navigation."""
    if not can_edit_settings(user):
        return []
    return [
        st.Page(
            "app_pages/desk_settings.py", title="Desk settings", icon=":material/tune:", url_path="settings"
        )
    ]


RETURN_COOKIE = "workbench_return"
RETURN_MAX_AGE_S = 900  # a sign-in at the provider takes minutes at most; an older wish is forgotten
RETURNED = "signin.returned"
RETURN_CLEAR = "signin.return_clear"


def return_cookie_script(*, remember: bool) -> str:
    """JavaScript that keeps the page's own path and query in a short-lived cookie, or removes it.

    The value is the browser's own address, never text from the server, so nothing typed reaches it.
    """
    if remember:
        value, age = "encodeURIComponent(location.pathname + location.search)", RETURN_MAX_AGE_S
    else:
        value, age = "''", 0
    return (
        f"<script>document.cookie = '{RETURN_COOKIE}=' + {value} + "
        f"'; path=/; max-age={age}; SameSite=Lax';</script>"
    )


def return_target(cookie: str | None, url_paths: Sequence[str]) -> tuple[str, dict[str, str]] | None:
    """The page (its ``url_path``) and query a signed-out browser asked for, from the cookie's value;
    None for the root page, a page the app does not have, or anything that is not a path of this app.

    >>> return_target("%2Fqueue%3Fstatus%3Dnew%26page%3D2", ["queue", "settings"])
    ('queue', {'status': 'new', 'page': '2'})
    >>> [return_target(c, ["queue"]) for c in ("%2F", "%2F%2Fevil.example%2Fqueue", "https%3A%2F%2Fx")]
    [None, None, None]
    """
    if not cookie:
        return None
    target = unquote(cookie)
    if not target.startswith("/") or target.startswith("//"):
        return None  # only a path of this app, never another site
    parts = urlsplit(target)
    segment = parts.path.strip("/").split("/", 1)[0]
    if not segment or segment not in url_paths:
        return None
    return segment, dict(parse_qsl(parts.query))


def return_to_asked_page(pages: Sequence[st.Page], current: st.Page) -> None:
    """Once signed in with the organisation's account, open the page the browser asked for before it
    went to the provider, which always sends it back to the root page. Only from the root page, once per
    session; the cookie is removed on the next run (a page switch leaves nothing drawn)."""
    if mode() != "oidc":
        return
    if st.session_state.pop(RETURN_CLEAR, False):
        st.html(return_cookie_script(remember=False), unsafe_allow_javascript=True)
    if st.session_state.get(RETURNED):
        return
    st.session_state[RETURNED] = True
    cookie = st.context.cookies.get(RETURN_COOKIE)
    if cookie is None:
        return
    st.session_state[RETURN_CLEAR] = True
    target = return_target(cookie, [page.url_path for page in pages])
    if target is None or current.url_path:  # asked for the root, or the browser is on a page already
        return
    path, query = target
    st.switch_page(next(p for p in pages if p.url_path == path), query_params=query)
