"""Duplicate sources by normalised URL or near-identical title from the same publisher."""

import pytest

from sources.dedup import duplicates_of, find_duplicates, normalise_url
from sources.models import Source


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://www.example.org/report/", "http://example.org/report"),
        ("https://example.org/a?utm_source=x&b=2&a=1", "https://EXAMPLE.org/a?a=1&b=2#top"),
        ("https://example.org:443/a?fbclid=123", "https://example.org/a"),
    ],
)
def test_same_document_same_url(first, second):
    assert normalise_url(first) == normalise_url(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.org/a?id=1", "https://example.org/a?id=2"),
        ("https://example.org/a", "https://example.com/a"),
    ],
)
def test_different_documents_different_urls(first, second):
    assert normalise_url(first) != normalise_url(second)


def test_duplicates_by_url_and_by_title():
    sources = [
        Source(
            "Bilan 2023 de la production de défense",
            publisher="Ministère",
            url="https://m.example/b?utm_medium=x",
        ),
        Source("Another title", publisher="Other", url="https://www.m.example/b/"),
        Source("Bilan 2023 de la production de defense.", publisher="ministère"),
        Source("Bilan 2022 de la production agricole", publisher="Ministère"),
        Source("Bilan 2023 de la production de défense", publisher="Autre éditeur"),
    ]
    found = {(d.first, d.second, d.reason) for d in find_duplicates(sources)}
    assert found == {(0, 1, "url"), (0, 2, "title")}


def test_threshold_is_an_option():
    sources = [
        Source("Defence output report 2023", publisher="M"),
        Source("Defence output report 2024", publisher="M"),
    ]
    assert find_duplicates(sources) != [] and find_duplicates(sources, threshold=99) == []


def test_a_new_source_against_the_library():
    library = [Source("Grain harvest", publisher="Agri"), Source("Defence output tripled", publisher="MoSI")]
    (duplicate,) = duplicates_of(Source("Defence output tripled!", publisher="MoSI"), library)
    assert (duplicate.second, duplicate.reason) == (1, "title")
