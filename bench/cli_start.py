"""Start-up time of `workbench --help` and `claims --help`, beside the same commands of an earlier
commit (default: the one before lazy imports) run in the same way, in the same run.

    .venv/bin/python bench/cli_start.py [--runs 5] [--baseline-commit 91ec7ff] [--json PATH]

Each figure is the median wall time of ``--runs`` fresh interpreters (`python -m ... --help`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(command: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-commit", default="91ec7ff")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", args.baseline_commit], cwd=ROOT, capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        for module in ("workbench", "claims"):
            command = [sys.executable, "-m", module, "--help"]
            now = median_seconds(command, ROOT, args.runs)
            before = median_seconds(command, Path(folder), args.runs)
            results[module] = {"seconds": round(now, 3), "baseline_seconds": round(before, 3)}
            print(
                f"{module} --help: {now:.2f} s "
                f"(baseline {args.baseline_commit}: {before:.2f} s, {before / now:.1f}x faster)"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
