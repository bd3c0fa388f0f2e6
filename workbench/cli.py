"""Command line: `python -m workbench init [--demo]` prepares the database; `users ...` manages accounts."""

from __future__ import annotations

import argparse
import sys

from workbench.config import database_url
from workbench.demo import load_demo
from workbench.export_commands import add_commands
from workbench.repeated_command import add_commands as add_recluster_command
from workbench.rescore import add_commands as add_rescore_command
from workbench.storage.database import open_database
from workbench.user_commands import add_commands as add_user_commands
from workbench.worthiness_command import add_commands as add_retrain_command


def _init(args: argparse.Namespace) -> int:
    url = args.database_url or database_url()
    database = open_database(url)
    print(f"Database ready (schema at the newest migration): {database.engine.url.render_as_string()}")
    if args.demo:
        with database.session() as session:
            loaded = load_demo(session)
        print("Demo content loaded." if loaded else "Database already has articles: demo content not loaded.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m workbench", description="Claim fact-checking workbench")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create or upgrade the database (Alembic migrations)")
    init.add_argument("--demo", action="store_true", help="load the demo article and sources when empty")
    init.add_argument("--database-url", help="overrides WORKBENCH_DATABASE_URL")
    init.set_defaults(run=_init)
    add_commands(commands)  # export verdicts|claimreview, import verdicts
    add_user_commands(commands)  # users add|list|set-role|disable|enable|set-password
    add_rescore_command(commands)  # rescore
    add_recluster_command(commands)  # recluster
    add_retrain_command(commands)  # retrain-worthiness
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
