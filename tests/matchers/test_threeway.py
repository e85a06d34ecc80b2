"""Three-way match: each tolerance key at, just inside and just outside its limit; linking by lines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from hub.errors import InputError
from hub.records import Delivery, DeliveryLine, Invoice, InvoiceLine, Order, OrderLine, Product
from matchers.threeway import three_way
from matchers.tolerance import ThreeWayTolerance, allowed, load_profile, within

D = date(2026, 3, 1)
PRODUCTS = [Product(sku="HR-HB8-002", name_zh="外六角螺栓", name_en="Hex Cap Screw", spec="M8x25 4.8级 镀锌"),
            Product(sku="HR-HB8-004", name_zh="外六角螺栓", name_en="Hex Cap Screw", spec="M12x40 4.8级 热镀锌"),
            Product(sku="HR-FW-003", name_zh="平垫圈", name_en="Flat Washer", spec="Φ12 GB97.1 镀锌")]


def profile(**tw: str) -> object:
    base = load_profile()
    values = {"qty_pct": "2", "qty_abs": "30", "price_pct": "1", "price_abs": "0.50", "total_pct": "50",
              "total_abs": "100000", **tw}
    return replace(base, threeway=ThreeWayTolerance(**{k: Decimal(v) for k, v in values.items()}))


def world(inv_qty: str = "1000", inv_price: str = "10.00", delivered: str = "1000", inv_day: date = D,
          order_ref: str | None = "WS20260042") -> tuple[list[Invoice], list[Order], list[Delivery]]:
    order = Order(channel="marketplace", external_id="WS20260042", customer_name="Maple Leaf Components Ltd.",
                  order_date=date(2026, 2, 20), currency="CNY",
                  lines=[OrderLine(line_no=1, sku="HR-HB8-004", description="Hex Cap Screw M12x40 Gr.4.8 hot-dip galv.",
                                   quantity=Decimal(1000), unit="PCS", unit_price=Decimal("10.00"),
                                   amount=Decimal("10000.00")),
                         OrderLine(line_no=2, sku="HR-HB8-002", description="Hex Cap Screw M8x25 Gr.4.8 zinc plated",
                                   quantity=Decimal(500), unit="PCS", unit_price=Decimal("2.00"),
                                   amount=Decimal("1000.00"))])
    delivery = Delivery(delivery_no="SH20260228001", order_ref="WS20260042", shipped_date=date(2026, 2, 28),
                        lines=[DeliveryLine(line_no=1, order_line_no=1, sku="HR-HB8-004", description="外六角螺栓",
                                            quantity=Decimal(delivered)),
                               DeliveryLine(line_no=2, order_line_no=2, sku="HR-HB8-002", description="外六角螺栓",
                                            quantity=Decimal(500))])
    # a VAT invoice: Chinese descriptions without SKU, net unit prices, 13% tax
    q, gross = Decimal(inv_qty), Decimal(inv_price)
    net_price = (gross / Decimal("1.13")).quantize(Decimal("0.00000001"))
    amount1 = (q * gross / Decimal("1.13")).quantize(Decimal("0.01"))
    tax1 = (q * gross).quantize(Decimal("0.01")) - amount1
    lines = [InvoiceLine(line_no=1, description="*紧固件*外六角螺栓", spec="M12x40 4.8级 热镀锌", quantity=q,
                         unit_price=net_price, amount=amount1, tax_rate=Decimal("0.13"), tax=tax1),
             InvoiceLine(line_no=2, description="*紧固件*外六角螺栓", spec="M8x25 4.8级 镀锌", quantity=Decimal(500),
                         unit_price=Decimal("1.76991150"), amount=Decimal("884.96"), tax_rate=Decimal("0.13"),
                         tax=Decimal("115.04"))]
    net = sum((ln.amount for ln in lines), Decimal(0))
    tax = sum((ln.tax for ln in lines), Decimal(0))
    inv = Invoice(kind="cn_vat_e", number="26322000000001234567", issue_date=inv_day, seller_name="恒锐",
                  buyer_name="Maple Leaf Components Ltd.", net=net, tax=tax, total=net + tax, lines=lines,
                  order_ref=order_ref)
    return [inv], [order], [delivery]


def run(prof: object, **kw: object):
    invs, orders, dels = world(**kw)  # type: ignore[arg-type]
    return three_way(invs, orders, dels, PRODUCTS, profile=prof)[0]  # type: ignore[arg-type]


def test_clean_invoice_is_matched_through_chinese_descriptions() -> None:
    r = run(profile())
    assert r.status == "matched", r.reason
    assert [c.sku for c in r.lines] == ["HR-HB8-004", "HR-HB8-002"]
    assert r.delivery_nos == ["SH20260228001"]


@pytest.mark.parametrize(("qty", "status"), [
    ("1020", "matched"),   # +2.0%: at the percent limit (20 < abs 30)
    ("1019", "matched"),   # just inside
    ("1021", "hold"),      # just outside
    ("980", "matched"),
    ("979", "hold"),
])
def test_quantity_percent_limit(qty: str, status: str) -> None:
    r = run(profile(), inv_qty=qty)
    assert r.status == status, r.reason
    if status == "hold":
        f = next(f for f in r.failures if f.key == "quantity")
        assert f.line_no == 1 and "invoiced" in f.actual and "delivered 1000" in f.expected


@pytest.mark.parametrize(("qty", "status"), [("1010", "matched"), ("1011", "hold")])
def test_quantity_absolute_limit_is_stricter(qty: str, status: str) -> None:
    assert run(profile(qty_abs="10"), inv_qty=qty).status == status  # 10 < 2% of 1000: the absolute wins


@pytest.mark.parametrize(("price", "status"), [
    ("10.10", "matched"),  # +1%: at the limit
    ("10.09", "matched"),
    ("10.11", "hold"),
    ("9.90", "matched"),
    ("9.89", "hold"),
])
def test_price_percent_limit_on_gross_price(price: str, status: str) -> None:
    r = run(profile(), inv_price=price)
    assert r.status == status, r.reason
    if status == "hold":
        assert [f.key for f in r.failures] == ["price"]


@pytest.mark.parametrize(("price", "status"), [("10.05", "matched"), ("10.06", "hold")])
def test_price_absolute_limit(price: str, status: str) -> None:
    assert run(profile(price_abs="0.05"), inv_price=price).status == status


@pytest.mark.parametrize(("total_abs", "status"), [("200.00", "matched"), ("199.99", "hold")])
def test_total_amount_limit(total_abs: str, status: str) -> None:
    # 20 more screws at 10.00 = 200.00 over the expected total; the quantity key is kept open
    r = run(profile(qty_pct="5", total_abs=total_abs), inv_qty="1020")
    assert r.status == status, r.reason
    if status == "hold":
        assert [f.key for f in r.failures] == ["total"]
        assert "+200.00" in r.failures[0].variance


def test_invoice_before_delivery_is_held_unless_allowed() -> None:
    early = date(2026, 2, 27)
    r = run(profile(), inv_day=early)
    assert r.status == "hold" and [f.key for f in r.failures] == ["date"]
    relaxed = replace(profile(), threeway=replace(profile().threeway, invoice_before_delivery="allow"))
    assert run(relaxed, inv_day=early).status == "matched"
    assert run(profile(), inv_day=date(2026, 2, 28)).status == "matched"  # same day is not before


def test_variance_inside_is_recorded() -> None:
    r = run(profile(), inv_qty="1010")
    assert r.status == "matched" and r.lines[0].qty_variance == Decimal(10)
    assert "within tolerance" in r.reason


def test_invoice_without_order_reference_is_linked_by_lines() -> None:
    r = run(profile(), order_ref=None)
    assert r.order_key == "marketplace|WS20260042" and r.status == "matched"


def test_limits_take_the_stricter() -> None:
    assert allowed(Decimal(10), Decimal(2), Decimal(1000)) == Decimal(10)
    assert allowed(Decimal(100), Decimal(2), Decimal(1000)) == Decimal(20)
    assert within(Decimal(20), Decimal(100), Decimal(2), Decimal(1000))
    assert not within(Decimal("20.01"), Decimal(100), Decimal(2), Decimal(1000))


def test_bad_profile_file_is_a_clear_error(tmp_path) -> None:
    from importlib import resources

    bad = tmp_path / "tol.toml"
    bad.write_text('[profiles.x]\namount_abs = "1"\n', encoding="utf-8")
    with pytest.raises(InputError, match="profiles.x: missing 'weights'"):
        load_profile("x", bad)
    text = resources.files("matchers").joinpath("data/tolerances.toml").read_text(encoding="utf-8")
    bad.write_text(text.replace('amount_abs = "1.00"', 'amount_abs = "abc"'), encoding="utf-8")
    with pytest.raises(InputError, match="amount_abs: 'abc' is not a number"):
        load_profile(None, bad)
    with pytest.raises(InputError, match="no tolerance profile 'nope'"):
        load_profile("nope")
