"""Jobs outside the web process: ingest, rescore and recluster stored as rows of the jobs table.

The app (or the command line) submits a job; a `workbench worker` process claims the oldest queued
one, runs it and writes its progress to the row at most twice a second, so every app process shows
the same bar, and a restart of the app loses nothing. Cancelling sets a flag the worker reads at its
next progress report. A worker that died (kill -9, a reboot) stops beating; after ``STALE`` its job
is queued again, which is safe because every kind is idempotent (ingestion skips what is stored).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select, update

from workbench.domain.errors import InputError, NotFoundError, WorkbenchError
from workbench.storage.database import Database
from workbench.storage.schema import ClaimRow, JobRow

KINDS = ("ingest", "ingest-files", "rescore", "recluster")
STALE = timedelta(minutes=2)  # a running job whose worker has not reported for this long is re-queued
REPORT_EVERY = 0.5  # seconds between two progress writes


class JobCancelled(WorkbenchError):
    """Raised inside a job when its cancellation was requested; the worker marks it cancelled."""


@dataclass(frozen=True)
class JobView:
    """A job as the pages and the command line show it."""

    id: int
    kind: str
    title: str
    status: str
    done: int
    total: int
    message: str
    result: dict | None
    error: str | None
    cancel_requested: bool
    created_at: datetime

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "cancelled")

    @property
    def fraction(self) -> float:
        """Share done, between 0 and 1 (1 once done)."""
        if self.status == "done":
            return 1.0
        return min(1.0, self.done / self.total) if self.total else 0.0


def _view(row: JobRow) -> JobView:
    return JobView(
        row.id, row.kind, row.title, row.status, row.done, row.total, row.message, row.result, row.error,
        row.cancel_requested, row.created_at,
    )  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC)


def submit_job(database: Database, kind: str, params: dict, *, title: str, by: str | None = None) -> int:
    """Queue a job; returns its id (a worker picks it up)."""
    if kind not in KINDS:
        raise InputError(f"{kind!r} is not a job kind; use one of {', '.join(KINDS)}.")
    with database.session() as session:
        row = JobRow(
            kind=kind, title=title, params=params, status="queued", done=0, total=0, message="queued",
            cancel_requested=False, submitted_by=by,
        )  # fmt: skip
        session.add(row)
        session.flush()
        return row.id


def get_job(database: Database, job_id: int) -> JobView:
    with database.session() as session:
        row = session.get(JobRow, job_id)
        if row is None:
            raise NotFoundError(f"Job #{job_id} does not exist.")
        return _view(row)


def list_jobs(database: Database, *, limit: int = 20) -> list[JobView]:
    """The newest jobs first."""
    with database.session() as session:
        return [_view(r) for r in session.scalars(select(JobRow).order_by(JobRow.id.desc()).limit(limit))]


def request_cancel(database: Database, job_id: int) -> JobView:
    """Cancel a queued job at once; ask a running one to stop at its next progress report."""
    with database.session() as session:
        row = session.get(JobRow, job_id)
        if row is None:
            raise NotFoundError(f"Job #{job_id} does not exist.")
        if row.status == "queued":
            row.status, row.finished_at, row.message = "cancelled", _now(), "cancelled before it started"
        elif row.status == "running":
            row.cancel_requested = True
        session.flush()
        return _view(row)


def claim_next(database: Database, worker: str) -> JobView | None:
    """Take the oldest queued job (or one whose worker stopped beating) for ``worker``; None: nothing to do.
    The conditional UPDATE makes two workers never take the same job."""
    stale_before = _now() - STALE
    with database.session() as session:
        candidates = session.scalars(
            select(JobRow.id)
            .where(
                or_(
                    JobRow.status == "queued",
                    (JobRow.status == "running") & (JobRow.heartbeat_at < stale_before),
                )
            )
            .order_by(JobRow.id)
            .limit(5)
        ).all()
    for job_id in candidates:
        with database.session() as session:
            taken = session.execute(
                update(JobRow)
                .where(
                    JobRow.id == job_id,
                    or_(
                        JobRow.status == "queued",
                        (JobRow.status == "running") & (JobRow.heartbeat_at < stale_before),
                    ),
                )
                .values(status="running", worker=worker, heartbeat_at=_now(), message="started")
            ).rowcount
        if taken == 1:
            return get_job(database, job_id)
    return None


class _Reporter:
    """The job's progress callback: writes done/total/message and the heartbeat (at most every
    ``REPORT_EVERY`` seconds) and raises JobCancelled once a reviewer asked to cancel."""

    def __init__(self, database: Database, job_id: int) -> None:
        self.database, self.job_id, self.last, self.cancel = database, job_id, 0.0, False

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        if self._write(
            {"done": done, "message": message[:500]} | ({} if total is None else {"total": total})
        ):
            raise JobCancelled("cancelled by a reviewer")

    def cancelled(self) -> bool:
        """For work that stops cleanly between steps (ingestion) rather than by an exception."""
        return self._write({})

    def _write(self, values: dict) -> bool:
        now = time.monotonic()
        if now - self.last >= REPORT_EVERY:
            self.last = now
            with self.database.session() as session:
                query = update(JobRow).where(JobRow.id == self.job_id)
                session.execute(query.values(heartbeat_at=_now(), **values))
                self.cancel = bool(
                    session.scalar(select(JobRow.cancel_requested).where(JobRow.id == self.job_id))
                )
        return self.cancel


def _run_ingest(database: Database, params: dict, report: _Reporter) -> dict:
    from workbench.desk.ingest_inputs import path_items
    from workbench.jobs.batch_ingest import WorkerOptions, ingest_items

    summary = ingest_items(
        database,
        path_items(params["paths"]),
        workers=int(params.get("workers", 1)),
        batch=int(params.get("batch", 100)),
        cluster=bool(params.get("cluster", True)),
        options=WorkerOptions(outlet=params.get("outlet"), lang=params.get("lang")),
        progress=lambda done, total, message: report(done, total, message),
        cancelled=report.cancelled,
    )
    if summary.interrupted:
        raise JobCancelled(f"cancelled by a reviewer after {len(summary.stored)} articles were stored")
    return {
        "summary": summary.describe(),
        "stored": len(summary.stored),
        "duplicates": len(summary.duplicates),
        "refused": [[r.name, r.reason] for r in summary.refused],
    }


def _run_ingest_files(database: Database, params: dict, report: _Reporter) -> dict:
    """The Add-article page's upload (.txt/.md files and zips), spooled by the page: read with the
    hardened folder reader (every zip member bounded, one at a time), each file its own transaction; the
    spool folder is removed once the job ends (a worker killed half-way leaves it for the re-run)."""
    from workbench.jobs.folder_ingest import expand_uploads, ingest_files

    root = spool_dir().resolve()
    folder = Path(params["folder"]).resolve()
    if not folder.is_relative_to(root) or folder == root:
        raise InputError(f"{folder} is not a folder of the upload spool ({root}); nothing was read.")
    if not folder.is_dir():
        raise InputError(f"The uploaded files of this job are gone ({folder}); upload them again.")
    try:
        texts, refused = expand_uploads(spooled_files(folder))
        total = len(texts)
        report(0, total, f"{total} files to read")
        summary = ingest_files(
            database, texts, outlet=params.get("outlet"), report=lambda done, name: report(done, total, name)
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    summary.refused[:0] = refused
    return {
        "summary": summary.describe(),
        "stored": len(summary.stored),
        "duplicates": len(summary.duplicates),
        "refused": [[r.name, r.reason] for r in summary.refused],
        "articles": [[name, article_id, claims] for name, article_id, claims in summary.stored],
        "unread": [[name, article_id, lang] for name, article_id, lang in summary.unread],
    }


def _run_rescore(database: Database, params: dict, report: _Reporter) -> dict:
    from workbench.desk.rescore import rescore_claims

    with database.session() as session:
        total = session.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.retired.is_(False)))
    summary = rescore_claims(
        database,
        batch=int(params.get("batch", 1000)),
        report=lambda done, message: report(done, total, message),
    )
    return {"summary": f"Re-scored {summary.claims:,} claims; {summary.changed:,} changed."}


def _run_recluster(database: Database, params: dict, report: _Reporter) -> dict:
    from workbench.desk.repeated import recluster

    with database.session() as session:  # one transaction: a cancelled run changes nothing
        result = recluster(session, progress=lambda done, total: report(done, total, "comparing claims"))
    return {"summary": f"{result.clusters:,} clusters of repeated claims; {result.changed:,} claims changed."}


HANDLERS: dict[str, Callable[[Database, dict, _Reporter], dict]] = {
    "ingest": _run_ingest,
    "ingest-files": _run_ingest_files,
    "rescore": _run_rescore,
    "recluster": _run_recluster,
}


def run_job(database: Database, job: JobView) -> JobView:
    """Run one claimed job to its end and record how it ended (done, failed or cancelled)."""
    with database.session() as session:
        params = session.get(JobRow, job.id).params
    report = _Reporter(database, job.id)
    values: dict
    try:
        result = HANDLERS[job.kind](database, params, report)
    except JobCancelled as error:
        values = {"status": "cancelled", "message": str(error)}
    except WorkbenchError as error:
        values = {"status": "failed", "error": str(error), "message": "failed"}
    except Exception as error:  # a job must end, even on a bug, so pages stop showing it as running
        values = {"status": "failed", "error": f"{type(error).__name__}: {error}", "message": "failed"}
    else:
        values = {"status": "done", "result": result, "message": result.get("summary", "done")}
    with database.session() as session:
        row = session.get(JobRow, job.id)
        if values["status"] == "done":
            row.done = max(row.done, row.total)
        for key, value in values.items():
            setattr(row, key, value)
        row.finished_at = _now()
    return get_job(database, job.id)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_worker(
    database: Database, *, once: bool = False, poll: float = 1.0, stop: Callable[[], bool] | None = None
) -> int:
    """Claim and run jobs until ``stop()`` (with ``once``: until the queue is empty); returns how many."""
    name, count = worker_name(), 0
    while not (stop and stop()):
        job = claim_next(database, name)
        if job is None:
            if once:
                break
            time.sleep(poll)
            continue
        run_job(database, job)
        count += 1
    return count


def spool_dir() -> Path:
    """Where the app keeps uploaded files until a worker ingests them (``WORKBENCH_SPOOL_DIR``, else
    ./data/uploads): workers on other machines need it on a shared disk."""
    from workbench.domain.config import DATA_ROOT

    configured = os.environ.get("WORKBENCH_SPOOL_DIR", "").strip()
    return Path(configured) if configured else DATA_ROOT / "data" / "uploads"


def spool_uploads(files: Iterable[tuple[str, bytes]], *, root: Path | None = None) -> Path:
    """Write uploaded files into a new folder of the spool (names reduced to their last part); returns it."""
    folder = (root or spool_dir()) / f"{datetime.now(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    for position, (name, content) in enumerate(files):
        safe = Path(name).name.lstrip(".") or f"upload-{position}"
        (folder / f"{position:04d}-{safe}").write_bytes(content)
    return folder


def spooled_files(folder: Path) -> list[tuple[str, bytes]]:
    """The files ``spool_uploads`` wrote into ``folder``, in upload order, under their uploaded names."""
    return [(path.name.split("-", 1)[-1], path.read_bytes()) for path in sorted(folder.iterdir())]
