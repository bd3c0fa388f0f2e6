"""`python -m workbench recluster`: assign every stored claim to its cluster of repeated claims."""

from __future__ import annotations

import argparse
import sys
import time

from workbench.config import database_url
from workbench.progress import text_bar
from workbench.repeated import recluster
from workbench.storage.database import open_database


def _recluster(args: argparse.Namespace) -> int:
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


def add_commands(commands) -> None:
    """Add ``recluster`` to the ``python -m workbench`` sub-commands."""
    parser = commands.add_parser("recluster", help="group repeated claims across all stored articles")
    parser.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    parser.set_defaults(run=_recluster)
