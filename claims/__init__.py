"""Claim engine: article text -> atomic claims and the statistics inside them (pure Python)."""

from claims.language import detect_language
from claims.models import Attribution, Base, Bound, Claim, DateRef, Entity, Period, Statistic
from claims.splitting import read_observations, split_claims
from claims.statistics import parse_statistics

__all__ = [
    "Attribution",
    "Base",
    "Bound",
    "Claim",
    "DateRef",
    "Entity",
    "Period",
    "Statistic",
    "detect_language",
    "parse_statistics",
    "read_observations",
    "split_claims",
]
