"""Where the database lives: WORKBENCH_DATABASE_URL, else a SQLite file under ./data/."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = REPO_ROOT / "data" / "workbench.db"


def database_url() -> str:
    """The configured database URL (SQLite file by default, PostgreSQL via postgresql+psycopg://)."""
    url = os.environ.get("WORKBENCH_DATABASE_URL", "").strip()
    return url or f"sqlite:///{DEFAULT_SQLITE_PATH}"
