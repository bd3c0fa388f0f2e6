"""Where the database lives: WORKBENCH_DATABASE_URL, else a SQLite file under ./data/.

In a checkout ./data/ is the repository's; an installed package (no pyproject.toml beside it) uses
./data/ under the directory the command runs in, never site-packages.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_ROOT = REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else Path.cwd()
DEFAULT_SQLITE_PATH = DATA_ROOT / "data" / "workbench.db"


def database_url() -> str:
    """The configured database URL (SQLite file by default, PostgreSQL via postgresql+psycopg://)."""
    url = os.environ.get("WORKBENCH_DATABASE_URL", "").strip()
    return url or f"sqlite:///{DEFAULT_SQLITE_PATH}"


BUSY_TIMEOUT_SETTING = "WORKBENCH_BUSY_TIMEOUT_S"


def busy_timeout_s(default: float) -> float:
    """How long a save waits for another writer's lock (``WORKBENCH_BUSY_TIMEOUT_S``), else ``default``.

    A desk whose imports hold the lock longer raises it; a value that is not a positive number of
    seconds is refused at start, not guessed at.
    """
    raw = os.environ.get(BUSY_TIMEOUT_SETTING, "").strip()
    if not raw:
        return default
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 3600:
        raise ValueError(f"{BUSY_TIMEOUT_SETTING}={raw!r}: give a number of seconds between 0 and 3600.")
    return seconds
