"""The check-worthiness data both the trainer and the benchmark read: ClaimBuster and CheckThat! 2019
training debates from ../shared/eval (read at run time, never copied), and each sentence's features.

A sentence's features are the claim engine's: its signals over the sentence with every figure, date and
actor the engine found in it (``claims.worthiness.find_signals``), the rules' score of its best claim
and its n-grams, i.e. what the app's scorer reads for a one-clause claim.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims import split_claims  # noqa: E402
from claims.worthiness import features, find_signals, rule_score  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
CLAIMBUSTER = EVAL / "claimbuster-en" / "kfold_25ncs.json"
CHECKTHAT = EVAL / "checkthat2019-task1-en" / "training"
DATA_NAMES = (
    "ClaimBuster kfold_25ncs.json (claimbuster-en)",
    "CheckThat! 2019 task 1 training debates (checkthat2019-task1-en/training/*.tsv)",
)


@dataclass
class Sentence:
    """One labelled sentence: where it comes from (``group``: "claimbuster" or the debate), its words."""

    group: str
    text: str
    label: int
    speaker: str = ""
    line: int | None = None


def claimbuster(limit: int | None = None) -> list[Sentence]:
    cases = json.loads(CLAIMBUSTER.read_text(encoding="utf-8"))[:limit]
    return [Sentence("claimbuster", c["text"], int(c["label"])) for c in cases]


def debates(limit: int | None = None) -> dict[str, list[Sentence]]:
    """The training debates by name, each line with its speaker and position."""
    found = {}
    for path in sorted(CHECKTHAT.glob("*.tsv"))[:limit]:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 4]
        found[path.stem] = [
            Sentence(path.stem, r[2], int(r[3]), speaker=r[1], line=n) for n, r in enumerate(rows)
        ]
    return found


def sentence_features(sentence: Sentence) -> tuple[dict[str, float], float]:
    """The features of a sentence and the rules' score of its best claim (0 when it yields none)."""
    claims = split_claims(sentence.text, lang="en")
    rules = 0.0
    stats = tuple(s for c in claims for s in c.statistics)
    dates = tuple(d for c in claims for d in c.dates)
    entities = tuple(dict.fromkeys(e for c in claims for e in c.entities))
    attribution = next((c.attribution for c in claims if c.attribution), None)
    modality = claims[0].modality if claims else "reported"
    offset = claims[0].span[0] if claims else 0
    text = sentence.text[offset:]
    signals = find_signals(
        text, lang="en", statistics=stats, dates=dates, entities=entities,
        attribution=attribution, modality=modality, offset=offset,
    )  # fmt: skip
    score, _ = rule_score(signals, len(stats))
    for claim in claims:  # the current rules: the best claim of the sentence, as split_claims scores it
        claim_signals = find_signals(
            claim.text, lang="en", statistics=claim.statistics, dates=claim.dates, entities=claim.entities,
            attribution=claim.attribution, modality=claim.modality, offset=claim.span[0],
        )  # fmt: skip
        rules = max(rules, rule_score(claim_signals, len(claim.statistics))[0])
    return features(signals, text, "en", score, sentence.line), rules
