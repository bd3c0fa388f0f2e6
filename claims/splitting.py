"""Article text -> claims (placeholder: one claim per sentence carrying a figure or a named actor)."""

from __future__ import annotations

import re

import pysbd

from claims.language import detect_language
from claims.models import Claim
from claims.statistics import parse_statistics

_NAMED = re.compile(r"(?<=\s)[A-Z][\w'-]+")


def split_claims(text: str, *, lang: str | None = None) -> list[Claim]:
    """Split ``text`` into claims; spans index ``text``."""
    if not text or not text.strip():
        return []
    lang = lang or detect_language(text)
    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=True)
    claims: list[Claim] = []
    for number, piece in enumerate(segmenter.segment(text)):
        sentence = piece.sent.strip()
        if len(sentence.split()) < 4:
            continue
        start = text.index(sentence, piece.start)
        stats = tuple(
            type(s)(**{**s.__dict__, "span": (s.span[0] + start, s.span[1] + start)})
            for s in parse_statistics(sentence, lang=lang)
        )
        if stats or _NAMED.search(sentence):
            claims.append(
                Claim(
                    text=sentence,
                    span=(start, start + len(sentence)),
                    sentence_no=number,
                    statistics=stats,
                    kind="quantity" if stats else "event",
                    worthiness=0.8 if stats else 0.4,
                )
            )
    return claims
