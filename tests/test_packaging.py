"""Packaging: pyproject.toml is the one list of dependencies, ships every module and data file, and the
commands start without loading the heavy libraries."""

from __future__ import annotations

import fnmatch
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
HEAVY = ("pandas", "streamlit", "sklearn", "sqlalchemy", "trafilatura", "bm25s", "altair")


def _sync_module():
    spec = importlib.util.spec_from_file_location(
        "sync_requirements", ROOT / "scripts" / "sync_requirements.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_requirements_files_are_generated_from_pyproject():
    for filename, text in _sync_module().rendered(ROOT).items():
        assert (ROOT / filename).read_text() == text, f"{filename}: run scripts/sync_requirements.py"


def test_the_constraints_pin_every_tested_dependency_inside_its_range():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    # what CI installs and tests; the bench peers are pinned in the bench extra itself
    wanted = [*project["dependencies"], *(r for name in ("auth", "cluster", "test") for r in extras[name])]
    for text in wanted:
        requirement = Requirement(text)
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if name == project["name"]:
            continue  # an extra naming the project's other extras
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} vs {text}"


def test_every_module_and_data_file_is_in_the_package():
    packages = set(PYPROJECT["tool"]["setuptools"]["packages"])
    data = PYPROJECT["tool"]["setuptools"]["package-data"]
    tracked = subprocess.run(
        ["git", "ls-files", "claims", "sources", "workbench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for path in map(Path, tracked):
        package = ".".join(path.parent.parts)
        assert package in packages, (
            f"{path}: its folder {package} is not listed in [tool.setuptools] packages"
        )
        if path.suffix != ".py":
            assert any(fnmatch.fnmatch(path.name, g) for g in data.get(package, [])), f"{path} is not shipped"


def test_the_commands_start_without_the_heavy_libraries():
    probe = (
        "import sys, workbench.commands.cli, claims.cli; "
        "workbench.commands.cli.build_parser(); claims.cli.build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == ""


def test_the_console_commands_point_at_the_command_lines():
    scripts = PYPROJECT["project"]["scripts"]
    assert scripts == {"workbench": "workbench.commands.cli:main", "claims": "claims.cli:main"}
    help_text = subprocess.run(
        [sys.executable, "-m", "workbench", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "ingest" in help_text and "init" in help_text
