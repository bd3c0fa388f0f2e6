"""Write-lock time and growth in size: duplicate checks, verdict import, the Review highlighter (seconds).

Each figure is printed beside its baseline measured in the same run, on the same data, as a ratio:
- one new source against a 10,000-source library: the duplicate check on indexed candidates against
  the same check over the whole library (what every save did before);
- `import verdicts` of one article of N and 4N claims (linear work: time ratio near 4; quadratic: 16);
- the Review page's highlighter on N and 4N claims (same reading);
- a 10,000-row source CSV import: the seconds the write transaction holds SQLite's lock (first write to
  commit), against the busy timeout another writer waits (workbench.storage.engine.BUSY_TIMEOUT_S).

    .venv/bin/python bench/linear_work.py [--claims 1000] [--json PATH]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sources.models import Source  # noqa: E402
from workbench.desk.library import flag_duplicates  # noqa: E402
from workbench.desk.source_intake import import_csv_file  # noqa: E402
from workbench.desk.verdict_import import import_verdicts  # noqa: E402
from workbench.outputs.highlight import Mark, highlight_html  # noqa: E402
from workbench.storage.database import open_database  # noqa: E402
from workbench.storage.engine import BUSY_TIMEOUT_S  # noqa: E402
from workbench.storage.sources_store import (  # noqa: E402
    StoredSource,
    duplicate_candidates,
    load_source_keys,
)


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _library_csv(rows: int) -> bytes:
    """Synthetic sources: 40 publishers, a figure in each text (as tests/test_workbench_sources_store.py)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "publisher", "url", "published", "kind", "text"])
    for i in range(rows):
        text = f"Production rose by {i % 90 + 5}% in plant {i}."
        url = f"https://example.org/r/{i}"
        title, publisher = f"Report {i} on output", f"Publisher {i % 40}"
        writer.writerow([title, publisher, url, f"20{10 + i % 15}", "report", text])
    return out.getvalue().encode()


class LockWatch:
    """When a transaction first writes and when it commits: the span SQLite's write lock is held."""

    def __init__(self, engine) -> None:
        self.first_write: float | None = None
        self.commit: float | None = None
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)

    def _statement(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.first_write is None and statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            self.first_write = time.perf_counter()

    def _commit(self, conn) -> None:
        self.commit = time.perf_counter()

    @property
    def held(self) -> float:
        return (self.commit or 0.0) - (self.first_write or 0.0)


def duplicate_check(folder: Path) -> dict:
    database = open_database(f"sqlite:///{folder / 'dedup.db'}")
    content = _library_csv(10_000)
    watch = LockWatch(database.engine)
    with database.session() as session:
        whole_call = _timed(lambda: import_csv_file(session, content, name="library.csv", reviewer="bench"))
    held = watch.held
    new = [Source("Report 17 on output!", publisher="Publisher 17", url="https://example.org/new")]
    with database.session() as session:
        # what each save did before: every pair of the whole library compared, the new source among them
        whole = min(_timed(lambda: flag_duplicates([*load_source_keys(session), *[
            StoredSource(10**12, new[0], ())]])) for _ in range(2))  # fmt: skip
        indexed = min(_timed(lambda: flag_duplicates([*duplicate_candidates(session, new), *[
            StoredSource(10**12, new[0], ())]], {10**12})) for _ in range(2))  # fmt: skip
    database.engine.dispose()
    return {
        "csv import of 10,000 rows, whole call (s)": round(whole_call, 2),
        "write lock held, first write to commit (s)": round(held, 2),
        "busy timeout another writer waits (s)": BUSY_TIMEOUT_S,
        "one new source: duplicate check on indexed candidates (s)": round(indexed, 3),
        "baseline: the same check over the whole library (s)": round(whole, 3),
        "speed-up": round(whole / indexed, 1),
    }


def verdict_import(folder: Path, claims: int) -> dict:
    times = {}
    for size in (claims, 4 * claims):
        rows = [
            {"article_id": "1", "article_title": "Long", "verdict": "True",
             "claim": f"Output rose by {n % 90 + 1}% in plant {n}.",
             "evidence_urls": f"https://example.org/{n % 50}"}
            for n in range(size)
        ]  # fmt: skip
        database = open_database(f"sqlite:///{folder / f'import{size}.db'}")
        with database.session() as session:
            times[size] = _timed(lambda rows=rows, session=session: import_verdicts(session, rows))
        database.engine.dispose()
    return {f"import verdicts, {n:,} claims (s)": round(t, 2) for n, t in times.items()} | {
        "ratio 4N / N (linear: ~4, quadratic: ~16)": round(times[4 * claims] / times[claims], 1)
    }


def _quadratic_highlight(text: str, marks) -> str:
    """The highlighter before the sweep (each segment searched every claim), as the baseline."""
    import html
    from itertools import pairwise

    edges = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for start, end in pairwise(edges):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        out.append((covering[0] if covering else None, html.escape(text[start:end])))
    return "".join(inner for _, inner in out)


def highlighter(claims: int) -> dict:
    sentence = "Production rose by 12% in 2023. "
    step = len(sentence)
    times = {}
    for size in (5 * claims, 20 * claims):
        text = sentence * size
        marks = [Mark(i * step, (i + 1) * step - 1, i + 1, figures=((i * step + 19, i * step + 22),))
                 for i in range(size)]  # fmt: skip
        runs = (_timed(lambda text=text, marks=marks: highlight_html(text, marks)) for _ in range(2))
        times[size] = min(runs)
    small = claims
    text = sentence * small
    marks = [Mark(i * step, (i + 1) * step - 1, i + 1) for i in range(small)]
    baseline = _timed(lambda: _quadratic_highlight(text, marks))
    sweep = min(_timed(lambda: highlight_html(text, marks)) for _ in range(2))
    return {f"highlight {n:,} claims (s)": round(t, 3) for n, t in times.items()} | {
        "ratio 4N / N (linear: ~4, quadratic: ~16)": round(times[20 * claims] / times[5 * claims], 1),
        f"baseline: quadratic search, {small:,} claims (s)": round(baseline, 3),
        f"sweep, same {small:,} claims (s)": round(sweep, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000, help="N for the import (the highlighter: 5N)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = {
            "duplicate check, import lock (synthetic 10,000 sources)": duplicate_check(Path(folder)),
            "import verdicts (one synthetic article)": verdict_import(Path(folder), args.claims),
            "Review highlighter (one synthetic article)": highlighter(args.claims),
        }
    for section, values in figures.items():
        print(section)
        for name, value in values.items():
            print(f"  {name}: {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
