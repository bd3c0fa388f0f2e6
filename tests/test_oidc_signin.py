"""WORKBENCH_AUTH=oidc against an OpenID provider served on 127.0.0.1 inside the test (tokens by joserfc).

The served app runs the real flow: /auth/login sends the browser to the provider, the provider sends
it back with a code, Streamlit exchanges the code (server to server) and checks the signed ID token,
then sets its sign-in cookie; /auth/logout clears it. What the app does with the signed-in address
(role from the users table, refusal of unknown addresses, sign-out) is checked with AppTest.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.cookiejar import CookieJar
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest

pytest.importorskip("authlib", reason="the OIDC tests need Authlib (pip install 'claim-workbench[test]')")
pytest.importorskip("joserfc", reason="the OIDC tests need joserfc (pip install 'claim-workbench[test]')")

from joserfc import jwt  # Authlib's own JOSE library (authlib.jose is deprecated)
from joserfc.jwk import OctKey, RSAKey
from streamlit.testing.v1 import AppTest

from tests.support.server import ServedApp, start_app, stop_app
from workbench.commands.cli import main as workbench_cli
from workbench.storage.database import open_database
from workbench.storage.users import add_user

APP = str(Path(__file__).resolve().parent.parent / "workbench" / "app.py")
CLIENT_ID, CLIENT_SECRET = "workbench", "provider-shared-secret"
EMAIL = "ana@desk.example"


class Provider:
    """A minimal OpenID provider: discovery, authorize (signs Ana in at once), token, JWKS, userinfo."""

    def __init__(self, email: str) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key"}, private=True)
        self.email = email
        self.codes: dict[str, dict] = {}  # code -> the authorize request's redirect_uri and nonce
        self.exchanged: list[str] = []  # codes traded for tokens, with the right client secret
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, body: dict, status: int = 200) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                if path == "/.well-known/openid-configuration":
                    self._json(provider.metadata())
                elif path == "/jwks":
                    self._json({"keys": [provider.key.as_dict(private=False)]})
                elif path == "/authorize":
                    params = dict(urllib.parse.parse_qsl(query))
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = params
                    target = f"{params['redirect_uri']}?" + urllib.parse.urlencode(
                        {"code": code, "state": params["state"]}
                    )
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                elif path == "/userinfo":
                    self._json(provider.claims())
                else:
                    self._json({"error": "not_found"}, 404)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                client = (form.get("client_id"), form.get("client_secret"))
                auth = self.headers.get("Authorization", "")
                if auth.startswith("Basic "):
                    import base64

                    user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
                    client = (urllib.parse.unquote(user), urllib.parse.unquote(password))
                request = provider.codes.pop(form.get("code", ""), None)
                if client != (CLIENT_ID, CLIENT_SECRET) or request is None:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                provider.exchanged.append(form["code"])
                id_token = jwt.encode(
                    {"alg": "RS256", "kid": "test-key"},
                    provider.claims(nonce=request.get("nonce")),
                    provider.key,
                )
                self._json(
                    {"access_token": "at-" + form["code"], "token_type": "Bearer", "id_token": id_token}
                )

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def metadata(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        }

    def claims(self, nonce: str | None = None) -> dict:
        now = int(time.time())
        claims = {"iss": self.url, "sub": "ana-1", "aud": CLIENT_ID, "iat": now, "exp": now + 300}
        claims |= {"email": self.email, "email_verified": True, "name": "Ana Reviewer"}
        return claims | ({"nonce": nonce} if nonce else {})

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider() -> Iterator[Provider]:
    served = Provider(EMAIL)
    yield served
    served.close()


def _auth_section(provider: Provider, app_url: str, cookie_secret: str) -> dict:
    return {
        "redirect_uri": f"{app_url}/oauth2callback",
        "cookie_secret": cookie_secret,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "server_metadata_url": f"{provider.url}/.well-known/openid-configuration",
    }


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # each hop is checked by the test


def _get(opener, url: str) -> tuple[int, str]:
    """Status and Location of one request (redirects are not followed)."""
    try:
        response = opener.open(Request(url), timeout=30)
    except Exception as error:  # urllib raises HTTPError for an unfollowed 302
        code = getattr(error, "code", None)
        if code is None:
            raise
        return code, error.headers.get("Location", "")
    return response.status, response.headers.get("Location", "")


def serve_oidc_app(provider: Provider, database_url: str, folder: Path, cookie_secret: str) -> ServedApp:
    """The app served with WORKBENCH_AUTH=oidc and an [auth] section pointing at ``provider``."""
    from tests.support.server import free_port

    port = free_port()
    auth = _auth_section(provider, f"http://127.0.0.1:{port}", cookie_secret)
    secrets_file = folder / "secrets.toml"
    secrets_file.write_text("[auth]\n" + "".join(f'{k} = "{v}"\n' for k, v in auth.items()))
    return start_app(
        database_url=database_url,
        log_path=folder / "app.log",
        port=port,
        extra_args=["--secrets.files", str(secrets_file)],
        extra_env={"WORKBENCH_AUTH": "oidc"},
    )


def test_the_served_app_signs_in_through_the_provider_and_out_again(provider, sqlite_url, tmp_path):
    cookie_secret = secrets.token_hex(16)
    served = serve_oidc_app(provider, sqlite_url, tmp_path, cookie_secret)
    app_url = served.url
    try:
        jar = CookieJar()
        opener = build_opener(HTTPCookieProcessor(jar), _NoRedirect())
        # what st.login's button sends the browser to: a short-lived provider token signed with the secret
        token = jwt.encode(
            {"alg": "HS256"},
            {"provider": "default", "exp": int(time.time()) + 120},
            OctKey.import_key(cookie_secret),
        )
        status, location = _get(opener, f"{app_url}/auth/login?provider={token}")
        assert status == 302 and location.startswith(f"{provider.url}/authorize?")
        sent = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))
        assert sent["client_id"] == CLIENT_ID and "openid" in sent["scope"] and sent["nonce"]
        status, callback = _get(opener, location)
        assert status == 302 and callback.startswith(f"{app_url}/oauth2callback?code=")
        status, _ = _get(opener, callback)  # Streamlit trades the code and checks the ID token
        assert status in (302, 303, 307) and provider.exchanged and not provider.codes
        assert any(c.name.startswith("_streamlit_user") and c.value for c in jar), served.log_tail()
        status, _ = _get(opener, f"{app_url}/auth/logout")
        assert status in (302, 303, 307)
        assert not any(c.name.startswith("_streamlit_user") and c.value for c in jar)
    finally:
        stop_app(served)


def _app(provider: Provider, user: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = _auth_section(provider, "http://127.0.0.1:8501", secrets.token_hex(16))
    at.user = user
    return at.run()


def test_the_role_comes_from_the_users_table_and_sign_out_returns_to_the_button(
    provider, sqlite_url, monkeypatch
):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WORKBENCH_AUTH", "oidc")
    assert workbench_cli(["init", "--demo"]) == 0
    database = open_database(sqlite_url)
    with database.session() as session:
        add_user(session, username=EMAIL, password=None, role="editor", display_name="Ana")
    signed_in = provider.claims() | {"is_logged_in": True}  # what the provider's ID token carried

    at = _app(provider, signed_in)
    assert not at.exception
    assert "Signed in as **Ana** (editor)" in [m.value for m in at.sidebar.markdown]
    at.sidebar.button(key="signin.signout").click().run()
    assert at.title[0].value == "Sign in"
    assert at.button[0].label == "Sign in with your organisation's account"

    stranger = _app(provider, signed_in | {"email": "eve@elsewhere.example"})
    assert stranger.title[0].value == "Sign in"
    # the address is shown as text: an invisible word joiner keeps it from becoming a mailto: link
    assert "eve@elsewhere.example is not an active user" in stranger.error[0].value.replace("\u2060", "")
