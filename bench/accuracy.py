"""Accuracy of the statistics reader on third-party test suites, peers side by side.

Reads ../shared/eval (relative to the repo root; ``--eval-dir`` overrides) at run time, never
copies a case, and prints per suite, file and language the cases passed / total for us,
Microsoft Recognizers-Text (Python, ms-recognizers-text-suite 1.0.1), quantulum3 0.10.0 and,
on its own cases, the text2num library; then words per second for each system on the same inputs.

Scoring is strict: a case passes when the system finds exactly the expected figures, each with
the right span (Recognizers' ``End`` is inclusive; where ``End - Start + 1`` disagrees with the
length of ``Text``, as in several French files, the span is ``Start`` plus the length of ``Text``)
and value (relative tolerance 1e-6); ranges need the right bounds, and a one-sided bound its
open/closed side. Units are not compared.

    .venv/bin/python bench/accuracy.py [--eval-dir ../shared/eval] [--suite NAME ...] [--json PATH]

Suites live in ``SUITES``; another scorer (dates) adds itself with ``register_suite`` from a
module named in ``PLUGINS`` that defines ``register(register_suite)``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import peers  # noqa: E402
from peers import Pred  # noqa: E402

PLUGINS = ("accuracy_dates",)  # optional modules in bench/ that register more suites


@dataclass
class Tally:
    """Cases passed and time spent by one system on one file."""

    passed: int = 0
    total: int = 0
    words: int = 0
    seconds: float = 0.0


@dataclass
class Row:
    suite: str
    file: str
    lang: str
    cases: int
    systems: dict[str, Tally] = field(default_factory=dict)


@dataclass(frozen=True)
class Suite:
    """A family of test files and the function that scores every system on one of them."""

    name: str
    files: tuple[tuple[str, str], ...]  # (path under the eval dir, language)
    score: Callable[[Path, str, str], dict[str, Tally]]


SUITES: dict[str, Suite] = {}
FAILURES: list[str] = []  # our failed cases, printed with --failures
ONLY_OURS: list[bool] = [False]  # --ours-only: skip the (slow) peers


def register_suite(suite: Suite) -> None:
    """Add a suite to the bench (dates, later languages...)."""
    SUITES[suite.name] = suite


# --- matching ----------------------------------------------------------------------------------------


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same(e: Pred, g: Pred) -> bool:
    if e.start is None or g.start is None:
        span_ok = e.text.strip().lower() == g.text.strip().lower()
    else:
        span_ok = (e.start, e.end) == (g.start, g.end)
    if not span_ok:
        return False
    if not e.range:
        return _close(e.value, g.value)
    if not (_close(e.low, g.low) and _close(e.high, g.high)):
        return False
    if e.low is not None and e.high is not None:
        return True  # upstream writes "between 20 and 30" as [20,30): only the bounds are compared
    if e.low is not None:
        return e.low_inclusive == g.low_inclusive
    return e.high_inclusive == g.high_inclusive


def matches(expected: list[Pred], got: list[Pred]) -> bool:
    """Exactly the expected figures, in any order."""
    if len(expected) != len(got):
        return False
    free = list(got)
    for e in expected:
        hit = next((g for g in free if _same(e, g)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _warm(adapters: dict[str, Any], lang: str) -> None:
    """One untimed call per system: compiling patterns and loading models is not throughput."""
    for adapter in adapters.values():
        if adapter is None:
            continue
        with contextlib.suppress(Exception):  # a peer that cannot warm up is timed cold
            adapter("1 234 et 12 %", lang)


def _run(adapter: peers.Adapter, text: str, lang: str, tally: Tally) -> list[Pred] | None:
    started = time.perf_counter()
    try:
        got = adapter(text, lang)
    except Exception:  # a peer crashing on a case fails that case, not the bench
        got = None
    tally.seconds += time.perf_counter() - started
    tally.words += len(text.split())
    return got


# --- Recognizers-Text -------------------------------------------------------------------------------------


def _expected_recognizers(case: dict[str, Any], lang: str) -> list[Pred]:
    out = []
    for r in case.get("Results", []):
        start = r.get("Start", r.get("start"))
        end = r.get("End")
        text = r.get("Text", "")
        if start is not None and end is not None and text and end - start + 1 != len(text):
            end = start + len(text) - 1  # some upstream French files give an exclusive End: trust Text
        value = (r.get("Resolution") or {}).get("value")
        typename = r.get("TypeName", r.get("Typename", ""))
        if typename == "numberrange":
            rng = peers.parse_range(value or "", lang)
            if rng is not None:
                stop = None if end is None else end + 1
                out.append(Pred(start, stop, None, r.get("Text", ""), rng.low, rng.high,
                                rng.low_inclusive, rng.high_inclusive, True))  # fmt: skip
                continue
        out.append(
            Pred(start, None if end is None else end + 1, peers.parse_value(value, lang), r.get("Text", ""))
        )
    return out


OURS_RECOGNIZERS = {
    "NumberModel": peers.ours_numbers,
    "NumberRangeModel": peers.ours_ranges,
    "PercentModel": peers.ours_percent,
    "OrdinalModel": peers.ours_ordinals,
    "CurrencyModel": peers.ours_currency,
    "DimensionModel": peers.ours_dimension,
    "TemperatureModel": peers.ours_temperature,
    "AgeModel": peers.ours_age,
}


def score_recognizers(path: Path, lang: str, rel: str) -> dict[str, Tally]:
    model = Path(rel).stem
    systems = {"ours": OURS_RECOGNIZERS[model], "recognizers": peers.recognizers(model)}
    _warm(systems if not ONLY_OURS[0] else {"ours": systems["ours"]}, lang)
    tallies = {name: Tally() for name, adapter in systems.items() if adapter is not None}
    if ONLY_OURS[0]:
        tallies = {"ours": tallies["ours"]}
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        expected = _expected_recognizers(case, lang)
        for name, tally in tallies.items():
            got = _run(systems[name], case["Input"], lang, tally)
            tally.total += 1
            ok = got is not None and matches(expected, got)
            tally.passed += ok
            if name == "ours" and not ok:
                FAILURES.append(f"{rel}: {case['Input']!r}\n  want {_show(expected)}\n  got  {_show(got)}")
    return tallies


def _show(preds: list[Pred] | None) -> str:
    if preds is None:
        return "crash"
    return "; ".join(
        f"{p.text!r}@{p.start}-{p.end}=" + (f"[{p.low},{p.high}]" if p.range else f"{p.value}") for p in preds
    )


_MODELS_BOTH = ("NumberModel", "NumberRangeModel", "PercentModel", "OrdinalModel")
_UNITS_BOTH = ("CurrencyModel", "DimensionModel", "TemperatureModel", "AgeModel")
register_suite(
    Suite(
        "recognizers-text",
        tuple(
            (f"recognizers-text/{folder}/{language}/{model}.json", lang)
            for folder, models in (("Number", _MODELS_BOTH), ("NumberWithUnit", _UNITS_BOTH))
            for model in models
            for language, lang in (("English", "en"), ("French", "fr"))
        ),
        score_recognizers,
    )
)


# --- quantulum3 -------------------------------------------------------------------------------------------


def score_quantulum(path: Path, lang: str, rel: str) -> dict[str, Tally]:
    systems = {"ours": peers.ours_quantulum, "quantulum3": peers.quantulum()}
    _warm(systems if not ONLY_OURS[0] else {"ours": systems["ours"]}, lang)
    tallies = {name: Tally() for name, adapter in systems.items() if adapter is not None}
    if ONLY_OURS[0]:
        tallies = {"ours": tallies["ours"]}
    for case in json.loads(path.read_text(encoding="utf-8")):
        expected = [Pred(None, None, peers.parse_value(r["value"], "en"), r["surface"]) for r in case["res"]]
        for name, tally in tallies.items():
            got = _run(systems[name], case["req"], lang, tally)
            tally.total += 1
            ok = got is not None and matches(expected, got)
            tally.passed += ok
            if name == "ours" and not ok:
                FAILURES.append(f"{rel}: {case['req']!r}\n  want {_show(expected)}\n  got  {_show(got)}")
    return tallies


register_suite(Suite("quantulum3", (("quantulum3/quantities.json", "en"),), score_quantulum))


# --- text2num ---


def score_text2num(path: Path, lang: str, rel: str) -> dict[str, Tally]:
    systems: dict[str, Callable[[str, str, str], object]] = {
        "ours": peers.ours_text2num,
        "text2num": peers.text2num_upstream,
    }
    tallies = {name: Tally() for name in systems if name == "ours" or not ONLY_OURS[0]}
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case.get("options"):
            continue  # threshold / relaxed options change upstream behaviour; scored without them
        for name, tally in tallies.items():
            started = time.perf_counter()
            try:
                got: object = systems[name](case["function"], case["input"], case["lang_arg"])
            except ValueError:
                got = {"raises": "ValueError"}
            except Exception:
                got = None
            tally.seconds += time.perf_counter() - started
            tally.words += len(case["input"].split())
            want = case["expected"]
            ok = got == want or (
                isinstance(want, int | float) and isinstance(got, int | float) and _close(got, want)
            )
            tally.total += 1
            tally.passed += ok
            if name == "ours" and not ok:
                FAILURES.append(
                    f"{rel}: {case['function']} {case['input']!r}\n  want {want!r}\n  got  {got!r}"
                )
    return tallies


register_suite(
    Suite(
        "text2num",
        (("text2num/text2num_tests_fr.jsonl", "fr"), ("text2num/text2num_tests_en.jsonl", "en")),
        score_text2num,
    )
)


# --- report ---


def _load_plugins() -> None:
    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        module.register(register_suite)


def run(eval_dir: Path, names: list[str] | None) -> list[Row]:
    rows = []
    for suite in SUITES.values():
        if names and suite.name not in names:
            continue
        for rel, lang in suite.files:
            path = eval_dir / rel
            if not path.exists():
                continue
            tallies = suite.score(path, lang, rel)
            cases = max((t.total for t in tallies.values()), default=0)
            rows.append(Row(suite.name, rel.split("/", 1)[1], lang, cases, tallies))
    return rows


def _cell(t: Tally | None) -> str:
    if t is None or not t.total:
        return "–"
    return f"{t.passed}/{t.total} {100 * t.passed / t.total:5.1f}%"


def print_table(rows: list[Row]) -> None:
    systems = ["ours", "recognizers", "quantulum3", "text2num"]
    print(
        f"{'suite':<17}{'file':<48}{'lang':<5}"
        + "".join(f"{s:>19}" for s in systems)
        + f"{'ours/best peer':>16}"
    )
    for row in rows:
        cells = "".join(f"{_cell(row.systems.get(s)):>19}" for s in systems)
        ours = row.systems.get("ours")
        peer_rates = [t.passed / t.total for s, t in row.systems.items() if s != "ours" and t.total]
        ratio = "–"
        if ours and ours.total and peer_rates and max(peer_rates):
            ratio = f"{(ours.passed / ours.total) / max(peer_rates):.2f}x"
        print(f"{row.suite:<17}{row.file:<48}{row.lang:<5}{cells}{ratio:>16}")
    print()
    print(f"{'system':<14}{'words':>10}{'seconds':>10}{'words/s':>12}{'vs ours':>10}")
    speeds = {}
    for s in systems:
        words = sum(r.systems[s].words for r in rows if s in r.systems)
        seconds = sum(r.systems[s].seconds for r in rows if s in r.systems)
        if seconds:
            speeds[s] = (words, seconds, words / seconds)
    for s, (words, seconds, rate) in speeds.items():
        ratio = rate / speeds["ours"][2] if "ours" in speeds else float("nan")
        print(f"{s:<14}{words:>10}{seconds:>10.2f}{rate:>12.0f}{ratio:>9.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--suite", action="append", help="only these suites (repeatable)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--failures", type=Path, help="write our failed cases to this file (outside the repo)"
    )
    parser.add_argument("--ours-only", action="store_true", help="skip the peers (quick iteration)")
    args = parser.parse_args(argv)
    ONLY_OURS[0] = args.ours_only
    _load_plugins()
    if not args.eval_dir.exists():
        print(f"no evaluation data at {args.eval_dir}", file=sys.stderr)
        return 2
    rows = run(args.eval_dir, args.suite)
    print_table(rows)
    if args.failures:
        args.failures.write_text("\n".join(FAILURES) + "\n", encoding="utf-8")
    if args.json:
        payload = [
            {"suite": r.suite, "file": r.file, "lang": r.lang, "cases": r.cases,
             "systems": {s: vars(t) for s, t in r.systems.items()}}
            for r in rows
        ]  # fmt: skip
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
