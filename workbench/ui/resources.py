"""Cached shared resources: one migrated database handle per URL for all browser sessions, and in
single-user mode one background worker per app process."""

from __future__ import annotations

import atexit
import os
import subprocess
import sys

import streamlit as st

from workbench.desk.worthiness_desk import activate
from workbench.domain.config import busy_timeout_s, database_url
from workbench.storage.database import Database, open_database
from workbench.storage.engine import BUSY_TIMEOUT_S


@st.cache_resource(show_spinner="Opening the database…")
def _database_for(url: str, busy_timeout: float) -> Database:
    database = open_database(url, busy_timeout_s=busy_timeout)
    with database.session() as session:
        activate(session)  # the desk's check-worthiness model scores what this process ingests
    return database


def database() -> Database:
    """The database named by WORKBENCH_DATABASE_URL (SQLite under ./data/ by default)."""
    return _database_for(database_url(), busy_timeout_s(BUSY_TIMEOUT_S))


@st.cache_resource(show_spinner=False)
def _worker_for(url: str) -> subprocess.Popen:
    """A `workbench worker` process for this app process; stopped when the app exits."""
    process = subprocess.Popen(
        [sys.executable, "-m", "workbench", "worker", "--database-url", url],
        env=os.environ | {"WORKBENCH_DATABASE_URL": url},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    atexit.register(process.terminate)
    return process


def ensure_worker() -> bool:
    """In single-user mode start the app's own worker (once); with sign-in the desk runs
    `workbench worker` itself. True when this app started one."""
    from workbench.domain.auth import auth_mode

    if auth_mode(os.environ) != "none":
        return False
    process = _worker_for(database_url())
    if process.poll() is not None:  # it ended (killed, crashed): start another
        _worker_for.clear()
        _worker_for(database_url())
    return True
