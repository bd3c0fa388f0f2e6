"""A claim's speaker read as a person or an organisation from its name (names written for this test)."""

from __future__ import annotations

import pytest

from claims.speakers import speaker_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Office for National Statistics", "organisation"),
        ("Department for Education", "organisation"),
        ("the Treasury", "organisation"),
        ("Banque de France", "organisation"),
        ("le ministère de la Santé", "organisation"),
        ("Cour des comptes", "organisation"),
        ("IMF", "organisation"),  # an acronym
        ("Ofwat", "organisation"),  # one unknown word: a person would be named in full
        ("Greenpeace", "organisation"),
        ("Margaret Okafor", "person"),
        ("Jean-Pierre Lemoine", "person"),
        ("Karin van der Berg", "person"),  # particles are part of a person's name
        ("the health minister", "person"),
        ("Secretary of State for Transport", "person"),  # the role comes first: a person
        ("le porte-parole de la préfecture", "person"),
        ("Dr Amina Sow", "person"),
        ("the council's chief executive", "person"),
    ],
)
def test_a_speaker_is_read_as_a_person_or_an_organisation(name, kind):
    assert speaker_kind(name) == kind
