"""Launch the system's Chromium (Debian's /usr/bin/chromium) through Playwright's sync API.

Never a browser that Playwright downloads: the tests drive the same Chromium a reviewer would
install with apt, found on PATH.  pytest-playwright is not used for that reason.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

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


def choose_option(page: Page, label: str, option: str) -> str:
    """Pick the option of the Streamlit selectbox labelled ``label`` whose text contains ``option``.

    A click that lands while the app is still settling after a rerun can open a list that is then
    replaced, so the box is clicked again (at most 3 times). Returns the chosen option's text.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    choice = page.get_by_role("option", name=re.compile(re.escape(option))).first
    for _ in range(3):
        page.get_by_label(label, exact=True).click()
        try:
            choice.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    text = choice.inner_text()
    choice.click()
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
    height = min(MAX_SHOT_HEIGHT, max(VIEWPORT["height"], int(page.evaluate(_CONTENT_HEIGHT_JS))))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    page.evaluate(_CONTENT_HEIGHT_JS)  # scroll to the top again once laid out at the new size
    page.screenshot(path=path)
    page.set_viewport_size(VIEWPORT)
