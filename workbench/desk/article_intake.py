"""Storing an article as the desk does: its claims in one transaction, then grouped with their repeats."""

from __future__ import annotations

import contextlib

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.domain.errors import DuplicateArticleError
from workbench.domain.records import ArticleDraft
from workbench.storage.articles import find_duplicate, insert_article
from workbench.storage.database import BusyError, Database


def add_article(session: Session, draft: ArticleDraft, *, recluster: bool = True) -> int:
    """Store an article with its claims in one transaction; a duplicate text is refused.
    ``recluster=False``: the caller clusters the new claims itself (a bulk ingestion does it per batch)."""
    article_id = insert_article(session, draft)
    if recluster:
        from workbench.desk.repeated import recluster_after_add  # imported late: it loads the retrieval stack

        recluster_after_add(session, article_id)
    return article_id


def store_article(database: Database, draft: ArticleDraft) -> int:
    """An article stored in its own transaction; the same text stored by another session meanwhile (two
    reviewers submitting at once) is reported as the duplicate it is, never as a database error.

    Its claims join the clusters of their repeats in a second transaction: comparing thousands of claims
    takes seconds, and SQLite's write lock is not held while they are compared (a 5,000-claim paste held
    it 28 s). Should that step fail, the article is stored and `workbench recluster` groups it later.
    """
    try:
        with database.session() as session:
            article_id = insert_article(session, draft)
    except IntegrityError as error:  # unique text hash: another session committed between check and insert
        with database.session() as session:
            existing = find_duplicate(session, draft.text)
        if existing is None:
            raise
        raise DuplicateArticleError(existing.id, existing.title) from error
    from workbench.desk.repeated import recluster_after_add  # imported late: it loads the retrieval stack

    # reads and compares first, writes the few changed cluster ids last, run again if that met a lock;
    # a BusyError ("nothing was saved") would be wrong here, the article is stored: `recluster` catches up
    with contextlib.suppress(BusyError):
        database.run(lambda session: recluster_after_add(session, article_id))
    return article_id
