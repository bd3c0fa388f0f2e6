"""Train the shipped check-worthiness model (claims/data/worthiness_model.json): deterministic, seeded.

Two linear models over the claim engine's features (bench/worthiness_data.py). "text" (English, the
language of the training data) reads the engine's signals plus word, word-pair and character n-grams;
each n-gram block of a sentence is scaled to unit length, each n-gram weighed by its naive-Bayes
log-count ratio in the training rows, and linear support vector machines are fitted on that (the
NB-SVM of Wang and Manning, 2012), one per strength in C, and averaged. "signals" (every other
language, French included, which reads the signals through its own vocabulary) is a logistic
regression over the signals only. Training data: ClaimBuster's kfold_25ncs.json and the 19 CheckThat!
2019 task 1 training debates, from ../shared/eval; a sentence both hold is never trained on when its
copy is scored. Each model's log-odds are calibrated by Platt scaling on ClaimBuster predictions made
by models that did not see the sentence (5 folds), so a score is the probability that a ClaimBuster
annotator calls it check-worthy. Each model's decision threshold (for F1) is chosen by an inner 3-fold
cross-validation on its own training sentences; it is folded into the intercept and the calibration
moved with it, so the probabilities do not depend on it. The file holds weights by feature name (JSON,
no pickle), the training data's names, the scikit-learn version and the features version the code
checks on load.

    python bench/train_worthiness.py [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import re
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
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from worthiness_data import DATA_NAMES, Sentence, claimbuster, debates, sentence_features  # noqa: E402

from claims.worthiness_features import FEATURE_VERSION  # noqa: E402
from claims.worthiness_model import FORMAT, MODEL_PATH  # noqa: E402

SEED = 7
C = {"text": (0.1, 0.2, 0.3, 0.5), "signals": (1.0,)}
"""Inverse L2 strengths: the text model averages one SVM per strength, so none has to be picked (no
single one was better across folds); the signals model's was set on leave-one-debate-out MAP."""
UNIT_BLOCKS = ("w:", "b:", "c:")
"""The text model's n-gram blocks (words, word pairs, characters): each is scaled to unit length per
sentence, so a long sentence's many n-grams do not outweigh its signals."""
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
    keys: np.ndarray
    """Each sentence's words, lower-cased without punctuation: the same sentence in two datasets."""


_NOT_WORD = re.compile(r"\W+")


def sentence_key(text: str) -> str:
    """A sentence's words, lower-cased, punctuation and spacing ignored (ClaimBuster and the debates
    share 900-odd sentences that differ only so)."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def apart(matrix: Matrix, train: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """The ``train`` rows less every row whose sentence is one of the ``scored`` rows' sentences: a model
    never trains on a sentence it is scored on, whichever dataset holds the copy."""
    return train[~np.isin(matrix.keys[train], matrix.keys[scored])]


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
    names = [str(n) for n in vectoriser.get_feature_names_out()]
    if part == "text":
        rows = unit_blocks(rows, names)
    keys = np.array([sentence_key(s.text) for s, _ in sentences])
    return Matrix(part, rows, names, labels, weights, keys)


def unit_blocks(rows, names: Sequence[str]):
    """The rows with each n-gram block (UNIT_BLOCKS) divided by its length in that row: what
    claims.worthiness_model.LinearModel does at scoring time."""
    block = np.array([next((i for i, p in enumerate(UNIT_BLOCKS) if n.startswith(p)), -1) for n in names])
    rows = rows.tocsr().astype(np.float64)
    scale = np.ones(rows.nnz)
    row_of = np.repeat(np.arange(rows.shape[0]), np.diff(rows.indptr))
    for b in range(len(UNIT_BLOCKS)):
        inside = block[rows.indices] == b
        squares = np.bincount(row_of[inside], weights=rows.data[inside] ** 2, minlength=rows.shape[0])
        scale[inside] = 1 / np.sqrt(squares[row_of[inside]])
    rows.data = rows.data * scale
    return rows


@dataclass
class Linear:
    """A fitted linear model as one weight per matrix column (naive-Bayes ratios folded in)."""

    coef: np.ndarray
    intercept: float

    def decision_function(self, rows) -> np.ndarray:
        return rows @ self.coef + self.intercept


def fit(matrix: Matrix, chosen: np.ndarray) -> Linear:
    """An uncalibrated linear model on the ``chosen`` rows: for "text", the average of linear SVMs at
    each strength in C on the n-grams weighed by their naive-Bayes log-count ratios in those rows; for
    "signals", a logistic regression."""
    rows, labels, weights = matrix.rows[chosen], matrix.labels[chosen], matrix.weights[chosen]
    if matrix.part != "text":
        model = LogisticRegression(C=C["signals"][0], solver="liblinear", max_iter=1000, random_state=SEED)
        model.fit(rows, labels, sample_weight=weights)
        return Linear(model.coef_[0], float(model.intercept_[0]))
    ratios = naive_bayes_ratios(matrix, rows, labels, weights)
    weighed = rows.multiply(ratios).tocsr()
    models = [
        LinearSVC(C=c, max_iter=5000, random_state=SEED).fit(weighed, labels, sample_weight=weights)
        for c in C["text"]
    ]
    coef = np.mean([m.coef_[0] for m in models], axis=0)
    return Linear(coef * ratios, float(np.mean([m.intercept_[0] for m in models])))


def naive_bayes_ratios(matrix: Matrix, rows, labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Each n-gram's log ratio of its (weighted, add-one) share among check-worthy rows to its share
    among the others; 1 for the signals, which keep their own scale."""
    counts = [np.asarray(rows[labels == y].T @ weights[labels == y]).ravel() + 1.0 for y in (1, 0)]
    ratios = np.log((counts[0] / counts[0].sum()) / (counts[1] / counts[1].sum()))
    ratios[[n.startswith("s:") for n in matrix.names]] = 1.0
    return ratios


def f1_score(labels: np.ndarray, predicted: np.ndarray) -> float:
    """F1 of the check-worthy class."""
    hits = int((predicted & (labels == 1)).sum())
    return 2 * hits / (int(predicted.sum()) + int((labels == 1).sum()) or 1)


def fit_thresholded(matrix: Matrix, chosen: np.ndarray, groups: np.ndarray) -> tuple[Linear, float]:
    """A model on the ``chosen`` rows whose decision threshold (log-odds 0) is moved to the one with the
    best ClaimBuster F1 in an inner cross-validation on those rows only (debates always in training,
    less copies of the inner fold's sentences): nothing outside ``chosen`` picks it. The threshold is
    folded into the intercept."""
    claimbuster_rows = chosen[groups[chosen] == "claimbuster"]
    others = chosen[groups[chosen] != "claimbuster"]
    labels = matrix.labels[claimbuster_rows]
    logits = np.zeros(len(claimbuster_rows))
    folds = StratifiedKFold(INNER_FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(claimbuster_rows, labels):
        inner = apart(matrix, np.concatenate([claimbuster_rows[train], others]), claimbuster_rows[test])
        logits[test] = fit(matrix, inner).decision_function(matrix.rows[claimbuster_rows[test]])
    threshold = float(max(THRESHOLDS, key=lambda t: (f1_score(labels, logits >= t), -abs(t))))
    model = fit(matrix, chosen)
    model.intercept -= threshold
    return model, threshold


def as_linear(matrix: Matrix, model: Linear, calibration: tuple[float, float]) -> dict:
    """The model file's entry: weights by feature name (4 decimals). Near-zero weights are dropped but
    in unit-length blocks, where every feature of the vocabulary counts in the block's length."""
    blocks = UNIT_BLOCKS if matrix.part == "text" else ()
    weights = {
        name: round(float(c), 4)
        for name, c in zip(matrix.names, model.coef, strict=True)
        if abs(c) >= 5e-5 or (blocks and name.startswith(blocks))
    }
    return {
        "intercept": round(float(model.intercept), 4),
        "calibration": list(calibration),
        "unit_blocks": list(blocks),
        "weights": weights,
    }


def platt(logits: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """Platt scaling: the (slope, offset) that turn held-out log-odds into probabilities."""
    model = LogisticRegression(C=1e4, random_state=SEED).fit(
        np.array(logits).reshape(-1, 1), np.array(labels)
    )
    return round(float(model.coef_[0][0]), 4), round(float(model.intercept_[0]), 4)


def held_out_claimbuster(
    matrix: Matrix, groups: np.ndarray, split_seed: int = SEED
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each ClaimBuster sentence's log-odds from a model trained without it (5 folds drawn with
    ``split_seed``; the debates always in training, less the copies of the fold's sentences; the
    threshold chosen inside the training folds and folded in), with the sentences' indices and the
    threshold each one's model moved (add it back: log-odds before)."""
    claimbuster_rows = np.flatnonzero(groups == "claimbuster")
    others = np.flatnonzero(groups != "claimbuster")
    logits = np.zeros(len(claimbuster_rows))
    thresholds = np.zeros(len(claimbuster_rows))
    folds = StratifiedKFold(5, shuffle=True, random_state=split_seed)
    for train, test in folds.split(claimbuster_rows, matrix.labels[claimbuster_rows]):
        chosen = apart(matrix, np.concatenate([claimbuster_rows[train], others]), claimbuster_rows[test])
        model, thresholds[test] = fit_thresholded(matrix, chosen, groups)
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
            "learner": {"text": "NB-SVM, averaged over C", "signals": "logistic regression"},
            "unit_blocks": list(UNIT_BLOCKS),
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
