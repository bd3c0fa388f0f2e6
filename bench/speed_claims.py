"""Speed of split_claims (words per second, one core) on the >= 1 MB corpus, against baselines in the run.

Baselines: pysbd sentence segmentation alone, quantulum3 (English articles, if installed), and the two
parsers split_claims calls per clause (claims.statistics, claims.dates) run alone on whole articles,
plus split_claims with those two parsers stubbed out (the splitter's own stages).

    python bench/speed_claims.py [--min-bytes 1000000] [--json PATH]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pysbd  # noqa: E402
from corpus import Document, build_corpus  # noqa: E402

import claims.splitting as splitting  # noqa: E402
from claims.dates import find_dates  # noqa: E402
from claims.statistics import parse_statistics  # noqa: E402

TARGET = 75_000


def _timed(documents: list[Document], run: Callable[[Document], object]) -> tuple[int, float]:
    run(documents[0])  # warm caches and compiled patterns
    words = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    for document in documents:
        run(document)
    return words, time.perf_counter() - started


def _quantulum() -> tuple[str, Callable[[Document], object] | None]:
    """quantulum3's parser; without its unit classifier when the pickled model does not load here."""
    name = "quantulum3 (English articles)"
    try:
        parser = importlib.import_module("quantulum3.parser")
        classifier = importlib.import_module("quantulum3.classifier")
    except ImportError:
        return name, None
    try:
        parser.parse("It weighs 3 pounds and costs 4 pounds.")
    except Exception:  # its pickled scikit-learn model fails on other scikit-learn versions
        classifier.USE_CLF = False
        name = "quantulum3, no classifier (English)"
    return name, lambda d: parser.parse(d.text)


def measure(documents: list[Document]) -> list[dict[str, object]]:
    segmenters = {lang: pysbd.Segmenter(language=lang, clean=False) for lang in ("fr", "en")}
    english = [d for d in documents if d.lang == "en"]
    systems: list[tuple[str, Callable[[Document], object] | None, list[Document]]] = [
        ("split_claims", lambda d: splitting.split_claims(d.text, lang=d.lang), documents),
        ("pysbd segmentation alone", lambda d: segmenters[d.lang].segment(d.text), documents),
        ("claims.statistics alone", lambda d: parse_statistics(d.text, lang=d.lang), documents),
        ("claims.dates alone", lambda d: find_dates(d.text, lang=d.lang), documents),
        (*_quantulum(), english),
    ]
    rows: list[dict[str, object]] = []
    for name, run, docs in systems:
        if run is None:
            rows.append({"system": name, "words": None, "seconds": None, "words_per_s": None})
            continue
        words, seconds = _timed(docs, run)
        rows.append({"system": name, "words": words, "seconds": seconds, "words_per_s": words / seconds})
    # The splitter's own stages: the same run with the two parsers replaced by stubs that find nothing.
    saved = splitting.parse_statistics, splitting.find_dates
    splitting.parse_statistics = lambda text, *, lang: []
    splitting.find_dates = lambda text, *, lang, published=None: []
    try:
        words, seconds = _timed(documents, lambda d: splitting.split_claims(d.text, lang=d.lang))
    finally:
        splitting.parse_statistics, splitting.find_dates = saved
    rows.insert(1, {"system": "split_claims, parsers stubbed", "words": words, "seconds": seconds,
                    "words_per_s": words / seconds})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-bytes", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    documents = build_corpus(min_bytes=args.min_bytes)
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    rows = measure(documents)
    ours = rows[0]["words_per_s"]
    print(f"corpus: {len(documents)} articles, {size:,} bytes (bench/corpus.py); target {TARGET:,} words/s")
    print(f"{'system':<32} {'words':>9} {'seconds':>8} {'words/s':>10} {'vs split_claims':>16}")
    for row in rows:
        if row["words"] is None:
            print(f"{row['system']:<32} {'–':>9} {'–':>8} {'–':>10} {'not installed':>16}")
            continue
        ratio = row["words_per_s"] / ours
        row["ratio"] = ratio
        figures = f"{row['words']:>9,} {row['seconds']:>8.2f} {row['words_per_s']:>10,.0f}"
        print(f"{row['system']:<32} {figures} {ratio:>15.2f}x")
    if args.json:
        args.json.write_text(json.dumps({"corpus_bytes": size, "target": TARGET, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
