"""The desk's ClaimReview settings: who signs the reviews (name, site, logo), where a review of claim N
lives (a URL template with ``{claim_id}``). The number each rating carries is the rating scale's own
(``workbench.domain.ratings``): one list, edited with the scale.

Kept in the settings table under the keys ``workbench.outputs.claimreview.publisher_from_settings`` reads.
A save checks every field before writing any: a refused save leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.domain.auth import NotAllowedError
from workbench.domain.errors import InputError
from workbench.domain.textsafe import safe_link
from workbench.domain.validation import clean_text
from workbench.outputs.claimreview import DEFAULT_BASE_URL, Publisher, publisher_from_settings
from workbench.storage.rating_scale import load_scale
from workbench.storage.settings import get_setting, put_setting
from workbench.storage.users import acting_user

ORGANISATION_KEY = "organisation"
TEMPLATE_KEY = "claimreview.url_template"
VALUES_KEY = "claimreview.rating_values"
MAX_NAME_CHARS = 200
MAX_URL_CHARS = 500
TEMPLATE_FIELD = "Review URL template"  # the field's name on the Desk settings page, named in messages


@dataclass(frozen=True)
class ClaimReviewSettings:
    """What the Desk settings form shows and saves."""

    name: str
    url: str | None
    logo: str | None
    url_template: str


def load_publisher(session: Session) -> Publisher:
    """Who signs the desk's ClaimReview markup, from its settings (defaults where unset)."""
    return publisher_from_settings(
        get_setting(session, ORGANISATION_KEY),
        get_setting(session, TEMPLATE_KEY),
        get_setting(session, VALUES_KEY),
        scale=load_scale(session),
    )


def current_settings(session: Session) -> ClaimReviewSettings:
    """The settings as the form shows them (defaults where unset)."""
    publisher = load_publisher(session)
    return ClaimReviewSettings(publisher.name, publisher.url, publisher.logo, publisher.url_template)


def _http_url(field: str, value: object, *, required: bool = False) -> str | None:
    """``value`` stripped when it is an http(s) address; None when empty and not required."""
    text = clean_text(
        field, None if value is None else str(value), max_chars=MAX_URL_CHARS, required=required
    )
    if text is None:
        return None
    if safe_link(text) is None:
        raise InputError(f"{field}: {text!r} is not an http:// or https:// address.")
    return text


def check_template(template: object) -> str:
    """The review-URL template, refused unless it is an http(s) address with ``{claim_id}`` in it.

    >>> check_template("https://desk.example/checks/{claim_id}")
    'https://desk.example/checks/{claim_id}'
    """
    text = _http_url(TEMPLATE_FIELD, template, required=True) or ""  # required: never empty here
    if "{claim_id}" not in text:
        raise InputError(
            f"{TEMPLATE_FIELD}: {text!r} has no {{claim_id}}; each review needs its own address."
        )
    try:
        example = text.format(claim_id=1)
    except (KeyError, IndexError, ValueError) as error:
        raise InputError(
            f"{TEMPLATE_FIELD}: {text!r} has braces other than {{claim_id}} ({error!s}); remove them."
        ) from error
    if safe_link(example) is None:
        raise InputError(f"{TEMPLATE_FIELD}: {text!r} does not give an http(s) address.")
    return text


def check_settings(
    *,
    name: object,
    url: object,
    logo: object,
    url_template: object,
) -> ClaimReviewSettings:
    """Every field checked (InputError names the first one that is wrong); nothing is stored here."""
    return ClaimReviewSettings(
        name=clean_text("Organisation name", None if name is None else str(name), required=True,
                        max_chars=MAX_NAME_CHARS) or "",
        url=_http_url("Organisation URL", url),
        logo=_http_url("Logo URL", logo),
        url_template=check_template(url_template),
    )  # fmt: skip


def save_settings(session: Session, settings: ClaimReviewSettings, *, editor: str) -> None:
    """Store checked settings (both keys in the caller's transaction).

    A signed-in editor's role is read again here, inside the write, as for the rating scale.
    """
    actor = acting_user(session)
    if actor is not None and not actor.can_edit_settings:
        raise NotAllowedError(
            f"{actor.display_name} signs in as a {actor.role}: only an editor changes the ClaimReview "
            "settings."
        )
    organisation = {"name": settings.name, "url": settings.url, "logo": settings.logo}
    put_setting(session, ORGANISATION_KEY, organisation, updated_by=editor)
    put_setting(session, TEMPLATE_KEY, settings.url_template, updated_by=editor)


def example_url_warning(publisher: Publisher) -> str | None:
    """What to tell whoever exports markup whose review URLs still point at the example address."""
    if not publisher.uses_example_url:
        return None
    return (
        f"The review URLs point at the example address {DEFAULT_BASE_URL}: set the “{TEMPLATE_FIELD}” on "
        f"the Desk settings page (setting {TEMPLATE_KEY}) or WORKBENCH_PUBLIC_URL before publishing this "
        "markup."
    )
