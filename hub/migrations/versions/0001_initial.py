"""Records, links and the append-only audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("key", sa.String(512), nullable=False),
        sa.Column("status", sa.String(32)),
        sa.Column("party", sa.String(256)),
        sa.Column("doc_date", sa.String(10)),
        sa.Column("amount", sa.Numeric(20, 6)),
        sa.Column("currency", sa.String(3)),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "key", name="uq_records_kind_key"),
    )
    op.create_index("ix_records_kind_status", "records", ["kind", "status"])
    op.create_index("ix_records_kind_party", "records", ["kind", "party"])
    op.create_table(
        "links",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("from_kind", sa.String(32), nullable=False),
        sa.Column("from_key", sa.String(512), nullable=False),
        sa.Column("relation", sa.String(32), nullable=False),
        sa.Column("to_kind", sa.String(32), nullable=False),
        sa.Column("to_key", sa.String(512), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("from_kind", "from_key", "relation", "to_kind", "to_key", name="uq_links"),
    )
    op.create_index("ix_links_to", "links", ["to_kind", "to_key"])
    op.create_table(
        "audit_events",
        sa.Column("id", Id, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("key", sa.String(512), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("note", sa.Text),
        sa.Column("attachment", sa.Text),
    )
    op.create_index("ix_audit_subject", "audit_events", ["kind", "key"])
    # The audit log is append-only: the database itself refuses to change or delete an event.
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )


def downgrade() -> None:
    op.drop_table("audit_events")
    op.drop_table("links")
    op.drop_table("records")
