"""Build a large review database for the dashboard benchmark: 100,000 claims and 300,000 evidence links.

    .venv/bin/python bench/generate_db.py                                # sqlite file data/bench-100k.db
    .venv/bin/python bench/generate_db.py --database-url postgresql+psycopg://.../bench --claims 1000000

The database is migrated to the newest schema first, then filled in bulk: SQLite through SQLAlchemy
Core executemany in chunks; PostgreSQL through COPY, with the tables' secondary indexes dropped during
the load and rebuilt once at the end (one sort per index instead of a million index insertions).
Progress (claims written, claims/s) goes to stderr. Contents are
synthetic but shaped like a desk's: articles of ~50 claims in two languages and several outlets, a
figure per claim, statuses and verdicts on a share of the claims, three evidence links per claim.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Table, func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.storage.database import open_database
from workbench.storage.schema import (
    ArticleRow,
    ClaimRow,
    EvidenceRow,
    SourceRow,
    StatisticRow,
    VerdictRow,
)

DEFAULT_URL = f"sqlite:///{Path(__file__).resolve().parents[1] / 'data' / 'bench-100k.db'}"
CHUNK = 10_000
OUTLETS = ("Le Monde", "Libération", "Reuters", "The Guardian", "Kyiv Independent", "AFP", "BBC", None)
KINDS = ("statistic", "change", "comparison", "event", "forecast", "other")
STATUSES = ("new", "new", "new", "checking", "published", "not check-worthy")
RATINGS = ("True", "Mostly true", "Misleading", "False", "Unverifiable")
REVIEWERS = ("ana", "ben", "chloé", "dmytro", "eva")
SENTENCES = {
    "fr": "Selon le ministère, la production de {thing} a atteint {n} unités en {year}, soit {p} % de plus.",
    "en": "According to the ministry, output of {thing} reached {n} units in {year}, {p}% more than before.",
}
THINGS = ("drones", "obus", "véhicules", "missiles", "radars", "munitions", "blindés", "satellites")


def _article(article_id: int, claims: int, rng: random.Random) -> tuple[dict, list[dict], list[dict]]:
    """One article's row, its claims and their figures (spans index the article's text)."""
    lang = rng.choice(("fr", "fr", "en"))
    parts, claim_rows, stat_rows, offset = [], [], [], 0
    for number in range(claims):
        figure = rng.randint(10, 90_000)
        sentence = SENTENCES[lang].format(
            thing=rng.choice(THINGS), n=figure, year=rng.randint(2015, 2025), p=rng.randint(1, 99)
        )
        claim_id = (article_id - 1) * claims + number + 1
        at = sentence.index(str(figure))
        claim_rows.append(
            dict(
                id=claim_id,
                article_id=article_id,
                sentence_no=number,
                start=offset,
                end=offset + len(sentence),
                text=sentence,
                kind=rng.choice(KINDS),
                modality="reported",
                worthiness=round(rng.random(), 3),
                reasons=["contains a figure"],
                facets={"dates": [], "entities": [], "attribution": {"speaker": "le ministère"}},
                status=rng.choice(STATUSES),
                version=1,
                retired=False,
                assignee=rng.choice((*REVIEWERS, None, None, None)),
            )
        )
        stat_rows.append(
            dict(
                claim_id=claim_id,
                start=offset + at,
                end=offset + at + len(str(figure)),
                surface=str(figure),
                kind="count",
                value=float(figure),
                bound="exact",
                low=None,
                high=None,
                inclusive=True,
                unit=None,
                counted="unités",
                vague=False,
            )
        )
        parts.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(parts)
    published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    article = dict(id=article_id, title=f"Article {article_id}: {parts[0][:60]}", outlet=rng.choice(OUTLETS),
                   url=None, published=published, lang=lang, text=text, text_hash=f"bench-{article_id:08d}",
                   is_example=False)  # fmt: skip
    return article, claim_rows, stat_rows


def _insert(connection, table: Table, rows: list[dict]) -> None:
    """Append rows: COPY on PostgreSQL (JSON columns serialised here), executemany in chunks elsewhere."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        for start in range(0, len(rows), CHUNK):
            connection.execute(insert(table), rows[start : start + CHUNK])
        return
    # COPY bypasses SQLAlchemy, so the columns' Python-side defaults (created_at, version...) go in here;
    # a default computed from the row (a source's url_key) is given the row as its insert context
    defaults = {
        column.name: column.default
        for column in table.columns
        if column.default is not None and column.name not in rows[0]
    }

    class _Row:  # what SQLAlchemy hands a context-sensitive default: the row's parameters
        def __init__(self, row: dict) -> None:
            self.row = row

        def get_current_parameters(self) -> dict:
            return self.row

    def default(name: str, row: dict) -> object:
        found = defaults[name]
        return found.arg if found.is_scalar else found.arg(_Row(row))

    names = [*rows[0], *defaults]
    is_json = [table.c[name].type.__class__.__name__ == "JSON" for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
        for row in rows:
            values = [row[name] if name in row else default(name, row) for name in names]
            pairs = zip(values, is_json, strict=True)
            copy.write_row([json.dumps(v) if j and v is not None else v for v, j in pairs])


TABLES = ("articles", "claims", "statistics", "sources", "evidence", "verdicts")


def _drop_secondary_indexes(connection) -> list[str]:
    """Drop the loaded tables' non-unique indexes (PostgreSQL); returns their definitions to rebuild."""
    rows = connection.exec_driver_sql(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname "
        "JOIN pg_index x ON x.indexrelid = c.oid WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(%(tables)s) AND NOT x.indisunique",
        {"tables": list(TABLES)},
    ).all()
    for name, _ in rows:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [definition for _, definition in rows]


class _Progress:
    """Claims written so far and the rate, on one stderr line refreshed at most twice a second."""

    def __init__(self, total: int) -> None:
        self.total, self.started, self.shown = total, time.perf_counter(), 0.0

    def __call__(self, done: int, note: str = "", *, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.shown < 0.5:
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        print(f"\r{done:>10,} / {self.total:,} claims · {rate:,.0f} claims/s {note}", end="",
              file=sys.stderr, flush=True)  # fmt: skip


def generate(
    url: str, *, claims: int, per_article: int, links_per_claim: int, sources: int, seed: int
) -> dict:
    """Fill an empty database; returns the counts and the seconds it took."""
    started = time.perf_counter()
    database = open_database(url)
    postgres = database.engine.dialect.name == "postgresql"
    with database.engine.begin() as connection:
        if connection.scalar(select(func.count()).select_from(ArticleRow.__table__)):
            raise SystemExit(f"{url} already holds articles; give an empty database.")
    rng = random.Random(seed)
    articles = -(-claims // per_article)
    now = datetime.now(UTC)
    progress = _Progress(claims)
    # one transaction: a failure half-way leaves the database empty, as it was
    with database.engine.begin() as connection:
        rebuild = _drop_secondary_indexes(connection) if postgres else []
        _insert(
            connection,
            SourceRow.__table__,
            [
                dict(
                    id=i, title=f"Source {i}", publisher=rng.choice(OUTLETS), kind="report", is_example=False
                )
                for i in range(1, sources + 1)
            ],
        )
        made = 0
        verdicts, links, article_rows, claim_batch, stat_batch = [], [], [], [], []
        for article_id in range(1, articles + 1):
            count = min(per_article, claims - made)
            article, claim_rows, stat_rows = _article(article_id, count, rng)
            article_rows.append(article)
            claim_batch.extend(claim_rows)
            stat_batch.extend(stat_rows)
            for claim in claim_rows:
                for source_id in rng.sample(range(1, sources + 1), links_per_claim):
                    links.append(dict(claim_id=claim["id"], source_id=source_id, action="link",
                                      stance=rng.choice(("supports", "contradicts", "context")),
                                      reviewer=rng.choice(REVIEWERS), created_at=now))  # fmt: skip
                if claim["status"] == "published":
                    verdicts.append(dict(claim_id=claim["id"], rating=rng.choice(RATINGS), rationale="Bench.",
                                         reviewer=rng.choice(REVIEWERS), state="published", created_at=now,
                                         source_ids=[]))  # fmt: skip
            made += count
            if len(claim_batch) >= CHUNK * 2 or article_id == articles:
                _insert(connection, ArticleRow.__table__, article_rows)
                _insert(connection, ClaimRow.__table__, claim_batch)
                _insert(connection, StatisticRow.__table__, stat_batch)
                _insert(connection, EvidenceRow.__table__, links)
                article_rows, claim_batch, stat_batch, links = [], [], [], []
                progress(made)
        _insert(connection, VerdictRow.__table__, verdicts)
        progress(made, "· rebuilding indexes" if rebuild else "", force=True)
        for definition in rebuild:
            connection.exec_driver_sql(definition)
    print(file=sys.stderr)
    if postgres:
        with database.engine.begin() as connection:
            for table in TABLES:
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
        # VACUUM sets the visibility map, as autovacuum would on a desk's server: index-only scans
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    else:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    database.engine.dispose()
    return {"articles": articles, "claims": claims, "evidence": claims * links_per_claim,
            "verdicts": len(verdicts), "seconds": round(time.perf_counter() - started, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=DEFAULT_URL, help=f"an empty database (default {DEFAULT_URL})"
    )
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--links-per-claim", type=int, default=3)
    parser.add_argument("--sources", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args(argv)
    if args.database_url.startswith("sqlite:///"):
        Path(args.database_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    counts = generate(
        args.database_url, claims=args.claims, per_article=args.per_article,
        links_per_claim=args.links_per_claim, sources=args.sources, seed=args.seed,
    )  # fmt: skip
    print("| table | rows |\n|---|---:|")
    for name, value in counts.items():
        print(f"| {name} | {value:,} |" if name != "seconds" else f"| build time (s) | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
