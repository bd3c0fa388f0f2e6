"""Crash safety of `workbench ingest`: SIGKILL it at random points, re-run, compare with a clean run.

Each round starts the same ingestion into the same SQLite file, waits (polling the database) until
a random number of new articles is stored, and kills it with SIGKILL; a last run finishes the job.
The database must then hold exactly what one uninterrupted run stores: same articles, same claims,
and no article without its claims.

    .venv/bin/python bench/kill_ingest.py [--articles 400] [--kills 10] [--seed 9] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import write_articles  # noqa: E402


def counts(url: str) -> tuple[int, int, int]:
    """Articles, claims, and articles stored without any claim (a half-stored article would show here)."""
    from sqlalchemy import func, select

    from workbench.storage.database import open_database
    from workbench.storage.schema import ArticleRow, ClaimRow

    database = open_database(url, migrate=False)
    with database.session() as session:
        articles = session.scalar(select(func.count()).select_from(ArticleRow))
        claims = session.scalar(select(func.count()).select_from(ClaimRow))
        bare = session.scalar(select(func.count()).select_from(ArticleRow).where(~ArticleRow.claims.any()))
    database.engine.dispose()
    return articles, claims, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from workbench.storage.database import open_database

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        rows = Path(folder) / "articles.jsonl"
        write_articles(rows, args.articles)
        url, clean = f"sqlite:///{folder}/killed.db", f"sqlite:///{folder}/clean.db"
        for target in (url, clean):
            open_database(target).engine.dispose()
        command = [sys.executable, "-m", "workbench", "ingest", str(rows), "--workers", "1", "--batch", "10"]
        rounds = []
        for kill in range(args.kills):
            before = counts(url)[0]
            wanted = before + rng.randint(1, max(1, (args.articles - before) // (args.kills - kill + 1)))
            process = subprocess.Popen([*command, "--database-url", url], cwd=ROOT, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)  # fmt: skip
            while counts(url)[0] < wanted and process.poll() is None:
                pass  # poll the database, not the clock
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
            process.wait()
            stored = counts(url)
            rounds.append({"killed_at": stored[0], "claims": stored[1], "articles_without_claims": stored[2]})
            print(f"kill {kill + 1}: {stored[0]} articles, {stored[1]} claims, {stored[2]} without claims")
        subprocess.run([*command, "--database-url", url], cwd=ROOT, check=False, capture_output=True)
        subprocess.run([*command, "--database-url", clean], cwd=ROOT, check=False, capture_output=True)
        final, reference = counts(url), counts(clean)
    same = final == reference and final[2] == 0
    print(f"after re-running: {final} (articles, claims, without claims); one clean run: {reference}; "
          f"{'identical' if same else 'DIFFERENT'}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps({"rounds": rounds, "final": final, "clean": reference, "same": same}))


if __name__ == "__main__":
    main()
