"""The repository keeps its shape, and the claim and source engines stay pure (no UI, no database)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO_ROOT

PURE_PACKAGES = ("claims", "sources")
FORBIDDEN = ("streamlit", "sqlalchemy")
LAYOUT = (
    "claims/",
    "sources/",
    "workbench/app.py",
    "workbench/app_pages/",
    "workbench/storage/",
    "tests/",
    "bench/",
    "requirements.txt",
    "README.md",
    ".ci/run",
)


@pytest.mark.parametrize("entry", LAYOUT)
def test_top_level_layout(entry: str) -> None:
    path = REPO_ROOT / entry
    if entry.endswith("/"):
        assert path.is_dir(), f"{entry} should be a directory"
    else:
        assert path.is_file(), f"{entry} should be a file"


def _pure_modules() -> list[Path]:
    return sorted(path for package in PURE_PACKAGES for path in (REPO_ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__")


def imported_roots(source: str) -> set[str]:
    """Top-level names of everything `source` imports, including importlib/__import__ with a literal.

    >>> source = "import a.b\\nfrom c import d\\nfrom . import e\\nimportlib.import_module('f.g')"
    >>> sorted(imported_roots(source))
    ['a', 'c', 'f']
    """
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in {"import_module", "__import__"} and isinstance(node.args[0].value, str):
                roots.add(node.args[0].value.split(".")[0])
    return roots


def test_pure_packages_have_modules() -> None:
    for package in PURE_PACKAGES:
        assert any((REPO_ROOT / package).rglob("*.py")), f"{package}/ has no Python module"


@pytest.mark.parametrize("path", _pure_modules(), ids=lambda path: path.relative_to(REPO_ROOT).as_posix())
def test_pure_module_source_imports_no_ui_or_database(path: Path) -> None:
    found = imported_roots(path.read_text(encoding="utf-8")) & set(FORBIDDEN)
    assert not found, f"{path.relative_to(REPO_ROOT)} imports {sorted(found)}"


IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys

packages, forbidden = sys.argv[1].split(","), sys.argv[2].split(",")
imported = []
for package_name in packages:
    package = importlib.import_module(package_name)
    imported.append(package_name)
    for module in pkgutil.walk_packages(package.__path__, prefix=package_name + "."):
        if module.name.endswith(".__main__"):  # importing it would run the command line
            continue
        importlib.import_module(module.name)
        imported.append(module.name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] in forbidden)
print(json.dumps({"imported": imported, "forbidden_loaded": loaded}))
"""


def test_importing_every_pure_module_loads_no_ui_or_database() -> None:
    """Imports can hide (a dependency that imports streamlit), so import everything and look."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING, ",".join(PURE_PACKAGES), ",".join(FORBIDDEN)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    expected = {_module_name(path) for path in _pure_modules() if path.name != "__main__.py"}
    assert expected <= set(report["imported"]), f"not imported: {sorted(expected - set(report['imported']))}"
    assert report["forbidden_loaded"] == []
