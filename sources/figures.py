"""Figures a source reports, found in its text with the claim engine, with period, base and modality.

The engine's reading of an observation (direction, period, base, modality) comes first; where it
gives none, the years around the figure and the source's cue words fill period, base and modality.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from claims import read_observations
from claims.models import Statistic
from sources.analysis import fold
from sources.models import ReportedFigure
from sources.observations import base_from_label, period_from_label
from sources.vocabulary import load

_END = re.compile(
    r"""
    [.!?]+(?=\s|$)   # final punctuation before a space or the end ("3.1" is not an end)
    |\n              # or a line break
    """,
    re.VERBOSE,
)
_LONGEST = 2_000  # characters: longer stretches without a sentence end are cut at a space
_YEAR = re.compile(
    r"""
    (?<![\d.,])          # not inside a longer number
    (1[89]\d\d|20\d\d)   # a year from 1800 to 2099
    (?![\d%])            # not followed by more digits or a percent sign
    """,
    re.VERBOSE,
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans; a stretch without an end longer than ``_LONGEST`` is cut at spaces."""
    ends = [m.end() for m in _END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        while end - start > _LONGEST:
            cut = text.rfind(" ", start + 1, start + _LONGEST) + 1 or start + _LONGEST
            spans.append((start, cut))
            start = cut
        spans.append((start, end))
        start = end
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _is_year(stat: Statistic, years: list[tuple[int, int]]) -> bool:
    """A plain number that is a year, or a piece of one (some parsers split "2023")."""
    start, end = stat.span
    if stat.kind not in ("count", "number") or stat.unit is not None:
        return False
    return any(y_start <= start and end <= y_end for y_start, y_end in years)


def _kind(stat: Statistic, before: str, after: str, cues: tuple[str, ...]) -> str:
    """The claim engine's kind, or "multiplier" when the words around say "multiplied by"."""
    if stat.kind != "count" and stat.kind != "number":
        return stat.kind
    head, tail = fold(before).rstrip(), fold(after).lstrip()
    for cue in cues:
        if head.endswith(cue) or (cue.isalpha() and tail.startswith(cue + " ")):
            return "multiplier"
    return stat.kind


def _period_and_base(before: str, after: str, base_cues: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The first year after the figure (else the last year before it) is its period; a year
    introduced by a base cue ("compared with 2022") is its base."""
    period = base = None
    for m in _YEAR.finditer(after):
        lead = fold(after[max(0, m.start() - 20) : m.start()]).rstrip()
        if base is None and any(lead.endswith(cue) for cue in base_cues):
            base = m.group(1)
        elif period is None:
            period = m.group(1)
    if period is None:
        years = _YEAR.findall(before)
        if years:
            period = years[-1]
    return period, base


def _day(published: dt.date | str | None) -> dt.date | None:
    """A publication date precise to the day, else None: "last year" in a source dated only "2024" is
    left open rather than guessed.

    >>> _day("2024-03-05"), _day("2024"), _day(None)
    (datetime.date(2024, 3, 5), None, None)
    """
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        return None


def extract_figures(
    text: str, *, lang: str = "en", published: dt.date | str | None = None
) -> tuple[ReportedFigure, ...]:
    """The figures in ``text``, read by the claim engine as complete observations (the same record as a
    claim's figures: period resolved against ``published``, base, direction, modality), spans into
    ``text``; years become periods, not figures.

    >>> [(f.kind, f.value, f.period.surface, f.modality) for f in extract_figures(
    ...     "La production a triplé en 2023 et devrait être multipliée par six en 2024.", lang="fr")]
    [('multiplier', 3.0, '2023', 'reported'), ('multiplier', 6.0, '2024', 'forecast')]
    >>> [(f.value, f.base.value, f.period.start) for f in extract_figures(
    ...     "The town grew from 3,000 in 2019 to 6,600 in 2024.")]
    [(6600.0, 3000.0, '2024-01-01')]
    """
    vocab = load(lang)
    forecast_cues = tuple(fold(c) for c in vocab.FORECAST_CUES)
    mult_cues = tuple(fold(c) for c in vocab.MULTIPLIER_CUES)
    base_cues = tuple(fold(c) for c in vocab.BASE_CUES)
    sentences = _sentences(text)
    starts = [a for a, _ in sentences]
    stats = sorted(read_observations(text, lang=lang, published=_day(published)), key=lambda s: s.span)
    figures: list[ReportedFigure] = []
    for i, stat in enumerate(stats):
        start, end = stat.span
        s_start, s_end = sentences[max(0, bisect_right(starts, start) - 1)] if sentences else (0, len(text))
        years = [
            (s_start + a, s_start + b) for a, b in (m.span() for m in _YEAR.finditer(text[s_start:s_end]))
        ]
        if _is_year(stat, years):
            continue
        prev_end = max(s_start, stats[i - 1].span[1]) if i and stats[i - 1].span[1] <= start else s_start
        next_start = stats[i + 1].span[0] if i + 1 < len(stats) and stats[i + 1].span[0] < s_end else s_end
        before, after = text[prev_end:start], text[end : max(end, next_start)]
        period, base = _period_and_base(before, after, base_cues)
        window = fold(text[prev_end:end])
        cued = "forecast" if any(cue in window for cue in forecast_cues) else "reported"
        figures.append(
            ReportedFigure(
                value=stat.value,
                kind=_kind(stat, text[max(prev_end, start - 30) : start], after[:12], mult_cues),
                bound=stat.bound,
                unit=stat.unit,
                counted=stat.counted,
                # the engine's reading first; the years around the figure where it found no period
                period=stat.period
                if stat.period and not stat.period.open
                else period_from_label(period) or stat.period,
                base=stat.base or base_from_label(base),
                modality=stat.modality or cued,
                direction=stat.direction,
                vague=stat.vague,
                surface=stat.surface,
                span=(start, end),
            )
        )
    return tuple(figures)
