"""Server time of the dashboard on a large database: opening the queue, filtering it, opening a claim.

    .venv/bin/python bench/generate_db.py                      # once: 100,000 claims, 300,000 evidence links
    .venv/bin/python bench/dashboard.py [--database-url URL] [--runs 7] [--json PATH] [--no-apptest]

Each figure is the median of ``--runs`` runs (after one warm-up run), in milliseconds; on a local
PostgreSQL also the CPU time of the database backend (read from /proc, queries without parallel
workers), so that "this process's CPU + the database's CPU" tells what a request costs the server
when the shared machine's load inflates the wall time:
- storage: the functions the pages call, in one session each, as the pages call them;
- baseline, in the same run: the naive approach (every claim loaded into pandas, then filtered, sorted
  and counted there; the Review page reading every article and source as before this change);
- AppTest: a whole rerun of the Queue and Review pages through Streamlit's AppTest (script time on the
  server, no browser), with the database and caches warm as on a desk's server.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from workbench.storage.articles import (  # noqa: E402
    article_claims,
    article_titles,
    claims_frame,
    get_article,
    list_articles,
)
from workbench.storage.claim_edits import claim_history  # noqa: E402
from workbench.storage.database import Database, open_database  # noqa: E402
from workbench.storage.evidence import list_sources  # noqa: E402
from workbench.storage.filters import ClaimFilter  # noqa: E402
from workbench.storage.queue import filter_choices, open_queue  # noqa: E402
from workbench.storage.verdicts import get_claim  # noqa: E402

DEFAULT_URL = f"sqlite:///{REPO / 'data' / 'bench-100k.db'}"
APP = str(REPO / "workbench" / "app.py")
AIM_MS = 300.0
FILTERS = {
    "status = checking": ClaimFilter(statuses=("checking",)),
    "verdict = False": ClaimFilter(verdicts=("False",)),
    "outlet + language": ClaimFilter(outlets=("Reuters",), languages=("en",)),
    "words “drones”": ClaimFilter(text="drones"),
    "check-worthiness ≥ 0.8": ClaimFilter(min_worthiness=0.8),
    "one article": ClaimFilter(article_ids=(1000,)),
}


SERVER_PIDS: list[int] = []  # the local PostgreSQL backends of this process's connections


def _server_cpu_ms() -> float:
    """CPU time used so far by this process's PostgreSQL backends (local server only; 10 ms ticks)."""
    total = 0
    for pid in SERVER_PIDS:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total * 1000 / os.sysconf("SC_CLK_TCK")


def watch_server(database: Database) -> None:
    """On a local PostgreSQL: run queries without parallel workers (whose CPU a /proc reading of the
    backend would miss) and note each connection's backend process, so the database's CPU counts."""
    from sqlalchemy import event

    @event.listens_for(database.engine, "connect")
    def _connected(connection, _record) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET max_parallel_workers_per_gather = 0")
            cursor.execute("SELECT pg_backend_pid()")
            SERVER_PIDS.append(cursor.fetchone()[0])

    database.engine.dispose()


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median wall time, CPU time of this process and CPU time of its database backends (ms). On a
    loaded machine the wall time grows with the load; CPU times much less: their sum is what a
    request costs the server (with SQLite, the queries run inside this process)."""
    action()  # warm-up: the database's own caches, as on a desk's server after the first reviewer
    wall, cpu, server = [], [], []
    for _ in range(runs):
        started, started_cpu, started_server = time.perf_counter(), time.process_time(), _server_cpu_ms()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        server.append(_server_cpu_ms() - started_server)
    return statistics.median(wall), statistics.median(cpu), statistics.median(server)


def in_session(database: Database, work: Callable) -> Callable[[], object]:
    def run() -> object:
        with database.session() as session:
            return work(session)

    return run


# --- what the pages call ----------------------------------------------------------------------------


def open_queue_now(session, claim_filter: ClaimFilter = ClaimFilter()):  # noqa: B008 (frozen, shared)
    filter_choices(session)
    return open_queue(session, claim_filter, page=0, page_size=50)


def open_panel_now(session, claim_id: int):
    claim = get_claim(session, claim_id)
    article_titles(session)
    get_article(session, claim.article_id)
    article_claims(session, claim.article_id)
    claims_frame(session, article_id=claim.article_id)
    claim_history(session, claim_id)
    return claim


# --- the naive baseline -----------------------------------------------------------------------------


def naive_queue(session, claim_filter: ClaimFilter = ClaimFilter()):  # noqa: B008
    """Every claim into pandas, then filter, count per status, sort and take a page there."""
    df = claims_frame(session)
    articles = {a.id: a for a in list_articles(session)}
    df["outlet"] = df["article_id"].map(lambda i: articles[i].outlet)
    df["lang"] = df["article_id"].map(lambda i: articles[i].lang)
    mask = df["id"] > 0
    if claim_filter.statuses:
        mask &= df["status"].isin(claim_filter.statuses)
    if claim_filter.verdicts:
        mask &= df["verdict"].isin(claim_filter.verdicts)
    if claim_filter.outlets:
        mask &= df["outlet"].isin(claim_filter.outlets)
    if claim_filter.languages:
        mask &= df["lang"].isin(claim_filter.languages)
    if claim_filter.text:
        mask &= df["claim"].str.contains(claim_filter.text, case=False, regex=False)
    if claim_filter.min_worthiness is not None:
        mask &= df["worthiness"] >= claim_filter.min_worthiness
    if claim_filter.article_ids:
        mask &= df["article_id"].isin(claim_filter.article_ids)
    df[mask.values].groupby("status").size()
    return df[mask.values].sort_values(["worthiness", "id"], ascending=[False, True]).head(50)


def naive_panel(session, claim_id: int):
    """The Review page before: every article with its text, every source, the claim."""
    claim = get_claim(session, claim_id)
    list_articles(session)
    article_claims(session, claim.article_id)
    claims_frame(session, article_id=claim.article_id)
    list_sources(session)
    return claim


# --- AppTest ----------------------------------------------------------------------------------------


def apptest_runs(url: str, claim_id: int, runs: int) -> dict[str, tuple[float, float]]:
    """Median server time of whole page reruns (Queue, Queue filtered, Review with the claim panel)."""
    from streamlit.testing.v1 import AppTest

    os.environ["WORKBENCH_DATABASE_URL"] = url
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["claim"] = str(claim_id)
    at.run()
    review = median_ms(at.run, runs)
    at.switch_page("app_pages/review_queue.py")
    at.run()
    queue = median_ms(at.run, runs)
    at.multiselect(key="queue.filter.statuses").set_value(["checking"])
    filtered = median_ms(at.run, runs)
    if at.exception:
        raise SystemExit(f"AppTest raised: {at.exception}")
    return {"queue page": queue, "queue page, filtered": filtered, "review page with claim panel": review}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL, help="made by bench/generate_db.py")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--aim-ms", type=float, default=AIM_MS, help="the target per measure")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--no-apptest", action="store_true", help="storage functions only")
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the naive baseline (minutes at 1,000,000 claims)"
    )
    args = parser.parse_args(argv)
    database = open_database(args.database_url)
    url = database.engine.url
    if url.get_backend_name() == "postgresql" and url.host in ("127.0.0.1", "localhost", None):
        watch_server(database)
    with database.session() as session:
        page = open_queue_now(session).page
    if page.total < 1000:
        print(
            f"{args.database_url} holds {page.total} claims; run bench/generate_db.py first.", file=sys.stderr
        )
    claim_id = int(page.frame.iloc[len(page.frame) // 2]["id"])
    rows: list[dict] = []

    def add(name: str, ours: Callable, baseline: Callable | None = None) -> None:
        (mine, cpu, server), base = (
            median_ms(ours, args.runs),
            median_ms(baseline, args.runs)[0] if baseline and not args.no_baseline else None,
        )
        rows.append({"measure": name, "ms": round(mine, 1), "cpu_ms": round(cpu, 1),
                     "db_cpu_ms": round(server, 1) if SERVER_PIDS else None,
                     "baseline_ms": base and round(base, 1)})  # fmt: skip

    add("open the queue (first page + counts + filter choices)",
        in_session(database, open_queue_now), in_session(database, naive_queue))  # fmt: skip
    for name, claim_filter in FILTERS.items():
        add(f"filter the queue: {name}", in_session(database, lambda s, f=claim_filter: open_queue_now(s, f)),
            in_session(database, lambda s, f=claim_filter: naive_queue(s, f)))  # fmt: skip
    add("open a claim panel (storage reads of the Review page)",
        in_session(database, lambda s: open_panel_now(s, claim_id)),
        in_session(database, lambda s: naive_panel(s, claim_id)))  # fmt: skip
    if not args.no_apptest:
        for name, (ms, cpu, _) in apptest_runs(args.database_url, claim_id, args.runs).items():
            rows.append({"measure": f"AppTest rerun: {name}", "ms": round(ms, 1), "cpu_ms": round(cpu, 1),
                         "db_cpu_ms": None,
                         "baseline_ms": None})  # fmt: skip
    database.engine.dispose()

    where = database.engine.url.render_as_string()
    print(f"database: {where} · {page.total:,} claims · median of {args.runs} runs")
    print(
        f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs"
    )
    aim = f"{args.aim_ms:.0f}"
    print(f"| measure | this change (ms) | its CPU (ms) | database CPU (ms) | naive baseline (ms) | "
          f"baseline / this | wall < {aim} ms | CPU sum < {aim} ms |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|:---:|:---:|")
    for row in rows:
        base, server = row["baseline_ms"], row["db_cpu_ms"]
        ratio, shown = (f"{base / row['ms']:.1f}×", f"{base:.1f}") if base else ("—", "—")
        verdict = "yes" if row["ms"] < args.aim_ms else "NO"
        by_cpu = "—" if server is None else ("yes" if row["cpu_ms"] + server < args.aim_ms else "NO")
        server_shown = "—" if server is None else f"{server:.0f}"
        print(f"| {row['measure']} | {row['ms']:.1f} | {row['cpu_ms']:.1f} | {server_shown} | {shown} | "
              f"{ratio} | {verdict} | {by_cpu} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps({"database": database.engine.dialect.name, "claims": page.total,
                                         "runs": args.runs, "load_average": os.getloadavg(),
                                         "rows": rows}, indent=2))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
