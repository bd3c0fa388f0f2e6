"""`workbench ingest PATH...` and `workbench worker` (registered by workbench.commands.cli; handlers load
lazily).

workbench ingest articles/ feed.xml rows.csv https://example.org/rss [--workers N] [--dry-run]
workbench ingest rows.jsonl --scheduler tcp://HOST:8786      # claim extraction on a Dask cluster
workbench worker                                            # runs the jobs the app submits
"""

from __future__ import annotations

import argparse
import sys
import time


class ProgressLine:
    """A one-line progress bar with the rate, redrawn on stderr at most ten times a second."""

    def __init__(self, label: str, *, stream=None) -> None:
        self.label, self.stream, self.last = label, stream or sys.stderr, 0.0

    def __call__(self, done: int, total: int, message: str) -> None:
        from workbench.outputs.progress import text_bar

        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        self.stream.write("\r" + text_bar(done, total, label=self.label) + f" {message}   ")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\n")


def run_ingest(args: argparse.Namespace) -> int:
    """Read the inputs, ingest them and print the summary; exit 1 when something was refused."""
    from workbench.desk.ingest_inputs import path_items
    from workbench.domain.config import database_url
    from workbench.domain.errors import WorkbenchError
    from workbench.jobs.batch_ingest import WorkerOptions, default_workers, ingest_items
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    options = WorkerOptions(timeout=args.timeout, outlet=args.outlet, lang=args.lang)
    bar = ProgressLine("Ingesting")
    try:
        summary = ingest_items(
            database,
            path_items(args.paths, timeout=args.timeout),
            workers=default_workers() if args.workers is None else args.workers,
            scheduler=args.scheduler,
            batch=args.batch,
            cluster=not args.no_cluster,
            dry_run=args.dry_run,
            options=options,
            progress=bar,
        )
    except WorkbenchError as error:
        print(f"\nerror: {error}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    for line in summary.lines():
        print(line)
    if summary.interrupted:
        return 130
    return 1 if summary.refused else 0


def run_worker(args: argparse.Namespace) -> int:
    """`workbench worker`: run the jobs the app submits until stopped (Ctrl-C), or the queue is empty."""
    from workbench.domain.config import database_url
    from workbench.jobs.queue import run_worker as work
    from workbench.jobs.queue import worker_name
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    print(f"Worker {worker_name()} waiting for jobs (Ctrl-C stops it).", file=sys.stderr)
    try:
        count = work(database, once=args.once, poll=args.poll)
    except KeyboardInterrupt:
        return 130  # the job being run is re-queued once its heartbeat is stale
    print(f"{count} jobs run.")
    return 0


def run_jobs(args: argparse.Namespace) -> int:
    """`workbench jobs list|cancel|submit`: what the workers do, seen from any machine."""
    from workbench.domain.config import database_url
    from workbench.jobs.queue import list_jobs, request_cancel, submit_job
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    if args.action == "cancel":
        job = request_cancel(database, args.job_id)
        print(f"Job #{job.id}: {job.status}{' (stops at its next step)' if job.cancel_requested else ''}")
    elif args.action == "submit":
        params = {"paths": args.paths} if args.kind == "ingest" else {}
        job_id = submit_job(database, args.kind, params, title=f"{args.kind} {' '.join(args.paths)}".strip())
        print(f"Job #{job_id} queued: a `workbench worker` runs it.")
    else:
        for job in list_jobs(database):
            print(f"#{job.id}\t{job.status}\t{job.done}/{job.total}\t{job.title}\t{job.error or job.message}")
    return 0


def add_commands(commands, lazy) -> None:
    """Add ``ingest`` and ``worker`` to the ``workbench`` sub-commands."""
    ingest = commands.add_parser(
        "ingest",
        help="store many articles: folders, .zip, .jsonl/.csv rows, URL lists, RSS/Atom feeds",
        description=(
            "Folders (.txt .md .html), .zip, JSON Lines and CSV with one article per row (columns text, "
            "title, outlet, url, published, lang), .urls files or .txt files of addresses (each page "
            "fetched), RSS/Atom feeds (files or http(s) addresses: each entry's page fetched). "
            "Re-running skips what is stored and finishes an interrupted run."
        ),
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or feed address")
    ingest.add_argument(
        "--workers", type=int, help="worker processes (default: the cores less one, for the writer; 0: none)"
    )
    ingest.add_argument("--scheduler", metavar="tcp://HOST:8786", help="Dask scheduler address")
    ingest.add_argument("--batch", type=int, default=100, help="articles per transaction (default 100)")
    ingest.add_argument(
        "--no-cluster",
        action="store_true",
        help="skip grouping repeated claims per batch (faster); run `workbench recluster` afterwards",
    )
    ingest.add_argument("--dry-run", action="store_true", help="read and parse everything, store nothing")
    ingest.add_argument("--outlet", help="outlet of articles that name none")
    ingest.add_argument("--lang", help="language of every article (default: detected per article)")
    ingest.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a page (default 10)")
    ingest.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    ingest.set_defaults(run=lazy("workbench.commands.ingest_command:run_ingest"))
    worker = commands.add_parser(
        "worker", help="run the jobs submitted from the app (ingest, rescore, recluster)"
    )
    worker.add_argument("--once", action="store_true", help="stop when no job is queued")
    worker.add_argument("--poll", type=float, default=1.0, help="seconds between two looks at the queue")
    worker.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    worker.set_defaults(run=lazy("workbench.commands.ingest_command:run_worker"))
    jobs = commands.add_parser("jobs", help="list, submit or cancel background jobs")
    actions = jobs.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="the newest jobs with their progress")
    cancel = actions.add_parser("cancel", help="cancel a queued or running job")
    cancel.add_argument("job_id", type=int)
    submit = actions.add_parser("submit", help="queue a job for the workers")
    submit.add_argument("kind", choices=("ingest", "rescore", "recluster"))
    submit.add_argument("paths", nargs="*", help="for ingest: files, folders or feed addresses")
    for parser in actions.choices.values():
        parser.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    jobs.set_defaults(run=lazy("workbench.commands.ingest_command:run_jobs"))
