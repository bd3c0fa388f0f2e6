"""Check-worthiness against peers' data, in one run: CheckThat! 2019 task 1 training debates scored
leave-one-debate-out (MAP per debate; a debate is only ever scored by a model trained without it) beside
"has a digit", the rules and random order; ClaimBuster F1 by 5-fold cross-validation; DACCORD's French
fact-checked claims (all check-worthy: the share the French scorer puts at 0.5 or more); scoring speed
of the model against the rules and ingest time of a 1,000-word article.

The models are refitted here exactly as bench/train_worthiness.py fits the shipped one, on the folds'
training part only. Data are read at run time from ../shared/eval.

    python bench/worthiness.py [--limit N] [--splits N] [--json PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from train_worthiness import (  # noqa: E402
    SEED,
    apart,
    as_linear,
    featurise,
    fit,
    held_out_claimbuster,
    vectorise,
)
from worthiness_data import CHECKTHAT, CLAIMBUSTER, EVAL  # noqa: E402

from claims import split_claims  # noqa: E402
from claims.worthiness import assess  # noqa: E402
from claims.worthiness_model import MODEL_PATH, ModelStatus, parse_model, use_model  # noqa: E402

DACCORD = EVAL / "daccord-fr" / "daccord_dataset.tsv"
ARTICLES = [
    ROOT / "tests" / "data" / name for name in ("ukraine-defence-industry-en.txt", "harbour-budget-en.txt")
]
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = re.compile(r"\b(?:hundred|thousand|million|billion|trillion|percent)\b", re.I)


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


def through_the_engine(model, matrix, lines: Sequence[str]) -> list[float]:
    """Each line's score as the Queue would show it: ``split_claims`` on the line alone, the best claim's
    check-worthiness, with ``model`` in place of the shipped text model (the shipped calibration, so the
    engine's ceilings bite as they do in the app). Claims are scored as at ingest, each with its
    sentence's context; the training sentences were scored whole."""
    spec = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    shipped_text = spec["models"]["text"]
    spec["models"]["text"] = as_linear(matrix, model, tuple(shipped_text["calibration"])) | {"threshold": 0.0}
    use_model(ModelStatus(parse_model(json.dumps(spec).encode("utf-8"), "leave-one-out model")))
    try:
        return [max((c.worthiness for c in split_claims(line, lang="en")), default=0.0) for line in lines]
    finally:
        use_model(None)


def leave_one_debate_out(sentences, matrices) -> dict[str, object]:
    """MAP per debate of each system; the models never saw the debate they score."""
    groups = np.array([s.group for s, _, _ in sentences])
    per_debate: dict[str, dict[str, float]] = {}
    for debate in sorted(set(groups) - {"claimbuster"}):
        held = np.flatnonzero(groups == debate)
        # ClaimBuster holds 900-odd lines of three debates: a debate's own lines never train its model
        train = apart(matrices["text"], np.flatnonzero(groups != debate), held)
        labels = [int(y) for y in matrices["text"].labels[held]]
        scores = {
            f"model ({part})": list(fit(matrix, train).decision_function(matrix.rows[held]))
            for part, matrix in matrices.items()
        }
        scores["model via split_claims"] = through_the_engine(
            fit(matrices["text"], train), matrices["text"], [sentences[i][0].text for i in held]
        )
        scores["rules"] = [sentences[i][2] for i in held]
        scores["has a digit"] = [has_digit(sentences[i][0].text) for i in held]
        result = {name: average_precision([labels[i] for i in rank(s)]) for name, s in scores.items()}
        randoms = []
        for seed in range(20):
            order = list(range(len(held)))
            random.Random(seed).shuffle(order)
            randoms.append(average_precision([labels[i] for i in order]))
        result["random order (mean of 20)"] = sum(randoms) / len(randoms)
        per_debate[debate] = result
    systems = list(next(iter(per_debate.values())))
    means = {s: sum(d[s] for d in per_debate.values()) / len(per_debate) for s in systems}
    return {"debates": per_debate, "mean": means}


def claimbuster_f1(sentences, matrices) -> dict[str, object]:
    """Precision, recall and F1 of the check-worthy class: the models by 5-fold cross-validation
    (threshold: the log-odds an inner 3-fold cross-validation on the training folds chose; beside it the
    same models at log-odds 0, the former rule), the rules at 0.5, "has a digit"."""
    groups = np.array([s.group for s, _, _ in sentences])
    rows = {}
    for part, matrix in matrices.items():
        indices, logits, thresholds = held_out_claimbuster(matrix, groups)
        labels = list(matrix.labels[indices])
        # before: the same fold models at their own log-odds 0 (the threshold added back)
        rows[f"model ({part}), 5-fold, threshold 0"] = prf(labels, list(logits + thresholds >= 0))
        rows[f"model ({part}), 5-fold"] = prf(labels, list(logits >= 0))
    cb = [s for s in sentences if s[0].group == "claimbuster"]
    labels = [s.label for s, _, _ in cb]
    rows["rules >= 0.5"] = prf(labels, [r >= 0.5 for _, _, r in cb])
    rows["has a digit"] = prf(labels, [has_digit(s.text) > 0 for s, _, _ in cb])
    return {"sentences": len(cb), "positives": sum(labels), "rows": rows}


def claimbuster_splits(sentences, matrix, repeats: int) -> dict[str, object]:
    """F1 of one model over ``repeats`` different 5-fold splits (the first is the table's, seed 7): how
    much of a figure is the draw of the folds. Only the outer split changes; the procedure is the same."""
    groups = np.array([s.group for s, _, _ in sentences])
    runs = []
    for split_seed in [SEED, *(s for s in range(1, repeats + 1) if s != SEED)][:repeats]:
        indices, logits, _ = held_out_claimbuster(matrix, groups, split_seed)
        precision, recall, f1 = prf(list(matrix.labels[indices]), list(logits >= 0))
        runs.append({"split seed": split_seed, "precision": precision, "recall": recall, "f1": f1})
    f1s = np.array([r["f1"] for r in runs])
    return {
        "runs": runs,
        "mean f1": float(f1s.mean()),
        "sd f1": float(f1s.std(ddof=1)) if len(f1s) > 1 else 0.0,
        "min f1": float(f1s.min()),
        "max f1": float(f1s.max()),
    }


def daccord(limit: int | None) -> dict[str, float]:
    """French fact-checked claims (DACCORD premises and hypotheses: all check-worthy): the share each
    scorer puts at 0.5 or more, and the mean score (best claim of each sentence)."""
    with DACCORD.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))[:limit]
    texts = list(dict.fromkeys(t for r in rows for t in (r["premise"], r["hypothesis"]) if t))
    model, rules = [], []
    for text in texts:
        claims = split_claims(text, lang="fr")
        model.append(max((c.worthiness for c in claims), default=0.0))
        rules.append(max((_rules(c, "fr") for c in claims), default=0.0))
    return {
        "sentences": len(texts),
        "model >= 0.5": sum(s >= 0.5 for s in model) / len(texts),
        "rules >= 0.5": sum(s >= 0.5 for s in rules) / len(texts),
        "model mean": sum(model) / len(texts),
        "rules mean": sum(rules) / len(texts),
    }


def _rules(claim, lang: str) -> float:
    return _assess(claim, lang, rules_only=True).worthiness


def _assess(claim, lang: str, *, rules_only: bool):
    return assess(
        claim.text, lang=lang, statistics=claim.statistics, dates=claim.dates, entities=claim.entities,
        attribution=claim.attribution, modality=claim.modality, offset=claim.span[0],
        sentence_no=claim.sentence_no, rules_only=rules_only,
    )  # fmt: skip


def speed(rounds: int = 5) -> dict[str, float]:
    """Claims per second of the model against the rules (same claims, same run), and the ingest time of
    a 1,000-word article (the English test articles, repeated to 1,000 words): split and stored in SQLite."""
    from workbench.desk.article_intake import add_article
    from workbench.desk.ingest import prepare_article
    from workbench.storage.database import open_database

    claims = [c for path in ARTICLES for c in split_claims(path.read_text(encoding="utf-8"), lang="en")]
    figures = {}
    for name, rules_only in (("rules", True), ("model", False)):
        started = time.perf_counter()
        for _ in range(rounds):
            for claim in claims:
                _assess(claim, "en", rules_only=rules_only)
        figures[f"{name} claims/s"] = rounds * len(claims) / (time.perf_counter() - started)
    words = " ".join(p.read_text(encoding="utf-8") for p in ARTICLES).split(" ")
    article = " ".join((words * (1_000 // len(words) + 1))[:1_000])
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        for round_no in range(3):  # a fresh database each time: the same text twice is refused as a duplicate
            database = open_database(f"sqlite:///{folder}/bench{round_no}.db")
            started = time.perf_counter()
            draft = prepare_article(article, title="bench")
            with database.session() as session:
                add_article(session, draft)
            timings.append(time.perf_counter() - started)
            database.engine.dispose()
    figures["ingest 1,000 words, seconds (best of 3)"] = min(timings)
    figures["ingest claims"] = len(draft.claims)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="first N ClaimBuster sentences and N debates (quick runs)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--speed-only", action="store_true", help="only the scoring and ingest speed")
    parser.add_argument(
        "--splits", type=int, default=5,
        help="ClaimBuster F1 of the text model over N 5-fold splits (mean, spread; 1: the table's only)",
    )  # fmt: skip
    args = parser.parse_args()
    if args.speed_only:
        print(json.dumps(speed(), indent=2))
        return
    if not CLAIMBUSTER.exists() or not CHECKTHAT.exists():
        sys.exit(f"evaluation data not found under {EVAL}")
    started = time.perf_counter()
    sentences = featurise(args.limit)
    matrices = {part: vectorise([(s, f) for s, f, _ in sentences], part) for part in ("text", "signals")}
    print(f"Features of {len(sentences):,} sentences in {time.perf_counter() - started:.0f} s")
    ct = leave_one_debate_out(sentences, matrices)
    systems = list(ct["mean"])
    print("\nCheckThat! 2019 task 1 training debates, leave-one-debate-out: MAP")
    print(f"{'debate':<22} " + " ".join(f"{s[:15]:>15}" for s in systems))
    for name, result in ct["debates"].items():
        print(f"{name:<22} " + " ".join(f"{result[s]:>15.3f}" for s in systems))
    print(f"{'mean':<22} " + " ".join(f"{ct['mean'][s]:>15.3f}" for s in systems))
    cb = claimbuster_f1(sentences, matrices)
    print(f"\nClaimBuster 2.5xNCS: {cb['sentences']:,} sentences, {cb['positives']:,} check-worthy")
    print(f"{'system':<40} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, (p, r, f1) in cb["rows"].items():
        print(f"{name:<40} {p:>9.3f} {r:>7.3f} {f1:>6.3f}")
    splits = claimbuster_splits(sentences, matrices["text"], max(1, args.splits))
    print(
        f"model (text) over {len(splits['runs'])} fold splits: F1 mean {splits['mean f1']:.3f}, "
        f"sd {splits['sd f1']:.3f}, {splits['min f1']:.3f}-{splits['max f1']:.3f} "
        f"(" + ", ".join(f"seed {r['split seed']}: {r['f1']:.3f}" for r in splits["runs"]) + ")"
    )
    cb["splits"] = splits
    fr = daccord(args.limit)
    share, mean = "share >= 0.5", "mean"
    print(f"\nDACCORD (French, fact-checked claims): {fr['sentences']} sentences; {share}: "
          f"model {fr['model >= 0.5']:.2f}, rules {fr['rules >= 0.5']:.2f}; {mean}: "
          f"model {fr['model mean']:.2f}, rules {fr['rules mean']:.2f}")  # fmt: skip
    timing = speed()
    model, rules = timing["model claims/s"], timing["rules claims/s"]
    print(f"\nScoring: model {model:,.0f} claims/s, rules {rules:,.0f} claims/s ({model / rules:.2f}x); "
          f"ingest of a 1,000-word article ({timing['ingest claims']} claims): "
          f"{timing['ingest 1,000 words, seconds (best of 3)']:.2f} s")  # fmt: skip
    if args.json:
        args.json.write_text(
            json.dumps({"checkthat2019": ct, "claimbuster": cb, "daccord": fr, "speed": timing}, indent=2)
        )


if __name__ == "__main__":
    main()
