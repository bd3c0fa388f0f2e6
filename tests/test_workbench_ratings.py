"""The desk's rating scale: parsing an edited scale, the default, storing it in the settings table."""

from __future__ import annotations

import math

import pytest

from workbench.domain.errors import InputError
from workbench.domain.ratings import (
    DEFAULT_SCALE,
    SETTING_KEY,
    Rating,
    check_rating,
    parse_scale,
    rating_values,
)
from workbench.domain.vocabulary import RATINGS
from workbench.storage.database import open_database
from workbench.storage.rating_scale import load_scale, save_scale
from workbench.storage.settings import get_setting, put_setting, setting_updated


@pytest.fixture
def database(database_url):
    handle = open_database(database_url)
    yield handle
    handle.engine.dispose()


def test_the_default_scale_is_the_six_ratings_in_order_each_with_a_meaning():
    assert [r.name for r in DEFAULT_SCALE] == ["True", "Mostly true", "Half true", "Misleading", "False",
                                              "Unverifiable"]  # fmt: skip
    assert all(r.meaning for r in DEFAULT_SCALE) and list(RATINGS) == [r.name for r in DEFAULT_SCALE]


def test_an_edited_table_is_ordered_by_position_and_blank_rows_are_dropped():
    rows = [
        {"position": 2, "name": "Wrong", "meaning": "Not right."},
        {"position": None, "name": "Later", "meaning": "Added at the bottom."},
        {"position": 1.0, "name": " Right ", "meaning": "Right."},
        {"position": math.nan, "name": math.nan, "meaning": None},  # an empty row of the data editor
    ]
    assert parse_scale(rows) == (Rating("Right", "Right."), Rating("Wrong", "Not right."),
                                 Rating("Later", "Added at the bottom."))  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([{"name": "A", "meaning": "a"}], "2 to 20 ratings"),
        ([{"name": "A", "meaning": "a"}] * 2, "appears twice"),
        ([{"name": "A", "meaning": "a"}, {"name": "a", "meaning": "b"}], "appears twice"),
        ([{"name": "A", "meaning": "a"}, {"name": "B", "meaning": ""}], "needs a meaning"),
        ([{"name": "A", "meaning": "a"}, {"name": "", "meaning": "b"}], "no name"),
        ([{"name": "A" * 41, "meaning": "a"}, {"name": "B", "meaning": "b"}], "limit is 40"),
        ([{"name": "A", "meaning": "<script>x</script>"}, {"name": "B", "meaning": "b"}], "markup"),
        ([{"name": f"R{i}", "meaning": "m"} for i in range(21)], "2 to 20 ratings"),
    ],
)
def test_a_bad_scale_is_refused_with_a_message(rows, message):
    with pytest.raises(InputError, match=message):
        parse_scale(rows)


def test_check_rating_names_the_choices():
    assert check_rating("False", DEFAULT_SCALE) == "False"
    with pytest.raises(InputError, match="Unknown rating 'Pants on fire'; choose one of True, Mostly true"):
        check_rating("Pants on fire", DEFAULT_SCALE)
    with pytest.raises(InputError, match="Choose a rating"):
        check_rating(None, DEFAULT_SCALE)


def test_the_scale_is_stored_in_settings_with_who_changed_it(database):
    with database.session() as session:
        assert load_scale(session) == DEFAULT_SCALE
        assert setting_updated(session, SETTING_KEY) == (None, None)
    custom = [{"name": "Correct", "meaning": "Right."}, {"name": "Incorrect", "meaning": "Wrong."}]
    with database.session() as session:
        save_scale(session, custom, editor="ed")
    with database.session() as session:
        assert [r.name for r in load_scale(session)] == ["Correct", "Incorrect"]
        assert get_setting(session, SETTING_KEY) == [{**r, "value": None} for r in custom]
        who, when = setting_updated(session, SETTING_KEY)
        assert who == "ed" and when is not None


def test_a_refused_scale_leaves_the_stored_one_and_an_unreadable_one_falls_back(database):
    with pytest.raises(InputError), database.session() as session:
        save_scale(session, [{"name": "Only", "meaning": "one"}], editor="ed")
    with database.session() as session:
        assert get_setting(session, SETTING_KEY) is None
        put_setting(session, SETTING_KEY, "not a list", updated_by="someone")
    with database.session() as session:
        assert load_scale(session) == DEFAULT_SCALE


def test_an_editor_demoted_while_the_settings_page_is_open_cannot_save_the_scale(database):
    from workbench.domain.auth import NotAllowedError
    from workbench.storage.users import add_user, set_role

    with database.session() as session:
        signed_in = add_user(session, username="edith", password="correct horse battery", role="editor")
        set_role(session, username="edith", role="reviewer")
    rows = [{"name": "True", "meaning": "Accurate."}, {"name": "False", "meaning": "Wrong."}]
    with pytest.raises(NotAllowedError, match="reviewer"), database.session(actor=signed_in) as session:
        save_scale(session, rows, editor="edith")
    with database.session() as session:
        assert load_scale(session) == DEFAULT_SCALE


def test_each_rating_carries_its_claimreview_number_and_a_renamed_row_keeps_it(database):
    assert rating_values(DEFAULT_SCALE) == {"True": 5, "Mostly true": 4, "Half true": 3, "Misleading": 2,
                                            "False": 1}  # fmt: skip
    rows = [{"name": r.name, "meaning": r.meaning, "value": r.value} for r in DEFAULT_SCALE]
    rows[4]["name"], rows[5]["name"] = "Wrong", "Needs context"  # the data editor renames two cells
    rows[0]["value"] = 5.0  # a number cell comes back as a float
    with database.session() as session:
        save_scale(session, rows, editor="ed")
    with database.session() as session:
        scale = load_scale(session)
    assert rating_values(scale)["Wrong"] == 1 and "Needs context" not in rating_values(scale)
    assert rating_values(scale)["True"] == 5 and type(rating_values(scale)["True"]) is int


@pytest.mark.parametrize("value", [0, 6, 2.5, "high"])
def test_a_claimreview_number_off_the_1_to_5_scale_is_refused(value):
    rows = [{"name": "A", "meaning": "a", "value": value}, {"name": "B", "meaning": "b"}]
    with pytest.raises(InputError, match="ClaimReview value of “A”"):
        parse_scale(rows)


def test_a_scale_stored_before_ratings_had_numbers_keeps_the_default_numbers(database):
    with database.session() as session:
        old = [{"name": "False", "meaning": "No."}, {"name": "Needs context", "meaning": "?"}]
        put_setting(session, SETTING_KEY, old, updated_by="ed")
    with database.session() as session:
        assert rating_values(load_scale(session)) == {"False": 1}
