"""Entities: exact aliases, fuzzy resolution of misspellings, suggestions below threshold, unknown names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.entities import GAZETTEER, build_gazetteer, find_entities, resolve

GAZETTEER_FILE = Path(__file__).resolve().parents[1] / "claims" / "data" / "gazetteer.json"


@pytest.mark.parametrize(
    ("surface", "name", "kind"),
    [
        ("Bacock International Group", "Babcock International Group", "organisation"),
        ("Rheimentaal AG", "Rheinmetall AG", "organisation"),
        ("Oumerov", "Rustem Umerov", "person"),
        ("Umerov", "Rustem Umerov", "person"),
        ("Kiev", "Kyiv", "place"),
        ("Kyiv", "Kyiv", "place"),
        ("Ukroboronprom", "Ukroboronprom", "organisation"),
        ("BAE Systems", "BAE Systems", "organisation"),
        ("Washington", "Washington", "place"),
        ("États-Unis", "United States", "place"),
        ("United States", "United States", "place"),
        ("UE", "European Union", "organisation"),
        ("European Union", "European Union", "organisation"),
        ("Ukraine", "Ukraine", "place"),
    ],
)
def test_resolve(surface, name, kind):
    assert resolve(surface)[:2] == (name, kind)


def test_below_threshold_is_offered_not_applied():
    name, kind, score, suggestion = resolve("Rheinmetal Group")
    assert name is None and kind is None
    assert suggestion is not None and 75 <= score < 85


def test_unrelated_names_are_not_resolved():
    assert resolve("Jean-Baptiste Poquelin") == (None, None, resolve("Jean-Baptiste Poquelin")[2], None)


def test_find_entities_in_a_sentence():
    text = "Le ministre Oumerov a reçu Bacock International Group et BAE Systems à Kiev, selon l'UE."
    found = find_entities(text, lang="fr", offset=100)
    assert [(e.surface, e.name) for e in found] == [
        ("Oumerov", "Rustem Umerov"),
        ("Bacock International Group", "Babcock International Group"),
        ("BAE Systems", "BAE Systems"),
        ("Kiev", "Kyiv"),
        ("UE", "European Union"),
    ]
    assert all(text[e.span[0] - 100 : e.span[1] - 100] == e.surface for e in found)


def test_hyphenated_pair_of_places_gives_both():
    found = find_entities("la conférence Ukraine-États-Unis", lang="fr")
    assert [e.name for e in found] == ["Ukraine", "United States"]


def test_unknown_capitalised_names_are_kept_without_kind():
    found = find_entities("Hier, la société Zorglub Industries a recruté Marie Curval.", lang="fr")
    unknown = {e.surface: e for e in found}
    assert {"Zorglub Industries", "Marie Curval"} <= set(unknown)
    assert all(e.kind is None and e.name is None for e in unknown.values())
    assert "Hier" not in unknown


def test_surname_refers_back_to_the_article_full_name():
    names: dict[str, str] = {}
    find_entities("Marie Curval dirige l'usine.", lang="fr", article_names=names)
    [later] = find_entities("Selon Curval, la production a doublé.", lang="fr", article_names=names)
    assert (later.surface, later.name, later.kind) == ("Curval", "Marie Curval", "person")


def test_sentence_initial_common_words_are_not_names():
    assert find_entities("Production tripled while Costs fell.", lang="en")[0].surface == "Costs"
    assert find_entities("Meanwhile prices rose.", lang="en") == []


def test_a_short_word_that_is_a_name_clipped_is_not_that_name():
    # "Crime" scores 91 against "Crimea": another word, offered at most, never applied
    assert resolve("Crime")[0] is None and resolve("Franc")[0] is None
    assert resolve("Crime")[3] == "Crimea"
    assert find_entities("Crime fell by a fifth in 2023.", lang="en") == []
    [inside] = find_entities("Statistics on Crime fell.", lang="en")
    assert (inside.surface, inside.name, inside.suggestion) == ("Crime", None, "Crimea")


def test_possessive_is_not_part_of_the_name():
    [entity] = find_entities("It was Ukraine's best year.", lang="en")
    assert (entity.surface, entity.name) == ("Ukraine", "Ukraine")


def test_gazetteer_file_is_editable_data():
    entries = json.loads(GAZETTEER_FILE.read_text(encoding="utf-8"))["entities"]
    assert all({"name", "kind", "aliases"} <= set(e) for e in entries)
    assert all(e["kind"] in ("person", "organisation", "place") for e in entries)
    edited = build_gazetteer(
        [*entries, {"name": "Zorglub Industries", "kind": "organisation", "aliases": ["ZI"]}]
    )
    assert resolve("Zorglub Industry", gazetteer=edited)[0] == "Zorglub Industries"
    assert resolve("ZI", gazetteer=edited)[0] == "Zorglub Industries"
    assert resolve("Umerov", gazetteer=GAZETTEER)[0] == "Rustem Umerov"
