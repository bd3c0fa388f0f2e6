"""Bounds on what one article may become: figures and claims, checked before the claim engine runs.

A pasted data column ("1 1 1 …", 5 MB on one line) is no prose: the engine would read ~2.5 million
statistics from it, peak at 12.9 GB of memory and hold the write lock for minutes. The text is scanned
once (a regular expression, linear) and refused with a message that says where the data is. Runs of
characters without a space (an encoded image) are kept in the text but give no claims: the reviewer is
told (``left_out_note``).
"""

from __future__ import annotations

import re

from claims.non_words import non_word_runs
from workbench.domain.errors import InputError

MAX_ARTICLE_FIGURES = 50_000  # numbers in one article (a long report has a few thousand; ~5 KB each stored)
MAX_NUMBER_RUN = 1_000  # numbers in a row, no word between (across lines): a pasted data column
MAX_ARTICLE_CLAIMS = 20_000  # claims of one article (the Review page and import are linear up to it)

_TOKEN = re.compile(r"[^\W\d_]{2,}|\d[\d.,]*")  # a word of two letters or more, or a number


def check_figures(text: str) -> None:
    """Refuse a text with more numbers than an article holds, or a long run of numbers without words."""
    numbers = run = 0
    for token in _TOKEN.finditer(text):
        if token.group()[0].isdigit():
            numbers += 1
            run += 1
            if run > MAX_NUMBER_RUN:
                line = text.count("\n", 0, token.start()) + 1
                raise InputError(
                    f"Line {line} holds more than {MAX_NUMBER_RUN} numbers in a row without words: a pasted "
                    "data column or table, not an article. Remove it, or add the table as a source "
                    "(kind dataset) on the Sources page."
                )
        else:
            run = 0
        if numbers > MAX_ARTICLE_FIGURES:
            raise InputError(
                f"The text holds more than {MAX_ARTICLE_FIGURES:,} numbers: more than an article has. "
                "Split it, or add its tables as sources (kind dataset)."
            )


def check_claims(count: int) -> None:
    """Refuse an article the engine cut into more claims than one Review page is built for."""
    if count > MAX_ARTICLE_CLAIMS:
        raise InputError(
            f"The text gives {count:,} claims; an article holds at most {MAX_ARTICLE_CLAIMS:,}. "
            "Split it into several articles."
        )


def left_out_note(text: str) -> str | None:
    """What a reviewer is told of the runs of characters without a space that gave no claim (else None).

    >>> left_out_note("Prices rose 5% in 2023.") is None
    True
    """
    runs = non_word_runs(text)
    if not runs:
        return None
    count = f"{len(runs)} run{'s' if len(runs) > 1 else ''}"
    size = sum(end - start for start, end in runs)
    return (
        f"{count} of characters without a space ({size:,} characters, the first at character {runs[0][0]:,}) "
        "gave no claims: an encoded image, a hash or a token pasted with the text is no sentence. The text "
        "is stored as given."
    )
