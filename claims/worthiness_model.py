"""The learned check-worthiness model: loaded lazily from a JSON file of weights, never a pickle.

The shipped model (``claims/data/worthiness_model.json``, written by ``bench/train_worthiness.py``) holds
two calibrated linear models: one over the engine's signals and the clause's n-grams (English, the
language of its training data; each n-gram block counts at unit length) and one over the signals only
(any other language: the signals come from each language's own vocabulary). A desk can add its own
layer on top (``use_model``), fitted by ``python -m workbench retrain-worthiness`` on its reviewers'
decisions. A missing, corrupt or out-of-date file is refused with a reason, and the rules' score is
used instead.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from claims.worthiness_features import FEATURE_VERSION

MODEL_PATH = Path(__file__).resolve().parent / "data" / "worthiness_model.json"
FORMAT = 2
"""The layout of the model file; bump when it changes."""
RETRAIN = "python bench/train_worthiness.py"
TOP_WORDS = 3


class ModelError(ValueError):
    """A model file or desk layer that cannot be used, with the reason a reviewer can act on."""


@dataclass(frozen=True)
class LinearModel:
    """A linear model as weights by feature name, then Platt calibration of its logit. The features of
    each ``unit_blocks`` prefix (n-gram blocks) are divided by the block's length over the features the
    model knows, as in training: a long clause's many n-grams weigh as much as a short one's few. A block
    prefix ends with ":", as every feature name's does."""

    intercept: float
    weights: dict[str, float]
    calibration: tuple[float, float] = (1.0, 0.0)
    unit_blocks: tuple[str, ...] = ()

    @cached_property
    def _table(self) -> dict[str, tuple[float, int]]:
        """Each known feature's weight and block (0: none, i: the i-th unit block), looked up once."""
        blocks = self.unit_blocks
        return {
            name: (weight, next((i for i, p in enumerate(blocks, 1) if name.startswith(p)), 0))
            for name, weight in self.weights.items()
        }

    def raw(self, features: dict[str, float]) -> tuple[float, list[float]]:
        """The uncalibrated log-odds and each block's scale (index 0, 1: features outside the unit blocks)."""
        table = self._table
        sums = [0.0] * (len(self.unit_blocks) + 1)
        lengths = [0.0] * len(sums)
        for name, value in features.items():
            entry = table.get(name)
            if entry is not None:
                sums[entry[1]] += entry[0] * value
                lengths[entry[1]] += value * value
        scale = [1.0] + [1.0 / math.sqrt(length) if length else 0.0 for length in lengths[1:]]
        return self.intercept + sum(s * f for s, f in zip(sums, scale, strict=True)), scale

    def contributions(self, features: dict[str, float], scale: list[float] | None = None) -> dict[str, float]:
        """What each known feature adds to the raw log-odds; ``scale``: the blocks' scales ``raw`` gave
        for the whole clause, when only some of its features are asked about."""
        table = self._table
        scale = self.raw(features)[1] if scale is None else scale
        return {n: table[n][0] * v * scale[table[n][1]] for n, v in features.items() if n in table}

    def logit(self, features: dict[str, float]) -> float:
        """The calibrated log-odds of the features."""
        return self.calibration[0] * self.raw(features)[0] + self.calibration[1]


@dataclass(frozen=True)
class DeskLayer:
    """A desk's correction on top of the shipped model: log-odds ``scale * shipped + shift + weights``."""

    scale: float
    shift: float
    weights: dict[str, float]
    base: str
    """The checksum of the shipped model it was fitted on: another shipped model refuses it."""
    summary: dict = field(default_factory=dict)


@dataclass(frozen=True)
class WorthinessModel:
    """The shipped model (text and signals-only parts), with the desk's layer when it has one."""

    text: LinearModel
    signals: LinearModel
    checksum: str
    trained_on: tuple[str, ...] = ()
    sklearn: str = ""
    desk: DeskLayer | None = None

    @property
    def name(self) -> str:
        return ("desk model over " if self.desk else "") + f"shipped model {self.checksum[:8]}"

    def _explained(self, features: dict[str, float], lang: str) -> tuple[float, dict[str, float]]:
        """The calibrated log-odds (with the desk's layer) and what each readable feature adds to them."""
        english = lang == "en"
        model = self.text if english else self.signals
        raw, scale = model.raw(features)
        a, b = model.calibration
        logit = a * raw + b
        # Readable features only: words and word pairs in English, the engine's signals otherwise.
        prefixes = ("w:", "b:") if english else ("s:",)
        readable = {n: v for n, v in features.items() if n.startswith(prefixes)}
        gains = model.contributions(readable, scale)
        if self.desk is not None:
            desk = self.desk
            logit = desk.scale * logit + desk.shift
            logit += sum(desk.weights.get(name, 0.0) * value for name, value in features.items())
            shipped, gains = gains, {}
            for n, v in readable.items():
                gains[n] = shipped.get(n, 0.0) * a * desk.scale + desk.weights.get(n, 0.0) * v
        return logit, gains

    def _averaged(
        self, features: dict[str, float], lang: str, context: dict[str, float] | None
    ) -> tuple[float, dict[str, float]]:
        """``_explained`` of the clause, averaged with its sentence's when ``context`` is given: the model
        learnt from whole sentences. The gains stay the clause's own features', weighed as averaged."""
        logit, gains = self._explained(features, lang)
        if context is None:
            return logit, gains
        around, around_gains = self._explained(context, lang)
        return (logit + around) / 2, {n: (g + around_gains.get(n, 0.0)) / 2 for n, g in gains.items()}

    def logit(self, features: dict[str, float], lang: str, context: dict[str, float] | None = None) -> float:
        """The log-odds ``score`` turns into a probability (the desk's layer learns on top of them)."""
        return self._averaged(features, lang, context)[0]

    def score(
        self, features: dict[str, float], lang: str, context: dict[str, float] | None = None
    ) -> tuple[float, tuple[str, ...], bool]:
        """Probability 0-1 that the clause is check-worthy, the words (or signals) that moved it most, and
        whether they are the ones that lowered it (below 0.5, what raised it would not explain the score).
        ``context``: the features of the clause's whole sentence, when the sentence holds other claims too
        (see ``_averaged``)."""
        logit, gains = self._averaged(features, lang, context)
        against = logit < 0
        if against:
            moved = heapq.nsmallest(TOP_WORDS, ((g, n) for n, g in gains.items() if g < 0))
        else:
            moved = heapq.nlargest(TOP_WORDS, ((g, n) for n, g in gains.items() if g > 0))
        top = tuple(_readable(name) for _, name in moved)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))), top, against


def _readable(name: str) -> str:
    """'b:0 million' -> '<number> million'; 's:figure=percent' -> 'figure: percent'; a bucket reads as
    words: 's:figures=<1' -> 'figures: none', 's:words=<8' -> 'words: under 8', '>=10' -> '10 or more'."""
    if not name.startswith("s:"):
        return " ".join("<number>" if word == "0" else word for word in name[2:].split(" "))
    signal, _, value = name[2:].replace("_", " ").partition("=")
    if value == "<1":
        value = "none"
    elif value.startswith("<") and value[1:].isdigit():
        value = f"under {value[1:]}"
    elif value.startswith(">=") and value[2:].isdigit():
        value = f"{value[2:]} or more"
    return f"{signal}: {value}" if value else signal


def _linear(part: dict, where: str) -> LinearModel:
    try:
        a, b = part.get("calibration", (1.0, 0.0))
        return LinearModel(
            float(part["intercept"]),
            {str(k): float(v) for k, v in part["weights"].items()},
            (float(a), float(b)),
            tuple(str(p) for p in part.get("unit_blocks") or ()),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ModelError(f"{where}: not a linear model ({type(e).__name__}: {e})") from e


def parse_model(raw: bytes, where: str = "model") -> WorthinessModel:
    """The model a file's bytes describe; ModelError when they are corrupt or made for other features."""
    try:
        spec = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelError(f"{where} is not valid JSON ({e})") from e
    if not isinstance(spec, dict):
        raise ModelError(f"{where} is not a model (a JSON object is expected)")
    if spec.get("format") != FORMAT or spec.get("feature_version") != FEATURE_VERSION:
        raise ModelError(
            f"{where} has format {spec.get('format')} and features version {spec.get('feature_version')}; "
            f"this code reads format {FORMAT} and computes features version {FEATURE_VERSION}: "
            f"retrain with `{RETRAIN}`"
        )
    parts = spec.get("models") or {}
    return WorthinessModel(
        text=_linear(parts.get("text") or {}, f"{where}, text model"),
        signals=_linear(parts.get("signals") or {}, f"{where}, signals model"),
        checksum=hashlib.sha256(raw).hexdigest(),
        trained_on=tuple(spec.get("trained_on") or ()),
        sklearn=str(spec.get("sklearn", "")),
    )


def load_model(path: Path = MODEL_PATH) -> WorthinessModel:
    """Read and check a model file (ModelError with the reason when it cannot be used)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ModelError(f"worthiness model {path.name} cannot be read ({e.strerror or e})") from e
    return parse_model(raw, f"worthiness model {path.name}")


def with_desk_layer(model: WorthinessModel, layer: dict) -> WorthinessModel:
    """The shipped model with a desk's stored layer (ModelError when the layer was fitted on another one)."""
    try:
        desk = DeskLayer(
            float(layer["scale"]), float(layer["shift"]),
            {str(k): float(v) for k, v in layer["weights"].items()}, str(layer["base"]),
            dict(layer.get("summary") or {}),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise ModelError(f"the desk's worthiness model is corrupt ({type(e).__name__}: {e})") from e
    if layer.get("feature_version") != FEATURE_VERSION or desk.base != model.checksum:
        raise ModelError(
            "the desk's worthiness model was fitted on another shipped model or features version: "
            "run `python -m workbench retrain-worthiness` again"
        )
    return WorthinessModel(model.text, model.signals, model.checksum, model.trained_on, model.sklearn, desk)


@dataclass(frozen=True)
class ModelStatus:
    """The model in use, or None with the reason the rules' score is used instead."""

    model: WorthinessModel | None
    warning: str | None = None


@lru_cache(maxsize=1)
def shipped() -> ModelStatus:
    """The shipped model, read once per process on first use."""
    try:
        return ModelStatus(load_model())
    except ModelError as e:
        return ModelStatus(None, str(e))


_override: list[ModelStatus] = []


def use_model(status: ModelStatus | None) -> None:
    """Score with ``status`` from now on in this process (a desk's model); None: the shipped one."""
    _override[:] = [status] if status is not None else []


def active() -> ModelStatus:
    """The model the claim engine scores with now."""
    return _override[0] if _override else shipped()
