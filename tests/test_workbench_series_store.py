"""Statistical series in the library on SQLite and PostgreSQL: stored and read back value for value,
duplicates refused by provenance, refused files store nothing, deletion keeps the history, the demo's
illustrative series linked to the seed's multiplier claims and compared with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sources.importing import SourceImportError
from sources.series import Provenance
from sources.series_import import read_series
from workbench.desk.demo import load_demo
from workbench.desk.linking import link_source
from workbench.desk.series_evidence import series_checks
from workbench.desk.series_intake import import_series
from workbench.domain.errors import InputError
from workbench.domain.records import SourceInput
from workbench.storage.articles import article_claims, list_articles
from workbench.storage.database import open_database
from workbench.storage.evidence import add_source
from workbench.storage.schema import FigureRow, SeriesPointRow, SeriesRow, SourceChangeRow, SourceRow
from workbench.storage.series_store import DuplicateSeriesError, load_series, save_series, series_source_ids
from workbench.storage.source_edits import delete_source
from workbench.storage.verdicts import get_claim

DATA = Path(__file__).parent / "data" / "series"
TODAY = dt.date(2026, 12, 5)


def _import(database, content, **options):
    """Import in one transaction of its own, as the Sources page and the command line do."""
    with database.session() as session:
        return import_series(session, content, **options)


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_every_series_of_a_file_is_stored_and_read_back_as_it_was(database_url):
    database = open_database(database_url)
    content = (DATA / "shells_eurostat.sdmx.csv").read_bytes()
    read = read_series(content, name="shells.csv", provenance=Provenance(url="https://example.org/shells"))
    outcome = _import(database, content, name="shells.csv", reviewer="ana",
                            provenance=Provenance(url="https://example.org/shells"))  # fmt: skip
    assert len(outcome.source_ids) == len(read.series) >= 1
    assert outcome.values == sum(len(s) for s in read.series)
    with database.session() as session:
        for source_id, expected in zip(outcome.source_ids, read.series, strict=True):
            stored = load_series(session, source_id)
            assert stored.series.values == expected.values
            assert stored.series.flags == expected.flags
            assert [p.start for p in stored.series.periods] == [p.start for p in expected.periods]
            assert (stored.series.unit, stored.series.scale, stored.series.geography) == (
                expected.unit, expected.scale, expected.geography,
            )  # fmt: skip
            assert stored.series.provenance == expected.provenance
            assert session.get(SourceRow, source_id).kind == "series"
            history = session.scalars(select(SourceChangeRow).where(SourceChangeRow.source_id == source_id))
            assert [h.field for h in history] == ["imported"]
        assert series_source_ids(session) == list(outcome.source_ids)


def test_the_same_series_again_is_refused_by_its_provenance_and_nothing_is_stored(database_url):
    database = open_database(database_url)
    content = (DATA / "unemployment_oecd.sdmx.csv").read_bytes()
    first = _import(database, content, name="u.csv", reviewer="ana")
    with pytest.raises(DuplicateSeriesError, match=r"already stored as source #\d+") as refused:
        # another file name, same publisher, dataset and series codes
        _import(database, content, name="unemployment-again.csv", reviewer="bo")
    assert f"#{first.source_ids[0]}" in str(refused.value)
    with database.session() as session:
        assert _count(session, SeriesRow) == len(first.source_ids)


def test_a_world_bank_file_holds_one_series_per_country_under_one_indicator_code(database_url):
    database = open_database(database_url)
    content = (DATA / "gdp_worldbank.csv").read_bytes()
    outcome = _import(database, content, name="gdp.csv", reviewer="ana")
    with database.session() as session:
        stored = [load_series(session, i).series for i in outcome.source_ids]
    assert (
        len({s.provenance.series_code for s in stored}) == 1
        and len({s.geography for s in stored}) == len(stored) > 1
    )
    with pytest.raises(DuplicateSeriesError):
        _import(database, content, name="gdp-again.csv", reviewer="ana")


def test_without_codes_the_same_url_and_geography_is_a_duplicate(database_url):
    database = open_database(database_url)
    content = b"period,value\n2022,4.1\n2023,4.3\n"
    where = Provenance(url="https://stats.example.org/output.csv?utm_source=x")
    _import(database, content, name="a.csv", reviewer="ana", measure="Output", provenance=where)
    with pytest.raises(DuplicateSeriesError):
        _import(database, content, name="b.csv", reviewer="ana", measure="Output",
                      provenance=Provenance(url="http://stats.example.org/output.csv"))  # fmt: skip
    # another URL is another series
    _import(database, content, name="c.csv", reviewer="ana", measure="Output",
                  provenance=Provenance(url="https://stats.example.org/other.csv"))  # fmt: skip


def test_a_bad_file_is_refused_with_its_row_and_stores_nothing_unless_bad_rows_are_skipped(database_url):
    database = open_database(database_url)
    content = b"period,value\n2021,4.0\n2022,abc\n2023,4.3\n"
    with pytest.raises(SourceImportError, match="row 3"):
        _import(database, content, name="bad.csv", reviewer="ana", measure="Output")
    with database.session() as session:
        assert _count(session, SourceRow) == _count(session, SeriesPointRow) == 0
    outcome = _import(database, content, name="bad.csv", reviewer="ana", measure="Output",
                            keep_good_rows=True)  # fmt: skip
    assert outcome.values == 2 and len(outcome.skipped) == 1 and "row 3" in outcome.skipped[0]


def test_a_duplicate_within_one_import_refuses_the_whole_import(database_url):
    database = open_database(database_url)
    read = read_series(b"period,value\n2022,1\n", name="a.csv", measure="X",
                       provenance=Provenance("P", "D", "CODE"))  # fmt: skip
    with database.session() as session, pytest.raises(InputError, match="repeats series 1"):
        save_series(session, [read.series[0], read.series[0]], reviewer="ana")
    with database.session() as session:
        assert _count(session, SeriesRow) == 0


def test_deleting_a_series_removes_its_values_and_keeps_its_history(database_url):
    database = open_database(database_url)
    outcome = _import(database, (DATA / "exports_tidy.csv").read_bytes(), name="x.csv",
                            reviewer="ana", measure="Exports")  # fmt: skip
    source_id = outcome.source_ids[0]
    with database.session() as session:
        delete_source(session, source_id=source_id, reviewer="ana", expected_version=1)
    with database.session() as session:
        assert load_series(session, source_id) is None
        remaining = session.scalar(
            select(func.count())
            .select_from(SeriesPointRow)
            .join(SeriesRow)
            .where(SeriesRow.source_id == source_id)
        )
        assert remaining == 0
        fields = session.scalars(select(SourceChangeRow.field).where(SourceChangeRow.source_id == source_id))
        assert list(fields) == ["imported", "deleted"]


def test_the_demo_series_is_illustrative_and_compared_with_the_seed_multiplier_claims(database_url):
    database = open_database(database_url)
    with database.session() as session:
        load_demo(session)
    with database.session() as session:
        (source_id,) = series_source_ids(session)
        stored = load_series(session, source_id)
        assert stored.is_example and "Example" in stored.title
        assert "example.org" in stored.series.provenance.url
        ids = [c.id for c in article_claims(session, list_articles(session)[0].id)]
        claims = [get_claim(session, i) for i in ids]
        claims = [c for c in claims if any(e.source.id == source_id for e in c.evidence)]
        assert len(claims) == 2
        checks = [check for claim in claims for check in series_checks(session, claim, today=TODAY)]
        sentences = [check.comparison.sentence for check in checks]
    assert any("×2.8" in s and "2022 to 2023" in s for s in sentences), sentences
    assert any("2023 to 2024" in s for s in sentences), sentences


def test_another_linked_report_is_drawn_on_the_series_beside_the_claim(database_url):
    database = open_database(database_url)
    with database.session() as session:
        load_demo(session)
        (series_id,) = series_source_ids(session)
        ids = [c.id for c in article_claims(session, list_articles(session)[0].id)]
        (claim,) = [
            c
            for c in (get_claim(session, i) for i in ids)
            if any(e.source.id == series_id for e in c.evidence) and c.modality != "forecast"
        ]
        given = SourceInput(title="Ministry report", figure_value=2.5, figure_unit="×", figure_period="2023")
        report = add_source(session, given)
        (figure_id,) = session.scalars(select(FigureRow.id).filter_by(source_id=report))
        link_source(session, claim_id=claim.id, source_id=report, stance="supports", reviewer="ana",
                    figure_id=figure_id)  # fmt: skip
    with database.session() as session:
        (check,) = series_checks(session, get_claim(session, claim.id), today=TODAY)
    reports = check.frame[check.frame["layer"] == "report"]
    assert list(reports["period"]) == ["2023"] and reports["claim"].iloc[0].startswith(f"#{report} Ministry")
    path_end = check.frame[check.frame["layer"] == "claim path"]["value"].iloc[-1]
    # the report's ×2.5 from the same base ends below the claim's ×3
    assert reports["value"].iloc[0] == pytest.approx(path_end * 2.5 / 3)
