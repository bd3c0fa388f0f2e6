"""Bulk ingestion: items -> claims in parallel workers -> one writer committing in batches.

Workers (processes on this machine, or a Dask cluster) run only the pure part: fetch a page, read
it with trafilatura, split the text into claims. The one writer stores each batch in one transaction
(an article is stored whole or not at all) and clusters the batch's claims once. Re-running skips
what is stored (texts by content hash, fetched pages by address), so an interrupted run (Ctrl-C,
kill -9) is finished by running it again.
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.desk.ingest_inputs import Item, Refusal
from workbench.desk.languages import is_read, language_name
from workbench.domain.errors import DuplicateArticleError, WorkbenchError
from workbench.domain.records import ArticleDraft

if TYPE_CHECKING:  # the retrieval stack is loaded only when a batch is grouped
    from workbench.desk.repeated import ClusterCache

CHUNK = 8  # items per task sent to a worker: big enough to amortise the hand-over, small for balance
BATCH = 100  # articles per transaction of the writer
# (done, total, message); the message names the latest item and the rate
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Prepared:
    """A worker's answer for one item: the article ready to store, or why it was refused."""

    name: str
    draft: ArticleDraft | None = None
    reason: str | None = None


@dataclass(frozen=True)
class WorkerOptions:
    """What a worker needs besides the items (sent with every task: workers keep no state)."""

    timeout: float = 10.0
    outlet: str | None = None
    lang: str | None = None
    allow_private: bool | None = None  # None: WORKBENCH_FETCH_PRIVATE decides, as for the app


@dataclass
class IngestSummary:
    """What happened to each input: stored (name, article id, claims), duplicates (name, id), refused;
    ``unread`` names the stored ones in a language the engine does not read (name, id, language);
    ``notes`` what intake repaired or left out of a stored one's text (name, id, note)."""

    stored: list[tuple[str, int, int]] = field(default_factory=list)
    unread: list[tuple[str, int, str]] = field(default_factory=list)
    notes: list[tuple[str, int, str]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    dry_run: bool = False
    interrupted: bool = False
    seconds: float = 0.0

    def describe(self) -> str:
        verb = "would be stored" if self.dry_run else "stored"
        text = f"{len(self.stored)} {verb}, {len(self.duplicates)} duplicates, {len(self.refused)} refused."
        if self.unread:
            text += f" {len(self.unread)} stored without claims: in a language the engine does not read."
        if self.notes:
            noted = len({(name, article_id) for name, article_id, _ in self.notes})
            text += f" {noted} with text repaired or left out of the claims."
        return text + (" Interrupted: run the same command again to finish." if self.interrupted else "")

    def lines(self) -> Iterator[str]:
        """The summary, then one line per refused input with its reason (for the command line)."""
        rate = len(self.stored) / self.seconds if self.seconds else 0.0
        yield f"{self.describe()} ({self.seconds:.1f} s, {rate:.0f} articles/s)"
        for refusal in self.refused:
            yield f"refused: {refusal.name}: {refusal.reason}"
        for name, article_id, lang in self.unread:
            language = f"{language_name(lang)} ({lang})"
            yield f"warning: {name}: article #{article_id} is in {language}; no claims were extracted"
        for name, article_id, note in self.notes:
            yield f"note: {name}: article #{article_id}: {note}"

    def note(self, name: str, article_id: int, draft: ArticleDraft) -> None:
        """Count a stored article, warn of it when it is in a language the engine does not read, and keep
        what intake repaired or left out of its text."""
        self.stored.append((name, article_id, len(draft.claims)))
        if not is_read(draft.lang):
            self.unread.append((name, article_id, draft.lang))
        self.notes += [(name, article_id, note) for note in draft.notes]


def prepare_item(item: Item, options: WorkerOptions) -> Prepared:
    """Fetch and read the item if needed, then split it into claims (pure but for the fetch)."""
    from sources.importing import SourceImportError, import_html
    from workbench.desk.fetching import fetch_page
    from workbench.desk.ingest import prepare_article

    try:
        text, title, published, outlet, url = item.text, item.title, item.published, item.outlet, item.url
        if item.fetch or item.html:
            if item.fetch:
                page = fetch_page(item.fetch, timeout=options.timeout, allow_private=options.allow_private)
                html, url = page.content, item.fetch
            else:
                html = item.text or ""
            try:
                read = import_html(html, url=url, lang=item.lang or options.lang, extract=False)
            except SourceImportError as error:
                return Prepared(item.name, reason="; ".join(error.errors))
            text, title = read.text, title or read.title
            outlet = outlet or read.publisher
            if published is None and read.published:
                from datetime import date

                published = date.fromisoformat(read.published)
        draft = prepare_article(
            text or "",
            title=title,
            outlet=outlet or options.outlet,
            url=url,
            published=published,
            lang=item.lang or options.lang,
        )
    except WorkbenchError as error:
        return Prepared(item.name, reason=str(error))
    return Prepared(item.name, draft=draft)


def prepare_chunk(items: Sequence[Item], options: WorkerOptions) -> list[Prepared]:
    """What one worker task runs: a few items, each refused on its own when bad."""
    return [prepare_item(item, options) for item in items]


class _Inline:
    """Runs the tasks in this process (``--workers 0``, and the app's upload box)."""

    def __init__(self) -> None:
        self.pending: list[Callable[[], object]] = []  # run in submission order

    def submit(self, fn: Callable, *args: object) -> Callable[[], object]:
        task = functools.partial(fn, *args)
        self.pending.append(task)
        return task

    def wait_any(self, tasks: set) -> tuple[list, set]:
        task = next(t for t in self.pending if t in tasks)
        self.pending.remove(task)
        return [task()], tasks - {task}

    def close(self) -> None:
        self.pending.clear()


def _follow_owner(owner: int) -> None:
    """In a worker process: end it, and the forkserver it came from, once the ingesting process is gone
    (after a kill -9 nothing else would: they would wait for tasks for ever)."""
    import signal
    import threading

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                parent = os.getppid()
                if parent not in (1, owner):  # the forkserver: ours alone, idle once its owner is gone
                    os.kill(parent, signal.SIGTERM)
                os._exit(1)

    threading.Thread(target=watch, name="follow-owner", daemon=True).start()


class _Pool:
    """A local process pool; forkserver-started so a threaded parent (the app) is never forked."""

    def __init__(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        # the forkserver imports the engine and runs it once: each worker forked from it starts warm
        context.set_forkserver_preload(["workbench.jobs.batch_ingest", "workbench.jobs.engine_warmup"])
        self.executor = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_follow_owner, initargs=(os.getpid(),)
        )

    def submit(self, fn: Callable, *args: object):
        return self.executor.submit(fn, *args)

    def wait_any(self, tasks: set) -> tuple[list, set]:
        from concurrent.futures import FIRST_COMPLETED, wait

        done, rest = wait(tasks, return_when=FIRST_COMPLETED)
        return [f.result() for f in done], rest

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """Tasks on a Dask cluster (``--scheduler tcp://HOST:8786``): results stream back as they finish."""

    def __init__(self, scheduler: str) -> None:
        try:
            from distributed import Client
        except ImportError as error:
            raise WorkbenchError(
                "--scheduler needs dask.distributed: pip install 'claim-workbench[cluster]'"
            ) from error
        try:
            self.client = Client(scheduler, timeout="20s")
        except OSError as error:
            raise WorkbenchError(f"No Dask scheduler answered at {scheduler} ({error}).") from error

    def submit(self, fn: Callable, *args: object):
        return self.client.submit(fn, *args, pure=False)

    def wait_any(self, tasks: set) -> tuple[list, set]:
        from distributed import wait

        done, rest = wait(list(tasks), return_when="FIRST_COMPLETED")
        return [f.result() for f in done], set(rest)

    def close(self) -> None:
        self.client.close()


def _runner(workers: int, scheduler: str | None):
    if scheduler:
        return _Dask(scheduler)
    return _Pool(workers) if workers > 0 else _Inline()


def default_workers() -> int:
    """One worker process per core but the writer's: with grouping, the one writer bounds the rate, and a
    worker on its core slows it (10,000 articles on 2 cores: 207 articles/s with 1 worker, 175 with 2)."""
    return max(1, (os.cpu_count() or 1) - 1)


def _known(database, items: list[Item]) -> dict[str, int]:
    """Items already stored: by content hash for texts, by address for pages to fetch -> article id."""
    from sqlalchemy import select

    from workbench.storage.articles import text_hash
    from workbench.storage.schema import ArticleRow

    hashes = {text_hash(i.text): i.name for i in items if i.text and not i.html}
    addresses = {i.fetch: i.name for i in items if i.fetch}
    found: dict[str, int] = {}
    with database.session() as session:
        for column, wanted in ((ArticleRow.text_hash, hashes), (ArticleRow.url, addresses)):
            keys = list(wanted)
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                rows = session.execute(select(column, ArticleRow.id).where(column.in_(part)))
                found.update({wanted[key]: article_id for key, article_id in rows})
    return found


def _write(
    database,
    drafts: list[tuple[str, ArticleDraft]],
    summary: IngestSummary,
    *,
    cluster: ClusterCache | None = None,
) -> None:
    """Store one batch in one transaction, then cluster its claims once (a crash keeps none of it);
    ``cluster``: the ``ClusterCache`` kept from batch to batch, None to leave grouping for later."""
    from workbench.desk.repeated import assign_new_claims
    from workbench.storage.articles import add_articles

    stored: list[tuple[str, int, ArticleDraft]] = []
    duplicates: list[tuple[str, int]] = []
    with database.session() as session:
        outcomes = add_articles(session, [draft for _, draft in drafts])
        for (name, draft), outcome in zip(drafts, outcomes, strict=True):
            if isinstance(outcome, DuplicateArticleError):  # the same text twice in this run
                duplicates.append((name, outcome.article_id))
            else:
                stored.append((name, outcome, draft))
        if stored and cluster is not None:
            assign_new_claims(session, [article_id for _, article_id, _ in stored], cache=cluster)
    for name, article_id, draft in stored:  # counted once committed
        summary.note(name, article_id, draft)
    summary.duplicates += duplicates


def _cluster_cache() -> ClusterCache:
    from workbench.desk.repeated import ClusterCache  # loads the retrieval stack: only when grouping

    return ClusterCache()


def ingest_items(
    database,
    inputs: Iterable[Item | Refusal],
    *,
    workers: int = 0,
    scheduler: str | None = None,
    batch: int = BATCH,
    chunk: int = CHUNK,
    cluster: bool = True,
    dry_run: bool = False,
    options: WorkerOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> IngestSummary:
    """Ingest every item; bad ones are refused by name, the rest stored in batches (see module doc)."""
    started = time.perf_counter()
    options = options or WorkerOptions()
    summary = IngestSummary(dry_run=dry_run)
    items: list[Item] = []
    for entry in inputs:
        (summary.refused if isinstance(entry, Refusal) else items).append(entry)
    known = _known(database, items)
    summary.duplicates += [(i.name, known[i.name]) for i in items if i.name in known]
    todo = [i for i in items if i.name not in known]
    # the bar counts every input: refused on reading and already stored ones are done at once
    total, done = len(items) + len(summary.refused), len(known) + len(summary.refused)
    if progress and done:
        progress(done, total, f"{len(known)} already stored, {len(summary.refused)} refused")
    chunks = [todo[start : start + chunk] for start in range(0, len(todo), chunk)]
    runner = _runner(workers, scheduler) if chunks else _Inline()
    in_flight = max(2, 4 * max(workers, 1)) if not scheduler else 64
    pending: list[tuple[str, ArticleDraft]] = []
    tasks: set = set()
    next_chunk = 0
    # the writer works in a thread while the workers prepare the next articles; one batch at a time,
    # so batches commit in order and at most one batch of prepared articles waits in memory
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-writer")
    writing: Future | None = None
    # analysed claim texts and figures kept from one batch's grouping to the next (the writer's alone)
    grouping = _cluster_cache() if cluster and not dry_run else None

    def flush(drafts: list[tuple[str, ArticleDraft]]) -> None:
        nonlocal writing
        if writing is not None:
            writing.result()  # raises what the previous batch raised
        writing = writer.submit(_write, database, drafts, summary, cluster=grouping) if drafts else None

    try:
        while next_chunk < len(chunks) or tasks:
            if cancelled and cancelled():
                summary.interrupted = True
                break
            while next_chunk < len(chunks) and len(tasks) < in_flight:
                tasks.add(runner.submit(prepare_chunk, chunks[next_chunk], options))
                next_chunk += 1
            results, tasks = runner.wait_any(tasks)
            for prepared in (p for result in results for p in result):
                done += 1
                if prepared.draft is None:
                    summary.refused.append(Refusal(prepared.name, prepared.reason or "refused"))
                elif dry_run:
                    summary.note(prepared.name, 0, prepared.draft)
                else:
                    pending.append((prepared.name, prepared.draft))
            if len(pending) >= batch:
                flush(pending)
                pending = []
            if progress:
                rate = (len(summary.stored) + len(pending)) / max(time.perf_counter() - started, 1e-9)
                progress(done, total, f"{rate:.1f} articles/s")
        flush(pending)  # finished, or cancelled between tasks: what is prepared is kept
        flush([])
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        runner.close()
        writer.shutdown(wait=True)  # a batch being written commits or rolls back whole
        summary.seconds = time.perf_counter() - started
    return summary
