"""Cash application: money received (bank receipts, statement lines) against open invoices and orders.

For each payment the candidates come from three places: references in its memo, the open items of the
customer its payer name points to, and open items of exactly its amount. Each candidate allocates the
payment to one or more items (one item in full or in part; several items through a bounded subset-sum
over the customer's oldest items) and is scored on four signals (amount, reference, name, date) with
the weights of the tolerance profile. Outcomes: ``auto`` (score over the threshold and no runner-up
within the margin), ``review`` (candidates ranked), ``unmatched``.

Payments are applied strongest first, so what a sure match takes is no longer open for a weaker one;
what earlier runs posted (and every confirmed decision) is taken from ``prior`` and never undone.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypeVar

from hub.records import (
    Allocation,
    BankReceipt,
    Candidate,
    Customer,
    Invoice,
    Match,
    Order,
    Product,
    Record,
    RemittanceAdvice,
    StatementLine,
    WriteOff,
)
from matchers.credits import CREDIT_FIELDS, Credit, apply_credits, credited, split_credits
from matchers.names import CustomerIndex, name_similarity
from matchers.ours import Ours
from matchers.partial import unusable
from matchers.references import HOW_WORDS, ReferenceIndex, RefHit, ResolvedMemos, normalize_ref
from matchers.rules import MoneyRule, first_fit
from matchers.tolerance import Profile, load_profile

CENT = Decimal("0.01")
ZERO = Decimal(0)
POSTED = ("confirmed",)
R = TypeVar("R", bound=Record)
NAME_FLOOR = 0.7  # a name less alike than this is no evidence at all
EQUAL_AMOUNT_POOL = 50  # items open for exactly a payment's amount that it looks at (the first ones)
NAME_SURE = 0.9  # a name at least this alike identifies the customer (as ``build_items`` resolves buyers)
#: the record fields each signal rests on, on a payment and on an invoice
SIGNAL_FIELDS = {"amount": ("amount", "currency"), "reference": ("memo", "description", "reference"),
                 "name": ("payer_name", "counterparty_name"), "date": ("value_date", "booking_date")}
#: the signals that say which item a payment is for; the date only weighs where in the date window a payment
#: falls, so a date read with low confidence does not by itself hold a match back
EVIDENCE = ("amount", "reference", "name")
NO_SIGNALS: frozenset[str] = frozenset()
ITEM_SIGNAL_FIELDS = {"amount": ("total", "currency"), "reference": ("number", "order_ref"),
                      "name": ("buyer_name", "buyer_tax_id"), "date": ("issue_date",)}


def signals_of(fields: Collection[str], table: Mapping[str, tuple[str, ...]] = SIGNAL_FIELDS) -> frozenset[str]:
    """The signals resting on any of ``fields`` (field names read with low confidence)."""
    if not fields:
        return NO_SIGNALS  # the common case: nothing read unsure (a generator and a frozenset less, a payment)
    return frozenset(s for s, names in table.items() if any(n in fields for n in names))


#: per record class: (field, default shared as is) and (field, how to make its default) -- read once
_DEFAULTS: dict[type, tuple[tuple[tuple[str, object], ...], tuple[tuple[str, Callable[[], object]], ...]]] = {}
_SHARED = (type(None), str, int, float, bool, Decimal, date, tuple, frozenset)


def _defaults_of(cls: type[Record]) -> tuple[tuple[tuple[str, object], ...], tuple[tuple[str, Callable[[], object]], ...]]:
    found = _DEFAULTS.get(cls)
    if found is None:
        shared: list[tuple[str, object]] = []
        made: list[tuple[str, Callable[[], object]]] = []
        for name, info in cls.model_fields.items():
            default = info.default if info.default_factory is None else None
            if info.default_factory is None and isinstance(default, _SHARED):
                shared.append((name, default))
            else:
                made.append((name, lambda info=info: info.get_default(call_default_factory=True)))
        found = _DEFAULTS[cls] = (tuple(shared), tuple(made))
    return found


def _construct(cls: type[R], **values: object) -> R:
    """A record from figures the matcher has already checked, without validating again: what pydantic's
    ``model_construct`` does (the given fields set, defaults for the rest), a third of its cost, which
    counts at 100,000 payments (tests/matchers compare the two). The defaults of each class are read
    once; immutable ones are shared, the others made anew for each record."""
    obj = cls.__new__(cls)
    fields_set = set(values)
    shared, made = _defaults_of(cls)
    for name, default in shared:
        if name not in values:
            values[name] = default
    for name, make in made:
        if name not in values:
            values[name] = make()
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while the matcher runs. Its full collections walk every live
    object (every record given, every item and proposal): at 50,000 payments a fifth of the run. The
    matcher makes few reference cycles (its nested helpers), collected when the collector is back on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def q(amount: Decimal) -> Decimal:
    """Rounded to the cent."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Payment:
    """Money in, from a receipt or a statement line, in the shape the matcher needs."""

    kind: Literal["receipt", "statement_line"]
    key: str
    value_date: date
    payer: str
    amount: Decimal
    currency: str
    memo: str
    bank: str = ""
    transaction_id: str = ""
    #: the signals (amount, reference, name, date) whose fields were read with low confidence
    unsure: frozenset[str] = frozenset()

    @classmethod
    def from_record(cls, record: BankReceipt | StatementLine, unsure: Collection[str] = ()) -> Payment:
        """A payment from a receipt, or from a statement line of money in; ``unsure``: the record's fields
        read with low confidence (``matchers.partial.unsure_fields``)."""
        signals = signals_of(unsure)
        if isinstance(record, BankReceipt):
            return cls("receipt", record.natural_key(), record.value_date, record.payer_name or "", record.amount,
                       record.currency, record.memo, record.bank or "", record.transaction_id or "", signals)
        memo = " ".join(p for p in (record.description, record.reference or "") if p)
        return cls("statement_line", record.natural_key(), record.value_date or record.booking_date,
                   record.counterparty_name, record.amount, record.currency, memo, record.bank,
                   record.transaction_id, signals)


@dataclass(slots=True)
class OpenItem:
    """An invoice or an order that money can be applied to, with what is still open on it."""

    idx: int
    kind: Literal["invoice", "order"]
    key: str
    label: str
    customer_code: str | None
    party_name: str
    currency: str
    total: Decimal
    due: Decimal
    doc_date: date
    refs: list[str] = field(default_factory=list)
    version: int = 0
    #: an invoice whose order the invoices known to bill it do not bill in full, while the customer has an
    #: invoice tied to no order: the rest of the order may be billed on that one
    loose_order: bool = False
    #: signals whose fields of the invoice were read with low confidence (see ``Payment.unsure``)
    unsure: frozenset[str] = frozenset()
    #: what credit notes take off the invoice (``matchers.credits``), and their numbers
    credited: Decimal = ZERO
    credit_notes: tuple[str, ...] = ()
    #: an order's: invoices read without their buyer, tied to no order, of its currency and total, that may
    #: bill it (money applied to the order would leave its invoice open beside it)
    blind_bills: tuple[str, ...] = ()

    @property
    def asked(self) -> Decimal:
        """What the invoice asks once its credit notes are taken off."""
        return self.total - self.credited

    @property
    def what(self) -> str:
        """``invoice 2026...`` / ``order WS...`` as a clerk would say it (``... less credit note CN-7 (288.00)``)."""
        if self.credit_notes:
            return (f"{self.kind} {self.label} less credit note{'s' if len(self.credit_notes) > 1 else ''} "
                    f"{', '.join(self.credit_notes)} ({self.credited})")
        return f"{self.kind} {self.label}"


@dataclass(slots=True)
class Proposal:
    """One way to apply a payment: what each item gets, what is written off, and why."""

    parts: list[tuple[OpenItem, Decimal, Decimal]]  # item, amount in payment currency, settles in item ccy
    write_offs: list[WriteOff]
    amount_score: float
    amount_note: str
    breakdown: dict[str, float] = field(default_factory=dict)
    score: float = 0.0
    reason: str = ""
    customer_code: str | None = None
    via: str = ""
    #: the memo names the order of the one invoice it pays, not the invoice itself
    by_order_ref: bool = False
    #: signals read with low confidence, on the payment or on an item (see ``Payment.unsure``)
    unsure: frozenset[str] = frozenset()
    #: what the memo names when it is none of the items it pays (set for bank-fee proposals)
    stray_refs: tuple[str, ...] = ()
    #: open items the proposal leaves out that bill an order the memo names for one of its items (set for
    #: bank-fee proposals)
    order_siblings: tuple[str, ...] = ()
    #: what it leaves unapplied, more than rounding (an over-payment of one item)
    unapplied: Decimal = ZERO
    _allocs: list[Allocation] | None = None

    @property
    def targets(self) -> frozenset[int]:
        """The items it applies money to."""
        return frozenset(item.idx for item, _, _ in self.parts)

    def candidate(self, payment: Payment) -> Candidate:
        """As a stored candidate record."""
        # built from checked figures: construct without validating again (the Match validates the sums)
        return _construct(Candidate, allocations=self.allocations(payment), write_offs=self.write_offs,
                                         score=round(self.score, 4), breakdown=self.breakdown, reason=self.reason,
                                         customer_code=self.customer_code)

    def allocations(self, payment: Payment) -> list[Allocation]:
        """One allocation per item, in the payment's currency (built once)."""
        if self._allocs is None:
            self._allocs = self._build_allocations(payment)
        return self._allocs

    def _build_allocations(self, payment: Payment) -> list[Allocation]:
        return [_construct(Allocation, target_kind=item.kind, target_key=item.key, target_label=item.label,
                                           amount=amount, currency=payment.currency,
                                           target_amount=settles if item.currency != payment.currency else None)
                for item, amount, settles in self.parts]


@dataclass
class CashResult:
    """What a run proposed: one match per payment, the items still open, payments set aside."""

    matches: list[Match]
    items: list[OpenItem]
    payments: dict[str, Payment]
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # (payment key, why)
    kept: list[Match] = field(default_factory=list)  # decided earlier, left as they were
    new_amounts: set[tuple[str, Decimal]] = field(default_factory=set)  # (currency, due) left by part payments
    #: the credit notes and what each reduces; the ones that reduce nothing wait for review
    credits: list[Credit] = field(default_factory=list)

    def credits_for_review(self) -> list[Credit]:
        """Credit notes that reduce no invoice (original not found, ambiguous ...), with why."""
        return [c for c in self.credits if not c.applied]

    def open_items(self) -> list[OpenItem]:
        """Items with money still due after the run."""
        return [item for item in self.items if item.due > 0]


# -- building the open items -------------------------------------------------------------------------
def _settled_by(prior: Iterable[Match], posted: tuple[str, ...]) -> dict[str, Decimal]:
    """What earlier posted matches settle on each target key (in the target's currency)."""
    settled: dict[str, Decimal] = defaultdict(Decimal)
    for match in prior:
        if match.status not in posted:
            continue
        for alloc in match.allocations:
            settled[alloc.target_key] += alloc.target_amount if alloc.target_amount is not None else alloc.amount
        for wo in match.write_offs:
            if wo.target_key:
                settled[wo.target_key] += wo.amount
    return settled


def build_items(invoices: Iterable[Invoice], orders: Iterable[Order], customers: CustomerIndex,
                settled: dict[str, Decimal], links: dict[str, str] | None = None,
                unsure: Mapping[str, Collection[str]] | None = None,
                credits: Iterable[Credit] = ()) -> list[OpenItem]:
    """Open items: every invoice, and every live order that no invoice bills yet; ``unsure``: invoice
    natural key -> fields read with low confidence; ``credits``: credit notes applied to their invoices
    (``matchers.credits``), which ask that much less (credit notes among ``invoices`` are no items).

    An order billed by an invoice lends its references (order id, PI number) to that invoice, and what
    was paid on the order (a deposit) counts on its invoices. An invoice tied to its order by its lines
    only, where other orders of the buyer have the same lines (``Links.alike``: a repeat order), also
    carries those orders' references: which of them it bills is a guess, so a memo naming one of the
    orders names each of their invoices.
    """
    orders = [o for o in orders if not o.is_test and o.status not in ("cancelled",)]
    order_by_ref: dict[str, Order] = {}
    for order in orders:
        for ref in (order.external_id, order.pi_number):
            if ref:
                order_by_ref.setdefault(normalize_ref(ref), order)
    invoices = [inv for inv in invoices if inv.document_type != "credit_note"]
    inv_keys = [inv.natural_key() for inv in invoices]
    credits = list(credits)
    off = credited(credits)
    credit_unsure = _credit_unsure(credits, unsure)
    order_by_key = {o.natural_key(): o for o in orders}
    links = links or {}

    def order_of(inv: Invoice, key: str) -> Order | None:
        order = order_by_ref.get(normalize_ref(inv.order_ref)) if inv.order_ref else None
        return order or (order_by_key.get(links.get(key, "")) if links else None)

    inv_orders = [order_of(inv, key) for inv, key in zip(invoices, inv_keys, strict=True)]
    billed: dict[str, list[Invoice]] = defaultdict(list)
    for inv, order in zip(invoices, inv_orders, strict=True):
        if order is not None:
            billed[order.natural_key()].append(inv)
    finals = {k for k, invs in billed.items() if any(i.kind != "proforma" for i in invs)}
    items: list[OpenItem] = []

    def resolve(tax_id: str | None, name: str, fallback: str | None) -> str | None:
        code = customers.by_tax_id(tax_id) or fallback
        if code:
            return code
        hits = customers.lookup(name, min_score=0.9, limit=1)
        return hits[0].customer_code if hits else None

    orphans: set[str] = set()  # customers with an invoice tied to no order
    loose: list[OpenItem] = []
    for inv, inv_key, order in zip(invoices, inv_keys, inv_orders, strict=True):
        if inv.kind == "proforma" and order is not None and order.natural_key() in finals:
            continue  # the final invoice carries the order's money
        refs = ([inv.number] if inv.number else []) + ([inv.order_ref] if inv.order_ref else [])
        if inv.code and inv.number:
            refs.append(inv.code + inv.number)
        paid = settled.get(inv_key, ZERO)
        if order is not None:
            refs += [r for r in (order.external_id, order.pi_number) if r and r not in refs]
            for other in getattr(links, "alike", {}).get(inv_key, ()):
                if (twin := order_by_key.get(other)) is not None:
                    refs += [r for r in (twin.external_id, twin.pi_number) if r and r not in refs]
            # a deposit on the order counts on its (first) invoice
            if billed[order.natural_key()][0] is inv:
                paid += settled.get(order.natural_key(), ZERO)
        code = resolve(inv.buyer_tax_id, inv.buyer_name, order.customer_code if order else None)
        less, notes = off.get(inv_key, (ZERO, ()))
        items.append(OpenItem(len(items), "invoice", inv_key, inv.number or inv_key, code, inv.buyer_name or "",
                              inv.currency, inv.total, max(inv.total - less - paid, ZERO), inv.issue_date, refs,
                              credited=less, credit_notes=notes))
        if unsure and inv_key in unsure:
            items[-1].unsure = signals_of(unsure[inv_key], ITEM_SIGNAL_FIELDS)
        if inv_key in credit_unsure:  # what a credit note takes off rests on its fields read unsure
            items[-1].unsure |= credit_unsure[inv_key]
        if order is None:
            orphans.add(code or "")
        else:
            bills = billed[order.natural_key()]
            finals_of = [i for i in bills if i.kind != "proforma"] or bills
            if sum((i.total for i in finals_of), ZERO) < order.total:
                loose.append(items[-1])
    for item in loose:
        item.loose_order = (item.customer_code or "") in orphans
    blind = [inv for inv, order in zip(invoices, inv_orders, strict=True)
             if order is None and not inv.buyer_name and not inv.buyer_tax_id]
    for order in orders:
        if order.natural_key() in billed or order.status in ("paid", "closed"):
            continue
        refs = [r for r in (order.external_id, order.pi_number) if r]
        paid = settled.get(order.natural_key(), ZERO)
        code = resolve(None, order.customer_name, order.customer_code)
        items.append(OpenItem(len(items), "order", order.natural_key(), order.external_id, code,
                              order.customer_name, order.currency, order.total, max(order.total - paid, ZERO),
                              order.order_date, refs))
        items[-1].blind_bills = tuple(inv.number or inv.natural_key() for inv in blind if inv.currency == order.currency
                                      and inv.total == order.total and inv.issue_date >= order.order_date)
    return items


def _credit_unsure(credits: Iterable[Credit], unsure: Mapping[str, Collection[str]] | None) -> dict[str, frozenset[str]]:
    """Invoice key -> the amount signal, where a credit note applied to it was read with its kind, original
    invoice, total or currency unsure: a match on what it leaves goes to a person."""
    out: dict[str, frozenset[str]] = {}
    for c in credits:
        if c.target_key is not None and unsure and any(n in unsure.get(c.key, ()) for n in CREDIT_FIELDS):
            out[c.target_key] = frozenset({"amount"})
    return out


def item_keys(items: Sequence[OpenItem]) -> list[tuple[str, int]]:
    """A stable key per item, in order: its key and which occurrence of that key it is (0 unless the
    same invoice came twice), the same in a partition as in the single pass."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for item in items:
        out.append((item.key, seen[item.key]))
        seen[item.key] += 1
    return out


# -- the matcher --------------------------------------------------------------------------------------
class CashMatcher:
    """Proposes how payments settle open items (see the module text for how)."""

    def __init__(self, items: list[OpenItem], customers: CustomerIndex, profile: Profile,
                 resolved: ResolvedMemos | None = None, *, explain: bool = True) -> None:
        self.items = items
        self.explain = explain  # write each kept proposal's reason (off where only decisions are read)
        self.customers = customers
        self.profile = profile
        self.refs = ReferenceIndex()
        # memos resolved against every item (a partition's matcher, matchers/partition.py): no own index
        self.resolved = resolved
        self._position = {key: idx for idx, key in enumerate(item_keys(items))} if resolved else {}
        self.by_amount: dict[tuple[str, Decimal], list[int]] = defaultdict(list)
        self.by_customer: dict[str, list[int]] = defaultdict(list)
        for item in items:
            for ref in (item.refs if resolved is None else ()):
                self.refs.add(ref, item.idx)
            if item.due > 0:
                self.by_amount[(item.currency, q(item.due))].append(item.idx)
            if item.customer_code:
                self.by_customer[item.customer_code].append(item.idx)
        for idxs in self.by_customer.values():
            idxs.sort(key=lambda i: (items[i].doc_date, items[i].label))
        # each customer's items (as ``by_customer``) as objects, less the ones settled: an item's due only
        # falls, so one settled is dropped for good the next time its customer is looked at
        self._open_by_customer: dict[str, list[OpenItem]] = {
            code: [items[i] for i in idxs] for code, idxs in self.by_customer.items()}
        self.new_amounts: set[tuple[str, Decimal]] = set()
        self._names: dict[tuple[str, str | None, str], tuple[float, str]] = {}
        self._memo_cache: dict[str, list[RefHit]] = {}
        # the widest strong window per currency: cheap pre-filter before the exact tolerance checks
        self._window = {ccy: (profile.amount_abs, max(profile.amount_abs, profile.fee_abs.get(
            ccy, profile.fee_abs.get("default", ZERO)))) for ccy in {i.currency for i in items}}

    # -- signals ------------------------------------------------------------------------------------
    def _date_score(self, payment: Payment, item: OpenItem) -> float:
        days = (payment.value_date - item.doc_date).days
        window = max(self.profile.date_window_days, 1)
        if -self.profile.prepay_days <= days <= window:
            return 1.0
        over = (-self.profile.prepay_days - days) if days < 0 else (days - window)
        return max(0.0, 1.0 - over / window)

    def _name(self, payment: Payment, item: OpenItem) -> tuple[float, str]:
        key = (payment.payer, item.customer_code, item.party_name)
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = self._name_uncached(payment, item)
        return found

    def _name_uncached(self, payment: Payment, item: OpenItem) -> tuple[float, str]:
        hit = self.customers.score(payment.payer, item.customer_code)
        best, how = (hit.score, hit.via) if hit else (0.0, "")
        direct = name_similarity(payment.payer, item.party_name) if item.party_name else 0.0
        if direct > best:
            best, how = direct, "buyer name"
        return (best if best >= NAME_FLOOR else 0.0), how

    def _convert(self, amount: Decimal, from_ccy: str, to_ccy: str) -> Decimal | None:
        if from_ccy == to_ccy:
            return amount
        a, b = self.profile.rates.get(from_ccy), self.profile.rates.get(to_ccy)
        if a is None or b is None or b == 0:
            return None
        return amount * a / b

    # -- proposals ------------------------------------------------------------------------------------
    def _single(self, payment: Payment, item: OpenItem) -> Proposal | None:
        due, amount, p = item.due, payment.amount, self.profile
        left = "what is left on " if due < item.asked else ""
        if item.currency == payment.currency:
            diff = due - amount
            if diff == 0:
                return Proposal([(item, amount, amount)], [], 1.0, f"amount equals {left}{item.what}")
            if abs(diff) <= p.rounding_limit(due):
                if diff > 0:
                    wo = WriteOff(amount=diff, currency=item.currency, reason_code="ROUNDING",
                                  note=f"short by {diff}", target_key=item.key)
                    return Proposal([(item, amount, amount)], [wo], 0.95,
                                    f"amount {amount} is {left}{item.what} less {diff} rounding")
                return Proposal([(item, due, due)], [], 0.95,
                                f"amount is {left}{item.what} plus {-diff} rounding, left unapplied")
            if 0 < diff <= p.fee_limit(item.currency, due):
                wo = WriteOff(amount=diff, currency=item.currency, reason_code="BANK_FEE",
                              note=f"short by {diff} {item.currency}", target_key=item.key)
                # what is left after a part payment, less a fee, is more often a coincidence
                return Proposal([(item, amount, amount)], [wo], 0.7 if left else 0.85,
                                f"amount is {left}{item.what} less a {diff} bank fee")
            if diff > 0:
                share = int((amount / due * 100).to_integral_value())
                return Proposal([(item, amount, amount)], [], 0.3,
                                f"pays {share}% of {left}{item.what}, {q(diff)} stays open")
            return Proposal([(item, due, due)], [], 0.15,
                            f"amount exceeds {left}{item.what} by {-diff}, left unapplied", unapplied=-diff)
        converted = self._convert(amount, payment.currency, item.currency)
        if converted is None:
            return None
        rel = (converted - due) / due if due else Decimal(1)
        tol = p.rate_tolerance_pct / 100
        if abs(rel) <= tol:
            wos = []
            if converted < due:
                gap = q(due - converted)
                if gap > 0:
                    wos = [WriteOff(amount=gap, currency=item.currency, reason_code="FX_DIFF",
                                    note=f"{amount} {payment.currency} at book rate is {q(converted)}",
                                    target_key=item.key)]
            closeness = 1.0 - float(abs(rel) / tol) * 0.2 if tol else 1.0
            return Proposal([(item, amount, q(min(converted, due)))], wos, 0.9 * closeness,
                            f"{amount} {payment.currency} is about {left}{item.what} ({due} {item.currency})"
                            f" at book rate, within {p.rate_tolerance_pct}%")
        if converted < due:
            return Proposal([(item, amount, q(converted))], [], 0.25,
                            f"{amount} {payment.currency} pays part of {left}{item.what}")
        return None

    def _subsets(self, payment: Payment, pool: Sequence[OpenItem],
                 forced: Sequence[OpenItem] = ()) -> list[list[OpenItem]]:
        """Groups of items (oldest first) whose amounts due add up to the payment, within tolerance;
        with ``forced``, groups that contain those items (the ones the memo names)."""
        p = self.profile
        base = sum((i.due for i in forced), ZERO)
        target = payment.amount - base
        if target <= 0:
            return []
        skip = {i.idx for i in forced}
        items = [i for i in pool if i.currency == payment.currency and 0 < i.due <= target + 1
                 and i.idx not in skip][: p.subset_max_items]
        need = 1 if forced else 2
        if len(items) < need:
            return []
        cents = [int(i.due * 100) for i in items]
        lo = int((target - p.rounding_limit(target)) * 100)
        hi = int((target + max(p.rounding_limit(target), p.fee_limit(payment.currency, target))) * 100)
        suffix = [0] * (len(items) + 1)
        for k in range(len(items) - 1, -1, -1):
            suffix[k] = suffix[k + 1] + cents[k]
        most = p.subset_max_size - len(forced)
        found = self._walk(cents, suffix, lo, hi, need, most)
        # the first groups met (oldest items first) may all be short by a fee and hide one that adds up
        # within rounding: look for those too, as competitors (they do not make a group unique)
        exact_hi = int((target + p.rounding_limit(target)) * 100)
        if hi > exact_hi:
            found += [c for c in self._walk(cents, suffix, lo, exact_hi, need, most) if c not in found]
        return [sorted([*forced, *(items[k] for k in chosen)], key=lambda i: (i.doc_date, i.label))
                for chosen in found]

    def _walk(self, cents: list[int], suffix: list[int], lo: int, hi: int, need: int,
              most: int) -> list[list[int]]:
        """The first three choices of items (positions) whose cents add up to ``lo``..``hi``."""
        found: list[list[int]] = []
        budget = [self.profile.subset_node_budget]

        def walk(start: int, chosen: list[int], total: int) -> None:
            if budget[0] <= 0 or len(found) >= 3:
                return
            budget[0] -= 1
            if len(chosen) >= need and lo <= total <= hi:
                found.append(chosen)
            if len(chosen) >= most:
                return
            for k in range(start, len(cents)):
                new = total + cents[k]
                if new > hi:
                    continue
                if total + suffix[k] < lo:
                    return  # even every item from here on leaves it short
                walk(k + 1, [*chosen, k], new)

        walk(0, [], 0)
        return found

    def _multi(self, payment: Payment, group: list[OpenItem], unique: bool) -> Proposal | None:
        total = sum((i.due for i in group), ZERO)
        if total - payment.amount >= group[-1].due:
            return None
        parts = [(i, i.due, i.due) for i in group]
        wos: list[WriteOff] = []
        diff = total - payment.amount
        labels = ", ".join(i.what if i.credit_notes else i.label for i in group)
        note = f"amount equals {len(group)} open items together ({labels})"
        if diff > 0:
            last = group[-1]
            parts[-1] = (last, last.due - diff, last.due - diff)
            code = "ROUNDING" if diff <= self.profile.rounding_limit(total) else "BANK_FEE"
            wos = [WriteOff(amount=diff, currency=payment.currency, reason_code=code,
                            note=f"short by {diff}", target_key=last.key)]
            note = f"amount is {len(group)} open items together ({labels}) less {diff} {code.lower().replace('_', ' ')}"
        elif diff < 0:
            note += f", {-diff} left unapplied"
        # a group that adds up only with a fee allowed is far more often a coincidence than one that adds up
        fee = diff > self.profile.rounding_limit(total)
        score = (0.95 if unique else 0.8) - (0.25 if fee else 0.05 if diff else 0)
        return Proposal(parts, wos, score, note)

    def _live(self, code: str) -> list[OpenItem]:
        """The customer's items with money still due, oldest first (a new list)."""
        known = self._open_by_customer.get(code)
        if not known:
            return []
        live = [item for item in known if item.due > 0]
        if len(live) < len(known):
            self._open_by_customer[code] = live[:]
        return live

    def _memo_hits(self, memo: str) -> list[RefHit]:
        found = self._memo_cache.get(memo)
        if found is None:
            found = self._memo_cache[memo] = (self.refs.lookup_memo(memo) if self.resolved is None
                                              else self.resolved.lookup_memo(memo, self._position))
        return found

    def forget(self, payment: Payment) -> None:
        """Drop what is cached for the payment's memo (a payment decided for good: what its memo names is
        found again, the same, should another payment carry that memo)."""
        self._memo_cache.pop(payment.memo, None)

    def prescore(self, payment: Payment) -> float:
        """A cheap first look that orders payments strongest first."""
        hits = self._memo_hits(payment.memo)
        amount = payment.amount
        if any(self.items[int(h.target)].due == amount for h in hits):  # type: ignore[call-overload]
            return 3.0
        known = bool(self.customers.lookup(payment.payer))
        equal = (payment.currency, q(amount)) in self.by_amount
        return (2.0 if hits and known else 1.5 if equal and known else 1.0 if hits or equal else 0.5 if known
                else 0.0)

    def propose(self, payment: Payment) -> tuple[list[Proposal], set[int]]:
        """Ranked proposals for one payment, and the items it looked at."""
        hits: dict[int, RefHit] = {}
        for hit in self._memo_hits(payment.memo):
            idx = int(hit.target)  # type: ignore[call-overload]
            if self.items[idx].due > 0 or not hits:
                hits[idx] = hit
        weights = self._ref_weights(hits)
        pool: dict[int, OpenItem] = {}
        for idx in hits:
            pool[idx] = self.items[idx]
        name_hits = self.customers.lookup(payment.payer)
        customer_items: dict[str, list[OpenItem]] = {}
        for hit in name_hits[:2]:
            live = self._live(hit.customer_code)
            customer_items[hit.customer_code] = live
            for item in live[: self.profile.subset_max_items * 2]:
                pool[item.idx] = item
        # the buyer of an item the memo names, when the payer is that buyer by name: its other open items
        # may make up the rest of the payment (a payer name several customers share finds none of them)
        for idx in hits:
            named_item = self.items[idx]
            code = named_item.customer_code
            if (named_item.due > 0 and code and code not in customer_items
                    and self._name(payment, named_item)[0] >= NAME_SURE):
                live = self._live(code)
                customer_items[code] = live
                for item in live[: self.profile.subset_max_items * 2]:
                    pool[item.idx] = item
        for idx in self.by_amount.get((payment.currency, q(payment.amount)), [])[:EQUAL_AMOUNT_POOL]:
            pool[idx] = self.items[idx]
        looked = set(pool)
        proposals: dict[frozenset[int], Proposal] = {}

        def add(prop: Proposal | None) -> None:
            if prop is None:
                return
            self._score(payment, prop, hits, weights)
            if prop.targets not in proposals or proposals[prop.targets].score < prop.score:
                proposals[prop.targets] = prop

        # amounts that do not fit (part payments, over-payments) of items the memo does not name are
        # weak: they only matter when nothing strong stands out
        weak: list[OpenItem] = []
        for item in pool.values():
            if item.due <= 0:
                continue
            if item.idx not in hits and item.currency == payment.currency:
                diff = item.due - payment.amount
                below, above = self._window[item.currency]
                if diff < -below or diff > above:
                    weak.append(item)
                    continue
                if diff < -self.profile.rounding_limit(item.due) or diff > max(
                        self.profile.rounding_limit(item.due), self.profile.fee_limit(item.currency, item.due)):
                    weak.append(item)
                    continue
            add(self._single(payment, item))
        exact_single = any(p.amount_score >= 0.95 and len(p.parts) == 1 and (
            p.breakdown.get("name", 0) > 0 or p.breakdown.get("reference", 0) > 0) for p in proposals.values())
        referenced = sorted((self.items[i] for i in hits if self.items[i].due > 0),
                            key=lambda i: (i.doc_date, i.label))
        groups = self._subsets(payment, referenced)
        for group in groups:
            add(self._multi(payment, group, len(groups) == 1))
        named_exact = any(p.amount_score >= 0.95 and p.breakdown.get("reference", 0) > 0
                          for p in proposals.values())
        for live in customer_items.values():
            named = [i for i in live if i.idx in hits]
            if named and len(named) < len(live) and not named_exact:
                # the memo names part of a group: groups holding the named items
                groups = self._subsets(payment, live, named)
                for group in groups:
                    add(self._multi(payment, group, len(groups) == 1))
            if exact_single:
                continue
            groups = self._subsets(payment, live)
            for group in groups:
                add(self._multi(payment, group, len(groups) == 1))
        best = max((p.score for p in proposals.values()), default=0.0)
        w = self.profile.weights
        weak_max = 0.3 * w["amount"] + w["name"] + w["date"]
        if weak and not (best >= self.profile.auto_threshold and best - weak_max >= self.profile.auto_margin):
            for item in weak:
                add(self._single(payment, item))
        ranked = sorted(proposals.values(), key=lambda p: self._rank_key(p, payment.value_date))[:5]
        if self.explain:
            for prop in ranked:
                if not prop.reason:
                    self._explain(payment, prop, hits)
        return ranked, looked

    def _rank_key(self, prop: Proposal, paid_on: date | None = None) -> tuple:
        oldest = min(item.doc_date for item, _, _ in prop.parts)
        # ties: a single item dated nearest before the payment first; groups oldest first
        gap = 0
        if paid_on is not None and len(prop.parts) == 1:
            days = (paid_on - oldest).days
            gap = days if days >= 0 else 10_000 - days
        return (-round(prop.score, 6), *(-prop.breakdown.get(s, 0) for s in self.profile.priority),
                gap, oldest.toordinal(), min(item.label for item, _, _ in prop.parts))

    def _ref_weights(self, hits: dict[int, RefHit]) -> dict[int, float]:
        """Evidence of each named item. One reference naming several items (an order billed by several
        invoices) points at its oldest open item first, as cash is applied oldest first."""
        weights: dict[int, float] = {}
        by_ref: dict[str, list[int]] = defaultdict(list)
        for idx, hit in hits.items():
            by_ref[normalize_ref(hit.reference)].append(idx)
        for idxs in by_ref.values():
            idxs.sort(key=lambda i: (self.items[i].due <= 0, self.items[i].doc_date, self.items[i].label))
            for rank, idx in enumerate(idxs):
                weights[idx] = hits[idx].score * (1.0 if rank == 0 else 0.75)
        return weights

    def _score(self, payment: Payment, prop: Proposal, hits: dict[int, RefHit], weights: dict[int, float]) -> None:
        w = self.profile.weights
        parts = [item for item, _, _ in prop.parts]
        ref_scores = [weights.get(i.idx, 0.0) for i in parts]
        # how much of what the memo names the proposal covers (recall, by memo token), and how much of
        # the proposal the memo names (precision): a group the memo names in part still points at the group
        tokens = {h.token for h in hits.values()}
        covered = {hits[i.idx].token for i in parts if i.idx in hits}
        recall = len(covered) / len(tokens) if tokens else 0.0
        precision = sum(1 for r in ref_scores if r > 0) / len(parts)
        reference = max(ref_scores) * recall * (0.6 + 0.4 * precision) if ref_scores else 0.0
        names = [self._name(payment, i) for i in parts]
        name = min(s for s, _ in names)
        date_score = min(self._date_score(payment, i) for i in parts)
        prop.breakdown = {"amount": round(prop.amount_score, 4), "reference": round(reference, 4),
                          "name": round(name, 4), "date": round(date_score, 4)}
        prop.score = min(1.0, sum(w[k] * prop.breakdown[k] for k in w))
        codes = {i.customer_code for i in parts}
        prop.customer_code = codes.pop() if len(codes) == 1 else None
        prop.via = names[0][1]
        prop.unsure = corroborated_away(prop, payment)
        if len(parts) == 1 and parts[0].idx in hits:
            prop.by_order_ref = normalize_ref(hits[parts[0].idx].reference) != normalize_ref(parts[0].label)
        if any(wo.reason_code == "BANK_FEE" for wo in prop.write_offs):
            orders = {normalize_ref(hits[i.idx].reference) for i in parts if i.idx in hits
                      and normalize_ref(hits[i.idx].reference) != normalize_ref(i.label)}
            prop.order_siblings = tuple(
                self.items[i].what for i, h in hits.items() if orders and i not in prop.targets
                and normalize_ref(h.reference) in orders
                # one item: another the payment could be a part of; a group: any other left out
                and self.items[i].due > (payment.amount if len(parts) == 1 else ZERO))
        if hits and reference == 0 and any(wo.reason_code == "BANK_FEE" for wo in prop.write_offs):
            prop.stray_refs = tuple(dict.fromkeys(h.reference for h in hits.values()))

    def _explain(self, payment: Payment, prop: Proposal, hits: dict[int, RefHit]) -> None:
        """The one-line reason a clerk reads (built for the proposals kept only)."""
        parts = [item for item, _, _ in prop.parts]
        name, date_score, via = prop.breakdown["name"], prop.breakdown["date"], prop.via
        bits = [prop.amount_note[0].upper() + prop.amount_note[1:]]
        said = [hits[i.idx] for i in parts if i.idx in hits]
        if said:
            bits.append("memo names " + ", ".join(self._ref_words(h) for h in said[:3]))
        else:
            bits.append("memo names none of them" if len(parts) > 1 else "memo names no reference")
        if name > 0:
            customer = self.customers.customers.get(parts[0].customer_code or "")
            who = customer.name if customer else parts[0].party_name
            bits.append(f"payer {payment.payer} is {who}" + (f" ({via})" if via and via != "legal name" else ""))
        else:
            bits.append(f"payer {payment.payer} is not a known name of the buyer")
        if date_score < 1:
            bits.append(f"paid {abs((payment.value_date - parts[0].doc_date).days)} days from the document date")
        prop.reason = "; ".join(bits)

    def _ref_words(self, hit: RefHit) -> str:
        item = self.items[int(hit.target)]  # type: ignore[call-overload]
        kind = item.kind if normalize_ref(hit.reference) == normalize_ref(item.label) else "order"
        return f"{kind} {hit.reference}{HOW_WORDS[hit.how]}"

    # -- posting ----------------------------------------------------------------------------------------
    def post(self, prop: Proposal) -> None:
        """Take what a proposal settles off its items (so later payments see what is left)."""
        for item, _amount, settles in prop.parts:
            item.due = max(item.due - settles, ZERO)
        for wo in prop.write_offs:
            for item, _, _ in prop.parts:
                if item.key == wo.target_key:
                    item.due = max(item.due - wo.amount, ZERO) if wo.currency == item.currency else ZERO
        for item, _, _ in prop.parts:
            item.version += 1
            if item.due > 0:
                key = (item.currency, q(item.due))
                self.by_amount[key].append(item.idx)
                self.new_amounts.add(key)

    def outcome(self, ranked: list[Proposal]) -> Literal["auto", "review", "unmatched"]:
        """auto, review or unmatched for ranked proposals."""
        p = self.profile
        if not ranked or ranked[0].score < p.review_min:
            return "unmatched"
        top = ranked[0]
        runner = ranked[1].score if len(ranked) > 1 else 0.0
        if top.score >= p.auto_threshold and top.score - runner >= p.auto_margin and doubt(top, p) is None:
            return "auto"
        return "review"


#: a signal scoring at least this much is the two documents agreeing exactly (amount to the cent, the
#: reference as printed, the name as registered)
EXACT = 0.999


def corroborated_away(prop: Proposal, payment: Payment) -> frozenset[str]:
    """The signals of ``prop`` resting on fields read with low confidence, less those the other side confirms:
    a field read unsure on one side only (a scanned receipt, a scanned invoice) that agrees exactly with what
    the other side read surely is no longer in doubt (an OCR misreading does not land on the cent of the open
    item, on the number the memo prints, on the customer's registered name), provided the payment names the item
    exactly: the amount or the name agreeing alone still waits. Unsure on both sides, or agreeing only nearly (a
    part payment, a fee, a reference one character off), it stays in doubt."""
    items = frozenset().union(*(i.unsure for i, _, _ in prop.parts))
    doubtful = payment.unsure | items
    if not doubtful:
        return doubtful
    # what a credit note takes off is no independent reading: an amount resting on it stays in doubt
    whole = (not prop.write_offs and not prop.unapplied and not any(i.credit_notes for i, _, _ in prop.parts)
             and all(i.currency == payment.currency and settles == i.due for i, _, settles in prop.parts)
             and sum((a for _, a, _ in prop.parts), ZERO) == payment.amount)
    # the other side confirms only where the payment names the item exactly: an amount or a name agreeing
    # alone is what a field left for review must not carry (the payer's name on its own, the total on its own)
    named = prop.breakdown.get("reference", 0) >= EXACT
    exact = {"amount": whole and named, "reference": named, "name": named and prop.breakdown.get("name", 0) >= EXACT}
    return frozenset(s for s in doubtful
                     if s not in exact or not exact[s] or (s in payment.unsure and s in items))


def doubt(prop: Proposal, profile: Profile) -> str | None:
    """Why a proposal that scores enough must still go to a person (None: nothing doubtful).

    A match resting on what a document left for review does not auto-apply: the score without the amount,
    reference or name signals whose fields were read with low confidence (``Proposal.unsure``) must
    still reach the threshold (an unsure date does not hold a match back, see ``EVIDENCE``).

    A payment that does not equal the one invoice it pays and whose memo names only that invoice's order
    (not the invoice) is doubtful when the invoices known to bill the order do not bill it in full and the
    customer has an invoice tied to no order (its lines did not match the order's, it names none): the
    payment may be for that one.

    A payment short of what it would pay by a bank fee, whose memo names our references (an invoice or an
    order, open or settled) that are none of those items, is doubtful: the memo points elsewhere and the
    near amount may be a coincidence.

    A payment larger than the one item it pays by more than rounding leaves money unapplied: where the rest
    goes is a person's call (other items, named cut short or not at all).

    A payment short of what it would pay by a bank fee, whose memo names the order of one of those
    invoices (not the invoice), is doubtful when the order is billed by another open invoice the proposal
    leaves out (for one invoice: one the payment could be a part of): the reference does not say which,
    and the near amount may be a coincidence.

    A payment short of an item by a bank fee, whose memo names no reference, rests on a near amount and
    the payer's name: it auto-applies only when the payer is the customer by a name of
    ``profile.fee_auto_via`` (its legal or registered English name by default), at least ``NAME_SURE``
    alike, and (``profile.fee_auto_whole``) the shortfall is a whole amount, as bank charges are. A short
    name (an alias) is weaker evidence, and another open item of the customer may lie within a fee too: a
    part payment of one item short of another by 19.04 is no bank charge.
    """
    if prop.unsure & set(EVIDENCE):
        w = profile.weights
        sure = sum(w[k] * prop.breakdown.get(k, 0) for k in w if k not in prop.unsure or k not in EVIDENCE)
        if sure < profile.auto_threshold:
            which = ", ".join(sorted(prop.unsure & set(EVIDENCE)))
            return f"the match rests on what was read with low confidence from a document ({which})"
    blind = [(i.label, i.blind_bills) for i, _, _ in prop.parts if i.blind_bills]
    if blind:
        label, bills = blind[0]
        return (f"invoice {', '.join(bills)}, read without its buyer, may bill order {label}: applied to the "
                "order, the invoice would stay open beside it")
    item = prop.parts[0][0]
    if prop.by_order_ref and item.loose_order and prop.amount_score < 0.95:
        return (f"the memo names the order of {item.what}, not the invoice, and the order's other invoices "
                "may be among the customer's invoices tied to no order")
    if prop.unapplied > 0:
        return (f"it pays {item.what} and leaves {prop.unapplied} unapplied: the rest may pay other items "
                "(the memo may name them cut short)")
    fee = [wo.amount for wo in prop.write_offs if wo.reason_code == "BANK_FEE"]
    if fee and prop.order_siblings:
        what = " and ".join(i.what for i, _, _ in prop.parts[:3])
        return (f"short of {what} by a {fee[0]} bank fee, and the memo names an order that "
                f"{', '.join(prop.order_siblings[:3])} also bills: the payment may be for that one")
    if not fee or prop.breakdown.get("reference", 0) > 0:
        return None
    if prop.stray_refs:
        return (f"short by a bank fee, and the memo names {', '.join(prop.stray_refs[:3])}, which is none of "
                "what it would pay")
    name = prop.breakdown.get("name", 0)
    if prop.via in profile.fee_auto_via and name >= NAME_SURE:
        if profile.fee_auto_whole and fee[0] != fee[0].to_integral_value():
            return (f"short by {fee[0]}, not a whole amount as bank charges are, and the memo names no "
                    "reference: it may be a part payment of another item")
        return None
    if name <= 0 or not prop.via:
        how = "is not a known name of the customer"
    elif prop.via in profile.fee_auto_via:
        how = f"is only {name:.0%} alike the customer's {prop.via}"
    else:
        how = f"is the customer by its {prop.via} only"
    return f"short by a bank fee, the memo names no reference and the payer {how}"


def payments_from(records: Iterable[BankReceipt | StatementLine], ours: Ours | None = None,
                  unsure: Mapping[str, Collection[str]] | None = None,
                  ) -> tuple[list[Payment], list[tuple[str, str]]]:
    """Payments to match: receipts, and statement lines of money in that are not a receipt's copy.

    A statement line is the same money as a receipt when it has the receipt's bank transaction id, or
    the same amount, currency and a value date a day or two apart with a payer name alike. With ``ours``
    (our companies), a receipt on which we are the payer and money between our own accounts are set aside.
    ``unsure``: natural key -> fields read with low confidence (they carry no automatic match).
    """
    unsure = unsure or {}
    receipts, lines = [], []
    set_aside: list[tuple[str, str]] = []
    for record in records:
        if isinstance(record, StatementLine):
            if record.amount <= 0:
                set_aside.append((record.natural_key(), "money out"))
                continue
            if ours and (why := ours.not_money_in(record)) is not None:
                set_aside.append((record.natural_key(), why))
                continue
            if (why := unusable(record)) is not None:
                set_aside.append((record.natural_key(), why))
                continue
            lines.append(record)
        elif ours and (why := ours.not_money_in(record)) is not None:
            set_aside.append((record.natural_key(), why))
        elif (why := unusable(record)) is not None:
            set_aside.append((record.natural_key(), why))
        else:
            receipts.append(record)
    payments = [Payment.from_record(r, unsure.get(r.natural_key(), ())) for r in receipts]
    twins = ReceiptTwins({r.transaction_id for r in receipts})
    twins.add(payments)
    lines_in, lines_aside = twins.line_payments(lines, unsure)
    return payments + lines_in, set_aside + lines_aside


class ReceiptTwins:
    """What tells a statement line that is a receipt's copy (see :func:`payments_from`): the receipts'
    transaction ids and the receipts by currency and amount."""

    def __init__(self, transaction_ids: Collection[str | None] = ()) -> None:
        self.txns = set(transaction_ids)
        self.by_amount: dict[tuple[str, Decimal], list[Payment]] = defaultdict(list)

    def add(self, receipts: Iterable[Payment]) -> None:
        for pay in receipts:
            self.by_amount[(pay.currency, pay.amount)].append(pay)

    def line_payments(self, lines: Iterable[StatementLine], unsure: Mapping[str, Collection[str]] | None = None,
                      ) -> tuple[list[Payment], list[tuple[str, str]]]:
        """Payments of statement lines of money in (already past the our-companies check), less the
        copies of a receipt (set aside, with why)."""
        unsure = unsure or {}
        payments: list[Payment] = []
        set_aside: list[tuple[str, str]] = []
        for line in lines:
            pay = Payment.from_record(line, unsure.get(line.natural_key(), ()))
            if line.transaction_id in self.txns:
                set_aside.append((pay.key, "same transaction as a receipt"))
                continue
            twin = next((r for r in self.by_amount.get((pay.currency, pay.amount), [])
                         if abs((r.value_date - pay.value_date).days) <= 2
                         and name_similarity(r.payer, pay.payer) >= 0.85), None)
            if twin is not None:
                set_aside.append((pay.key, f"same money as receipt {twin.key}"))
                continue
            payments.append(pay)
        return payments, set_aside


def reconcile(
    payments: Iterable[BankReceipt | StatementLine],
    invoices: Iterable[Invoice],
    orders: Iterable[Order] = (),
    customers: Iterable[Customer] = (),
    *,
    profile: Profile | None = None,
    prior: Iterable[Match] = (),
    products: Iterable[Product] = (),
    rules: Sequence[MoneyRule] = (),
    resolved: ResolvedMemos | None = None,
    ours: Ours | None = None,
    unsure: Mapping[str, Collection[str]] | None = None,
    advices: Sequence[RemittanceAdvice] = (),
) -> CashResult:
    """Propose a match for every payment not decided before; see the module text. ``rules`` (money that
    is not a customer's, ``matchers.rules``) are applied first, to money in and money out. ``resolved``:
    what the memos name, looked up over every open item (a partition's run, ``matchers.partition``).
    ``ours``: our companies, to set aside receipts we paid and transfers between our accounts (default: the
    settings' our-companies master, ``matchers.ours``). ``unsure``: natural key of a payment -> its fields
    read with low confidence (``matchers.partial.unsure_fields``), and the same for invoices: a match resting
    on them goes to review. ``advices``: the payers' remittance advices; a payment that fits one is split over the
    invoices it lists (``matchers.advices``) before the matcher's own evidence is weighed."""
    with _gc_paused():
        return _reconcile(payments, invoices, orders, customers, profile=profile, prior=prior, products=products,
                          rules=rules, resolved=resolved, ours=ours, unsure=unsure, advices=advices)


def _reconcile(payments: Iterable[BankReceipt | StatementLine], invoices: Iterable[Invoice], orders: Iterable[Order],
               customers: Iterable[Customer], *, profile: Profile | None, prior: Iterable[Match],
               products: Iterable[Product], rules: Sequence[MoneyRule], resolved: ResolvedMemos | None,
               ours: Ours | None, unsure: Mapping[str, Collection[str]] | None,
               advices: Sequence[RemittanceAdvice] = ()) -> CashResult:
    profile = profile or load_profile()
    prior = list(prior)
    posted = tuple(dict.fromkeys(POSTED + profile.auto_post))
    kept = {m.payment_key: m for m in prior if m.status in posted or m.status in ("rejected", "confirmed")}
    customers = list(customers)
    cix = CustomerIndex.build(customers)
    items, credits = open_items(invoices, orders, customers, cix, _settled_by(kept.values(), posted), products,
                                unsure)
    matcher = CashMatcher(items, cix, profile, resolved)
    payments = once(payments)
    pays, set_aside = payments_from(payments, Ours.from_settings() if ours is None else ours, unsure)
    posted_by_rule, pays, set_aside = _apply_rules(rules, pays, set_aside, payments, cix, set(kept))
    todo = [pay for pay in pays if pay.key not in kept]
    advised: list[Match] = []
    if advices:
        from matchers.advices import apply_advices

        advised, todo = apply_advices(advices, todo, matcher, profile, unsure)
    decided, by_key = _decide_all(matcher, todo, posted)
    matches = [_to_match(by_key[key], status, ranked, profile) for key, (status, ranked, _) in decided.items()]
    matches += posted_by_rule + advised
    matches.sort(key=lambda m: m.payment_key)
    return CashResult(matches, items, {p.key: p for p in pays}, set_aside, list(kept.values()),
                      set(matcher.new_amounts), credits)


def once(payments: Iterable[BankReceipt | StatementLine]) -> list[BankReceipt | StatementLine]:
    """Each transaction once: a statement line exported twice (two overlapping exports of one account), a
    receipt read from two copies, are one payment (the same natural key, amount and date; the first copy is
    kept). A record whose key is not all read (no transaction id) is never taken for another's copy."""
    out: list[BankReceipt | StatementLine] = []
    seen: set[tuple] = set()
    for p in payments:
        if all(getattr(p, f, None) for f in p.KEY_FIELDS if f != "account"):
            ident = (p.KIND, p.natural_key(), p.amount, p.value_date or getattr(p, "booking_date", None))
            if ident in seen:
                continue
            seen.add(ident)
        out.append(p)
    return out


def open_items(invoices: Iterable[Invoice], orders: Iterable[Order], customers: Sequence[Customer],
               cix: CustomerIndex, settled: dict[str, Decimal], products: Iterable[Product] = (),
               unsure: Mapping[str, Collection[str]] | None = None) -> tuple[list[OpenItem], list[Credit]]:
    """The open items :func:`reconcile` matches against (partly read invoices left out, credit notes
    applied to their invoices, cross-channel copies of an order dropped, invoices printing no order
    reference tied to orders by their lines), and the credit notes."""
    from matchers.threeway import ProductIndex, link_invoices

    invoices = [inv for inv in invoices if unusable(inv) is None]  # partly read ones wait for review
    invoices, credit_notes = split_credits(invoices)
    credits = apply_credits(credit_notes, invoices)
    orders = _without_copies(list(orders), invoices)
    unlinked = any(not i.order_ref for i in invoices)
    links = link_invoices(invoices, orders, ProductIndex(products), customers) if unlinked and orders else {}
    return build_items(invoices, orders, cix, settled, links, unsure, credits), credits


Decided = dict[str, tuple[str, list[Proposal], dict[int, int]]]
#: what an emitted decision keeps (shared, never changed: a posted decision is not looked at again)
_NO_PROPOSALS: list[Proposal] = []
_NO_VERSIONS: dict[int, int] = {}


def _decide_all(matcher: CashMatcher, todo: list[Payment], posted: tuple[str, ...],
                emit: Callable[[Payment, str, list[Proposal]], None] | None = None,
                ) -> tuple[Decided, dict[str, Payment]]:
    """Every payment decided, strongest evidence first, then looked at again while what later payments
    took changes an earlier decision; the decisions by payment key, and the payments by key. ``emit``: each
    decision that posts is handed to it as it is made (it is never looked at again) and kept only as its
    status (no proposals, no versions)."""
    items = matcher.items
    # strongest evidence first (a memo naming an item of exactly the amount, then a reference and a
    # known payer, then an equal amount and a known payer ...), each against the items as they stand
    order = sorted(todo, key=lambda p: (-matcher.prescore(p), p.value_date, p.key))
    decided: Decided = {}
    for pay in order:
        ranked, looked = matcher.propose(pay)
        decided[pay.key] = got = _decide(matcher, ranked, looked, posted)
        if emit is not None and got[0] in posted:
            emit(pay, got[0], got[1])
            decided[pay.key] = (got[0], _NO_PROPOSALS, _NO_VERSIONS)
    # what later payments took may settle an earlier review (its runner-up is gone): look again until
    # nothing changes, so that a second run proposes nothing new
    by_key = {p.key: p for p in order}
    for _ in range(5):
        changed = False
        for key, (status, _ranked, versions) in list(decided.items()):
            if status in posted or not any(items[i].version != v for i, v in versions.items()):
                continue
            ranked, looked = matcher.propose(by_key[key])
            decided[key] = _decide(matcher, ranked, looked, posted)
            changed = changed or decided[key][0] != status
        if not changed:
            break
    return decided, by_key


# -- the same, on rows streamed from the store -----------------------------------------------------
#: The receipt fields a row holds after its natural key (see :func:`reconcile_rows`).
RECEIPT_FIELDS = ("value_date", "payer_name", "amount", "currency", "memo", "bank", "transaction_id")
#: The invoice fields a row holds after its natural key.
INVOICE_FIELDS = ("kind", "number", "code", "issue_date", "buyer_name", "buyer_tax_id", "currency", "total",
                  "order_ref", "document_type", "original_number")
#: (payment key, status, ((target key, amount applied as text), ...)): one decided payment
DecisionRow = tuple[str, str, tuple[tuple[str, str], ...]]


def _money(value: object) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def payments_from_rows(rows: Iterable[Sequence], unsure: Mapping[str, Collection[str]] | None = None,
                       ) -> tuple[list[Payment], list[tuple[str, str]]]:
    """Payments from receipt rows ``(key, *RECEIPT_FIELDS)`` (JSON values as the store keeps them, or
    Decimals and dates); a row without amount, value date or currency is set aside as
    :func:`matchers.partial.unusable` sets its record aside. ``unsure``: as :func:`payments_from`'s."""
    unsure = unsure or {}
    payments: list[Payment] = []
    set_aside: list[tuple[str, str]] = []
    for key, value_date, payer, amount, currency, memo, bank, txn in rows:
        missing = [n for n, v in (("amount", amount), ("value_date", value_date), ("currency", currency)) if v is None]
        if missing:
            set_aside.append((key, f"needs review: {', '.join(missing)} not read from the document"))
            continue
        payments.append(Payment("receipt", key, _day(value_date), payer or "", _money(amount), currency, memo or "",
                                bank or "", txn or "", signals_of(unsure.get(key, ()))))
    return payments, set_aside


def items_from_rows(rows: Iterable[Sequence], customers: CustomerIndex, settled: dict[str, Decimal] | None = None,
                    unsure: Mapping[str, Collection[str]] | None = None) -> list[OpenItem]:
    """Open items from invoice rows ``(key, *INVOICE_FIELDS)``: what :func:`build_items` makes of the
    same invoices when no order is given (rows without total, issue date or currency are left out)."""
    items: list[OpenItem] = []
    rows = list(rows)
    _add_items(items, rows, customers, settled or {}, unsure or {}, credited(credits_of_rows(rows)))
    return items


def items_from_row_chunks(chunks: Callable[[], Iterable[Sequence[Sequence]]], customers: CustomerIndex,
                          settled: dict[str, Decimal] | None = None,
                          unsure: Mapping[str, Collection[str]] | None = None,
                          ) -> tuple[list[OpenItem], list[Credit], int]:
    """:func:`items_from_rows` and :func:`credits_of_rows` on invoice rows streamed a chunk at a time
    (``chunks()`` streams them from the start, each call), without holding every row: the open items, the
    credit notes and how many rows were read. A credit note takes off an invoice that may come in any chunk,
    so once one is met the rows are read again, whole."""
    settled = settled or {}
    unsure = unsure or {}
    items: list[OpenItem] = []
    count = 0
    for rows in chunks():
        if any(len(r) > 10 and r[10] == "credit_note" for r in rows):
            every = [row for got in chunks() for row in got]
            return items_from_rows(every, customers, settled, unsure), credits_of_rows(every), len(every)
        count += len(rows)
        _add_items(items, rows, customers, settled, unsure, {})
    return items, [], count


def _add_items(items: list[OpenItem], rows: Iterable[Sequence], customers: CustomerIndex,
               settled: dict[str, Decimal], unsure: Mapping[str, Collection[str]],
               off: Mapping[str, tuple[Decimal, tuple[str, ...]]]) -> None:
    """The open items of invoice rows appended to ``items`` (see :func:`items_from_rows`); ``off``: what
    credit notes take off each invoice key, and their numbers."""
    for key, _kind, number, code, issue_date, buyer, tax_id, currency, total, order_ref, *credit in rows:
        if total is None or issue_date is None or currency is None:
            continue  # partly read: waits for review
        if credit and credit[0] == "credit_note":
            continue  # a credit note: no item, it reduces its invoice
        refs = ([number] if number else []) + ([order_ref] if order_ref else [])
        if code and number:
            refs.append(code + number)
        customer = customers.by_tax_id(tax_id)
        if not customer:
            hits = customers.lookup(buyer or "", min_score=0.9, limit=1)
            customer = hits[0].customer_code if hits else None
        total = _money(total)
        less, notes = off.get(key, (ZERO, ()))
        items.append(OpenItem(len(items), "invoice", key, number or key, customer, buyer or "", currency, total,
                              max(total - less - settled.get(key, ZERO), ZERO), _day(issue_date), refs,
                              credited=less, credit_notes=notes))
        if key in unsure:
            items[-1].unsure = signals_of(unsure[key], ITEM_SIGNAL_FIELDS)


def credits_of_rows(rows: Sequence[Sequence]) -> list[Credit]:
    """:func:`matchers.credits.apply_credits` on invoice rows (the issuer taken from the natural key)."""
    if not any(len(r) > 10 and r[10] == "credit_note" for r in rows):
        return []  # no credit note among the rows (the common case)
    bills: list[tuple[str, Invoice]] = []
    notes: list[tuple[str, Invoice]] = []
    for key, _kind, number, _code, issue_date, buyer, _tax, currency, total, _ref, *credit in rows:
        if total is None or issue_date is None or currency is None:
            continue
        is_credit = bool(credit) and credit[0] == "credit_note"
        seller = key.removesuffix("|credit_note").rsplit("|", 1)[0] if not key.startswith("file:") else None
        inv = _construct(Invoice, kind="commercial", number=number, seller_name=seller, buyer_name=buyer,
                         currency=currency, total=_money(total), document_type="credit_note" if is_credit else "invoice",
                         original_number=credit[1] if is_credit and len(credit) > 1 else None)
        (notes if is_credit else bills).append((key, inv))
    return apply_credits([n for _, n in notes], [b for _, b in bills], [k for k, _ in bills], [k for k, _ in notes])


def reconcile_rows(receipts: Iterable[Sequence], invoices: Iterable[Sequence], customers: Iterable[Customer], *,
                   profile: Profile | None = None, settled: dict[str, Decimal] | None = None) -> list[DecisionRow]:
    """The decisions :func:`reconcile` takes for the same receipts and invoices (given in the same order),
    from plain rows instead of records: receipt rows ``(key, *RECEIPT_FIELDS)``, invoice rows
    ``(key, *INVOICE_FIELDS)`` (as :meth:`hub.store.Store.stream` reads them), ``settled`` what posted
    matches already applied to each invoice key. No orders, statement lines, rules or earlier decisions
    (pass only payments not yet decided); no reasons or candidates, only each payment's status and what an
    automatic match applies where. For runs over many rows (a partition of a million), in key order."""
    with _gc_paused():  # the matcher's objects are freed (inside) before the collector is back on
        return _reconcile_rows(receipts, invoices, customers, profile=profile, settled=settled)


def _reconcile_rows(receipts: Iterable[Sequence], invoices: Iterable[Sequence], customers: Iterable[Customer], *,
                    profile: Profile | None, settled: dict[str, Decimal] | None) -> list[DecisionRow]:
    profile = profile or load_profile()
    posted = tuple(dict.fromkeys(POSTED + profile.auto_post))
    cix = CustomerIndex.build(customers)
    items = items_from_rows(invoices, cix, settled)
    matcher = CashMatcher(items, cix, profile, explain=False)
    pays, _set_aside = payments_from_rows(receipts)
    decided, _ = _decide_all(matcher, pays, posted)
    rows: list[DecisionRow] = []
    for key, (status, ranked, _) in decided.items():
        applied = (tuple(sorted((item.key, str(amount)) for item, amount, _ in ranked[0].parts))
                   if status == "auto" and ranked else ())
        rows.append((key, status, applied))
    rows.sort()
    return rows


def decide_rows(receipts: Iterable[Sequence], invoices: Iterable[Sequence], customers: CustomerIndex, *,
                profile: Profile | None = None, settled: dict[str, Decimal] | None = None,
                unsure: Mapping[str, Collection[str]] | None = None, resolved: ResolvedMemos | None = None,
                ) -> tuple[list[Match], list[OpenItem], set[tuple[str, Decimal]]]:
    """The matches :func:`reconcile` makes of the same receipts and invoices (rows as for
    :func:`reconcile_rows`, in the same order), every one with its score, breakdown, reason and candidates;
    the open items after the run and the amounts part payments left (``CashResult.new_amounts``). No
    orders, statement lines, rules or earlier decisions: pass only undecided payments, and in ``settled``
    what posted matches applied. Call it with the garbage collector paused (:func:`_gc_paused`) on many
    rows (``matchers.bulk`` does)."""
    items = items_from_rows(invoices, customers, settled, unsure)
    pays, _set_aside = payments_from_rows(receipts, unsure)
    matches, new_amounts = decide_payments(pays, items, customers, profile=profile, resolved=resolved)
    return matches, items, new_amounts


def decide_payments(pays: Sequence[Payment], items: list[OpenItem], customers: CustomerIndex, *,
                    profile: Profile | None = None, resolved: ResolvedMemos | None = None,
                    ) -> tuple[list[Match], set[tuple[str, Decimal]]]:
    """The matches :func:`reconcile` makes of these undecided payments against these open items (each
    item's ``idx`` its position; the matcher takes money off them), in payment key order, and the amounts
    part payments left."""
    profile = profile or load_profile()
    posted = tuple(dict.fromkeys(POSTED + profile.auto_post))
    matcher = CashMatcher(items, customers, profile, resolved)
    decided, by_key = _decide_all(matcher, list(pays), posted)
    matches = [_to_match(by_key[key], status, ranked, profile) for key, (status, ranked, _) in decided.items()]
    matches.sort(key=lambda m: m.payment_key)
    return matches, set(matcher.new_amounts)


def _apply_rules(rules: Sequence[MoneyRule], pays: list[Payment], set_aside: list[tuple[str, str]],
                 records: list[BankReceipt | StatementLine], cix: CustomerIndex, kept: set[str],
                 ) -> tuple[list[Match], list[Payment], list[tuple[str, str]]]:
    """Post what the rules fit: money in among the payments, and money out among the statement lines set
    aside as such; what was decided before is left alone."""
    if not rules:
        return [], pays, set_aside

    def is_customer(name: str) -> bool:
        return bool(cix.lookup(name, min_score=0.9, limit=1))

    posted: list[Match] = []
    rest = []
    for pay in pays:
        rule = None if pay.key in kept else first_fit(rules, payer=pay.payer, memo=pay.memo, amount=pay.amount,
                                                          currency=pay.currency, direction="in",
                                                          is_customer=is_customer)
        if rule is None:
            rest.append(pay)
        else:
            posted.append(rule.match(payment_kind=pay.kind, payment_key=pay.key, amount=pay.amount,
                                     currency=pay.currency, direction="in"))
    out_lines = {r.natural_key(): r for r in records if isinstance(r, StatementLine) and r.amount < 0}
    keep_aside = []
    for key, why in set_aside:
        line = out_lines.get(key) if why == "money out" and key not in kept else None
        memo = " ".join(p for p in (line.description, line.reference or "") if p) if line else ""
        rule = first_fit(rules, payer=line.counterparty_name, memo=memo, amount=-line.amount,
                         currency=line.currency, direction="out", is_customer=is_customer) if line else None
        if rule is None or line is None:
            keep_aside.append((key, why))
        else:
            posted.append(rule.match(payment_kind="statement_line", payment_key=key, amount=-line.amount,
                                     currency=line.currency, direction="out"))
    return posted, rest, keep_aside


def _decide(matcher: CashMatcher, ranked: list[Proposal], looked: set[int],
            posted: tuple[str, ...]) -> tuple[str, list[Proposal], dict[int, int]]:
    ranked = [p for p in ranked if all(item.due > 0 for item, _, _ in p.parts)]
    status = matcher.outcome(ranked)
    if status in posted or status == "auto":
        matcher.post(ranked[0])
    return status, ranked, _versions(matcher, ranked)


def _versions(matcher: CashMatcher, ranked: list[Proposal]) -> dict[int, int]:
    """Versions of the items a payment's proposals apply to: when one changes, look again."""
    return {item.idx: item.version for prop in ranked for item, _, _ in prop.parts}


def _without_copies(orders: list[Order], invoices: Iterable[Invoice]) -> list[Order]:
    """Orders less the cross-channel copies of one order (keeping the copy an invoice names, else the
    primary), so one order's money is not open twice."""
    from matchers.dedupe import dedupe_orders

    named = {normalize_ref(i.order_ref) for i in invoices if i.order_ref}
    drop: set[str] = set()
    by_key = {o.natural_key(): o for o in orders}
    for group in dedupe_orders(orders).duplicates:
        keys = [group.primary, *group.duplicates]
        keep = next((k for k in keys if normalize_ref(by_key[k].external_id) in named), group.primary)
        drop.update(k for k in keys if k != keep)
    return [o for o in orders if o.natural_key() not in drop]


def _to_match(pay: Payment, status: str, ranked: list[Proposal], profile: Profile) -> Match:
    keep = 1 if status == "auto" else 5  # an automatic match keeps the candidate it took
    candidates = [p.candidate(pay) for p in ranked[:keep] if p.score >= profile.review_min or status == "unmatched"]
    top = ranked[0] if ranked else None
    common = {"payment_kind": pay.kind, "payment_key": pay.key, "payment_amount": pay.amount,
              "currency": pay.currency, "candidates": candidates[:5]}
    if status == "auto" and top is not None:
        allocations = top.allocations(pay)
        # built from checked figures, so constructed without validation, but the sum is checked here
        if sum((a.amount for a in allocations), ZERO) > pay.amount:
            raise AssertionError(f"{pay.key}: allocations exceed the payment")  # the property tests guard it
        return _construct(Match,
            **common, status="auto", allocations=allocations, write_offs=top.write_offs, score=round(top.score, 4),
            breakdown=top.breakdown, reason=top.reason, customer_code=top.customer_code)
    if status == "review" and top is not None:
        runner = ranked[1] if len(ranked) > 1 else None
        why = top.reason
        if runner is not None and top.score - runner.score < profile.auto_margin:
            why += f" — runner-up within {profile.auto_margin:.2f}"
        elif top.score < profile.auto_threshold:
            why += f" — score {top.score:.2f} below {profile.auto_threshold:.2f}"
        elif (doubtful := doubt(top, profile)) is not None:
            why += f" — {doubtful}"
        return Match(**common, status="review", score=round(top.score, 4), breakdown=top.breakdown,
                     reason=why, customer_code=top.customer_code)
    why = "no open invoice or order fits the amount, memo or payer"
    if top is not None:
        why = f"best guess too weak ({top.score:.2f}): {top.reason}"
    return Match(**common, status="unmatched", score=round(top.score, 4) if top else 0.0,
                 breakdown=top.breakdown if top else {}, reason=why)
