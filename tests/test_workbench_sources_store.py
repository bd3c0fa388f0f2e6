"""The source library in real databases (SQLite and PostgreSQL): records <-> rows, one-transaction imports."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from claims.models import Bound
from sources.models import ReportedFigure, Source
from sources.observations import base_label, period_label
from workbench.desk.source_intake import SourceFileError, import_csv_file, read_csv
from workbench.desk.suggestions import LibraryIndex, suggest_sources
from workbench.storage.database import open_database
from workbench.storage.schema import FigureRow, SourceRow
from workbench.storage.sources_store import (
    figures_by_id,
    get_source,
    load_sources,
    published_date,
    save_sources,
    source_revision,
)

TEXT = "Selon le ministère, la production a été multipliée par 3,1 en 2023 par rapport à 2022."


def _source(**changes) -> Source:
    figure = ReportedFigure(
        3.1, "multiplier", Bound("exact", 3.1, 3.1), None, "production", "2023", "2022", "reported", None,
        "multipliée par 3,1", (TEXT.index("multipliée"), TEXT.index("multipliée") + 18),
    )  # fmt: skip
    base = Source(
        "Bilan 2023", publisher="Ministère", url="https://example.org/bilan", published="2024-02",
        kind="report", language="fr", reliability="official", text=TEXT, figures=(figure,),
    )  # fmt: skip
    return Source(**{**base.__dict__, **changes})


@pytest.fixture
def database(database_url):
    return open_database(database_url)


def _count(database, row=SourceRow) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(row))


def test_a_source_and_its_figures_come_back_as_stored(database):
    with database.session() as session:
        (source_id,) = save_sources(session, [_source()], created_by="ana")
    with database.session() as session:
        stored = get_source(session, source_id)
        row = session.get(SourceRow, source_id)
        assert row.created_by == "ana" and row.excerpt == TEXT and row.text == TEXT
    source = stored.source
    assert (source.title, source.publisher, source.kind, source.language) == (
        "Bilan 2023",
        "Ministère",
        "report",
        "fr",
    )
    assert source.published == "2024-02-01"  # stored as a date: the first day of the month
    (figure,) = source.figures
    read = (
        figure.kind,
        figure.value,
        period_label(figure.period),
        base_label(figure.base),
        figure.bound.kind,
    )
    assert read == ("multiplier", 3.1, "2023", "2022", "exact")
    assert TEXT[figure.span[0] : figure.span[1]] == figure.surface == "multipliée par 3,1"
    with database.session() as session:
        assert figures_by_id(session, stored.figure_ids)[stored.figure_ids[0]] == figure


def test_figures_without_a_value_are_not_stored_and_bounds_survive(database):
    lower = ReportedFigure(250, "count", Bound("lower", 250, None, False), counted="fabricants")
    vague = ReportedFigure(None, "count", Bound("approximate", 20, 99), surface="des dizaines")
    with database.session() as session:
        (source_id,) = save_sources(session, [_source(figures=(lower, vague), text="")], created_by="ana")
    with database.session() as session:
        (figure,) = get_source(session, source_id).source.figures
    assert figure.bound == Bound("lower", 250, None, False) and figure.counted == "fabricants"


def test_revision_changes_when_sources_are_added(database):
    with database.session() as session:
        assert source_revision(session) == (0, 0, 0)
        ids = save_sources(session, [_source(), _source(title="Autre")], created_by="ana")
    with database.session() as session:
        assert source_revision(session) == (max(ids), 2, 0)
        assert [s.id for s in load_sources(session, after_id=ids[0])] == [ids[1]]


def test_an_import_that_fails_half_way_leaves_the_library_as_it_was(database):
    with database.session() as session:
        save_sources(session, [_source(title="Already there")], created_by="ana")
    sources = [_source(title=f"Report {i}") for i in range(1_200)]
    reports = []

    def fail_after_first_chunk(done: int, total: int) -> None:
        reports.append(done)
        if done >= 1_000:
            raise RuntimeError("connection lost")

    with pytest.raises(RuntimeError), database.session() as session:
        save_sources(session, sources, created_by="ana", progress=fail_after_first_chunk)
    assert reports == [500, 1_000]  # two chunks were flushed to the database before the failure
    assert _count(database) == 1 and _count(database, FigureRow) == 1


def test_a_bad_csv_saves_nothing_unless_the_good_rows_are_chosen(database):
    content = b"title,published,figure_value\nGood one,2024,3.1\nBad date,2024-13-01,1\nBad number,2023,n/a\n"
    content += b"Good two,,\n"
    with pytest.raises(SourceFileError) as error, database.session() as session:
        import_csv_file(session, content, name="sources.csv", reviewer="ana")
    assert error.value.errors[0].startswith("sources.csv, row 3:")
    assert any(e.startswith("sources.csv, row 4:") and "n/a" in e for e in error.value.errors)
    assert _count(database) == 0
    with database.session() as session:
        done = import_csv_file(session, content, name="sources.csv", reviewer="ana", save_good_rows=True)
    assert len(done.saved.ids) == 2 and len(done.errors) == 2
    with database.session() as session:
        assert [s.source.title for s in load_sources(session)] == ["Good one", "Good two"]


def _big_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["title", "publisher", "url", "published", "kind", "text", "figure_value", "figure_period"]
    )
    topics = ("artillery shells", "drones", "armoured vehicles", "air defence", "demining", "radios")
    for i in range(rows):
        topic = topics[i % len(topics)]
        writer.writerow([
            f"Report {i} on {topic}", f"Publisher {i % 40}", f"https://example.org/r/{i}", f"20{10 + i % 15}",
            "report", f"Production of {topic} rose by {i % 90 + 5}% in 20{10 + i % 15}, plant {i} said.",
            str(i % 500), f"20{10 + i % 15}",
        ])  # fmt: skip
    special = "National defence production was multiplied by 3.1 in 2023, the ministry said."
    writer.writerow(
        ["Defence output report", "Ministry", "https://example.org/special", "2024", "report", special]
    )
    return out.getvalue().encode()


def test_thousands_of_sources_import_in_one_transaction_and_rank(database, tmp_path):
    # 2,500 rows show the one transaction, the progress steps and the ranking; bench/linear_work.py
    # imports 10,000 and more and times them
    path = tmp_path / "sources.csv"
    path.write_bytes(_big_csv(2_500))
    progress = []
    with database.session() as session:  # the time it takes is measured in bench/linear_work.py
        done = import_csv_file(
            session,
            path.read_bytes(),
            name=path.name,
            reviewer="ana",
            saving=lambda n, t: progress.append((n, t)),
        )
    assert len(done.saved.ids) == 2_501 and progress[-1] == (2_501, 2_501) and len(progress) == 6
    assert _count(database) == 2_501
    library = LibraryIndex()
    with database.session() as session:
        assert library.refresh(session) == (max(done.saved.ids), 2_501, 0)
    from workbench.domain.records import ClaimRecord

    claim = ClaimRecord(
        1, 1, 0, 0, 10, "Defence production tripled in 2023, according to the ministry", "change", "reported",
        0.9, (), {}, "new", 1,
    )  # fmt: skip
    (best, *_) = suggest_sources(library, claim, k=5)
    assert best.title == "Defence output report"
    assert any(r.startswith("words:") for r in best.reasons)


def test_read_csv_reports_progress_and_offers_text_figures():
    reading = []
    result = read_csv(_big_csv(450), progress=lambda n, t: reading.append(n))
    assert reading == [200, 400, 451]
    special = result.sources[-1]
    assert [(f.kind, f.value, period_label(f.period)) for f in special.figures] == [
        ("multiplier", 3.1, "2023")
    ]


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024", "2024-01-01"), ("2024-03", "2024-03-01"), ("2024-03-05", "2024-03-05")],
)
def test_published_prefixes_become_dates(published, expected):
    assert published_date(published).isoformat() == expected
