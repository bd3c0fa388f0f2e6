"""Article text as escaped HTML with claims marked from their spans (never the article's own markup).

The text goes through ``workbench.domain.textsafe.html_text``: escaped, and without a literal line break,
so the whole article stays one HTML block that Markdown never parses (an image or link written in the article
stays text).
"""

from __future__ import annotations

import heapq
import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from workbench.domain.textsafe import html_text

STATUS_COLOURS = {
    "new": "#fff3b0",
    "checking": "#cfe8ff",
    "proposed": "#e4d4f4",
    "published": "#c8f0c8",
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
    figures = [sorted((a, b) for a, b in m.figures if m.start <= a < b <= m.end) for m in valid]
    edges = claim_edges | {p for spans in figures for a, b in spans for p in (a, b)}
    # One sweep over the edges, linear in claims and figures (a 20,000-claim article): the marks
    # covering a segment are kept in heaps instead of being searched for each segment.
    by_start = sorted(range(len(valid)), key=lambda i: valid[i].start)
    entering = 0
    ends: list[tuple[int, int]] = []  # (end, index) of marks that started
    first: list[int] = []  # indexes of live marks: the earliest listed wins when none is selected
    chosen: list[int] = []  # indexes of live selected marks
    live: set[int] = set()
    reach = [(0, -1)] * len(valid)  # per mark: figures entered so far, furthest figure end among them
    runs: list[tuple[Mark | None, list[str]]] = []  # a claim cut only by its figures stays one <mark>
    for start, end in pairwise(sorted(edges)):
        while entering < len(by_start) and valid[by_start[entering]].start <= start:
            index = by_start[entering]
            live.add(index)
            heapq.heappush(ends, (valid[index].end, index))
            heapq.heappush(chosen if valid[index].selected else first, index)
            entering += 1
        while ends and ends[0][0] <= start:
            live.discard(heapq.heappop(ends)[1])
        for heap in (chosen, first):
            while heap and heap[0] not in live:
                heapq.heappop(heap)
        index = chosen[0] if chosen else first[0] if first else None
        segment = html_text(text[start:end])
        mark = None if index is None else valid[index]
        if index is not None:
            entered, furthest = reach[index]
            spans = figures[index]
            while entered < len(spans) and spans[entered][0] <= start:
                furthest = max(furthest, spans[entered][1])
                entered += 1
            reach[index] = (entered, furthest)
            if furthest >= end:
                segment = f'<strong class="figure">{segment}</strong>'
        if runs and start not in claim_edges:
            runs[-1][1].append(segment)
        else:
            runs.append((mark, [segment]))
    return "".join(_wrap(mark, "".join(parts)) for mark, parts in runs)


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
