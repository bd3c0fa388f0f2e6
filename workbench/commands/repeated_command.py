"""`python -m workbench recluster`: assign every stored claim to its cluster of repeated claims."""

from __future__ import annotations

import argparse
import sys
import time

from workbench.domain.config import database_url
from workbench.outputs.progress import text_bar


def run_command(args: argparse.Namespace) -> int:
    """`workbench recluster`: regroup every stored claim, progress on stderr."""
    from workbench.desk.repeated import recluster
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    started = time.perf_counter()

    def report_progress(done: int, total: int) -> None:
        sys.stderr.write("\r" + text_bar(done, total, label="Comparing claims"))
        sys.stderr.flush()

    with database.session() as session:
        report = recluster(session, progress=report_progress)
    sys.stderr.write("\n")
    print(
        f"{report.claims:,} claims: {report.clusters:,} clusters of repeated claims "
        f"({report.clustered_claims:,} claims in them); {report.changed:,} claims changed cluster "
        f"in {time.perf_counter() - started:.1f} s."
    )
    return 0
