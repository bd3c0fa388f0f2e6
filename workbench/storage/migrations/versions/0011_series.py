"""statistical series: a source of kind "series" keeps its metadata and its values by period

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 07:45:00

``series`` holds what is measured, unit and scale, geography, frequency and provenance (dataset, series
code, retrieval time, the file) of a source, with the key duplicates are found by; ``series_points`` its
values in period order, each with its period's bounds, standard label and flags.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=500), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("scale", sa.Float(), nullable=False),
        sa.Column("unit_label", sa.String(length=200), nullable=True),
        sa.Column("geography", sa.String(length=200), nullable=True),
        sa.Column("frequency", sa.String(length=8), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("dimensions", sa.JSON(), nullable=False),
        sa.Column("dataset", sa.String(length=300), nullable=True),
        sa.Column("series_code", sa.String(length=300), nullable=True),
        sa.Column("retrieved_at", sa.String(length=40), nullable=True),
        sa.Column("file_name", sa.String(length=500), nullable=True),
        sa.Column("format", sa.String(length=20), nullable=True),
        sa.Column("provenance_key", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_series_source_id_sources"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint("source_id", name=op.f("uq_series_source_id")),
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_series_provenance_key"), ["provenance_key"], unique=False)
    op.create_table(
        "series_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=True),
        sa.Column("period_start", sa.String(length=10), nullable=True),
        sa.Column("period_end", sa.String(length=10), nullable=True),
        sa.Column("granularity", sa.String(length=20), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_series_points_series_id_series"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_points")),
    )
    with op.batch_alter_table("series_points", schema=None) as batch_op:
        batch_op.create_index("ix_series_points_series_position", ["series_id", "position"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("series_points", schema=None) as batch_op:
        batch_op.drop_index("ix_series_points_series_position")
    op.drop_table("series_points")
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_provenance_key"))
    op.drop_table("series")
