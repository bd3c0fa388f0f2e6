"""The test fixtures themselves work: a served app, Chromium, throw-away PostgreSQL, strict CI skips."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import pytest

from tests.support import REPO_ROOT
from tests.support import postgres as pg
from tests.support.server import ServedApp

PROBE_SCRIPT = """
import os

import streamlit as st

st.title("Infrastructure probe")
st.write("database:", os.environ["WORKBENCH_DATABASE_URL"])
if st.button("Count", key="probe.count"):
    st.session_state["clicks"] = st.session_state.get("clicks", 0) + 1
st.write(f"clicks: {st.session_state.get('clicks', 0)}")
"""


@pytest.fixture(scope="module")
def probe_app(serve_app, tmp_path_factory: pytest.TempPathFactory) -> ServedApp:
    script = tmp_path_factory.mktemp("probe") / "probe_app.py"
    script.write_text(PROBE_SCRIPT, encoding="utf-8")
    return serve_app(script=script)


def test_served_app_answers_health(probe_app: ServedApp) -> None:
    with urllib.request.urlopen(f"{probe_app.url}/_stcore/health", timeout=5) as response:
        assert response.status == 200
        assert response.read().decode().strip() == "ok"
    assert probe_app.process.poll() is None, "the server should still be running"
    assert probe_app.database_url.startswith("sqlite:///")


def test_chromium_renders_and_screenshots(probe_app: ServedApp, page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page.goto(probe_app.url)
    expect(page.get_by_role("heading", name="Infrastructure probe")).to_be_visible()
    # The script saw the database URL the fixture set.
    expect(page.get_by_text(probe_app.database_url)).to_be_visible()
    page.get_by_role("button", name="Count").click()
    expect(page.get_by_text("clicks: 1")).to_be_visible()

    shot = tmp_path / "probe.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.viewport_size == {"width": 1400, "height": 2200}
    user_agent = page.evaluate("navigator.userAgent")
    assert "HeadlessChrome" in user_agent or "Chrome/" in user_agent


@pytest.mark.parametrize(
    ("path", "title"),
    [("", "Review claims"), ("add", "Add an article"), ("sources", "Sources"), ("export", "Export verdicts")],
)
def test_demo_app_pages_render_in_chromium(demo_app: ServedApp, page, path: str, title: str) -> None:
    """The real app, initialised by `python -m workbench init --demo`, renders every page without error."""
    from playwright.sync_api import expect

    page.goto(f"{demo_app.url}/{path}")
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)  # the script run has finished
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert "Traceback" not in demo_app.log_tail()


def test_stopping_the_server_ends_its_process_group(serve_app, tmp_path: Path) -> None:
    from tests.support.server import stop_app

    script = tmp_path / "tiny.py"
    script.write_text("import streamlit as st\nst.write('tiny')\n", encoding="utf-8")
    served = serve_app(script=script)
    stop_app(served)
    assert served.process.poll() is not None
    with pytest.raises(ProcessLookupError):
        os.killpg(served.process.pid, 0)


def test_postgres_database_is_reachable_then_dropped(postgres_server_url: str) -> None:
    import psycopg
    import sqlalchemy

    name, url = pg.create_database(postgres_server_url)
    try:
        assert url.startswith("postgresql+psycopg://") and url.endswith(f"/{name}")
        engine = sqlalchemy.create_engine(url)
        with engine.connect() as connection:
            assert connection.execute(sqlalchemy.text("SELECT current_database()")).scalar() == name
        # A connection left open must not block the drop (DROP ... WITH (FORCE)).
        lingering = psycopg.connect(pg.libpq_url(url))
        engine.dispose()
        assert pg.database_exists(postgres_server_url, name)
    finally:
        pg.drop_database(postgres_server_url, name)
    assert not pg.database_exists(postgres_server_url, name)
    assert lingering.closed or lingering.broken or _connection_is_dead(lingering)


def _connection_is_dead(connection) -> bool:
    import psycopg

    try:
        connection.execute("SELECT 1")
    except psycopg.OperationalError:
        return True
    return False


def test_postgres_url_is_a_module_database(postgres_url: str, postgres_server_url: str) -> None:
    name = postgres_url.rsplit("/", 1)[1]
    assert name.startswith(pg.NAME_PREFIX)
    assert pg.database_exists(postgres_server_url, name)


def test_database_url_is_usable(database_url: str) -> None:
    import sqlalchemy

    engine = sqlalchemy.create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(sqlalchemy.text("CREATE TABLE probe (id INTEGER PRIMARY KEY, label TEXT)"))
            connection.execute(sqlalchemy.text("INSERT INTO probe (id, label) VALUES (1, 'ok')"))
        with engine.connect() as connection:
            assert connection.execute(sqlalchemy.text("SELECT label FROM probe")).scalar() == "ok"
    finally:
        engine.dispose()


# --- strict skips under CI=true ---------------------------------------------------------------------

MISSING_COMPONENT_TESTS = """
from tests.support import require_component

def test_needs_a_widget():
    require_component(False, "the widget is not installed")

def test_needs_postgres(postgres_url):
    pass
"""


def _run_pytest(tmp_path: Path, *, ci: bool) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text("from tests.conftest import *  # noqa: F403\n", encoding="utf-8")
    (tmp_path / "test_missing.py").write_text(textwrap.dedent(MISSING_COMPONENT_TESTS), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in {"CI", pg.ENV_VAR}}
    if ci:
        env["CI"] = "true"
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rfEs", "-p", "no:cacheprovider", "--rootdir", str(tmp_path), "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_component_is_skipped_outside_ci(tmp_path: Path) -> None:
    done = _run_pytest(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 skipped" in done.stdout
    assert "the widget is not installed" in done.stdout
    assert pg.ENV_VAR in done.stdout


def test_missing_component_fails_under_ci(tmp_path: Path) -> None:
    done = _run_pytest(tmp_path, ci=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 failed" in done.stdout and "1 error" in done.stdout
    assert "skipped" not in done.stdout
    assert "CI=true and a required component is missing: the widget is not installed" in done.stdout
