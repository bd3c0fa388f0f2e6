"""Sign-in without Streamlit: modes, OIDC configuration, Argon2 hashes, roles, the failure rate limit."""

from __future__ import annotations

import pytest

from workbench.domain.auth import (
    User,
    auth_mode,
    check_role,
    hash_password,
    needs_rehash,
    oidc_configured,
    verify_or_dummy,
    verify_password,
)
from workbench.domain.errors import InputError

OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-string",
    "client_id": "workbench",
    "client_secret": "s3cret",
    "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration",
}

PROVIDER = {k: OIDC[k] for k in ("client_id", "client_secret", "server_metadata_url")}


@pytest.mark.parametrize(
    ("environ", "mode"),
    [({}, "none"), ({"WORKBENCH_AUTH": ""}, "none"), ({"WORKBENCH_AUTH": " Password "}, "password"),
     ({"WORKBENCH_AUTH": "oidc"}, "oidc")],
)  # fmt: skip
def test_single_user_mode_is_the_default_and_sign_in_is_switched_on_explicitly(environ, mode):
    assert auth_mode(environ) == mode


def test_an_unknown_mode_is_refused_rather_than_left_open():
    with pytest.raises(InputError, match="WORKBENCH_AUTH='ldap'"):
        auth_mode({"WORKBENCH_AUTH": "ldap"})


@pytest.mark.parametrize(
    ("secrets", "configured"),
    [
        ({}, False),
        ({"auth": {}}, False),
        ({"auth": OIDC}, True),
        ({"auth": {k: v for k, v in OIDC.items() if k != "cookie_secret"}}, False),
        ({"auth": {k: v for k, v in OIDC.items() if k != "client_secret"}}, False),
        # a named provider: st.login("google") reads [auth.google]
        ({"auth": {"redirect_uri": "u", "cookie_secret": "c", "google": PROVIDER}}, True),
    ],
)  # fmt: skip
def test_oidc_needs_a_complete_auth_section(secrets, configured):
    assert oidc_configured(secrets) is configured


def test_hashes_are_argon2id_salted_and_verify_only_the_right_password():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("$argon2id$") and first != second  # salted
    assert "correct horse" not in first
    assert verify_password(first, "correct horse") and verify_password(second, "correct horse")
    assert not verify_password(first, "correct horsE")
    assert not verify_password(first, "")
    assert not verify_password("not a hash", "correct horse")
    assert not needs_rehash(first) and needs_rehash("not a hash")


def test_an_unknown_user_costs_a_verification_and_never_matches():
    assert verify_or_dummy(None, "anything at all") is False
    assert verify_or_dummy(hash_password("password 1"), "password 1") is True


@pytest.mark.parametrize("password", ["short", "x" * 1001])
def test_too_short_or_too_long_passwords_are_refused(password):
    with pytest.raises(InputError, match="password is too"):
        hash_password(password)


def test_roles_decide_who_publishes_and_who_edits_settings():
    assert check_role("editor") == "editor"
    with pytest.raises(InputError, match="Unknown role"):
        check_role("owner")
    rights = {r: (User("u", "U", r).can_publish, User("u", "U", r).can_edit_settings) for r in
              ("reviewer", "editor", "admin")}  # fmt: skip
    assert rights == {"reviewer": (False, False), "editor": (True, True), "admin": (True, True)}
