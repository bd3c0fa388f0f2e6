"""Do the claim engine's passes stay linear? CPU time on an input and on ten times that input.

The suite's tests check that pathological inputs are processed correctly; how the time grows with the
input is measured here, on a quiet machine, because a ratio of two timings is noise on a loaded one.
Each row times one shape of input at ``n`` and ``10 n`` characters (best of ``--repeat`` runs) and
prints the ratio: about 10 is linear, 100 would be quadratic.

    .venv/bin/python bench/linearity.py [--repeat 3] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims import parse_statistics, split_claims  # noqa: E402
from claims.dates import find_dates  # noqa: E402

DATE_UNITS = (
    "Le 15 mars 2023, 1234 5678 / 12 - 2020 -- en 2021 ,,, 9/9/9/9/9 mardi dernier. ",
    "2020-2021-2022-",  # no whitespace at all: windows must not search to the end of the text
    "15mars2020hier1/2",
    "il y a deux ans et trois mois et ",
)
STAT_SENTENCE = "Plus de 250 fabricants ont signé 12 accords pour 1,2 milliard d'euros. "
PATHOLOGICAL = {
    "one endless word": "a",
    "punctuation only": ".",
    "an endless sentence of names": "Kiev ",
    "an endless run of figures": "1,2 ",
    "unbalanced brackets and quotes": "( « ",
}


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cpu(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        call()
        best = min(best, time.process_time() - started)
    return best


def cases() -> list[tuple[str, Callable[[str], object], str, int]]:
    """(name, function, repeated unit, small size) for every input shape measured."""
    rows = []
    for lang in ("fr", "en"):
        for unit in DATE_UNITS:
            read = lambda t, lg=lang: find_dates(t, lang=lg)  # noqa: E731
            rows.append((f"find_dates[{lang}] {unit[:24]!r}", read, unit, 8_000))
    stats = lambda t: parse_statistics(t, lang="fr")  # noqa: E731
    rows.append(("parse_statistics[fr] sentence", stats, STAT_SENTENCE, 72_000))
    for name, unit in PATHOLOGICAL.items():
        rows.append((f"split_claims {name}", split_claims, unit, 30_000))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    results = []
    print(f"{'input':58} {'n (s)':>9} {'10 n (s)':>9} {'ratio':>7}")
    for name, function, unit, size in cases():
        small = _cpu(lambda: function(_repeat(unit, size)), args.repeat)  # noqa: B023
        large = _cpu(lambda: function(_repeat(unit, 10 * size)), args.repeat)  # noqa: B023
        ratio = large / max(small, 1e-4)
        results.append({"input": name, "chars": size, "small_s": small, "large_s": large, "ratio": ratio})
        print(f"{name:58} {small:9.3f} {large:9.3f} {ratio:7.1f}")
    worst = max(results, key=lambda r: r["ratio"])
    print(f"\nworst ratio: {worst['ratio']:.1f} ({worst['input']}); 10 = linear, 100 = quadratic")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
