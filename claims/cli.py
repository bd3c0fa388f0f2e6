"""Command line: ``python -m claims ARTICLE.txt [--lang fr] [--format table|json|csv] [--published DATE]``.

Reads a UTF-8 text file (or stdin with ``-``), prints its claims. Exit status 2 with a one-line message
for a missing, binary or non-UTF-8 input.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claims.csv_cells import write_csv
from claims.vocabulary import LANGUAGES

if TYPE_CHECKING:
    from claims.models import Claim

FORMATS = ("table", "json", "csv")
CSV_COLUMNS = (
    "claim_no", "sentence_no", "start", "end", "kind", "worthiness", "modality", "subject", "speaker",
    "figures", "dates", "entities", "reasons", "text",
)  # fmt: skip


class InputError(Exception):
    """The article cannot be read as UTF-8 text; the message names the file and the reason."""


def read_article(source: str, *, stdin: io.BufferedIOBase | None = None) -> str:
    """The text of ``source`` (a path, or ``-`` for stdin), checked to be UTF-8 text."""
    name = "<stdin>" if source == "-" else source
    if source == "-":
        raw = (stdin or sys.stdin.buffer).read()
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{name}: no such file" if not path.exists() else f"{name}: not a file")
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise InputError(f"{name}: cannot be read ({e.strerror})") from e
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes); give a UTF-8 text file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}); convert it to UTF-8"
        ) from e


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2023-12-20") from e


def _row(number: int, claim: Claim) -> dict[str, object]:
    return {
        "claim_no": number,
        "sentence_no": claim.sentence_no,
        "start": claim.span[0],
        "end": claim.span[1],
        "kind": claim.kind,
        "worthiness": claim.worthiness,
        "modality": claim.modality,
        "subject": claim.subject or "",
        "speaker": claim.attribution.speaker if claim.attribution else "",
        "figures": "; ".join(s.describe() for s in claim.statistics),
        "dates": "; ".join(f"{d.surface}={d.start or '?'}..{d.end or '?'}" for d in claim.dates),
        "entities": "; ".join(e.name or e.surface for e in claim.entities),
        "reasons": "; ".join(claim.reasons),
        "text": claim.text,
    }


def render(claims: Sequence[Claim], *, fmt: str = "table", width: int = 60) -> str:
    """Claims as a text table, JSON (every facet) or CSV (one row per claim).

    >>> print(render([], fmt="table"))
    no claims found
    """
    if fmt == "json":
        return json.dumps([dataclasses.asdict(c) for c in claims], ensure_ascii=False, indent=2)
    rows = [_row(n, c) for n, c in enumerate(claims, start=1)]
    if fmt == "csv":
        table = ([row[column] for column in CSV_COLUMNS] for row in rows)
        return write_csv(CSV_COLUMNS, table, newline="\n").rstrip("\n")
    if not rows:
        return "no claims found"
    shown = ("claim_no", "kind", "worthiness", "modality", "speaker", "figures", "dates", "text")
    cells = [[str(r[k]) if k != "text" else _short(str(r[k]), width) for k in shown] for r in rows]
    cells = [[_short(c, 28) if i in (4, 5, 6) else c for i, c in enumerate(row)] for row in cells]
    header = ["#", "kind", "worth", "modality", "speaker", "figures", "dates", "text"]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m claims", description="List the checkable claims of an article."
    )
    parser.add_argument("article", help="UTF-8 text file, or - to read stdin")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the article (default: detected)")
    parser.add_argument("--format", choices=FORMATS, default="table", dest="fmt", help="output format")
    parser.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD) for relative dates")
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: io.BufferedIOBase | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    args = build_parser().parse_args(argv)
    try:
        text = read_article(args.article, stdin=stdin)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    from claims.splitting import split_claims  # the engine loads only when there is text to read

    claims = split_claims(text, lang=args.lang, published=args.published)
    print(render(claims, fmt=args.fmt))
    return 0
