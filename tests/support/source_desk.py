"""A desk where a source is cited by a published verdict, as a reviewer and an editor would leave it."""

from __future__ import annotations

from sqlalchemy import select

from workbench.domain.auth import User
from workbench.storage.database import open_database
from workbench.storage.evidence import link_evidence
from workbench.storage.schema import ClaimRow, SourceRow
from workbench.storage.verdicts import get_claim, publish_verdict, record_verdict

EDITOR = User("ed", "Ed Itor", "editor")


def source_id_titled(database_url: str, words: str) -> int:
    """The id of the stored source whose title contains ``words`` (case-insensitive)."""
    database = open_database(database_url, migrate=False)
    with database.session() as session:
        found = [i for i, t in session.execute(select(SourceRow.id, SourceRow.title)) if words in t.lower()]
    database.engine.dispose()
    (source_id,) = found
    return source_id


def cite_in_published_verdict(database_url: str, source_id: int, *, rating: str = "Mostly true") -> int:
    """Link the source to the first stored claim, propose a verdict citing it, publish it; the claim id."""
    database = open_database(database_url, migrate=False)
    with database.session() as session:
        claim_id = session.scalar(select(ClaimRow.id).order_by(ClaimRow.id).limit(1))
        link_evidence(session, claim_id=claim_id, source_id=source_id, stance="supports", reviewer="ana")
    with database.session() as session:
        claim = get_claim(session, claim_id)
        version = record_verdict(
            session,
            claim_id=claim_id,
            rating=rating,
            rationale="The source says so.",
            reviewer="ana",
            expected_version=claim.version,
            source_ids=[source_id],
        )
        publish_verdict(session, claim_id=claim_id, publisher=EDITOR, expected_version=version)
    database.engine.dispose()
    return claim_id
