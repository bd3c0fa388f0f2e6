"""Cached shared resources: one migrated database handle per URL for all browser sessions."""

from __future__ import annotations

import streamlit as st

from workbench.config import database_url
from workbench.storage.database import Database, open_database
from workbench.worthiness_desk import activate


@st.cache_resource(show_spinner="Opening the database…")
def _database_for(url: str) -> Database:
    database = open_database(url)
    with database.session() as session:
        activate(session)  # the desk's check-worthiness model scores what this process ingests
    return database


def database() -> Database:
    """The database named by WORKBENCH_DATABASE_URL (SQLite under ./data/ by default)."""
    return _database_for(database_url())
