"""A one-line progress bar the command line draws (pages show progress from the jobs table instead)."""

from __future__ import annotations


def text_bar(done: int, total: int, *, width: int = 30, label: str = "") -> str:
    """A one-line progress bar for a terminal.

    >>> text_bar(5, 10, width=10, label="Re-scoring")
    'Re-scoring [#####.....] 5/10 (50%)'
    """
    share = min(1.0, done / total) if total else 1.0
    filled = round(share * width)
    return f"{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} ({share:.0%})".strip()
