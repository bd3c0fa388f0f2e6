"""split_claims: atomic clauses, subject, modality and attribution carried across clauses and sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from claims import split_claims
from claims.atomic import split_clauses
from claims.modality import detect_modality


def _texts(text: str, lang: str) -> list[str]:
    return [c.text for c in split_claims(text, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "sentence", "clauses"),
    [
        ("fr", "Les ventes ont doublé en 2022 et devraient encore progresser de 10 % en 2023.",
         ["Les ventes ont doublé en 2022", "devraient encore progresser de 10 % en 2023."]),
        ("en", "Exports rose 5% in 2022 and are forecast to fall 2% in 2023.",
         ["Exports rose 5% in 2022", "are forecast to fall 2% in 2023."]),
        ("en", "The army hosted Babcock and BAE Systems.", ["The army hosted Babcock and BAE Systems."]),
        ("fr", "Kiev et Washington ont signé un accord.", ["Kiev et Washington ont signé un accord."]),
        ("fr", "Il veut réduire la dépendance et renforcer la production.",
         ["Il veut réduire la dépendance et renforcer la production."]),
        ("en", "He cited the forum in May, then the summit in June, noting that both sides signed 3 deals.",
         ["He cited the forum in May", "the summit in June", "both sides signed 3 deals."]),
        ("en", "Exports fell 1.4% to €1.56 trillion, while imports dropped 9.7%.",
         ["Exports fell 1.4% to €1.56 trillion", "imports dropped 9.7%."]),
        ("fr", "Les ventes ont reculé de 3 % ; les marges ont progressé de 2 %.",
         ["Les ventes ont reculé de 3 %", "les marges ont progressé de 2 %."]),
        ("en", "Prices rose, while in Berlin and Paris.", ["Prices rose, while in Berlin and Paris."]),
        ("fr", "Le prix a augmenté (hausse et baisse comprises) et il reste élevé.",
         ["Le prix a augmenté (hausse et baisse comprises) et il reste élevé."]),
    ],
)  # fmt: skip
def test_atomic_clauses(lang, sentence, clauses):
    assert [sentence[slice(*c.span)] for c in split_clauses(sentence, lang=lang)] == clauses
    assert _texts(sentence, lang) == clauses


def test_two_claims_share_subject_and_attribution_but_not_figures():
    text = (
        "Selon l'Insee, la dette publique a atteint 110 % du PIB en 2022 et devrait baisser à 108 % en 2024."
    )
    first, second = split_claims(text, lang="fr")
    assert first.sentence_no == second.sentence_no
    assert first.subject == second.subject == "la dette publique"
    assert first.attribution == second.attribution and first.attribution.speaker == "Insee"
    assert [s.value for s in first.statistics] == [110] and [s.value for s in second.statistics] == [108]
    assert (first.modality, second.modality) == ("reported", "forecast")


@pytest.mark.parametrize(
    ("lang", "clause", "modality"),
    [
        ("fr", "la production devrait doubler", "forecast"),
        ("fr", "le gouvernement prévoit 3 % de croissance", "forecast"),
        ("fr", "les ventes pourraient chuter", "hypothetical"),
        ("fr", "l'État vise à réduire le déficit", "target"),
        ("fr", "la production a triplé", "reported"),
        ("en", "output is expected to grow sixfold", "forecast"),
        ("en", "the plant will close in May", "forecast"),
        ("en", "prices could rise", "hypothetical"),
        ("en", "the government aims to cut emissions", "target"),
        ("en", "the firm plans to hire 200 people", "target"),
        ("en", "the elections were held in May", "reported"),
        # a forecast said by the verb of the one who expects it
        ("en", "the Treasury expects growth of 1.5%", "forecast"),
        ("en", "the bank foresees growth of 2%", "forecast"),
        ("en", "sales rose 3%, more than expected", "reported"),
        ("fr", "le gouvernement s'attend à une croissance de 1 %", "forecast"),
        ("fr", "le FMI anticipe une croissance de 2 %", "forecast"),
        ("fr", "Bercy mise sur une croissance de 1,1 %", "forecast"),
    ],
)
def test_modality(lang, clause, modality):
    assert detect_modality(clause, lang=lang) == modality


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("fr", "Selon le ministère de l'Économie, le déficit a atteint 5 %.", "ministère de l'Économie"),
        ("fr", "D'après Eurostat, le chômage a baissé.", "Eurostat"),
        ("fr", "Le porte-parole, Jean Martin, a annoncé 300 embauches.", "Jean Martin"),
        ("fr", "Rustem Umerov a indiqué que 20 usines ont ouvert.", "Rustem Umerov"),
        ("en", "According to the IMF, growth will slow.", "IMF"),
        ("en", "Exports fell 3%, the ministry said.", "ministry"),
        ("en", "Prices rose 4%, said Jane Smith.", "Jane Smith"),
        ("en", "BAE Systems announced 500 new jobs.", "BAE Systems"),
    ],
)
def test_attribution(lang, text, speaker):
    [claim] = split_claims(text, lang=lang)
    assert claim.attribution is not None and claim.attribution.speaker == speaker
    assert text[slice(*claim.attribution.span)] == claim.attribution.surface


def test_speaker_named_earlier_answers_a_pronoun_and_a_surname():
    text = (
        "Marie Curval, directrice de l'usine, a déclaré que 300 postes seraient créés. "
        "Elle a ajouté que la production avait doublé. "
        "Curval a confirmé 12 contrats."
    )
    claims = split_claims(text, lang="fr")
    assert [c.attribution.speaker for c in claims] == ["Marie Curval"] * 3


def test_surname_after_a_title_and_full_name():
    text = (
        'Economy Minister Robert Habeck said growth will return. "We are not out of the woods," Habeck said.'
    )
    speakers = [c.attribution.speaker for c in split_claims(text, lang="en")]
    assert speakers[-1] == "Robert Habeck"


def test_titles_particles_inverted_pronouns_and_the_author():
    text = (
        "La croissance atteindra 1,4 % en 2024, a annoncé le ministre de l'Économie, Bruno Le Maire. "
        "M. Le Maire a toutefois reconnu que la dette dépassait 3 000 milliards d'euros. "
        "« Nous tiendrons nos objectifs », a-t-il assuré. "
        "Selon lui, le déficit baissera. "
        "Il faut selon moi aller plus loin."
    )
    claims = split_claims(text, lang="fr")
    speakers = [c.attribution.speaker if c.attribution else None for c in claims]
    assert speakers == ["Bruno Le Maire"] * 4 + [None]


def test_sentences_without_a_source_are_not_attributed():
    text = "Rustem Umerov a confirmé 12 accords. La production a triplé en 2023."
    assert split_claims(text, lang="fr")[1].attribution is None


def test_language_is_detected_and_published_date_accepted():
    claims = split_claims("La production a triplé l'an dernier.", published="2023-12-20")
    assert claims and claims[0].text.startswith("La production")
    assert split_claims("Output tripled last year.", published=dt.date(2023, 12, 20))
    with pytest.raises(ValueError, match="published"):
        split_claims("Output tripled.", published="20/12/2023")


def test_furniture_never_becomes_a_claim_but_context_may():
    text = "Source\nCette décision intervient dans un contexte tendu.\nComment (0)\nPar Jean Dupont"
    claims = split_claims(text, lang="fr")
    assert [c.text for c in claims] == ["Cette décision intervient dans un contexte tendu."]
    assert claims[0].worthiness <= 0.15


@pytest.mark.parametrize(
    ("text", "lang", "fragment", "in_full"),
    [
        (
            "Selon l'Insee, le chômage a baissé en 2024 et devrait remonter en 2025.",
            "fr",
            "devrait remonter en 2025.",
            "[le chômage] devrait remonter en 2025.",
        ),
        (
            "According to the ministry, exports rose by 12% in 2023 and are expected to double by 2026.",
            "en",
            "are expected to double by 2026.",
            "[exports] are expected to double by 2026.",
        ),
    ],
)
def test_a_clause_sharing_the_subject_reads_on_its_own_with_it(text, lang, fragment, in_full):
    from claims.atomic import with_subject

    claims = {c.text: c for c in split_claims(text, lang=lang)}
    assert fragment in claims, list(claims)
    assert with_subject(fragment, claims[fragment].subject) == in_full
    first = next(c for t, c in claims.items() if t != fragment)
    assert with_subject(first.text, first.subject) == first.text  # it names its subject itself
