"""Correcting a source's figure: value, kind, direction, period, base and what is counted, with the
engine's reading kept; the comparison then reads the corrected observation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sources.comparison import compare
from sources.figures import extract_figures
from sources.models import Source
from sources.observations import base_label, period_label
from workbench.domain.errors import InputError
from workbench.storage.database import open_database
from workbench.storage.figure_edits import correct_figure
from workbench.storage.schema import FigureRow
from workbench.storage.sources_store import get_source, save_sources

TEXT = "Exports reached 3,000 tonnes in 2019 and 6,600 tonnes, the office said."


@pytest.fixture
def database(database_url):
    database = open_database(database_url)
    with database.session() as session:
        save_sources(session, [Source("Trade", text=TEXT, figures=extract_figures(TEXT))], created_by="ana")
    yield database
    database.engine.dispose()


def test_a_corrected_figure_keeps_the_engine_reading_and_compares_as_corrected(database):
    from claims.models import Base, Statistic
    from sources.observations import period_from_label

    with database.session() as session:
        row = session.scalars(select(FigureRow).where(FigureRow.value == 6600)).one()
        engine_reading = (row.kind, row.period, row.direction)
        changed = correct_figure(
            session, figure_id=row.id, reviewer="ana",
            changes={"kind": "count", "period": "2024", "base_value": "3000", "base_period": "2019",
                     "counted": "tonnes exported", "direction": ""},
        )  # fmt: skip
        figure_id, source_id = row.id, row.source_id
    assert set(changed) >= {"period", "base_value", "base_period", "counted"}
    with database.session() as session:
        row = session.get(FigureRow, figure_id)
        assert (row.original["kind"], row.original["period"], row.original["direction"]) == engine_reading
        assert row.corrected_by == "ana"
        figure = next(f for f in get_source(session, source_id).source.figures if f.value == 6600)
    assert (period_label(figure.period), base_label(figure.base), figure.counted) == (
        "2024", "3,000 in 2019", "tonnes exported"
    )  # fmt: skip
    claim = Statistic("×2.2", (0, 4), "multiplier", 2.2, direction="up", period=period_from_label("2024"),
                      base=Base(period=period_from_label("2019")))  # fmt: skip
    result = compare(claim, figure)
    assert result.status == "consistent" and "= ×2.2" in result.derived


def test_bad_corrections_are_refused_and_nothing_changes(database):
    with database.session() as session:
        row = session.scalars(select(FigureRow).where(FigureRow.value == 6600)).one()
        for changes, words in (
            ({"kind": "heads"}, "Unknown kind"),
            ({"value": "lots"}, "not a number"),
            ({"direction": "sideways"}, "Unknown direction"),
            ({"period": "2024-02-30/2024-03-01"}, "not a real date"),
            ({"colour": "red"}, "Cannot correct colour"),
        ):
            with pytest.raises(InputError, match=words):
                correct_figure(session, figure_id=row.id, changes=changes, reviewer="ana")
        assert row.original is None and row.corrected_by is None
