"""The declaration's way from prefill to the single window, as store operations the ``customs-prefill`` flow calls:
prefill and store (keeping a clerk's corrections), pick what may be approved automatically, approve or reject,
and record what the single window answered (a returned declaration, 退单, goes back to review with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from customs.prefill import Context, invoices_of, merge, prefill_order
from customs.review import apply_edits
from hub.errors import InputError
from hub.records import Declaration, DeclarationWarning, Order
from hub.store import Store

#: Statuses a declaration can no longer be prefilled over (it went to customs).
SENT = ("filed", "accepted")


@dataclass
class Prefilled:
    """What a prefill run stored, and the orders it could not prefill (with the reason)."""

    declarations: list[Declaration] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def open_export_orders(store: Store) -> list[str]:
    """Keys of export orders (not tests, not cancelled) with a commercial invoice not declared to customs yet."""
    sent = {d.invoice_key for d in store.all(Declaration, status=SENT)}
    keys = []
    for order in store.all(Order):
        if not order.export or order.is_test or order.status == "cancelled":
            continue
        invoices = invoices_of(store, order)
        if invoices and any(inv.natural_key() not in sent for inv in invoices):
            keys.append(order.natural_key())
    return keys


def prefill_and_store(store: Store, orders: list[str] | None = None, *, actor: str,
                      context: Context | None = None) -> Prefilled:
    """Prefill the declarations of ``orders`` (default: :func:`open_export_orders`) and store them; values a clerk
    corrected on a draft are kept, and a declaration already filed is left as it is. Re-running is safe."""
    ctx = context or Context()
    result = Prefilled()
    fresh: list[Declaration] = []
    for ref in orders if orders is not None else open_export_orders(store):
        try:
            fresh += prefill_order(store, ref, context=ctx)
        except InputError as exc:
            result.failed[ref] = str(exc)
    result.declarations = [merge(store.get(Declaration, d.number), d) for d in fresh]
    with store.batch(actor) as batch:
        batch.upsert(result.declarations, note="prefilled")
    return result


def clean(decl: Declaration) -> bool:
    """A draft without any warning: what the demo's automatic review approves."""
    return decl.status == "draft" and not decl.warnings


def approve(store: Store, number: str, *, by: str, edits: dict[str, object] | None = None,
            context: Context | None = None) -> Declaration:
    """Apply the clerk's corrections and approve; :class:`InputError` while blocking warnings remain."""
    apply_edits(store, number, dict(edits or {}), by=by, approve=True, context=context)
    return _get(store, number)


def reject(store: Store, number: str, *, by: str, reason: str) -> Declaration:
    """The clerk rejects the declaration: it stays a draft (never filed), with the reason in the audit log."""
    decl = _get(store, number)
    with store.batch(by) as batch:
        batch.event("customs:rejected", decl, after={"reason": reason}, note=f"rejected by {by}: {reason}")
    return decl


def record_filing(store: Store, number: str, *, pre_entry_no: str, status: str, customs_no: str | None,
                  reason: str | None, actor: str) -> Declaration:
    """Store the single window's answer: ``accepted`` (customs number), ``returned`` (退单: back in review with the
    customs reason as a blocking warning), else ``filed`` (submitted, no decision yet)."""
    decl = _get(store, number)
    updates: dict[str, object] = {"pre_entry_no": pre_entry_no, "customs_no": customs_no}
    if status == "accepted":
        updates["status"] = "accepted"
    elif status == "returned":
        warning = DeclarationWarning(rule="customs_returned", severity="error", field="header.customs",
                                     message=f"退单 returned by customs: {reason or 'no reason given'}",
                                     value=pre_entry_no, source="single window")
        kept = [w for w in decl.warnings if w.rule != "customs_returned"]
        updates |= {"status": "returned", "return_reason": reason, "warnings": [*kept, warning],
                    "approved_by": None}
    else:
        updates["status"] = "filed"
    after = decl.model_copy(update=updates)
    after = Declaration.model_validate(after.model_dump())
    with store.batch(actor) as batch:
        batch.upsert([after], note=f"single window: {status}")
        batch.event(f"customs:{after.status}", after, before={"status": decl.status},
                    after={"status": after.status, "pre_entry_no": pre_entry_no, "customs_no": customs_no,
                           "reason": reason})
    return after


def note_pre_entry(store: Store, number: str, pre_entry_no: str, *, actor: str) -> Declaration:
    """Record the single window's pre-entry number (预录入编号) of the saved draft."""
    decl = _get(store, number)
    if decl.pre_entry_no == pre_entry_no:
        return decl
    after = decl.model_copy(update={"pre_entry_no": pre_entry_no})
    with store.batch(actor) as batch:
        batch.upsert([after], note=f"single window draft {pre_entry_no}")
    return after


def _get(store: Store, number: str) -> Declaration:
    decl = store.get(Declaration, number)
    if decl is None:
        raise InputError(f"no declaration {number!r} in the store")
    return decl
