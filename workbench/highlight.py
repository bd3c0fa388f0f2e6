"""Article text as escaped HTML with claims marked from their spans (never the article's own markup)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

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


def highlight_html(text: str, marks: Sequence[Mark]) -> str:
    """Escape ``text`` and wrap each claim span in a ``<mark>``; overlapping spans are split at boundaries.

    >>> html_out = highlight_html("a <b> c", [Mark(2, 5, 7)])
    >>> "&lt;b&gt;</mark> c" in html_out and html_out.startswith('a <mark class="claim" data-claim="7"')
    True
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    pieces: list[str] = []
    for start, end in pairwise(cuts):
        segment = html.escape(text[start:end])
        covering = [m for m in valid if m.start <= start and end <= m.end]
        if not covering:
            pieces.append(segment)
            continue
        mark = next((m for m in covering if m.selected), covering[0])
        colour = STATUS_COLOURS.get(mark.status, STATUS_COLOURS["new"])
        outline = ";outline:2px solid #d33" if mark.selected else ""
        pieces.append(
            f'<mark class="claim" data-claim="{mark.claim_id}"'
            f' title="Claim #{mark.claim_id} ({html.escape(mark.status)})"'
            f' style="background:{colour}{outline}">{segment}</mark>'
        )
    return "".join(pieces)
