"""Where the database lives: WORKBENCH_DATABASE_URL, else a SQLite file under ./data/.

In a checkout ./data/ is the repository's; an installed package (no pyproject.toml beside it) uses
./data/ under the directory the command runs in, never site-packages.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()
DEFAULT_SQLITE_PATH = DATA_ROOT / "data" / "workbench.db"


def database_url() -> str:
    """The configured database URL (SQLite file by default, PostgreSQL via postgresql+psycopg://)."""
    url = os.environ.get("WORKBENCH_DATABASE_URL", "").strip()
    return url or f"sqlite:///{DEFAULT_SQLITE_PATH}"
