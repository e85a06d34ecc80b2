"""A clerk's decisions on proposed matches: checked against the store, stored with an audit trail, and
learned from (a payer name confirmed for a customer becomes one of its aliases, used by the next run).

Each decision is applied in its own transaction: a decision that no longer fits the store (the payment
has no proposal, the proposal changed, the candidate is gone, the invoice was settled meanwhile) is
refused with the reason and nothing of it is written; the others still apply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Literal

from hub.errors import OrderhubError
from hub.records import BankReceipt, Customer, Invoice, Match, Order, StatementLine, WriteOff
from hub.store import Batch, Store
from matchers.names import name_key


@dataclass(frozen=True)
class ClerkDecision:
    """What a clerk decided for one payment (from a workbook row or a review form)."""

    payment_kind: Literal["receipt", "statement_line"]
    payment_key: str
    decision: str  # confirm 1 | confirm 2 | confirm 3 | reject | write off
    choice: int | None
    shown_keys: str  # the chosen candidate's target keys as the clerk saw them ("a + b")
    clerk: str
    note: str = ""
    where: str = ""  # "row 7" - for messages
    reason_code: str = "MANUAL"  # a write-off's reason (BANK_FEE, ROUNDING, FX_DIFF ...)
    targets: str = ""  # apply to: invoice/order numbers the clerk named, "N1, N2" or "N1:500.00, N2"
    amount: Decimal | None = None  # apply to: what of the payment to apply (default: all it can)


@dataclass
class ApplyReport:
    """What was applied, learned and refused."""

    applied: list[str] = field(default_factory=list)
    learned: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


class DecisionError(OrderhubError):
    """A decision that cannot be applied as it stands."""


def _keys(match_candidate_allocs: Iterable) -> str:
    return " + ".join(sorted(a.target_key for a in match_candidate_allocs))


def _settled(store: Store, exclude: str) -> dict[str, Decimal]:
    settled: dict[str, Decimal] = defaultdict(Decimal)
    for m in store.all(Match, status=["auto", "confirmed"]):
        if m.payment_key == exclude:
            continue
        for a in m.allocations:
            settled[a.target_key] += a.target_amount if a.target_amount is not None else a.amount
        for w in m.write_offs:
            if w.target_key:
                settled[w.target_key] += w.amount
    return settled


def _total(store: Store, kind: str, key: str) -> Decimal | None:
    if kind == "invoice":
        inv = store.get(Invoice, key)
        return inv.total if inv else None
    order = store.get(Order, key)
    return order.total if order else None


def _decide(store: Store, d: ClerkDecision, now: datetime) -> tuple[Match, str | None]:
    match = store.get(Match, f"{d.payment_kind}|{d.payment_key}")
    if match is None:
        raise DecisionError("no proposal for this payment in the store (was the workbook written with --store?)")
    clerk = d.clerk.strip()
    if not clerk:
        raise DecisionError("nobody is named as the decider: fill 'Decided by' or pass --by NAME")
    if match.status in ("confirmed", "rejected"):
        raise DecisionError(f"already {match.status} by {match.decided_by}; a decision is never undone here")
    if match.status not in ("review", "unmatched", "auto"):
        raise DecisionError(f"the proposal is {match.status!r}, not open for a decision")
    stamp = {"decided_by": clerk, "decided_at": now}
    if d.decision == "reject":
        return match.model_copy(update={"status": "rejected", "allocations": [], "write_offs": [],
                                        "reason": f"rejected by {clerk}" + (f": {d.note}" if d.note else ""),
                                        **stamp}), None
    assert d.choice is not None
    if d.choice > len(match.candidates):
        raise DecisionError(f"candidate #{d.choice} no longer exists (the proposal has {len(match.candidates)})")
    cand = match.candidates[d.choice - 1]
    if _keys(cand.allocations) != d.shown_keys:
        raise DecisionError(f"candidate #{d.choice} changed since the workbook was written "
                            f"(workbook: {d.shown_keys or 'none'}; now: {_keys(cand.allocations)})")
    settled = _settled(store, match.payment_key)
    write_offs = list(cand.write_offs)
    for alloc in cand.allocations:
        total = _total(store, alloc.target_kind, alloc.target_key)
        if total is None:
            raise DecisionError(f"{alloc.target_kind} {alloc.target_label or alloc.target_key} is not in the store")
        applied = alloc.target_amount if alloc.target_amount is not None else alloc.amount
        own = sum((w.amount for w in write_offs if w.target_key == alloc.target_key), Decimal(0))
        left = total - settled[alloc.target_key] - applied - own
        if left < 0:
            raise DecisionError(f"{alloc.target_kind} {alloc.target_label} is already settled by other payments "
                                f"(it would be over-paid by {-left})")
        if d.decision == "write off" and left > 0:
            write_offs.append(WriteOff(amount=left, currency=alloc.currency if alloc.target_amount is None
                                       else match.currency, reason_code=d.reason_code or "MANUAL",
                                       note=f"written off by {clerk}" + (f": {d.note}" if d.note else ""),
                                       target_key=alloc.target_key))
    why = f"{d.decision} by {clerk}: {cand.reason}" + (f" — {d.note}" if d.note else "")
    decided = match.model_copy(update={"status": "confirmed", "allocations": cand.allocations,
                                       "write_offs": write_offs, "score": cand.score, "breakdown": cand.breakdown,
                                       "reason": why, "customer_code": cand.customer_code, **stamp})
    return Match.model_validate(decided.model_dump()), cand.customer_code


def payer_name(store: Store, kind: str, key: str) -> str | None:
    """The payer's name on a stored receipt or statement line."""
    if kind == "receipt":
        rec = store.get(BankReceipt, key)
        return rec.payer_name if rec else None
    line = store.get(StatementLine, key)
    return line.counterparty_name if line else None


def learn_alias(batch: Batch, store: Store, customer_code: str, payer: str, why: str) -> bool:
    """Add ``payer`` to the customer's aliases unless one of its names already reads the same."""
    customer = store.get(Customer, customer_code)
    if customer is None or not payer.strip():
        return False
    if any(name_key(n) == name_key(payer) for n in customer.all_names()):
        return False
    learned = customer.model_copy(update={"aliases": [*customer.aliases, payer.strip()]})
    batch.upsert([Customer.model_validate(learned.model_dump())], note=f"alias learned: {why}")
    batch.event("alias_learned", learned, after={"alias": payer.strip()}, note=why)
    return True


def apply_decisions(store: Store, decisions: Iterable[ClerkDecision], *, learn: bool = True) -> ApplyReport:
    """Apply each decision in its own transaction; see the module text. ``apply to`` decisions go
    through :func:`matchers.manual.manual_match`, ``undo`` through :func:`matchers.manual.undo_match`."""
    from matchers.manual import manual_match, undo_match

    report = ApplyReport()
    now = datetime.now(UTC)
    for d in decisions:
        label = f"{d.where + ' ' if d.where else ''}({d.payment_key})"
        if d.decision in ("apply to", "undo"):
            try:
                if d.decision == "undo":
                    done = undo_match(store, d.payment_kind, d.payment_key, d.clerk, d.note, where=d.where)
                else:
                    done = manual_match(store, d.payment_kind, d.payment_key, d.targets, d.clerk, amount=d.amount,
                                        note=d.note, where=d.where, learn=learn)
            except DecisionError as exc:
                report.refused.append(f"{label}: {exc}")
                continue
            if done is None:
                report.unchanged.append(f"{label}: already {d.decision}")
            else:
                report.applied.append(f"{label}: {d.decision} — {done.reason[:120]}")
            continue
        existing = store.get(Match, f"{d.payment_kind}|{d.payment_key}")
        if existing is not None and existing.status in ("confirmed", "rejected") and \
                existing.decided_by == d.clerk.strip() and _same(existing, d):
            report.unchanged.append(f"{label}: already {existing.status}")
            continue
        try:
            decided, customer_code = _decide(store, d, now)
        except DecisionError as exc:
            report.refused.append(f"{label}: {exc}")
            continue
        with store.batch(d.clerk.strip()) as batch:
            current = batch.get(Match, decided.natural_key())  # checked again in the writing transaction:
            if current is None or existing is None or current.fingerprint() != existing.fingerprint():
                who = f" by {current.decided_by}" if current is not None and current.decided_by else ""
                report.refused.append(f"{label}: decided meanwhile{who}; nothing was applied")
                continue  # of two people deciding one payment at once, the second is refused
            batch.upsert([decided], note=f"{d.decision} ({d.where or 'review'})")
            batch.event(f"decision:{d.decision}", decided, after={"decision": d.decision, "note": d.note},
                        note=d.where or None)
            for alloc in decided.allocations:
                batch.link(decided, "settles", (alloc.target_kind, alloc.target_key))
            payer = payer_name(store, d.payment_kind, d.payment_key)
            if learn and customer_code and payer and d.decision != "reject" and learn_alias(
                    batch, store, customer_code, payer, f"{d.payment_key} {d.decision} by {d.clerk.strip()}"):
                report.learned.append(f"{payer!r} is now an alias of {customer_code}")
        report.applied.append(f"{label}: {d.decision} — {decided.reason[:120]}")
    return report


def _same(match: Match, d: ClerkDecision) -> bool:
    if d.decision == "reject":
        return match.status == "rejected"
    return match.status == "confirmed" and _keys(match.allocations) == d.shown_keys
