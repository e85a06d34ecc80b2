"""Claims: which worker is ingesting which file (by sha256), until when (a lease).

Revision ID: 0003_claims
Revises: 0002_users
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_claims"
down_revision = "0002_users"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("lease_until_ms", sa.BigInteger, nullable=False),
        sa.Column("claimed_at_ms", sa.BigInteger, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("done_at_ms", sa.BigInteger),
    )


def downgrade() -> None:
    op.drop_table("claims")
