"""sign-in attempts counted in the database

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-05 01:20:00

The failure lock moves from a per-process dictionary to a table, so it survives restarts, is shared by
every server process and cannot be evicted by a flood of other usernames. Safe to re-run after a crash:
the table and its index are created only when missing.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("sign_in_attempts"):
        op.create_table(
            "sign_in_attempts",
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("window_start", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_attempts")),
        )
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("sign_in_attempts")}
    if "ix_sign_in_attempts_window_start" not in indexes:
        op.create_index(
            op.f("ix_sign_in_attempts_window_start"), "sign_in_attempts", ["window_start"], unique=False
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_sign_in_attempts_window_start"), table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
