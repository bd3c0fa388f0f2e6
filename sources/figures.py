"""Figures a source reports, found in its text with the claim engine, with period, base and modality.

The engine's reading of an observation (direction, period, base, modality) comes first; where it
gives none, the years around the figure and the source's cue words fill period, base and modality.
"""

from __future__ import annotations

import re

from claims import parse_statistics
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


def extract_figures(text: str, *, lang: str = "en") -> tuple[ReportedFigure, ...]:
    """The figures in ``text``, with spans into ``text`` (years become periods, not figures).

    >>> [(f.kind, f.value, f.period.surface, f.modality) for f in extract_figures(
    ...     "La production a triplé en 2023 et devrait être multipliée par six en 2024.", lang="fr")]
    [('multiplier', 3.0, '2023', 'reported'), ('multiplier', 6.0, '2024', 'forecast')]
    """
    vocab = load(lang)
    forecast_cues = tuple(fold(c) for c in vocab.FORECAST_CUES)
    mult_cues = tuple(fold(c) for c in vocab.MULTIPLIER_CUES)
    base_cues = tuple(fold(c) for c in vocab.BASE_CUES)
    figures: list[ReportedFigure] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        years = [m.span() for m in _YEAR.finditer(sentence)]
        stats = [s for s in parse_statistics(sentence, lang=lang) if not _is_year(s, years)]
        stats.sort(key=lambda s: s.span)
        for i, stat in enumerate(stats):
            prev_end = stats[i - 1].span[1] if i else 0
            next_start = stats[i + 1].span[0] if i + 1 < len(stats) else len(sentence)
            start, end = stat.span
            before, after = sentence[prev_end:start], sentence[end:next_start]
            period, base = _period_and_base(before, after, base_cues)
            window = fold(sentence[prev_end:end])
            cued = "forecast" if any(cue in window for cue in forecast_cues) else "reported"
            modality = stat.modality or cued
            figures.append(
                ReportedFigure(
                    value=stat.value,
                    kind=_kind(stat, sentence[max(prev_end, start - 30) : start], after[:12], mult_cues),
                    bound=stat.bound,
                    unit=stat.unit,
                    counted=stat.counted,
                    period=stat.period or period_from_label(period),
                    base=stat.base or base_from_label(base),
                    modality=modality,
                    direction=stat.direction,
                    vague=stat.vague,
                    surface=stat.surface,
                    span=(s_start + start, s_start + end),
                )
            )
    return tuple(figures)
