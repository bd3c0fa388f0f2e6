"""Third-party and reviewer text: markup refused after normalisation on every way in, inert wherever shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from workbench.commands.cli import main as workbench_cli
from workbench.desk.article_intake import store_article
from workbench.desk.ingest import prepare_article
from workbench.desk.verdict_import import VerdictImportError, check_row
from workbench.domain.errors import InputError
from workbench.domain.records import SourceInput
from workbench.domain.textsafe import inert, safe_link, strip_controls
from workbench.domain.validation import clean_search, clean_text
from workbench.outputs.claimreview import Publisher, claim_review, claimreview_json
from workbench.outputs.highlight import Mark, highlight_html
from workbench.storage.articles import article_claims
from workbench.storage.database import open_database
from workbench.storage.evidence import add_source, link_evidence

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
BEACON = "![b](http://beacon.test/b.png)"
PHISH = "[Reconnectez-vous](http://phish.test/login)"
# Markdown characters that are active unless escaped with a backslash (what inert must leave none of)
_ACTIVE = set("[]<>`*_~|$&{}")


INDENT_REFERENCES = ("&#32;", "&#9;")


def unescaped_markdown(text: str) -> list[str]:
    """Markdown in ``text`` that would render as markup: unescaped specials, directives, bare links."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        if text.startswith(INDENT_REFERENCES, i):  # inert's own: indentation shown, never a code block
            i += text.index(";", i) + 1 - i
            continue
        if text[i] in _ACTIVE:
            found.append(text[i])
        if text[i] == ":" and re.match(r"[A-Za-z/]", text[i + 1 : i + 2]):  # directive names are ASCII
            found.append(":" + text[i + 1])
        i += 1
    found += re.findall(r"(?i)(?:https?://|www\.)", text)  # what GFM turns into a link by itself
    found += re.findall(r"(?m)^[ \t]*(?:[#+\-=]|\d+[.)])", text)
    found += re.findall(r"(?m)^(?: {4}|[ ]{0,3}\t)", text)  # indentation: a code block
    return found


def reader_sees(shown: str) -> str:
    """What Markdown shows of inert's output: escapes and indentation references undone, word joiners
    invisible."""
    undone = re.sub(r"\\(.)|&#(32|9);", lambda m: m.group(1) or chr(int(m.group(2))), shown)
    return undone.replace("\u2060", "")


@pytest.mark.parametrize(
    "text",
    [
        "<scr\x01ipt>alert(1)</scr\x01ipt>",
        "java\x01script:alert(1)",
        "<a href='java\tscript:alert(1)'>x</a>",
        "<details open ontoggle=alert(1)>",
        "\uff1cscript\uff1ealert(1)",  # fullwidth brackets: NFKC makes them < and >
        "java\u200bscript:alert(1)",  # a zero-width space inside the scheme
        "<svg/onload=alert(1)>",
    ],
)
def test_markup_hidden_by_controls_invisibles_or_compatibility_forms_is_refused(text):
    with pytest.raises(InputError, match="markup"):
        clean_text("rationale", f"The claim is false. {text}")
    with pytest.raises(InputError, match="markup"):
        prepare_article(f"Le chômage a baissé de 2 % en 2024. {text}")


def test_ordinary_text_with_brackets_and_colons_is_kept():
    for text in ("growth < 5 % and > 2 %", "Note: the onset = 2019", "[sic] (p. 4)", "a<b and c>d"):
        assert clean_text("rationale", text) == text


def test_a_search_for_javascript_void_is_words_not_markup():
    assert clean_search("  javascript: void ") == "javascript: void"


@pytest.mark.parametrize(
    "text",
    [
        BEACON,
        PHISH,
        "<img src=x onerror=alert(1)>",
        ":red[alarm] :material/warning: $x^2$",
        "see http://phish.test/login or www.phish.test or ana@phish.test",
        "# Heading\n- item\n1. first\n> quote\n=====\n| a | b |",
        "**bold** _em_ `code` ~~gone~~ &amp; \\[already\\]",
    ],
)
def test_inert_leaves_no_markdown_active(text):
    shown = inert(text)
    assert unescaped_markdown(shown) == [], shown
    # what a reader sees is the text: Markdown's unescaping gives it back (word joiners are invisible)
    assert reader_sees(shown) == text


@given(st.text(max_size=80))
def test_inert_leaves_no_markdown_active_for_any_text(text):
    shown = inert(text)
    assert unescaped_markdown(shown) == []
    assert reader_sees(shown) == strip_controls(text)


@given(st.text(max_size=80))
def test_the_highlighted_article_is_one_html_block_with_no_markup_of_its_own(text):
    out = highlight_html(text, [Mark(0, len(text), 1)] if text else [])
    assert "\n" not in out and "\r" not in out  # no blank line can end the HTML block
    without_marks = re.sub(r"</?(?:mark|strong)(?: [^>]*)?>", "", out)
    assert "<" not in without_marks and ">" not in without_marks
    assert not set("[]()!*_`~$:") & set(without_marks)


def test_links_only_to_http_addresses():
    assert safe_link("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for url in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\nscript:x",
        "data:text/html,x",
        "//x.org",
    ):
        assert safe_link(url) is None


def _row(**cells: str) -> dict[str, str]:
    row = {"article_id": "1", "article_title": "Article", "claim": "Output tripled in 2023.", "verdict": ""}
    return row | {"evidence_urls": ""} | cells


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"claim": "Output tripled <script>alert(1)</script>"}, "markup"),
        ({"article_title": "<iframe src=javascript:alert(1)>"}, "markup"),
        ({"verdict": "False", "rationale": "see <scr\x01ipt>x</script>"}, "markup"),
        ({"verdict": "False", "rationale": "ok", "reviewer": "<details open ontoggle=alert(1)>"}, "markup"),
        ({"claim_speaker": "java\x01script:alert(1)"}, "markup"),
        ({"article_url": "javascript:alert(1)"}, "not an http"),
        ({"evidence_urls": "javascript:alert(1)", "evidence_stances": "supports"}, "not an http"),
    ],
)
def test_import_verdicts_refuses_what_the_app_refuses(cells, message):
    with pytest.raises(VerdictImportError, match=message) as caught:
        check_row(_row(**cells), "verdicts.csv, row 2")
    assert str(caught.value).startswith("verdicts.csv, row 2: ")


def test_claimreview_json_ld_is_safe_inside_a_script_element():
    row = {
        "claim_id": 1, "claim": "</script><script>alert(1)</script>", "verdict": "False",
        "rationale": "<!-- x --> & </SCRIPT>", "article_title": "T", "article_url": "javascript:alert(1)",
        "outlet": "", "article_published": "", "claim_speaker": "", "published_at": "2026-01-05T10:31:00Z",
        "verdict_date": "2026-01-05",
    }  # fmt: skip
    publisher = Publisher("Desk", "javascript:alert(2)")
    data = claimreview_json([claim_review(row, publisher)])
    text = data.decode()
    assert "</script" not in text.lower() and "<!--" not in text and "javascript:" not in text.lower()
    (review,) = json.loads(text)  # still the same JSON
    assert review["claimReviewed"] == row["claim"] and review["reviewBody"] == row["rationale"]
    assert "url" not in review["itemReviewed"]["appearance"][0] and "url" not in review["author"]


@pytest.fixture
def hostile_db(sqlite_url, monkeypatch) -> str:
    """An article and a source carrying Markdown (an image beacon, a phishing link), linked with a quote."""
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init"]) == 0
    database = open_database(sqlite_url)
    text = (
        f"Le chômage a baissé de 2 % en 2024, selon l'Insee. {BEACON}\n\n"
        f"{PHISH} La production a triplé en 2023.\n\n# Titre\n- 3 % :red[alerte] http://phish.test/x"
    )
    article_id = store_article(database, prepare_article(text, title=f"Article {PHISH}"))
    with database.session() as session:
        claim = article_claims(session, article_id)[0]
        source_id = add_source(session, SourceInput(title=f"{PHISH} rapport", publisher="*Insee*"))
        link_evidence(
            session, claim_id=claim.id, source_id=source_id, stance="supports", reviewer="Ana",
            quote=f"{BEACON} 2 % en 2024",
        )  # fmt: skip
    database.engine.dispose()
    return sqlite_url


def test_the_review_page_shows_markdown_from_articles_and_sources_as_text(hostile_db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.sidebar.text_input(key="reviewer").input("Ana").run()
    assert not at.exception, at.exception
    html_views = [m.value for m in at.markdown if 'class="article-text"' in m.value]
    (article,) = html_views
    assert "\n" not in article and "<img" not in article and "](" not in article and "![" not in article
    shown = [m.value for m in (*at.markdown, *at.caption, *at.info, *at.success, *at.warning, *at.error)]
    texts = [v for v in shown if 'class="article-text"' not in v]
    hostile = [v for v in texts if "phish" in v or "beacon" in v]
    assert len(hostile) >= 2, texts  # the linked source's title and the quote are on the page ...
    for value in hostile:  # ... as text: no image, no link, no directive
        assert "](" not in value.replace("\\](", "") and "![" not in value.replace("!\\[", ""), value
        assert "http://" not in value, value


@pytest.mark.parametrize("page", ["app_pages/export_verdicts.py", "app_pages/claim_trends.py"])
def test_export_and_trends_pages_search_for_javascript_void(sqlite_url, monkeypatch, page):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    at.run()
    prefix = "export" if "export" in page else "trends"
    at.text_input(key=f"{prefix}.filter.text").input("javascript: void").run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def test_the_library_table_links_only_http_addresses():
    from sources.models import Source
    from workbench.desk.library import library_frame
    from workbench.storage.sources_store import StoredSource

    stored = [
        StoredSource(1, Source(title="a", url="file:///etc/passwd"), ()),
        StoredSource(2, Source(title="b", url="https://insee.fr/x"), ()),
    ]
    urls = library_frame(stored)["url"]
    assert urls[0] == "https://insee.fr/x" and urls.isna()[1]  # newest first; no file: link
