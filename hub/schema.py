"""Database tables. Each record kind shares one table keyed by (kind, natural key); the full record is
kept as JSON beside a few indexed columns for queries. Changes go through Alembic migrations."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# BigInteger ids autoincrement on PostgreSQL; SQLite needs INTEGER PRIMARY KEY for that.
Id = BigInteger().with_variant(Integer, "sqlite")

records = Table(
    "records",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("key", String(512), nullable=False),
    Column("status", String(32)),
    Column("party", String(256), doc="customer code or name, payer, seller ..."),
    Column("doc_date", String(10), doc="ISO date of the document"),
    Column("amount", Numeric(20, 6)),
    Column("currency", String(3)),
    Column("fingerprint", String(64), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("kind", "key", name="uq_records_kind_key"),
    Index("ix_records_kind_status", "kind", "status"),
    Index("ix_records_kind_party", "kind", "party"),
)

links = Table(
    "links",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("from_kind", String(32), nullable=False),
    Column("from_key", String(512), nullable=False),
    Column("relation", String(32), nullable=False, doc="duplicate_of, invoices, delivers, pays, source ..."),
    Column("to_kind", String(32), nullable=False),
    Column("to_key", String(512), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("from_kind", "from_key", "relation", "to_kind", "to_key", name="uq_links"),
    Index("ix_links_to", "to_kind", "to_key"),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("key", String(512), nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Column("note", Text),
    Column("attachment", Text),
    Index("ix_audit_subject", "kind", "key"),
)

# Reviewers of the review station: a password hash (scrypt, salted), never the password. Not a record:
# hashes never reach the records' audit payloads.
users = Table(
    "users",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("role", String(16), nullable=False, doc="finance, customs or admin"),
    Column("password_hash", String(256), nullable=False, doc="scrypt$n$r$p$salt$hash (hex)"),
    Column("active", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("sha256", String(64), primary_key=True, doc="the file's content hash"),
    Column("owner", String(200), nullable=False, doc="who holds it: host, process and flow run"),
    Column("lease_until_ms", BigInteger, nullable=False, doc="epoch ms; after it anyone may take the file"),
    Column("claimed_at_ms", BigInteger, nullable=False),
    Column("attempts", Integer, nullable=False, doc="how many times the file was claimed"),
    Column("done_at_ms", BigInteger, doc="set when the file's records were committed"),
)

# Where an issuer prints a field, learned from a reviewer's correction (hub/layouts.py): the label the
# value stood beside and the value's box as fractions of its page. One row per (kind, issuer, field).
learned_fields = Table(
    "learned_fields",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False, doc="record kind: invoice, receipt"),
    Column("issuer", String(300), nullable=False, doc="tax:<id>, name:<normalised name> or bank:<name>"),
    Column("field", String(64), nullable=False),
    Column("label", String(200), doc="the text the value stood beside (right of it or above it)"),
    Column("side", String(8), doc="right (value right of the label, or in the label's word) or below"),
    Column("page", Integer),
    Column("x0", Numeric(8, 6)),
    Column("y0", Numeric(8, 6)),
    Column("x1", Numeric(8, 6)),
    Column("y1", Numeric(8, 6)),
    Column("sample", String(500), doc="the corrected value it was learned from"),
    Column("overruled", String(500), doc="the value the reader had read confidently that the correction replaced"),
    Column("source_sha256", String(64), nullable=False, doc="the document it was learned from"),
    Column("learned_by", String(128), nullable=False),
    Column("learned_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("kind", "issuer", "field", name="uq_learned_fields"),
)

# Review-station logins (station/sessions.py): the SHA-256 of the session token (the token itself lives only
# in the reviewer's cookie), whose session it is, and until when (epoch ms; moved on as the reviewer works).
station_sessions = Table(
    "station_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True, doc="sha256 of the cookie's token (hex)"),
    Column("user_name", String(128), nullable=False, doc="the reviewer (users.name)"),
    Column("created_at_ms", BigInteger, nullable=False),
    Column("expires_at_ms", BigInteger, nullable=False, doc="after it the session is gone"),
    Index("ix_station_sessions_expires", "expires_at_ms"),
)
