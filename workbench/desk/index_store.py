"""The sources index saved between app processes: one file per database, at the library revision it indexes.

Building the index of 100,000 sources takes a minute (the character n-gram vocabulary above all);
loading the saved one takes seconds. Each database has one file holding the revision, the sparse
index and the stored sources it was built from: beside a SQLite database file (``NAME.db.sources-index``,
so it goes where the database goes), else under ``data/indexes/`` (or WORKBENCH_INDEX_DIR), named
by a hash of the database URL. A process loads it at start and adds what was stored since. The
file is written to a temporary name and renamed, so a reader never sees half a file; one that
cannot be read (a truncated disk), or was written by other code (``code_fingerprint``: the modules
whose objects it holds and the versions of bm25s and scikit-learn), is ignored and the index rebuilt.
It is a pickle: only this application writes it, in its own data folder, never from user input.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.config import REPO_ROOT

FORMAT = 1
LOG = logging.getLogger(__name__)


@functools.cache
def code_fingerprint() -> str:
    """A hash of the code whose objects the file holds: a saved index from other code is not loaded
    (a record class that gained a field would otherwise come back without it)."""
    import bm25s
    import sklearn

    import sources.analysis
    import sources.geography
    import sources.matching
    import sources.models
    import sources.retrieval
    import sources.series
    import sources.series_match
    import sources.vocabulary.countries
    import sources.vocabulary.en
    import sources.vocabulary.fr
    from workbench.storage import series_store, sources_store

    digest = hashlib.sha256(f"{bm25s.__version__} {sklearn.__version__}".encode())
    modules = (
        sources.analysis, sources.matching, sources.models, sources.retrieval, sources_store,
        # what a series is indexed under: its facts, document and other languages' words
        sources.series, sources.series_match, sources.geography, series_store,
        sources.vocabulary.countries, sources.vocabulary.en, sources.vocabulary.fr,
    )  # fmt: skip
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def index_folder() -> Path:
    """Where saved indexes live: WORKBENCH_INDEX_DIR, else data/indexes in the checkout."""
    configured = os.environ.get("WORKBENCH_INDEX_DIR", "").strip()
    return Path(configured) if configured else REPO_ROOT / "data" / "indexes"


@dataclass(frozen=True)
class SavedIndex:
    """What is saved: the library revision, the search index and the stored sources, same order."""

    revision: tuple[int, ...]
    index: object
    stored: list


@dataclass(frozen=True)
class IndexStore:
    """The file of one database's sources index."""

    path: Path

    @classmethod
    def for_database(cls, url: str, folder: Path | None = None) -> IndexStore:
        """The store for the database at ``url`` (the URL is hashed: a password never reaches a name)."""
        if url.startswith("sqlite:///") and folder is None and ":memory:" not in url:
            database_file = Path(url.removeprefix("sqlite:///").split("?", 1)[0])
            return cls(database_file.with_name(database_file.name + ".sources-index"))
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
        return cls((folder or index_folder()) / f"sources-{digest}.pickle")

    def load(self) -> SavedIndex | None:
        """The saved index, or None when there is none or it cannot be read."""
        try:
            with self.path.open("rb") as handle:
                saved = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as error:  # any unreadable file means: build again
            LOG.warning("ignoring the saved sources index %s: %s", self.path, error)
            return None
        if not isinstance(saved, dict) or (saved.get("format"), saved.get("code")) != (
            FORMAT,
            code_fingerprint(),
        ):
            LOG.info("the saved sources index %s was written by other code: building it again", self.path)
            return None
        return SavedIndex(tuple(saved["revision"]), saved["index"], saved["stored"])

    def save(self, saved: SavedIndex) -> None:
        """Write the index atomically (temporary file, then rename)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": FORMAT, "code": code_fingerprint(), "revision": saved.revision,
                   "index": saved.index, "stored": saved.stored}  # fmt: skip
        descriptor, name = tempfile.mkstemp(dir=self.path.parent, prefix=".saving-")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(name, self.path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
