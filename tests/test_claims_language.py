"""Which language a text is in: short and long texts in five languages, and the fallbacks for texts too
short or too mixed to tell (sentences written for this test)."""

from __future__ import annotations

import pytest

from claims import detect_language, identify_language

SHORT = {
    "fr": "Le chômage a reculé de 0,3 point au dernier trimestre, selon l'institut.",
    "en": "Unemployment fell by 0.3 points last quarter, the statistics office said.",
    "es": "El desempleo bajó tres décimas en el último trimestre, según el instituto.",
    "de": "Die Arbeitslosigkeit ging im letzten Quartal um 0,3 Punkte zurück, teilte das Amt mit.",
    "it": "La disoccupazione è scesa di 0,3 punti nell'ultimo trimestre, secondo l'istituto.",
}

LONG = {
    "fr": (
        "La commune a inauguré mardi sa nouvelle médiathèque, un chantier de trois ans qui a coûté "
        "12,4 millions d'euros, soit deux fois le budget annoncé en 2021. Le maire affirme que la "
        "fréquentation a doublé depuis l'ouverture, mais les chiffres transmis au conseil municipal "
        "ne portent que sur les deux premières semaines. L'opposition demande un audit des dépenses."
    ),
    "en": (
        "The council opened its new library on Tuesday after a three-year build that cost 12.4 million "
        "pounds, twice the budget announced in 2021. The leader of the council says visits have doubled "
        "since the doors opened, but the figures given to councillors cover only the first two weeks. "
        "Opposition members have asked for an audit of the spending."
    ),
    "es": (
        "El ayuntamiento inauguró el martes su nueva biblioteca, una obra de tres años que costó 12,4 "
        "millones de euros, el doble del presupuesto anunciado en 2021. El alcalde asegura que las visitas "
        "se han duplicado desde la apertura, pero las cifras entregadas a los concejales solo abarcan las "
        "dos primeras semanas. La oposición pide una auditoría de los gastos."
    ),
    "de": (
        "Die Gemeinde hat am Dienstag ihre neue Bibliothek eröffnet, nach drei Jahren Bauzeit und Kosten "
        "von 12,4 Millionen Euro, doppelt so viel wie 2021 angekündigt. Der Bürgermeister sagt, die Zahl "
        "der Besucher habe sich seit der Eröffnung verdoppelt, doch die Zahlen für den Gemeinderat "
        "umfassen nur die ersten beiden Wochen. Die Opposition verlangt eine Prüfung der Ausgaben."
    ),
    "it": (
        "Il comune ha inaugurato martedì la nuova biblioteca, un cantiere di tre anni costato 12,4 milioni "
        "di euro, il doppio del bilancio annunciato nel 2021. Il sindaco sostiene che le visite sono "
        "raddoppiate dall'apertura, ma i dati forniti al consiglio comunale riguardano solo le prime due "
        "settimane. L'opposizione chiede una verifica delle spese."
    ),
}


@pytest.mark.parametrize(("lang", "text"), [*SHORT.items(), *LONG.items()])
def test_the_language_a_text_is_written_in_is_named(lang, text):
    assert identify_language(text) == lang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OK", "en"),  # no function word: the default language
        ("Paris 2024", "en"),  # a name and a year say nothing; the model alone would say Latin
        ("selon le ministère", "fr"),  # too short for the model: French function words decide
        ("according to the ministry", "en"),
        ("12,4 % — 2023", "en"),  # figures only
    ],
)
def test_a_very_short_text_falls_back_to_a_language_the_engine_reads(text, expected):
    assert identify_language(text) == expected


def test_a_mixed_text_is_read_in_one_of_the_engine_languages():
    mixed = "Le ministre a répondu que the economy is doing well and growth reached three percent this year."
    assert identify_language(mixed) in ("fr", "en")


def test_a_french_sentence_full_of_foreign_names_stays_french():
    text = "Selon Ofgem et le Department for Energy Security, 12 % des foyers de Manchester sont concernés."
    assert identify_language(text) == "fr"


def test_the_engine_language_of_a_spanish_text_is_still_one_it_reads():
    # detect_language picks the rules for a text read anyway (a source excerpt): never a third language
    assert detect_language(LONG["es"]) in ("fr", "en")
    assert identify_language(LONG["es"]) == "es"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_encoded_image_does_not_hide_the_language_of_the_text_around_it(lang):
    import base64

    image = "data:image/png;base64," + base64.b64encode(bytes(range(256)) * 40).decode()
    prose = {
        "fr": "La production a triplé en 2023, selon le ministère de la Défense.",
        "en": "Production tripled in 2023, according to the defence ministry.",
    }[lang]
    assert identify_language(f"{image}\n{prose}\n{image}") == lang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # few of the common function words, but "à", "en", "l'" and "contre" are French alone
        ("L'inflation a ralenti à 2,4 % en novembre, contre 2,9 % en octobre.", "fr"),
        ("Exportations en recul après l'embargo.", "fr"),
        ("Its exports would fall after the embargo.", "en"),
    ],
)
def test_a_short_sentence_with_few_function_words_gets_its_language(text, expected):
    assert detect_language(text) == expected


def test_a_short_french_sentence_split_without_a_language_reads_its_decimal_commas():
    from claims import split_claims

    (claim,) = split_claims("L'inflation a ralenti à 2,4 % en novembre, contre 2,9 % en octobre.")
    (figure,) = claim.statistics
    assert (figure.surface, figure.value, figure.direction) == ("2,4 %", 2.4, "down")
    assert figure.base is not None and figure.base.value == 2.9
