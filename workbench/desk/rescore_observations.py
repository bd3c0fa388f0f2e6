"""Re-read stored text into observations: direction, period, base and modality of claim statistics
and of figures extracted from a source's text (migration 0005 adds the columns; this fills them).

A statistic or figure a reviewer corrected keeps the correction: only the fields still empty are filled.
"""

from __future__ import annotations

import datetime as dt

from claims import split_claims
from claims.models import Statistic
from sources.figures import extract_figures
from sources.models import ReportedFigure
from workbench.storage.convert import observation_values
from workbench.storage.schema import ClaimRow, SourceRow
from workbench.storage.sources_store import figure_observation_columns


def _apply(row, values: dict, *, corrected: bool) -> bool:
    """Write ``values`` on ``row`` (only empty columns when a reviewer corrected it); True if it changed."""
    changed = False
    for name, value in values.items():
        current = getattr(row, name)
        if corrected and current not in (None, False, ""):
            continue
        if current != value:
            setattr(row, name, value)
            changed = True
    return changed


def _claim_statistics(
    row: ClaimRow, lang: str, published: dt.date | None
) -> dict[tuple[int, int], Statistic]:
    """The engine's statistics of a stored claim, by span in the article."""
    found = {}
    for claim in split_claims(row.text, lang=lang, published=published):
        for stat in claim.statistics:
            found[(row.start + stat.span[0], row.start + stat.span[1])] = stat
    return found


def refill_statistics(row: ClaimRow, lang: str, published: dt.date | None) -> int:
    """Fill the observation fields of a claim's stored statistics; how many statistics changed."""
    stats = _claim_statistics(row, lang, published)
    changed = 0
    for stored in row.statistics:
        stat = stats.get((stored.start, stored.end))
        if stat is None or stat.surface != stored.surface:
            continue
        values = {"direction": stat.direction, **observation_values(stat)}
        changed += _apply(stored, values, corrected=stored.original is not None)
    return changed


def refill_figures(source: SourceRow) -> int:
    """Fill the observation fields of figures found in a source's stored text; how many changed."""
    if not source.text:
        return 0
    found: dict[tuple[int, int], ReportedFigure] = {
        f.span: f
        for f in extract_figures(source.text, lang=source.lang or "en", published=source.published)
        if f.span
    }
    changed = 0
    for row in source.figures:
        figure = found.get((row.start, row.end)) if row.start is not None else None
        if figure is None:
            continue
        values = {
            **figure_observation_columns(figure),
            "direction": figure.direction,
            "modality": figure.modality,
        }
        changed += _apply(row, values, corrected=row.original is not None)
    return changed
