"""Decisions a person takes beyond the proposals: apply a payment to any open invoice or order by its
number (partial amounts included), and undo a posted match with a reason.

Both check the store, write the match and an audit event in one transaction, and are what the workbook
(``orderhub reconcile apply``), the ``reconcile undo`` command and the review station call. An undone
match becomes unmatched again: its items reopen and the next run may propose for it again (a run never
undoes a decision; a person may).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from hub.records import BankReceipt, Customer, Invoice, Match, Order, StatementLine
from hub.store import Store
from matchers.credits import apply_credits, credited, split_credits
from matchers.decisions import DecisionError, _settled, learn_alias, payer_name
from matchers.names import name_key


@dataclass(frozen=True)
class OpenTarget:
    """An invoice or order found by the number a person typed, with what is still open on it."""

    kind: str  # invoice | order
    key: str
    label: str
    currency: str
    total: Decimal
    open: Decimal
    customer_code: str | None


def _payment(store: Store, kind: str, key: str) -> BankReceipt | StatementLine | None:
    return store.get(BankReceipt, key) if kind == "receipt" else store.get(StatementLine, key)


def _customer_of_invoice(store: Store, inv: Invoice) -> str | None:
    want = name_key(inv.buyer_name or "")
    for c in store.all(Customer):
        if (inv.buyer_tax_id and c.tax_id == inv.buyer_tax_id) or (want and any(
                name_key(n) == want for n in c.all_names())):
            return c.code
    return None


def find_open(store: Store, number: str, *, exclude_payment: str = "") -> OpenTarget:
    """The invoice (by 发票号码) or order (by its channel's order id) a person named; refused when none
    or several fit, or nothing is open on it."""
    n = number.strip()
    bills, credit_notes = split_credits(store.all(Invoice))
    invoices = [i for i in bills if n in (i.number, i.natural_key())]
    orders = [o for o in store.all(Order) if n in (o.external_id, o.natural_key())]
    found = [("invoice", i) for i in invoices] + [("order", o) for o in orders]
    if not found and any(n in (c.number, c.natural_key()) for c in credit_notes):
        raise DecisionError(f"{n!r} is a credit note: it reduces its original invoice and is not paid; name that "
                            "invoice")
    if not found:
        raise DecisionError(f"no invoice or order numbered {n!r} in the store")
    if len(found) > 1:
        which = ", ".join(f"{k} {r.natural_key()}" for k, r in found[:4])
        raise DecisionError(f"{n!r} names {len(found)} documents ({which}); write the one you mean in full")
    kind, rec = found[0]
    settled = _settled(store, exclude_payment)
    key = rec.natural_key()
    if kind == "invoice":
        assert isinstance(rec, Invoice)
        if rec.total is None or rec.currency is None:
            raise DecisionError(f"invoice {n} still needs review (its total or currency was not read)")
        total, ccy, label, cust = rec.total, rec.currency, rec.number or n, _customer_of_invoice(store, rec)
        total -= credited(apply_credits(credit_notes, bills)).get(key, (Decimal(0), ()))[0]  # less its credit notes
    else:
        assert isinstance(rec, Order)
        total, ccy, label, cust = rec.total, rec.currency, rec.external_id, rec.customer_code
    left = total - settled[key]
    if left <= 0:
        raise DecisionError(f"{kind} {label} has nothing open (settled by other payments)")
    return OpenTarget(kind, key, label, ccy, total, left, cust)


def _parts(text: str) -> list[tuple[str, Decimal | None]]:
    """``"N1, N2"`` / ``"N1:500.00；N2"`` as (number, amount or None) pairs (a comma before three digits
    is a thousands separator)."""
    text = re.sub(r"\s*[:：=]\s*", ":", text.strip())
    out = []
    for piece in filter(None, re.split(r"[;；、\s]+|，|,(?!\d{3}(?:\D|$))", text)):
        number, _, amount_text = piece.partition(":")
        amount = None
        if amount_text:
            try:
                amount = Decimal(amount_text.replace(",", ""))
            except InvalidOperation:
                raise DecisionError(f"{amount_text!r} is not an amount (write number:amount)") from None
            if not amount.is_finite() or amount <= 0:
                raise DecisionError(f"{amount_text!r} is not an amount above zero")
        if not number:
            raise DecisionError(f"cannot read {piece!r}: write a number, or number:amount")
        out.append((number, amount))
    if not out:
        raise DecisionError("no invoice or order number given")
    return out


def manual_match(store: Store, payment_kind: str, payment_key: str, targets: str | list[str], clerk: str, *,
                 amount: Decimal | None = None, note: str = "", where: str = "", learn: bool = True) -> Match | None:
    """Apply a payment to the open items a person named (``"N1, N2"``, ``"N1:500.00"``); ``amount`` is
    what of the payment to apply in all (default: as much as the items have open). Confirms the match,
    audits it, links it to its items and learns the payer as an alias of the customer. Returns None
    when the store already holds exactly this decision."""
    clerk = clerk.strip()
    if not clerk:
        raise DecisionError("nobody is named as the decider: fill 'Decided by' or pass --by NAME")
    text = targets if isinstance(targets, str) else ", ".join(targets)
    parts = _parts(text)
    pay = _payment(store, payment_kind, payment_key)
    match = store.get(Match, f"{payment_kind}|{payment_key}")
    if pay is None and match is None:
        raise DecisionError("the payment is not in the store")
    if match is not None and match.status in ("confirmed", "rejected"):
        wanted = sorted(find_open_keys(store, parts))
        if match.status == "confirmed" and sorted(a.target_key for a in match.allocations) == wanted \
                and match.decided_by == clerk:
            return None
        raise DecisionError(f"already {match.status} by {match.decided_by}: undo it first")
    paid = match.payment_amount if match is not None else abs(pay.amount)  # type: ignore[union-attr]
    currency = match.currency if match is not None else pay.currency  # type: ignore[union-attr]
    budget = paid if amount is None else amount
    if budget > paid:
        raise DecisionError(f"{budget:,.2f} is more than the payment ({paid:,.2f} {currency})")
    from hub.records import Allocation

    allocations: list[Allocation] = []
    customer_codes = set()
    for number, part_amount in parts:
        target = find_open(store, number, exclude_payment=payment_key)
        if target.currency != currency:
            raise DecisionError(f"{target.kind} {target.label} is in {target.currency}, the payment in {currency}: "
                                "choose a proposed candidate (it converts) or book it by hand")
        give = min(part_amount if part_amount is not None else budget, budget)
        if part_amount is not None and part_amount > target.open:
            raise DecisionError(f"{target.kind} {target.label} has {target.open:,.2f} open, not {part_amount:,.2f}")
        give = min(give, target.open)
        if give <= 0:
            raise DecisionError(f"nothing of the payment is left for {target.kind} {target.label}")
        allocations.append(Allocation(target_kind=target.kind, target_key=target.key,  # type: ignore[arg-type]
                                      target_label=target.label, amount=give, currency=currency))
        budget -= give
        if target.customer_code:
            customer_codes.add(target.customer_code)
    applied = sum((a.amount for a in allocations), Decimal(0))
    what = " + ".join(f"{a.target_kind} {a.target_label} ({a.amount:,.2f})" for a in allocations)
    left = paid - applied
    why = f"指定 applied by {clerk} to {what}" + (f"; {left:,.2f} of the payment left unapplied" if left else "") \
        + (f" — {note}" if note else "")
    code = customer_codes.pop() if len(customer_codes) == 1 else None
    decided = Match(payment_kind=payment_kind, payment_key=payment_key, payment_amount=paid,  # type: ignore[arg-type]
                    currency=currency, status="confirmed", allocations=allocations,
                    candidates=match.candidates if match else [], score=1.0, breakdown={}, reason=why,
                    customer_code=code, decided_by=clerk, decided_at=datetime.now(UTC))
    with store.batch(clerk) as batch:
        batch.upsert([decided], note=f"apply to ({where or 'manual'})")
        batch.event("decision:apply to", decided, before=_brief(match), after=_brief(decided), note=note or where or None)
        for alloc in allocations:
            batch.link(decided, "settles", (alloc.target_kind, alloc.target_key))
        payer = payer_name(store, payment_kind, payment_key)
        if learn and code and payer:
            learn_alias(batch, store, code, payer, f"{payment_key} applied by {clerk}")
    return decided


def find_open_keys(store: Store, parts: list[tuple[str, Decimal | None]]) -> list[str]:
    """The store keys of the numbers named (for an unchanged check; unknown numbers are left out)."""
    keys = []
    for number, _ in parts:
        keys += [i.natural_key() for i in store.all(Invoice) if number in (i.number, i.natural_key())
                 and not i.is_credit]
        keys += [o.natural_key() for o in store.all(Order) if number in (o.external_id, o.natural_key())]
    return keys


def _brief(match: Match | None) -> dict | None:
    if match is None:
        return None
    return {"status": match.status, "decided_by": match.decided_by,
            "allocations": [{"target": a.target_label or a.target_key, "amount": str(a.amount)}
                            for a in match.allocations],
            "write_offs": [{"reason": w.reason_code, "amount": str(w.amount)} for w in match.write_offs]}


def undo_match(store: Store, payment_kind: str, payment_key: str, clerk: str, reason: str, *,
               where: str = "") -> Match | None:
    """Reverse a confirmed or auto-posted match: it becomes unmatched, its items reopen, and an audit
    event keeps what it was, who undid it and why. Returns None when it was already undone so."""
    clerk, reason = clerk.strip(), reason.strip()
    if not clerk:
        raise DecisionError("nobody is named: write who undoes it ('Undone by' or --by NAME)")
    if not reason:
        raise DecisionError("an undo needs a reason")
    match = store.get(Match, f"{payment_kind}|{payment_key}")
    if match is None:
        raise DecisionError("no match for this payment in the store")
    why = f"撤销 undone by {clerk}: {reason}"
    if match.status == "unmatched" and match.reason == why:
        return None
    if match.status not in ("confirmed", "auto"):
        raise DecisionError(f"the match is {match.status}, not posted: nothing to undo")
    undone = match.model_copy(update={"status": "unmatched", "allocations": [], "write_offs": [], "reason": why,
                                      "decided_by": clerk, "decided_at": datetime.now(UTC), "score": 0.0,
                                      "customer_code": None})
    undone = Match.model_validate(undone.model_dump())
    with store.batch(clerk) as batch:
        batch.upsert([undone], note=f"undo ({where or 'manual'})")
        batch.event("decision:undo", undone, before=_brief(match), after=_brief(undone), note=reason)
    return undone


def find_match(store: Store, payment: str) -> Match:
    """The match of a payment named as a person would: ``kind|key`` as stored, the payment's key, or its
    bank transaction id alone (refused when several payments share it)."""
    text = payment.strip()
    direct = store.get(Match, text)
    if direct is not None:
        return direct
    found = [m for m in store.all(Match) if text in (m.payment_key, m.payment_key.rsplit("|", 1)[-1])]
    if not found:
        raise DecisionError("no match for this payment in the store")
    if len(found) > 1:
        raise DecisionError(f"{len(found)} payments have this id; give bank|id: "
                            + ", ".join(m.payment_key for m in found[:4]))
    return found[0]
