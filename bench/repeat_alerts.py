"""Repeat alerts in the Queue (a claim repeating a published verdict): milliseconds per Queue read.

On a database made by bench/generate_db.py (17 % of claims have a published verdict), this script first
groups claims in pairs as repeats (claims 1 and 2, 11 and 12, …: 20 % of the claims, once; the database is
changed), then times, side by side in the same run, median of ``--runs`` after a warm-up:

- ours: a Queue page of 50 with its Repeats column, the alerts of that page alone, and the Queue filtered to
  "Repeats a published verdict" (counts per status and the first page), as the app reads them;
- the naive baseline: every live claim's cluster and every published claim read into pandas, the alerts
  computed there, then sorted and paged. Both must find the same claims; the script stops if not.

    .venv/bin/python bench/generate_db.py --database-url sqlite:////tmp/bench.db --links-per-claim 1
    .venv/bin/python bench/repeat_alerts.py --database-url sqlite:////tmp/bench.db --json /tmp/alerts.json
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

import pandas as pd
from sqlalchemy import func, select, update

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.storage.database import Database, open_database
from workbench.storage.filters import ClaimFilter
from workbench.storage.queue import open_queue
from workbench.storage.repeat_alerts import published_claims, repeat_alerts
from workbench.storage.schema import ClaimRow

PAGE = 50
REPEATS = ClaimFilter(repeats_published=True)


def pair_repeats(database: Database) -> int:
    """Group claims 1 and 2, 11 and 12, … as repeats (once); the number of claims in a cluster."""
    with database.session() as session:
        clustered = session.scalar(select(func.count()).where(ClaimRow.cluster_id.is_not(None)))
        if not clustered:
            first, second = (ClaimRow.id % 10) == 1, (ClaimRow.id % 10) == 2
            session.execute(update(ClaimRow).where(first).values(cluster_id=ClaimRow.id))
            session.execute(update(ClaimRow).where(second).values(cluster_id=ClaimRow.id - 1))
        return int(session.scalar(select(func.count()).where(ClaimRow.cluster_id.is_not(None))) or 0)


def naive_alert_ids(session) -> list[int]:
    """The flagged claims, most check-worthy first, computed in pandas from every live claim."""
    claims = pd.DataFrame(
        session.execute(
            select(ClaimRow.id, ClaimRow.cluster_id, ClaimRow.worthiness).where(ClaimRow.retired.is_(False))
        ).all(),
        columns=["id", "cluster_id", "worthiness"],
    )
    published = set(session.scalars(published_claims()))
    claims["published"] = claims["id"].isin(published)
    clustered = claims.dropna(subset=["cluster_id"])
    published_in = clustered.groupby("cluster_id")["published"].sum()
    flagged = clustered[~clustered["published"] & clustered["cluster_id"].map(published_in).gt(0)]
    return list(flagged.sort_values(["worthiness", "id"], ascending=[False, True])["id"])


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="made by bench/generate_db.py")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    database = open_database(args.database_url)
    clustered = pair_repeats(database)

    def session_run(action):
        def run():
            with database.session() as session:
                return action(session)

        return run

    page_ids = session_run(lambda s: list(open_queue(s, ClaimFilter(), page_size=PAGE).page.frame["id"]))()
    ours = session_run(lambda s: open_queue(s, REPEATS, page_size=PAGE))()
    naive = session_run(naive_alert_ids)()
    if ours.page.total != len(naive) or list(ours.page.frame["id"]) != naive[:PAGE]:
        print(f"different answers: ours {ours.page.total} claims, naive {len(naive)}", file=sys.stderr)
        return 1
    rows = [
        ("a Queue page of 50 with its Repeats column", session_run(lambda s: open_queue(s, ClaimFilter())),
         session_run(naive_alert_ids)),
        ("the repeat alerts of one page of 50", session_run(lambda s: repeat_alerts(s, page_ids)),
         session_run(naive_alert_ids)),
        ("the Queue filtered to repeats of a published verdict",
         session_run(lambda s: open_queue(s, REPEATS)), session_run(naive_alert_ids)),
    ]  # fmt: skip
    figures = []
    print(f"database: {args.database_url} · {clustered:,} claims in clusters of repeats · "
          f"{ours.page.total:,} flagged · median of {args.runs} runs")  # fmt: skip
    print(f"load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print("| measure | ours (ms) | naive baseline (ms) | baseline / ours |\n|---|---:|---:|---:|")
    for name, mine, baseline in rows:
        ours_ms, base_ms = median_ms(mine, args.runs), median_ms(baseline, args.runs)
        figures.append({"measure": name, "ms": round(ours_ms, 1), "baseline_ms": round(base_ms, 1)})
        print(f"| {name} | {ours_ms:.1f} | {base_ms:.1f} | {base_ms / ours_ms:.1f}× |")
    if args.json:
        args.json.write_text(json.dumps({"database": args.database_url, "rows": figures}, indent=2))
    database.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
