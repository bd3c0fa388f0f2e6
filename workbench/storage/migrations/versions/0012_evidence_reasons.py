"""evidence links record why: the reasons of the suggestion a source was linked from

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 10:30:00

``evidence.reasons`` holds the suggestion's reasons as a JSON list of sentences ("measures: production of
arms", "geography: Ukraine matches", "covers 2021–2024") when a reviewer linked a suggested source; an
empty list for a link made by hand, and for every link recorded before this revision.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reasons", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("reasons")
