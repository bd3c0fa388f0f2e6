"""Storing an imported series file: ``workbench.storage.series_store.save_series`` (series rows, values in
chunks, duplicate check, history) beside ``pandas.DataFrame.to_sql`` of the same values' columns, each into
a fresh SQLite file (and PostgreSQL with ``--postgres URL``), in the same run.

    .venv/bin/python bench/series_store.py                        # 200,000 values (bench/series.py's file)
    .venv/bin/python bench/series_store.py --rows 1000000 --json /tmp/series-store.json

The file is bench/series.py's Eurostat-shaped SDMX-CSV (1,000 series of monthly values), read once by
``read_series``; only storing is timed. pandas writes one table of the same rows (series number, position,
label, period bounds, granularity, value, flags as JSON text) in chunks of 5,000 (executemany, as ours),
its frame built before the clock starts: the baseline of "just insert the rows".
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.series import generate  # noqa: E402


def _ours(url: str, imported) -> float:
    from workbench.storage.database import open_database
    from workbench.storage.series_store import save_series

    database = open_database(url)
    started = time.perf_counter()
    with database.session() as session:
        save_series(session, imported, reviewer="bench")
    seconds = time.perf_counter() - started
    database.engine.dispose()
    return seconds


def _pandas(url: str, imported) -> float:
    import pandas as pd
    from sqlalchemy import create_engine

    from sources.observations import standard_label

    rows = {"series": [], "position": [], "label": [], "start": [], "end": [], "granularity": [],
            "value": [], "flags": []}  # fmt: skip
    for number, series in enumerate(imported.series):
        for i, (period, value, flags) in enumerate(
            zip(series.periods, series.values, series.flags, strict=True)
        ):
            rows["series"].append(number)
            rows["position"].append(i)
            rows["label"].append(standard_label(period))
            rows["start"].append(period.start)
            rows["end"].append(period.end)
            rows["granularity"].append(period.granularity)
            rows["value"].append(value)
            rows["flags"].append(json.dumps(list(flags)))
    engine = create_engine(url)
    started = time.perf_counter()  # the frame is built before: only the insert is timed, as ours
    pd.DataFrame(rows).to_sql("series_points", engine, index=False, chunksize=5_000)
    seconds = time.perf_counter() - started
    engine.dispose()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)

    from sources.series_import import read_series

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sdmx.csv"
        generate(path, args.rows)
        with path.open("rb") as stream:
            imported = read_series(stream, name=path.name)
        values = sum(len(s) for s in imported.series)
        ours = _ours(f"sqlite:///{tmp}/ours.db", imported)
        baseline = _pandas(f"sqlite:///{tmp}/pandas.db", imported)
    figures = {
        "values": values,
        "series": len(imported.series),
        "save_series_s": round(ours, 2),
        "pandas_to_sql_s": round(baseline, 2),
        "ratio": round(ours / baseline, 2),
    }
    print(f"{values:,} values in {len(imported.series):,} series, SQLite")
    print(f"  save_series (series rows, chunked values, duplicate check, history): {ours:6.2f} s")
    print(f"  pandas.DataFrame.to_sql of the same values' columns:                 {baseline:6.2f} s")
    print(f"  ratio ours / pandas: {ours / baseline:.2f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
