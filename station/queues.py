"""What the station lists and shows: the review queues and one item's details, read from the store.
Reading only; decisions go through the library functions (see :mod:`station.app`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from hub.records import (
    BankReceipt,
    Declaration,
    FieldSource,
    Invoice,
    Match,
    Order,
    PartialRecord,
    Record,
    SourceFile,
    StatementLine,
)
from hub.records.declaration import form_text
from hub.review import document_record
from hub.store import Store
from station.config import field_label, label

#: Record fields never shown as a field to review.
HIDDEN_FIELDS = {"file_sha256", "lines", "warnings"}


def party_of(record: Record | None) -> str:
    """The issuer or bank a reviewer filters by."""
    if record is None:
        return ""
    for name in ("seller_name", "bank", "counterparty_name", "payer_name", "buyer_name"):
        value = getattr(record, name, None)
        if value and value != "unknown":
            return str(value)
    return ""



@dataclass
class DocumentRow:
    """A line of the documents queue."""

    source: SourceFile
    record: Record | None
    party: str
    age_days: int | None
    name: str


def documents_queue(store: Store, *, kind: str = "", party: str = "", min_age: int | None = None,
                    today: date | None = None) -> list[DocumentRow]:
    """Files in status needs_review, oldest first, filtered by kind, issuer/bank (part of the name) and age."""
    today = today or datetime.now(UTC).date()
    rows = []
    for source in store.all(SourceFile, status="needs_review"):
        if kind and source.kind != kind:
            continue
        record = document_record(store, source)
        who = party_of(record)
        if party and party.casefold() not in who.casefold():
            continue
        age = (today - _received(source)).days if _received(source) else None
        if min_age is not None and (age is None or age < min_age):
            continue
        rows.append(DocumentRow(source, record, who, age, source.path.rsplit("/", 1)[-1]))
    rows.sort(key=lambda r: (-(r.age_days or 0), r.name))
    return rows


def _received(source: SourceFile) -> date | None:
    """When the file came in: as recorded, else the file's modification day."""
    if source.received_at:
        return source.received_at.date()
    try:
        return datetime.fromtimestamp(Path(source.path).stat().st_mtime, UTC).date()
    except OSError:
        return None


@dataclass
class FieldRow:
    """A field of a document under review."""

    name: str
    label: str
    value: str
    confidence: float
    page: int | None
    box: tuple[float, float, float, float] | None
    text: str | None
    flagged: bool
    warnings: list[str] = field(default_factory=list)
    #: the fields (line cells) a value printed nowhere was computed from: ``lines[0].cartons`` ...
    computed_from: list[str] = field(default_factory=list)

    @property
    def computed_text(self) -> str:
        """``由第 1-3 行 箱数 相加 summed from lines 1-3 (cartons)`` for a total computed from line cells."""
        from hub.review import LINE_FIELD

        cells = [m for c in self.computed_from if (m := LINE_FIELD.fullmatch(c))]
        if not cells:
            return ""
        rows = sorted({int(m.group(1)) + 1 for m in cells})
        span = f"{rows[0]}-{rows[-1]}" if len(rows) > 1 and rows == list(range(rows[0], rows[-1] + 1)) else \
            ", ".join(map(str, rows))
        zh, _, en = label("line_fields", cells[0].group(2)).partition(" ")
        return f"未印出，由第 {span} 行{zh}相加 — printed nowhere: summed from lines {span} ({en or zh})"


def document_fields(source: SourceFile, record: Record | None) -> list[FieldRow]:
    """Every field read or expected, low confidence (and missing) first."""
    if record is None:
        return []
    names = [n for n in type(record).model_fields if n not in HIDDEN_FIELDS]
    shown = set(source.fields) | set(source.review_fields)
    if isinstance(record, PartialRecord):
        shown |= set(record.REQUIRED)
    rows = []
    for name in names:
        if name not in shown:
            continue
        src: FieldSource | None = source.fields.get(name)
        conf = src.confidence if src else 0.0
        warnings = [w for w in source.warnings if name in w or label("fields", name).split(" ")[0] in w]
        rows.append(FieldRow(name, field_label(source.kind, name), form_text(getattr(record, name)), conf,
                             src.page if src else None, src.box if src else None, src.text if src else None,
                             name in source.review_fields or getattr(record, name) is None, warnings,
                             list(src.computed_from or []) if src else []))
    rows.sort(key=lambda r: (not r.flagged, r.confidence, r.name))
    return rows


def next_document(store: Store, after: str) -> str | None:
    """The sha256 of the document after ``after`` in the queue (or the first other one)."""
    queue = [r.source.sha256 for r in documents_queue(store)]
    if after in queue:
        i = queue.index(after)
        rest = queue[i + 1:] + queue[:i]
    else:
        rest = queue
    return rest[0] if rest else None


def source_index(store: Store) -> dict[str, SourceFile]:
    """``kind:key`` of every record read from a file, to that file."""
    return {ref: source for source in store.all(SourceFile, status=["stored", "needs_review"])
            for ref in source.record_keys}


def source_of(store: Store, kind: str, key: str, index: dict[str, SourceFile] | None = None) -> SourceFile | None:
    """The file a record was read from (its SourceFile lists ``kind:key``)."""
    return (index if index is not None else source_index(store)).get(f"{kind}:{key}")


@dataclass
class PaymentView:
    """A payment to decide, with what it is and where it came from."""

    match: Match
    date: date | None
    payer: str
    amount: Decimal
    currency: str
    memo: str
    bank: str
    source: SourceFile | None = None


def payment_view(store: Store, match: Match, *, with_source: bool = False) -> PaymentView:
    """The payment behind a proposal, as the reviewer reads it."""
    if match.payment_kind == "receipt":
        rec = store.get(BankReceipt, match.payment_key)
        view = PaymentView(match, rec.value_date if rec else None, (rec.payer_name or "") if rec else "",
                           match.payment_amount, match.currency, rec.memo if rec else "", (rec.bank or "") if rec else "")
    else:
        line = store.get(StatementLine, match.payment_key)
        memo = " ".join(x for x in ((line.description, line.reference or "") if line else ()) if x)
        view = PaymentView(match, (line.value_date or line.booking_date) if line else None,
                           (line.counterparty_name or "") if line else "", match.payment_amount, match.currency,
                           memo, line.bank if line else "")
    if with_source:
        view.source = source_of(store, match.payment_kind, match.payment_key)
    return view


def payments_queue(store: Store) -> list[PaymentView]:
    """Proposals waiting for a person (review, then unmatched), oldest payment first."""
    items = [payment_view(store, m) for m in store.all(Match, status=["review", "unmatched"])]
    items.sort(key=lambda v: (v.match.status != "review", v.date or date.max, v.match.payment_key))
    return items


def target_label(store: Store, kind: str, key: str, fallback: str | None) -> str:
    """What a clerk recognises of an invoice or order: its number and buyer."""
    if kind == "invoice":
        inv = store.get(Invoice, key)
        if inv is not None:
            credit = f" · 红字/贷项 credit note of {inv.original_number or '?'}" if inv.document_type == "credit_note" else ""
            return f"{inv.number} · {inv.buyer_name or ''} · {inv.total} {inv.currency or ''}{credit}"
    else:
        order = store.get(Order, key)
        if order is not None:
            return f"{order.external_id} · {order.customer_name or ''}"
    return fallback or key


def declarations_queue(store: Store) -> list[Declaration]:
    """Declarations a person decides (draft, returned), warnings first."""
    decls = store.all(Declaration, status=["draft", "returned"])
    decls.sort(key=lambda d: (-len(d.blocking), -len(d.warnings), d.number))
    return decls


def where_from(store: Store, decl: Declaration, source: str | None,
               index: dict[str, SourceFile] | None = None) -> tuple[SourceFile | None, str | None]:
    """The document file a declaration value came from and the field on it, for ``invoice:HR26E0011 total``
    or ``packing_list:PL-1 total_cartons``; (None, None) when it was not read from a stored document."""
    if not source or ":" not in source:
        return None, None
    kind, _, rest = source.partition(":")
    field_name = rest.split(" ")[-1] if " " in rest else None
    key = {"invoice": decl.invoice_key, "packing_list": decl.packing_list_key}.get(kind)
    if not key:
        return None, None
    return source_of(store, kind, key, index), field_name


@dataclass
class LineCell:
    """One cell of a document's line items."""

    name: str  # lines[0].amount
    value: str
    confidence: float
    flagged: bool
    #: where the cell was read (page, box in the page's unit, text), when the reader recorded it
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    text: str | None = None


@dataclass
class LineTable:
    """A document's line items as the reviewer edits them: columns, and cells per line."""

    columns: list[tuple[str, str]]  # (field, label)
    rows: list[list[LineCell]]

    @property
    def flagged(self) -> int:
        """How many cells to check."""
        return sum(c.flagged for row in self.rows for c in row)

    @property
    def first_flagged(self) -> str | None:
        """The first cell to check (``lines[11].description``), where the cursor starts."""
        return next((c.name for row in self.rows for c in row if c.flagged), None)


def document_lines(source: SourceFile, record: Record | None) -> LineTable | None:
    """The record's lines with each cell's confidence; cells to check flagged."""
    lines = getattr(record, "lines", None)
    if not lines:
        return None
    names = [n for n in type(lines[0]).model_fields if n != "line_no"]
    review = set(source.review_fields)
    rows = []
    for i, line in enumerate(lines):
        cells = []
        for name in names:
            key = f"lines[{i}].{name}"
            src = source.fields.get(key)
            conf = src.confidence if src else 1.0
            cells.append(LineCell(key, form_text(getattr(line, name)), conf, key in review or conf < 0.9,
                                  src.page if src else None, src.box if src else None, src.text if src else None))
        rows.append(cells)
    return LineTable([(n, label("line_fields", n)) for n in names], rows)


def review_field_label(name: str) -> str:
    """``第3行 金额 line 3 amount`` for ``lines[2].amount``, else the field's label."""
    from hub.review import LINE_FIELD

    match = LINE_FIELD.fullmatch(name)
    if match:
        n, attr = int(match.group(1)) + 1, match.group(2)
        zh, _, en = label("line_fields", attr).partition(" ")
        return f"第{n}行 {zh} line {n} {en or attr}"
    return label("fields", name)


@dataclass
class Decided:
    """A decision from the audit log, for the home page."""

    at: datetime
    actor: str
    action: str
    kind: str
    key: str
    note: str | None
    count: int = 1  # the same decision on the same item, in a row (a declaration's field corrections)


#: Audit actions that are a person's decision, by prefix.
DECISION_ACTIONS = ("document:confirmed", "document:reopened", "decision:", "customs:approved", "customs:rejected", "customs:correction")


def recent_decisions(store: Store, *, limit: int = 15, actor: str | None = None) -> list[Decided]:
    """The latest decisions (newest first), optionally by one reviewer."""
    from sqlalchemy import or_, select

    from hub.schema import audit_events as ev

    query = select(ev.c.at, ev.c.actor, ev.c.action, ev.c.kind, ev.c.key, ev.c.note).where(
        or_(*(ev.c.action.like(f"{a}%") if a.endswith(":") else ev.c.action == a for a in DECISION_ACTIONS)))
    if actor:
        query = query.where(ev.c.actor == actor)
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(ev.c.id.desc()).limit(limit * 10)).all()
    out: list[Decided] = []
    for row in rows:
        d = Decided(*row)
        last = out[-1] if out else None
        if last is not None and (last.actor, last.action, last.kind, last.key) == (d.actor, d.action, d.kind, d.key):
            last.count += 1
            continue
        if len(out) == limit:
            break
        out.append(d)
    return out


def decided_link(d: Decided) -> str | None:
    """The station page of a decision's item."""
    from urllib.parse import quote

    if d.kind == "source_file":
        return f"/documents/{d.key}"
    if d.kind == "match":
        return f"/payments/{quote(d.key, safe='')}"
    if d.kind == "declaration":
        return f"/declarations/{quote(d.key, safe='')}"
    return None


def decided_text(store: Store, d: Decided) -> tuple[str, str]:
    """(decision, item) as a reviewer reads them: words, the file name, the payer and amount, the number."""
    action = d.action
    if action.startswith("decision:confirm "):
        what = f"{label('decisions', 'decision:confirm')} #{action.rsplit(' ', 1)[-1]}"
    else:
        what = label("decisions", action)
    item = d.key
    if d.kind == "source_file":
        source = store.get(SourceFile, d.key)
        item = source.path.rsplit("/", 1)[-1] if source else d.key[:12]
    elif d.kind == "match":
        match = store.get(Match, d.key)
        if match is not None:
            view = payment_view(store, match)
            item = f"{view.payer or '—'} · {view.amount:,.2f} {view.currency} · {view.date or ''}"
    return what, item


def decisions_by(store: Store) -> dict[str, tuple[int, datetime | None]]:
    """Per reviewer: how many decisions they took and when the last one was (for the reviewers page)."""
    from sqlalchemy import func, or_, select

    from hub.schema import audit_events as ev

    query = select(ev.c.actor, func.count(), func.max(ev.c.at)).where(
        or_(*(ev.c.action.like(f"{a}%") if a.endswith(":") else ev.c.action == a for a in DECISION_ACTIONS))
    ).group_by(ev.c.actor)
    with store.engine.connect() as conn:
        return {actor: (n, at) for actor, n, at in conn.execute(query)}
