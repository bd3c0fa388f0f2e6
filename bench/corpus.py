"""A deterministic >= 1 MB French + English news-like corpus, recombined from the project's own fixtures.

Sentences come from the seed articles (tests/data/ukraine-defence-industry-*.txt) and the inputs of the
statistics and dates golden cases (tests/data/statistics_*.json, dates_*.json); articles are drawn from
them with a seeded generator, with page furniture lines mixed in as real pages have. Same seed, same bytes.

    python bench/corpus.py --out /tmp/corpus.txt      # writes the corpus, prints its size
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.segmenting import split_sentences  # noqa: E402

DATA = ROOT / "tests" / "data"
FURNITURE = {
    "fr": ["Source", "Comment (0)", "Lire aussi : Kiev accueille une conférence de défense", "Partager",
           "Photo : AFP", "Par Marie Curval, à Kiev", "(Source : kyivindependent.com) |"],
    "en": ["Source", "Comment (0)", "Read more: Kyiv hosts a defence conference", "Share on Facebook",
           "Photo: Getty Images", "By Jane Smith in Kyiv", "(Source: kyivindependent.com) |"],
}  # fmt: skip


@dataclass(frozen=True)
class Document:
    """One generated article."""

    lang: str
    text: str


def fixture_sentences(lang: str) -> list[str]:
    """Every sentence the fixtures offer in ``lang`` (article sentences, golden-case inputs)."""
    sentences: list[str] = []
    article = DATA / f"ukraine-defence-industry-{lang}.txt"
    if article.exists():
        sentences += [s.text for s in split_sentences(article.read_text(encoding="utf-8"), lang=lang)]
    for name, key in ((f"statistics_{lang}.json", "input"), (f"dates_{lang}.json", "text")):
        path = DATA / name
        if not path.exists():
            continue
        cases = json.loads(path.read_text(encoding="utf-8"))
        cases = cases["cases"] if isinstance(cases, dict) else cases
        sentences += [c[key] for c in cases if isinstance(c, dict) and isinstance(c.get(key), str)]
    return [s.strip() for s in sentences if len(s.split()) >= 4]


def build_corpus(*, min_bytes: int = 1_000_000, seed: int = 2023) -> list[Document]:
    """Articles alternating French and English until the corpus holds ``min_bytes`` of UTF-8."""
    rng = random.Random(seed)
    pools = {lang: fixture_sentences(lang) for lang in ("fr", "en")}
    documents: list[Document] = []
    size = 0
    while size < min_bytes:
        lang = ("fr", "en")[len(documents) % 2]
        lines = []
        for _ in range(rng.randint(6, 14)):
            paragraph = " ".join(rng.choice(pools[lang]) for _ in range(rng.randint(1, 3)))
            lines.append(paragraph)
            if rng.random() < 0.15:
                lines.append(rng.choice(FURNITURE[lang]))
        text = "\n".join(lines) + "\n"
        documents.append(Document(lang, text))
        size += len(text.encode("utf-8"))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the corpus here (articles separated by blank lines)")
    parser.add_argument("--min-bytes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    documents = build_corpus(min_bytes=args.min_bytes, seed=args.seed)
    text = "\n".join(d.text for d in documents)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} articles, {len(text.encode('utf-8')):,} bytes, {words:,} words")


if __name__ == "__main__":
    main()
