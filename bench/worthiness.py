"""Check-worthiness against peers' test data: ClaimBuster (P/R/F1 of the check-worthy class) and
CheckThat! 2019 task 1 (MAP per debate), with "has a digit" and random-order baselines in the same run.

The score is split_claims' rule-based worthiness (the highest of a sentence's claims; 0 when the sentence
yields no claim). Nothing is trained on these files; they are read at run time from ../shared/eval.

    python bench/worthiness.py [--threshold 0.5] [--limit N] [--json PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims import split_claims  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
CLAIMBUSTER = EVAL / "claimbuster-en" / "kfold_25ncs.json"
CHECKTHAT = EVAL / "checkthat2019-task1-en" / "training"
BEST_CHECKTHAT_2019 = 0.166  # best primary MAP on the official test debates
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = re.compile(r"\b(?:hundred|thousand|million|billion|trillion|percent)\b", re.I)


def worthiness(sentence: str) -> float:
    """Our score: the best claim of the sentence."""
    return max((c.worthiness for c in split_claims(sentence, lang="en")), default=0.0)


def has_digit(sentence: str) -> float:
    """Baseline: 1 when the sentence holds a digit or a number word."""
    return 1.0 if _DIGIT.search(sentence) or _NUMBER_WORDS.search(sentence) else 0.0


def prf(labels: Sequence[int], predicted: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def average_precision(labels_in_rank_order: Sequence[int]) -> float:
    hits, total = 0, 0.0
    for rank, label in enumerate(labels_in_rank_order, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def rank(scores: Sequence[float]) -> list[int]:
    """Indices by decreasing score; ties keep the debate's order."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def claimbuster(threshold: float, limit: int | None) -> dict[str, object]:
    cases = json.loads(CLAIMBUSTER.read_text(encoding="utf-8"))[:limit]
    labels = [int(c["label"]) for c in cases]
    rng = random.Random(7)
    base_rate = sum(labels) / len(labels)
    started = time.perf_counter()
    ours = [worthiness(c["text"]) for c in cases]
    seconds = time.perf_counter() - started
    rows = {
        f"worthiness >= {threshold}": prf(labels, [s >= threshold for s in ours]),
        "has a digit": prf(labels, [has_digit(c["text"]) > 0 for c in cases]),
        "random (base rate)": prf(labels, [rng.random() < base_rate for _ in cases]),
    }
    return {"sentences": len(cases), "positives": sum(labels), "seconds": seconds, "rows": rows}


def _debates(limit: int | None) -> dict[str, list[tuple[str, str, int]]]:
    debates = {}
    for path in sorted(CHECKTHAT.glob("*.tsv"))[:limit]:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 4]
        debates[path.stem] = [(r[1], r[2], int(r[3])) for r in rows]
    return debates


def checkthat(limit: int | None) -> dict[str, object]:
    def ours(lines: list[tuple[str, str, int]]) -> list[float]:
        # Audience reactions (speaker SYSTEM) are never claims.
        return [0.0 if speaker == "SYSTEM" else worthiness(text) for speaker, text, _ in lines]

    systems: dict[str, Callable[[list[tuple[str, str, int]]], list[float]]] = {
        "worthiness": ours,
        "has a digit": lambda lines: [has_digit(t) for _, t, _ in lines],
    }
    per_debate: dict[str, dict[str, float]] = {}
    for name, lines in _debates(limit).items():
        labels = [y for _, _, y in lines]
        scores = {system: run(lines) for system, run in systems.items()}
        result = {system: average_precision([labels[i] for i in rank(s)]) for system, s in scores.items()}
        randoms = []
        for seed in range(20):
            order = list(range(len(lines)))
            random.Random(seed).shuffle(order)
            randoms.append(average_precision([labels[i] for i in order]))
        result["random order (mean of 20)"] = sum(randoms) / len(randoms)
        per_debate[name] = result
    systems_all = list(next(iter(per_debate.values())))
    means = {s: sum(d[s] for d in per_debate.values()) / len(per_debate) for s in systems_all}
    return {"debates": per_debate, "mean": means}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5, help="check-worthy when worthiness >= this")
    parser.add_argument("--limit", type=int, help="first N ClaimBuster sentences and N debates (quick runs)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if not CLAIMBUSTER.exists() or not CHECKTHAT.exists():
        sys.exit(f"evaluation data not found under {EVAL}")
    cb = claimbuster(args.threshold, args.limit)
    print(f"ClaimBuster 2.5xNCS: {cb['sentences']:,} sentences, {cb['positives']:,} check-worthy "
          f"({cb['sentences'] / cb['seconds']:,.0f} sentences/s)")  # fmt: skip
    print(f"{'system':<28} {'precision':>9} {'recall':>7} {'F1':>6}")
    f1_digit = cb["rows"]["has a digit"][2]
    for name, (p, r, f1) in cb["rows"].items():
        print(f"{name:<28} {p:>9.3f} {r:>7.3f} {f1:>6.3f}  ({f1 / f1_digit:.2f}x has-a-digit F1)")
    ct = checkthat(args.limit)
    systems = list(ct["mean"])
    print(f"\nCheckThat! 2019 task 1 training debates: MAP (best 2019 test MAP {BEST_CHECKTHAT_2019})")
    print(f"{'debate':<28} " + " ".join(f"{s[:14]:>14}" for s in systems))
    for name, result in ct["debates"].items():
        print(f"{name:<28} " + " ".join(f"{result[s]:>14.3f}" for s in systems))
    print(f"{'mean':<28} " + " ".join(f"{ct['mean'][s]:>14.3f}" for s in systems))
    if args.json:
        args.json.write_text(json.dumps({"claimbuster": cb, "checkthat2019": ct}, indent=2))


if __name__ == "__main__":
    main()
