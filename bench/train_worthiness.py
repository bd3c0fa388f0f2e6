"""Train the shipped check-worthiness model (claims/data/worthiness_model.json): deterministic, seeded.

Two L2 logistic regressions over the claim engine's features (bench/worthiness_data.py): "text" (the
engine's signals plus word and character n-grams; English) and "signals" (the signals only; every other
language, French included, reads them through its own vocabulary). Training data: ClaimBuster's
kfold_25ncs.json and the 19 CheckThat! 2019 task 1 training debates, from ../shared/eval. Each model's
log-odds are calibrated by Platt scaling on ClaimBuster predictions made by models that did not see the
sentence (5 folds), so a score is the probability that a ClaimBuster annotator calls it check-worthy.
Each model's decision threshold (log-odds where "check-worthy" starts, for F1) is chosen by an inner
3-fold cross-validation on its own training sentences and folded into the intercept; the calibration
is moved with it, so the probabilities do not depend on it. The file holds weights by feature name
(JSON, no pickle), the training data's names, the scikit-learn version and the features version the
code checks on load.

    python bench/train_worthiness.py [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from worthiness_data import DATA_NAMES, Sentence, claimbuster, debates, sentence_features  # noqa: E402

from claims.worthiness_features import FEATURE_VERSION  # noqa: E402
from claims.worthiness_model import FORMAT, MODEL_PATH  # noqa: E402

SEED = 7
C = {"text": 0.3, "signals": 1.0}
"""Inverse L2 strength per model (chosen on leave-one-debate-out MAP, bench/worthiness.py)."""
INNER_FOLDS = 3
"""Folds of the inner cross-validation that chooses the decision threshold on the training part only."""
THRESHOLDS = np.round(np.arange(-1.5, 1.0001, 0.05), 2)
"""Candidate log-odds thresholds; the one with the best inner F1 wins (ties: the one nearest 0)."""
MIN_COUNT = 5
"""A feature seen in fewer training sentences is dropped: rare n-grams only memorise."""
DEBATE_WEIGHT = 0.05
"""Weight of a debate line against a ClaimBuster sentence: 15.5k lines at 2.5 % positive would otherwise
pull the model towards "not check-worthy" (weight 0.05 raised both leave-one-debate-out MAP and
ClaimBuster F1 over weight 1; BENCHMARKS.md)."""


def keep(features: dict[str, float], part: str) -> dict[str, float]:
    """The features the ``part`` model reads: all of them, or the engine's signals only."""
    return features if part == "text" else {k: v for k, v in features.items() if k.startswith("s:")}


@dataclass
class Matrix:
    """Every training sentence as one sparse row of the ``part`` model's features (vectorised once)."""

    part: str
    rows: object
    names: list[str]
    labels: np.ndarray
    weights: np.ndarray


def vectorise(sentences: Sequence[tuple[Sentence, dict[str, float]]], part: str) -> Matrix:
    """The sentences' features as a matrix; a feature seen in fewer than MIN_COUNT sentences is dropped
    (counted over all sentences, labels unseen)."""
    counts = Counter(name for _, features in sentences for name in keep(features, part))
    vocabulary = {name for name, n in counts.items() if n >= MIN_COUNT}
    vectoriser = DictVectorizer()
    rows = vectoriser.fit_transform(
        [{k: v for k, v in keep(f, part).items() if k in vocabulary} for _, f in sentences]
    ).tocsr()
    rows.indices = rows.indices.astype(np.int32)  # liblinear wants 32-bit sparse indices
    rows.indptr = rows.indptr.astype(np.int32)
    labels = np.array([s.label for s, _ in sentences])
    weights = np.array([1.0 if s.group == "claimbuster" else DEBATE_WEIGHT for s, _ in sentences])
    return Matrix(part, rows, [str(n) for n in vectoriser.get_feature_names_out()], labels, weights)


def fit(matrix: Matrix, chosen: np.ndarray) -> LogisticRegression:
    """An uncalibrated logistic regression on the ``chosen`` rows."""
    model = LogisticRegression(C=C[matrix.part], solver="liblinear", max_iter=1000, random_state=SEED)
    return model.fit(matrix.rows[chosen], matrix.labels[chosen], sample_weight=matrix.weights[chosen])


def f1_score(labels: np.ndarray, predicted: np.ndarray) -> float:
    """F1 of the check-worthy class."""
    hits = int((predicted & (labels == 1)).sum())
    return 2 * hits / (int(predicted.sum()) + int((labels == 1).sum()) or 1)


def fit_thresholded(
    matrix: Matrix, chosen: np.ndarray, groups: np.ndarray
) -> tuple[LogisticRegression, float]:
    """A logistic regression on the ``chosen`` rows whose decision threshold (log-odds 0) is moved to the
    one with the best ClaimBuster F1 in an inner cross-validation on those rows only (debates always in
    training): nothing outside ``chosen`` picks it. The threshold is folded into the intercept."""
    claimbuster_rows = chosen[groups[chosen] == "claimbuster"]
    others = chosen[groups[chosen] != "claimbuster"]
    labels = matrix.labels[claimbuster_rows]
    logits = np.zeros(len(claimbuster_rows))
    folds = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(claimbuster_rows, labels):
        model = fit(matrix, np.concatenate([claimbuster_rows[train], others]))
        logits[test] = model.decision_function(matrix.rows[claimbuster_rows[test]])
    threshold = float(max(THRESHOLDS, key=lambda t: (f1_score(labels, logits >= t), -abs(t))))
    model = fit(matrix, chosen)
    model.intercept_ = model.intercept_ - threshold
    return model, threshold


def as_linear(matrix: Matrix, model: LogisticRegression, calibration: tuple[float, float]) -> dict:
    """The model file's entry: weights by feature name (4 decimals; near-zero weights dropped)."""
    weights = {
        name: round(float(c), 4)
        for name, c in zip(matrix.names, model.coef_[0], strict=True)
        if abs(c) >= 5e-5
    }
    return {
        "intercept": round(float(model.intercept_[0]), 4),
        "calibration": list(calibration),
        "weights": weights,
    }


def platt(logits: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """Platt scaling: the (slope, offset) that turn held-out log-odds into probabilities."""
    model = LogisticRegression(C=1e4, random_state=SEED).fit(
        np.array(logits).reshape(-1, 1), np.array(labels)
    )
    return round(float(model.coef_[0][0]), 4), round(float(model.intercept_[0]), 4)


def held_out_claimbuster(matrix: Matrix, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each ClaimBuster sentence's log-odds from a model trained without it (5 seeded folds, all
    debates always in training; the threshold chosen inside the training folds and folded in), with
    the sentences' indices and the threshold each one's model moved (add it back: log-odds before)."""
    claimbuster_rows = np.flatnonzero(groups == "claimbuster")
    others = np.flatnonzero(groups != "claimbuster")
    logits = np.zeros(len(claimbuster_rows))
    thresholds = np.zeros(len(claimbuster_rows))
    folds = StratifiedKFold(5, shuffle=True, random_state=SEED)
    for train, test in folds.split(claimbuster_rows, matrix.labels[claimbuster_rows]):
        model, thresholds[test] = fit_thresholded(
            matrix, np.concatenate([claimbuster_rows[train], others]), groups
        )
        logits[test] = model.decision_function(matrix.rows[claimbuster_rows[test]])
    return claimbuster_rows, logits, thresholds


def featurise(limit: int | None = None) -> list[tuple[Sentence, dict[str, float], float]]:
    """ClaimBuster's sentences then the debates' lines, each with its features and the rules' score;
    audience reactions (speaker SYSTEM) are left out: they are not sentences."""
    found = [(s, *sentence_features(s)) for s in claimbuster(limit)]
    for lines in debates(limit).values():
        found += [(s, *sentence_features(s)) for s in lines if s.speaker != "SYSTEM"]
    return found


def train(sentences: Sequence[tuple[Sentence, dict[str, float], float]]) -> dict:
    """The model file's content: both models, calibrated on held-out ClaimBuster predictions."""
    pairs = [(s, f) for s, f, _ in sentences]
    groups = np.array([s.group for s, _ in pairs])
    parts = {}
    for part in ("text", "signals"):
        matrix = vectorise(pairs, part)
        rows, logits, thresholds = held_out_claimbuster(matrix, groups)
        # Platt on the fold models' own log-odds (their thresholds added back: each fold chose another),
        # then moved to the shipped model's threshold, so the probabilities do not depend on the threshold
        slope, offset = platt(logits + thresholds, matrix.labels[rows])
        model, threshold = fit_thresholded(matrix, np.arange(len(pairs)), groups)
        calibration = (slope, round(offset + slope * threshold, 4))
        parts[part] = as_linear(matrix, model, calibration) | {"threshold": threshold}
    return {
        "format": FORMAT,
        "feature_version": FEATURE_VERSION,
        "sklearn": sklearn.__version__,
        "trained_on": list(DATA_NAMES),
        "trained_by": "python bench/train_worthiness.py",
        "seed": SEED,
        "settings": {
            "C": C,
            "min_count": MIN_COUNT,
            "debate_weight": DEBATE_WEIGHT,
            "inner_folds": INNER_FOLDS,
        },
        "models": parts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help=f"default {MODEL_PATH}")
    args = parser.parse_args()
    spec = train(featurise())
    args.output.write_text(json.dumps(spec, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    sizes = ", ".join(f"{p}: {len(m['weights']):,} weights" for p, m in spec["models"].items())
    print(f"Wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB; {sizes})")


if __name__ == "__main__":
    main()
