"""The desk's verdict rating scale: ordered ratings with their meaning and ClaimReview number, kept in the
settings table. It is the one list the verdict form, the verdict filters (queue, trends, export), the import
and the ClaimReview ``ratingValue`` read: renaming a rating renames it everywhere, its number included."""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from workbench.domain.errors import InputError
from workbench.domain.validation import clean_text
from workbench.domain.vocabulary import RATING_VALUES, RATINGS

SETTING_KEY = "rating_scale"
MAX_NAME_CHARS = 40  # verdicts.rating is VARCHAR(40)
MAX_MEANING_CHARS = 500
MIN_RATINGS, MAX_RATINGS = 2, 20
WORST_VALUE, BEST_VALUE = 1, 5  # ClaimReview's worstRating and bestRating


@dataclass(frozen=True)
class Rating:
    name: str
    meaning: str
    value: int | None = None  # ClaimReview ratingValue (1 false .. 5 true); None: not on a truth scale


DEFAULT_SCALE: tuple[Rating, ...] = tuple(
    Rating(name, meaning, RATING_VALUES.get(name)) for name, meaning in RATINGS.items()
)


def parse_scale(entries: Iterable[Mapping]) -> tuple[Rating, ...]:
    """Check an edited scale (rows with ``name`` and ``meaning``; blank rows skipped) and return it.

    >>> [r.name for r in parse_scale([{"name": " Correct ", "meaning": "Right."}, {"name": "Wrong",
    ...     "meaning": "Not right."}, {"name": "", "meaning": ""}])]
    ['Correct', 'Wrong']
    """
    scale: list[Rating] = []
    seen: set[str] = set()
    for number, entry in enumerate(_in_order(entries), start=1):
        raw_name, raw_meaning = entry.get("name"), entry.get("meaning")
        name = clean_text(f"name of rating {number}", _text(raw_name), max_chars=MAX_NAME_CHARS)
        meaning = clean_text(f"meaning of rating {number}", _text(raw_meaning), max_chars=MAX_MEANING_CHARS)
        if name is None and meaning is None:
            continue
        if name is None:
            raise InputError(f"Rating {number} has a meaning but no name.")
        if meaning is None:
            raise InputError(f"Rating “{name}” needs a meaning: reviewers see it when they choose.")
        if name.casefold() in seen:
            raise InputError(f"The rating “{name}” appears twice; each rating needs its own name.")
        seen.add(name.casefold())
        scale.append(Rating(name, meaning, _value(name, entry.get("value"))))
    if not MIN_RATINGS <= len(scale) <= MAX_RATINGS:
        raise InputError(
            f"A rating scale has {MIN_RATINGS} to {MAX_RATINGS} ratings; this one has {len(scale)}."
        )
    return tuple(scale)


def _in_order(entries: Iterable[Mapping]) -> list[Mapping]:
    """Rows sorted by their ``position`` when they have one (rows without one keep their place, last)."""
    rows = list(entries)
    positions = [_number(r.get("position")) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: (positions[i] is None, positions[i] or 0, i))
    return [rows[i] for i in order]


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value != value:
        return None
    return float(value)


def _value(name: str, value: object) -> int | None:
    """A rating's ClaimReview number from the editor: blank for none, else a whole number 1 to 5."""
    if _text(value) is None or (isinstance(value, str) and not value.strip()):  # an empty cell
        return None
    number = _float(value) if isinstance(value, str) else _number(value)
    if number is None or number != int(number) or not WORST_VALUE <= number <= BEST_VALUE:
        raise InputError(
            f"The ClaimReview value of “{name}” is {value!r}; use a whole number from {WORST_VALUE} (false) "
            f"to {BEST_VALUE} (true), or leave it blank for a rating that is not on a truth scale."
        )
    return int(number)


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _text(value: object) -> str | None:
    """Cell values from a data editor: None and NaN are empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def rating_choices(scale: Iterable[Rating], given: Iterable[str] = ()) -> tuple[str, ...]:
    """What a verdict filter offers: the desk's scale in its order, then ratings given before the scale
    changed (so old verdicts stay findable), never the default scale's names by themselves.

    >>> rating_choices([Rating("False", "No."), Rating("Needs context", "?")], ["Unverifiable", "False"])
    ('False', 'Needs context', 'Unverifiable')
    """
    names = [r.name for r in scale]
    return (*names, *sorted(set(given) - set(names)))


def rating_values(scale: Iterable[Rating]) -> dict[str, int]:
    """Each rating's ClaimReview number (ratings without one left out).

    >>> rating_values([Rating("Wrong", "No.", 1), Rating("Needs context", "?")])
    {'Wrong': 1}
    """
    return {r.name: r.value for r in scale if r.value is not None}


def check_rating(rating: str | None, scale: Iterable[Rating]) -> str:
    """``rating`` if it is on the scale, else InputError listing the choices."""
    names = [r.name for r in scale]
    if not rating:
        raise InputError(f"Choose a rating: {', '.join(names)}.")
    if rating not in names:
        raise InputError(f"Unknown rating {rating!r}; choose one of {', '.join(names)}.")
    return rating
