"""Change requests: amounts recomputed, rules re-checked (stock, credit, amount), recorded and visible."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hub.errors import InputError
from hub.orderdesk.changes import LineAdd, change_order, change_requests_since, parse_add, parse_quantity
from hub.orderdesk.lifecycle import advance, approve
from hub.records import Order, Product


@pytest.fixture
def catalogue(put, product) -> None:
    put(product, Product(sku="SKU-BRKT", name_zh="电泳支架", name_en="E-coated bracket", unit="件",
                         unit_price=Decimal("12.50"), unit_cost=Decimal("8"), stock_on_hand=Decimal("500")),
        Product(sku="SKU-USD", name_zh="法兰", name_en="Flange", unit_price=Decimal("2.00"), currency="USD"))


def _bolt_order(k, qty: str, **kw):
    q = Decimal(qty)
    base = k.order("WS1", "1", **kw)
    return Order.model_validate(base.model_dump() | {"lines": [
        {"line_no": 1, "sku": "SKU-BOLT", "description": "六角螺栓 M8x30", "quantity": q, "unit_price": "0.35",
         "amount": str((q * Decimal("0.35")).quantize(Decimal("0.01")))}]})


def test_quantity_change_recomputes_amounts_and_is_recorded(k, store, put, catalogue) -> None:
    put(k.customer(grade="A"), _bolt_order(k, "40"))
    result = change_order(store, "WS1", quantities={1: Decimal("60")}, by="销售 张三", as_of=k.AS_OF)
    assert (result.total_before, result.total_after) == (Decimal("14.00"), Decimal("21.00"))
    order = store.get(Order, "webshop|WS1")
    assert order.lines[0].quantity == 60 and order.lines[0].amount == Decimal("21.00")
    [event] = [e for e in store.history(order) if e.action == "change_request"]
    assert event.actor == "销售 张三" and event.note == "line 1 quantity 40 -> 60"
    assert event.after["changes"] == [{"change": "quantity", "line_no": 1, "sku": "SKU-BOLT", "before": "40",
                                       "after": "60"}]
    assert [e.key for e in change_requests_since(store)] == ["webshop|WS1"]
    assert result.event["total_after"] == "21.00"


@pytest.mark.parametrize(("qty", "short"), [("100", False), ("101", True)])
def test_quantity_over_stock_raises_a_stock_hit(k, store, put, catalogue, qty, short) -> None:
    put(k.customer(grade="A"), _bolt_order(k, "40"))
    result = change_order(store, "WS1", quantities={1: Decimal(qty)}, as_of=k.AS_OF)
    assert ("stock_short" in [h.rule for h in result.new_hits]) is short


def test_added_sku_priced_from_the_product_master_and_special_process_found(k, store, put, catalogue) -> None:
    put(k.customer(grade="A"), _bolt_order(k, "40"))
    result = change_order(store, "WS1", add=[LineAdd("SKU-BRKT", Decimal("10"))], as_of=k.AS_OF)
    line = result.order.lines[-1]
    assert (line.line_no, line.unit_price, line.amount, line.unit) == (2, Decimal("12.50"), Decimal("125.00"), "件")
    assert result.total_after == Decimal("139.00")
    assert "special_process" in [h.rule for h in result.new_hits]  # 电泳 in the new line
    result = change_order(store, "WS1", add=[parse_add("SKU-USD:3")], as_of=k.AS_OF)
    assert result.order.lines[-1].unit_price == Decimal("14.2000")  # 2 USD x 7.10


def test_change_over_the_amount_threshold_withdraws_sign_off_and_sends_back_to_review(k, store, put, catalogue) -> None:
    put(k.customer(grade="B"), k.order("WS1", "60000"))
    approve(store, "WS1", "finance_review", by="finance")
    advance(store, "WS1", "reviewed", as_of=k.AS_OF)
    advance(store, "WS1", "scheduled", as_of=k.AS_OF)
    result = change_order(store, "WS1", add=[LineAdd("SKU-BRKT", Decimal("1000"), Decimal("12.50"))],
                          as_of=k.AS_OF)
    assert result.revoked == ["finance_review"]
    assert (result.status_before, result.status_after) == ("scheduled", "received")
    order = store.get(Order, "webshop|WS1")
    assert order.status == "received" and order.approvals == []
    events = store.history(order)[-5:]
    assert [e.action for e in events] == ["change_request", "rule_hit", "rule_hit", "rule_hit", "transition"]
    # the amount hit changed its values; the new 电泳 bracket line and its quantity (1000 > 500 in stock) hit too
    assert [e.after["rule"] for e in events[1:4]] == ["large_order_non_a", "special_process", "stock_short"]
    with pytest.raises(InputError, match=r"Finance review signed off \(rule large_order_non_a: customer.grade=B, "
                                         r"order.total_cny=72500"):
        advance(store, "WS1", "reviewed", as_of=k.AS_OF)


def test_change_that_keeps_grounds_keeps_status(k, store, put, catalogue) -> None:
    put(k.customer(grade="A"), _bolt_order(k, "40"))
    advance(store, "WS1", "reviewed", as_of=k.AS_OF)
    result = change_order(store, "WS1", address="上海市浦东新区张江路 88 号 3 号门", as_of=k.AS_OF)
    assert result.status_after == "reviewed" and result.order.ship_to_address.startswith("上海市")
    assert result.changes == [{"change": "address", "before": None, "after": "上海市浦东新区张江路 88 号 3 号门"}]


def test_change_that_pushes_customer_over_credit_freezes(k, store, put, catalogue) -> None:
    put(k.customer(grade="A", limit="1000"), _bolt_order(k, "40"))
    result = change_order(store, "WS1", add=[LineAdd("SKU-BRKT", Decimal("80"))], as_of=k.AS_OF)  # 1,014 CNY
    [hit] = [h for h in result.new_hits if h.rule == "over_credit_limit"]
    assert hit.values == {"customer.over_limit_cny": "14"}


def test_refused_changes(k, store, put, catalogue) -> None:
    put(k.customer(grade="A"), _bolt_order(k, "40"))
    with pytest.raises(InputError, match="no such SKU"):
        change_order(store, "WS1", add=[LineAdd("SKU-NONE", Decimal("1"))])
    with pytest.raises(InputError, match="has no line 7"):
        change_order(store, "WS1", quantities={7: Decimal("1")})
    with pytest.raises(InputError, match="nothing to change"):
        change_order(store, "WS1")
    with pytest.raises(InputError, match="would leave no lines"):
        change_order(store, "WS1", quantities={1: Decimal("0")})
    with pytest.raises(InputError, match="expected SKU:QTY"):
        parse_add("SKU-BOLT")
    with pytest.raises(InputError, match="expected LINE:QTY"):
        parse_quantity("one:5")
    approve(store, "WS1", "payment_confirmed")
    for status in ("reviewed", "scheduled", "quality_passed", "shipped"):
        advance(store, "WS1", status, as_of=k.AS_OF)
    with pytest.raises(InputError, match="is shipped: changes are accepted only while"):
        change_order(store, "WS1", address="new")


def test_reimported_order_keeps_the_desk_state(k, store, put, catalogue) -> None:
    from hub.orderdesk.imports import keep_desk_state

    put(k.customer(grade="B"), k.order("WS1", "60000"))
    approve(store, "WS1", "finance_review", by="finance")
    advance(store, "WS1", "reviewed", as_of=k.AS_OF)
    change_order(store, "WS1", address="上海市浦东新区 1 号", as_of=k.AS_OF)
    again = k.order("WS1", "60000", remarks="portal re-delivered")  # as the channel serves it again
    [kept] = keep_desk_state(store, [again])
    assert (kept.status, kept.approvals, kept.ship_to_address) == ("reviewed", ["finance_review"], "上海市浦东新区 1 号")
    assert kept.remarks == "portal re-delivered" and [h.rule for h in kept.rule_hits] == ["large_order_non_a"]
    assert keep_desk_state(store, [k.order("WS9", "1")])[0].status == "received"
