"""Command line: `workbench init [--demo]` prepares the database; `ingest`, `worker`, `users`, `export`,
`backup PATH` / `restore PATH` (the whole desk) ...

Only argparse and light modules load here: each command imports what it needs when it runs (a
``"module:function"`` handler), so ``workbench --help`` starts in a fraction of a second.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from workbench.commands.export_commands import add_commands
from workbench.commands.ingest_command import add_commands as add_ingest_commands
from workbench.commands.user_commands import add_commands as add_user_commands


def lazy(target: str) -> Callable[[argparse.Namespace], int]:
    """A command handler that imports ``module:function`` only when the command runs."""

    def run(args: argparse.Namespace) -> int:
        module, _, name = target.partition(":")
        return getattr(importlib.import_module(module), name)(args)

    return run


def _init(args: argparse.Namespace) -> int:
    from workbench.desk.demo import load_demo
    from workbench.domain.config import database_url
    from workbench.storage.database import open_database

    url = args.database_url or database_url()
    database = open_database(url)
    print(f"Database ready (schema at the newest migration): {database.engine.url.render_as_string()}")
    if args.demo:
        with database.session() as session:
            loaded = load_demo(session)
        print("Demo content loaded." if loaded else "Database already has articles: demo content not loaded.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbench", description="Claim fact-checking workbench")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create or upgrade the database (Alembic migrations)")
    init.add_argument("--demo", action="store_true", help="load the demo article and sources when empty")
    init.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    init.set_defaults(run=_init)
    add_ingest_commands(commands, lazy)  # ingest PATH..., worker
    add_commands(commands)  # export verdicts|claimreview, import verdicts
    add_user_commands(commands)  # users add|list|set-role|disable|enable|set-password
    rescore = commands.add_parser(
        "rescore",
        help="re-score stored claims with the check-worthiness model in use (the desk's or the shipped one)",
    )
    rescore.add_argument("--batch", type=int, default=1_000, help="claims per transaction (default 1000)")
    rescore.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    rescore.set_defaults(run=lazy("workbench.desk.rescore:run_command"))
    recluster = commands.add_parser("recluster", help="group repeated claims across all stored articles")
    recluster.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    recluster.set_defaults(run=lazy("workbench.commands.repeated_command:run_command"))
    made = commands.add_parser("backup", help="copy the whole desk (every table and history) to a file")
    made.add_argument("path", help="the backup file to write (JSON Lines)")
    made.add_argument("--force", action="store_true", help="overwrite PATH when it exists")
    made.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    made.set_defaults(run=lazy("workbench.desk.backup:run_backup"))
    back = commands.add_parser("restore", help="load a backup into an EMPTY database")
    back.add_argument("path", help="a file written by `backup`")
    back.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    back.set_defaults(run=lazy("workbench.desk.backup:run_restore"))
    retrain = commands.add_parser(
        "retrain-worthiness",
        help="fit the desk's check-worthiness model on its verdicts and not-check-worthy marks",
    )
    retrain.add_argument("--reset", action="store_true", help="go back to the shipped model")
    retrain.add_argument("--editor", default="command line", help="recorded as who changed the model")
    retrain.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    retrain.set_defaults(run=lazy("workbench.commands.worthiness_command:run_command"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
