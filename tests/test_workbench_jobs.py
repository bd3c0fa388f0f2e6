"""Jobs in the database, run by `workbench worker` in another process: progress, cancelling, re-queueing."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from streamlit.testing.v1 import AppTest

from workbench.commands.cli import main as workbench_cli
from workbench.domain.errors import InputError
from workbench.jobs.queue import claim_next, get_job, list_jobs, request_cancel, run_job, submit_job
from workbench.storage.database import open_database
from workbench.storage.schema import ArticleRow, JobRow

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "workbench" / "app.py")


def _rows(path: Path, count: int) -> Path:
    with path.open("w") as out:
        for n in range(count):
            text = f"Report {n}: unemployment rose by {n % 9 + 1}% in 2023, to {n + 100} thousand people."
            out.write(json.dumps({"text": text, "title": f"Report {n}"}) + "\n")
    return path


def test_a_worker_process_runs_a_submitted_ingestion_and_every_process_sees_it(tmp_path, database_url):
    database = open_database(database_url)
    rows = _rows(tmp_path / "rows.jsonl", 12)
    params = {"paths": [str(rows)], "workers": 0}
    job_id = submit_job(database, "ingest", params, title="12 reports", by="ana")
    assert get_job(database, job_id).status == "queued"
    worker = subprocess.run(
        [sys.executable, "-m", "workbench", "worker", "--once", "--database-url", database_url],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "1 jobs run." in worker.stdout
    job = get_job(database, job_id)  # read by this process, written by the worker's
    assert (job.status, job.fraction, job.result["stored"], job.result["refused"]) == ("done", 1.0, 12, [])
    assert job.message == "12 stored, 0 duplicates, 0 refused."
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 12
    assert [j.id for j in list_jobs(database)] == [job_id]
    database.engine.dispose()


def test_cancelling_a_queued_job_stops_it_and_a_running_one_at_its_next_step(tmp_path, sqlite_url):
    database = open_database(sqlite_url)
    rows = _rows(tmp_path / "rows.jsonl", 30)
    queued = submit_job(database, "rescore", {}, title="rescore")
    assert request_cancel(database, queued).status == "cancelled"
    running = submit_job(database, "ingest", {"paths": [str(rows)], "workers": 0, "batch": 5}, title="ingest")
    job = claim_next(database, "test-worker")
    assert job.id == running and job.status == "running"
    assert claim_next(database, "other-worker") is None  # a job is taken once
    assert request_cancel(database, running).cancel_requested
    ended = run_job(database, job)
    assert ended.status == "cancelled" and "cancelled by a reviewer" in ended.message
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) < 30
    database.engine.dispose()


def test_a_job_whose_worker_died_is_queued_again_and_finished(tmp_path, sqlite_url):
    database = open_database(sqlite_url)
    job_id = submit_job(database, "recluster", {}, title="recluster")
    assert claim_next(database, "worker-that-dies").id == job_id
    with database.session() as session:  # its worker stopped beating three minutes ago
        old = datetime.now(UTC) - timedelta(minutes=3)
        session.execute(update(JobRow).where(JobRow.id == job_id).values(heartbeat_at=old))
    again = claim_next(database, "second-worker")
    assert again is not None and again.id == job_id
    assert run_job(database, again).status == "done"
    database.engine.dispose()


def test_an_unknown_kind_is_refused(sqlite_url):
    with pytest.raises(InputError, match="not a job kind"):
        submit_job(open_database(sqlite_url), "reboot", {}, title="x")


def _settings_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/desk_settings.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_app_submits_jobs_its_own_worker_runs_and_every_session_sees_them(sqlite_url, monkeypatch):
    from workbench.ui import resources

    monkeypatch.setenv("WORKBENCH_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("WORKBENCH_AUTH", raising=False)  # single-user mode: the app starts a worker
    assert workbench_cli(["init", "--demo"]) == 0
    database = open_database(sqlite_url)
    resources._worker_for.clear()
    try:
        at = _settings_page()
        at.button(key="jobs.submit.recluster").click().run()
        job = list_jobs(database)[0]
        assert (job.kind, job.title) == ("recluster", "Re-group repeated claims")
        worker = resources._worker_for(sqlite_url)
        while not get_job(database, job.id).finished:  # the app's worker process runs it: poll the row
            assert worker.poll() is None, "the app's worker ended"
        assert get_job(database, job.id).status == "done"
        other = _settings_page()  # another browser session (the table is what every process reads)
        assert any(s.value.startswith(f"#{job.id} Re-group repeated claims:") for s in other.success)

        worker.terminate()  # no worker now: a queued job waits, and Cancel takes it off the queue
        worker.wait()
        queued = submit_job(database, "rescore", {}, title="Re-score every claim")
        page = _settings_page()
        page.button(key=f"jobs.cancel.{queued}").click().run()
        assert get_job(database, queued).status == "cancelled"
    finally:
        resources._worker_for(sqlite_url).terminate()
        resources._worker_for.clear()
        database.engine.dispose()


def test_uploads_are_spooled_inside_their_folder_and_ingested_by_a_worker(tmp_path, sqlite_url):
    from workbench.jobs.queue import run_worker, spool_uploads

    database = open_database(sqlite_url)
    folder = spool_uploads(
        [
            ("../../escape.txt", b"Exports fell 12% in 2023, customs said."),
            (".hidden", b"Prices rose 3% in May."),
        ],
        root=tmp_path / "spool",
    )
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["0000-escape.txt", "0001-hidden"] and folder.parent == tmp_path / "spool"
    job_id = submit_job(database, "ingest", {"paths": [str(folder)], "workers": 0}, title="upload")
    assert run_worker(database, once=True) == 1
    job = get_job(database, job_id)
    assert job.result["stored"] == 1 and job.result["refused"][0][0].endswith("0001-hidden")
    database.engine.dispose()
