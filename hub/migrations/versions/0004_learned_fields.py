"""Learned fields: where an issuer prints a field (label and box), from reviewers' corrections.

Revision ID: 0004_learned_fields
Revises: 0003_claims
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_learned_fields"
down_revision = "0003_claims"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "learned_fields",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("issuer", sa.String(300), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("label", sa.String(200)),
        sa.Column("side", sa.String(8)),
        sa.Column("page", sa.Integer),
        sa.Column("x0", sa.Numeric(8, 6)),
        sa.Column("y0", sa.Numeric(8, 6)),
        sa.Column("x1", sa.Numeric(8, 6)),
        sa.Column("y1", sa.Numeric(8, 6)),
        sa.Column("sample", sa.String(500)),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("learned_by", sa.String(128), nullable=False),
        sa.Column("learned_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "issuer", "field", name="uq_learned_fields"),
    )


def downgrade() -> None:
    op.drop_table("learned_fields")
