"""claim statuses follow the verdict's steps: proposed and published instead of checked

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 07:00:00

A proposed verdict no longer marks a claim "checked": a claim whose current (newest) verdict is proposed
is "proposed" (waiting to publish), one whose current verdict is published is "published". A claim marked
"checked" by hand without any verdict had nothing published for it: it is "checking". Downgrading maps
both verdict statuses back to "checked" (the hand-marked ones cannot be told apart any more).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

claims = sa.table("claims", sa.column("id", sa.Integer), sa.column("status", sa.String))
verdicts = sa.table(
    "verdicts", sa.column("id", sa.Integer), sa.column("claim_id", sa.Integer), sa.column("state", sa.String)
)


def _current_state():
    """The state of the claim's newest verdict (NULL without one), as a correlated subquery."""
    newer = verdicts.alias("newer")  # its own name: the two reads of verdicts must not correlate
    newest = (
        sa.select(sa.func.max(newer.c.id))
        .where(newer.c.claim_id == claims.c.id)
        .correlate_except(newer)  # claims is the UPDATE's own row, two levels up
        .scalar_subquery()
    )
    return sa.select(verdicts.c.state).where(verdicts.c.id == newest).scalar_subquery()


def upgrade() -> None:
    # one statement: the whole mapping lands or none of it (SQLite and PostgreSQL alike)
    state = _current_state()
    op.execute(
        claims.update()
        .where(claims.c.status == "checked")
        .values(
            status=sa.case(
                (state == "published", "published"), (state == "proposed", "proposed"), else_="checking"
            )
        )
    )


def downgrade() -> None:
    op.execute(claims.update().where(claims.c.status.in_(("proposed", "published"))).values(status="checked"))
