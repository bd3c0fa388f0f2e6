"""The verdict CSV re-imports into an empty database without losing claims, verdicts or evidence URLs;
bad files are refused with the file and row named, and nothing half-stored; the command line."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.test_workbench_exports import seed_verdicts
from workbench.commands.cli import main as workbench_cli
from workbench.desk.demo import load_demo
from workbench.desk.verdict_import import VerdictImportError, import_verdicts, read_verdict_csv
from workbench.outputs.exports import verdicts_csv
from workbench.storage.database import open_database
from workbench.storage.export_rows import verdict_rows
from workbench.storage.rating_scale import save_scale
from workbench.storage.schema import ArticleRow, ClaimRow, EvidenceRow, VerdictRow

IDS = ["article_id", "claim_id"]  # new ids are given on import


@pytest.fixture
def exported(tmp_path) -> bytes:
    """The verdict CSV (all states) of the demo database with two verdicts and two evidence links."""
    handle = open_database(f"sqlite:///{tmp_path / 'source.db'}")
    with handle.session() as session:
        load_demo(session)
        seed_verdicts(session)
    with handle.session() as session:
        data = verdicts_csv(verdict_rows(session, states="all"))
    handle.engine.dispose()
    return data


@pytest.mark.parametrize("excel", [False, True])
def test_round_trip_keeps_claims_verdicts_and_evidence(exported, database_url, excel):
    rows = read_verdict_csv(exported)
    data = verdicts_csv(verdict_rows_from(rows), excel=excel) if excel else exported
    target = open_database(database_url)
    with target.session() as session:
        summary = import_verdicts(session, read_verdict_csv(data))
    # the two links seeded, and the demo's example series linked to the ×3 and ×6 claims
    assert (summary.verdicts, summary.sources, summary.links) == (2, 3, 4)
    with target.session() as session:
        again = verdict_rows(session, states="all")
    before = verdict_rows_from(rows).drop(columns=IDS)
    assert again.drop(columns=IDS).astype(str).to_dict("records") == before.astype(str).to_dict("records")
    target.engine.dispose()


def verdict_rows_from(rows):
    import pandas as pd

    return pd.DataFrame(rows)


def test_a_bad_row_is_located_and_nothing_is_stored(exported, sqlite_url):
    text = exported.decode().replace("Mostly true", "Mostly-ish", 1)
    target = open_database(sqlite_url)
    bad_row = next(n for n, line in enumerate(text.split("\r\n"), start=1) if "Mostly-ish" in line)
    with (
        pytest.raises(
            VerdictImportError, match=rf"verdicts\.csv, row {bad_row}: unknown verdict 'Mostly-ish'"
        ),
        target.session() as session,
    ):
        import_verdicts(session, read_verdict_csv(text.encode()))
    with target.session() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 0


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda t: t.replace("article_title", "title", 1), "row 1: missing column"),
        (
            lambda t: t.replace("2026-01-05T10:31:00Z", "yesterday", 1),
            "verdict_at 'yesterday' is not an ISO 8601",
        ),
        (lambda t: t.replace("supports | context", "supports", 1), "3 evidence URLs but 2 stances"),
    ],
)
def test_located_refusals(exported, sqlite_url, mangle, message):
    with pytest.raises(VerdictImportError, match=message), open_database(sqlite_url).session() as session:
        import_verdicts(session, read_verdict_csv(mangle(exported.decode()).encode(), name="verdicts.csv"))


def test_a_database_with_articles_is_refused(exported, sqlite_url):
    handle = open_database(sqlite_url)
    with handle.session() as session:
        load_demo(session)
    with pytest.raises(VerdictImportError, match="already holds articles"), handle.session() as session:
        import_verdicts(session, read_verdict_csv(exported))


def test_non_utf8_is_refused():
    with pytest.raises(VerdictImportError, match="not UTF-8"):
        read_verdict_csv("claim\n\xe9".encode("latin-1"))


def test_command_line_export_then_import(sqlite_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init", "--demo"]) == 0
    with open_database(sqlite_url).session() as session:
        seed_verdicts(session)
    out = tmp_path / "verdicts.csv"
    assert (
        workbench_cli(["export", "verdicts", "--since", "2023-01-01", "--out", str(out), "--all-states"]) == 0
    )
    assert "11 rows exported" in capsys.readouterr().out or out.read_bytes().count(b"\r\n") > 5
    assert (
        workbench_cli(["export", "verdicts", "--since", "2030-01-01", "--out", str(tmp_path / "e.csv")]) == 0
    )
    assert "header only" in capsys.readouterr().out
    assert workbench_cli(["export", "claimreview", "--out", str(tmp_path / "cr.json")]) == 0
    assert "1 ClaimReview objects" in capsys.readouterr().out
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert workbench_cli(["import", "verdicts", str(out), "--database-url", fresh]) == 0
    assert "2 verdicts" in capsys.readouterr().out
    with open_database(fresh).session() as session:
        assert session.scalar(select(func.count()).select_from(VerdictRow)) == 2
        assert session.scalar(select(func.count()).select_from(EvidenceRow)) == 4  # 2 + the demo series' 2
        assert (
            session.scalar(select(func.count()).select_from(ClaimRow)) == out.read_bytes().count(b"\r\n") - 1
        )
    assert workbench_cli(["import", "verdicts", str(out), "--database-url", fresh]) == 1
    assert "nothing stored" in capsys.readouterr().err


def test_progress_bar_shows_on_stderr_only_for_large_exports():
    import io

    from workbench.commands.export_commands import ProgressBar
    from workbench.storage.export_rows import CHUNK

    stream = io.StringIO()
    bar = ProgressBar("Exporting verdicts", stream=stream, width=10)
    bar(CHUNK, CHUNK)  # one chunk: no bar
    assert stream.getvalue() == ""
    bar(CHUNK, 2 * CHUNK)
    bar(2 * CHUNK, 2 * CHUNK)
    assert stream.getvalue() == (
        f"\rExporting verdicts [#####.....] {CHUNK:,}/{2 * CHUNK:,} (50%)"
        f"\rExporting verdicts [##########] {2 * CHUNK:,}/{2 * CHUNK:,} (100%)\n"
    )


def test_an_article_of_two_thousand_claims_is_stored_in_one_flush(sqlite_url):
    """Linear in an article's claims: a flush per claim re-walked the article's whole claim list."""
    from sqlalchemy import event

    rows = [
        {"article_id": "1", "article_title": "Long", "claim": f"Output rose by {n % 90 + 1}% in plant {n}.",
         "verdict": "True" if n % 2 else "", "evidence_urls": f"https://example.org/{n % 50}"}
        for n in range(2_000)
    ]  # fmt: skip
    database = open_database(sqlite_url)
    flushes = []
    with database.session() as session:
        event.listen(session, "after_flush", lambda s, context: flushes.append(len(s.new)))
        summary = import_verdicts(session, rows)
    assert (summary.claims, summary.verdicts, summary.sources, summary.links) == (2_000, 1_000, 50, 2_000)
    assert len(flushes) <= 3
    with database.session() as session:
        assert session.scalar(select(func.count(ClaimRow.id))) == 2_000
        assert session.scalar(select(func.count(EvidenceRow.id))) == 2_000
    database.engine.dispose()


def test_an_old_checked_status_follows_the_verdict_and_ratings_come_from_the_desk_scale(exported, sqlite_url):
    rows = read_verdict_csv(exported)
    assert {r["verdict_state"] for r in rows if r["verdict"]} == {"proposed", "published"}
    for row in rows:  # as a CSV exported before the publishing workflow said it
        row["status"] = "checked" if row["verdict"] else row["status"]
    renamed = [dict(r, verdict="Needs context") if r["verdict"] else r for r in rows]
    target = open_database(sqlite_url)
    with (
        pytest.raises(VerdictImportError, match="unknown verdict 'Needs context'"),
        target.session() as session,
    ):
        import_verdicts(session, renamed)
    with target.session() as session:
        save_scale(session, [{"name": "Needs context", "meaning": "?"}, {"name": "False", "meaning": "No."}],
                   editor="ed")  # fmt: skip
    with target.session() as session:
        import_verdicts(session, renamed)
    with target.session() as session:
        stored = verdict_rows(session, states="all")
    target.engine.dispose()
    rated = stored[stored["verdict"].ne("")]
    assert list(rated["status"]) == list(rated["verdict_state"]) and set(rated["verdict"]) == {
        "Needs context"
    }
    assert "checked" not in set(stored["status"])  # nothing stays in the old status
