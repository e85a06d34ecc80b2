"""The integrity report's rows: orders stuck past their due stage or their promised date, shipped but
unpaid orders, invoiced but undelivered orders, and bank receipts without a match; each with its
owner and its age. The Excel workbook is written by ``reports.integrity``; this is the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from hub.orderdesk.desk import ZERO, Desk
from hub.orderdesk.lifecycle import Lifecycle, load_lifecycle
from hub.orderdesk.tomlfile import read_toml
from hub.records import Order
from hub.store import Store

CATEGORIES = ("stage_overdue", "promise_missed", "shipped_unpaid", "invoiced_undelivered", "invoice_unlinked",
              "receipt_unmatched")
#: Statuses in which an export order's packing list counts as proof that the goods left.
SHIPPED_STATUSES = ("shipped", "paid", "closed")
#: Statuses an order may still be in before it ships.
BEFORE_SHIPPING = ("received", "reviewed", "scheduled", "quality_passed")
DONE = ("closed", "cancelled")


@dataclass(frozen=True)
class Category:
    """A kind of row: its label, owner and grace days."""

    name: str
    label: str
    owner: str
    grace_days: int


@dataclass(frozen=True)
class IntegrityRow:
    """One thing that is not as it should be."""

    category: str
    label: str
    kind: str
    key: str
    reference: str
    party: str
    status: str
    amount: Decimal
    currency: str
    since: date
    age_days: int
    allowed_days: int | None
    owner: str
    detail: str

    @property
    def overdue_days(self) -> int | None:
        """Days beyond what is allowed."""
        return None if self.allowed_days is None else self.age_days - self.allowed_days


def load_categories(path: str | Path | None = None) -> dict[str, Category]:
    """Read the report's categories (``data/integrity.toml`` unless a path is given)."""
    doc = read_toml(path, "integrity.toml")
    doc.unknown_keys(doc.data, {"categories"}, (), "integrity report")
    result: dict[str, Category] = {}
    for name, spec in (doc.data.get("categories") or {}).items():
        if name not in CATEGORIES:
            doc.error(("categories", name), f"unknown category {name!r} (expected one of {', '.join(CATEGORIES)})")
            continue
        doc.unknown_keys(spec, {"label", "owner", "grace_days"}, ("categories", name), f"category {name}")
        grace = spec.get("grace_days", 0)
        if isinstance(grace, bool) or not isinstance(grace, int) or grace < 0:
            doc.error(("categories", name, "grace_days"), f"category {name}: grace_days {grace!r} is not a whole number")
            grace = 0
        result[name] = Category(name, str(spec.get("label", name)), str(spec.get("owner", "")), grace)
    for name in CATEGORIES:
        if name not in result:
            doc.error(("categories",), f"category {name} is missing")
    doc.raise_errors()
    return result


class _Report:
    def __init__(self, desk: Desk, lifecycle: Lifecycle, categories: dict[str, Category]) -> None:
        self.desk = desk
        self.lifecycle = lifecycle
        self.categories = categories
        self.since = desk.status_since()
        self.rows: list[IntegrityRow] = []
        self.delivered: dict[str, date | None] = {}
        for d in desk.deliveries:
            key = self._order_of_delivery(d.order_ref, d.channel)
            if key:
                when = d.shipped_date or d.signed_date
                known = self.delivered.get(key)
                self.delivered[key] = min(filter(None, [known, when]), default=None)
        for pl in desk.packing_lists:  # export shipments: the packing list of a shipped order
            key = None
            if pl.invoice_number:
                key = next((s.order_key for s in desk.invoices.values()
                            if s.invoice.number == pl.invoice_number and s.order_key), None)
            key = key or desk.order_for_ref(pl.order_ref)
            if key and desk.orders[key].status in SHIPPED_STATUSES and key not in self.delivered:
                self.delivered[key] = pl.issue_date

    def _order_of_delivery(self, ref: str, channel: str | None) -> str | None:
        if channel and f"{channel}|{ref}" in self.desk.orders:
            return f"{channel}|{ref}"
        return self.desk.order_for_ref(ref)

    def add(self, category: str, kind: str, key: str, reference: str, party: str, status: str, amount: Decimal,
            currency: str, since: date, allowed: int | None, detail: str, owner: str | None = None) -> None:
        cat = self.categories[category]
        age = (self.desk.as_of - since).days
        self.rows.append(IntegrityRow(category, cat.label, kind, key, reference, party, status,
                                      amount.quantize(Decimal("0.01")), currency, since, age, allowed,
                                      owner if owner is not None else cat.owner, detail))

    def _party(self, order: Order) -> str:
        customer = self.desk.customer_of(order)
        return customer.name if customer else order.customer_name

    def _entered(self, key: str, order: Order) -> date:
        """When the order entered its current status: its last transition, else what the documents say."""
        if key in self.since:
            return self.since[key]
        if order.status in ("shipped", "paid") and self.delivered.get(key):
            shipped = self.delivered[key]
            assert shipped is not None
            if order.status == "shipped":
                return shipped
            paid = [s.last_paid for s in self.desk.invoices_of_order(key) if s.last_paid]
            return max(paid) if paid else shipped
        return order.order_date

    def orders(self) -> None:
        for key, order in self.desk.orders.items():
            if not self.desk.live(order) or order.status in DONE:
                continue
            entered = self._entered(key, order)
            if order.status == "shipped" or (key in self.delivered and order.status != "paid"):
                self._shipped_unpaid(key, order, entered)
                continue
            stage = self.lifecycle.stages.get(order.status)
            if stage and stage.max_days is not None and (self.desk.as_of - entered).days > stage.max_days:
                self.add("stage_overdue", "order", key, order.external_id, self._party(order), order.status,
                         order.total, order.currency, entered, stage.max_days,
                         f"{stage.label}: {(self.desk.as_of - entered).days} days in this stage "
                         f"(allowed {stage.max_days})", owner=stage.owner)
            grace = self.categories["promise_missed"].grace_days
            if (order.status in BEFORE_SHIPPING and order.promised_date
                    and (self.desk.as_of - order.promised_date).days > grace):
                self.add("promise_missed", "order", key, order.external_id, self._party(order), order.status,
                         order.total, order.currency, order.promised_date, grace,
                         f"promised {order.promised_date.isoformat()}, still {order.status}")

    def _shipped_unpaid(self, key: str, order: Order, entered: date) -> None:
        if order.payment_confirmed or self.desk.payment_covered(order):
            return
        shipped = self.delivered.get(key) or entered
        if (self.desk.as_of - shipped).days < self.categories["shipped_unpaid"].grace_days:
            return
        total = self.desk.order_total_cny(order)
        paid = self.desk.order_paid_cny(key)
        open_amount = self.desk.rates.from_cny(total - paid, order.currency)
        invoices = self.desk.invoices_of_order(key)
        due = min((s.due for s in invoices), default=None)
        terms = f"; invoice due {due.isoformat()}" if due else "; not invoiced"
        credit = "; shipped on approved credit" if order.credit_approved else ""
        self.add("shipped_unpaid", "order", key, order.external_id, self._party(order), order.status,
                 open_amount, order.currency, shipped, (due - shipped).days if due else None,
                 f"open {open_amount.quantize(Decimal('0.01'))} of {order.total} {order.currency}{terms}{credit}")

    def invoices(self) -> None:
        grace = self.categories["invoiced_undelivered"].grace_days
        for state in self.desk.invoices.values():
            inv = state.invoice
            if (self.desk.as_of - inv.issue_date).days < grace or inv.issue_date > self.desk.as_of:
                continue
            customer = self.desk.customers.get(state.customer_code or "")
            party = customer.name if customer else inv.buyer_name
            order = self.desk.orders.get(state.order_key) if state.order_key else None
            if order is None:
                detail = (f"order reference {inv.order_ref!r} matches no order" if inv.order_ref
                          else "no order reference on the invoice and no link to an order")
                self.add("invoice_unlinked", "invoice", state.key, inv.number, party, "", inv.total, inv.currency,
                         inv.issue_date, None, detail)
                continue
            if state.order_key in self.delivered or order.status == "cancelled" or not self.desk.live(order):
                continue
            self.add("invoiced_undelivered", "invoice", state.key, inv.number, party, order.status,
                     inv.total, inv.currency, inv.issue_date, grace,
                     f"order {order.external_id} is {order.status}; no delivery note or shipped packing list")

    def receipts(self) -> None:
        grace = self.categories["receipt_unmatched"].grace_days
        paid_statuses = self.desk.settings.paid_match_statuses
        matches = {m.payment_key: m for m in self.desk.matches if m.payment_kind == "receipt"}
        for key, receipt in self.desk.receipts.items():
            match = matches.get(key)
            if match is not None and match.status in paid_statuses:
                continue
            if receipt.value_date is None or receipt.amount is None:
                continue  # partly read: in the review queue, not a receivable yet
            if (self.desk.as_of - receipt.value_date).days < grace:
                continue
            detail = ("no match proposed" if match is None
                      else f"match {match.status} (score {match.score:.2f}): {match.reason}".rstrip(": "))
            self.add("receipt_unmatched", "receipt", key, receipt.transaction_id, receipt.payer_name,
                     match.status if match else "", receipt.amount, receipt.currency, receipt.value_date, grace,
                     f"{detail}; memo: {receipt.memo}" if receipt.memo else detail)


def integrity_rows(store: Store, *, as_of: date | None = None, lifecycle: Lifecycle | None = None,
                   categories: dict[str, Category] | None = None, desk: Desk | None = None) -> list[IntegrityRow]:
    """Every row of the integrity report as of a date, by category, oldest first within each."""
    desk = desk or Desk.load(store, as_of=as_of)
    report = _Report(desk, lifecycle or load_lifecycle(), categories or load_categories())
    report.orders()
    report.invoices()
    report.receipts()
    order = {name: i for i, name in enumerate(CATEGORIES)}
    return sorted(report.rows, key=lambda r: (order[r.category], -r.age_days, r.key))


def summary(rows: list[IntegrityRow], categories: dict[str, Category] | None = None,
            ) -> list[tuple[str, str, int, dict[str, Decimal], int]]:
    """Per category: name, label, count, amount per currency, oldest age in days."""
    categories = categories or load_categories()
    out = []
    for name in CATEGORIES:
        mine = [r for r in rows if r.category == name]
        amounts: dict[str, Decimal] = {}
        for r in mine:
            amounts[r.currency] = amounts.get(r.currency, ZERO) + r.amount
        label = categories[name].label if name in categories else name
        out.append((name, label, len(mine), amounts, max((r.age_days for r in mine), default=0)))
    return out
