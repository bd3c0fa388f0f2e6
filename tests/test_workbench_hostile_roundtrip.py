"""Arbitrary text through ingest -> review -> export -> import: nothing executable at any step, nothing lost.

Each example stores a hostile article with a published verdict in a fresh desk, renders it as the Review
page does (the highlighted article as HTML, claims and rationale through ``inert`` as Markdown), exports
the verdict CSV and imports it into another fresh desk. The rendered HTML and Markdown are read by
markdown-it-py (CommonMark with raw HTML and scheme links on, as a browser would meet them), not by our
own code: no tag but the highlighter's, no link, no image.
"""

from __future__ import annotations

import itertools
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.test_workbench_hostile_text import ATTACKS, EDITOR, SENTENCE
from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.desk.verdict_import import import_verdicts, read_verdict_csv
from workbench.domain.errors import InputError
from workbench.domain.textsafe import inert
from workbench.outputs.exports import verdicts_csv
from workbench.outputs.highlight import Mark, highlight_html
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.database import Database, open_database
from workbench.storage.export_rows import verdict_rows
from workbench.storage.verdicts import publish_verdict, record_verdict

pieces = st.one_of(st.sampled_from(ATTACKS), st.text(max_size=20), st.just(SENTENCE), st.just("\n"))
hostile_text = st.lists(pieces, min_size=1, max_size=6).map("".join)

HIGHLIGHT_TAGS = {"mark", "strong"}  # what highlight_html builds; anything else came from the text


class _Tags(HTMLParser):
    """Every start tag and its attributes in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def _markdown() -> MarkdownIt:
    """CommonMark with raw HTML, tables, strikethrough and links written with a scheme or as e-mails."""
    md = MarkdownIt("gfm-like", {"linkify": True, "html": True})
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": True, "fuzzy_ip": False})
    return md


MARKDOWN = _markdown()


@pytest.fixture(scope="module")
def empty_desk(tmp_path_factory) -> Path:
    """A migrated, empty SQLite file, copied for every desk an example needs (migrating takes a while)."""
    path = tmp_path_factory.mktemp("roundtrip") / "template.db"
    open_database(f"sqlite:///{path}").engine.dispose()
    return path


_DESKS = itertools.count()


def _desk(template: Path, name: str) -> Database:
    """A fresh desk (a new file each time: an old file's WAL would bring its rows back)."""
    path = template.with_name(f"{name}-{next(_DESKS)}.db")
    shutil.copyfile(template, path)
    return open_database(f"sqlite:///{path}", migrate=False)


def _assert_inert_markdown(text: str) -> None:
    html = MARKDOWN.render(inert(text))
    tags = {tag for tag, _ in _tags(html)}
    assert tags <= {"p", "br"}, (text, html)  # no link, image, heading, list, code or raw HTML


def _assert_highlight_is_only_ours(html: str) -> None:
    for tag, attrs in _tags(html):
        assert tag in HIGHLIGHT_TAGS, (tag, html)
        for name, value in attrs:
            assert name in ("class", "data-claim", "title", "style"), (name, html)
            low = (value or "").lower().replace(" ", "")
            assert "javascript:" not in low and "url(" not in low and "expression(" not in low, html


def _desk_content(database: Database) -> list[tuple]:
    """What the verdict CSV carries of a desk: article title, claims in order, each verdict."""
    with database.session() as session:
        out = []
        for article in list_articles(session):
            for claim in article_claims(session, article.id):
                verdict = claim.verdict
                out.append((
                    article.title, claim.text, claim.status,
                    (verdict.rating, verdict.rationale, verdict.state) if verdict else None,
                ))  # fmt: skip
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text, rationale=hostile_text)
def test_hostile_text_through_review_export_and_import(empty_desk, text, rationale):
    desk = _desk(empty_desk, "desk")
    try:
        draft = prepare_article(f"{SENTENCE} {text}", title=text[:40] or None)
    except InputError:
        return  # refused with a message: nothing stored, nothing to render or export
    article_id = store_article(desk, draft)  # a fresh desk: never a duplicate
    with desk.session() as session:
        (article,) = list_articles(session)
        claims = article_claims(session, article_id)
        assert claims, draft.text  # the sentence always gives a claim
        try:
            version = record_verdict(
                session, claim_id=claims[0].id, rating="False", rationale=rationale, reviewer="ana",
                expected_version=claims[0].version,
            )  # fmt: skip
        except InputError:
            rationale = "Refused rationale replaced."
            version = record_verdict(
                session, claim_id=claims[0].id, rating="False", rationale=rationale, reviewer="ana",
                expected_version=claims[0].version,
            )  # fmt: skip
        publish_verdict(session, claim_id=claims[0].id, publisher=EDITOR, expected_version=version)
        claims = article_claims(session, article_id)

    # review: the highlighted article and every text the panel shows through Markdown
    marks = [Mark(c.start, c.end, c.id, c.status, i == 0, tuple((s.start, s.end) for s in c.statistics))
             for i, c in enumerate(claims)]  # fmt: skip
    _assert_highlight_is_only_ours(highlight_html(article.text, marks))
    for shown in (article.title, rationale, *(c.text for c in claims)):
        _assert_inert_markdown(shown)

    # export, then import into an empty desk: the same articles, claims and verdicts come back
    with desk.session() as session:
        data = verdicts_csv(verdict_rows(session, states="all"))
    before = _desk_content(desk)
    desk.engine.dispose()
    other = _desk(empty_desk, "imported")
    try:
        with other.session() as session:
            import_verdicts(session, read_verdict_csv(data))
        assert _desk_content(other) == before
    finally:
        other.engine.dispose()
