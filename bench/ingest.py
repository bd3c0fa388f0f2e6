"""Bulk ingestion speed: `workbench ingest` of generated articles into SQLite (and PostgreSQL), with 1
and 2 worker processes and through a local Dask cluster, beside the baseline in the same run: the
Add article path before batch ingestion (one transaction and one clustering pass per article).

Articles are generated at run time from sentences in ../shared/eval (ClaimBuster and CheckThat 2020
claims in English, DACCORD premises in French), 4 to 9 sentences each, with a seeded generator.
Each configuration runs as its own `workbench ingest` process into a fresh database; peak memory is
the largest resident set among that process and its workers.

    .venv/bin/python bench/ingest.py [--articles 10000] [--baseline 300] [--postgres] [--json PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"


def eval_sentences() -> dict[str, list[str]]:
    """English and French sentences from the evaluation suites (read here, never copied)."""
    english = [row["text"] for row in json.loads((EVAL / "claimbuster-en" / "kfold_25ncs.json").read_text())]
    csv.field_size_limit(10**7)
    with (EVAL / "checkthat2020-task2-claim-retrieval-en" / "verified_claims.docs.tsv").open() as handle:
        english += [row[1] for row in csv.reader(handle, delimiter="\t") if len(row) > 2][1:]
    with (EVAL / "daccord-fr" / "daccord_dataset.tsv").open() as handle:
        french = [row["premise"] for row in csv.DictReader(handle, delimiter="\t")]
    clean = {
        lang: [s.strip() for s in rows if len(s.strip()) > 20]
        for lang, rows in (("en", english), ("fr", french))
    }
    return clean


def write_articles(path: Path, count: int, *, seed: int = 15) -> int:
    """``count`` articles as JSON Lines (one in five French); returns the bytes written."""
    rng = random.Random(seed)
    pools = eval_sentences()
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            lang = "fr" if n % 5 == 4 else "en"
            body = " ".join(rng.choice(pools[lang]) for _ in range(rng.randint(4, 9)))
            out.write(
                json.dumps({"text": body, "title": f"Generated {n}", "outlet": "Bench", "lang": lang}) + "\n"
            )
    return path.stat().st_size


def run_ingest(rows: Path, url: str, extra: list[str]) -> dict:
    """One `workbench ingest` process; its wall time, articles/s and peak resident memory (MB)."""
    command = [sys.executable, "-m", "workbench", "ingest", str(rows), "--database-url", url, *extra]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output = process.stdout.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    stored = int(output.split(" stored", 1)[0].split()[-1]) if " stored" in output else 0
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {output}")
    return {
        "stored": stored,
        "seconds": round(seconds, 1),
        "articles_per_s": round(stored / seconds, 1),
        "peak_mb": round(usage.ru_maxrss / 1024),
        # CPU of the command and its worker processes (not of Dask's workers): on a shared machine the
        # wall time mostly measures the other users; CPU ms per article does not
        "cpu_ms_per_article": round(1000 * (usage.ru_utime + usage.ru_stime) / max(stored, 1), 1),
        "summary": output.splitlines()[0] if output else "",
    }


def baseline(rows: Path, url: str, count: int) -> dict:
    """The path before batch ingestion, in this process: prepare_article + add_article, one transaction
    and one clustering pass per article (what the upload box did), on the first ``count`` articles."""
    from workbench.article_intake import add_article
    from workbench.ingest import prepare_article
    from workbench.storage.database import open_database

    database = open_database(url)
    lines = rows.read_text(encoding="utf-8").splitlines()[:count]
    started, cpu_started = time.perf_counter(), time.process_time()
    for line in lines:
        row = json.loads(line)
        draft = prepare_article(row["text"], title=row["title"], outlet=row["outlet"], lang=row["lang"])
        with database.session() as session:
            add_article(session, draft)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    database.engine.dispose()
    return {
        "stored": len(lines),
        "seconds": round(seconds, 1),
        "articles_per_s": round(len(lines) / seconds, 1),
        "cpu_ms_per_article": round(1000 * cpu / len(lines), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=300, help="articles for the one-by-one baseline")
    parser.add_argument(
        "--postgres", action="store_true", help="also into WORKBENCH_TEST_POSTGRES_URL's server"
    )
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict = {"articles": args.articles, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as folder:
        rows = Path(folder) / "articles.jsonl"
        results["input_mb"] = round(write_articles(rows, args.articles) / 1e6, 1)
        print(
            f"{args.articles:,} articles generated from ../shared/eval ({results['input_mb']} MB, JSON Lines)"
        )
        base = baseline(rows, f"sqlite:///{folder}/baseline.db", args.baseline)
        results["baseline_sqlite_one_by_one"] = base
        print(f"baseline (a transaction and a clustering per article): {base['articles_per_s']} articles/s, "
              f"{base['cpu_ms_per_article']} CPU ms/article")  # fmt: skip
        runs = [
            ("sqlite_1_worker", ["--workers", "1"]),
            ("sqlite_2_workers", ["--workers", "2"]),
            ("sqlite_2_workers_no_cluster", ["--workers", "2", "--no-cluster"]),
        ]
        for name, extra in runs:
            result = run_ingest(rows, f"sqlite:///{folder}/{name}.db", extra)
            results[name] = result
            ratio = result["articles_per_s"] / base["articles_per_s"]
            print(f"{name}: {result['articles_per_s']} articles/s ({ratio:.1f}x baseline), "
                  f"{result['seconds']} s, {result['cpu_ms_per_article']} CPU ms/article, "
                  f"peak {result['peak_mb']} MB: {result['summary']}")  # fmt: skip
        if not args.no_dask:
            from distributed import LocalCluster

            with LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster:
                result = run_ingest(
                    rows, f"sqlite:///{folder}/dask.db", ["--scheduler", cluster.scheduler_address]
                )
            results["sqlite_dask_2_workers"] = result
            print(f"sqlite_dask_2_workers: {result['articles_per_s']} articles/s, {result['seconds']} s, "
                  f"writer peak {result['peak_mb']} MB: {result['summary']}")  # fmt: skip
        if args.postgres:
            from tests.support import postgres as pg

            server = os.environ["WORKBENCH_TEST_POSTGRES_URL"]
            name, url = pg.create_database(server)
            try:
                result = run_ingest(rows, url, ["--workers", "2"])
            finally:
                pg.drop_database(server, name)
            results["postgres_2_workers"] = result
            print(f"postgres_2_workers: {result['articles_per_s']} articles/s, {result['seconds']} s, "
                  f"peak {result['peak_mb']} MB: {result['summary']}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
