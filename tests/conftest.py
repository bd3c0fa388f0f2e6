"""Shared fixtures: databases (SQLite and PostgreSQL), a served app, and the system's Chromium.

    def test_storage_roundtrip(database_url): ...      # runs twice: [sqlite] and [postgres]
    def test_search(postgres_url): ...                 # one PostgreSQL database per test module
    def test_review_page(demo_app, page):              # app with demo content, in Chromium
        page.goto(demo_app.url)
    @pytest.mark.parametrize("served_app", [True], indirect=True)   # same as demo_app
    def test_x(served_app): ...
    def test_two_apps(serve_app): a, b = serve_app(), serve_app(demo=True)

A fixture whose component is missing (no chromium on PATH, no WORKBENCH_TEST_POSTGRES_URL, no
workbench/app.py yet) skips the test, or fails it when CI=true (see tests.support.require_component).
Tests using `page`/`browser` are marked `browser`, tests using PostgreSQL `postgres`, so
`pytest -m "not browser"` gives a quick run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tests.support import ARTIFACTS_DIR, require_component
from tests.support import browser as browser_support
from tests.support import postgres as pg
from tests.support import server as server_support
from tests.support.server import ServedApp, ServerError

# No clock in a test: Hypothesis's default 200 ms deadline per example fails a correct property on a
# loaded machine. Speed is measured by the bench/ scripts (bench/linearity.py for growth).
settings.register_profile("workbench", deadline=None)
settings.load_profile("workbench")

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

CONSOLE_KEY = pytest.StashKey[list[str]]()
BROWSER_FIXTURES = {"browser", "page"}
POSTGRES_FIXTURES = {"postgres_server_url", "postgres_url", "fresh_postgres_url"}


# --- hooks -----------------------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    # Also declared in pyproject.toml; repeated so the fixtures work when imported from elsewhere.
    config.addinivalue_line("markers", "browser: drives the real app in headless Chromium")
    config.addinivalue_line("markers", "postgres: needs a PostgreSQL server (WORKBENCH_TEST_POSTGRES_URL)")


# Run first: the longest test, so that with two processes (`make test`) one runs it while the other
# runs everything else, instead of it starting last and the run waiting for it alone.
LONGEST_FIRST = ("test_browser_soak.py",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by the components their fixtures need, so `-m "not browser"` works; longest first."""
    items.sort(key=lambda item: item.path.name not in LONGEST_FIRST)  # stable: the rest keep their order
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & POSTGRES_FIXTURES:
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what tests recorded as counts (``record_property("counts", ...)``: the soak test's), passed
    or failed; a test process's own output does not reach the terminal when the suite runs in two."""
    lines = [
        f"{report.nodeid}: {value}"
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "counts"
    ]
    if lines:
        terminalreporter.section("counts")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """On a failed test, attach the server log, and a screenshot and console of the page."""
    report: pytest.TestReport = yield
    if not report.failed:
        return report
    servers: dict[str, ServedApp] = {}  # by URL: a fixture wrapping serve_app shows up twice
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, ServedApp):
            servers[value.url] = value
        elif isinstance(value, AppServer):
            servers.update((served.url, served) for served in value.served)
    for url, served in servers.items():
        report.sections.append((f"streamlit server log ({url})", served.log_tail()))
    page = getattr(item, "funcargs", {}).get("page")
    if report.when == "call" and page is not None:
        report.sections.append(("page", _save_screenshot(page, item.name)))
        console = item.stash.get(CONSOLE_KEY, [])
        if console:
            report.sections.append(("browser console", "\n".join(console[-50:])))
    return report


def _save_screenshot(page: Page, test_name: str) -> str:
    from playwright.sync_api import Error as PlaywrightError

    path = browser_support.artifact_path(ARTIFACTS_DIR, test_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=path, full_page=True)
    except PlaywrightError as error:  # a crashed or closed page cannot be photographed
        return f"no screenshot: {error}"
    return f"url {page.url}\nscreenshot {path}"


# --- databases -------------------------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite database file of this test's own (not in memory: Streamlit uses threads)."""
    return f"sqlite:///{tmp_path / 'workbench.db'}"


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    """The PostgreSQL server from WORKBENCH_TEST_POSTGRES_URL, checked to accept connections."""
    url = pg.server_url_from_env()
    require_component(url, f"{pg.ENV_VAR} is not set (scripts/start_postgres.sh starts a server)")
    assert url is not None
    reachable, why = pg.server_reachable(url)
    require_component(reachable, f"PostgreSQL from {pg.ENV_VAR} is unreachable: {why}")
    return url


@pytest.fixture(scope="module")
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A throw-away PostgreSQL database for this test module (postgresql+psycopg:// URL)."""
    name, url = pg.create_database(postgres_server_url)
    yield url
    pg.drop_database(postgres_server_url, name)


@pytest.fixture
def fresh_postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A throw-away PostgreSQL database for this one test (creating one takes about 0.1 s)."""
    name, url = pg.create_database(postgres_server_url)
    yield url
    pg.drop_database(postgres_server_url, name)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database of this test's own, once SQLite and once PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("fresh_postgres_url")


# --- the served app --------------------------------------------------------------------------------


class AppServer:
    """Serves apps for one test module; each call gets its own SQLite database and port."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.served: list[ServedApp] = []
        self.failures: list[str] = []

    def __call__(self, demo: bool = False, *, script: Path | None = None) -> ServedApp:
        """Serve workbench/app.py on a database made by `workbench init [--demo]`, or serve `script`."""
        if script is None:
            require_component(server_support.APP_SCRIPT.exists(), "workbench/app.py does not exist")
        number = len(self.served) + len(self.failures)
        database_url = f"sqlite:///{self.directory / f'app{number}.db'}"
        try:
            if script is None:
                server_support.init_database(database_url, demo=demo)
            served = server_support.start_app(
                database_url=database_url,
                log_path=self.directory / f"app{number}.log",
                script=script or server_support.APP_SCRIPT,
            )
        except ServerError as error:
            self.failures.append(str(error))
        else:
            self.served.append(served)
            return served
        pytest.fail(self.failures[-1], pytrace=False)  # outside `except`: no chained traceback

    def stop_all(self) -> None:
        for served in self.served:
            server_support.stop_app(served)


@pytest.fixture(scope="module")
def serve_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """Factory: `serve_app(demo=False, script=None)` -> ServedApp; all stopped after the module."""
    server = AppServer(tmp_path_factory.mktemp("served-app"))
    yield server
    server.stop_all()


@pytest.fixture(scope="module")
def served_app(request: pytest.FixtureRequest, serve_app: AppServer) -> ServedApp:
    """The app on an initialised, empty database (indirect param True: with demo content)."""
    return serve_app(demo=bool(getattr(request, "param", False)))


@pytest.fixture(scope="module")
def demo_app(serve_app: AppServer) -> ServedApp:
    """The app on a database made by `python -m workbench init --demo`."""
    return serve_app(demo=True)


# --- the browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium (never a downloaded one), shared by the session."""
    executable = browser_support.find_chromium()
    require_component(executable, "chromium is not on PATH (Debian: apt-get install chromium)")
    assert executable is not None
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=browser_support.DEFAULT_TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        chromium = browser_support.launch_chromium(playwright, executable)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in a fresh context (1400x2200, downloads accepted); screenshot on failure."""
    context = browser_support.new_context(browser)
    console: list[str] = []
    request.node.stash[CONSOLE_KEY] = console

    def record(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            console.append(f"{message.type}: {message.text}")

    new_page = browser_support.open_page(context)
    new_page.on("console", record)
    new_page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    yield new_page
    context.close()
