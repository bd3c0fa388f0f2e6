"""Article text as escaped HTML with claims marked from their spans (never the article's own markup).

The text goes through ``workbench.textsafe.html_text``: escaped, and without a literal line break, so the
whole article stays one HTML block that Markdown never parses (an image or link written in the article
stays text).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from workbench.textsafe import html_text

STATUS_COLOURS = {
    "new": "#fff3b0",
    "checking": "#cfe8ff",
    "checked": "#c8f0c8",
    "not check-worthy": "#e6e6e6",
}


@dataclass(frozen=True)
class Mark:
    """A span to highlight: claim id, status and whether it is the selected claim."""

    start: int
    end: int
    claim_id: int
    status: str = "new"
    selected: bool = False
    figures: tuple[tuple[int, int], ...] = ()  # statistic spans inside the claim, emphasised


def highlight_html(text: str, marks: Sequence[Mark]) -> str:
    """Escape ``text`` and wrap each claim span in a ``<mark>``; overlapping spans are split at boundaries.

    Figure spans (``Mark.figures``) inside a claim are wrapped in ``<strong class="figure">``.

    >>> html_out = highlight_html("a <b> c", [Mark(2, 5, 7)])
    >>> "&lt;b&gt;</mark> c" in html_out and html_out.startswith('a <mark class="claim" data-claim="7"')
    True
    >>> highlight_html("up 30%", [Mark(0, 6, 1, figures=((3, 6),))]).count("<mark")
    1
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    claim_edges = {0, len(text), *(m.start for m in valid), *(m.end for m in valid)}
    edges = claim_edges | {
        p for m in valid for a, b in m.figures if m.start <= a < b <= m.end for p in (a, b)
    }
    runs: list[tuple[Mark | None, str]] = []  # a claim cut only by its figures stays one <mark>
    for start, end in pairwise(sorted(edges)):
        segment = html_text(text[start:end])
        covering = [m for m in valid if m.start <= start and end <= m.end]
        mark = next((m for m in covering if m.selected), covering[0]) if covering else None
        if mark and any(a <= start and end <= b for a, b in mark.figures):
            segment = f'<strong class="figure">{segment}</strong>'
        if runs and start not in claim_edges:
            runs[-1] = (mark, runs[-1][1] + segment)
        else:
            runs.append((mark, segment))
    return "".join(_wrap(mark, inner) for mark, inner in runs)


def _wrap(mark: Mark | None, inner: str) -> str:
    if mark is None:
        return inner
    colour = STATUS_COLOURS.get(mark.status, STATUS_COLOURS["new"])
    outline = ";outline:2px solid #d33" if mark.selected else ""
    return (
        f'<mark class="claim" data-claim="{mark.claim_id}"'
        f' title="Claim #{mark.claim_id} ({html.escape(mark.status)})"'
        f' style="background:{colour}{outline}">{inner}</mark>'
    )
