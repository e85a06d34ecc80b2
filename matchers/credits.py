"""Credit notes against the invoices they credit: a credit note (``Invoice.document_type == "credit_note"``,
its total zero or below) reduces what its original invoice still asks, so that a payment of the invoice less
the credit matches that invoice, with a reason naming the credit note. The original is the invoice whose
number is the credit note's ``original_number`` (letters and digits compared, ``matchers.references``),
of the same issuer and currency, preferring the same buyer. A credit note whose original is not found, is
found twice, is in another currency or would credit more than the invoice bills reduces nothing: it goes
to review with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from hub.records import Invoice
from matchers.references import normalize_ref

ZERO = Decimal(0)
#: a credit note's fields that, read with low confidence, leave what it takes off in doubt
CREDIT_FIELDS = ("document_type", "original_number", "total", "currency")


@dataclass(frozen=True)
class Credit:
    """One credit note and what it does: the invoice it reduces (``target_key``) and by how much, or why it
    reduces none (``target_key`` None: for review)."""

    key: str
    label: str
    original: str | None
    amount: Decimal
    currency: str | None
    buyer: str
    target_key: str | None
    target_label: str | None
    why: str

    @property
    def applied(self) -> bool:
        """Whether it reduces an invoice."""
        return self.target_key is not None


def split_credits(invoices: Iterable[Invoice]) -> tuple[list[Invoice], list[Invoice]]:
    """The invoices, and the credit notes among them."""
    bills: list[Invoice] = []
    credits: list[Invoice] = []
    for inv in invoices:
        (credits if inv.document_type == "credit_note" else bills).append(inv)
    return bills, credits


def apply_credits(credits: Sequence[Invoice], bills: Sequence[Invoice], keys: Sequence[str] | None = None,
                  credit_keys: Sequence[str] | None = None) -> list[Credit]:
    """What each credit note reduces (see the module text); ``keys`` and ``credit_keys``: the bills' and the
    credit notes' natural keys, in order (default: theirs)."""
    if not credits:
        return []
    keys = list(keys) if keys is not None else [inv.natural_key() for inv in bills]
    credit_keys = list(credit_keys) if credit_keys is not None else [cn.natural_key() for cn in credits]
    by_number: dict[str, list[int]] = defaultdict(list)
    for i, inv in enumerate(bills):
        if inv.number:
            by_number[normalize_ref(inv.number)].append(i)
    out: list[Credit] = []
    left: dict[int, Decimal] = {}
    for cn, cn_key in zip(credits, credit_keys, strict=True):
        amount = -(cn.total or ZERO)
        label = cn.number or cn_key

        def none(why: str, cn: Invoice = cn, cn_key: str = cn_key, amount: Decimal = amount,
                 label: str = label) -> Credit:
            return Credit(cn_key, label, cn.original_number, amount, cn.currency, cn.buyer_name or "",
                          None, None, why)

        if not cn.original_number:
            out.append(none(f"credit note {label} names no original invoice"))
            continue
        found = [i for i in by_number.get(normalize_ref(cn.original_number), ())
                 if bills[i].seller_key == cn.seller_key or not (bills[i].seller_key and cn.seller_key)]
        if len(found) > 1:
            found = [i for i in found if bills[i].buyer_name == cn.buyer_name] or found
        if not found:
            out.append(none(f"credit note {label}: its original invoice {cn.original_number} is not found"))
            continue
        if len(found) > 1:
            out.append(none(f"credit note {label}: {len(found)} invoices are numbered {cn.original_number}"))
            continue
        i = found[0]
        inv = bills[i]
        if inv.currency != cn.currency:
            out.append(none(f"credit note {label} is in {cn.currency}, invoice {inv.number} in {inv.currency}"))
            continue
        room = left.get(i, inv.total or ZERO)
        if amount > room:
            out.append(none(f"credit note {label} credits {amount} {cn.currency}, more than invoice {inv.number}"
                            f" still bills ({room})"))
            continue
        left[i] = room - amount
        out.append(Credit(cn_key, label, cn.original_number, amount, cn.currency, cn.buyer_name or "",
                          keys[i], inv.number, f"credit note {label} reduces invoice {inv.number} by {amount}"))
    return out


def credited(credits: Iterable[Credit]) -> dict[str, tuple[Decimal, tuple[str, ...]]]:
    """Invoice key -> (what its credit notes take off, their numbers)."""
    out: dict[str, tuple[Decimal, tuple[str, ...]]] = {}
    for c in credits:
        if c.target_key is not None:
            amount, labels = out.get(c.target_key, (ZERO, ()))
            out[c.target_key] = (amount + c.amount, (*labels, c.label))
    return out


__all__ = ["CREDIT_FIELDS", "Credit", "apply_credits", "credited", "split_credits"]
