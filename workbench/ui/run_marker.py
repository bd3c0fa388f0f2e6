"""Each script run of a browser session is numbered on the page, so that a reader can tell runs apart.

The number sits in a CSS custom property (``--workbench-run`` on the root element), sent as a style-only
``st.html`` element: Streamlit puts those in its event container, where they take no space. The browser
tests wait for it to change after a click: the page's running/stale attributes alone can miss a short run
when a busy browser renders its start and its end in one frame.
"""

import streamlit as st

RUN_KEY = "_workbench_run"
CSS_PROPERTY = "--workbench-run"


def mark_run() -> int:
    """Count this run in the session and show its number on the page; returns the number."""
    number = st.session_state.get(RUN_KEY, 0) + 1
    st.session_state[RUN_KEY] = number
    st.html(f"<style>:root {{ {CSS_PROPERTY}: {number}; }}</style>")
    return number
