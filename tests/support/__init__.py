"""Helpers for the test suite: optional components, a served app, Chromium, throw-away PostgreSQL.

A test that needs a component the machine may lack (Chromium, a PostgreSQL server, the app itself)
asks for it with `require_component`: on a developer's machine the test is skipped with the reason;
in CI (env CI=true) it fails, so a broken CI machine cannot pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"


def in_ci(environ: dict[str, str] | None = None) -> bool:
    """True when the environment says this is a CI run (CI=true, as most CI services set it).

    >>> in_ci({"CI": "true"}), in_ci({"CI": "1"}), in_ci({"CI": "false"}), in_ci({})
    (True, True, False, False)
    """
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() in {"true", "1", "yes"}


def require_component(condition: object, reason: str) -> None:
    """Skip the current test when `condition` is false; under CI=true, fail it instead."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI=true and a required component is missing: {reason}", pytrace=False)
    pytest.skip(reason)
