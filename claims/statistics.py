"""Statistics in a text (placeholder: digits with a few bounds and multiplier verbs)."""

from __future__ import annotations

import re

from claims.models import Bound, Statistic

_NUMBER = re.compile(
    r"(?P<bound>plus de |more than |au moins |at least )?"
    r"(?P<num>\d{1,3}(?:[ \u202f\u00a0,.]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<pct> ?%)?"
)
_MULTIPLIERS = {"triplé": 3, "doublé": 2, "multipliée par six": 6, "tripled": 3, "doubled": 2, "sixfold": 6}
_MULT = re.compile("|".join(re.escape(k) for k in _MULTIPLIERS))


def parse_statistics(text: str, *, lang: str = "en") -> list[Statistic]:
    """Return the figures in ``text`` with surface and span."""
    stats = [
        Statistic(m.group(), m.span(), "multiplier", float(_MULTIPLIERS[m.group()]))
        for m in _MULT.finditer(text)
    ]
    for m in _NUMBER.finditer(text):
        raw = m.group("num").replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
        raw = raw.replace(",", "." if lang == "fr" else "")
        try:
            value = float(raw)
        except ValueError:
            continue
        bound = Bound("lower", value, None, False) if m.group("bound") else Bound("exact", value, value)
        kind = "percent" if m.group("pct") else "count"
        stats.append(Statistic(m.group(), m.span(), kind, value, bound, "%" if m.group("pct") else None))
    return sorted(stats, key=lambda s: s.span)
