"""Claim retrieval benchmark: CheckThat! 2020 task 2 (tweets -> verified claims) and sparse throughput.

Reads ../shared/eval/checkthat2020-task2-claim-retrieval-en at run time (never copied here) and prints
MAP@5, MRR and Recall@k for BM25 alone, BM25 + char TF-IDF fused by RRF, the full two-stage ranker
and a rapidfuzz token_set_ratio brute-force baseline; then the time to rank claims against
synthetic sources with the sparse index versus rapidfuzz brute force (extrapolated from a sample).

    .venv/bin/python bench/retrieval.py [--splits dev train] [--fuzz-sample 197] [--json PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process, utils  # noqa: E402

from sources.matching import build_index, rank_sources  # noqa: E402
from sources.models import Source  # noqa: E402
from sources.retrieval import RRF_K, top_k  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "checkthat2020-task2-claim-retrieval-en"
DEPTH = 50
RECALL_AT = (1, 5, 10, 20, 50)


def read_claims(path: Path) -> list[Source]:
    csv.field_size_limit(10**7)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return [Source(title=r[2], text=r[1], language="en", id=r[0]) for r in rows if len(r) >= 3]


def read_queries(split: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    with (split / "tweets.queries.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        queries = {r[0]: r[1] for r in rows if len(r) >= 2}
    gold: dict[str, set[str]] = {}
    for line in (split / "tweet-vclaim-pairs.qrels").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] != "0":
            gold.setdefault(parts[0], set()).add(parts[2])
    return {q: t for q, t in queries.items() if q in gold}, gold


def score(ranked: dict[str, list[str]], gold: dict[str, set[str]]) -> dict[str, float]:
    """MAP@5, MRR (within the top 50) and Recall@k averaged over queries."""
    ap5 = rr = 0.0
    recall = dict.fromkeys(RECALL_AT, 0.0)
    for query, ids in ranked.items():
        relevant = gold[query]
        hits = precision_sum = 0.0
        for rank, doc in enumerate(ids[:5], start=1):
            if doc in relevant:
                hits += 1
                precision_sum += hits / rank
        ap5 += precision_sum / min(len(relevant), 5)
        rr += next((1 / rank for rank, doc in enumerate(ids, start=1) if doc in relevant), 0.0)
        for k in RECALL_AT:
            recall[k] += len(relevant & set(ids[:k])) / len(relevant)
    n = len(ranked) or 1
    return {"MAP@5": ap5 / n, "MRR": rr / n, **{f"R@{k}": v / n for k, v in recall.items()}}


def run_methods(split: str, claims: list[Source], fuzz_sample: int) -> list[dict]:
    queries, gold = read_queries(DATA / split)
    started = time.perf_counter()
    index = build_index(claims)
    build_seconds = time.perf_counter() - started
    methods = {
        "BM25 alone": {"retrievers": ("bm25",), "scorers": ()},
        "BM25 + char TF-IDF (RRF)": {"scorers": ()},
        "two-stage (RRF + rerank)": {},
    }
    results = []
    for name, options in methods.items():
        started = time.perf_counter()
        ranked = {
            q: [
                c.source.id
                for c in rank_sources(text, index, k=DEPTH, first_stage=DEPTH, lang="en", **options)
            ]
            for q, text in queries.items()
        }
        seconds = time.perf_counter() - started
        results.append({"split": split, "method": name, "queries": len(ranked), "seconds": seconds,
                        "build_seconds": build_seconds, **score(ranked, gold)})  # fmt: skip
    if fuzz_sample:
        sample = dict(random.Random(0).sample(sorted(queries.items()), min(fuzz_sample, len(queries))))
        choices = [f"{c.title} {c.text}" for c in claims]
        started = time.perf_counter()
        ranked = {
            q: [
                claims[i].id
                for _, _, i in process.extract(
                    text, choices, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=DEPTH
                )
            ]
            for q, text in sample.items()
        }
        seconds = time.perf_counter() - started
        results.append({"split": split, "method": "rapidfuzz token_set_ratio", "queries": len(ranked),
                        "seconds": seconds, "build_seconds": 0.0, **score(ranked, gold)})  # fmt: skip
    return results


def synthetic(n_sources: int, n_claims: int, seed: int = 0) -> tuple[list[Source], list[str]]:
    """Sources of random words from a Zipf-like vocabulary; claims are noisy excerpts of sources."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20_000)]
    weights = [1 / (i + 1) for i in range(len(vocab))]
    words = rng.choices(vocab, weights=weights, k=n_sources * 40)
    sources = [
        Source(title=" ".join(words[i * 40 : i * 40 + 8]), text=" ".join(words[i * 40 + 8 : i * 40 + 40]))
        for i in range(n_sources)
    ]
    claims = []
    for _ in range(n_claims):
        picked = rng.choice(sources).text.split()
        claims.append(" ".join(picked[:12] + rng.choices(vocab, k=3)))
    return sources, claims


def whole_library_search(index, claim: str, depth: int = 50) -> list[int]:
    """The fused first stage as it was before candidates: the n-grams score every text (baseline)."""
    fused: dict[int, float] = {}
    for retriever in ("bm25", "char"):
        for rank, pos in enumerate(top_k(index.sparse.scores(claim, retriever), depth), start=1):
            fused[pos] = fused.get(pos, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(fused, key=lambda pos: (-fused[pos], pos))[:10]


def _interleaved(searches: dict, claims: list[str]) -> dict[str, float]:
    """Seconds each search takes over all claims, the searches taking turns claim by claim (after one
    warm-up each), so that the shared machine's load weighs on all of them alike."""
    for search in searches.values():
        search(claims[0])
    spent = dict.fromkeys(searches, 0.0)
    for claim in claims:
        for name, search in searches.items():
            started = time.perf_counter()
            search(claim)
            spent[name] += time.perf_counter() - started
    return spent


def _save_and_load(index) -> tuple[float, float, int]:
    """Seconds to save the index as the app does (workbench.desk.index_store) and to load it back; bytes."""
    import tempfile

    from workbench.desk.index_store import IndexStore, SavedIndex

    with tempfile.TemporaryDirectory() as folder:
        store = IndexStore(Path(folder) / "sources.pickle")
        started = time.perf_counter()
        index.sparse.prepare()
        store.save(SavedIndex((len(index), len(index)), index, []))
        saved = time.perf_counter() - started
        started = time.perf_counter()
        loaded = store.load()
        load = time.perf_counter() - started
        assert loaded is not None and len(loaded.index) == len(index)
        return saved, load, store.path.stat().st_size


def throughput(n_sources: int, n_claims: int, fuzz_claims: int, *, char: bool = True) -> dict:
    """Per-query time of plain BM25, the fused first stage and the two-stage ranker over the same
    synthetic sources, with each index's build time and the fused index's save and load time."""
    sources, claims = synthetic(n_sources, n_claims)
    started = time.perf_counter()
    index = build_index(sources, retrievers=("bm25",))
    index.sparse.prepare()
    build = time.perf_counter() - started
    figures = {"sources": n_sources, "claims": n_claims, "bm25_build_seconds": build}
    searches = {"bm25": lambda claim: index.sparse.search(claim, k=10)}
    if char:
        started = time.perf_counter()
        fused = build_index(sources)
        fused.sparse.prepare()
        figures["rrf_build_seconds"] = time.perf_counter() - started
        searches |= {
            "whole_library": lambda claim: whole_library_search(fused, claim),
            "rrf": lambda claim: fused.sparse.search(claim, k=10, depth=50),
            "ranker": lambda claim: rank_sources(claim, fused, k=10),
        }
    figures |= {f"{name}_seconds": seconds for name, seconds in _interleaved(searches, claims).items()}
    sparse_seconds = figures["bm25_seconds"]
    if char:
        saved, loaded, size = _save_and_load(fused)
        figures |= {"rrf_save_seconds": saved, "rrf_load_seconds": loaded, "rrf_file_bytes": size}
        del fused
    choices = [f"{s.title} {s.text}" for s in sources]
    started = time.perf_counter()
    for claim in claims[:fuzz_claims]:
        process.extract(
            claim, choices, scorer=fuzz.token_set_ratio, processor=utils.default_process, limit=10
        )
    fuzz_sample_seconds = time.perf_counter() - started
    fuzz_seconds = fuzz_sample_seconds * n_claims / max(fuzz_claims, 1)
    return {
        **figures,
        "rapidfuzz_sample_claims": fuzz_claims,
        "rapidfuzz_sample_seconds": fuzz_sample_seconds,
        "rapidfuzz_seconds_extrapolated": fuzz_seconds,
        "speedup": fuzz_seconds / sparse_seconds if sparse_seconds else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["dev", "train"], choices=["dev", "train"])
    parser.add_argument("--fuzz-sample", type=int, default=197, help="dev queries for the rapidfuzz baseline")
    parser.add_argument("--sources", type=int, default=100_000, help="synthetic sources (throughput)")
    parser.add_argument("--claims", type=int, default=1_000, help="synthetic claims (throughput)")
    parser.add_argument(
        "--fuzz-claims", type=int, default=20, help="claims timed with rapidfuzz, then scaled"
    )
    parser.add_argument("--no-char", action="store_true", help="time BM25 only in the throughput run")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 1
    claims = read_claims(DATA / "verified_claims.docs.tsv")
    results = []
    for split in args.splits:
        results.extend(run_methods(split, claims, args.fuzz_sample if split == "dev" else 0))
    print(f"CheckThat! 2020 task 2: {len(claims)} verified claims; ratio = MAP@5 / BM25 alone (same split)\n")
    header = (
        ["split", "method", "queries", "MAP@5", "ratio", "MRR"] + [f"R@{k}" for k in RECALL_AT] + ["s/query"]
    )
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in results:
        base = next(r["MAP@5"] for r in results if r["split"] == row["split"] and r["method"] == "BM25 alone")
        cells = [row["split"], row["method"], str(row["queries"]), f"{row['MAP@5']:.3f}",
                 f"{row['MAP@5'] / base:.2f}", f"{row['MRR']:.3f}"]  # fmt: skip
        cells += [f"{row[f'R@{k}']:.3f}" for k in RECALL_AT] + [f"{row['seconds'] / row['queries']:.4f}"]
        print(" | ".join(cells))
    speed = (
        throughput(args.sources, args.claims, args.fuzz_claims, char=not args.no_char)
        if args.sources
        else None
    )
    if speed:
        n = speed["claims"]
        print(f"\nThroughput: {n:,} claims x {speed['sources']:,} synthetic sources")
        print(
            f"  BM25: index build {speed['bm25_build_seconds']:.1f} s; ranking {speed['bm25_seconds']:.1f} s "
            f"({speed['bm25_seconds'] / n * 1000:.1f} ms/claim)"
        )
        if "rrf_seconds" in speed:
            bm25 = speed["bm25_seconds"]
            for name, key in (
                ("before: char n-grams over the whole library (RRF)", "whole_library"),
                ("BM25 + char TF-IDF (RRF)", "rrf"),
                ("two-stage ranker (rank_sources)", "ranker"),
            ):
                seconds = speed[f"{key}_seconds"]
                print(f"  {name}: ranking {seconds:.1f} s ({seconds / n * 1000:.1f} ms/claim, "
                      f"{seconds / bm25:.1f}x BM25)")  # fmt: skip
            print(
                f"  fused index: build {speed['rrf_build_seconds']:.1f} s "
                f"({speed['rrf_build_seconds'] / speed['bm25_build_seconds']:.1f}x BM25's); saved in "
                f"{speed['rrf_save_seconds']:.1f} s ({speed['rrf_file_bytes'] / 1e6:.0f} MB), loaded in "
                f"{speed['rrf_load_seconds']:.1f} s "
                f"({speed['rrf_load_seconds'] / speed['bm25_build_seconds']:.2f}x BM25's build)"
            )
        print(
            f"  rapidfuzz token_set_ratio brute force: {speed['rapidfuzz_sample_seconds']:.1f} s for "
            f"{speed['rapidfuzz_sample_claims']} claims -> {speed['rapidfuzz_seconds_extrapolated']:.0f} s "
            f"extrapolated; BM25 is {speed['speedup']:.0f}x faster"
        )
    if args.json:
        args.json.write_text(
            json.dumps({"retrieval": results, "throughput": speed}, indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
