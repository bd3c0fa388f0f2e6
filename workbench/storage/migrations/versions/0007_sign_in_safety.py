"""sign-in attempts counted in the database; indexed duplicate keys of sources

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 01:20:00

The failure lock moves from a per-process dictionary to a table, so it survives restarts, is shared by
every server process and cannot be evicted by a flood of other usernames. Sources get two indexed keys
(the SHA-256 of the normalised URL, the comparable publisher) so a duplicate check reads the few
candidates instead of the whole library; existing sources are filled in here. Figures that an older
revision 0002 left as plain numbers ("2 %", "×3" from revision 0001) get their kind back.

Safe to re-run after a crash: every table, column and index is created only when missing, and the
keys are filled only where still empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
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

    _source_keys()
    _figure_kinds()


def _figure_kinds() -> None:
    """Databases upgraded from 0001 before revision 0002 kept the kind lost its figures' kinds: "2 %"
    and "×3" became plain numbers. Give them back the kind the unit says (as the source form does)."""
    figures = sa.table("reported_figures", sa.column("kind", sa.String), sa.column("unit", sa.String))
    plain = figures.c.kind == "number"
    op.execute(figures.update().where(plain, figures.c.unit == "%").values(kind="percent"))
    op.execute(figures.update().where(plain, figures.c.unit == "×").values(kind="multiplier", unit=None))


def _source_keys() -> None:
    bind = op.get_bind()
    columns = {c["name"] for c in sa.inspect(bind).get_columns("sources")}
    missing = [
        sa.Column(name, sa.String(length=size), nullable=True)
        for name, size in (("url_key", 64), ("publisher_key", 200))
        if name not in columns
    ]
    if missing:
        with op.batch_alter_table("sources") as batch:
            for column in missing:
                batch.add_column(column)
    indexes = {i["name"] for i in sa.inspect(bind).get_indexes("sources")}
    for name in ("url_key", "publisher_key"):
        if f"ix_sources_{name}" not in indexes:
            op.create_index(op.f(f"ix_sources_{name}"), "sources", [name], unique=False)
    # the keys as new sources get them
    from workbench.storage.source_keys import publisher_key, url_key

    sources = sa.table(
        "sources", sa.column("id", sa.Integer), sa.column("url", sa.String),
        sa.column("publisher", sa.String), sa.column("url_key", sa.String),
        sa.column("publisher_key", sa.String),
    )  # fmt: skip
    rows = bind.execute(
        sa.select(sources.c.id, sources.c.url, sources.c.publisher).where(sources.c.publisher_key.is_(None))
    ).all()
    for start in range(0, len(rows), 1_000):
        bind.execute(
            sa.update(sources).where(sources.c.id == sa.bindparam("row_id")),
            [
                {"row_id": i, "url_key": url_key(url), "publisher_key": publisher_key(publisher)}
                for i, url, publisher in rows[start : start + 1_000]
            ],
        )


def downgrade() -> None:
    for name in ("url_key", "publisher_key"):
        op.drop_index(op.f(f"ix_sources_{name}"), table_name="sources")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("publisher_key")
        batch.drop_column("url_key")
    op.drop_index(op.f("ix_sign_in_attempts_window_start"), table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
