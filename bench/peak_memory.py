"""Peak memory of the worst inputs the upload limits allow, each in its own process, beside an idle one.

Every case runs the app's own path for that input (prepare and store an article, the folder upload of a
zip, a source CSV import, a saved page) into a fresh SQLite file, in a child process whose peak
resident size (``ru_maxrss``) is read at its end. The baseline is the same child importing the same
modules and opening the database without any input; each case is printed beside it as a ratio. The
aim (issue 13): under 1 GB for every input the limits allow.

    .venv/bin/python bench/peak_memory.py [--only NAME] [--json PATH]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data"
SEEDS = ("ukraine-defence-industry-fr.txt", "ukraine-defence-industry-en.txt")
AIM_MB = 1024


def _seed_text() -> str:
    return "\n".join((DATA / name).read_text(encoding="utf-8") for name in SEEDS) + "\n"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _article(text: str) -> str:
    """Prepare and store ``text`` as the Add-article page does; what it did, in a few words."""
    from workbench.desk.article_intake import store_article
    from workbench.desk.ingest import prepare_article
    from workbench.domain.errors import WorkbenchError

    try:
        draft = prepare_article(text)
        article_id = store_article(_database(), draft)
    except WorkbenchError as error:
        return f"refused: {str(error)[:90]}"
    return f"stored #{article_id}: {len(draft.claims):,} claims"


def _database():
    from workbench.storage.database import open_database

    return open_database(f"sqlite:///{ARGS.db}")


def case_idle() -> str:
    _database()
    return "imports and an open database"


def case_article_5mb_prose() -> str:
    from workbench.desk.ingest import MAX_ARTICLE_CHARS

    return _article(_repeat(_seed_text(), MAX_ARTICLE_CHARS))


def case_article_at_claim_limit() -> str:
    """The longest seed-article text the claim limit still stores (its claims counted first)."""
    from claims import split_claims
    from workbench.domain.article_limits import MAX_ARTICLE_CLAIMS

    unit = _seed_text()
    per_unit = len(split_claims(unit, lang="fr")) or 1
    return _article(unit * max(1, int(MAX_ARTICLE_CLAIMS * 0.97) // per_unit))


def case_random_tokens_5mb() -> str:
    from workbench.desk.ingest import MAX_ARTICLE_CHARS

    rnd = random.Random(1)
    tokens = ["alpha", "Beta", "1,2", "3.", "U.S.", "—", "🙂", "x" * 50, "12 %", "£3bn"]
    return _article(" ".join(rnd.choice(tokens) for _ in range(MAX_ARTICLE_CHARS // 4))[:MAX_ARTICLE_CHARS])


def case_data_column_5mb() -> str:
    from workbench.desk.ingest import MAX_ARTICLE_CHARS

    return _article(_repeat("1 ", MAX_ARTICLE_CHARS))


def case_figures_at_limit() -> str:
    """Just under the article's figure limit, each figure with words around it (no data column)."""
    from workbench.domain.article_limits import MAX_ARTICLE_FIGURES

    towns = ("Lyon", "Nantes", "Lille", "Metz", "Brest", "Nice", "Caen", "Tours", "Dijon", "Reims")
    sentences = (
        "Sales rose " + ", ".join(f"{(n + k) % 97} % in {town}" for k, town in enumerate(towns)) + "."
        for n in range(0, MAX_ARTICLE_FIGURES - 100, len(towns))
    )
    return _article(" ".join(sentences))


def case_folder_zip_bomb() -> str:
    """A 20 MB-limit folder upload: 400 members of 5 MB of one repeated byte (about 2 MB zipped)."""
    from workbench.jobs.folder_ingest import expand_uploads, ingest_files

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(400):
            archive.writestr(f"page{n}.txt", b"\n" * (5 * 1024 * 1024))
    texts, refused = expand_uploads([("bomb.zip", buffer.getvalue())])
    summary = ingest_files(_database(), list(texts))
    return f"{len(buffer.getvalue()) / 2**20:.1f} MB zip: {len(summary.refused) + len(refused)} refused"


def case_source_csv_20mb() -> str:
    """A source CSV at the 20 MB upload limit: rows with text holding figures, imported and stored."""
    import csv

    from workbench.desk.source_intake import MAX_CSV_BYTES, import_csv_file
    from workbench.domain.errors import WorkbenchError

    lines = _seed_text().splitlines()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "publisher", "url", "text"])
    n = 0
    while out.tell() < MAX_CSV_BYTES - 4_000:
        text = " ".join(lines[(n + k) % len(lines)] for k in range(3))[:1_500]
        writer.writerow([f"Report {n}", f"Agency {n % 50}", f"https://stats.example/{n}", text])
        n += 1
    content = out.getvalue().encode("utf-8")[:MAX_CSV_BYTES]
    content = content[: content.rfind(b"\n") + 1]
    database = _database()
    try:
        with database.session() as session:
            done = import_csv_file(
                session, content, name="sources.csv", reviewer="bench", save_good_rows=True
            )
    except WorkbenchError as error:
        return f"refused: {str(error)[:90]}"
    return f"{len(content) / 1e6:.1f} MB: {len(done.saved.ids):,} sources stored"


def case_html_page_5mb() -> str:
    """A 5 MB HTML page (the page size limit) read as a source."""
    from workbench.desk.fetching import MAX_PAGE_BYTES
    from workbench.desk.source_intake import read_html
    from workbench.domain.errors import WorkbenchError

    # markup around each paragraph (as a news site's layout adds) keeps the text under the source limit
    script = "<script>window.dataLayer.push({event: 'paragraph_view', slot: '" + "a" * 120 + "'});</script>"
    wrapper = '<div class="article-body__paragraph layout--wide" data-track="paragraph"><p>{}</p></div>'
    paragraphs = "".join(wrapper.format(line) + script for line in _seed_text().splitlines() if line.strip())
    page = f"<html><head><title>Report</title></head><body>{_repeat(paragraphs, MAX_PAGE_BYTES - 200)}"
    try:
        source = read_html(page.encode("utf-8")[:MAX_PAGE_BYTES], url="https://stats.example/report")
    except WorkbenchError as error:
        return f"refused: {str(error)[:90]}"
    return f"{len(source.text or ''):,} characters of text, {len(source.figures):,} figures"


CASES = {name[5:]: function for name, function in globals().items() if name.startswith("case_")}


def _child(name: str) -> None:
    started = time.perf_counter()
    outcome = CASES[name]()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    seconds = time.perf_counter() - started
    print(json.dumps({"outcome": outcome, "peak_mb": peak_kb / 1024, "seconds": seconds}))


def _run(name: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, __file__, "--child", name, "--db", str(Path(folder) / "bench.db")],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        return {"case": name, "outcome": f"failed: {done.stderr.strip().splitlines()[-1:]}", "peak_mb": None}
    return {"case": name, **json.loads(done.stdout.strip().splitlines()[-1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CASES), help="one case (and the baseline)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    global ARGS
    ARGS = parser.parse_args()
    if ARGS.child:
        _child(ARGS.child)
        return
    names = ["idle"] + [n for n in CASES if n != "idle" and (ARGS.only in (None, n))]
    rows = []
    print(f"{'case':<24} {'peak MB':>8} {'× idle':>7} {'s':>6}  outcome", flush=True)
    for name in names:
        row = _run(name)
        rows.append(row)
        base = rows[0]["peak_mb"]
        ratio = f"{row['peak_mb'] / base:.1f}" if row["peak_mb"] and base else "–"
        peak = f"{row['peak_mb']:.0f}" if row["peak_mb"] else "–"
        print(f"{name:<24} {peak:>8} {ratio:>7} {row.get('seconds', 0):>6.1f}  {row['outcome']}", flush=True)
    worst = max((r["peak_mb"] or 0) for r in rows)
    print(f"highest peak {worst:.0f} MB; aim under {AIM_MB} MB: {'met' if worst < AIM_MB else 'NOT met'}")
    if ARGS.json:
        ARGS.json.write_text(json.dumps({"aim_mb": AIM_MB, "cases": rows}, indent=2), encoding="utf-8")


ARGS: argparse.Namespace

if __name__ == "__main__":
    main()
