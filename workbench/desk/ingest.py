"""Article intake: validate what the reviewer gave and run the claim engine on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claims import identify_language, split_claims
from workbench.desk.fetching import TIMEOUT_SECONDS, fetch_page
from workbench.desk.languages import is_read
from workbench.domain.article_limits import check_claims, check_figures, left_out_note
from workbench.domain.errors import InputError
from workbench.domain.mojibake import repair_mojibake
from workbench.domain.records import ArticleDraft
from workbench.domain.textsafe import markup_view
from workbench.domain.validation import MAX_UPLOAD_BYTES, clean_text

MAX_ARTICLE_CHARS = MAX_UPLOAD_BYTES


def article_language(text: str, lang: str | None = None) -> str:
    """The language an article is read in: the reviewer's choice, else the one it is written in.

    >>> article_language("La producción de defensa se triplicó en 2023, según el ministerio.")
    'es'
    """
    return lang or identify_language(text)


def prepare_article(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
    lang: str | None = None,
) -> ArticleDraft:
    """Validate an article and split it into claims; raises InputError with a reviewer-facing message.

    An article in a language the engine does not read is kept with its language and no claims
    (``unread_language_warning`` says so)."""
    # before the control characters go: mojibake's C1 bytes ("â\x80\x99" for "’") are what ftfy repairs from
    text, repaired = repair_mojibake(text or "")
    body = clean_text("article text", text, required=True, max_chars=MAX_ARTICLE_CHARS)
    if not markup_view(body).strip():  # only spaces and invisible characters once the controls are gone
        raise InputError("The article text is empty once control and invisible characters are removed.")
    check_figures(body)  # before the engine: a pasted data column would cost gigabytes
    language = article_language(body, lang)
    first_line = next(line for line in body.splitlines() if line.strip())[:120].strip()
    # A language without rules gets no claims rather than claims read with another language's rules:
    # "1.200" is 1,200 in Spanish and 1.2 in English; a reviewer trusts a listed figure, so none is listed.
    claims = tuple(split_claims(body, lang=language, published=published)) if is_read(language) else ()
    check_claims(len(claims))
    return ArticleDraft(
        title=clean_text("title", title) or first_line,
        text=body,
        lang=language,
        outlet=clean_text("outlet", outlet),
        url=clean_text("url", url),
        published=published,
        claims=claims,
        notes=tuple(note for note in (repaired, left_out_note(body) if claims else None) if note),
    )


@dataclass(frozen=True)
class FetchedArticle:
    """An article page read for the Add article form: what pre-fills its fields."""

    url: str  # after redirects
    title: str
    outlet: str | None
    published: date | None
    text: str


def fetch_article(url: str, *, timeout: float = TIMEOUT_SECONDS) -> FetchedArticle:
    """The main text, title, site and date of the article page at ``url``.

    The sources' fetch and reading, unchanged: the private-address guard, the time limit for the whole
    fetch, the size limit, HTML only, and a page with no main text refused. Nothing is stored here.
    """
    from workbench.desk.source_intake import read_html  # trafilatura: loaded when a page is fetched

    page = fetch_page(url, timeout=timeout)
    page_read = read_html(page.content, url=page.url, name=page.url, extract=False)
    day = page_read.published or ""
    published = date.fromisoformat(day) if len(day) == 10 else None  # a year or month alone fills no date
    return FetchedArticle(page.url, page_read.title, page_read.publisher, published, page_read.text)
