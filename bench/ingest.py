"""Bulk ingestion speed: `workbench ingest` of generated articles into SQLite (and PostgreSQL), with 1
and 2 worker processes and through a local Dask cluster, beside the baseline in the same run: the
Add article path before batch ingestion (one transaction and one clustering pass per article).

Articles are generated at run time from sentences in ../shared/eval (ClaimBuster and CheckThat 2020
claims in English, DACCORD premises in French), 4 to 9 sentences each, with a seeded generator.
Each configuration runs as its own `workbench ingest` process into a fresh database; peak memory is
the largest resident set among that process and its workers.

    .venv/bin/python bench/ingest.py [--articles 10000] [--baseline 300] [--postgres] [--before COMMIT]
                                     [--no-dask] [--json PATH]

``--before COMMIT`` runs each SQLite configuration with that commit's code first (a ``git archive`` copy),
then with this tree's, and says whether both stored the same articles, claims, statistics and clusters.
CPU per article is given for the command (reading and the writer) and, apart, its worker processes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"
START_ARTICLES = 16  # the start-up run: enough for every worker process to get a task


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


TICKS = os.sysconf("SC_CLK_TCK")


def _process_table() -> dict[int, tuple[int, float]]:
    """Every process on the machine: pid -> (parent pid, CPU seconds it used itself), from /proc."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        table[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return table


def _watch_descendants(root: int, cpu: dict[int, float], stop: threading.Event) -> None:
    """Keep the CPU seconds of every process below ``root`` (worker processes, the forkserver that
    starts them), read five times a second until ``stop``: their parent's resource usage never
    includes them (the forkserver is not waited for by the ingesting process)."""
    while not stop.wait(0.2):
        table = _process_table()
        below = {root}
        for pid in sorted(table):  # parents were started, so numbered, before their children
            if table[pid][0] in below:
                below.add(pid)
                cpu[pid] = max(cpu.get(pid, 0.0), table[pid][1])


def run_ingest(rows: Path, url: str, extra: list[str], *, tree: Path = ROOT) -> dict:
    """One `workbench ingest` process of the code in ``tree``; its wall time, articles/s, peak resident
    memory (MB) and CPU per article of the process itself (reading and the writer) and of its workers."""
    command = [sys.executable, "-m", "workbench", "ingest", str(rows), "--database-url", url, *extra]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    workers: dict[int, float] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_descendants, args=(process.pid, workers, stop), daemon=True)
    watcher.start()
    _, status, usage = os.wait4(process.pid, 0)
    stop.set()
    watcher.join()
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
        # CPU of the command (reading and the writer) and of its worker processes (not of Dask's
        # workers): on a shared machine the wall time mostly measures the other users; CPU does not
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "worker_cpu_s": round(sum(workers.values()), 2),
        "cpu_ms_per_article": round(1000 * (usage.ru_utime + usage.ru_stime) / max(stored, 1), 1),
        "worker_cpu_ms_per_article": round(1000 * sum(workers.values()) / max(stored, 1), 1),
        "summary": output.splitlines()[0] if output else "",
    }


def baseline(rows: Path, url: str, count: int) -> dict:
    """The path before batch ingestion, in this process: prepare_article + add_article, one transaction
    and one clustering pass per article (what the upload box did), on the first ``count`` articles."""
    from workbench.desk.article_intake import add_article
    from workbench.desk.ingest import prepare_article
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


def extract(commit: str, folder: Path) -> Path:
    """The tree of ``commit`` copied into ``folder`` (``git archive``: the repository is not touched)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder / "tree", filter="data")
    return folder / "tree"


def stored_content(path: Path) -> list[tuple]:
    """What an ingestion stored in a SQLite file, sorted, without times: articles, claims with their
    cluster, statistics (to show two runs stored the same)."""
    import sqlite3

    claim_columns = (
        "id, article_id, sentence_no, start, end, text, kind, modality, worthiness, reasons, facets, "
        "status, version, cluster_id, retired"
    )
    with sqlite3.connect(path) as db:
        articles = db.execute("select id, title, lang, outlet, text_hash from articles order by id")
        content = [("article", *row) for row in articles]
        content += [("claim", *row) for row in db.execute(f"select {claim_columns} from claims order by id")]
        content += [("statistic", *row) for row in db.execute("select * from statistics order by id")]
    return content


def run_measured(rows: Path, first: Path, url: str, extra: list[str], *, tree: Path = ROOT) -> dict:
    """``run_ingest`` of ``rows``, after a run of the ``first`` few articles into another database whose CPU
    is the start-up (imports, migrations, worker processes and their models); the CPU per article beyond
    it is what more articles cost, the figure that holds at 10,000 articles."""
    start = run_ingest(first, url.replace(".db", "_start.db"), extra, tree=tree)
    result = run_ingest(rows, url, extra, tree=tree)
    more = max(result["stored"] - start["stored"], 1)
    result["start_cpu_s"] = round(start["cpu_s"] + start["worker_cpu_s"], 2)
    result["command_ms_per_more_article"] = round(1000 * (result["cpu_s"] - start["cpu_s"]) / more, 2)
    result["workers_ms_per_more_article"] = round(
        1000 * (result["worker_cpu_s"] - start["worker_cpu_s"]) / more, 2
    )
    return result


def _line(name: str, result: dict, base: dict | None) -> str:
    ratio = f" ({result['articles_per_s'] / base['articles_per_s']:.1f}x baseline)" if base else ""
    cpu = f"{result['cpu_ms_per_article']} command + {result['worker_cpu_ms_per_article']} workers"
    if "start_cpu_s" in result:
        more = f"{result['command_ms_per_more_article']} + {result['workers_ms_per_more_article']}"
        cpu += f"; beyond a start-up of {result['start_cpu_s']} CPU s: {more}"
    return (f"{name}: {result['articles_per_s']} articles/s{ratio}, {result['seconds']} s, CPU ms/article: "
            f"{cpu}, peak {result['peak_mb']} MB: {result['summary']}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=300, help="articles for the one-by-one baseline")
    parser.add_argument(
        "--postgres", action="store_true", help="also into WORKBENCH_TEST_POSTGRES_URL's server"
    )
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument(
        "--before",
        metavar="COMMIT",
        help="also run each SQLite configuration with the code of COMMIT, interleaved, and compare what "
        "both stored",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict = {"articles": args.articles, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as folder:
        rows = Path(folder) / "articles.jsonl"
        before = extract(args.before, Path(folder)) if args.before else None
        first = Path(folder) / "first.jsonl"  # the start-up run's articles: not those of the full run
        write_articles(first, START_ARTICLES, seed=16)
        results["input_mb"] = round(write_articles(rows, args.articles) / 1e6, 1)
        print(
            f"{args.articles:,} articles generated from ../shared/eval ({results['input_mb']} MB, JSON Lines)"
        )
        base = None
        if args.baseline:
            base = baseline(rows, f"sqlite:///{folder}/baseline.db", args.baseline)
            results["baseline_sqlite_one_by_one"] = base
            print(f"baseline (a transaction and a clustering per article): {base['articles_per_s']} "
                  f"articles/s, {base['cpu_ms_per_article']} CPU ms/article")  # fmt: skip
        runs = [
            # in this process's order (no workers): the one configuration whose ids are the same from run to
            # run (workers hand back chunks as they finish), so what two codes stored can be compared
            ("sqlite_in_process", ["--workers", "0"]),
            ("sqlite_1_worker", ["--workers", "1"]),
            ("sqlite_2_workers", ["--workers", "2"]),
            ("sqlite_2_workers_no_cluster", ["--workers", "2", "--no-cluster"]),
        ]
        for name, extra in runs:
            if before:  # the code before first, then this tree's, on the same articles
                earlier = run_measured(
                    rows, first, f"sqlite:///{folder}/{name}_before.db", extra, tree=before
                )
                results[f"{name}_before"] = earlier
                print(_line(f"{name} before ({args.before})", earlier, base))
            result = run_measured(rows, first, f"sqlite:///{folder}/{name}.db", extra)
            results[name] = result
            print(_line(name, result, base))
            if before and name == "sqlite_in_process":
                same = stored_content(Path(folder) / f"{name}_before.db") == stored_content(
                    Path(folder) / f"{name}.db"
                )
                result["same_content_as_before"] = same
                print(
                    f"  articles, claims, statistics and clusters stored {'the same' if same else 'DIFFER'}"
                )
        if not args.no_dask:
            from distributed import LocalCluster

            with LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
            ) as cluster:
                result = run_ingest(
                    rows, f"sqlite:///{folder}/dask.db", ["--scheduler", cluster.scheduler_address]
                )
            results["sqlite_dask_2_workers"] = result
            print(_line("sqlite_dask_2_workers", result, base))
        if args.postgres:
            from tests.support import postgres as pg

            server = os.environ["WORKBENCH_TEST_POSTGRES_URL"]
            name, url = pg.create_database(server)
            try:
                result = run_ingest(rows, url, ["--workers", "2"])
            finally:
                pg.drop_database(server, name)
            results["postgres_2_workers"] = result
            print(_line("postgres_2_workers", result, base))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
