"""The Queue page through AppTest: counts per status, filters, pages; the folder upload as a job."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.generate_db import generate
from workbench.commands.cli import main as workbench_cli
from workbench.jobs.folder_ingest import expand_uploads
from workbench.jobs.queue import get_job, run_worker, spool_uploads, submit_job
from workbench.outputs.progress import text_bar
from workbench.storage.articles import list_articles
from workbench.storage.database import open_database
from workbench.ui import queue_url

APP = str(Path(__file__).resolve().parents[1] / "workbench" / "app.py")
SEED = (Path(__file__).parent / "data" / "ukraine-defence-industry-fr.txt").read_text(encoding="utf-8")


def _page(path: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def big_db(sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    generate(sqlite_url, claims=600, per_article=30, links_per_claim=1, sources=10, seed=2)
    return sqlite_url


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _table(at: AppTest):
    return next(df.value for df in at.dataframe if "worthiness" in df.value.columns)


def test_queue_counts_every_status_and_shows_one_page_most_worthy_first(big_db):
    at = _page("app_pages/review_queue.py")
    counts = _metrics(at)
    assert sum(int(v.replace(",", "")) for v in counts.values()) == 600
    table = _table(at)
    assert len(table) == 50 and list(table["worthiness"]) == sorted(table["worthiness"], reverse=True)
    assert any("600 claims match · page 1 of 12" in c.value for c in at.caption)
    at.number_input(key="queue.page").set_value(12).run()
    assert not at.exception and len(_table(at)) == 600 - 11 * 50
    assert any("page 12 of 12" in c.value for c in at.caption)


def test_queue_filters_narrow_the_table_and_keep_the_counts_per_status(big_db):
    at = _page("app_pages/review_queue.py")
    at.multiselect(key="queue.filter.statuses").set_value(["checking"]).run()
    table = _table(at)
    assert set(table["status"]) == {"checking"}
    checking = int(_metrics(at)["Checking"].replace(",", ""))
    assert any(f"{checking} claims match" in c.value for c in at.caption)
    at.multiselect(key="queue.filter.statuses").set_value([]).run()
    at.multiselect(key="queue.filter.languages").set_value(["en"]).run()
    assert set(_table(at)["lang"]) == {"en"}
    at.multiselect(key="queue.articles").set_value([3]).run()
    assert _table(at)["article"].str.startswith("Article 3:").all()
    at.slider(key="queue.worthiness").set_value((0.5, 1.0)).run()
    assert (_table(at)["worthiness"] >= 0.5).all()
    at.text_input(key="queue.filter.text").input("<script>alert(1)</script>").run()
    # words to search for, never stored or shown as markup: a search that finds nothing, not an error
    assert not at.exception and not at.error and any(c.value.startswith("0 claims match") for c in at.caption)


def test_queue_on_an_empty_database_invites_to_add_an_article(sqlite_url, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["init"]) == 0
    at = _page("app_pages/review_queue.py")
    assert at.info[0].value == "No article yet."


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_folder_ingest_stores_each_file_and_reports_duplicates_and_refusals(
    sqlite_url, tmp_path, monkeypatch
):
    database = open_database(sqlite_url)
    english = "The ministry said production tripled in 2023 to 1,200 drones a month."
    uploads = [
        ("seed.txt", SEED.encode()),
        (
            "batch.zip",
            _zip({"a/one.md": english, "a/copy.txt": SEED, "a/image.png": "x", "__MACOSX/._x.txt": ""}),
        ),
        ("bad.txt", b"\xff\xfe\x00binary"),
        ("notes.pdf", b"%PDF"),
    ]
    texts, refused = expand_uploads(uploads)
    assert [name for name, _ in texts] == [
        "seed.txt",
        "batch.zip/a/one.md",
        "batch.zip/a/copy.txt",
        "bad.txt",
    ]
    assert {r.name for r in refused} == {"batch.zip/a/image.png", "notes.pdf"}
    # as the page does: the files go to the spool, a job ingests them in the worker
    monkeypatch.setenv("WORKBENCH_SPOOL_DIR", str(tmp_path / "spool"))
    folder = spool_uploads(uploads)
    job_id = submit_job(database, "ingest-files", {"folder": str(folder), "outlet": "Wire"}, title="upload")
    assert run_worker(database, once=True) == 1
    job = get_job(database, job_id)
    assert job.status == "done" and (job.done, job.total) == (4, 4), job
    result = job.result
    assert [a[0] for a in result["articles"]] == ["seed.txt", "batch.zip/a/one.md"]
    assert result["duplicates"] == 1 and result["summary"].startswith("2 stored, 1 duplicates, 3 refused")
    assert sorted(r[0] for r in result["refused"]) == ["bad.txt", "batch.zip/a/image.png", "notes.pdf"]
    assert "binary" in dict(result["refused"])["bad.txt"]
    assert not folder.exists()  # the spooled files are gone once ingested
    with database.session() as session:
        stored = list_articles(session)
    assert len(stored) == 2 and {a.outlet for a in stored} == {"Wire"}
    database.engine.dispose()


def test_a_spool_folder_outside_the_spool_is_never_read_or_removed(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_SPOOL_DIR", str(tmp_path / "spool"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "0000-a.txt").write_text(SEED, encoding="utf-8")
    database = open_database(sqlite_url)
    job_id = submit_job(database, "ingest-files", {"folder": str(elsewhere)}, title="stray")
    run_worker(database, once=True)
    job = get_job(database, job_id)
    assert job.status == "failed" and "is not a folder of the upload spool" in job.error
    assert (elsewhere / "0000-a.txt").exists()
    with database.session() as session:
        assert list_articles(session) == []
    database.engine.dispose()


def test_the_bar_reads_well():
    assert text_bar(1, 3, width=6, label="x") == "x [##....] 1/3 (33%)"


def test_add_article_page_submits_uploads_as_a_job_and_shows_it(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("WORKBENCH_SPOOL_DIR", str(tmp_path / "spool"))
    assert workbench_cli(["init"]) == 0
    at = _page("app_pages/check_article.py")
    assert at.button(key="folder.submit") is not None
    # AppTest cannot upload files: the job is submitted as the page does, then run
    database = open_database(sqlite_url)
    folder = spool_uploads([("batch.zip", _zip({"one.txt": SEED}))])
    submit_job(database, "ingest-files", {"folder": str(folder)}, title="Ingesting 1 uploaded files")
    assert run_worker(database, once=True) == 1
    at.run()
    assert not at.exception, at.exception
    assert any(
        "Ingesting 1 uploaded files: 1 stored, 0 duplicates, 0 refused" in s.value for s in at.success
    ), [s.value for s in at.success]
    database.engine.dispose()


def test_rescore_restores_the_engine_scores_with_a_progress_bar(sqlite_url, monkeypatch, capsys):
    from sqlalchemy import select, update

    from workbench.desk.demo import load_demo
    from workbench.desk.rescore import rescore_claims
    from workbench.storage.schema import ClaimRow

    database = open_database(sqlite_url)
    with database.session() as session:
        load_demo(session)
        engine_scores = dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all())
        session.execute(update(ClaimRow).values(worthiness=0.0, version=ClaimRow.version))
    seen: list[int] = []
    summary = rescore_claims(database, batch=4, report=lambda done, _message: seen.append(done))
    with database.session() as session:
        rescored = dict(session.execute(select(ClaimRow.id, ClaimRow.worthiness)).all())
        versions = set(session.scalars(select(ClaimRow.version)))
    database.engine.dispose()
    assert rescored == engine_scores and versions == {1}  # a machine score is no reviewer edit
    assert summary.claims == len(engine_scores) and summary.changed == sum(
        1 for s in engine_scores.values() if s
    )
    assert seen == sorted(seen) and seen[-1] == len(engine_scores) and len(seen) > 1
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    assert workbench_cli(["rescore", "--batch", "5"]) == 0
    out, err = capsys.readouterr()
    assert "0 changed" in out and f"{len(engine_scores)}/{len(engine_scores)} (100%)" in err


def _params(at: AppTest) -> dict[str, list[str]]:
    """The app's query string, each parameter as a list (AppTest gives one value as a plain string)."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


def test_queue_filters_page_and_size_live_in_the_url_and_survive_opening_a_claim(big_db):
    at = _page("app_pages/review_queue.py")
    at.multiselect(key="queue.filter.statuses").set_value(["new", "checking"]).run()
    at.selectbox(key="queue.page_size").set_value(25).run()
    at.number_input(key="queue.page").set_value(3).run()
    assert not at.exception
    kept = {name: values for name, values in _params(at).items() if name in queue_url.PARAMS}
    assert kept == {"status": ["new", "checking"], "size": ["25"], "page": ["3"]}
    shown = list(_table(at)["id"])
    at.switch_page("app_pages/review_claims.py").run()  # a claim opened, then back through the menu
    at.switch_page("app_pages/review_queue.py").run()
    assert not at.exception
    assert at.multiselect(key="queue.filter.statuses").value == ["new", "checking"]
    assert at.selectbox(key="queue.page_size").value == 25 and at.number_input(key="queue.page").value == 3
    assert list(_table(at)["id"]) == shown


def test_a_queue_link_opens_the_same_filtered_page_and_ignores_what_it_cannot_use(big_db):
    first = _page("app_pages/review_queue.py")
    first.multiselect(key="queue.filter.languages").set_value(["en"]).run()
    first.number_input(key="queue.page").set_value(2).run()
    link = {name: values for name, values in _params(first).items() if name in queue_url.PARAMS}
    assert link == {"lang": ["en"], "page": ["2"]}
    shared = AppTest.from_file(APP, default_timeout=60)
    shared.query_params.update({**link, "status": ["bogus"], "size": ["7"]})
    shared.run()
    shared.switch_page("app_pages/review_queue.py")
    shared.query_params.update({**link, "status": ["bogus"], "size": ["7"]})
    shared.run()
    assert not shared.exception
    assert shared.multiselect(key="queue.filter.languages").value == ["en"]
    assert shared.multiselect(key="queue.filter.statuses").value == []
    assert shared.selectbox(key="queue.page_size").value == 50
    assert shared.number_input(key="queue.page").value == 2
    assert list(_table(shared)["id"]) == list(_table(first)["id"])
