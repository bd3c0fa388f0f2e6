"""split_claims on 10 MB inputs: article-like text, random tokens, one word, only dots (CPU seconds).

Bad input must be processed or refused with a clear message, never hang; this times the worst shapes
once each, with pysbd segmenting the same text as the baseline where it finishes in reasonable time.

    .venv/bin/python bench/big_input.py [--megabytes 10] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pysbd  # noqa: E402

from claims import split_claims  # noqa: E402

DATA = ROOT / "tests" / "data"


def inputs(size: int) -> dict[str, str]:
    """The four shapes, each ``size`` characters long."""
    articles = "\n".join(
        (DATA / name).read_text(encoding="utf-8")
        for name in ("ukraine-defence-industry-fr.txt", "ukraine-defence-industry-en.txt")
    )
    unit = articles + "\n"
    rnd = random.Random(1)
    tokens = ["alpha", "Beta", "1,2", "3.", "U.S.", "—", "🙂", "\u202e", "x" * 50]
    noise = " ".join(rnd.choice(tokens) for _ in range(size // 5))
    return {
        "article-like text (the seed articles repeated)": (unit * (size // len(unit) + 1))[:size],
        "random tokens (figures, dots, emoji, RTL mark)": noise[:size],
        "one word": "a" * size,
        "only dots": "." * size,
    }


def _cpu(run) -> tuple[float, int]:
    started = time.process_time()
    found = run()
    return time.process_time() - started, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    figures = []
    print(f"{'input':<48} {'split_claims CPU s':>18} {'claims':>8} {'pysbd CPU s':>12}")
    for name, text in inputs(size).items():
        seconds, claims = _cpu(lambda text=text: split_claims(text))
        base = None
        if name.startswith("article"):  # pysbd alone on the same text, the segmentation baseline
            base, _ = _cpu(lambda text=text: segmenter.segment(text))
        figures.append({"input": name, "chars": len(text), "cpu_s": round(seconds, 2), "claims": claims,
                        "pysbd_cpu_s": None if base is None else round(base, 2)})  # fmt: skip
        shown = "-" if base is None else f"{base:.1f}"
        print(f"{name:<48} {seconds:>18.1f} {claims:>8,} {shown:>12}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
