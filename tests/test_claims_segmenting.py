"""Sentences and page furniture: abbreviations and decimals do not split, furniture is dropped."""

from __future__ import annotations

import base64

import pytest

from claims import split_claims
from claims.non_words import MAX_WORD, non_word_runs
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


# An inline image as a page's source holds it: no word of any language.
_IMAGE = "data:image/png;base64," + base64.b64encode(bytes(range(256)) * 24).decode()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_encoded_image_is_left_out_and_ends_the_sentence_before_it(lang):
    text = f"Unemployment rose to 10 percent in 2009. {_IMAGE} Wages fell 3 percent last year."
    sentences = split_sentences(text, lang=lang)
    assert [s.text for s in sentences] == [
        "Unemployment rose to 10 percent in 2009.",
        "Wages fell 3 percent last year.",
    ]
    assert all(text[slice(*s.span)] == s.text for s in sentences)


def test_claims_next_to_a_hash_keep_their_own_figures_and_scores():
    blob = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" * 40
    alone = split_claims("Wages fell 3 percent last year.", lang="en")
    claims = split_claims(f"{blob} Wages fell 3 percent last year.", lang="en")
    assert [c.text for c in claims] == ["Wages fell 3 percent last year."]
    assert [s.value for s in claims[0].statistics] == [3.0]
    assert claims[0].worthiness == alone[0].worthiness
    assert split_claims("a" * 100_000, lang="en") == []


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("x" * (MAX_WORD - 1), []),  # the longest "word" still read as one
        ("x" * MAX_WORD, [(0, MAX_WORD)]),
        ("See https://example.org/reports/" + "a" * MAX_WORD + "?page=2 for the 5% rise.", []),
        ("Write to " + "b" * MAX_WORD + "@example.org for the figures.", []),
        ("Read lifenews.com/2019/09/25/" + "c" * MAX_WORD + " today.", []),
        (
            "2023年国防工业产量增长了三倍，国防部表示预计2024年将增长六倍，这一数字得到了多家机构的确认和引用，并在年度报告中公布。",
            [],
        ),
        ("ผลผลิตด้านการป้องกันประเทศเพิ่มขึ้นสามเท่าในปี2023ตามที่กระทรวงระบุไว้ในรายงานประจำปีฉบับล่าสุด", []),
        (f"Before. {_IMAGE}", [(8, 8 + len(_IMAGE))]),
    ],
    ids=["59", "60", "address", "e-mail", "address without scheme", "chinese", "thai", "image"],
)
def test_non_word_runs(text, runs):
    assert non_word_runs(text) == runs


# Copied from a PDF: the lines were wrapped by hand, mid-sentence and mid-word.
_WRAPPED = (
    "Selon le ministère de la Défense, la production d'armes a triplé en\n"
    "2023 et devrait être multipliée par six en 2024. Plus de 250 fabri-\n"
    "cants d'armes occidentaux ont participé au forum organisé à Kiev\n"
    "en septembre.\n"
    "Source\n"
    "Comment (0)\n"
)


def test_a_paragraph_wrapped_by_hand_is_read_as_one():
    claims = split_claims(_WRAPPED, lang="fr")
    assert all(_WRAPPED[slice(*c.span)] == c.text for c in claims)
    assert [([s.surface for s in c.statistics], [d.surface for d in c.dates]) for c in claims] == [
        (["a triplé"], ["2023"]),
        (["multipliée par six"], ["2024"]),
        (["Plus de 250"], ["septembre"]),
    ]
    assert [c.modality for c in claims] == ["reported", "forecast", "reported"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short heading, then a figure: two paragraphs
        (
            "Key figures\n250 manufacturers attended the forum.",
            ["Key figures", "250 manufacturers attended the forum."],
        ),
        # a long line that closes its sentence
        (
            "The ministry said production had tripled last year.\nit expects more.",
            ["The ministry said production had tripled last year.", "it expects more."],
        ),
        # a blank line between two paragraphs
        (
            "The ministry said production had tripled last year and\n\nmore is expected in 2024.",
            ["The ministry said production had tripled last year and", "more is expected in 2024."],
        ),
        # the next line starts with a capital: a new paragraph (or page furniture)
        (
            "The ministry said production had tripled in the last year\nSource",
            ["The ministry said production had tripled in the last year"],
        ),
    ],
    ids=["heading", "sentence-end", "blank-line", "capital"],
)
def test_lines_that_are_not_wrapped_stay_apart(text, expected):
    assert [s.text for s in split_sentences(text, lang="en")] == expected
