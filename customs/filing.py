"""The declaration's way from prefill to the single window, as store operations the ``customs-prefill`` flow calls:
prefill and store (keeping a clerk's corrections), pick what may be approved automatically, approve or reject,
and record what the single window answered (a returned declaration, 退单, goes back to review with the reason).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from customs.prefill import Context, invoices_of, merge, prefill_order
from customs.review import apply_edits
from customs.sources import in_review, source_keys, waiting_files, with_review_warnings
from hub.errors import InputError
from hub.records import Declaration, DeclarationWarning, Order, SourceFile
from hub.review import reopen_in
from hub.store import Store

#: Statuses a declaration can no longer be prefilled over (it went to customs).
SENT = ("filed", "accepted")


@dataclass
class Prefilled:
    """What a prefill run stored, and the orders it could not prefill (with the reason)."""

    declarations: list[Declaration] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    #: approved declarations (not filed yet) whose source document went back in review: a draft again
    held: list[str] = field(default_factory=list)


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
    corrected on a draft are kept, and a declaration already filed is left as it is. A draft (or returned one)
    whose invoice or packing list is still in review carries a blocking warning naming it
    (:mod:`customs.sources`); an approved one (not filed yet) whose document went back in review (a new reading
    of it arrived) is a draft again (``customs:held``: the filing bot does not file values nobody has vouched
    for). Re-running is safe."""
    ctx = context or Context()
    result = Prefilled()
    fresh: list[Declaration] = []
    for ref in orders if orders is not None else open_export_orders(store):
        try:
            fresh += prefill_order(store, ref, context=ctx)
        except InputError as exc:
            result.failed[ref] = str(exc)
    waiting = waiting_files(store)
    held: list[tuple[Declaration, list[str]]] = []
    for f in fresh:
        existing = store.get(Declaration, f.number)
        if existing is not None and existing.status == "approved" and (docs := in_review(store, existing, waiting)):
            held.append((existing, [d.name for d in docs]))
            existing = existing.model_copy(update={"status": "draft", "approved_by": None})
        d = merge(existing, f)
        result.declarations.append(with_review_warnings(store, d, waiting) if d.status in ("draft", "returned") else d)
    with store.batch(actor) as batch:
        batch.upsert(result.declarations, note="prefilled")
        for before, names in held:
            after = next(d for d in result.declarations if d.number == before.number)
            batch.event("customs:held", after, before={"status": "approved", "approved_by": before.approved_by},
                        after={"status": "draft", "documents": names},
                        note=f"approval withdrawn, not filed: {', '.join(names)} in review")
            result.held.append(before.number)
    return result


def refresh_drafts(store: Store, record_keys: list[str], *, actor: str,
                   context: Context | None = None) -> list[Declaration]:
    """Prefill again the draft (and returned) declarations built from any of ``record_keys`` (``invoice:<key>``,
    ``packing_list:<key>``: a document a reviewer just confirmed or corrected), so they carry its corrected values
    and its review state at once, as the next ``customs-prefill`` run would; a clerk's corrections are kept."""
    orders = sorted({d.order_key for d in _built_from_keys(store, record_keys, status=["draft", "returned"])
                     if d.order_key})
    return prefill_and_store(store, orders, actor=actor, context=context).declarations if orders else []


@dataclass
class Reopened:
    """A source document put back in review from a declaration, and the declarations it sent back to draft."""

    source: SourceFile
    #: ``(number, status before)`` of each declaration built from the document that is a draft again
    to_draft: list[tuple[str, str]] = field(default_factory=list)


def built_from(store: Store, source: SourceFile) -> list[Declaration]:
    """The declarations whose invoice or packing list was read from ``source``."""
    return _built_from_keys(store, source.record_keys)


def _built_from_keys(store: Store, record_keys: list[str], status: list[str] | None = None) -> list[Declaration]:
    """The declarations (of ``status``) whose invoice or packing list is one of ``record_keys``
    (``invoice:<key>``, ``packing_list:<key>``)."""
    invoices = {k.split(":", 1)[1] for k in record_keys if k.startswith("invoice:")}
    packing = {k.split(":", 1)[1] for k in record_keys if k.startswith("packing_list:")}
    return [d for d in store.all(Declaration, status=status) if d.invoice_key in invoices or d.packing_list_key in packing]


def reopen_source(store: Store, number: str, sha256: str, *, by: str, reason: str | None = None) -> Reopened:
    """A clerk saw on declaration ``number`` that its source document (invoice or packing list) was confirmed
    with a wrong value: the document goes back to review (``document:reopened``), and every declaration built
    from it that is approved, returned or rejected becomes a draft again (``customs:reopened``: an approval is
    withdrawn, so the filing bot does not file the old values), to be prefilled from the corrected document.

    Refused (:class:`InputError`, nothing changed) when a declaration built from it went to customs (filed,
    accepted): the single window has those values, a change is an amendment there; :class:`hub.review.AlreadyOpen`
    when the document is in review already."""
    decl = _get(store, number)
    source = store.get(SourceFile, sha256)
    if source is None or not set(source_keys(decl)) & set(source.record_keys):
        raise InputError(f"the file {sha256[:12]} is not a source document of declaration {number}")
    decls = built_from(store, source)
    sent = [d for d in decls if d.status in SENT]
    if sent:
        listed = ", ".join(f"{d.number} ({d.status})" for d in sent)
        raise InputError(f"declaration {listed} went to customs with this document's values: it is not changed "
                         "here (an amendment 修改/撤单 goes through the single window); the document stays confirmed")
    result = Reopened(source)
    with store.batch(by) as batch:
        result.source = reopen_in(batch, sha256, by=by, reason=reason)
        for d in decls:
            if d.status in ("approved", "returned", "rejected"):
                after = d.model_copy(update={"status": "draft", "approved_by": None})
                batch.upsert([after], note=f"source reopened by {by}")
                batch.event("customs:reopened", after, before={"status": d.status, "approved_by": d.approved_by},
                            after={"status": "draft", "document": sha256},
                            note=f"{source.path.rsplit('/', 1)[-1]} reopened by {by}"
                                 + (f": {reason}" if reason else ""))
                result.to_draft.append((d.number, d.status))
    drafts = [d for d in built_from(store, source) if d.status in ("draft", "returned")]
    if drafts:                          # each says at once that its document is in review (approval blocked)
        waiting = waiting_files(store)
        with store.batch(by) as batch:
            batch.upsert([with_review_warnings(store, d, waiting) for d in drafts], note="source document in review")
    return result


def clean(decl: Declaration) -> bool:
    """A draft without any warning (a source document in review is one): what the demo's automatic review
    approves."""
    return decl.status == "draft" and not decl.warnings


def approve(store: Store, number: str, *, by: str, edits: dict[str, object] | None = None,
            context: Context | None = None) -> Declaration:
    """Apply the clerk's corrections and approve; :class:`InputError` while blocking warnings remain, or while a
    source document of the declaration is in review (never confirmed, or reopened: nobody has vouched for its
    values, and corrected ones would not reach the declaration; edits are saved then, not approved)."""
    decl = _get(store, number)
    waiting = in_review(store, decl)
    if waiting:
        names = ", ".join(f"{d.name} ({'reopened' if d.reopened else 'needs review'})" for d in waiting)
        saved = apply_edits(store, number, dict(edits or {}), by=by, context=context).corrections if edits else []
        raise InputError(f"declaration {number} not approved: its source document {names} is in review; "
                         "confirm it first (the declaration is then prefilled from it)"
                         + (" - corrections saved" if saved else ""))
    apply_edits(store, number, dict(edits or {}), by=by, approve=True, context=context)
    return _get(store, number)


def reject(store: Store, number: str, *, by: str, reason: str) -> Declaration:
    """The clerk rejects the declaration: status ``rejected`` (never filed, out of the review queues; a re-run of
    the prefill keeps it so), the reason in the audit log. A later correction makes it a draft again."""
    decl = _get(store, number)
    if decl.status in SENT:
        raise InputError(f"declaration {number} is {decl.status}: it went to customs and can no longer be rejected")
    after = decl.model_copy(update={"status": "rejected", "approved_by": None})
    with store.batch(by) as batch:
        batch.upsert([after], note=f"rejected by {by}")
        batch.event("customs:rejected", after, before={"status": decl.status}, after={"reason": reason},
                    note=f"rejected by {by}: {reason}")
    return after


def record_refusal(store: Store, number: str, messages: list[str], *, actor: str, on_submit: bool = False) -> Declaration:
    """The single window refused to take the approved declaration: at entry (saving the draft: a check digit, a
    code) or ``on_submit`` (its checks against the current tariff: the saved draft, whose pre-entry number the
    declaration keeps, stays unsubmitted there and is filed over once corrected). Back to review (``returned``)
    with each message as a blocking warning, so a clerk corrects it and approves again; nothing was filed."""
    decl = _get(store, number)
    kept = [w for w in decl.warnings if w.rule != "entry_refused"]
    when = (f"申报时单一窗口拒收 refused by the single window on submit (draft {decl.pre_entry_no} not submitted)"
            if on_submit else "单一窗口拒收 refused by the single window")
    refused = [DeclarationWarning(rule="entry_refused", severity="error", field="header.customs",
                                  message=f"{when}: {m}", source="single window",
                                  value=decl.pre_entry_no if on_submit else None)
               for m in messages or ["no reason given"]]
    after = Declaration.model_validate(decl.model_copy(update={
        "status": "returned", "approved_by": None, "return_reason": "; ".join(messages) or None,
        "warnings": [*kept, *refused]}).model_dump())
    with store.batch(actor) as batch:
        batch.upsert([after], note="single window: refused" + (" on submit" if on_submit else ""))
        batch.event("customs:refused", after, before={"status": decl.status},
                    after={"status": "returned", "reason": "; ".join(messages),
                           "stage": "submit" if on_submit else "entry", "pre_entry_no": decl.pre_entry_no})
    return after


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


def for_filing(store: Store, number: str) -> Declaration:
    """The approved declaration the filing bot may file now; :class:`InputError` when it is not approved, or when
    one of its source documents came back in review since the approval (nothing is filed; the next prefill
    withdraws the approval, ``customs:held``)."""
    decl = _get(store, number)
    if decl.status != "approved":
        raise InputError(f"declaration {number} is {decl.status}: only an approved one is filed")
    if waiting := in_review(store, decl):
        names = ", ".join(d.name for d in waiting)
        raise InputError(f"declaration {number} not filed: its source document {names} is in review again "
                         "since the approval; confirm it and approve the declaration again")
    return decl


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
