"""observations: period, base and modality of claim statistics and source figures

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 01:30:00

Every figure becomes a complete observation: the ISO bounds of the period it describes, its base (a
value and/or a period) and, for claim statistics, its modality and the words that gave period and base.
Source figures already kept their period and base as words ("2023", "2022"): those labels are read
into ISO bounds here, so stored figures compare by period at once; claim statistics are filled by
``python -m workbench rescore``, which re-reads the stored text. Figures also gain ``original`` and
``corrected_by``, to keep the engine's reading when a reviewer corrects one.
"""

import sqlalchemy as sa
from alembic import op

from sources.observations import period_from_label

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SHARED = (
    ("period_start", sa.String(length=10)),
    ("period_end", sa.String(length=10)),
    ("period_granularity", sa.String(length=20)),
    ("base_value", sa.Float()),
    ("base_unit", sa.String(length=40)),
    ("base_period_start", sa.String(length=10)),
    ("base_period_end", sa.String(length=10)),
)


def _add_shared(batch_op) -> None:
    for name, type_ in _SHARED:
        batch_op.add_column(sa.Column(name, type_, nullable=True))
    batch_op.add_column(sa.Column("period_open", sa.Boolean(), nullable=False, server_default=sa.false()))
    batch_op.add_column(sa.Column("base_conflict", sa.Boolean(), nullable=False, server_default=sa.false()))


def _fill_figure_periods() -> None:
    """Read the period and base labels figures already carry into ISO bounds (data kept as it was)."""
    bind = op.get_bind()
    figures = sa.table(
        "reported_figures",
        sa.column("id", sa.Integer()),
        sa.column("period", sa.String()),
        sa.column("base", sa.String()),
        sa.column("period_start", sa.String()),
        sa.column("period_end", sa.String()),
        sa.column("period_granularity", sa.String()),
        sa.column("period_open", sa.Boolean()),
        sa.column("base_period_start", sa.String()),
        sa.column("base_period_end", sa.String()),
    )
    rows = bind.execute(
        sa.select(figures.c.id, figures.c.period, figures.c.base).where(
            sa.or_(figures.c.period.is_not(None), figures.c.base.is_not(None))
        )
    ).all()
    for row in rows:
        period, base = period_from_label(row.period), period_from_label(row.base)
        values = {}
        if period is not None:
            values.update(
                period_start=period.start, period_end=period.end, period_granularity=period.granularity,
                period_open=period.open,
            )  # fmt: skip
        if base is not None and not base.open:
            values.update(base_period_start=base.start, base_period_end=base.end)
        if values:
            bind.execute(sa.update(figures).where(figures.c.id == row.id).values(**values))


def upgrade() -> None:
    with op.batch_alter_table("statistics", schema=None) as batch_op:
        _add_shared(batch_op)
        batch_op.add_column(sa.Column("period_surface", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("base_surface", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("modality", sa.String(length=20), nullable=True))
    with op.batch_alter_table("reported_figures", schema=None) as batch_op:
        _add_shared(batch_op)
        batch_op.add_column(sa.Column("original", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("corrected_by", sa.String(length=100), nullable=True))
    _fill_figure_periods()


def downgrade() -> None:
    names = [name for name, _ in _SHARED] + ["period_open", "base_conflict"]
    with op.batch_alter_table("reported_figures", schema=None) as batch_op:
        for name in [*names, "original", "corrected_by"]:
            batch_op.drop_column(name)
    with op.batch_alter_table("statistics", schema=None) as batch_op:
        for name in [*names, "period_surface", "base_surface", "modality"]:
            batch_op.drop_column(name)
