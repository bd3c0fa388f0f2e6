"""claim text trigram index (PostgreSQL)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:40:00

The queue's words filter is ILIKE '%…%', which no B-tree serves; PostgreSQL's pg_trgm extension
indexes it. SQLite is left as it is (it scans; 100,000 claims take about 0.1 s there).
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # pg_trgm ships with PostgreSQL and is a trusted extension: the database owner may create it
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.create_index(
        "ix_claims_text_trgm",
        "claims",
        ["text"],
        postgresql_using="gin",
        postgresql_ops={"text": "gin_trgm_ops"},
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_claims_text_trgm", table_name="claims")
