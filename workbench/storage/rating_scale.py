"""The desk's rating scale as stored in the settings: read (the default when none is stored) and saved."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from workbench.domain.auth import NotAllowedError
from workbench.domain.errors import InputError
from workbench.domain.ratings import DEFAULT_SCALE, SETTING_KEY, Rating, parse_scale
from workbench.domain.vocabulary import RATING_VALUES
from workbench.storage.settings import get_setting, put_setting
from workbench.storage.users import acting_user


def load_scale(session: Session) -> tuple[Rating, ...]:
    """The desk's scale, or the default when none is stored (or the stored one is unreadable)."""
    stored = get_setting(session, SETTING_KEY)
    if not isinstance(stored, list):
        return DEFAULT_SCALE
    # a scale stored before ratings had numbers: each default name keeps its default number
    entries = [
        e if "value" in e else {**e, "value": RATING_VALUES.get(str(e.get("name", "")).strip())}
        for e in stored
        if isinstance(e, Mapping)
    ]
    try:
        return parse_scale(entries)
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
        session,
        SETTING_KEY,
        [{"name": r.name, "meaning": r.meaning, "value": r.value} for r in scale],
        updated_by=editor,
    )
    return scale
