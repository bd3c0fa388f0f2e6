"""Date and period extraction against Recognizers-Text's own DateTime tests, ours beside the peer.

Reads ``DateTime/{English,French}/{DateExtractor,DatePeriodExtractor,DateParser,DatePeriodParser}.json``
from ``../shared/eval/recognizers-text`` at run time (never copied into the repository) and prints,
per file and language, cases passed / total:

- strict: every expected extraction found with the right start and length, nothing extra;
- text found: every expected extraction overlapped by one of ours (none found when none expected);
- value (Parser files): found, and our start/end equal the past or the future resolution;
- strict, no impl.: strict on the cases that no upstream implementation passes ("NotSupported"
  lists dotnet), reported apart as the suite's README asks.

The peer is Microsoft Recognizers-Text (ms-recognizers-text-suite 1.0.1, its date/daterange
results only), when installed. Words/s is measured on the inputs of all files, both systems.

    python bench/dates_accuracy.py [--eval-dir ../shared/eval] [--json PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.dates import find_dates  # noqa: E402

LANGS = {"English": "en", "French": "fr"}
FILES = ("DateExtractor", "DatePeriodExtractor", "DateParser", "DatePeriodParser")
DEFAULT_REFERENCE = dt.datetime(2024, 1, 1)  # the suites say "now" when no reference is given


@dataclass(frozen=True)
class Found:
    """One extraction: span (end exclusive) and, when known, its first and last day."""

    start: int
    end: int
    first: str | None = None
    last: str | None = None


Finder = Callable[[str, str, dt.datetime], list[Found]]


def ours(text: str, lang: str, reference: dt.datetime) -> list[Found]:
    return [
        Found(d.span[0], d.span[1], d.start, d.end)
        for d in find_dates(text, lang=lang, published=reference.date())
    ]


def recognizers_peer() -> Finder | None:
    """Recognizers-Text's DateTime model, date and daterange results only; None when missing."""
    try:
        from ms_recognizers_date_time import DateTimeRecognizer
        from ms_recognizers_text import Culture
    except ImportError:
        return None
    models = {
        "en": DateTimeRecognizer(Culture.English).get_datetime_model(),
        "fr": DateTimeRecognizer(Culture.French).get_datetime_model(),
    }

    def find(text: str, lang: str, reference: dt.datetime) -> list[Found]:
        out = []
        for r in models[lang].parse(text, reference):
            kind = r.type_name.rsplit(".", 1)[-1]
            if kind not in ("date", "daterange"):
                continue
            values = (r.resolution or {}).get("values") or [{}]
            first = values[-1].get("value") or values[-1].get("start")
            last = values[-1].get("value") or values[-1].get("end")
            if kind == "daterange" and last and last[:4].isdigit():  # its range ends are exclusive
                last = (dt.date.fromisoformat(last[:10]) - dt.timedelta(days=1)).isoformat()
            out.append(Found(r.start, r.end + 1, first, last))
        return out

    return find


def _reference(case: dict) -> dt.datetime:
    raw = (case.get("Context") or {}).get("ReferenceDateTime")
    return dt.datetime.fromisoformat(raw) if raw else DEFAULT_REFERENCE


def _expected(case: dict) -> list[dict]:
    return [r for r in case.get("Results", []) if "Start" in r and "Length" in r]


def _value_ok(expected: dict, got: Found) -> bool:
    """Our days equal the suite's past or future resolution. Its range ends are exclusive for
    periods ("next week") but name the last day for day ranges ("from 3 to 12"): either counts."""
    value = expected.get("Value") or {}
    for key in ("PastResolution", "FutureResolution"):
        res = value.get(key) or {}
        if "date" in res:
            if got.first == res["date"][:10] and got.last == res["date"][:10]:
                return True
        elif res.get("startDate") and res.get("endDate") and got.first and got.last:
            end = dt.date.fromisoformat(res["endDate"][:10])
            ends = {end.isoformat(), (end - dt.timedelta(days=1)).isoformat()}
            if got.first == res["startDate"][:10] and got.last in ends:
                return True
    return False


def score(cases: list[dict], lang: str, finder: Finder, parser: bool, show: bool = False) -> dict:
    strict = loose = value = hard = hard_strict = 0
    for case in cases:
        expected = _expected(case)
        got = finder(case["Input"], lang, _reference(case))
        spans = {(f.start, f.end) for f in got}
        want = {(r["Start"], r["Start"] + r["Length"]) for r in expected}
        strict += spans == want
        if "dotnet" in (case.get("NotSupported") or ""):  # no upstream implementation passes these
            hard += 1
            hard_strict += spans == want
        if show and spans != want:
            text = case["Input"]
            wanted = [text[s:e] for s, e in sorted(want)]
            print(f"  MISS {text!r}: want {wanted} got {[text[s:e] for s, e in sorted(spans)]}")
        hits = [next((f for f in got if f.start < e and s < f.end), None) for s, e in sorted(want)]
        found_all = all(hits) if want else not got
        loose += found_all
        if parser and found_all:
            pairs = list(zip(sorted(expected, key=lambda r: r["Start"]), hits, strict=True))
            ok = all(_value_ok(r, f) for r, f in pairs if f is not None)
            value += ok
            if show and not ok:
                print(f"  VALUE {case['Input']!r} ref {_reference(case).date()}:")
                for r, f in pairs:
                    v = r.get("Value") or {}
                    want = f"{v.get('PastResolution')} / {v.get('FutureResolution')}"
                    print(f"      want {want} got {f.first}..{f.last}")
    return {
        "cases": len(cases),
        "strict": strict,
        "loose": loose,
        "value": value if parser else None,
        "unsupported_cases": hard,
        "unsupported_strict": hard_strict,
    }


def speed(inputs: list[tuple[str, str]], finder: Finder) -> float:
    """Words per second of CPU time (process time: fair when other jobs share the machine)."""
    words = sum(len(text.split()) for text, _ in inputs)
    start = time.process_time()
    for text, lang in inputs:
        finder(text, lang, DEFAULT_REFERENCE)
    return words / max(time.process_time() - start, 1e-9)


def _pct(n: int, total: int) -> str:
    return f"{n}/{total} {100 * n / total:5.1f}%" if total else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--failures", action="store_true", help="print the cases ours fails (strict)")
    args = parser.parse_args()
    base = args.eval_dir / "recognizers-text" / "DateTime"
    peer = recognizers_peer()
    systems: dict[str, Finder] = {"ours": ours, **({"recognizers": peer} if peer else {})}
    rows, inputs = [], []
    header = (
        f"{'file':22} {'lang':4} {'system':12} {'strict':>16} {'text found':>16} {'value':>16}"
        f" {'strict, no impl.':>17}"
    )
    print(header)
    print("-" * len(header))
    for folder, lang in LANGS.items():
        for name in FILES:
            path = base / folder / f"{name}.json"
            if not path.exists():
                continue
            cases = json.loads(path.read_text(encoding="utf-8-sig"))
            inputs += [(c["Input"], lang) for c in cases]
            for system, finder in systems.items():
                show = args.failures and system == "ours"
                s = score(cases, lang, finder, parser=name.endswith("Parser"), show=show)
                rows.append({"file": name, "lang": lang, "system": system, **s})
                value = _pct(s["value"], s["cases"]) if s["value"] is not None else "–"
                hard = _pct(s["unsupported_strict"], s["unsupported_cases"])
                print(
                    f"{name:22} {lang:4} {system:12} {_pct(s['strict'], s['cases']):>16} "
                    f"{_pct(s['loose'], s['cases']):>16} {value:>16} {hard:>17}"
                )
    articles = _article_sentences()
    speeds = {
        corpus: {system: speed(texts, finder) for system, finder in systems.items()}
        for corpus, texts in (("suite inputs", inputs), ("article sentences", articles))
        if texts
    }
    print(f"\n{'words/s (CPU)':22} {'system':12} {'words/s':>12}  ratio")
    for corpus, by_system in speeds.items():
        for system, words_per_s in by_system.items():
            ratio = words_per_s / by_system["ours"]
            print(f"{corpus:22} {system:12} {words_per_s:12,.0f}  {ratio:.3f}x ours")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "words_per_s": speeds}, indent=1), encoding="utf-8")


def _article_sentences() -> list[tuple[str, str]]:
    """The repository's sample articles, one sentence at a time as the claim splitter calls us."""
    import pysbd

    out = []
    for lang in ("fr", "en"):
        path = ROOT / "tests" / "data" / f"ukraine-defence-industry-{lang}.txt"
        if path.exists():
            segmenter = pysbd.Segmenter(language=lang, clean=False)
            out += [(s, lang) for s in segmenter.segment(path.read_text(encoding="utf-8"))]
    return out


if __name__ == "__main__":
    main()
