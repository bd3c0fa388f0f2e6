"""The desk's verdict rating scale: ordered ratings with their meaning, kept in the settings table."""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.auth import NotAllowedError
from workbench.errors import InputError
from workbench.storage.settings import get_setting, put_setting
from workbench.storage.users import acting_user
from workbench.validation import clean_text
from workbench.vocabulary import RATINGS

SETTING_KEY = "rating_scale"
MAX_NAME_CHARS = 40  # verdicts.rating is VARCHAR(40)
MAX_MEANING_CHARS = 500
MIN_RATINGS, MAX_RATINGS = 2, 20


@dataclass(frozen=True)
class Rating:
    name: str
    meaning: str


DEFAULT_SCALE: tuple[Rating, ...] = tuple(Rating(name, meaning) for name, meaning in RATINGS.items())


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
        scale.append(Rating(name, meaning))
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


def _text(value: object) -> str | None:
    """Cell values from a data editor: None and NaN are empty."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)


def load_scale(session: Session) -> tuple[Rating, ...]:
    """The desk's scale, or the default when none is stored (or the stored one is unreadable)."""
    stored = get_setting(session, SETTING_KEY)
    if not isinstance(stored, list):
        return DEFAULT_SCALE
    try:
        return parse_scale(e for e in stored if isinstance(e, Mapping))
    except InputError:
        return DEFAULT_SCALE


def save_scale(session: Session, entries: Iterable[Mapping], *, editor: str) -> tuple[Rating, ...]:
    """Check and store a new scale; verdicts already given keep the rating they were given.

    A signed-in editor's role is read again here, inside the write: one demoted while the settings
    page was open cannot save it.
    """
    scale = parse_scale(entries)
    actor = acting_user(session)
    if actor is not None and not actor.can_edit_settings:
        raise NotAllowedError(
            f"{actor.display_name} signs in as a {actor.role}: only an editor changes the rating scale."
        )
    put_setting(
        session, SETTING_KEY, [{"name": r.name, "meaning": r.meaning} for r in scale], updated_by=editor
    )
    return scale


def check_rating(rating: str | None, scale: Iterable[Rating]) -> str:
    """``rating`` if it is on the scale, else InputError listing the choices."""
    names = [r.name for r in scale]
    if not rating:
        raise InputError(f"Choose a rating: {', '.join(names)}.")
    if rating not in names:
        raise InputError(f"Unknown rating {rating!r}; choose one of {', '.join(names)}.")
    return rating
