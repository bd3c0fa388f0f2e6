"""The desk teaches check-worthiness: its reviewers' decisions fit a layer on top of the shipped model.

Claims that received a verdict were worth checking; claims a reviewer marked "not check-worthy" were
not. The layer is a logistic regression over the shipped model's log-odds and the claim's features,
fitted on the desk's claims; a quarter of them (seeded, both classes) are held back first to show the
shipped model's and the desk model's average precision on claims neither was fitted on. The layer is a
JSON setting (no migration); ``--reset`` goes back to the shipped model.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims.worthiness_features import FEATURE_VERSION
from claims.worthiness_model import (
    ModelError,
    ModelStatus,
    WorthinessModel,
    shipped,
    use_model,
    with_desk_layer,
)
from workbench.desk.rescore import row_features, sentence_contexts
from workbench.domain.errors import WorkbenchError
from workbench.storage.claim_edits import NOT_WORTHY
from workbench.storage.schema import ArticleRow, ClaimRow, VerdictRow
from workbench.storage.settings import get_setting, put_setting, setting_updated

SETTING = "worthiness_model"
MIN_EACH = 10
"""At least this many claims of each kind (with a verdict; marked not check-worthy) to retrain."""
HELD_BACK = 0.25
SEED = 7


@dataclass(frozen=True)
class RetrainSummary:
    """What a retraining learned from and what it changed on the held-back claims."""

    worthy: int
    not_worthy: int
    held_back: int
    before: float
    after: float


def desk_status(session: Session) -> ModelStatus:
    """The model the desk scores with: its own layer over the shipped model, or the shipped model (the
    rules when that cannot be read), with a warning when a stored layer cannot be used."""
    base = shipped()
    layer = get_setting(session, SETTING)
    if not layer or base.model is None:
        return base
    try:
        return ModelStatus(with_desk_layer(base.model, layer))
    except ModelError as e:
        return ModelStatus(base.model, f"{e}; the shipped model is used")


def activate(session: Session) -> ModelStatus:
    """Score with the desk's model from now on in this process, and return it."""
    status = desk_status(session)
    use_model(status)
    return status


def describe(session: Session) -> str:
    """One line for the Desk settings page and the command line: which model scores claims."""
    status = desk_status(session)
    if status.model is None:
        return f"Rules only: {status.warning}"
    model = status.model
    line = f"Using the {model.name}, trained on {'; '.join(model.trained_on) or 'unknown data'}"
    if model.desk is not None:
        s = model.desk.summary
        by, at = setting_updated(session, SETTING)
        line += (
            f"; the desk's layer learned from {s.get('worthy', 0)} checked and {s.get('not_worthy', 0)} "
            f"not check-worthy claims (average precision on {s.get('held_back', 0)} held-back claims "
            f"{s.get('before', 0):.2f} shipped → {s.get('after', 0):.2f} desk), by {by} on {at:%Y-%m-%d}"
        )
    return line + (f". Warning: {status.warning}" if status.warning else ".")


@dataclass(frozen=True)
class Example:
    """One decided claim: its features, its sentence's (None: a sentence of one claim), 1 or 0."""

    features: dict[str, float]
    context: dict[str, float] | None
    lang: str
    label: int


def labelled_claims(session: Session) -> list[Example]:
    """The desk's decided claims: 1 with a verdict, 0 marked not check-worthy."""
    checked = select(VerdictRow.claim_id).distinct()
    rows = session.execute(
        select(ClaimRow, ArticleRow.lang)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ClaimRow.retired.is_(False), (ClaimRow.id.in_(checked)) | (ClaimRow.status == NOT_WORTHY))
        .order_by(ClaimRow.id)
        .options(selectinload(ClaimRow.statistics))
    ).all()
    contexts = sentence_contexts(session, [(row, lang) for row, lang in rows])
    return [
        Example(row_features(row, lang), contexts[row.id], lang, 0 if row.status == NOT_WORTHY else 1)
        for row, lang in rows
    ]


def _average_precision(scores: list[float], labels: list[int]) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, start=1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def _fit(base: WorthinessModel, examples: list[Example], summary: dict) -> dict:
    """The desk layer fitted on ``examples``: weights on the shipped log-odds and on the features (a
    claim's averaged with its sentence's, as the score averages the two)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    def read(e: Example) -> dict[str, float]:
        if e.context is None:
            return e.features
        names = e.features.keys() | e.context
        return {n: (e.features.get(n, 0.0) + e.context.get(n, 0.0)) / 2 for n in names}

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([read(e) for e in examples]).toarray()
    logits = np.array([[base.logit(e.features, e.lang, e.context)] for e in examples])
    model = LogisticRegression(C=0.5, max_iter=1000, random_state=SEED)
    model.fit(np.hstack([logits, matrix]), np.array([e.label for e in examples]))
    weights = {
        str(n): round(float(c), 4)
        for n, c in zip(vectoriser.get_feature_names_out(), model.coef_[0][1:], strict=True)
        if abs(c) >= 1e-4
    }
    return {
        "scale": round(float(model.coef_[0][0]), 4), "shift": round(float(model.intercept_[0]), 4),
        "weights": weights, "base": base.checksum, "feature_version": FEATURE_VERSION, "summary": summary,
    }  # fmt: skip


def _score(model: WorthinessModel, examples: list[Example]) -> list[float]:
    return [model.score(e.features, e.lang, e.context)[0] for e in examples]


def retrain(session: Session, *, editor: str) -> RetrainSummary:
    """Fit and store the desk's layer; WorkbenchError (nothing stored) below the minimum of decisions."""
    base = shipped()
    if base.model is None:
        raise WorkbenchError(f"Cannot retrain: the shipped model is unusable ({base.warning}).")
    examples = labelled_claims(session)
    worthy = [e for e in examples if e.label == 1]
    not_worthy = [e for e in examples if e.label == 0]
    if len(worthy) < MIN_EACH or len(not_worthy) < MIN_EACH:
        raise WorkbenchError(
            f"Not enough decisions to retrain: {len(worthy)} claims with a verdict and {len(not_worthy)} "
            f"marked not check-worthy; at least {MIN_EACH} of each are needed."
        )
    rng = random.Random(SEED)
    held, fitted = [], []
    for group in (worthy, not_worthy):  # hold back a quarter of each kind
        shuffled = group[:]
        rng.shuffle(shuffled)
        cut = max(2, round(len(shuffled) * HELD_BACK))
        held += shuffled[:cut]
        fitted += shuffled[cut:]
    labels = [e.label for e in held]
    trial = with_desk_layer(base.model, _fit(base.model, fitted, {}))
    before = _average_precision(_score(base.model, held), labels)
    after = _average_precision(_score(trial, held), labels)
    summary = RetrainSummary(len(worthy), len(not_worthy), len(held), round(before, 3), round(after, 3))
    layer = _fit(base.model, examples, summary.__dict__)  # the stored layer learns from every decision
    put_setting(session, SETTING, layer, updated_by=editor)
    return summary


def reset(session: Session, *, editor: str) -> None:
    """Go back to the shipped model."""
    put_setting(session, SETTING, None, updated_by=editor)
