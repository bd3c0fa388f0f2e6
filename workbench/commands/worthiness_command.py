"""`python -m workbench retrain-worthiness [--reset]`: fit the desk's check-worthiness layer, or drop it."""

from __future__ import annotations

import argparse


def run_command(args: argparse.Namespace) -> int:
    from workbench.desk.worthiness_desk import describe, reset, retrain
    from workbench.domain.config import database_url
    from workbench.domain.errors import WorkbenchError
    from workbench.storage.database import open_database

    database = open_database(args.database_url or database_url())
    if args.reset:
        with database.session() as session:
            reset(session, editor=args.editor)
            print("Back to the shipped model. " + describe(session))
        print("Run `python -m workbench rescore` to re-score stored claims with it.")
        return 0
    print("Reading the desk's decisions and fitting its model…")
    try:
        with database.session() as session:
            summary = retrain(session, editor=args.editor)
    except WorkbenchError as error:
        print(error)
        return 1
    print(
        f"Learned from {summary.worthy} claims with a verdict and {summary.not_worthy} marked not "
        "check-worthy. "
        f"Average precision on {summary.held_back} held-back claims: shipped model {summary.before:.2f}, "
        f"desk model {summary.after:.2f}."
    )
    print("Run `python -m workbench rescore` to re-score stored claims with it; `--reset` goes back.")
    return 0
