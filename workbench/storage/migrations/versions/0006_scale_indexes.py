"""queue indexes for a million claims (PostgreSQL)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 01:20:00

At 1,000,000 claims the queue's counts per status read every live claim and the verdict filters
read every verdict. Two covering indexes let PostgreSQL answer from the index alone (index-only
scans, no visit of the claims' wide rows):

- ``ix_claims_live_queue``: live claims by (worthiness, id) with their status — the page order, the
  check-worthiness range and the counts per status, on a partial index of live claims only;
- ``ix_verdicts_current``: verdicts by (claim_id, id) with rating and reviewer — "is there a newer
  verdict for this claim" and the current verdict's rating in one probe.

SQLite is left as it is (its planner makes no index-only scans of INCLUDE columns; 100,000 claims
take about 0.1 s there).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_index(
        "ix_claims_live_queue",
        "claims",
        ["worthiness", "id"],
        postgresql_include=["status"],
        postgresql_where=sa.text("retired IS false"),
    )
    op.create_index(
        "ix_verdicts_current", "verdicts", ["claim_id", "id"], postgresql_include=["rating", "reviewer"]
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_verdicts_current", table_name="verdicts")
    op.drop_index("ix_claims_live_queue", table_name="claims")
