"""Review: write a declaration's workbook, apply a clerk's corrections (from the workbook or as edits) with the
clerk's name in the audit log, and approve. Only a declaration without blocking warnings is approved; an
approved declaration's HS codes are what :class:`customs.hs.HsIndex` and the next prefill prefer.

Every correction is one audit event ``customs:correction`` (actor: the clerk, before/after: the field's value);
the field's source becomes ``clerk:<name>``. Applying the same workbook twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from customs.codes import FIELD_TABLES, CodeTables
from customs.lint import Documents, lint
from customs.prefill import PREFILL_RULES, Context
from customs.sources import review_warnings
from hub.errors import InputError, RecordError
from hub.records import Declaration, DeclarationItem, DeclarationWarning, Invoice, PackingList
from hub.records.declaration import HEADER_LABELS, ITEM_LABELS
from hub.store import Store
from hub.validation import check_iso_date, to_decimal
from reports.declaration import ITEM_FIXED, ITEMS_SHEET, read_declaration, write_declaration

DECIMAL_FIELDS = {"gross_weight", "net_weight", "freight", "insurance", "other_charges", "legal_qty1",
                  "legal_qty2", "quantity", "unit_price", "total"}
EDITABLE_STATUSES = ("draft", "approved", "returned", "rejected")


@dataclass
class Applied:
    """What applying did."""

    number: str
    corrections: list[tuple[str, Any, Any]] = field(default_factory=list)   # (field, before, after)
    status: str = "draft"
    blocking: list[DeclarationWarning] = field(default_factory=list)


def choices(tables: CodeTables) -> dict[str, list[str]]:
    """Dropdown values per declaration field, from the code tables."""
    return {name: tables[table].choices() for name, table in FIELD_TABLES.items()}


def write_workbook(decl: Declaration, path: str | Path, tables: CodeTables | None = None) -> Path:
    """The review workbook of a declaration."""
    return write_declaration(path, decl, choices(tables or CodeTables.load()))


def _parse(name: str, text: str, tables: CodeTables, where: str) -> Any:
    """A cell's text as the field's value (None when empty)."""
    if text == "":
        return None
    table = tables.for_field(name)
    if table is not None:
        found = table.lookup(text)
        if found is None:
            raise InputError(f"{where}: {text!r} is not a code of {table.path.name}")
        return found
    bare = name.removeprefix("item.")
    try:
        if bare in DECIMAL_FIELDS:
            return to_decimal(text)
        if bare == "packages":
            return int(to_decimal(text))
        if bare == "declare_date":                 # a date cell reads back as "2026-03-15 00:00:00"
            return check_iso_date(text.removesuffix(" 00:00:00"))
    except (ValueError, ArithmeticError) as exc:
        raise InputError(f"{where}: {text!r} is not a valid {bare} ({exc})") from None
    return text


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        try:
            return a is not None and b is not None and Decimal(a) == Decimal(b)
        except (ArithmeticError, ValueError):
            return False
    if isinstance(a, date) or isinstance(b, date):
        return str(a) == str(b)
    return (a or None) == (b or None)


def edits_from_workbook(path: str | Path, tables: CodeTables) -> tuple[str, dict[str, Any]]:
    """The declaration number and the fields the clerk changed: ``{"gross_weight": Decimal, "item.2.hs_code": ..}``.
    Every cell that cannot be read is reported, in one :class:`InputError` naming each cell."""
    back = read_declaration(path)
    written = Declaration.model_validate(back.written)
    edits: dict[str, Any] = {}
    bad: list[str] = []

    def parse(name: str, text: str, where: str) -> Any:
        try:
            return _parse(name, text, tables, where)
        except InputError as exc:
            bad.append(str(exc))
            return _UNREAD

    for name, text in back.header.items():
        value = parse(name, text, back.cells.get(name, name))
        if value is not _UNREAD and not _same(value, getattr(written, name)):
            edits[name] = value
    by_no = {item.item_no: item for item in written.items}
    for row in back.items:
        no = row.get("item_no", "")
        if not no.isdigit() or int(no) not in by_no:
            bad.append(f"{ITEMS_SHEET}: item {no!r} is not an item of {back.number} (rows cannot be added)")
            continue
        old = by_no[int(no)]
        for name, text in row.items():
            if name in ITEM_FIXED:
                continue
            value = parse(f"item.{name}", text, back.cells.get(f"item.{no}.{name}", name))
            if value is not _UNREAD and not _same(value, getattr(old, name)):
                edits[f"item.{no}.{name}"] = value
    if bad:
        raise InputError(f"{len(bad)} cell(s) cannot be used; nothing was applied:\n  " + "\n  ".join(bad),
                         source=str(path))
    return back.number, edits


_UNREAD = object()


def _elements(item: DeclarationItem, spec: str, required: tuple[str, ...] | list[str] = ()) -> dict[str, str]:
    """申报要素 by name from an edited 规格型号: positional on the names the tariff requires for the item's HS code
    (``required``) unless the old names hold them all (then on the old names); extra parts as 其他N."""
    old = list(item.elements)
    names = old if set(required) <= set(old) else list(required)
    parts = spec.split("|")
    return {(names[i] if i < len(names) else f"其他{i + 1}"): part for i, part in enumerate(parts)}


def apply_edits(store: Store, number: str, edits: dict[str, Any], *, by: str, approve: bool = False,
                context: Context | None = None, note: str | None = None) -> Applied:
    """Apply corrections to a stored declaration (audited under ``by``), re-lint it, and approve when asked.

    Raises :class:`InputError` for an unknown declaration, one already filed, or an approval refused while
    blocking warnings remain (the corrections are stored before that refusal)."""
    if not by.strip():
        raise InputError("corrections need the clerk's name (--by)")
    decl = store.get(Declaration, number)
    if decl is None:
        raise InputError(f"no declaration {number!r} in the store")
    if edits and decl.status not in EDITABLE_STATUSES:
        raise InputError(f"declaration {number} is {decl.status}: it can no longer be corrected")
    ctx = context or Context()
    data = decl.model_dump()
    corrections: list[tuple[str, Any, Any]] = []
    for name, value in edits.items():
        if name.startswith("item."):
            _, no, fname = name.split(".", 2)
            if fname not in ITEM_LABELS or fname in ITEM_FIXED:
                raise InputError(f"{name}: not a correctable item field")
            item = data["items"][int(no) - 1]
            before = item[fname]
            if _same(before, value):
                continue
            item[fname] = value
            item["sources"][fname] = f"clerk:{by}"
            if fname == "spec":
                entry = ctx.tariff.get(str(item.get("hs_code") or ""))
                item["elements"] = _elements(decl.items[int(no) - 1], value or "", entry.elements if entry else ())
        else:
            if name not in HEADER_LABELS:
                raise InputError(f"{name}: not a declaration header field")
            before = data[name]
            if _same(before, value):
                continue
            data[name] = value
            data["sources"][name] = f"clerk:{by}"
        corrections.append((name, before, value))
    try:
        updated = Declaration.model_validate(data)
    except ValidationError as exc:
        raise RecordError(exc, source=f"declaration {number}") from None
    if corrections and updated.status in ("approved", "returned", "rejected"):
        updated.status, updated.approved_by = "draft", None      # a changed declaration is reviewed again
    invoice = store.get(Invoice, updated.invoice_key) if updated.invoice_key else None
    packing = store.get(PackingList, updated.packing_list_key) if updated.packing_list_key else None
    kept = [w for w in decl.warnings if w.rule in PREFILL_RULES and not _fixed(w, updated)]
    updated.warnings = (kept + lint(Documents(updated, invoice, packing, ctx.tables, ctx.tariff), ctx.rules)
                        + review_warnings(store, updated))
    result = Applied(number, corrections, updated.status, updated.blocking)
    approving = approve and not updated.blocking and updated.status != "approved"
    if approving:
        updated.status, updated.approved_by = "approved", by
        result.status = "approved"
    with store.batch(by) as batch:
        batch.upsert([updated], note=note)
        for name, before, after in corrections:
            batch.event("customs:correction", updated, before={name: _json(before)}, after={name: _json(after)},
                        note=note or f"{name} corrected by {by}")
        if approving:
            batch.event("customs:approved", updated, after={"status": "approved"}, note=f"approved by {by}")
    if approve and updated.blocking:
        listed = "; ".join(str(w) for w in updated.blocking[:5])
        raise InputError(f"declaration {number} not approved: {len(updated.blocking)} blocking warning(s) remain"
                         f" ({listed}){' - corrections saved' if corrections else ''}")
    return result


def _fixed(warning: DeclarationWarning, decl: Declaration) -> bool:
    """A prefill warning on a field a clerk has since filled in (for packing lists: cartons and weights) is
    resolved; the linter still checks the values themselves."""
    def by_clerk(name: str) -> bool:
        return decl.source_of(name).startswith("clerk:")

    if warning.rule in ("missing_packing_list", "foreign_packing_list"):
        return all(by_clerk(n) for n in ("packages", "gross_weight", "net_weight"))
    return by_clerk(warning.field.removeprefix("header."))


def _json(value: Any) -> Any:
    if isinstance(value, Decimal | date):
        return str(value)
    return value


def apply_workbook(store: Store, path: str | Path, *, by: str, approve: bool = False,
                   context: Context | None = None) -> Applied:
    """Apply a returned review workbook (see :func:`apply_edits`)."""
    if not by.strip():
        raise InputError("corrections need the clerk's name (--by)")
    ctx = context or Context()
    number, edits = edits_from_workbook(path, ctx.tables)
    return apply_edits(store, number, edits, by=by, approve=approve, context=ctx,
                       note=f"from workbook {Path(path).name}")


def edits_from_text(decl: Declaration, texts: dict[str, str], tables: CodeTables | None = None) -> dict[str, Any]:
    """The fields a reviewer changed, from the text of a form (``{"gross_weight": "120.5", "item.2.hs_code":
    "8481804090"}``), parsed as the workbook's cells are; unchanged values are left out. Raises
    :class:`InputError` naming the field for a value its field does not accept."""
    tables = tables or CodeTables.load()
    edits: dict[str, Any] = {}
    items = {item.item_no: item for item in decl.items}
    for name, text in texts.items():
        text = text.strip()
        if name.startswith("item."):
            _, no, fname = name.split(".", 2)
            if not no.isdigit() or int(no) not in items or fname not in ITEM_LABELS or fname in ITEM_FIXED:
                raise InputError(f"{name}: not a correctable item field of {decl.number}")
            value = _parse(f"item.{fname}", text, tables, f"{ITEM_LABELS[fname]} (item {no})")
            if not _same(value, getattr(items[int(no)], fname)):
                edits[name] = value
        else:
            if name not in HEADER_LABELS:
                raise InputError(f"{name}: not a declaration header field")
            value = _parse(name, text, tables, HEADER_LABELS[name])
            if not _same(value, getattr(decl, name)):
                edits[name] = value
    return edits
