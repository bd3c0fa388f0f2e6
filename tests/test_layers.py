"""workbench/ shows its layers and every import points down (../shared/DESIGN.md, "Where things live").

Top to bottom: the Streamlit app (app.py, app_pages/, ui/), commands/, jobs/, desk/, outputs/, storage/,
domain/. A module may import its own layer and the layers below it, never one above: storage never
reads desk/, desk/ never ui/. Imports inside functions count too (a late import is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import REPO_ROOT

LAYERS = ("ui", "commands", "jobs", "desk", "outputs", "storage", "domain")
UI_ALIASES = {"app": "ui", "app_pages": "ui", "__main__": "commands"}
PACKAGE_FILES = {"__init__"}  # workbench/__init__.py: the package itself, no layer


def layer_of(module: str) -> str | None:
    """The layer of a dotted ``workbench`` module name (None: not in workbench, or the package itself).

    >>> layer_of("workbench.storage.queue"), layer_of("workbench.app_pages.review_queue"), layer_of("claims")
    ('storage', 'ui', None)
    """
    parts = module.split(".")
    if parts[0] != "workbench" or len(parts) < 2 or parts[1] in PACKAGE_FILES:
        return None
    return UI_ALIASES.get(parts[1], parts[1])


def _modules() -> list[Path]:
    return sorted((REPO_ROOT / "workbench").rglob("*.py"))


def _name(path: Path) -> str:
    return ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts).removesuffix(".__init__")


def workbench_imports(source: str) -> list[tuple[str, int]]:
    """Every ``workbench`` module ``source`` imports, at any depth, with its line.

    >>> workbench_imports("from workbench.storage import queue\\ndef f():\\n    import workbench.ui.state")
    [('workbench.storage.queue', 1), ('workbench.ui.state', 3)]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name.startswith("workbench")]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").startswith("workbench")
        ):
            # "from workbench.storage import queue" imports workbench.storage.queue when it is a module
            found += [
                (f"{node.module}.{alias.name}" if node.module.count(".") < 2 else node.module, node.lineno)
                for alias in node.names
            ]
    return sorted(found, key=lambda item: item[1])


def test_every_module_of_workbench_lives_in_a_layer() -> None:
    stray = [
        _name(path)
        for path in _modules()
        if layer_of(_name(path)) not in (*LAYERS, None) and "migrations" not in path.parts
    ]
    assert stray == [], f"modules outside the layers {LAYERS}: {stray}"


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_imports_point_down(path: Path) -> None:
    mine = layer_of(_name(path))
    if mine not in LAYERS:
        return
    upward = []
    for module, line in workbench_imports(path.read_text(encoding="utf-8")):
        theirs = layer_of(module)
        if theirs in LAYERS and LAYERS.index(theirs) < LAYERS.index(mine):
            upward.append(f"line {line}: {module} ({theirs})")
    assert upward == [], f"{_name(path)} ({mine}) imports a layer above it: {upward}"


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_only_the_app_and_ui_import_streamlit(path: Path) -> None:
    if layer_of(_name(path)) in ("ui", None):
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    assert not [n for n in names if n.split(".")[0] == "streamlit"], f"{_name(path)} imports streamlit"
