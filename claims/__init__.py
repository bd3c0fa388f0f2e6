"""Claim engine: article text -> atomic claims and the statistics inside them (pure Python)."""

from claims.language import detect_language
from claims.models import Attribution, Bound, Claim, DateRef, Entity, Statistic
from claims.splitting import split_claims
from claims.statistics import parse_statistics

__all__ = [
    "Attribution",
    "Bound",
    "Claim",
    "DateRef",
    "Entity",
    "Statistic",
    "detect_language",
    "parse_statistics",
    "split_claims",
]
