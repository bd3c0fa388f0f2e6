"""Sentences and page furniture: abbreviations and decimals do not split, furniture is dropped."""

from __future__ import annotations

import pytest

from claims.segmenting import has_verb, is_furniture, split_sentences


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Le coût atteint 1,2 milliard. M. Dupont conteste.",
            ["Le coût atteint 1,2 milliard.", "M. Dupont conteste."],
        ),
        (
            "fr",
            "Voir p. 12 du rapport. Les chiffres sont clairs.",
            ["Voir p. 12 du rapport.", "Les chiffres sont clairs."],
        ),
        (
            "fr",
            "Mme Martin et le Dr Petit ont signé. Ils partent.",
            ["Mme Martin et le Dr Petit ont signé.", "Ils partent."],
        ),
        (
            "en",
            "The U.S. Army said so. Mr. Smith left at 3 p.m. on Monday.",
            ["The U.S. Army said so.", "Mr. Smith left at 3 p.m. on Monday."],
        ),
        ("en", "It cost $1.2 billion. See p. 12 here.", ["It cost $1.2 billion.", "See p. 12 here."]),
        (
            "en",
            "Sales rose 3.5%. Profits fell! Why? Nobody knows.",
            ["Sales rose 3.5%.", "Profits fell!", "Why?", "Nobody knows."],
        ),
        ("en", "He said: “We won.” Then he left.", ["He said: “We won.”", "Then he left."]),
        ("en", "J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."]),
    ],
)
def test_sentences(lang, text, expected):
    sentences = split_sentences(text, lang=lang)
    assert [s.text for s in sentences] == expected
    assert all(text[slice(*s.span)] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Source"),
        ("fr", "Comment (0)"),
        ("fr", "3 commentaires"),
        ("fr", "Lire aussi : La production d'obus a doublé"),
        ("fr", "Par Jean Dupont, envoyé spécial à Kiev"),
        ("fr", "Photo : AFP"),
        ("fr", "(Source : kyivindependent.com) |"),
        ("fr", "Le ministre de l'Économie, Jean Martin. (Source : lemonde.fr) |"),
        ("fr", "Partager"),
        ("en", "Read more: Ukraine signs a deal with Rheinmetall"),
        ("en", "By Jane Smith and John Doe | Reuters"),
        ("en", "Share on Facebook"),
        ("en", "Photo: Getty Images"),
        ("en", "The Defence Minister, Rustem Umerov. (Source: kyivindependent.com) |"),
        ("en", "Comments (12)"),
        ("en", "Updated: 20 December 2023"),
    ],
)
def test_furniture(lang, line):
    assert is_furniture(line, lang=lang)
    assert split_sentences(line, lang=lang) == []


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Selon la source, la production a triplé en 2023."),
        ("fr", "Par ailleurs, Kiev a signé un accord."),
        ("en", "By Monday, the army had lost 5 tanks."),
        ("en", "Related studies show that prices fell 5%."),
        ("en", "Published data show that output rose."),
        ("en", "Share prices fell 3% on Tuesday."),
    ],
)
def test_text_that_looks_like_furniture_is_kept(lang, line):
    assert not is_furniture(line, lang=lang)
    assert [s.text for s in split_sentences(line, lang=lang)] == [line]


def test_caption_line_followed_by_a_credit_line_is_dropped():
    text = "Le ministre ukrainien de la Défense, Rustem Umerov\nPhoto : AFP\nKiev a signé 12 accords."
    assert [s.text for s in split_sentences(text, lang="fr")] == ["Kiev a signé 12 accords."]


def test_paragraph_numbers_follow_lines():
    text = "Un. Deux.\n\nTrois a dit."
    assert [s.paragraph_no for s in split_sentences(text, lang="fr")] == [0, 0, 1]


@pytest.mark.parametrize(
    ("lang", "fragment", "verb"),
    [
        ("fr", "Le ministre ukrainien de la Défense, Rustem Umerov.", False),
        ("fr", "la production a triplé", True),
        ("fr", "l'année de la société", False),
        ("en", "Ukraine's Defence Minister Rustem Umerov", False),
        ("en", "the ministry confirmed", True),
        ("en", "one hundred seed banks", False),
    ],
)
def test_has_verb(lang, fragment, verb):
    assert has_verb(fragment, lang=lang) is verb


def test_an_endless_sentence_is_cut():
    text = "mot, " * 2000
    sentences = split_sentences(text, lang="fr")
    assert len(sentences) > 1 and all(len(s.text) <= 2000 for s in sentences)
    assert all(text[slice(*s.span)] == s.text for s in sentences)


def test_unsure_paragraphs_go_to_pysbd_and_keep_exact_offsets():
    # Initials make the rules unsure, so pysbd segments; repeated sentences test the re-anchoring.
    text = "A. B. Smith won. A. B. Smith won.  Then J. Doe lost 3.5 points. A. B. Smith won."
    sentences = split_sentences(text, lang="en")
    assert [s.text for s in sentences] == [
        "A. B. Smith won.",
        "A. B. Smith won.",
        "Then J. Doe lost 3.5 points.",
        "A. B. Smith won.",
    ]
    assert [s.span[0] for s in sentences] == [0, 17, 35, 64]
    assert all(text[slice(*s.span)] == s.text for s in sentences)
