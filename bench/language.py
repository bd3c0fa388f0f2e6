"""Which language a text is in: ``identify_language`` (py3langid with the fallbacks of claims/language.py)
beside the function-word count it replaced (``detect_language``, which only knows French and English)
and py3langid alone, on real French and English text, in the same run.

Texts, read at run time: English ClaimBuster debate sentences (``../shared/eval/claimbuster-en``) and
French DACCORD fact-check sentences (``../shared/eval/daccord-fr``, premises and hypotheses), each as
single sentences and as "articles" of 8 consecutive sentences. Every text here is French or English, so
a text named another language is a false alarm: an article the app would store without claims.
Speed: microseconds per text, and for articles the share of the claim splitter's own time.

Short fragments (the first 4, 6 and 8 words of each sentence, as a claim's clause or a source's excerpt
may be): ``detect_language`` beside the count of the common function words alone (``STOPWORDS``, the
rule before the words only one language uses were counted too), in the same run.

    python bench/language.py [--eval DIR] [--json PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims import detect_language, identify_language, split_claims  # noqa: E402
from claims.language import _WORD, _identifier  # noqa: E402
from claims.vocabulary import DEFAULT_LANGUAGE, LANGUAGES, load  # noqa: E402

ARTICLE_SENTENCES = 8


def texts(eval_dir: Path, limit: int) -> dict[str, list[str]]:
    """Distinct sentences per language, in file order."""
    rows = json.loads((eval_dir / "claimbuster-en" / "kfold_25ncs.json").read_text(encoding="utf-8"))
    english = [r["text"].strip() for r in rows]
    french = []
    with (eval_dir / "daccord-fr" / "daccord_dataset.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            french += [row["premise"].strip(), row["hypothesis"].strip()]
    return {lang: list(dict.fromkeys(t for t in found if t))[:limit] for lang, found in
            (("en", english), ("fr", french))}  # fmt: skip


def articles(sentences: list[str]) -> list[str]:
    return [
        " ".join(sentences[i : i + ARTICLE_SENTENCES])
        for i in range(0, len(sentences) - ARTICLE_SENTENCES + 1, ARTICLE_SENTENCES)
    ]


def stopwords_only(text: str) -> str:
    """The function-word count before the language markers: common function words alone."""
    words = [w.lower() for w in _WORD.findall(text)]
    scores = {lang: sum(w in load(lang, "common").STOPWORDS for w in words) for lang in LANGUAGES}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else DEFAULT_LANGUAGE


def fragments(sentences: dict[str, list[str]]) -> list[dict]:
    """``detect_language`` and the stopwords-only count on the first words of every sentence."""
    rows = []
    print(f"\n{'first words':<22}{'system':<28}{'right':>9}")
    for lang, found in sentences.items():
        for size in (4, 6, 8):
            items = [" ".join(t.split()[:size]) for t in found]
            for name, system in (
                ("stopwords only (before)", stopwords_only),
                ("detect_language", detect_language),
            ):
                right = sum(system(t) == lang for t in items) / len(items)
                print(f"{f'{lang} first {size} ({len(items)})':<22}{name:<28}{right:>8.1%}")
                rows.append(
                    {"lang": lang, "words": size, "texts": len(items), "system": name, "right": right}
                )
    return rows


def run(system, items: list[str]) -> tuple[list[str], float]:
    started = time.perf_counter()
    answers = [system(t) for t in items]
    return answers, (time.perf_counter() - started) / max(len(items), 1) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--limit", type=int, default=4000, help="sentences per language")
    args = parser.parse_args()
    identifier = _identifier()  # loaded before timing, as the app loads it once per process
    systems = {
        "function words (before)": detect_language,
        "identify_language (ours)": identify_language,
        "py3langid alone": lambda t: identifier.classify(t)[0],
    }
    results = []
    print(f"{'texts':<22}{'system':<28}{'right':>9}{'other lang':>12}{'µs/text':>10}{'× before':>10}")
    for lang, sentences in texts(args.eval, args.limit).items():
        for unit, items in (("sentences", sentences), ("articles", articles(sentences))):
            base_speed = None
            for name, system in systems.items():
                answers, speed = run(system, items)
                base_speed = base_speed or speed
                counts = Counter(answers)
                right = counts[lang] / len(items)
                other = sum(n for code, n in counts.items() if code not in ("fr", "en")) / len(items)
                label, ratio = f"{lang} {unit} ({len(items)})", speed / base_speed
                print(f"{label:<22}{name:<28}{right:>8.1%}{other:>11.2%}{speed:>10.0f}{ratio:>10.1f}")
                others = Counter(a for a in answers if a not in ("fr", "en")).most_common(5)
                results.append(
                    {"lang": lang, "unit": unit, "texts": len(items), "system": name, "right": right,
                     "other_language": other, "microseconds": speed, "others": dict(others)}
                )  # fmt: skip
    short = fragments(texts(args.eval, args.limit))
    sample = articles(texts(args.eval, 800)["fr"])[:50]
    _, split_speed = run(lambda t: split_claims(t, lang="fr"), sample)
    _, identify_speed = run(identify_language, sample)
    share = identify_speed / split_speed
    print(
        f"\nFrench articles: identify_language takes {share:.1%} of split_claims' time "
        f"({identify_speed:.0f} µs vs {split_speed:.0f} µs per article, {len(sample)} articles)"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"results": results, "fragments": short, "identify_over_split": share}, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
