"""`python -m workbench import series FILE|URL [--format F] [--skip-bad-rows]` (see export_commands).

Reads the file (or fetches the URL through the address guard), shows the rows read and values saved on
a progress line, stores every series of the file as a source in one transaction, and prints what was
stored; a refused file prints its located errors and stores nothing (exit 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ERRORS_PRINTED = 50


class _SeriesProgress:
    """The command's progress line: rows read (total unknown), then values saved out of the total."""

    def __init__(self, stream=None) -> None:
        from workbench.commands.ingest_command import ProgressLine

        self.line = ProgressLine("Importing", stream=stream)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "reading":
            self.line(0, 1, f"read {done:,} rows")
        else:
            self.line(done, total, f"saved {done:,}/{total:,} values")

    def close(self) -> None:
        self.line.close()


def run_import_series(args: argparse.Namespace) -> int:
    from sources.importing import SourceImportError
    from sources.series import Provenance
    from workbench.desk.series_intake import fetch_series, import_series
    from workbench.domain.config import database_url
    from workbench.domain.errors import WorkbenchError
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    target: str = args.target
    bar = _SeriesProgress()
    try:
        if target.startswith(("http://", "https://")):
            fetched = fetch_series(target, now=dt.datetime.now(dt.UTC))
            content, name = fetched.content, fetched.name
            provenance = Provenance(
                publisher=args.publisher, url=fetched.url, retrieved_at=fetched.retrieved_at
            )
        else:
            path = Path(target)
            content, name = path.read_bytes(), path.name
            provenance = Provenance(publisher=args.publisher, retrieved_at=args.retrieved)
        with database.session() as session:
            outcome = import_series(
                session, content, name=name, reviewer=args.reviewer, format=args.format,
                measure=args.measure, provenance=provenance, keep_good_rows=args.skip_bad_rows, progress=bar,
            )  # fmt: skip
    except SourceImportError as error:
        bar.close()
        print(f"Import refused, nothing stored: {len(error.errors)} problem(s):", file=sys.stderr)
        for line in error.errors[:ERRORS_PRINTED]:
            print(f"  {line}", file=sys.stderr)
        if len(error.errors) > ERRORS_PRINTED:
            print(f"  … and {len(error.errors) - ERRORS_PRINTED} more", file=sys.stderr)
        return 1
    except (WorkbenchError, OSError) as error:
        bar.close()
        print(f"Import refused, nothing stored: {error}", file=sys.stderr)
        return 1
    bar.close()
    print(outcome.message())
    for line in outcome.skipped[:ERRORS_PRINTED]:
        print(f"  skipped: {line}")
    return 0


def _day(text: str) -> str:
    """A retrieval date as typed: YYYY-MM-DD, refused with a reason otherwise."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def add_series_command(what) -> None:
    """``import series`` beside ``import verdicts``."""
    # the formats are named, not imported: `workbench --help` loads no reader (read_series refuses others)
    series = what.add_parser("series", help="a statistical series file or URL (CSV, SDMX, World Bank)")
    series.add_argument("target", help="a file, or an http(s) address fetched through the address guard")
    series.add_argument(
        "--format", help="tidy, wide, sdmx-csv, sdmx-json or world-bank (detected when left out)"
    )
    series.add_argument("--skip-bad-rows", action="store_true", help="store the good rows, list the bad")
    series.add_argument("--measure", help="what is measured, when the file does not say")
    series.add_argument("--publisher", help="who publishes it, when the file does not say")
    series.add_argument("--retrieved", type=_day, help="retrieval date (YYYY-MM-DD) of a file")
    series.add_argument("--reviewer", default="command line", help="recorded as who imported it")
    series.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    series.set_defaults(run=run_import_series)
