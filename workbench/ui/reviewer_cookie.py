"""Single-user mode: the reviewer's name kept in a cookie, so a refresh or a new tab of the same browser
knows it.

Streamlit gives the page's cookies to the server when a browser session starts (``st.context.cookies``),
but cannot set one; a few lines of JavaScript drawn with the sidebar write ``document.cookie`` whenever
the typed name differs from the one the browser sent. The name is a convenience, not an identity:
sign-in mode (WORKBENCH_AUTH) is how a desk knows who saved what.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import unquote

import streamlit as st

from workbench.domain.errors import WorkbenchError
from workbench.domain.validation import clean_text

COOKIE = "workbench_reviewer"
MAX_AGE_S = 365 * 24 * 3600


def name_from_cookies(cookies: Mapping[str, str]) -> str | None:
    """The reviewer name the browser kept, or None (absent, empty or unusable).

    >>> name_from_cookies({"workbench_reviewer": "Jos%C3%A9%20Ruiz"})
    'José Ruiz'
    >>> name_from_cookies({"workbench_reviewer": "%00"}) is None
    True
    """
    raw = cookies.get(COOKIE)
    if not isinstance(raw, str) or not raw:
        return None
    try:
        name = clean_text("reviewer", unquote(raw))
    except WorkbenchError:
        return None
    return name or None  # a name the saves would refuse (too long, markup) is not restored


def cookie_script(name: str) -> str:
    """JavaScript that keeps ``name`` in the page's cookie for a year (an empty name removes it).

    The name is a JSON string with ``<`` escaped, so no typed text can close the script element.

    >>> cookie_script("</script><b>").count("</script>")
    1
    """
    quoted = json.dumps(name).replace("<", "\\u003c").replace(">", "\\u003e")
    age = MAX_AGE_S if name else 0
    return (
        "<script>document.cookie = "
        f'"{COOKIE}=" + encodeURIComponent({quoted}) + "; path=/; max-age={age}; SameSite=Strict";'
        "</script>"
    )


def _browser_name() -> str | None:
    try:
        return name_from_cookies(st.context.cookies)
    except RuntimeError:  # no browser behind this run (a script run outside a server)
        return None


def restore(key: str) -> None:
    """Before the sidebar's Reviewer box is drawn: a new browser session starts with the kept name."""
    if key not in st.session_state and (name := _browser_name()):
        st.session_state[key] = name


def keep(name: object) -> None:
    """After the Reviewer box: write the typed name to the cookie when the browser holds another."""
    try:
        typed = clean_text("reviewer", name) or ""
    except WorkbenchError:
        return  # a name the saves refuse is not worth keeping
    if typed != (_browser_name() or ""):
        st.sidebar.html(cookie_script(typed), unsafe_allow_javascript=True)
