"""The verdict CSV writes each figure as an observation: signed changes, direction, period, base, modality."""

from __future__ import annotations

from datetime import date

import pytest

from claims.models import Base, Bound, Claim, Period, Statistic
from workbench.desk.article_intake import add_article
from workbench.domain.records import ArticleDraft
from workbench.outputs.exports import restore_cell, verdicts_csv
from workbench.storage.database import open_database
from workbench.storage.export_rows import verdict_rows

TEXT = "Exports fell by 12% in the year to April 2025 and by 3.5 million tonnes, up from 41% in 2019."
FELL = Statistic("12%", (16, 19), "change", 12, Bound("exact", 12, 12), "%", direction="down",
                 period=Period("2024-05-01", "2025-04-30", "span", "in the year to April 2025"),
                 modality="reported")  # fmt: skip
LAST_YEAR = Period(surface="last year", open=True)
TONNES = Statistic("3.5 million tonnes", (53, 71), "change", 3.5e6, Bound("exact", 3.5e6, 3.5e6), "t",
                   direction="down", period=LAST_YEAR, modality="estimate")  # fmt: skip
IN_2019 = Period("2019-01-01", "2019-12-31", "year")
LEVEL = Statistic("41%", (81, 84), "percent", 41, Bound("exact", 41, 41), "%",
                  base=Base(7, "%", IN_2019, "from 7% in 2019"))  # fmt: skip


@pytest.fixture
def frame(sqlite_url):
    database = open_database(sqlite_url)
    claim = Claim(TEXT, (0, len(TEXT)), 0, statistics=(FELL, TONNES, LEVEL), kind="quantity")
    with database.session() as session:
        add_article(session, ArticleDraft("Trade", TEXT, "en", published=date(2025, 6, 10), claims=(claim,)))
    with database.session() as session:
        df = verdict_rows(session)
    database.engine.dispose()
    return df


def test_falls_are_exported_as_falls_with_their_period_and_base(frame):
    (row,) = frame.to_dict("records")
    assert row["statistics"] == "-12 %; -3,500,000 t; from 7 % to 41 % (+34 pp)"  # a level read with its base
    assert "+12" not in row["statistics"]
    assert row["statistic_directions"] == "down; down; "
    assert row["statistic_periods"] == "2024-05-01/2025-04-30; open: last year; "
    assert row["statistic_bases"] == "; ; 7 % in 2019"
    assert row["statistic_modalities"] == "reported; estimate; "


def test_the_csv_bytes_keep_the_sign(frame):
    data = verdicts_csv(frame).decode("utf-8-sig")
    header, line = data.splitlines()[:2]
    assert "statistic_periods" in header and "statistic_bases" in header
    assert "-12 %; -3,500,000 t" in line and "2024-05-01/2025-04-30" in line
    # a cell that starts with a minus is neutralised for spreadsheets; reading it back gives the figure
    assert restore_cell("'-12 %; -3,500,000 t; 41 %").startswith("-12 %")
