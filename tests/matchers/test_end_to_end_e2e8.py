"""What broke between extraction and matching on the hand-written held-out world (bench/RESULTS.md "e2e8"):
a statement line in two overlapping exports reconciled twice; an invoice read without its buyer crashing the
order link (and its order left open beside it); fields read unsure on one side holding back a match the other
side's sure values confirm exactly. Last, the world itself through ``orderhub extract`` and ``orderhub
reconcile`` (slow: real PDFs, real OCR on four scans, SQLite)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hub.records import BankReceipt, Customer, Invoice, InvoiceLine, Order, OrderLine, StatementLine
from matchers.cash import reconcile

SELLER = "苏州恒锐精密五金制品有限公司"
SELLER_TAX = "91320594MA1MXQ7K8G"
ROOT = Path(__file__).resolve().parents[2]


def hongyuan() -> Customer:
    return Customer(code="C01", name="宁波海曙宏远机电有限公司", aliases=["宏远机电"])


def kowloon() -> Customer:
    return Customer(code="C08", name="Kowloon Bay Trading Co. Limited", country="HK", currency="USD")


def invoice(number: str, buyer: str | None, total: str, day: date, *, currency: str = "CNY",
            description: str = "法兰螺母 M12", quantity: str = "1") -> Invoice:
    amount = Decimal(total)
    line = InvoiceLine(line_no=1, description=description, quantity=Decimal(quantity),
                       unit_price=amount / Decimal(quantity), amount=amount)
    return Invoice(kind="cn_vat_e" if currency == "CNY" else "commercial", number=number, issue_date=day,
                   seller_name=SELLER, seller_tax_id=SELLER_TAX, buyer_name=buyer, currency=currency, net=amount,
                   tax=Decimal(0), total=amount, lines=[line])


def cmb_line(txn: str, payer: str, amount: str, memo: str, day: date) -> StatementLine:
    return StatementLine(bank="招商银行", account="755912345610801", transaction_id=txn, booking_date=day,
                         value_date=day, amount=Decimal(amount), currency="CNY", counterparty_name=payer,
                         description=memo)


# -- one transaction in two overlapping exports ------------------------------------------------------------
def test_a_statement_line_in_two_overlapping_exports_is_applied_once() -> None:
    c = hongyuan()
    a = invoice("26322000000004510001", c.name, "9548.50", date(2026, 11, 3))
    b = invoice("26322000000004510002", c.name, "9548.50", date(2026, 11, 4))
    nov = cmb_line("CMB26112900052", c.name, "9548.50", "发票26322000000004510001", date(2026, 11, 29))
    dec = nov.model_copy()  # the December export, taken from 11-29, repeats the line
    result = reconcile([nov, dec], [a, b], [], [c])
    assert [(m.payment_key, m.status) for m in result.matches] == [(nov.natural_key(), "auto")]
    assert [x.target_label for x in result.matches[0].allocations] == [a.number]
    # the other invoice of the same amount stays open: the money was not applied twice
    assert {i.label for i in result.open_items() if i.due > 0} == {b.number}


def test_two_transactions_of_the_same_amount_stay_two() -> None:
    c = hongyuan()
    a = invoice("26322000000004510001", c.name, "9548.50", date(2026, 11, 3))
    b = invoice("26322000000004510002", c.name, "9548.50", date(2026, 11, 4))
    one = cmb_line("CMB26112900052", c.name, "9548.50", "发票26322000000004510001", date(2026, 11, 29))
    two = cmb_line("CMB26112900053", c.name, "9548.50", "发票26322000000004510002", date(2026, 11, 29))
    result = reconcile([one, two], [a, b], [], [c])
    assert sorted(x.target_label for m in result.matches for x in m.allocations if m.status == "auto") == \
        [a.number, b.number]


# -- an invoice read without its buyer -------------------------------------------------------------------
def _kowloon_world() -> tuple[Invoice, Order, StatementLine]:
    c = kowloon()
    line = OrderLine(line_no=1, description="Brass lock nuts M20", quantity=Decimal(6200), unit_price=Decimal("0.40"),
                     amount=Decimal("2480.00"))
    order = Order(channel="direct", external_id="KBT-8842", customer_code=c.code, customer_name=c.name,
                  order_date=date(2026, 11, 1), currency="USD", lines=[line])
    # the invoice's "To:" block and "Cust. Ref." were not read: buyer and order reference null, for review
    inv = invoice("HK-26-0116", None, "2480.00", date(2026, 11, 12), currency="USD",
                  description="Brass lock nuts M20", quantity="6200")
    pay = StatementLine(bank="香港上海汇丰银行", account="848123456838", transaction_id="h:29d30e1ad130fd34",
                        booking_date=date(2026, 12, 4), amount=Decimal("2480.00"), currency="USD",
                        counterparty_name="KOWLOON BAY TRADING CO LTD", description="TT CREDIT KOWLOON BAY TRADING CO LTD")
    return inv, order, pay


def test_an_invoice_read_without_its_buyer_bills_its_order() -> None:
    inv, order, pay = _kowloon_world()
    result = reconcile([pay], [inv], [order], [kowloon()])  # main: TypeError in name_similarity
    m = result.matches[0]
    assert m.status == "auto"
    assert [x.target_label for x in m.allocations] == ["HK-26-0116"]
    # the order is billed by the invoice: not an open item of its own beside it
    assert [i.label for i in result.open_items() if i.kind == "order"] == []


def test_an_invoice_without_its_buyer_fitting_two_orders_links_to_neither() -> None:
    inv, order, pay = _kowloon_world()
    other = order.model_copy(update={"external_id": "PRS-0042", "customer_code": "C06",
                                     "customer_name": "PACIFIC RIM INDUSTRIAL SUPPLY INC."})
    customers = [kowloon(), Customer(code="C06", name="PACIFIC RIM INDUSTRIAL SUPPLY INC.", country="US",
                                     currency="USD")]
    result = reconcile([pay], [inv], [order, other], customers)
    m = result.matches[0]
    # which order the invoice bills is a guess: the money waits, not applied to the order beside its invoice
    assert m.status == "review"
    assert "read without its buyer, may bill order KBT-8842" in m.reason
    assert {i.label for i in result.open_items() if i.kind == "order"} == {"KBT-8842", "PRS-0042"}


# -- unsure on one side, confirmed exactly by the other --------------------------------------------------
def _scan_receipt(amount: str, memo: str) -> BankReceipt:
    return BankReceipt(bank="中国银行", transaction_id="BOC2026120300771", value_date=date(2026, 12, 3),
                       payer_name="深圳市创新电子科技有限公司", amount=Decimal(amount), currency="CNY", memo=memo)


CX = Customer(code="C05", name="深圳市创新电子科技有限公司", aliases=["创新电子"])
SCAN_FIELDS = frozenset({"amount", "currency", "memo", "payer_name", "value_date", "transaction_id", "bank"})


def test_a_scanned_receipt_agreeing_exactly_with_a_sure_invoice_is_applied() -> None:
    inv = invoice("04518841", CX.name, "14125.00", date(2026, 11, 17))
    pay = _scan_receipt("14125.00", "发票号码04518841")
    m = reconcile([pay], [inv], [], [CX], unsure={pay.natural_key(): SCAN_FIELDS}).matches[0]
    assert m.status == "auto"  # main: review, "the match rests on what was read with low confidence"
    assert [x.target_label for x in m.allocations] == ["04518841"]


def test_a_scanned_receipt_paying_a_scanned_invoice_still_waits() -> None:
    inv = invoice("04518841", CX.name, "14125.00", date(2026, 11, 17))
    pay = _scan_receipt("14125.00", "发票号码04518841")
    unsure = {pay.natural_key(): SCAN_FIELDS, inv.natural_key(): frozenset({"number", "total", "buyer_name"})}
    m = reconcile([pay], [inv], [], [CX], unsure=unsure).matches[0]
    assert m.status == "review"
    assert "low confidence" in m.reason


def test_a_scanned_receipt_agreeing_only_nearly_still_waits() -> None:
    # the amount read from the scan is short of the invoice (a part payment, or a misread digit): not confirmed
    inv = invoice("04518841", CX.name, "14125.00", date(2026, 11, 17))
    pay = _scan_receipt("14725.00", "货款")
    m = reconcile([pay], [inv], [], [CX], unsure={pay.natural_key(): SCAN_FIELDS}).matches[0]
    assert m.status != "auto"


# -- the world through the CLI ---------------------------------------------------------------------------
@pytest.mark.slow
def test_held_out_world_through_extract_and_reconcile(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from end_to_end_handmade import report

    got = report("main", tmp_path)  # main: orderhub reconcile exits 1 (TypeError: the buyer-less invoice)
    main = {k: 0 for k in ("auto_wrong", "not_seen", "twice")} | got["main"]
    assert main["auto_wrong"] == 0
    assert main["payments"] == 24 and main["with_truth"] == 23
    assert main["auto_right"] >= 21  # before: 16 (review: 2 scans, the double export, 2 on a scanned invoice)
    assert main["not_seen"] == 0 and main["twice"] == 0
    assert got["documents"].get("refused", 0) == 0
