"""Article intake: validate what the reviewer gave and run the claim engine on it."""

from __future__ import annotations

from datetime import date

from claims import detect_language, split_claims
from workbench.article_limits import check_claims, check_figures
from workbench.errors import InputError
from workbench.records import ArticleDraft
from workbench.textsafe import markup_view
from workbench.validation import MAX_UPLOAD_BYTES, clean_text

MAX_ARTICLE_CHARS = MAX_UPLOAD_BYTES


def prepare_article(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
    lang: str | None = None,
) -> ArticleDraft:
    """Validate an article and split it into claims; raises InputError with a reviewer-facing message."""
    body = clean_text("article text", text, required=True, max_chars=MAX_ARTICLE_CHARS)
    if not markup_view(body).strip():  # only spaces and invisible characters once the controls are gone
        raise InputError("The article text is empty once control and invisible characters are removed.")
    check_figures(body)  # before the engine: a pasted data column would cost gigabytes
    language = lang or detect_language(body)
    first_line = next(line for line in body.splitlines() if line.strip())[:120].strip()
    claims = tuple(split_claims(body, lang=language, published=published))
    check_claims(len(claims))
    return ArticleDraft(
        title=clean_text("title", title) or first_line,
        text=body,
        lang=language,
        outlet=clean_text("outlet", outlet),
        url=clean_text("url", url),
        published=published,
        claims=claims,
    )
