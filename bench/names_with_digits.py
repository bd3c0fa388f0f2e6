"""Figures read inside names, models, indices and codes with digits, on real English sentences, for this
worktree's engine beside an earlier commit's (default: the commit before the names rule), same run.

Sentences: ClaimBuster (``../shared/eval/claimbuster-en/kfold_25ncs.json``) and the CheckThat 2019
task 1 training debates (``../shared/eval/checkthat2019-task1-en/training/*.tsv``), read at run time,
duplicates removed. Each engine's ``parse_statistics`` runs on every sentence. A figure counts as read
inside a name when, independently of the engine's own rule:

- code: its digits touch a letter ("G7", "5G", "A320"; not an ordinal's "4th") or follow a capitalised
  word and a hyphen ("COVID-19", "F-16");
- name: it is bare digits (no unit, scale, sign or separator) right after a capitalised word that is not
  the sentence's first ("S&P 500", "Boeing 737", "Title 9").

The second class also holds real figures ("Obama 2", "Texas 30"): dropped figures are listed for review.

    python bench/names_with_digits.py [--base COMMIT] [--eval DIR] [--json PATH] [--show N]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from base_engine import BASE_COMMIT, extract, run  # noqa: E402

_CODE = re.compile(r"[^\W\d_]\d|\d(?!(?:st|nd|rd|th)\b)[^\W\d_]|[A-Z][A-Za-z]*-\d")
_NAME_BEFORE = re.compile(r"(?<=\S\s)(?:[A-Z][\w&.'-]*|\w*[A-Z]\w*)\s\Z")


def sentences(eval_dir: Path) -> list[str]:
    """The real sentences, ClaimBuster then CheckThat 2019, without duplicates."""
    cb = json.loads((eval_dir / "claimbuster-en" / "kfold_25ncs.json").read_text(encoding="utf-8"))
    out = [row["text"] for row in cb]
    for path in sorted((eval_dir / "checkthat2019-task1-en" / "training").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            out += [row[2] for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if len(row) > 2]
    return list(dict.fromkeys(s.strip() for s in out if s.strip()))


def name_class(text: str, figure: dict) -> str | None:
    """ "code" or "name" when the figure sits inside a name with digits (rules in the docstring)."""
    a, b = figure["span"]
    word = re.search(r"[\w&-]*\Z", text[:a]).group() + text[a:b] + re.match(r"[\w-]*", text[b:]).group()
    if _CODE.search(word):
        return "code"
    if re.fullmatch(r"\d+", figure["surface"]) and _NAME_BEFORE.search(text[:a]):
        return "name"
    return None


def audit(texts: list[str], found: list[list[dict]]) -> dict[str, int]:
    counts = {"figures": 0, "code": 0, "name": 0}
    for text, figures in zip(texts, found, strict=True):
        for figure in figures:
            counts["figures"] += 1
            kind = name_class(text, figure)
            if kind:
                counts[kind] += 1
    counts["inside names"] = counts["code"] + counts["name"]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=BASE_COMMIT)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show", type=int, default=25, help="dropped figures to list")
    args = parser.parse_args()
    texts = sentences(args.eval)
    rows = [{"text": t, "lang": "en"} for t in texts]
    before_found = run(extract(args.base), "figures", rows)
    after_found = run(ROOT, "figures", rows)
    before, after = audit(texts, before_found), audit(texts, after_found)  # type: ignore[arg-type]
    print(f"{len(texts):,} real English sentences (ClaimBuster + CheckThat 2019 training, deduplicated)")
    print(f"{'':<34} {'before':>8} {'after':>8}")
    for key, label in (
        ("figures", "figures found"),
        ("code", "  inside codes (G7, 5G, COVID-19)"),
        ("name", "  after a capitalised word"),
        ("inside names", "  inside names, total"),
    ):
        print(f"{label:<34} {before[key]:>8,} {after[key]:>8,}")
    dropped = []
    for text, old, new in zip(texts, before_found, after_found, strict=True):  # type: ignore[arg-type]
        spans = {tuple(f["span"]) for f in new}
        dropped += [(f["surface"], text) for f in old if tuple(f["span"]) not in spans]
    print(f"figures found before and not after: {len(dropped)}; the first {min(args.show, len(dropped))}:")
    for surface, text in dropped[: args.show]:
        print(f"  {surface!r:>12}  {text[:100]}")
    print(f"before: engine of commit {args.base[:10]}; after: this worktree; same run, same sentences")
    if args.json:
        summary = {"base": args.base, "sentences": len(texts), "before": before, "after": after}
        summary["dropped"] = len(dropped)
        args.json.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
