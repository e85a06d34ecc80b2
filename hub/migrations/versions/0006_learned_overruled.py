"""Learned fields remember the value a correction overruled: the reader had read it confidently, so on that
issuer's next document its own confident reading of the field gives way to the learned label.

Revision ID: 0006_learned_overruled
Revises: 0005_station_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_learned_overruled"
down_revision = "0005_station_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("learned_fields") as batch:
        batch.add_column(sa.Column("overruled", sa.String(500)))


def downgrade() -> None:
    with op.batch_alter_table("learned_fields") as batch:
        batch.drop_column("overruled")
