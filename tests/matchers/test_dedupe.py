"""Order dedupe across channels, test orders by rule, combined shipping; links in the store."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hub.records import Order, OrderLine
from matchers.dedupe import DedupeRules, dedupe_orders, store_dedupe

D = date(2026, 3, 2)


def order(channel: str, ext: str, name: str, day: date = D, qty: str = "100", price: str = "2.50",
          is_test: bool = False, remarks: str = "", status: str = "received", sku: str = "HR-HB8-002",
          desc: str = "外六角螺栓 M8x25") -> Order:
    q, p = Decimal(qty), Decimal(price)
    return Order(channel=channel, external_id=ext, customer_name=name, order_date=day, is_test=is_test,
                 remarks=remarks, status=status,  # type: ignore[arg-type]
                 lines=[OrderLine(line_no=1, sku=sku, description=desc, quantity=q, unit_price=p, amount=q * p)])


def test_same_order_from_two_channels_is_merged_and_repeat_orders_are_not() -> None:
    orders = [
        order("webshop", "WS20260302001", "上海华源贸易有限公司"),
        order("marketplace", "MP-2026111", "SHANGHAI HUAYUAN TRADING CO., LTD.", D + timedelta(days=1),
              desc="Hex Cap Screw M8x25"),
        order("webshop", "WS20260315002", "上海华源贸易有限公司", D + timedelta(days=13)),  # a repeat order
        order("dealer", "PO-00017", "宁波海洋物流有限公司"),                                 # another customer
    ]
    result = dedupe_orders(orders)
    assert len(result.duplicates) == 1
    group = result.duplicates[0]
    assert group.primary == "webshop|WS20260302001" and group.duplicates == ["marketplace|MP-2026111"]
    assert "webshop, marketplace" in group.reason


def test_test_orders_are_set_aside_by_rules() -> None:
    orders = [order("webshop", "WS1", "测试账号"), order("marketplace", "MP-9", "Real Buyer Ltd", is_test=True),
              order("webshop", "WS2", "上海华源贸易有限公司", remarks="测试订单 请勿发货"),
              order("webshop", "WS3", "上海华源贸易有限公司", qty="1", price="0.01"),
              order("webshop", "WS4", "上海华源贸易有限公司", qty="10000", price="0.0014")]  # cheap washers: real
    result = dedupe_orders(orders)
    rules = {k: r for k, r, _ in result.test_orders}
    assert rules == {"webshop|WS1": "test_words_in_name", "marketplace|MP-9": "channel_flag",
                     "webshop|WS2": "test_words_in_remarks", "webshop|WS3": "token_amount"}


def test_rules_are_data(tmp_path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "vip"\nreason = "internal account"\nfield = "customer_name"\n'
                    'text = ["^内部"]\n', encoding="utf-8")
    rules = DedupeRules.load(path)
    result = dedupe_orders([order("webshop", "WS1", "内部采购部"), order("webshop", "WS2", "测试账号")], rules)
    assert [k for k, _, _ in result.test_orders] == ["webshop|WS1"]


def test_same_customer_open_orders_grouped_for_combined_shipping() -> None:
    orders = [order("webshop", "WS1", "上海华源贸易有限公司"),
              order("dealer", "PO-1", "上海华源贸易有限公司", D + timedelta(days=4), sku="HR-FW-003", desc="平垫圈"),
              order("webshop", "WS3", "上海华源贸易有限公司", D + timedelta(days=30), sku="HR-NL-001", desc="锁紧螺母"),
              order("webshop", "WS4", "上海华源贸易有限公司", D + timedelta(days=2), status="shipped", sku="X", desc="x")]
    result = dedupe_orders(orders)
    assert result.shipping_groups == [["webshop|WS1", "dealer|PO-1"]]


def test_store_links_are_idempotent(store) -> None:
    orders = [order("webshop", "WS20260302001", "上海华源贸易有限公司"),
              order("marketplace", "MP-2026111", "上海华源贸易有限公司", D + timedelta(days=1)),
              order("webshop", "WS1", "测试账号")]
    store.upsert(orders)
    result = dedupe_orders(orders)
    assert store_dedupe(store, result, "dedupe") == 2
    assert store_dedupe(store, result, "dedupe") == 0
    assert ("out", "duplicate_of", "order", "webshop|WS20260302001") in store.links_of(("order", "marketplace|MP-2026111"))
    assert store.get(Order, "webshop|WS1") is not None  # set aside, not deleted
    assert ("out", "set_aside", "test_rule", "test_words_in_name") in store.links_of(("order", "webshop|WS1"))
