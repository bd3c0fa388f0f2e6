"""Launch the system's Chromium (Debian's /usr/bin/chromium) through Playwright's sync API.

Never a browser that Playwright downloads: the tests drive the same Chromium a reviewer would
install with apt, found on PATH.  pytest-playwright is not used for that reason.
"""

from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
VIEWPORT = {"width": 1400, "height": 2200}
# Streamlit renders after a websocket round trip and a script run; first loads can be slow on CI.
DEFAULT_TIMEOUT_MS = 20_000

_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9_.\-\[\]]+")


def find_chromium() -> str | None:
    """The path of the `chromium` executable on PATH, or None."""
    return shutil.which("chromium")


def launch_chromium(playwright: Playwright, executable: str) -> Browser:
    """Launch headless Chromium from `executable` with the flags the test suite relies on."""
    return playwright.chromium.launch(
        executable_path=executable,
        headless=True,
        chromium_sandbox=False,
        args=list(CHROMIUM_ARGS),
    )


def new_context(browser: Browser) -> BrowserContext:
    """A fresh browser context (own cookies and storage) with the suite's viewport and timeouts."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context


def artifact_path(directory: Path, test_name: str, suffix: str = ".png") -> Path:
    """Where to save an artifact for `test_name`, with characters unsafe in file names replaced.

    >>> artifact_path(Path("out"), "test_page[demo/1]").as_posix()
    'out/test_page[demo_1].png'
    """
    return directory / f"{_UNSAFE_CHARS.sub('_', test_name)}{suffix}"


# The app is idle when no script runs, the connection is up, no element of an earlier run is left on
# the page (Streamlit keeps them, marked stale, until the new run has replaced them) and nothing is
# moving: an expander still unfolding moves the buttons below it, and a click whose press and release
# land on two different buttons clicks neither (seen under load: Assign pressed, another button released).
_IDLE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && !document.querySelector('[data-stale="true"]')
        && !document.getAnimations().some((a) => a.playState === 'running'
            && a.effect && a.effect.getComputedTiming().iterations !== Infinity);
}"""
# The number of the session's latest script run, as the app shows it (workbench/ui/run_marker.py).
_RUN_JS = "() => Number(getComputedStyle(document.documentElement).getPropertyValue('--workbench-run')) || 0"


# What the page says of itself, for a failure's message.
_STATE_JS = f"""() => {{
    const app = document.querySelector('[data-testid="stApp"]');
    return {{run: ({_RUN_JS})(), script: app && app.getAttribute('data-test-script-state'),
        connection: app && app.getAttribute('data-test-connection-state'),
        stale: document.querySelectorAll('[data-stale="true"]').length}};
}}"""


# Pointer and click events the page received since the last action began, for a failure's message:
# whether a click that started no run reached its button at all.
_EVENTS_JS = """() => {
    if (!window.__workbenchEvents) {
        const note = (event) => window.__workbenchEvents.push(event.type + ' on ' + (
            (event.target.closest && event.target.closest('button, [role=option], a, input, canvas'))
            || event.target).outerHTML.slice(0, 80));
        for (const type of ['pointerdown', 'pointerup', 'click', 'keydown'])
            window.addEventListener(type, note, true);
    }
    window.__workbenchEvents = [];
}"""
_SENT: dict[int, int] = {}  # messages each watched page sent to the server over its websocket
RECLICKED: list[str] = []  # the clicks the app never heard of, clicked again (a test may report them)
REOPENED: list[str] = []  # the options that went before they were clicked, chosen again (likewise)


class NoRunError(AssertionError):
    """An action started no run of the app; ``sent`` is how many messages the page sent the server
    meanwhile (None when not counted)."""

    def __init__(self, message: str, sent: int | None) -> None:
        super().__init__(message)
        self.sent = sent


def open_page(context: BrowserContext) -> Page:
    """A new page of ``context`` whose messages to the server are counted: an action that starts no run
    then says whether anything left the browser."""
    page = context.new_page()
    _SENT[id(page)] = 0

    def on_socket(socket) -> None:
        socket.on("framesent", lambda _frame: _SENT.__setitem__(id(page), _SENT[id(page)] + 1))

    page.on("websocket", on_socket)
    return page


def wait_idle(page: Page, *, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Wait, as a user waits, until the app is idle: no script running, no stale element on the page."""
    page.wait_for_function(_IDLE_JS, timeout=timeout)


@contextmanager
def rerun_of(page: Page, *, timeout: float = DEFAULT_TIMEOUT_MS) -> Iterator[None]:
    """Around an action that reruns the app: wait until idle, act, then wait until the page shows a later
    run than before, finished. An action that starts no run fails here, by name. Nest it for several tabs
    acting at once."""
    wait_idle(page, timeout=timeout)
    before = page.evaluate(_RUN_JS)
    page.evaluate(_EVENTS_JS)
    sent = _SENT.get(id(page))
    yield
    try:
        page.wait_for_function(
            f"() => ({_RUN_JS})() > {before} && ({_IDLE_JS})()", timeout=timeout, polling=100
        )
    except Exception as error:  # Playwright's TimeoutError, said in the test's words
        state, events = page.evaluate(_STATE_JS), page.evaluate("() => window.__workbenchEvents")
        since = None if sent is None else _SENT[id(page)] - sent
        raise NoRunError(
            f"the action started no run of the app within {timeout / 1000:.0f} s (run {before} before it; "
            f"the page now: {state}; events the page received: {events}; messages sent to the server "
            f"since: {'not counted' if since is None else since})",
            since,
        ) from error


def after_rerun(page: Page, action: Callable[[], object], *, timeout: float = DEFAULT_TIMEOUT_MS) -> None:
    """Do ``action`` (a click, a key, a choice) once the app is idle; wait for the run it starts."""
    with rerun_of(page, timeout=timeout):
        action()


def click(page: Page, locator: Locator) -> None:
    """Click a button (or link) that reruns the app, and wait until the run it started is over.

    A click the app never heard of (no run, and not one message left the page: the press and the
    release landed on different elements) is clicked again once, as a reviewer would; it cannot have
    saved anything. Any other click without a run fails."""
    try:
        after_rerun(page, locator.click)
    except NoRunError as error:
        if error.sent != 0:
            raise
        RECLICKED.append(str(error))
        after_rerun(page, locator.click)


def enter(page: Page, locator: Locator, text: str) -> None:
    """Type ``text`` into a field outside a form and press Enter (which reruns the app); wait for it."""
    wait_idle(page)
    locator.fill(text)
    after_rerun(page, lambda: locator.press("Enter"))


def sign_reviewer(page: Page, name: str) -> None:
    """Type the reviewer's name in the sidebar (single-user mode), as every page needs before saving.

    A browser that typed it before shows it already (the app keeps it in a cookie): nothing to type,
    and pressing Enter on an unchanged field would start no run."""
    field = page.get_by_test_id("stSidebar").get_by_label("Reviewer", exact=True)
    wait_idle(page)
    if field.input_value() == name:
        return
    try:
        enter(page, field, name)
    except NoRunError as error:
        # the box was read before the browser drew the name its cookie gave the session: typing the same
        # name sends nothing (Streamlit sends a text box only when its value changed). Nothing is missing
        # then; any other silence is still a failure.
        if error.sent != 0 or field.input_value() != name:
            raise


def choose_option(page: Page, label: str, option: str) -> str:
    """Pick the option of the Streamlit selectbox labelled ``label`` whose text contains ``option``.

    Waits for the app to be idle first, and after the choice for the run it starts (a selectbox inside
    a form starts none: its value goes with the form). Returns the chosen option's text.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.get_by_label(label, exact=True)
    choice = page.get_by_role("option", name=re.compile(re.escape(option))).first
    listbox = page.get_by_role("listbox").first
    for attempt in range(4):
        wait_idle(page)
        # read from the box itself, which the locator waits for: a count of its ancestors taken before
        # the box is drawn says 0 (it once sent a choice made in a form down the path that waits for a
        # rerun)
        in_form = box.evaluate("el => el.closest(\"[data-testid='stForm']\") !== null")
        if not listbox.is_visible():  # a click on the box can land while the list is laid out: again
            box.click()
            try:
                listbox.wait_for(timeout=5_000)
            except PlaywrightTimeout:  # the click landed while the box was redrawn: the keyboard opens it
                box.press("ArrowDown")
        if attempt:  # then narrow the list to the option by typing it (the list's search)
            box.fill(option.strip())
        try:
            choice.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            continue
        try:
            # the list can close between seeing the option and reading it (the box redrawn under the
            # pointer): nothing was chosen then, and the list is opened again, as a reviewer would
            text = choice.inner_text(timeout=5_000)
        except PlaywrightTimeout:
            REOPENED.append(f"{label!r}: the option {option!r} went before it was read")
            continue
        try:
            if in_form:
                choice.click(timeout=5_000)
                wait_idle(page)
            else:
                after_rerun(page, lambda: choice.click(timeout=5_000))
        except PlaywrightTimeout:  # the option went before the click landed: nothing was chosen
            REOPENED.append(f"{label!r}: the option {option!r} went before it was clicked")
            continue
        break
    else:
        shown = page.get_by_role("option").all_inner_texts() if listbox.is_visible() else "no list open"
        raise AssertionError(f"{label!r} offers no option with {option!r} after 4 tries; it shows {shown}")
    # the list must be closed before the next action: left open, it lies over what is clicked next
    options = page.get_by_role("listbox")
    try:
        options.first.wait_for(state="hidden", timeout=2_000)
    except PlaywrightTimeout:
        page.keyboard.press("Escape")
        options.first.wait_for(state="hidden", timeout=5_000)
    return text


# Streamlit scrolls inside its main container, so Playwright's full_page screenshot shows only the
# viewport, wherever the page was scrolled to. The viewport is grown to the content, from the top.
_CONTENT_HEIGHT_JS = """() => {
    const found = document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"]');
    const boxes = [...found];
    const box = boxes.find((b) => b.scrollHeight > b.clientHeight) || boxes[0];
    if (!box) return document.documentElement.scrollHeight;
    box.scrollTop = 0;
    return box.scrollHeight + (window.innerHeight - box.clientHeight);
}"""
MAX_SHOT_HEIGHT = 8000


def whole_page_screenshot(page: Page, path: Path) -> None:
    """A screenshot of the whole Streamlit page from its top, then the suite's viewport again."""
    wait_idle(page)
    height = min(MAX_SHOT_HEIGHT, max(VIEWPORT["height"], int(page.evaluate(_CONTENT_HEIGHT_JS))))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    page.evaluate(_CONTENT_HEIGHT_JS)  # scroll to the top again once laid out at the new size
    page.screenshot(path=path)
    page.set_viewport_size(VIEWPORT)
