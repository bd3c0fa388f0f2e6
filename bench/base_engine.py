"""The claim engine of this worktree and of an earlier commit, run side by side in subprocesses.

``extract(commit)`` copies that commit's ``claims/`` package into a temporary directory (``git archive``,
nothing in the repository changes); ``run(tree, task, rows)`` runs ``bench/engine_worker.py`` with that
tree first on PYTHONPATH. Both engines read the same input in the same run, so figures compare.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).resolve().parent / "engine_worker.py"
# The commit before the engine read figures as observations (period, base, modality, shares, names).
BASE_COMMIT = "91ec7ff46db64f95b3a4f4a61812a5466d648c23"


def extract(commit: str) -> Path:
    """``claims/`` of ``commit`` in a fresh temporary directory (left for the OS to clean)."""
    target = Path(tempfile.mkdtemp(prefix="engine-"))
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "claims"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def run(tree: Path, task: str, rows: list[dict], **extra: object) -> object:
    """What the engine in ``tree`` finds for ``rows`` (see ``engine_worker``)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    payload = json.dumps({"task": task, "rows": rows, **extra})
    done = subprocess.run(
        [sys.executable, str(WORKER)], input=payload, capture_output=True, text=True, env=env, check=False
    )
    if done.returncode:
        raise RuntimeError(f"engine in {tree} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)
