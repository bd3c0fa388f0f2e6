"""Series import benchmark: a generated 1,000,000-row SDMX-CSV read by ``sources.series_import`` beside
``pandas.read_csv`` of the same file, in the same run; seconds and peak memory of each in its own process.

    .venv/bin/python bench/series.py                          # 1,000,000 rows
    .venv/bin/python bench/series.py --rows 200000 --json /tmp/series.json

The file is Eurostat-shaped (DATAFLOW, LAST UPDATE, freq, unit, geo, TIME_PERIOD, OBS_VALUE, OBS_FLAG):
250 geographies × 4 units × monthly periods, one value in 50 missing (":"), one in 10 flagged. Each
reader runs in a fresh child process (the file opened as a stream there), which reports its seconds and
its peak resident memory (``resource.getrusage``), and that peak just after its imports; the increase is
what reading the file cost. pandas builds a table of the raw cells (no series, no period reading, no
checks): the baseline of "just read it".
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

UNITS = ("THS_T", "MIO_EUR", "PC_TOT", "NR")


def generate(path: Path, rows: int, *, seed: int = 3) -> None:
    """An SDMX-CSV file of ``rows`` observations (250 geographies × 4 units × as many months as needed)."""
    rng = random.Random(seed)
    keys = [(f"G{g:03d}", unit) for g in range(250) for unit in UNITS]
    months = -(-rows // len(keys))
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n")
        for geo, unit in keys:
            for m in range(months):
                if written == rows:
                    return
                period = f"{1900 + m // 12}-{m % 12 + 1:02d}"
                value = ":" if rng.random() < 0.02 else f"{rng.uniform(1, 5000):.1f}"
                flag = rng.choice("pe") if rng.random() < 0.1 else ""
                head = "ESTAT:BENCH_SERIES(1.0),02/11/26 11:00:00,M"
                out.write(f"{head},{unit},{geo},{period},{value},{flag}\n")
                written += 1


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def child(task: str, path: str) -> None:
    """Run one reader on the file and print its figures as JSON (in a fresh process)."""
    if task == "ours":
        from sources.series_import import read_series

        def run() -> dict:
            with open(path, "rb") as stream:
                found = read_series(stream, name=Path(path).name, format="sdmx-csv")
            return {"series": len(found.series), "values": sum(len(s) for s in found.series)}
    else:
        import pandas as pd

        def run() -> dict:
            df = pd.read_csv(path)
            return {"series": None, "values": len(df)}

    imported = _peak_mb()
    started = time.perf_counter()
    counts = run()
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "after_imports_mb": imported, **counts}))


def measure(task: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", task, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sdmx.csv"
        generate(path, args.rows)
        size_mb = path.stat().st_size / 1e6
        ours, pandas = measure("ours", path), measure("pandas", path)
    grown = {name: r["peak_mb"] - r["after_imports_mb"] for name, r in (("ours", ours), ("pandas", pandas))}
    report = {
        "rows": args.rows,
        "file_mb": round(size_mb, 1),
        "ours": ours,
        "pandas_read_csv": pandas,
        "seconds_ratio": ours["seconds"] / pandas["seconds"],
        "peak_ratio": ours["peak_mb"] / pandas["peak_mb"],
        "growth_ratio": grown["ours"] / grown["pandas"],
    }
    print(f"{args.rows:,} rows of SDMX-CSV ({size_mb:.1f} MB), each reader in its own process:")
    print(f"{'reader':<28}{'seconds':>9}{'peak MB':>10}{'after imports':>15}{'growth MB':>11}  result")
    for name, r in (("sources.series_import", ours), ("pandas.read_csv (baseline)", pandas)):
        key = "ours" if r is ours else "pandas"
        result = f"{r['series']} series, {r['values']:,} values" if r["series"] else f"{r['values']:,} rows"
        print(
            f"{name:<28}{r['seconds']:>9.2f}{r['peak_mb']:>10.1f}{r['after_imports_mb']:>15.1f}{grown[key]:>11.1f}"
            f"  {result}"
        )
    print(
        f"ratios (ours / pandas): seconds {report['seconds_ratio']:.2f}×, peak {report['peak_ratio']:.2f}×, "
        f"memory growth {report['growth_ratio']:.2f}×"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
