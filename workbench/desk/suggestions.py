"""Suggested sources for a claim: the two-stage ranker over an index kept in step with the library.

``LibraryIndex`` is built once per database and brought up to date by ``refresh``: new sources
(ids above the last indexed one) are added to the sparse index; a library that shrank or changed
otherwise is re-indexed. The page caches one ``LibraryIndex`` per database (st.cache_resource).
With a ``store`` the index is saved after it changes and a new process loads it instead of
building it again (``workbench.desk.index_store``).
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from claims.models import Claim, DateRef, Entity
from sources.matching import SourceIndex, build_index, rank_sources
from sources.observations import period_label
from workbench.desk.index_store import IndexStore, SavedIndex
from workbench.domain.records import ClaimRecord
from workbench.storage.sources_store import StoredSource, load_sources, source_revision


@dataclass(frozen=True)
class Suggestion:
    """A ranked source for a claim, with why it was suggested and the figures that match."""

    source_id: int
    title: str
    publisher: str | None
    published: str | None
    rank: int
    score: float
    reasons: tuple[str, ...]
    figure_ids: tuple[int, ...]  # the source's figures that agree with the claim's, best first
    figure_labels: tuple[str, ...] = ()


@dataclass
class LibraryIndex:
    """The sparse index of every stored source, keyed by the library's revision.

    ``builds`` counts the times the index was built from scratch (a second process with the same
    ``store`` loads instead: 0); ``loaded`` says it started from the saved index.
    """

    revision: tuple[int, ...] = (0, 0, 0)
    index: SourceIndex = field(default_factory=lambda: build_index([]))
    stored: list[StoredSource] = field(default_factory=list)
    store: IndexStore | None = None
    builds: int = 0
    loaded: bool = False
    _saved_size: int | None = field(default=None, repr=False)  # None: the store was not read yet
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def for_database(cls, url: str) -> LibraryIndex:
        """An empty index saved to and loaded from the database's own index file."""
        return cls(store=IndexStore.for_database(url))

    def refresh(self, session: Session) -> tuple[int, ...]:
        """Bring the index up to date with the database; returns the revision indexed."""
        revision = source_revision(session)
        with self._lock:
            if self.store is not None and self._saved_size is None:
                self._load(revision)
            if revision == self.revision:
                return revision
            top, count = self.revision[:2]
            new = load_sources(session, after_id=top)
            # additions only: as many new sources as the count grew, and no source edited since
            if count + len(new) == revision[1] and top <= revision[0] and self.revision[2:] == revision[2:]:
                self.index.add([s.source for s in new])  # only additions since the last revision
                self.stored.extend(new)
                self.builds += count == 0  # the first fill of an empty index is a build too
            else:  # something was removed: index again from scratch
                self.stored = load_sources(session)
                self.index = build_index([s.source for s in self.stored])
                self.builds += 1
                self._saved_size = 0
            self.revision = revision
            self._save()
            return revision

    def _load(self, revision: tuple[int, ...]) -> None:
        """Start from the saved index when it is not ahead of the database."""
        saved = self.store.load()
        self._saved_size = 0
        if saved is None or saved.revision[0] > revision[0] or saved.revision[1] > revision[1]:
            return
        self.revision, self.index, self.stored = saved.revision, saved.index, saved.stored
        self.loaded, self._saved_size = True, len(saved.stored)

    def _save(self) -> None:
        """Save when built anew or grown by 1 % since the last save (a file per added source would
        cost more than adding the few new ones again in the next process)."""
        saved = self._saved_size or 0
        if self.store is None or len(self.stored) - saved < max(1, saved // 100):
            return
        self.index.sparse.prepare()  # the lazy BM25 index goes into the file too
        self.store.save(SavedIndex(self.revision, self.index, self.stored))
        self._saved_size = len(self.stored)


def claim_from_record(record: ClaimRecord) -> Claim:
    """The claim engine's record of a stored claim (statistics, dates and entities as stored)."""
    stats = tuple(s.statistic() for s in record.statistics)
    facets = record.facets or {}
    dates = tuple(
        DateRef(d["surface"], tuple(d["span"]), d.get("start"), d.get("end")) for d in facets.get("dates", [])
    )
    entities = tuple(
        Entity(e["surface"], tuple(e["span"]), e.get("name"), e.get("kind"))
        for e in facets.get("entities", [])
    )
    return Claim(record.text, (record.start, record.end), record.sentence_no, stats, dates, entities)


def _label(stored: StoredSource, position: int) -> str:
    figure = stored.source.figures[position]
    text = figure.surface or f"{figure.value:g}{' ' + figure.unit if figure.unit else ''}"
    return text + (f" ({period_label(figure.period)})" if figure.period else "")


def suggest_sources(
    library: LibraryIndex,
    claim: ClaimRecord,
    *,
    k: int = 5,
    lang: str | None = None,
    exclude: Collection[int] = (),
) -> list[Suggestion]:
    """The ``k`` best sources for ``claim`` with their reasons, leaving out the ``exclude`` ids (the
    sources already linked). Call ``library.refresh`` first."""
    if not library.stored:
        return []
    with library._lock:
        ranked = rank_sources(claim_from_record(claim), library.index, k=k + len(exclude), lang=lang)
        candidates = [c for c in ranked if library.stored[c.position].id not in exclude][:k]
        stored = [library.stored[c.position] for c in candidates]
    suggestions = []
    for rank, (candidate, item) in enumerate(zip(candidates, stored, strict=True), start=1):
        # best-fitting figure first: the "Link #N…" button pre-fills it
        positions = [item.source.figures.index(f) for f in candidate.matched_figures]
        suggestions.append(
            Suggestion(
                source_id=item.id,
                title=item.source.title,
                publisher=item.source.publisher,
                published=item.source.published,
                rank=rank,
                score=candidate.score,
                reasons=candidate.reasons,
                figure_ids=tuple(item.figure_ids[i] for i in positions),
                figure_labels=tuple(_label(item, i) for i in positions),
            )
        )
    return suggestions
