"""A read-only snapshot of the store for the order desk: customers, products, orders, and the
receivables computed from stored invoices, bank receipts, statement lines and matches.

Payment history is a function of stored data: an invoice is paid by the allocations of matches in a
"paid" status (``data/ledger.toml``), on the value date of the receipt or statement line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import or_, select

from hub.orderdesk.money import Rates, load_rates
from hub.orderdesk.tomlfile import read_toml
from hub.records import (
    BankReceipt,
    Customer,
    Delivery,
    Invoice,
    Match,
    Order,
    PackingList,
    Product,
    StatementLine,
)
from hub.schema import audit_events, links
from hub.store import Store

ZERO = Decimal("0")


@dataclass(frozen=True)
class LedgerSettings:
    """Terms and statuses from ``data/ledger.toml``."""

    default_terms_days: int = 30
    paid_match_statuses: tuple[str, ...] = ("auto", "confirmed")
    open_order_statuses: tuple[str, ...] = ("received", "reviewed", "scheduled", "quality_passed", "shipped")
    paid_tolerance_cny: Decimal = Decimal("1.00")
    excluded_order_links: tuple[str, ...] = ("duplicate_of", "set_aside")


def load_ledger_settings(path: str | Path | None = None) -> LedgerSettings:
    """Read ledger settings (``data/ledger.toml`` unless a path is given)."""
    doc = read_toml(path, "ledger.toml")
    data = doc.data
    doc.unknown_keys(data, {"default_terms_days", "paid_match_statuses", "open_order_statuses",
                            "paid_tolerance_cny", "excluded_order_links"}, (), "ledger settings")
    terms = data.get("default_terms_days", 30)
    if not isinstance(terms, int) or isinstance(terms, bool) or terms < 0:
        doc.error(("default_terms_days",), f"default_terms_days: {terms!r} is not a whole number of days")
    tolerance = doc.number(data.get("paid_tolerance_cny", "1.00"), ("paid_tolerance_cny",), "paid_tolerance_cny")
    for key in ("paid_match_statuses", "open_order_statuses", "excluded_order_links"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            doc.error((key,), f"{key}: expected a list of statuses")
    doc.raise_errors()
    return LedgerSettings(
        default_terms_days=terms,
        paid_match_statuses=tuple(data.get("paid_match_statuses", LedgerSettings.paid_match_statuses)),
        open_order_statuses=tuple(data.get("open_order_statuses", LedgerSettings.open_order_statuses)),
        paid_tolerance_cny=tolerance if tolerance is not None else Decimal("1.00"),
        excluded_order_links=tuple(data.get("excluded_order_links", LedgerSettings.excluded_order_links)),
    )


def normalize_name(name: str) -> str:
    """A company name for comparison: NFKC, case-folded, without blanks and punctuation."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\s\W_]+", "", text)


@dataclass
class InvoiceState:
    """One invoice with what has been paid on it."""

    key: str
    invoice: Invoice
    customer_code: str | None
    order_key: str | None
    total_cny: Decimal
    due: date
    paid_cny: Decimal = ZERO
    last_paid: date | None = None

    @property
    def open_cny(self) -> Decimal:
        """What is still to be paid, in CNY (never negative)."""
        return max(self.total_cny - self.paid_cny, ZERO)

    def settled(self, tolerance: Decimal) -> bool:
        """Paid in full (within ``tolerance`` CNY)."""
        return self.open_cny <= tolerance

    def days_late(self, as_of: date, tolerance: Decimal) -> int:
        """Days paid after the due date; for an open invoice, days past due as of ``as_of``."""
        end = (self.last_paid or as_of) if self.settled(tolerance) else as_of
        return max((end - self.due).days, 0)

    def overdue_cny(self, as_of: date, tolerance: Decimal) -> Decimal:
        """The open amount once the invoice is past due, else zero."""
        return self.open_cny if as_of > self.due and not self.settled(tolerance) else ZERO


@dataclass
class Standing:
    """A customer's receivables and exposure as of a date (CNY)."""

    open_receivables_cny: Decimal = ZERO
    open_orders_cny: Decimal = ZERO
    overdue_cny: Decimal = ZERO
    overdue_count: int = 0
    overdue_days_max: int = 0

    @property
    def exposure_cny(self) -> Decimal:
        """Open receivables plus open, not yet invoiced orders."""
        return self.open_receivables_cny + self.open_orders_cny


@dataclass
class Desk:
    """Everything the order desk reads, loaded once from a store."""

    store: Store
    as_of: date
    rates: Rates
    settings: LedgerSettings
    customers: dict[str, Customer] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    orders: dict[str, Order] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    packing_lists: list[PackingList] = field(default_factory=list)
    receipts: dict[str, BankReceipt] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)
    invoices: dict[str, InvoiceState] = field(default_factory=dict)
    order_paid: dict[str, Decimal] = field(default_factory=dict)
    set_aside: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, store: Store, *, as_of: date | None = None, rates: Rates | None = None,
             settings: LedgerSettings | None = None) -> Desk:
        """Read the store and compute the receivables."""
        desk = cls(store=store, as_of=as_of or date.today(), rates=rates or load_rates(),
                   settings=settings or load_ledger_settings())
        desk.customers = {c.code: c for c in store.all(Customer)}
        desk.products = {p.sku: p for p in store.all(Product)}
        desk.orders = {o.natural_key(): o for o in store.all(Order)}
        desk.deliveries = store.all(Delivery)
        desk.packing_lists = store.all(PackingList)
        desk.receipts = {r.natural_key(): r for r in store.all(BankReceipt)}
        desk.matches = store.all(Match)
        desk._load_set_aside()
        desk._index_names()
        desk._load_invoices(store.all(Invoice))
        desk._apply_payments({s.natural_key(): s for s in store.all(StatementLine)})
        return desk

    def _load_set_aside(self) -> None:
        relations = list(self.settings.excluded_order_links)
        if not relations:
            return
        query = select(links.c.from_key).where(links.c.from_kind == "order", links.c.relation.in_(relations))
        with self.store.engine.connect() as conn:
            self.set_aside = {row.from_key for row in conn.execute(query)}

    def live(self, order: Order) -> bool:
        """A real order: not a test order, not a duplicate or set aside by the dedupe matcher."""
        return not order.is_test and order.natural_key() not in self.set_aside

    # -- who is who ---------------------------------------------------------------------------------
    def _index_names(self) -> None:
        self._by_name: dict[str, str] = {}
        self._by_tax: dict[str, str] = {}
        for c in self.customers.values():
            for name in c.all_names():
                self._by_name.setdefault(normalize_name(name), c.code)
            if c.tax_id:
                self._by_tax.setdefault(c.tax_id, c.code)
        self._by_external: dict[str, list[str]] = defaultdict(list)
        for key, order in self.orders.items():
            self._by_external[order.external_id].append(key)

    def customer_code_by_name(self, name: str | None) -> str | None:
        """The customer whose legal name, English name or alias this is."""
        return self._by_name.get(normalize_name(name)) if name else None

    def customer_of(self, order: Order) -> Customer | None:
        """The order's customer: by its resolved code, else by the name the channel spelled."""
        code = order.customer_code if order.customer_code in self.customers else None
        code = code or self.customer_code_by_name(order.customer_name)
        return self.customers.get(code) if code else None

    def order_for_ref(self, ref: str | None) -> str | None:
        """The order key an invoice's or delivery's order reference names (real orders before tests)."""
        if not ref:
            return None
        keys = self._by_external.get(ref.strip(), [])
        keys = sorted(keys, key=lambda k: not self.live(self.orders[k]))
        return keys[0] if keys else None

    # -- receivables --------------------------------------------------------------------------------
    def _load_invoices(self, invoices: list[Invoice]) -> None:
        linked = self._invoice_order_links()
        terms = timedelta(days=self.settings.default_terms_days)
        credit_notes = []
        for inv in invoices:
            if inv.total is None or inv.issue_date is None or inv.currency is None:
                continue  # partly read: waits for review before it counts as a receivable
            if inv.is_credit:
                credit_notes.append(inv)
                continue
            key = inv.natural_key()
            order_key = linked.get(key) or self.order_for_ref(inv.order_ref)
            code = self._by_tax.get(inv.buyer_tax_id or "") or self.customer_code_by_name(inv.buyer_name)
            if code is None and order_key:
                customer = self.customer_of(self.orders[order_key])
                code = customer.code if customer else None
            self.invoices[key] = InvoiceState(
                key=key, invoice=inv, customer_code=code, order_key=order_key,
                total_cny=self.rates.to_cny(inv.total, inv.currency), due=inv.due_date or inv.issue_date + terms)
        self._credit(credit_notes)

    def _credit(self, credit_notes: list[Invoice]) -> None:
        """A credit note is no receivable: it takes its amount off its original invoice (same issuer, number and
        currency), as reconciliation does (``matchers.credits``); one whose original is not loaded counts nowhere."""
        by_number = {(s.invoice.seller_key, s.invoice.number, s.invoice.currency): s for s in self.invoices.values()}
        for cn in credit_notes:
            state = by_number.get((cn.seller_key, cn.original_number, cn.currency))
            if state is not None and cn.total is not None:
                state.total_cny = max(state.total_cny + self.rates.to_cny(cn.total, cn.currency), ZERO)

    def _invoice_order_links(self) -> dict[str, str]:
        query = select(links.c.from_kind, links.c.from_key, links.c.to_kind, links.c.to_key).where(
            or_((links.c.from_kind == "invoice") & (links.c.to_kind == "order"),
                (links.c.from_kind == "order") & (links.c.to_kind == "invoice")))
        result: dict[str, str] = {}
        with self.store.engine.connect() as conn:
            for fk, fkey, _tk, tkey in conn.execute(query):
                inv, order = (fkey, tkey) if fk == "invoice" else (tkey, fkey)
                if order in self.orders:
                    result.setdefault(inv, order)
        return result

    def _apply_payments(self, statement_lines: dict[str, StatementLine]) -> None:
        for match in self.matches:
            if match.status not in self.settings.paid_match_statuses:
                continue
            paid_on = self._payment_date(match, statement_lines)
            for alloc in match.allocations:
                amount = self.rates.to_cny(alloc.amount, alloc.currency)
                if alloc.target_kind == "invoice" and alloc.target_key in self.invoices:
                    state = self.invoices[alloc.target_key]
                    state.paid_cny += amount
                    if paid_on and (state.last_paid is None or paid_on > state.last_paid):
                        state.last_paid = paid_on
                elif alloc.target_kind == "order":
                    self.order_paid[alloc.target_key] = self.order_paid.get(alloc.target_key, ZERO) + amount

    def _payment_date(self, match: Match, statement_lines: dict[str, StatementLine]) -> date | None:
        if match.payment_kind == "receipt" and match.payment_key in self.receipts:
            return self.receipts[match.payment_key].value_date
        line = statement_lines.get(match.payment_key)
        if line is not None:
            return line.value_date or line.booking_date
        return match.decided_at.date() if match.decided_at else None

    def invoices_of_order(self, order_key: str) -> list[InvoiceState]:
        """The invoices issued against an order."""
        return [s for s in self.invoices.values() if s.order_key == order_key]

    def order_total_cny(self, order: Order) -> Decimal:
        """The order's total in CNY."""
        return self.rates.to_cny(order.total, order.currency)

    def order_paid_cny(self, order_key: str) -> Decimal:
        """Money received against an order: allocations to it and to its invoices (CNY)."""
        direct = self.order_paid.get(order_key, ZERO)
        return direct + sum((s.paid_cny for s in self.invoices_of_order(order_key)), ZERO)

    def payment_covered(self, order: Order) -> bool:
        """True when the money received against the order covers its total."""
        total = self.order_total_cny(order)
        return total - self.order_paid_cny(order.natural_key()) <= self.settings.paid_tolerance_cny

    def standing(self, customer_code: str | None, *, extra_order: Order | None = None) -> Standing:
        """Receivables and exposure of a customer; ``extra_order`` (being reviewed) counts as open."""
        result = Standing()
        if customer_code is None:
            return result
        tol = self.settings.paid_tolerance_cny
        invoiced_orders = set()
        for state in self.invoices.values():
            if state.order_key:
                invoiced_orders.add(state.order_key)
            if state.customer_code != customer_code:
                continue
            result.open_receivables_cny += state.open_cny if not state.settled(tol) else ZERO
            overdue = state.overdue_cny(self.as_of, tol)
            if overdue > 0:
                result.overdue_cny += overdue
                result.overdue_count += 1
                result.overdue_days_max = max(result.overdue_days_max, (self.as_of - state.due).days)
        extra_key = extra_order.natural_key() if extra_order else None
        for key, order in self.orders.items():
            if key == extra_key or key in invoiced_orders or not self.live(order):
                continue
            if order.status in self.settings.open_order_statuses:
                customer = self.customer_of(order)
                if customer and customer.code == customer_code:
                    result.open_orders_cny += self.order_total_cny(order)
        if extra_order is not None and extra_key not in invoiced_orders:
            result.open_orders_cny += self.order_total_cny(extra_order)
        return result

    def status_since(self) -> dict[str, date]:
        """When each order entered its current status (from its last lifecycle event), by order key."""
        query = select(audit_events.c.key, audit_events.c.at).where(
            audit_events.c.kind == "order", audit_events.c.action == "transition").order_by(audit_events.c.id)
        with self.store.engine.connect() as conn:
            return {row.key: row.at.date() for row in conn.execute(query)}
