"""Every review rule at, just under and just over its threshold, on real orders in a real store."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from hub.orderdesk.desk import Desk
from hub.orderdesk.review import Reviewer, load_processes, review_orders, special_processes
from hub.records import Order, Product
from hub.store import Store


def hits_of(store: Store, order: Order, as_of: date) -> dict[str, dict[str, str]]:
    """Evaluate the rules on one order (as the flows would) and return {rule: values}."""
    reviewer = Reviewer(Desk.load(store, as_of=as_of))
    return {h.rule: h.values for h in reviewer.review(order).hits}


@pytest.mark.parametrize(("total", "fires"), [("49999.99", False), ("50000.00", False), ("50000.01", True)])
def test_large_order_of_non_a_customer_needs_finance_review(k, store, put, total, fires) -> None:
    put(k.customer(grade="B"))
    hits = hits_of(store, k.order("WS1", total), k.AS_OF)
    assert ("large_order_non_a" in hits) is fires
    if fires:
        assert hits["large_order_non_a"] == {"customer.grade": "B", "order.total_cny": "50000.01"}


def test_large_order_of_a_customer_and_of_an_unknown_customer(k, store, put) -> None:
    put(k.customer("C001", grade="A"))
    assert "large_order_non_a" not in hits_of(store, k.order("WS1", "80000"), k.AS_OF)
    hits = hits_of(store, k.order("WS2", "80000", customer="C404"), k.AS_OF)
    assert hits["large_order_non_a"]["customer.grade"] == ""  # unknown customer: not A


@pytest.mark.parametrize(("usd", "fires"), [("7042.25", False), ("7042.26", True)])
def test_amount_threshold_converts_currency_with_the_rates_file(k, store, put, usd, fires) -> None:
    # 50,000 CNY / 7.10 = 7042.2535 USD
    put(k.customer(grade="C"))
    hits = hits_of(store, k.order("WS1", usd, currency="USD"), k.AS_OF)
    assert ("large_order_non_a" in hits) is fires


@pytest.mark.parametrize(("text", "remarks", "expected"), [
    ("支架 电泳黑色", "", ["电泳 (electrophoretic coating)"]),
    ("Bracket, black", "E-coating required, RAL 9005", ["电泳 (electrophoretic coating)"]),
    ("Bracket", "electrophoretic paint", ["电泳 (electrophoretic coating)"]),
    ("铝型材 阳极氧化 银白", "", ["阳极氧化 (anodizing)"]),
    ("Aluminium profile, ANODIZED, silver", "", ["阳极氧化 (anodizing)"]),
    ("Ｍ8螺栓 热镀锌 (standard finish, not special here)", "", []),
    ("Bracket, decoated", "", []),
    ("六角螺栓 M8x30", "普通包装", []),
])
def test_special_process_matched_in_lines_and_remarks(k, store, put, text, remarks, expected) -> None:
    order = k.order("WS1", "100", description=text, remarks=remarks)
    assert special_processes(order, load_processes()) == expected
    put(k.customer())
    hits = hits_of(store, order, k.AS_OF)
    assert ("special_process" in hits) is bool(expected)
    if expected:
        assert hits["special_process"]["order.special_processes"] == ", ".join(expected)


@pytest.mark.parametrize(("lead", "fires"), [(2, True), (3, False), (4, False), (None, False)])
def test_promised_delivery_in_under_three_days_alerts_production(k, store, put, lead, fires) -> None:
    put(k.customer())
    promised = None if lead is None else k.AS_OF + timedelta(days=lead)
    hits = hits_of(store, k.order("WS1", "100", promised=promised), k.AS_OF)
    assert ("short_lead_time" in hits) is fires
    if fires:
        assert hits["short_lead_time"] == {"order.lead_days": "2"}


@pytest.mark.parametrize(("this_order", "fires"), [("29999.99", False), ("30000.00", False), ("30000.01", True)])
def test_customer_over_credit_limit_is_frozen(k, store, put, this_order, fires) -> None:
    # limit 100,000: an open invoice of 50,000 (20,000 of it paid) + another open order of 40,000
    put(k.customer(limit="100000"))
    inv = k.invoice("INV1", "50000", issue=k.AS_OF - k.days(10), due=k.AS_OF + k.days(20))
    put(inv, k.payment("T1", "20000", inv, on=k.AS_OF - k.days(2)), k.order("WS0", "40000"))
    hits = hits_of(store, k.order("WS1", this_order), k.AS_OF)
    assert ("over_credit_limit" in hits) is fires
    if fires:
        assert hits["over_credit_limit"] == {"customer.over_limit_cny": "0.01"}


@pytest.mark.parametrize(("overdue_days", "fires"), [(89, False), (90, False), (91, True)])
def test_items_overdue_beyond_ninety_days_freeze(k, store, put, overdue_days, fires) -> None:
    put(k.customer())
    put(k.invoice("INV1", "1000", issue=k.AS_OF - k.days(overdue_days + 30), due=k.AS_OF - k.days(overdue_days)))
    hits = hits_of(store, k.order("WS1", "100"), k.AS_OF)
    assert ("overdue_days" in hits) is fires
    if fires:
        assert hits["overdue_days"] == {"customer.overdue_days_max": "91"}


@pytest.mark.parametrize(("paid", "fires"), [("800000.01", False), ("800000.00", False), ("799999.99", True)])
def test_overdue_amount_beyond_threshold_freezes(k, store, put, paid, fires) -> None:
    # 1,000,000 invoiced and past due; what is still open decides (threshold 200,000)
    put(k.customer())
    inv = k.invoice("INV1", "1000000", issue=k.AS_OF - k.days(40), due=k.AS_OF - k.days(10))
    put(inv, k.payment("T1", paid, inv, on=k.AS_OF - k.days(5)))
    hits = hits_of(store, k.order("WS1", "100"), k.AS_OF)
    assert ("overdue_amount" in hits) is fires


def test_unconfirmed_match_does_not_count_as_paid(k, store, put) -> None:
    put(k.customer())
    inv = k.invoice("INV1", "300000", issue=k.AS_OF - k.days(40), due=k.AS_OF - k.days(10))
    put(inv, k.payment("T1", "300000", inv, on=k.AS_OF - k.days(5), status="review"))
    assert hits_of(store, k.order("WS1", "100"), k.AS_OF)["overdue_amount"] == {"customer.overdue_cny": "300000"}


@pytest.mark.parametrize(("grade", "urgent"), [("A", True), ("B", False), (None, False)])
def test_a_customers_orders_are_urgent(k, store, put, grade, urgent) -> None:
    put(k.customer(grade=grade), k.order("WS1", "100"))
    [result] = review_orders(store, as_of=k.AS_OF)
    assert result.order is not None and result.order.urgent is urgent
    assert store.get(Order, "webshop|WS1").urgent is urgent


@pytest.mark.parametrize(("quantity", "fires"), [("69", False), ("70", False), ("71", True)])
def test_stock_short_alerts_production(k, store, put, product, quantity, fires) -> None:
    # 100 in stock, 30 held by another open order
    other = k.order("WS0", "10.50")
    other = other.model_copy(update={"lines": [other.lines[0].model_copy(
        update={"quantity": Decimal(30), "unit_price": Decimal("0.35"), "amount": Decimal("10.50")})]})
    put(k.customer(), product, other)
    qty = Decimal(quantity)
    order = k.order("WS1", "1")
    order = Order.model_validate(order.model_dump() | {"lines": [
        {"line_no": 1, "sku": "SKU-BOLT", "description": "螺栓", "quantity": qty, "unit_price": "0.35",
         "amount": str(qty * Decimal("0.35"))}]})
    hits = hits_of(store, order, k.AS_OF)
    assert ("stock_short" in hits) is fires
    if fires:
        assert hits["stock_short"] == {"order.stock_short": "SKU-BOLT (need 71, free 70)"}


def test_review_records_hits_on_the_order_and_in_the_audit_log_once(k, store, put) -> None:
    put(k.customer(grade="C"), k.order("WS1", "60000", remarks="需电泳 e-coat", promised=k.AS_OF + k.days(1)))
    review_orders(store, as_of=k.AS_OF)
    order = store.get(Order, "webshop|WS1")
    assert [h.rule for h in order.rule_hits] == ["large_order_non_a", "special_process", "short_lead_time"]
    events = [e for e in store.history(order) if e.action == "rule_hit"]
    assert [e.after["rule"] for e in events] == ["large_order_non_a", "special_process", "short_lead_time"]
    assert events[0].after["values"] == {"customer.grade": "C", "order.total_cny": "60000"}
    assert events[0].after["conditions"] == ["customer.grade != A", "order.total_cny > 50000"]
    count = store.audit_count()
    review_orders(store, as_of=k.AS_OF)  # nothing changed: nothing written
    assert store.audit_count() == count
    # the customer is upgraded to A: the finance hit clears, the order becomes urgent
    put(k.customer(grade="A"))
    review_orders(store, as_of=k.AS_OF)
    order = store.get(Order, "webshop|WS1")
    assert order.urgent and "large_order_non_a" not in [h.rule for h in order.rule_hits]
    assert [e.before["rule"] for e in store.history(order) if e.action == "rule_cleared"] == ["large_order_non_a"]


def test_test_orders_are_not_reviewed_by_default(k, store, put) -> None:
    put(k.customer(grade="C"), k.order("WS9", "90000", is_test=True))
    assert review_orders(store, as_of=k.AS_OF) == []


def test_product_stock_unknown_means_no_stock_hit(k, store, put) -> None:
    put(k.customer(), Product(sku="SKU-BOLT", name_zh="螺栓", name_en="Bolt"))
    assert "stock_short" not in hits_of(store, k.order("WS1", "100000"), k.AS_OF)


def test_duplicates_set_aside_by_dedupe_do_not_count_towards_exposure(k, store, put) -> None:
    put(k.customer(limit="100000"), k.order("WS0", "60000"), k.order("MP0", "60000", channel="marketplace"))
    order = k.order("WS1", "30000")
    assert hits_of(store, order, k.AS_OF)["over_credit_limit"] == {"customer.over_limit_cny": "50000"}
    with store.batch("dedupe") as batch:  # as matchers.dedupe records a cross-channel duplicate
        batch.link(("order", "marketplace|MP0"), "duplicate_of", ("order", "webshop|WS0"))
    assert "over_credit_limit" not in hits_of(store, order, k.AS_OF)


def test_orders_changed_since_a_time_are_reviewed_and_the_queue_puts_urgent_first(k, store, put) -> None:
    from datetime import UTC, datetime

    from hub.orderdesk.review import review_queue

    put(k.customer("C001", grade="B"), k.customer("C002", grade="A"),
        k.order("WS1", "100", status="scheduled"), k.order("WS2", "100", customer="C002"),
        k.order("WS3", "100", promised=k.AS_OF + k.days(5)))
    review_orders(store, as_of=k.AS_OF)
    mark = datetime.now(UTC)
    put(k.order("WS1", "70000", status="scheduled"))  # re-imported with a changed amount
    [result] = review_orders(store, since=mark, as_of=k.AS_OF)
    assert result.key == "webshop|WS1" and [h.rule for h in result.new_hits] == ["large_order_non_a"]
    assert [o.external_id for o in review_queue(store)] == ["WS2", "WS3"]
