"""Figures as observations, field by field, on the development set written for it
(``tests/data/observations_{en,fr}.jsonl``), for this worktree's engine beside the engine of an earlier
commit (default: the commit before observations), both run in the same session on the same sentences.

A gold figure is matched to the found figure whose span overlaps its surface the most; fields are scored
on matched figures: kind, value (within 1 %), unit, direction, bound kind, period (start and end, or open),
base (value and period), modality, counted (fuzzy). Precision and recall count figures.

    python bench/observations.py [--base COMMIT] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from base_engine import BASE_COMMIT, extract, run  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

DATA = ROOT / "tests" / "data"
FIELDS = ("kind", "value", "unit", "direction", "bound", "period", "base", "modality", "counted")


def load(lang: str) -> list[dict]:
    """The development set of ``lang``, one sentence per row."""
    path = DATA / f"observations_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _spans(text: str, observations: list[dict]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for obs in observations:
        at = text.find(obs["surface"], start)
        if at < 0:
            at = text.find(obs["surface"])
        if at < 0:
            raise ValueError(f"surface {obs['surface']!r} is not in {text!r}")
        spans.append((at, at + len(obs["surface"])))
        start = at + 1
    return spans


def match(text: str, gold: list[dict], found: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold figure with the found figure overlapping it most (each found figure used once)."""
    used: set[int] = set()
    pairs = []
    for obs, (a, b) in zip(gold, _spans(text, gold), strict=True):
        best, overlap = None, 0
        for i, f in enumerate(found):
            shared = min(b, f["span"][1]) - max(a, f["span"][0])
            if i not in used and shared > overlap:
                best, overlap = i, shared
        if best is not None:
            used.add(best)
        pairs.append((obs, found[best] if best is not None else None))
    return pairs


def _value(g: float | None, f: float | None) -> bool:
    if g is None or f is None:
        return g is None and f is None
    return abs(g - f) <= 0.01 * max(abs(g), 1e-9)


def _period(g: dict | None, f: dict | None) -> bool:
    if g is None or f is None:
        return g is None and f is None
    if g.get("open"):
        return bool(f.get("open")) and (g.get("start") is None or g["start"] == f.get("start"))
    return (g["start"], g["end"]) == (f.get("start"), f.get("end"))


def field_ok(field: str, g: dict, f: dict) -> bool:
    """Whether the found figure ``f`` has gold ``g``'s ``field``."""
    if field == "value":
        return _value(g["value"], f["value"])
    if field == "period":
        return _period(g["period"], f["period"])
    if field == "base":
        gb, fb = g["base"], f["base"]
        if gb is None or fb is None:
            return gb is None and fb is None
        return _value(gb.get("value"), fb.get("value")) and _period(gb.get("period"), fb.get("period"))
    if field == "counted":
        gc, fc = g["counted"], f["counted"]
        if gc is None or fc is None:
            return gc is None and fc is None
        gc, fc = gc.lower(), fc.lower()
        return gc in fc or fc in gc or fuzz.ratio(gc, fc) >= 80
    return g[field] == f[field]


def score(rows: list[dict], found: list[list[dict]]) -> dict:
    """Per-field accuracy on matched figures, and figure precision and recall."""
    right = dict.fromkeys(FIELDS, 0)
    matched = gold_total = found_total = 0
    for row, figures in zip(rows, found, strict=True):
        gold = row["observations"]
        gold_total += len(gold)
        found_total += len(figures)
        for g, f in match(row["text"], gold, figures):
            if f is None:
                continue
            matched += 1
            for field in FIELDS:
                right[field] += field_ok(field, g, f)
    result = {field: right[field] / matched if matched else 0.0 for field in FIELDS}
    result.update(
        precision=matched / found_total if found_total else 0.0,
        recall=matched / gold_total if gold_total else 0.0,
        gold=gold_total,
        found=found_total,
        matched=matched,
    )
    return result


def read(tree: Path, rows: list[dict], lang: str) -> list[list[dict]]:
    """The figures the engine in ``tree`` finds in ``rows``."""
    request = [{"text": r["text"], "lang": lang, "published": r.get("published")} for r in rows]
    return run(tree, "observations", request)  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=BASE_COMMIT, help="the earlier engine's commit")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    base_tree = extract(args.base)
    summary: dict[str, dict] = {}
    for lang in ("en", "fr"):
        rows = load(lang)
        before = score(rows, read(base_tree, rows, lang))
        after = score(rows, read(ROOT, rows, lang))
        summary[lang] = {"sentences": len(rows), "before": before, "after": after}
        print(
            f"\n{lang}: {len(rows)} sentences, {after['gold']} gold figures"
            f" (tests/data/observations_{lang}.jsonl)"
        )
        print(f"{'field':<11} {'before':>8} {'after':>8}")
        for field in (*FIELDS, "precision", "recall"):
            print(f"{field:<11} {before[field]:>8.1%} {after[field]:>8.1%}")
    print(f"\nbefore: engine of commit {args.base[:10]}; after: this worktree; same run, same sentences")
    if args.json:
        args.json.write_text(json.dumps({"base": args.base, **summary}, indent=2))


if __name__ == "__main__":
    main()
