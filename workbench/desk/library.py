"""The source library as the Sources page shows it: one row per source, duplicates flagged."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import pandas as pd

from sources.dedup import find_duplicates
from sources.observations import period_label
from workbench.domain.textsafe import safe_link
from workbench.storage.sources_store import StoredSource

LIBRARY_COLUMNS = (
    "id", "title", "publisher", "date", "kind", "language", "figures", "has text", "duplicate of", "url",
)  # fmt: skip


@dataclass(frozen=True)
class DuplicateFlag:
    """``source_id`` looks like ``other_id`` (the older one): same URL, or near-identical title+publisher."""

    source_id: int
    other_id: int
    reason: str
    score: float

    @property
    def message(self) -> str:
        why = (
            "the same URL"
            if self.reason == "url"
            else f"a near-identical title and publisher ({self.score:.0f}/100)"
        )
        return f"Source #{self.source_id} looks like a duplicate of source #{self.other_id}: {why}."


_NUMBERS = re.compile(r"\d+")  # runs of digits: years, editions, report numbers


def _numbers_differ(first: StoredSource, second: StoredSource) -> bool:
    """ "Annual report 2023" and "Annual report 2024" are near-identical strings but two documents."""
    return _NUMBERS.findall(first.source.title) != _NUMBERS.findall(second.source.title)


def flag_duplicates(
    stored: Sequence[StoredSource], new_ids: Collection[int] | None = None
) -> list[DuplicateFlag]:
    """Each later source that duplicates an earlier one, flagged against the earliest.

    Titles that differ in their numbers (years, editions) are not flagged as the same document.
    With ``new_ids`` only pairs involving those sources are looked for (adding to a large library).
    """
    flags: dict[int, DuplicateFlag] = {}
    new = None if new_ids is None else set(new_ids)
    involving = None if new is None else [i for i, s in enumerate(stored) if s.id in new]
    for pair in find_duplicates([s.source for s in stored], involving=involving):
        if pair.reason == "title" and _numbers_differ(stored[pair.first], stored[pair.second]):
            continue
        first, second = sorted((stored[pair.first].id, stored[pair.second].id))
        known = flags.get(second)
        if known is None or first < known.other_id:
            flags[second] = DuplicateFlag(second, first, pair.reason, pair.score)
    return sorted(flags.values(), key=lambda f: f.source_id)


def _figures_cell(stored: StoredSource) -> str:
    shown = [
        f.surface
        or f"{f.value:g}{' ' + f.unit if f.unit else ''}"
        + (f" ({period_label(f.period)})" if f.period else "")
        for f in stored.source.figures[:4]
    ]
    more = len(stored.source.figures) - len(shown)
    return "; ".join(shown) + (f"; +{more}" if more > 0 else "")


def library_frame(stored: Sequence[StoredSource], flags: Sequence[DuplicateFlag] = ()) -> pd.DataFrame:
    """One row per source, newest first, with its figures and the source it may duplicate."""
    duplicate_of = {f.source_id: f"#{f.other_id} ({f.reason})" for f in flags}
    rows = [
        (
            s.id,
            s.source.title,
            s.source.publisher,
            s.source.published,
            s.source.kind,
            s.source.language,
            _figures_cell(s),
            bool(s.source.text),
            duplicate_of.get(s.id, ""),
            safe_link(s.source.url),  # shown as a link: http(s) only, whatever an older row holds
        )
        for s in reversed(stored)
    ]
    return pd.DataFrame(rows, columns=list(LIBRARY_COLUMNS))
