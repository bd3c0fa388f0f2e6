"""Command-line exports and the import back (registered by ``workbench.commands.cli``).

python -m workbench export verdicts --since 2026-01-01 --out verdicts.csv [--excel] [--all-states]
python -m workbench export claimreview --out claimreview.json
python -m workbench import verdicts verdicts.csv
python -m workbench import series shells.sdmx.csv [--format sdmx-csv] [--skip-bad-rows]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from workbench.commands.series_command import add_series_command
from workbench.domain.config import database_url
from workbench.outputs.progress import text_bar

# pandas, SQLAlchemy and the export modules load inside each command, so `workbench --help` starts fast


class ProgressBar:
    """A one-line progress bar on stderr, shown only for exports larger than one chunk."""

    def __init__(self, label: str, *, stream=None, width: int = 30) -> None:
        self.label, self.stream, self.width = label, stream or sys.stderr, width

    def __call__(self, done: int, total: int) -> None:
        from workbench.storage.export_rows import CHUNK

        if total <= CHUNK:
            return
        end = "\n" if done >= total else ""
        print(
            "\r" + text_bar(done, total, width=self.width, label=self.label),
            end=end,
            file=self.stream,
            flush=True,
        )


def _filter(args: argparse.Namespace):
    from workbench.storage.filters import ClaimFilter

    return ClaimFilter(date_from=args.since, date_to=args.until)


def _export_verdicts(args: argparse.Namespace) -> int:
    from workbench.outputs.exports import export_summary, verdicts_csv
    from workbench.storage.database import open_database
    from workbench.storage.export_rows import verdict_rows

    database = open_database(args.database_url or database_url())
    with database.session() as session:
        df = verdict_rows(
            session,
            claim_filter=_filter(args),
            states="all" if args.all_states else "published",
            only_with_verdict=args.only_verdicts,
            progress=ProgressBar("Exporting verdicts"),
        )
    args.out.write_bytes(verdicts_csv(df, excel=args.excel))
    print(f"{export_summary(len(df))} Written to {args.out}")
    return 0


def _export_claimreview(args: argparse.Namespace) -> int:
    from workbench.outputs.claimreview import claimreview_chunks, iter_claim_reviews
    from workbench.outputs.claimreview_settings import example_url_warning, load_publisher
    from workbench.storage.database import open_database
    from workbench.storage.export_rows import verdict_rows

    database = open_database(args.database_url or database_url())
    with database.session() as session:
        df = verdict_rows(
            session,
            claim_filter=_filter(args),
            only_with_verdict=True,
            progress=ProgressBar("Reading verdicts"),
        )
        publisher = load_publisher(session)
    written = []  # the reviews, counted as they stream to the file
    reviews = (written.append(r.get("url")) or r for r in iter_claim_reviews(df, publisher))
    with args.out.open("wb") as out:
        out.writelines(claimreview_chunks(reviews))
    print(f"{len(written)} ClaimReview objects (published verdicts) written to {args.out}")
    if written and (warning := example_url_warning(publisher)):
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _import_verdicts(args: argparse.Namespace) -> int:
    from workbench.desk.verdict_import import import_verdicts, read_verdict_csv
    from workbench.domain.errors import WorkbenchError
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    try:
        rows = read_verdict_csv(args.file.read_bytes(), name=args.file.name)
        with database.session() as session:
            summary = import_verdicts(session, rows, name=args.file.name)
    except (WorkbenchError, OSError) as error:
        print(f"Import refused, nothing stored: {error}", file=sys.stderr)
        return 1
    print(summary)
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")


def add_commands(commands) -> None:
    """Add ``export`` and ``import`` to the ``python -m workbench`` sub-commands."""
    export = commands.add_parser("export", help="write the verdict CSV or ClaimReview JSON-LD")
    kinds = export.add_subparsers(dest="kind", required=True)
    verdicts = kinds.add_parser("verdicts", help="verdict CSV, one row per claim (columns in README)")
    claimreview = kinds.add_parser("claimreview", help="ClaimReview JSON-LD of published verdicts")
    for parser in (verdicts, claimreview):
        parser.add_argument("--out", type=Path, required=True, help="file to write")
        parser.add_argument(
            "--since", type=date.fromisoformat, help="articles dated on or after (YYYY-MM-DD)"
        )
        parser.add_argument(
            "--until", type=date.fromisoformat, help="articles dated on or before (YYYY-MM-DD)"
        )
        _common(parser)
    verdicts.add_argument("--excel", action="store_true", help="BOM and semicolons, for Excel")
    verdicts.add_argument("--all-states", action="store_true", help="latest verdict even when only proposed")
    verdicts.add_argument("--only-verdicts", action="store_true", help="leave out claims without a verdict")
    verdicts.set_defaults(run=_export_verdicts)
    claimreview.set_defaults(run=_export_claimreview)
    importing = commands.add_parser("import", help="read a verdict CSV back into an empty database")
    what = importing.add_subparsers(dest="kind", required=True)
    back = what.add_parser("verdicts", help="a verdict CSV written by `export verdicts`")
    back.add_argument("file", type=Path)
    _common(back)
    back.set_defaults(run=_import_verdicts)
    add_series_command(what)  # import series FILE|URL
