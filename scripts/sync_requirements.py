"""Write requirements*.txt from pyproject.toml, the one list of dependencies (``--check``: only compare).

requirements.txt is the app, requirements-test.txt adds the ``test`` extra, requirements-bench.txt the
``bench`` extra; an extra naming the project itself (``claim-workbench[auth]``) is spelled out.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "# Generated from pyproject.toml by scripts/sync_requirements.py: edit pyproject.toml and re-run.\n"
FILES = {
    "requirements.txt": (None, "The app and its language tools (README: what each dependency is for)."),
    "requirements-test.txt": ("test", "What the test suite needs on top of requirements.txt."),
    "requirements-bench.txt": ("bench", "Peers for the bench/ scripts, on top of requirements.txt."),
}


def _expand(project: dict, extra: str) -> list[str]:
    """The requirements of one extra, with references to the project's own extras replaced by theirs."""
    name = project["name"]
    out: list[str] = []
    for requirement in project["optional-dependencies"][extra]:
        own = re.fullmatch(rf"{re.escape(name)}\[([^\]]+)\]", requirement.strip())
        if own:
            for sub in own.group(1).split(","):
                out += [r for r in _expand(project, sub.strip()) if r not in out]
        elif requirement not in out:
            out.append(requirement)
    return out


def rendered(root: Path = ROOT) -> dict[str, str]:
    """The text each requirements file should have."""
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    texts = {}
    for filename, (extra, what) in FILES.items():
        lines = [HEADER, f"# {what}\n"]
        if extra is None:
            lines += [f"{r}\n" for r in project["dependencies"]]
        else:
            lines.append("-r requirements.txt\n")
            lines += [f"{r}\n" for r in _expand(project, extra)]
        texts[filename] = "".join(lines)
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a file differs from pyproject.toml")
    args = parser.parse_args(argv)
    stale = []
    for filename, text in rendered().items():
        path = ROOT / filename
        if path.exists() and path.read_text() == text:
            continue
        stale.append(filename)
        if not args.check:
            path.write_text(text)
    if args.check and stale:
        print(f"out of date with pyproject.toml: {', '.join(stale)} (run scripts/sync_requirements.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
