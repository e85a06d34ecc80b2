"""Change requests on an order: a new delivery address, an added SKU, a changed quantity.

:func:`change_order` re-computes the amounts, re-evaluates the review rules (stock and credit among
them), withdraws sign-offs whose grounds changed, sends a signed-off order back to ``received`` when
it needs a new review, and records a ``change_request`` audit event (what the flows pick up, also
returned as :attr:`ChangeResult.event`). ``orderhub history ORDER`` shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from hub.errors import InputError, RecordError
from hub.orderdesk.desk import Desk
from hub.orderdesk.lifecycle import Lifecycle, load_lifecycle, resolve_order_key
from hub.orderdesk.review import Process, Reviewer
from hub.orderdesk.rules import RuleSet, load_rules
from hub.records import Order, OrderLine, RuleHit
from hub.schema import audit_events
from hub.store import AuditEvent, Store
from hub.validation import currencies, to_decimal


@dataclass(frozen=True)
class LineAdd:
    """An SKU to add: how many, and at what price (the product's list price when not given)."""

    sku: str
    quantity: Decimal
    unit_price: Decimal | None = None


@dataclass
class ChangeResult:
    """What a change request did to an order."""

    key: str
    changes: list[dict[str, Any]]
    total_before: Decimal
    total_after: Decimal
    status_before: str
    status_after: str
    hits: list[RuleHit]
    new_hits: list[RuleHit]
    revoked: list[str]
    order: Order
    event: dict[str, Any] = field(default_factory=dict)


def parse_add(text: str) -> LineAdd:
    """``SKU:QTY`` or ``SKU:QTY@PRICE`` (as given on the command line)."""
    sku, _, rest = text.partition(":")
    qty, _, price = rest.partition("@")
    if not sku.strip() or not qty.strip():
        raise InputError(f"--add {text!r}: expected SKU:QTY or SKU:QTY@PRICE")
    try:
        return LineAdd(sku.strip(), to_decimal(qty), to_decimal(price) if price.strip() else None)
    except ValueError as exc:
        raise InputError(f"--add {text!r}: {exc}") from None


def parse_quantity(text: str) -> tuple[int, Decimal]:
    """``LINE:QTY`` (as given on the command line)."""
    line, _, qty = text.partition(":")
    try:
        return int(line), to_decimal(qty)
    except ValueError:
        raise InputError(f"--qty {text!r}: expected LINE:QTY, e.g. 2:150") from None


def _money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-currencies().get(currency, 2)), rounding=ROUND_HALF_UP)


def _new_lines(desk: Desk, order: Order, add: Iterable[LineAdd],
               quantities: Mapping[int, Decimal]) -> tuple[list[OrderLine], list[dict[str, Any]]]:
    changes: list[dict[str, Any]] = []
    by_no = {line.line_no: line for line in order.lines}
    unknown = [n for n in quantities if n not in by_no]
    if unknown:
        raise InputError(f"order {order.natural_key()} has no line {unknown[0]} (lines: "
                         f"{', '.join(str(n) for n in by_no)})")
    lines = []
    for line in order.lines:
        qty = quantities.get(line.line_no)
        if qty is None or qty == line.quantity:
            lines.append(line)
            continue
        if qty < 0:
            raise InputError(f"line {line.line_no}: quantity {qty} is negative")
        changes.append({"change": "quantity", "line_no": line.line_no, "sku": line.sku,
                        "before": str(line.quantity), "after": str(qty)})
        if qty == 0:
            continue
        lines.append(line.model_copy(update={"quantity": qty,
                                             "amount": _money(qty * line.unit_price, order.currency)}))
    next_no = max(by_no) + 1
    for item in add:
        product = desk.products.get(item.sku)
        if product is None:
            raise InputError(f"--add {item.sku}: no such SKU in the product master")
        if item.quantity <= 0:
            raise InputError(f"--add {item.sku}: quantity {item.quantity} must be greater than zero")
        price = item.unit_price
        if price is None:
            if product.unit_price is None:
                raise InputError(f"--add {item.sku}: the product has no list price; give SKU:QTY@PRICE")
            price = product.unit_price
            if product.currency != order.currency:
                price = desk.rates.from_cny(desk.rates.to_cny(price, product.currency), order.currency)
                price = price.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        line = OrderLine(line_no=next_no, sku=product.sku, description=f"{product.name_zh} {product.name_en}",
                         quantity=item.quantity, unit=product.unit, unit_price=price,
                         amount=_money(item.quantity * price, order.currency))
        lines.append(line)
        changes.append({"change": "added_sku", "line_no": next_no, "sku": product.sku,
                        "quantity": str(item.quantity), "unit_price": str(price), "amount": str(line.amount)})
        next_no += 1
    if not lines:
        raise InputError(f"order {order.natural_key()}: the change would leave no lines; cancel the order instead")
    return lines, changes


def change_order(store: Store, order: str, *, address: str | None = None, add: Iterable[LineAdd] = (),
                 quantities: Mapping[int, Decimal] | None = None, by: str | None = None,
                 note: str | None = None, rules: RuleSet | None = None, lifecycle: Lifecycle | None = None,
                 processes: tuple[Process, ...] | None = None, as_of: date | None = None) -> ChangeResult:
    """Apply a change request to an order (``channel|id`` or a bare external id) and record it."""
    rules = rules or load_rules()
    lifecycle = lifecycle or load_lifecycle()
    key = resolve_order_key(store, order)
    desk = Desk.load(store, as_of=as_of)
    current = desk.orders[key]
    if current.status not in lifecycle.changeable:
        raise InputError(f"order {key} is {current.status}: changes are accepted only while it is "
                         f"{', '.join(lifecycle.changeable)}")
    add = list(add)
    quantities = dict(quantities or {})
    if address is None and not add and not quantities:
        raise InputError("nothing to change: give --address, --add SKU:QTY or --qty LINE:QTY")
    lines, changes = _new_lines(desk, current, add, quantities)
    update: dict[str, Any] = {"lines": [line.model_dump() for line in lines]}
    if address is not None and address.strip() != (current.ship_to_address or ""):
        changes.append({"change": "address", "before": current.ship_to_address, "after": address.strip()})
        update["ship_to_address"] = address.strip()
    if not changes:
        raise InputError(f"order {key}: the change request changes nothing")
    try:
        changed = Order.model_validate(current.model_dump() | update)
    except ValidationError as exc:
        raise RecordError(exc, source=f"change request on order {key}") from None

    reviewer = Reviewer(desk, rules, processes)
    review = reviewer.review(changed)
    assert review.order is not None
    new_order = review.order
    old_by_action = {h.action: h for h in current.rule_hits}
    new_by_action = {h.action: h for h in review.hits}
    revoked = [a for a in current.approvals
               if a in new_by_action and old_by_action.get(a) != new_by_action[a]]
    approvals = [a for a in current.approvals if a not in revoked]
    pending = [h for h in review.hits if rules.kind_of(h.action) in ("approval", "hold") and h.action not in approvals]
    status = "received" if current.status in lifecycle.recheck_after and pending else current.status
    new_order = new_order.model_copy(update={"approvals": approvals, "status": status})

    actor = by or store.settings.actor
    event = {"order": key, "changes": changes, "total_before": str(current.total), "total_after": str(new_order.total),
             "currency": current.currency, "status_before": current.status, "status_after": status,
             "revoked_approvals": revoked, "new_hits": [h.model_dump() for h in review.new_hits],
             "pending": [h.action for h in pending]}
    with store.batch(actor) as batch:
        batch.upsert([new_order], note="change request")
        batch.event("change_request", new_order, before={"total": str(current.total), "status": current.status,
                                                         "lines": len(current.lines),
                                                         "ship_to_address": current.ship_to_address},
                    after=event, note=note or "; ".join(_describe(c) for c in changes))
        reviewer.record_events(batch, review)
        if status != current.status:
            batch.event("transition", new_order, before={"status": current.status},
                        after={"status": status, "attachments": []},
                        note="change request needs a new review: " + ", ".join(h.action for h in pending))
    return ChangeResult(key, changes, current.total, new_order.total, current.status, status, review.hits,
                        review.new_hits, revoked, new_order, event)


def _describe(change: dict[str, Any]) -> str:
    if change["change"] == "address":
        return f"address -> {change['after']}"
    if change["change"] == "added_sku":
        return f"added {change['sku']} x {change['quantity']}"
    return f"line {change['line_no']} quantity {change['before']} -> {change['after']}"


def change_requests_since(store: Store, since: datetime | None = None) -> list[AuditEvent]:
    """``change_request`` events (oldest first), e.g. for a flow that notifies the departments."""
    query = select(audit_events).where(audit_events.c.action == "change_request").order_by(audit_events.c.id)
    if since is not None:
        query = query.where(audit_events.c.at > since)
    with store.engine.connect() as conn:
        return [AuditEvent(r.at, r.actor, r.action, r.kind, r.key, r.before, r.after, r.note, r.attachment)
                for r in conn.execute(query)]

