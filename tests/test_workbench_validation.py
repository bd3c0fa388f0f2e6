"""What reviewers upload or type is refused with a message that says why."""

import pytest

from workbench.desk.ingest import prepare_article
from workbench.domain.errors import InputError
from workbench.domain.validation import MAX_UPLOAD_BYTES, clean_text, decode_upload


def test_utf8_with_bom_is_read():
    assert decode_upload("\ufeffLe 15 décembre".encode(), "a.txt") == "Le 15 décembre"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("Le 15 décembre".encode("latin-1"), "is not UTF-8 text"),
        (b"a" * (MAX_UPLOAD_BYTES + 1), "the limit is 5 MB"),
    ],
)
def test_binary_mis_encoded_and_huge_uploads_are_refused(content, message):
    with pytest.raises(InputError, match=message):
        decode_upload(content, "article.txt")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<SCRIPT src=//x></SCRIPT>",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=x>",
        '<b onclick="x()">',
    ],
)
def test_active_markup_is_refused(text):
    with pytest.raises(InputError, match="markup"):
        clean_text("rationale", f"Claim {text} text")


def test_harmless_angle_brackets_and_control_characters():
    assert clean_text("rationale", "growth < 5 % and > 2 %") == "growth < 5 % and > 2 %"
    assert clean_text("rationale", "a\x00b\x07c\n") == "abc"
    assert clean_text("title", "   ") is None
    with pytest.raises(InputError, match="limit is 500"):
        clean_text("title", "x" * 501)


def test_prepare_article_detects_the_language_and_defaults_the_title():
    draft = prepare_article("Production tripled in 2023, the ministry said.\nMore text.")
    assert draft.lang == "en" and draft.title == "Production tripled in 2023, the ministry said."
    assert draft.claims
    with pytest.raises(InputError, match="empty"):
        prepare_article(" \n\t ")


def test_the_publication_date_resolves_the_claims_dates():
    from datetime import date

    draft = prepare_article(
        "Le 15 décembre, l'Ukraine a annoncé avoir signé des dizaines d'accords.",
        published=date(2023, 12, 20),
    )
    (claim,) = draft.claims
    assert [(d.surface, d.start) for d in claim.dates] == [("15 décembre", "2023-12-15")]
