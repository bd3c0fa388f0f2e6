"""source history, versions and archived copies

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 07:10:00

A source can be edited and deleted: each change is a row of ``source_changes`` (kept after the source
is gone, with the links it had), a source carries a version so a stale edit is refused, and a fetched
source keeps what was fetched: the time, the final URL after redirects, the content's SHA-256 and size.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reviewer", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_changes")),
    )
    with op.batch_alter_table("source_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_changes_source_id"), ["source_id"], unique=False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("fetched_url", sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column("fetched_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("fetched_bytes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("fetched_bytes")
        batch_op.drop_column("fetched_sha256")
        batch_op.drop_column("fetched_url")
        batch_op.drop_column("fetched_at")
        batch_op.drop_column("version")
    with op.batch_alter_table("source_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_changes_source_id"))
    op.drop_table("source_changes")
