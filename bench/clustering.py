"""Repeated-claim clustering (``sources.clustering.cluster_claims``): CPU seconds by number of claims.

Claims come from the bench corpus (bench/corpus.py). Two runs of the same clustering side by side:
ours takes each claim's neighbours from the stored character n-gram vectors a block of rows at a time
(``SparseIndex.char_neighbours``); the baseline asks the index once per claim with its text
(``SparseIndex.char_similarity``, which vectorises the text again), as the clustering did before. Both
must give the same clusters; the script stops if they do not.

    .venv/bin/python bench/clustering.py [--sizes 2000 5000 10000 20000] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from corpus import build_corpus  # noqa: E402

from claims import Claim, split_claims  # noqa: E402
from sources.clustering import cluster_claims  # noqa: E402
from sources.retrieval import SparseIndex, top_k  # noqa: E402


def _one_query_per_text(
    self: SparseIndex, k: int, *, positions=None, cells: int = 0
) -> Iterator[tuple[int, list[int], np.ndarray]]:
    """The baseline: every text vectorised again and searched on its own."""
    for position in range(len(self)) if positions is None else positions:
        row = self.char_similarity(self._texts[position])
        yield position, top_k(row, k), row


def _claims(count: int) -> list[Claim]:
    found: list[Claim] = []
    for document in build_corpus(min_bytes=1_000_000):
        found.extend(split_claims(document.text, lang=document.lang))
        if len(found) >= count:
            break
    return (found * (count // max(1, len(found)) + 1))[:count]


def _timed(claims: list[Claim]) -> tuple[float, list]:
    started = time.process_time()
    clusters = cluster_claims(claims)
    return time.process_time() - started, clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 10000, 20000])
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    pool = _claims(max(args.sizes))
    figures = []
    print(f"{'claims':>8} {'ours CPU s':>11} {'baseline CPU s':>15} {'speed-up':>9} {'clusters':>9}")
    for size in args.sizes:
        claims = pool[:size]
        ours, ours_clusters = _timed(claims)
        blocked = SparseIndex.char_neighbours
        SparseIndex.char_neighbours = _one_query_per_text
        try:
            baseline, baseline_clusters = _timed(claims)
        finally:
            SparseIndex.char_neighbours = blocked
        if [c.members for c in ours_clusters] != [c.members for c in baseline_clusters]:
            sys.exit(f"{size} claims: the two runs gave different clusters")
        figures.append(
            {"claims": size, "ours_cpu_s": round(ours, 3), "baseline_cpu_s": round(baseline, 3),
             "speedup": round(baseline / ours, 2), "clusters": len(ours_clusters)}
        )  # fmt: skip
        print(f"{size:>8,} {ours:>11.2f} {baseline:>15.2f} {baseline / ours:>8.1f}x {len(ours_clusters):>9,}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
