"""`python -m workbench import series`: stores every series of a file with a progress line, refuses a bad
file or a duplicate with located reasons and stores nothing (exit 1), skips bad rows on request."""

from __future__ import annotations

from pathlib import Path

from workbench.commands.cli import main as workbench_cli
from workbench.storage.database import open_database
from workbench.storage.series_store import load_series, series_source_ids

DATA = Path(__file__).parent / "data" / "series"


def _series(url: str) -> list:
    with open_database(url).session() as session:
        return [load_series(session, i) for i in series_source_ids(session)]


def test_a_file_is_imported_with_progress_and_a_duplicate_then_refused(sqlite_url, capsys):
    path = DATA / "shells_eurostat.sdmx.csv"
    assert workbench_cli(["import", "series", str(path), "--database-url", sqlite_url]) == 0
    out, err = capsys.readouterr()
    stored = _series(sqlite_url)
    assert out.startswith(f"Imported {len(stored)} series (") and "sdmx-csv" in out
    assert "Importing [" in err and "values" in err
    assert all(s.series.provenance.publisher == "Eurostat" for s in stored)
    assert workbench_cli(["import", "series", str(path), "--database-url", sqlite_url]) == 1
    _, err = capsys.readouterr()
    assert "Import refused, nothing stored" in err and "already stored as source #1" in err
    assert len(_series(sqlite_url)) == len(stored)


def test_bad_rows_are_listed_and_refused_or_skipped_on_request(sqlite_url, tmp_path, capsys):
    path = tmp_path / "output.csv"
    path.write_text("period,value\n2021,1\n2022,lots\n2023,3\n2023Q9,4\n", encoding="utf-8")
    command = ["import", "series", str(path), "--measure", "Output", "--retrieved", "2026-11-02",
               "--database-url", sqlite_url]  # fmt: skip
    assert workbench_cli(command) == 1
    _, err = capsys.readouterr()
    assert "2 problem(s)" in err and "output.csv, row 3" in err and "output.csv, row 5" in err
    assert _series(sqlite_url) == []
    assert workbench_cli([*command, "--skip-bad-rows"]) == 0
    out, _ = capsys.readouterr()
    assert "(2 values, tidy)" in out and out.count("skipped: ") == 2
    (stored,) = _series(sqlite_url)
    assert stored.series.values == (1.0, 3.0) and stored.series.measure == "Output"
    assert stored.series.provenance.retrieved_at == "2026-11-02"


def test_a_url_is_fetched_through_the_guard_and_its_address_kept(sqlite_url, monkeypatch, capsys):
    from tests.test_workbench_fetching import _answer_as, _Server

    body = (DATA / "exports_tidy.csv").read_bytes()
    server = _Server(_answer_as("text/csv", body))
    url = f"http://127.0.0.1:{server.port}/exports.csv"
    try:
        # a server on this machine is refused unless the desk allows it
        assert (
            workbench_cli(["import", "series", url, "--measure", "Exports", "--database-url", sqlite_url])
            == 1
        )
        assert "local network" in capsys.readouterr().err
        monkeypatch.setenv("WORKBENCH_FETCH_PRIVATE", "1")
        assert (
            workbench_cli(["import", "series", url, "--measure", "Exports", "--database-url", sqlite_url])
            == 0
        )
    finally:
        server.close()
    stored = _series(sqlite_url)
    assert stored and all(s.series.provenance.url == url for s in stored)
    assert all(
        s.series.provenance.retrieved_at and s.series.provenance.file_name == "exports.csv" for s in stored
    )
