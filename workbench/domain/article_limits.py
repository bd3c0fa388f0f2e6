"""Bounds on what one article may become: figures and claims, checked before the claim engine runs.

A pasted data column ("1 1 1 …", 5 MB on one line) is no prose: the engine would read ~2.5 million
statistics from it, peak at 12.9 GB of memory and hold the write lock for minutes. The text is scanned
once (a regular expression, linear) and refused with a message that says where the data is.
"""

from __future__ import annotations

import re

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
