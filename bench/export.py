"""Export benchmark: 100,000 verdicts to CSV and to ClaimReview JSON-LD, seconds and peak memory.

    .venv/bin/python bench/export.py                       # 100,000 generated rows
    .venv/bin/python bench/export.py --rows 20000 --json /tmp/export.json
    .venv/bin/python bench/export.py --database            # also read the rows from a generated SQLite file

Rows are generated directly in the export's column layout (one verdict per claim, all published, some
cells that a spreadsheet would run as formulas). Each export is compared, in the same run, with a
baseline that skips the work ours does: plain ``DataFrame.to_csv`` without formula neutralisation, and
``json.dumps`` of the rows as they are (no ClaimReview shaping). Seconds are the best of ``--repeat``
runs; peak memory is measured in a separate run under tracemalloc (Python allocations, MB).
With ``--database``, bench/generate_db.py fills a SQLite file with the same number of claims and the
export's database read (``verdict_rows``) is timed as well.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.outputs.claimreview import Publisher, claimreview_json, iter_claim_reviews
from workbench.outputs.exports import verdicts_csv
from workbench.storage.export_rows import EXPORT_COLUMNS

RATINGS = ("True", "Mostly true", "Misleading", "False", "Unverifiable")
OUTLETS = ("Le Monde", "Libération", "Reuters", "AFP", "BBC", "")


def generate_rows(count: int, *, seed: int = 7) -> pd.DataFrame:
    """``count`` export rows with published verdicts; one in twenty cells starts like a formula."""
    rng = random.Random(seed)
    rows = []
    for i in range(1, count + 1):
        figure = rng.randint(10, 90_000)
        rationale = f"The ministry's figure is {figure}; sources disagree by {rng.randint(1, 40)} %."
        if i % 20 == 0:
            rationale = f"-{rng.randint(1, 60)} % according to the ministry"  # neutralised
        urls = [f"https://example.org/report/{rng.randint(1, 5000)}" for _ in range(rng.randint(0, 3))]
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append(
            {
                "article_id": i // 40 + 1, "article_title": f"Article {i // 40 + 1}",
                "article_url": f"https://news.example/{i // 40 + 1}", "outlet": rng.choice(OUTLETS),
                "article_published": day,
                "article_lang": rng.choice(("fr", "en")), "claim_id": i,
                "claim": f"Selon le ministère, la production a atteint {figure} unités en 2024.",
                "claim_kind": "quantity", "claim_modality": "reported", "claim_speaker": "le ministère",
                "claim_speaker_kind": "organisation", "statistics": f"{figure} unités", "status": "published",
                "verdict": rng.choice(RATINGS), "verdict_state": "published", "rationale": rationale,
                "reviewer": rng.choice(("ana", "ben", "chloé")), "verdict_date": day,
                "verdict_at": f"{day}T10:00:00Z", "published_by": "ed", "published_at": f"{day}T12:00:00Z",
                "evidence_urls": " | ".join(urls), "evidence_stances": " | ".join("supports" for _ in urls),
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))


def timed(task: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = task()
        best = min(best, time.perf_counter() - started)
    return best, result


def peak_mb(task: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        task()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def database_read(count: int) -> tuple[Callable[[], pd.DataFrame], Callable[[], pd.DataFrame]]:
    """A SQLite file of ``count`` generated claims; the export's read of every row, and a plain
    ``SELECT`` of the claims joined with their articles as the baseline."""
    from bench.generate_db import generate
    from workbench.storage.database import open_database
    from workbench.storage.export_rows import verdict_rows

    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'export-bench.db'}"
    generate(url, claims=count, per_article=50, links_per_claim=2, sources=2_000, seed=6)
    database = open_database(url)

    def read() -> pd.DataFrame:
        with database.session() as session:
            return verdict_rows(session)

    def plain() -> pd.DataFrame:
        query = "SELECT * FROM claims JOIN articles ON articles.id = claims.article_id"
        with database.engine.connect() as connection:
            return pd.read_sql_query(query, connection)

    return read, plain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", action="store_true", help="also time the read from a SQLite file")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    df = generate_rows(args.rows)
    publisher = Publisher()
    tasks = {
        "verdict CSV": (
            lambda: verdicts_csv(df),
            lambda: df.to_csv(index=False).encode("utf-8"),
            "pandas to_csv, no neutralisation",
        ),
        "verdict CSV, Excel": (
            lambda: verdicts_csv(df, excel=True),
            lambda: df.to_csv(index=False, sep=";").encode("utf-8-sig"),
            "pandas to_csv ';' + BOM, no neutralisation",
        ),
        "ClaimReview JSON-LD": (
            lambda: claimreview_json(iter_claim_reviews(df, publisher)),
            lambda: json.dumps(df.to_dict("records"), ensure_ascii=False).encode("utf-8"),
            "json.dumps of the flat rows",
        ),
    }
    if args.database:
        read, plain = database_read(args.rows)
        tasks["read export rows from SQLite"] = (read, plain, "SELECT claims JOIN articles")

    figures = []
    for name, (ours, baseline, what) in tasks.items():
        ours_s, output = timed(ours, args.repeat)
        base_s, _ = timed(baseline, args.repeat)
        size = len(output) if isinstance(output, bytes) else 0
        figures.append(
            {
                "task": name, "rows": args.rows, "seconds": round(ours_s, 3),
                "baseline_seconds": round(base_s, 3),
                "ratio": round(ours_s / base_s, 2), "peak_mb": round(peak_mb(ours), 1),
                "baseline_peak_mb": round(peak_mb(baseline), 1), "output_bytes": size,
                "baseline": what,
            }
        )  # fmt: skip
    print(
        f"Export of {args.rows:,} verdicts (best of {args.repeat}; "
        "peak = Python allocations under tracemalloc)\n"
    )
    print("| task | seconds | baseline s | ratio | peak MB | baseline peak MB | output | baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for f in figures:
        output = f"{f['output_bytes'] / 1e6:.1f} MB" if f["output_bytes"] else f"{f['rows']:,} rows"
        print(
            f"| {f['task']} | {f['seconds']} | {f['baseline_seconds']} | {f['ratio']}× | {f['peak_mb']} | "
            f"{f['baseline_peak_mb']} | {output} | {f['baseline']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
