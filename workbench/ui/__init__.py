"""Streamlit only: the claim panel, session state and callbacks, sign-in, URL state (pages in app_pages/)."""
