"""The check-worthiness benchmark's ClaimBuster cross-validation: no model trains on a copy of a
sentence it scores, and other fold splits are other draws of the same procedure."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import train_worthiness  # noqa: E402
from train_worthiness import held_out_claimbuster, vectorise  # noqa: E402
from worthiness_data import Sentence  # noqa: E402

FACTUAL = ["unemployment", "rose", "percent", "million", "jobs", "taxes", "cut", "billion"]
OPINION = ["think", "believe", "great", "wonderful", "people", "thank", "you", "folks"]


def _sentences() -> list[tuple[Sentence, dict[str, float]]]:
    """80 ClaimBuster-like sentences (half check-worthy) and 30 debate lines, 10 of them copies of
    ClaimBuster sentences, as the two real datasets share lines."""
    draw = random.Random(3)
    found = []
    for n in range(80):
        label = n % 2
        words = [*draw.sample(FACTUAL if label else OPINION, 4), f"filler{n % 7}"]
        found.append((Sentence("claimbuster", " ".join(words) + f" case {n}", label), words))
    for n in range(30):
        if n < 10:
            source = found[n * 3][0]
            found.append((Sentence("debate", source.text.upper() + "!", source.label), found[n * 3][1]))
        else:
            label = int(n % 5 == 0)
            words = draw.sample(FACTUAL if label else OPINION, 3)
            found.append((Sentence("debate", " ".join(words) + f" line {n}", label), words))
    return [(s, {f"w:{w}": 1.0 for w in words} | {"s:rule_score": 0.5}) for s, words in found]


def test_no_model_of_the_cross_validation_trains_on_a_copy_of_a_sentence_left_out(monkeypatch):
    """Every fit (outer folds and the inner ones that choose the threshold) trains on no row whose
    sentence is a ClaimBuster sentence left out of that fit, whichever dataset holds the copy."""
    pairs = _sentences()
    matrix = vectorise(pairs, "text")
    groups = np.array([s.group for s, _ in pairs])
    claimbuster = set(np.flatnonzero(groups == "claimbuster"))
    calls = []
    real_fit = train_worthiness.fit

    def spying_fit(matrix_, chosen):
        calls.append(np.array(chosen))
        return real_fit(matrix_, chosen)

    monkeypatch.setattr(train_worthiness, "fit", spying_fit)
    indices, logits, _ = held_out_claimbuster(matrix, groups)
    assert sorted(indices) == sorted(claimbuster)
    assert len(calls) == 5 * (train_worthiness.INNER_FOLDS + 1)
    for chosen in calls:
        left_out = claimbuster - set(chosen)
        assert left_out, "every fit leaves some ClaimBuster sentences out"
        assert not set(matrix.keys[chosen]) & set(matrix.keys[list(left_out)])
    copies_trained = [sum(groups[c] == "debate") for c in calls]
    assert min(copies_trained) < 30 and max(copies_trained) <= 30  # copies dropped, other debate lines kept
    predicted = logits >= 0
    assert (predicted == matrix.labels[indices].astype(bool)).mean() > 0.9


def test_another_split_seed_draws_other_folds_of_the_same_procedure():
    """Two split seeds score every ClaimBuster sentence once each, from differently drawn folds."""
    pairs = _sentences()
    matrix = vectorise(pairs, "text")
    groups = np.array([s.group for s, _ in pairs])
    first = held_out_claimbuster(matrix, groups, 7)
    again = held_out_claimbuster(matrix, groups, 7)
    other = held_out_claimbuster(matrix, groups, 1)
    np.testing.assert_array_equal(first[1], again[1])
    assert sorted(first[0]) == sorted(other[0])
    assert not np.allclose(first[1], other[1])


@pytest.mark.parametrize("repeats", [1, 3, 9])
def test_the_benchmark_reports_f1_over_the_requested_splits_table_split_first(repeats):
    from worthiness import claimbuster_splits

    pairs = _sentences()
    matrix = vectorise(pairs, "text")
    result = claimbuster_splits([(s, f, 0.5) for s, f in pairs], matrix, repeats)
    seeds = [run["split seed"] for run in result["runs"]]
    assert seeds[0] == train_worthiness.SEED and len(set(seeds)) == repeats
    f1s = [run["f1"] for run in result["runs"]]
    assert result["min f1"] == min(f1s) and result["mean f1"] == pytest.approx(sum(f1s) / repeats)
    assert result["mean f1"] > 0.8


def test_the_engine_path_scores_lines_with_the_given_model_then_restores_the_shipped_one():
    from worthiness import through_the_engine

    from claims.worthiness_model import active, shipped

    pairs = _sentences()
    matrix = vectorise(pairs, "text")
    model = train_worthiness.fit(matrix, np.arange(len(pairs)))
    lines = ["Unemployment rose 5 percent and a million jobs were cut.", "I think you folks are great.", ""]
    factual, opinion, empty = through_the_engine(model, matrix, lines)
    assert factual > opinion and empty == 0.0
    inverted = train_worthiness.Linear(-model.coef, -model.intercept)  # the model given is the one used
    factual, opinion, _ = through_the_engine(inverted, matrix, lines)
    assert factual < opinion
    assert active() is shipped()
