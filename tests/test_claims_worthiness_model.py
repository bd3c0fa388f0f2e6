"""The learned check-worthiness model: calibrated scores that spread, French by hand-labelled sentences,
bad input scored low with a reason, and a broken model file refused with the rules' score instead."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from claims import split_claims
from claims.worthiness import LOW_CEILING, assess
from claims.worthiness_features import FEATURE_VERSION, text_features
from claims.worthiness_model import (
    MODEL_PATH,
    LinearModel,
    ModelError,
    ModelStatus,
    load_model,
    parse_model,
    shipped,
    use_model,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(autouse=True)
def _shipped_model():
    """Every test starts and ends with the shipped model (use_model is process-wide)."""
    use_model(None)
    yield
    use_model(None)


def _best(text: str, lang: str) -> float:
    return max((c.worthiness for c in split_claims(text, lang=lang)), default=0.0)


def test_the_shipped_model_loads_and_says_what_it_was_trained_on():
    status = shipped()
    assert status.model is not None, status.warning
    spec = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert spec["feature_version"] == FEATURE_VERSION and spec["sklearn"]
    assert any("ClaimBuster" in name for name in spec["trained_on"])
    assert any("CheckThat" in name for name in spec["trained_on"])
    assert MODEL_PATH.stat().st_size < 4_000_000  # shipped in the repository


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("ukraine-defence-industry-en.txt", "en"),
        ("ukraine-defence-industry-fr.txt", "fr"),
        ("harbour-budget-en.txt", "en"),
    ],
)
def test_at_most_a_third_of_an_articles_claims_share_the_top_score(name, lang):
    claims = split_claims((DATA / name).read_text(encoding="utf-8"), lang=lang)
    scores = [c.worthiness for c in claims]
    assert len(claims) >= 6
    assert scores.count(max(scores)) <= len(claims) / 3
    assert len(set(scores)) >= len(claims) / 2  # calibrated probabilities spread
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_english_reasons_name_the_models_top_words():
    [claim] = split_claims(
        "Unemployment fell to 5.1% in the last quarter, the statistics office said.", lang="en"
    )
    assert "contains a percentage" in claim.reasons
    assert any(r.startswith("the model's top words: ") for r in claim.reasons)
    assert claim.worthiness >= 0.5


def test_a_low_score_names_the_words_that_lowered_it():
    [claim] = split_claims("We think this is the right choice for the city.", lang="en")
    assert claim.worthiness < 0.5
    [words] = [r for r in claim.reasons if r.startswith("the model's ")]
    assert words.startswith("the model's words against: ") and "think" in words
    text = load_model().text
    weights = {n: text.weights.get(n, 0.0) for n in ("w:think", "b:we think")}
    assert weights["w:think"] < 0 or weights["b:we think"] < 0  # named because it lowers the score


def test_french_scores_follow_hand_labelled_expectations():
    """Worthy sentences score above unworthy ones (pairs in order), and on the right side of 0.5."""
    cases = json.loads((DATA / "worthiness_fr.json").read_text(encoding="utf-8"))["sentences"]
    worthy = [_best(c["text"], "fr") for c in cases if c["worthy"]]
    unworthy = [_best(c["text"], "fr") for c in cases if not c["worthy"]]
    in_order = sum(w > u for w in worthy for u in unworthy) / (len(worthy) * len(unworthy))
    assert in_order >= 0.9
    assert sum(w >= 0.5 for w in worthy) >= 0.8 * len(worthy)
    assert sum(u < 0.5 for u in unworthy) >= 0.8 * len(unworthy)


@pytest.mark.parametrize(
    ("text", "lang", "reason"),
    [
        ("", "en", "no verifiable content"),
        ("Inflation", "en", "very short"),
        ("Inflation", "fr", "very short"),
        ("The rate rose by 5% in 2020 and " * 3_000, "en", "too long to be one claim"),
        ("x" * 100_000, "en", "no verifiable content"),
        (
            "Die Produktion hat sich im vergangenen Jahr verdreifacht, sagte das Ministerium am Montag.",
            "en",
            "not in a language the engine reads",
        ),
        (
            "Производство выросло втрое в прошлом году, заявили в министерстве обороны страны вчера.",
            "fr",
            "not in a language the engine reads",
        ),
        (
            "Die Produktion hat sich im vergangenen Jahr verdreifacht, sagte das Ministerium am Montag.",
            "de",
            "not in a language the engine reads",
        ),
    ],
)
def test_bad_input_scores_low_with_a_reason(text, lang, reason):
    verdict = assess(text, lang=lang)
    assert verdict.worthiness <= LOW_CEILING
    assert reason in verdict.reasons
    assert all(c.worthiness <= LOW_CEILING for c in split_claims(text, lang=lang) if len(c.text) > 2_000)


def test_a_missing_corrupt_or_outdated_model_is_refused_with_the_reason(tmp_path):
    with pytest.raises(ModelError, match="cannot be read"):
        load_model(tmp_path / "absent.json")
    with pytest.raises(ModelError, match="not valid JSON"):
        parse_model(b'{"format": 2, "models": ')
    outdated = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    outdated["feature_version"] = FEATURE_VERSION + 1
    with pytest.raises(ModelError, match=r"retrain with `python bench/train_worthiness\.py`"):
        parse_model(json.dumps(outdated).encode())
    broken = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    del broken["models"]["text"]["weights"]
    with pytest.raises(ModelError, match="text model: not a linear model"):
        parse_model(json.dumps(broken).encode())


def test_without_a_model_the_rules_score_with_a_visible_warning(tmp_path):
    text = "Unemployment fell to 5.1% in the last quarter, the statistics office said."
    try:
        load_model(tmp_path / "absent.json")
    except ModelError as e:
        use_model(ModelStatus(None, str(e)))
    [claim] = split_claims(text, lang="en")
    rules = assess(claim.text, lang="en", statistics=claim.statistics, dates=claim.dates,
                   entities=claim.entities, attribution=claim.attribution, rules_only=True)  # fmt: skip
    assert claim.worthiness == rules.worthiness
    assert claim.reasons[-1].startswith("rules' score: worthiness model absent.json cannot be read")
    use_model(None)
    [learned] = split_claims(text, lang="en")
    assert not any(r.startswith("rules' score") for r in learned.reasons)


def test_an_ngram_block_counts_at_unit_length_over_the_features_the_model_knows():
    model = LinearModel(0.5, {"w:rose": 1.0, "w:jobs": 3.0, "s:figure=percent": 2.0}, unit_blocks=("w:",))
    # two known words of one block: each divided by sqrt(2); an unknown word does not lengthen the block
    gains = model.contributions({"w:rose": 1.0, "w:jobs": 1.0, "w:unseen": 1.0, "s:figure=percent": 1.0})
    assert gains == pytest.approx({"w:rose": 2**-0.5, "w:jobs": 3 * 2**-0.5, "s:figure=percent": 2.0})
    # the same words twice as often weigh the same: the block's length, not its size, counts
    assert model.logit({"w:rose": 2.0, "w:jobs": 2.0}) == pytest.approx(
        model.logit({"w:rose": 1.0, "w:jobs": 1.0})
    )
    assert model.logit({}) == 0.5


def test_the_shipped_model_scores_a_sentence_as_its_trainer_scaled_it():
    """The trainer's unit-length rows and the scorer's contributions are one transformation."""
    sys.path.insert(0, str(ROOT / "bench"))
    from train_worthiness import unit_blocks

    text = load_model().text
    features = text_features("Unemployment fell to 5.1% in the last quarter, the statistics office said.")
    features["s:figure=percent"] = 1.0
    names = [n for n in features if n in text.weights]
    assert sum(n.startswith("c:") for n in names) > 5 and "w:unemployment" in names
    row = unit_blocks(csr_matrix(np.array([[features[n] for n in names]])), names).toarray()[0]
    expected = sum(text.weights[n] * v for n, v in zip(names, row, strict=True))
    assert sum(text.contributions(features).values()) == pytest.approx(expected)
    assert row[names.index("s:figure=percent")] == 1.0


def test_signs_read_as_words_not_bucket_labels():
    claims = split_claims((DATA / "ukraine-defence-industry-fr.txt").read_text(encoding="utf-8"), lang="fr")
    signs = [r for c in claims for r in c.reasons if r.startswith("the model's ")]
    assert signs and not any("<" in r or ">=" in r for r in signs), signs
    assert any("figures: none" in r for r in signs), signs  # a clause without a figure says so


def test_a_claim_is_scored_with_its_sentence_when_the_sentence_holds_several():
    """The model learnt from whole sentences: a claim's log-odds are averaged with its sentence's."""
    from claims.worthiness import sentence_context

    text = "Selon le ministère, la production a triplé en 2023 et devrait être multipliée par six en 2024."
    for lang, sentence in (
        ("fr", text),
        ("en", "Production tripled in 2023 and is expected to grow sixfold in 2024."),
    ):
        claims = split_claims(sentence, lang=lang)
        assert len(claims) == 2
        context = sentence_context(sentence, claims, lang=lang, sentence_no=0)
        model = load_model()
        for claim in claims:
            alone = assess(claim.text, lang=lang, statistics=claim.statistics, dates=claim.dates,
                           entities=claim.entities, attribution=claim.attribution, modality=claim.modality,
                           offset=claim.span[0], sentence_no=0)  # fmt: skip
            own = _features_of(claim, lang)
            expected = (model.logit(own, lang) + model.logit(context, lang)) / 2
            assert claim.worthiness == pytest.approx(1 / (1 + np.exp(-expected)), abs=5e-4)
            assert model.logit(own, lang, context) == pytest.approx(expected)
            assert claim.worthiness != alone.worthiness  # the sentence moved the score
    assert sentence_context(text, split_claims(text, lang="fr")[:1], lang="fr", sentence_no=0) is None


def test_the_forecast_half_of_the_seed_sentence_is_check_worthy():
    """ "... a triplé en 2023 et devrait être multipliée par six en 2024": both halves are claims a desk
    checks (scored alone, the forecast fell under 0.5)."""
    text = (DATA / "ukraine-defence-industry-fr.txt").read_text(encoding="utf-8")
    claims = [c for c in split_claims(text, lang="fr") if "par six" in c.text or "triplé" in c.text]
    assert len(claims) == 2
    assert all(c.worthiness >= 0.5 for c in claims), [(c.text, c.worthiness) for c in claims]


def _features_of(claim, lang: str) -> dict[str, float]:
    from claims.worthiness import features, find_signals, rule_score

    signals = find_signals(claim.text, lang=lang, statistics=claim.statistics, dates=claim.dates,
                           entities=claim.entities, attribution=claim.attribution, modality=claim.modality,
                           offset=claim.span[0])  # fmt: skip
    return features(
        signals, claim.text, lang, rule_score(signals, len(claim.statistics))[0], claim.sentence_no
    )
