"""Arbitrary text through ingest -> storage -> verdict CSV and ClaimReview: nothing executable comes out."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.csv_cells import is_formula
from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.domain.auth import User
from workbench.domain.errors import DuplicateArticleError, InputError
from workbench.outputs.claimreview import Publisher, claim_reviews, claimreview_json
from workbench.outputs.exports import verdicts_csv
from workbench.storage.articles import article_claims
from workbench.storage.database import Database, open_database
from workbench.storage.export_rows import verdict_rows
from workbench.storage.verdicts import publish_verdict, record_verdict

EDITOR = User("eve", "Eve", "editor")
ATTACKS = [
    "<script>alert(1)</script>", "<scr\x01ipt>alert(1)</scr\x01ipt>", "java\x01script:alert(1)",
    "<details open ontoggle=alert(1)>", "</script><script>x</script>", "<!--", "=HYPERLINK(\"http://x\")",
    "\u00a0=1+1", "\u000b@SUM(A1)", "\u2003- Unemployment", "+33 1 23", "\t=cmd", "\r@x", BEACON := "![b](http://b/x)",
    "[login](javascript:alert(1))", "\uff1cscript\uff1e", "java\u200bscript:x", " \x01 \x02 ",
]  # fmt: skip
SENTENCE = "Le chômage a baissé de 2 % en 2024, selon l'Insee."

pieces = st.one_of(st.sampled_from(ATTACKS), st.text(max_size=20), st.just(SENTENCE), st.just("\n"))
hostile_text = st.lists(pieces, min_size=1, max_size=6).map("".join)


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'workbench.db'}")
    yield db
    db.engine.dispose()


def _store(database: Database, text: str, rationale: str) -> None:
    """Ingest ``text`` and publish a verdict with ``rationale`` on its first claim, when both are accepted."""
    try:
        article_id = store_article(database, prepare_article(text, title=text[:40] or None, url=None))
    except (InputError, DuplicateArticleError):
        return  # refused with a message (or already stored): nothing to export
    with database.session() as session:
        claims = article_claims(session, article_id)
        if not claims:
            return
        try:
            version = record_verdict(
                session, claim_id=claims[0].id, rating="False", rationale=rationale, reviewer="ana",
                expected_version=claims[0].version,
            )  # fmt: skip
        except InputError:
            return
        publish_verdict(session, claim_id=claims[0].id, publisher=EDITOR, expected_version=version)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text, rationale=hostile_text)
def test_nothing_executable_comes_out_of_the_exports(database, text, rationale):
    _store(database, f"{SENTENCE} {text}", rationale)
    with database.session() as session:
        df = verdict_rows(session, states="all")
    data = verdicts_csv(df)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    for row in rows[1:]:
        for cell in row:
            assert not is_formula(cell) or cell.startswith("'"), cell  # a spreadsheet runs no cell
            low = cell.lower()
            assert "<script" not in low and "javascript:" not in low and "ontoggle" not in low, cell
    published = df[df["verdict_state"].eq("published")]
    document = claimreview_json(claim_reviews(published, Publisher("Desk"))).decode()
    low = document.lower()
    assert "</script" not in low and "<script" not in low and "<!--" not in low and "javascript:" not in low
    for review in json.loads(document):
        for url in _urls(review):
            assert url.startswith(("http://", "https://")), url


def _urls(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "url" and isinstance(item, str):
                yield item
            else:
                yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


def test_a_hostile_but_accepted_article_reaches_the_exports_neutralised(database):
    text = '=HYPERLINK("http://x") \u00a0=1+1 ![b](http://b/x) La production a triplé en 2023.'
    _store(database, text, "\u2003- Faux: +33 1 23")
    with database.session() as session:
        df = verdict_rows(session)
    rows = list(csv.DictReader(io.StringIO(verdicts_csv(df).decode("utf-8"), newline="")))
    row = next(r for r in rows if "HYPERLINK" in r["article_title"])
    assert row["article_title"].startswith("'=HYPERLINK") and row["rationale"] == "'- Faux: +33 1 23"
    document = claimreview_json(claim_reviews(df, Publisher("Desk"))).decode()
    assert "HYPERLINK" in document and "Faux" in document
