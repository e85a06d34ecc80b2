"""The store: idempotent upserts of records on their natural keys, links between records, and the
append-only audit log. SQLite (one file, WAL) by default, PostgreSQL by URL; the same code for both.

Writes happen in batches: ``with store.batch(actor) as batch: batch.upsert(records)``. A batch is one
transaction: if anything in it fails, nothing of it is written.

Many writers (several workers on one PostgreSQL): a record is inserted with ``INSERT ... ON CONFLICT DO
NOTHING`` on its natural key and otherwise updated under ``SELECT ... FOR UPDATE``, rows are written in
key order, and links are inserted on conflict do nothing; so two processes writing the same records never
duplicate one, never fail on the unique key, and exactly one of them audits its creation.
:meth:`Store.transaction` (and :meth:`Store.upsert`) re-run the whole transaction when PostgreSQL aborts it
for a serialisation failure or a deadlock (SQLSTATE 40001/40P01) or SQLite answers "database is locked".
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    Table,
    Text,
    cast,
    create_engine,
    event,
    exists,
    func,
    literal,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from hub.errors import StoreError
from hub.records import RECORD_TYPES, Record
from hub.records.base import payload_fingerprint
from hub.schema import audit_events, links, records
from hub.settings import Settings, load_settings

R = TypeVar("R", bound=Record)
T = TypeVar("T")
log = logging.getLogger(__name__)

# Which record fields fill the indexed columns (first one present wins): data, not branches.
INDEXED_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "party": {"default": ("customer_code", "customer_name", "payer_name", "buyer_name", "counterparty_name",
                          "code", "sku")},
    "doc_date": {"default": ("order_date", "issue_date", "value_date", "booking_date", "signed_date", "payment_date")},
    "amount": {"default": ("total", "amount", "payment_amount")},
}


#: per (record class, field names): the names the class has (a field or a property); the others are None
_HAS: dict[tuple[type, tuple[str, ...]], tuple[str, ...]] = {}


def _first(record: Record, names: tuple[str, ...]) -> Any:
    cls = type(record)
    has = _HAS.get((cls, names))
    if has is None:  # a missing name costs pydantic's __getattr__ and an AttributeError on every record
        has = _HAS[(cls, names)] = tuple(n for n in names if n in cls.model_fields or hasattr(cls, n))
    for name in has:
        value = getattr(record, name, None)
        if value is not None:
            return value
    return None


class Payload(dict):
    """A record's payload with its JSON text made once, for its row and its audit event (the engine's JSON
    serializer, :func:`json_text`, takes the text as it is): one ``json.dumps`` a saved record, not two.
    :meth:`plain` is the same dump with ``ensure_ascii=False`` (an ``--json`` line's); :meth:`text` is
    derived from it where the two differ only by the escapes of the Basic Multilingual Plane."""

    __slots__ = ("_plain", "_text")

    def plain(self) -> str:
        """``json.dumps(payload, ensure_ascii=False)``, made on first use."""
        try:
            return self._plain
        except AttributeError:
            self._plain: str = json.dumps(self, ensure_ascii=False)
            return self._plain

    def text(self) -> str:
        """``json.dumps`` of the payload (what SQLAlchemy's JSON type writes), made on first use: the plain
        text with each character beyond ASCII written ``\\uxxxx`` (``backslashreplace``, as ``json.dumps``
        writes it), unless a character ``json.dumps`` escapes otherwise is in it (U+007F-U+00FF as
        ``\\u00xx``, a character beyond U+FFFF as a surrogate pair): then dumped again."""
        try:
            return self._text
        except AttributeError:
            plain = self.plain()
            if "\x7f" in plain:
                self._text: str = json.dumps(self)
            elif plain.isascii():
                self._text = plain
            else:
                text = plain.encode("ascii", "backslashreplace").decode("ascii")
                # "\\x" / "\\U": backslashreplace's escapes of U+0080-U+00FF and beyond U+FFFF (or, harmlessly,
                # an escaped backslash before an x or U: dumped again too)
                self._text = json.dumps(self) if "\\x" in text or "\\U" in text else text
            return self._text


def json_text(value: Any) -> str:
    """The store engine's JSON serializer: SQLAlchemy's default (``json.dumps``), a :class:`Payload`'s
    text made once."""
    if value is None:
        return "null"
    return value.text() if type(value) is Payload else json.dumps(value)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class UpsertResult:
    """What a batch did: keys inserted, updated, and left unchanged."""

    inserted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def __add__(self, other: UpsertResult) -> UpsertResult:
        return UpsertResult(self.inserted + other.inserted, self.updated + other.updated,
                            self.unchanged + other.unchanged)

    @property
    def changed(self) -> int:
        """Number of records written (inserted or updated)."""
        return len(self.inserted) + len(self.updated)


@dataclass(frozen=True)
class AuditEvent:
    """One entry of the audit log."""

    at: datetime
    actor: str
    action: str
    kind: str
    key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None
    attachment: str | None


#: rows per bulk statement of :meth:`Batch.upsert_noted` (about 12 parameters a row)
BULK_ROWS = 500


@dataclass
class _Row:
    """A record as the ``records`` table stores it, with its audit note and attachment."""

    index: int
    kind: str
    key: str
    columns: dict[str, Any]
    note: str | None
    attachment: str | None

    @classmethod
    def of(cls, index: int, record: Record, note: str | None, attachment: str | None,
           payload: dict[str, Any] | None = None) -> _Row:
        if record.KIND not in RECORD_TYPES:
            raise StoreError(f"{type(record).__name__} is not a stored record kind")
        return cls(index, record.KIND, record.natural_key(), row_columns(record, _now(), payload), note, attachment)


def _parts(rows: list[_Row]) -> Iterator[list[_Row]]:
    for n in range(0, len(rows), BULK_ROWS):
        yield rows[n:n + BULK_ROWS]


class Batch:
    """Writes inside one transaction. Use through :meth:`Store.batch`."""

    #: on SQLite, new records and their audit events in plain SQL with tuples (:meth:`_insert_lite`);
    #: off, SQLAlchemy's compiled statements (PostgreSQL's way; a test compares the two)
    plain_sql = True

    def __init__(self, conn: Connection, actor: str) -> None:
        self._conn = conn
        self.actor = actor
        self.result = UpsertResult()

    @property
    def conn(self) -> Connection:
        """The batch's connection (for the store's own modules, e.g. :mod:`hub.claims`)."""
        return self._conn

    def upsert(self, items: Iterable[Record], *, note: str | None = None, attachment: str | None = None,
               payloads: Sequence[dict[str, Any]] | None = None) -> UpsertResult:
        """Insert new records, update changed ones, leave equal ones alone; audit every change.

        Rows are written in (kind, key) order, so concurrent batches lock them in one order; the result
        lists keys in the order given. ``payloads``: each record's ``payload()`` made already (in the
        order of ``items``; e.g. also written to a file), not made again."""
        return self.upsert_noted(((record, note, attachment) for record in items), payloads)

    def upsert_noted(self, entries: Iterable[tuple[Record, str | None, str | None]],
                     payloads: Sequence[dict[str, Any]] | None = None) -> UpsertResult:
        """:meth:`upsert` with a note and an attachment of its own for each record (``(record, note,
        attachment)``), e.g. the file each record of an ingested chunk came from.

        Set-based: the stored rows of every key are read (and locked, in key order) in one statement per
        :data:`BULK_ROWS` keys, the new records inserted in one ``INSERT ... ON CONFLICT DO NOTHING`` per
        :data:`BULK_ROWS` rows and their "created" audit events written in one statement. A record that
        another writer inserted meanwhile, a changed record and a key given twice go the one-by-one way,
        so the outcome is that of upserting each record in turn."""
        entries = list(entries)
        rows = sorted((_Row.of(index, record, note, attachment, payloads[index] if payloads is not None else None)
                       for index, (record, note, attachment) in enumerate(entries)),
                      key=lambda r: (r.kind, r.key, r.index))
        firsts: dict[tuple[str, str], _Row] = {}
        again: list[_Row] = []
        for row in rows:
            if (row.kind, row.key) in firsts:
                again.append(row)
            else:
                firsts[(row.kind, row.key)] = row
        outcomes = self._upsert_bulk(list(firsts.values()))
        for row in again:  # the same key twice: the later one sees the earlier, as one by one
            outcomes[row.index] = self._upsert_row(row)
        result = UpsertResult()
        for index in sorted(outcomes):
            getattr(result, outcomes[index]).append(entries[index][0].natural_key())
        self.result = self.result + result
        return result

    def get(self, cls: type[R], key: str) -> R | None:
        """The record as this transaction sees it (to check a state before changing it, in one transaction)."""
        row = self._conn.execute(select(records.c.payload).where(records.c.kind == cls.KIND,
                                                                 records.c.key == key)).first()
        return cls.model_validate(row.payload) if row else None

    def with_key_prefix(self, cls: type[R], prefix: str) -> list[R]:
        """The records of this type whose natural key starts with ``prefix``, as this transaction sees them
        (a range of the unique index, not a scan)."""
        high = prefix[:-1] + chr(ord(prefix[-1]) + 1) if prefix else None
        query = select(records.c.payload).where(records.c.kind == cls.KIND, records.c.key >= prefix)
        if high is not None:
            query = query.where(records.c.key < high)
        return [cls.model_validate(row.payload) for row in self._conn.execute(query)]

    def existing_keys(self, cls: type[Record], keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` a record of this type has, as this transaction sees it."""
        return _existing_keys(self._conn, cls.KIND, keys)

    def retire(self, kind: str, key: str, *, replaced_by: str, note: str | None = None) -> bool:
        """Remove a record that another record replaces (a partial record whose key a person completed);
        the audit log keeps it. Returns True when there was such a record."""
        row = self._conn.execute(select(records.c.id, records.c.payload).where(records.c.kind == kind,
                                                                              records.c.key == key)).first()
        if row is None:
            return False
        self._conn.execute(records.delete().where(records.c.id == row.id))
        self._audit("replaced", kind, key, row.payload, {"replaced_by": replaced_by}, note, None)
        return True

    def _upsert_bulk(self, rows: list[_Row]) -> dict[int, str]:
        """Upsert rows of distinct keys, sorted by key: what is new in bulk, the rest one by one."""
        outcomes: dict[int, str] = {}
        stored: dict[tuple[str, str], str] = {}
        lite = self.plain_sql and self._conn.dialect.name == "sqlite"  # no statement compiled a row
        for part in _parts(rows):
            # one kind at a time: ``kind = ? AND key IN (...)`` searches the unique index, where SQLite scans
            # all of it for a row-value ``(kind, key) IN (...)`` (0.1-0.6 s a statement at 3M records)
            by_kind: dict[str, list[str]] = defaultdict(list)
            for r in part:
                by_kind[r.kind].append(r.key)
            for kind, keys in by_kind.items():
                if lite:
                    stored.update({(k, key): fp for k, key, fp in self._conn.exec_driver_sql(
                        _STORED_SQL.format(marks=",".join("?" * len(keys))), (kind, *keys))})
                    continue
                current = (select(records.c.kind, records.c.key, records.c.fingerprint)
                           .where(records.c.kind == kind, records.c.key.in_(keys))
                           .order_by(records.c.kind, records.c.key).with_for_update())
                stored.update({(x.kind, x.key): x.fingerprint for x in self._conn.execute(current)})
        new: list[_Row] = []
        for row in rows:
            fingerprint = stored.get((row.kind, row.key))
            if fingerprint is None:
                new.append(row)
            elif fingerprint == row.columns["fingerprint"]:
                outcomes[row.index] = "unchanged"
            else:
                outcomes[row.index] = self._upsert_row(row)
        now = _now()
        created: list[dict[str, Any]] = []
        lost: list[_Row] = []
        # one statement compiled once, executed for many rows (SQLAlchemy's insertmanyvalues batches them
        # with RETURNING); a statement with every row's values inline is compiled anew each time
        insert = (dialect_insert(self._conn, records).on_conflict_do_nothing(index_elements=["kind", "key"])
                  .returning(records.c.kind, records.c.key))
        for part in _parts(new):
            if lite:
                got = self._insert_lite(part, now)
            else:
                got = {(x.kind, x.key) for x in self._conn.execute(
                    insert, [dict(kind=r.kind, key=r.key, version=1, created_at=now, **r.columns) for r in part])}
            for row in part:
                if (row.kind, row.key) in got:
                    outcomes[row.index] = "inserted"
                    created.append(self._audit_row("created", row.kind, row.key, None, row.columns["payload"],
                                                   row.note, row.attachment, now))
                else:
                    lost.append(row)  # another writer inserted it since we looked (and committed)
        if created and lite:  # one executemany of tuples
            bind = _binders(self._conn, audit_events, _AUDIT_COLUMNS)
            self._conn.exec_driver_sql(_AUDIT_SQL, [tuple(b(e[c]) if b else e[c]
                                                          for c, b in zip(_AUDIT_COLUMNS, bind, strict=True))
                                                    for e in created])
        elif created:
            self._conn.execute(audit_events.insert(), created)
        for row in lost:
            outcomes[row.index] = self._upsert_row(row)
        return outcomes

    def _insert_lite(self, part: list[_Row], now: datetime) -> set[tuple[str, str]]:
        """SQLite: ``part`` inserted in one ``INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING RETURNING``
        of plain values, each bound by its column type's own processor (what SQLAlchemy's insert binds);
        the (kind, key) of each row inserted."""
        bind = _binders(self._conn, records, _INSERT_COLUMNS)
        values: list[Any] = []
        for r in part:
            row = {"kind": r.kind, "key": r.key, "version": 1, "created_at": now, **r.columns}
            values += [b(row[c]) if b else row[c] for c, b in zip(_INSERT_COLUMNS, bind, strict=True)]
        marks = "(" + ",".join("?" * len(_INSERT_COLUMNS)) + ")"
        sql = _INSERT_SQL.format(values=",".join([marks] * len(part)))
        return {(kind, key) for kind, key in self._conn.exec_driver_sql(sql, tuple(values))}

    def _upsert_row(self, item: _Row) -> str:
        """Upsert one record: insert it, or update it under ``SELECT ... FOR UPDATE`` when it changed."""
        kind, key, columns, note, attachment = item.kind, item.key, item.columns, item.note, item.attachment
        payload, fingerprint, now = columns["payload"], columns["fingerprint"], columns["updated_at"]
        current = (select(records.c.id, records.c.fingerprint, records.c.payload, records.c.version)
                   .where(records.c.kind == kind, records.c.key == key).with_for_update())
        row = self._conn.execute(current).first()
        if row is None:
            inserted = self._conn.execute(
                dialect_insert(self._conn, records).values(kind=kind, key=key, version=1, created_at=now, **columns)
                .on_conflict_do_nothing(index_elements=["kind", "key"]).returning(records.c.id)).first()
            if inserted is not None:
                self._audit("created", kind, key, None, payload, note, attachment)
                return "inserted"
            row = self._conn.execute(current).first()  # another writer inserted it meanwhile (and committed)
        if row.fingerprint == fingerprint:
            return "unchanged"
        changed = self._conn.execute(records.update().where(records.c.id == row.id, records.c.version == row.version)
                                     .values(version=row.version + 1, **columns))
        if changed.rowcount == 0:
            # another writer changed it after we read it (SQLite reads before its write lock is taken):
            # read it again, now inside the write transaction, and compare with what it has become
            row = self._conn.execute(current).first()
            if row.fingerprint == fingerprint:
                return "unchanged"
            self._conn.execute(records.update().where(records.c.id == row.id)
                               .values(version=row.version + 1, **columns))
        self._audit("updated", kind, key, row.payload, payload, note, attachment)
        return "updated"

    def link(self, from_record: Record | tuple[str, str], relation: str,
             to_record: Record | tuple[str, str]) -> bool:
        """Record that one record relates to another (idempotent). Returns True when the link is new."""
        fk, fkey = _subject(from_record)
        tk, tkey = _subject(to_record)
        exists = self._conn.execute(
            select(links.c.id).where(links.c.from_kind == fk, links.c.from_key == fkey,
                                     links.c.relation == relation, links.c.to_kind == tk, links.c.to_key == tkey)
        ).first()
        if exists:
            return False
        new = self._conn.execute(
            dialect_insert(self._conn, links).values(from_kind=fk, from_key=fkey, relation=relation, to_kind=tk,
                                              to_key=tkey, created_at=_now())
            .on_conflict_do_nothing(index_elements=["from_kind", "from_key", "relation", "to_kind", "to_key"])
            .returning(links.c.id)).first()
        if new is None:
            return False  # another writer linked them meanwhile
        self._audit(f"link:{relation}", fk, fkey, None, {"to": f"{tk}:{tkey}"}, None, None)
        return True

    def event(self, action: str, subject: Record | tuple[str, str], *, before: dict[str, Any] | None = None,
              after: dict[str, Any] | None = None, note: str | None = None,
              attachment: str | None = None) -> None:
        """Append a free-form event (a decision, a transition, an export) to the audit log."""
        kind, key = _subject(subject)
        self._audit(action, kind, key, before, after, note, attachment)

    def _audit(self, action: str, kind: str, key: str, before: Any, after: Any, note: str | None,
               attachment: str | None) -> None:
        self._conn.execute(audit_events.insert().values(
            **self._audit_row(action, kind, key, before, after, note, attachment, _now())))

    def _audit_row(self, action: str, kind: str, key: str, before: Any, after: Any, note: str | None,
                   attachment: str | None, at: datetime) -> dict[str, Any]:
        return {"at": at, "actor": self.actor, "action": action, "kind": kind, "key": key, "before": before,
                "after": after, "note": note, "attachment": attachment}


#: the columns :meth:`Batch._insert_lite` writes (all but the id), and the SQLite statements of the bulk save
_INSERT_COLUMNS = ("kind", "key", "status", "party", "doc_date", "amount", "currency", "fingerprint", "payload",
                   "version", "created_at", "updated_at")
_INSERT_SQL = ("INSERT INTO records (kind, key, status, party, doc_date, amount, currency, fingerprint, payload, "
               "version, created_at, updated_at) VALUES {values} ON CONFLICT (kind, key) DO NOTHING RETURNING kind, key")
_STORED_SQL = "SELECT kind, key, fingerprint FROM records WHERE kind = ? AND key IN ({marks}) ORDER BY kind, key"
_AUDIT_COLUMNS = ("at", "actor", "action", "kind", "key", "before", "after", "note", "attachment")
_AUDIT_SQL = ("INSERT INTO audit_events (at, actor, action, kind, key, before, after, note, attachment) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _binders(conn: Connection, table: Table, names: tuple[str, ...]) -> list[Callable[[Any], Any] | None]:
    """Each column's bind processor on this engine (None: the value goes as it is), e.g. a Numeric's
    float, a DateTime's text, a JSON column's :func:`json_text` (SQLAlchemy caches them by dialect)."""
    return [table.c[n].type._cached_bind_processor(conn.dialect) for n in names]


def _existing_keys(conn: Connection, kind: str, keys: Iterable[str]) -> set[str]:
    wanted = sorted(set(keys))
    found: set[str] = set()
    for n in range(0, len(wanted), BULK_ROWS):
        found.update(conn.execute(select(records.c.key).where(records.c.kind == kind,
                                                              records.c.key.in_(wanted[n:n + BULK_ROWS]))).scalars())
    return found


def row_columns(record: Record, now: datetime, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    """The columns of a record's row besides kind, key, version and created_at: the indexed fields
    (``INDEXED_FIELDS``), the payload (``payload``: ``record.payload()`` made already) and its fingerprint."""
    if type(payload) is not Payload:
        payload = Payload(record.payload() if payload is None else payload)
    amount = _first(record, INDEXED_FIELDS["amount"]["default"])
    doc_date = _first(record, INDEXED_FIELDS["doc_date"]["default"])
    party = _first(record, INDEXED_FIELDS["party"]["default"])
    return {
        "status": getattr(record, "status", None),
        "party": None if party is None else str(party)[:256],
        "doc_date": doc_date.isoformat() if doc_date is not None else None,
        "amount": amount,
        "currency": getattr(record, "currency", None),
        "fingerprint": payload_fingerprint(payload),
        "payload": payload,
        "updated_at": now,
    }


def dialect_insert(conn: Connection, table: Table) -> Insert:
    """The dialect's INSERT (PostgreSQL's and SQLite's both have ``on_conflict_do_nothing``)."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


#: SQLSTATEs after which PostgreSQL asks the client to run the transaction again.
RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected


def retriable(exc: BaseException) -> bool:
    """Whether a database error means "run the same transaction again": a PostgreSQL serialisation
    failure or deadlock, or SQLite's "database is locked" (another writer held it past busy_timeout)."""
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) in RETRY_SQLSTATES or getattr(orig, "pgcode", None) in RETRY_SQLSTATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(orig)


def _subject(item: Record | tuple[str, str]) -> tuple[str, str]:
    if isinstance(item, Record):
        return item.KIND, item.natural_key()
    return item


class Store:
    """Records, links and the audit log in one database."""

    def __init__(self, url: str | None = None, *, settings: Settings | None = None, migrate: bool = True) -> None:
        self.settings = settings or load_settings()
        self.url = url or self.settings.database_url
        if self.url.startswith("sqlite:///"):
            folder = Path(self.url.removeprefix("sqlite:///")).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the database folder {folder}: {exc.strerror}") from None
        self.engine: Engine = create_engine(self.url, future=True, json_serializer=json_text)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- schema ------------------------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the database to the newest schema (Alembic ``upgrade head``)."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("hub") / "migrations"))
        try:
            with self.engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
            if current == ScriptDirectory.from_config(cfg).get_current_head():
                return
            logging.getLogger("alembic").setLevel(logging.WARNING)
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":  # many workers may start on a fresh database at once
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7265011)")
                    if MigrationContext.configure(conn).get_current_revision() == \
                            ScriptDirectory.from_config(cfg).get_current_head():
                        return
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise StoreError(f"cannot open the database {self!r}: {exc.orig}") from None

    # -- writes ------------------------------------------------------------------------------------
    @contextmanager
    def batch(self, actor: str | None = None) -> Iterator[Batch]:
        """One transaction: every write inside it lands, or none does."""
        try:
            with self.engine.begin() as conn:
                yield Batch(conn, actor or self.settings.actor)
        except SQLAlchemyError as exc:
            raise StoreError(f"the batch was rolled back, nothing of it was written: {exc}") from exc

    def transaction(self, work: Callable[[Batch], T], actor: str | None = None, *, attempts: int = 8) -> T:
        """Run ``work(batch)`` in one transaction; when the database aborts it for a serialisation failure,
        a deadlock or a lock (see :func:`retriable`), roll back and run ``work`` again (up to ``attempts``
        times, with a growing random pause). ``work`` must only write through its batch."""
        for attempt in range(1, attempts + 1):
            try:
                with self.engine.begin() as conn:
                    return work(Batch(conn, actor or self.settings.actor))
            except DBAPIError as exc:
                if attempt < attempts and retriable(exc):
                    log.info("store transaction aborted (%s), retry %d of %d", type(exc.orig).__name__,
                             attempt, attempts - 1)
                    time.sleep(random.uniform(0.02, 0.1) * 2 ** min(attempt, 5))
                    continue
                raise StoreError(f"the batch was rolled back, nothing of it was written: {exc}") from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"the batch was rolled back, nothing of it was written: {exc}") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def upsert(self, items: Iterable[Record], *, actor: str | None = None, note: str | None = None) -> UpsertResult:
        """Upsert a batch in one transaction (see :class:`Batch`), re-run on a serialisation failure."""
        items = list(items)
        return self.transaction(lambda batch: batch.upsert(items, note=note), actor)

    # -- reads -------------------------------------------------------------------------------------
    def get(self, cls: type[R], key: str) -> R | None:
        """The record of this type with this natural key, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(records.c.payload).where(records.c.kind == cls.KIND, records.c.key == key)).first()
        return cls.model_validate(row.payload) if row else None

    def existing_keys(self, cls: type[Record], keys: Iterable[str] | None = None) -> set[str]:
        """Which of ``keys`` a record of this type has (every key of the type when ``keys`` is None), in a
        statement per :data:`BULK_ROWS` keys, without reading the records."""
        with self.engine.connect() as conn:
            if keys is None:
                return set(conn.execute(select(records.c.key).where(records.c.kind == cls.KIND)).scalars())
            return _existing_keys(conn, cls.KIND, keys)

    def all(self, cls: type[R], *, status: str | Iterable[str] | None = None,
            party: str | None = None) -> list[R]:
        """Every record of a type, optionally by status and party, in insertion order."""
        query = select(records.c.payload).where(records.c.kind == cls.KIND).order_by(records.c.id)
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            query = query.where(records.c.status.in_(statuses))
        if party is not None:
            query = query.where(records.c.party == party)
        with self.engine.connect() as conn:
            return [cls.model_validate(row.payload) for row in conn.execute(query)]

    def stream_records(self, cls: type[R], *, status: Iterable[str] | None = None,
                       without_match: Iterable[str] | None = None, chunk_size: int = 5000) -> Iterator[list[R]]:
        """Every record of a type (of these statuses; ``without_match`` as for :meth:`stream`), in insertion
        order as :meth:`all` reads them, in chunks of at most ``chunk_size`` records read with ``fetchmany``:
        one chunk of pydantic records in memory at a time."""
        query = select(records.c.payload).where(records.c.kind == cls.KIND).order_by(records.c.id)
        if status is not None:
            query = query.where(records.c.status.in_(list(status)))
        query = _without_match(query, cls, without_match)
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True).execute(query)
            while chunk := result.fetchmany(chunk_size):
                yield [cls.model_validate(row.payload) for row in chunk]
            result.close()

    def bulk_session(self) -> None:
        """SQLite: this store's connections tuned for one process saving much ("PRAGMA"s of
        :data:`BULK_PRAGMAS`, on each connection it opens from now on; keep the connection, e.g. do not
        dispose the engine between batches, or the cache goes with it). WAL and ``synchronous=NORMAL``
        stay: a committed batch survives the process crashing. No-op elsewhere."""
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            event.listen(self.engine, "connect", _bulk_pragmas)

    def analyze(self) -> None:
        """PostgreSQL: refresh the planner's statistics of the records table (in its own transaction). Bulk
        writes leave them stale (autovacuum analyzes later): a store analyzed before a million matches were
        saved is planned as if it held none, and reading the payments without a match then scans every
        match for every payment (the million's second part on: minutes per FETCH). No-op on SQLite."""
        if self.engine.dialect.name != "postgresql":
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"ANALYZE {records.name}")

    def stream_json(self, cls: type[Record], *, status: Iterable[str] | None = None,
                    chunk_size: int = 5000) -> Iterator[list[str]]:
        """The stored payloads of a type (of these statuses) as JSON text, in insertion order, in chunks of
        at most ``chunk_size``: no record parsed or validated (to copy many records to a file)."""
        query = select(cast(records.c.payload, Text)).where(records.c.kind == cls.KIND).order_by(records.c.id)
        if status is not None:
            query = query.where(records.c.status.in_(list(status)))
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True).execute(query)
            while chunk := result.fetchmany(chunk_size):
                yield [row[0] for row in chunk]
            result.close()

    def stream(self, cls: type[Record], fields: Sequence[str], *, parties: Iterable[str] | None = None,
               without_match: Iterable[str] | None = None, chunk_size: int = 5000,
               party_group: int = 500, in_order: bool = False) -> Iterator[list[tuple[Any, ...]]]:
        """Rows ``(key, *fields)`` of one record type, in chunks of at most ``chunk_size`` rows, in (party,
        key) order (by code point), read with ``fetchmany`` from one query at a time: never every record in memory, never a
        pydantic record. Field values are read from the payload in the database (JSON): text for amounts,
        dates and strings, None where absent, lists as JSON text.

        ``parties``: only the records of these parties (the indexed party column: an invoice's buyer name,
        a receipt's payer name, a customer's code), read ``party_group`` parties per query, in order.
        ``without_match``: only the payments with no match record of these statuses (e.g. ``("auto",
        "confirmed", "rejected")``: the ones still to decide). ``in_order``: in insertion order instead (as
        :meth:`all` reads them; with ``parties``, within each group of parties)."""
        query = _without_match(select(records.c.key, *(records.c.payload[name].as_string() for name in fields)).where(
            records.c.kind == cls.KIND), cls, without_match)
        if without_match is not None and self.engine.dialect.name == "postgresql":
            self.analyze()  # the anti-join is planned on how many matches there are now
        # code point order on both databases (PostgreSQL's default collation sorts by locale)
        binary = self.engine.dialect.name == "postgresql"
        query = query.order_by(records.c.id) if in_order else query.order_by(records.c.party.collate("C") if binary else records.c.party,
                               records.c.key.collate("C") if binary else records.c.key)
        if parties is None:
            groups: list[list[str] | None] = [None]
        else:
            wanted = sorted(set(parties))
            groups = [wanted[i:i + party_group] for i in range(0, len(wanted), party_group)]
        with self.engine.connect() as conn:
            for group in groups:
                result = conn.execution_options(stream_results=True).execute(
                    query if group is None else query.where(records.c.party.in_(group)))
                while chunk := result.fetchmany(chunk_size):
                    yield [tuple(row) for row in chunk]
                result.close()

    def parties(self, cls: type[Record]) -> list[str]:
        """The distinct party values of one record type (from the party index), in order."""
        query = select(records.c.party).where(records.c.kind == cls.KIND, records.c.party.is_not(None)).distinct()
        with self.engine.connect() as conn:
            return sorted(row.party for row in conn.execute(query))

    def count(self, cls: type[Record] | None = None, *, status: Iterable[str] | None = None) -> int:
        """How many records (of one type, or in all; of these statuses)."""
        query = select(func.count()).select_from(records)
        if cls is not None:
            query = query.where(records.c.kind == cls.KIND)
        if status is not None:
            query = query.where(records.c.status.in_(list(status)))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def links_of(self, subject: Record | tuple[str, str], relation: str | None = None) -> list[tuple[str, str, str, str]]:
        """Links from or to a record: (direction, relation, kind, key) with direction ``out`` or ``in``."""
        kind, key = _subject(subject)
        out = select(links.c.relation, links.c.to_kind, links.c.to_key).where(
            links.c.from_kind == kind, links.c.from_key == key)
        inn = select(links.c.relation, links.c.from_kind, links.c.from_key).where(
            links.c.to_kind == kind, links.c.to_key == key)
        if relation:
            out = out.where(links.c.relation == relation)
            inn = inn.where(links.c.relation == relation)
        with self.engine.connect() as conn:
            result = [("out", *row) for row in conn.execute(out)]
            result += [("in", *row) for row in conn.execute(inn)]
        return result

    def history(self, subject: Record | tuple[str, str], *, include_linked: bool = True) -> list[AuditEvent]:
        """Every audit event of a record (and of the records linked to it), oldest first."""
        kind, key = _subject(subject)
        subjects = {(kind, key)}
        if include_linked:
            subjects |= {(k, kk) for _, _, k, kk in self.links_of((kind, key))}
        clauses = [(audit_events.c.kind == k) & (audit_events.c.key == kk) for k, kk in subjects]
        from sqlalchemy import or_

        query = select(audit_events).where(or_(*clauses)).order_by(audit_events.c.id)
        with self.engine.connect() as conn:
            return [AuditEvent(r.at, r.actor, r.action, r.kind, r.key, r.before, r.after, r.note, r.attachment)
                    for r in conn.execute(query)]

    def find_keys(self, kind: str, fragment: str) -> list[str]:
        """Natural keys of a kind that equal or end with ``fragment`` (to find an order by its id alone)."""
        query = select(records.c.key).where(records.c.kind == kind,
                                            (records.c.key == fragment) | records.c.key.like(f"%|{fragment}"))
        with self.engine.connect() as conn:
            return [row.key for row in conn.execute(query)]

    def audit_count(self) -> int:
        """Number of events in the audit log."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(audit_events)).scalar_one())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


#: a bulk save's connection (:meth:`Store.bulk_session`), what each risks:
#: ``cache_size`` 256 MB of page cache (the records' unique key, status and party indexes and the audit log's
#: subject index are read back as rows go in; the default 2 MB reads their pages again from the OS each
#: batch): memory only, the process's RSS grows by up to that; ``temp_store`` sorts' temporary B-trees in
#: memory: memory only; ``wal_autocheckpoint`` 16,384 pages (64 MB) between checkpoints instead of 1,000
#: (each checkpoint syncs the WAL and the database file): nothing committed is lost (a commit is in the WAL;
#: ``synchronous=NORMAL`` and WAL are kept), the WAL file grows to about 64 MB before it is copied back, and a
#: reader beside the save searches a longer WAL. ``synchronous=OFF`` or ``journal_mode=OFF/MEMORY`` are not
#: used: they could lose or corrupt committed batches on a crash.
BULK_PRAGMAS = ("PRAGMA cache_size=-262144", "PRAGMA temp_store=MEMORY", "PRAGMA wal_autocheckpoint=16384")


def _bulk_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    for pragma in BULK_PRAGMAS:
        cur.execute(pragma)
    cur.close()


def _without_match(query: Any, cls: type[Record], statuses: Iterable[str] | None) -> Any:
    """``query`` of payments of ``cls`` limited to those with no match record of these statuses."""
    if statuses is None:
        return query
    decided = records.alias("decided")
    return query.where(~exists().where(decided.c.kind == "match",
                                       decided.c.key == literal(f"{cls.KIND}|") + records.c.key,
                                       decided.c.status.in_(list(statuses))))
