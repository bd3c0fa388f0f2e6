"""Keep the selected article and claim in the URL so a refresh or a shared link opens the same claim."""

from __future__ import annotations

import streamlit as st


def selected_id(key: str, param: str, choices: list[int]) -> int:
    """The id chosen in widget ``key``, seeded from query parameter ``param``, written back to the URL."""
    if st.session_state.get(key) not in choices:
        wanted = st.query_params.get(param, "")
        st.session_state[key] = int(wanted) if wanted.isdigit() and int(wanted) in choices else choices[0]
    chosen = st.session_state[key]
    st.query_params[param] = str(chosen)
    return chosen
