"""Review-station sessions in the store (a hashed token, the reviewer, an expiry), so that logins survive a
restart and are shared by every station process on one store.

Revision ID: 0005_station_sessions
Revises: 0004_learned_fields
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_station_sessions"
down_revision = "0004_learned_fields"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(128), nullable=False),
        sa.Column("created_at_ms", sa.BigInteger, nullable=False),
        sa.Column("expires_at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_station_sessions_expires", "station_sessions", ["expires_at_ms"])


def downgrade() -> None:
    op.drop_index("ix_station_sessions_expires", "station_sessions")
    op.drop_table("station_sessions")
