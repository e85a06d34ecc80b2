"""Proposals that score enough but rest on doubtful evidence go to a person, not to the ledger.

The cases are the two wrong automatic matches the end-to-end bench found (bench/RESULTS.md, branch e2e):
a balance payment whose memo named no known reference, short of another open item of the same customer by
what looked like a bank fee, with the payer known by its short name; and a part payment naming an order
whose other invoice could not be tied to the order (its lines were not the order's products).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hub.records import BankReceipt, Customer, Invoice, InvoiceLine, Order, OrderLine
from matchers.cash import reconcile
from matchers.tolerance import load_profile

SELLER = "苏州恒锐精密五金制品有限公司"
SELLER_TAX = "91320594MA1MXQ7K8G"


def tiancheng() -> Customer:
    return Customer(code="C0003", name="苏州天成工贸有限公司", name_en="SUZHOU TIANCHENG INDUSTRY & TRADE CO.,LTD",
                    aliases=["天成工贸"])


def chengtai() -> Customer:
    return Customer(code="C0006", name="台州诚泰电子科技有限公司", aliases=["诚泰电子"])


def order(ext: str, customer: Customer, total: str, day: date, description: str = "六角头螺栓 M20x80") -> Order:
    amount = Decimal(total)
    line = OrderLine(line_no=1, description=description, quantity=Decimal(1), unit_price=amount, amount=amount)
    return Order(channel="dealer", external_id=ext, customer_name=customer.name, customer_code=customer.code,
                 order_date=day, lines=[line], currency="CNY")


def vat_invoice(number: str, customer: Customer, total: str, day: date, order_ref: str | None,
                description: str, *, buyer_tax_id: str | None = None) -> Invoice:
    """A one-line 13% VAT e-invoice of ours to the customer (its tax id printed only when given)."""
    total_d = Decimal(total)
    net = (total_d / Decimal("1.13")).quantize(Decimal("0.01"))
    line = InvoiceLine(line_no=1, description=description, amount=net, tax_rate=Decimal("0.13"), tax=total_d - net)
    return Invoice(kind="cn_vat_e", number=number, issue_date=day, seller_name=SELLER, seller_tax_id=SELLER_TAX,
                   buyer_name=customer.name, buyer_tax_id=buyer_tax_id, currency="CNY", net=net, tax=total_d - net,
                   total=total_d, order_ref=order_ref, lines=[line])


def cmb_receipt(txn: str, payer: str, amount: str, memo: str, day: date) -> BankReceipt:
    return BankReceipt(bank="招商银行", receipt_no=f"CMB{txn}", transaction_id=txn, value_date=day, payer_name=payer,
                       payee_name=SELLER, payee_account="512908765410301", amount=Decimal(amount), currency="CNY",
                       memo=memo)


# -- a near amount by a "fee", no reference, the payer by its short name ---------------------------------
def _fee_world(payer: str, amount: str = "992.42") -> tuple[list[BankReceipt], list[Order]]:
    # the customer's open orders; the payment is the balance of another item, its memo quotes the payer's
    # own invoice numbering (nothing we issued), and it lies 11.58 under order PO-00001 (989.00: a bank
    # charge of 15.00 under it)
    orders = [order("PO-00001", tiancheng(), "1004.00", date(2026, 2, 2)),
              order("PO-00007", tiancheng(), "5230.00", date(2026, 3, 2))]
    pay = cmb_receipt("K14687970326A", payer, amount, "货款 发票号 CI850923 80525868", date(2026, 3, 26))
    return [pay], orders


def test_fee_short_payment_without_reference_by_alias_goes_to_review() -> None:
    pays, orders = _fee_world("天成工贸")
    m = reconcile(pays, [], orders, [tiancheng()]).matches[0]
    assert m.status == "review"
    assert m.allocations == []
    top = m.candidates[0]
    assert [a.target_key for a in top.allocations] == ["dealer|PO-00001"]
    assert [w.reason_code for w in top.write_offs] == ["BANK_FEE"]
    assert "short by a bank fee, the memo names no reference and the payer is the customer by its alias only" \
        in m.reason


@pytest.mark.parametrize("payer", ["苏州天成工贸有限公司", "SUZHOU TIANCHENG INDUSTRY & TRADE CO.,LTD"])
def test_fee_short_payment_without_reference_by_a_full_name_still_auto(payer: str) -> None:
    pays, orders = _fee_world(payer, "989.00")
    m = reconcile(pays, [], orders, [tiancheng()]).matches[0]
    assert m.status == "auto"
    assert [a.target_key for a in m.allocations] == ["dealer|PO-00001"]
    assert [(w.reason_code, w.amount) for w in m.write_offs] == [("BANK_FEE", Decimal("15.00"))]


@pytest.mark.parametrize("payer", ["苏州天成工贸有限公司", "SUZHOU TIANCHENG INDUSTRY & TRADE CO.,LTD"])
def test_fee_short_payment_without_reference_short_by_an_odd_amount_goes_to_review(payer: str) -> None:
    # 11.58 is no bank's charge: the balance of another item that happens to lie within a fee of this one
    # (seed 17: 194.40, the rest of a 360.00 invoice, 15.60 under a 210.00 one of the same customer)
    pays, orders = _fee_world(payer)
    m = reconcile(pays, [], orders, [tiancheng()]).matches[0]
    assert m.status == "review" and m.allocations == []
    assert "short by 11.58, not a whole amount as bank charges are" in m.reason
    lenient = type(load_profile())(**{**load_profile().__dict__, "fee_auto_whole": False})
    assert reconcile(pays, [], orders, [tiancheng()], profile=lenient).matches[0].status == "auto"


def test_fee_short_payment_by_alias_with_the_order_in_the_memo_still_auto() -> None:
    pays, orders = _fee_world("天成工贸")
    pays = [pays[0].model_copy(update={"memo": "支付天成工贸尾款 PO-00001"})]
    m = reconcile(pays, [], orders, [tiancheng()]).matches[0]
    assert m.status == "auto" and [a.target_key for a in m.allocations] == ["dealer|PO-00001"]


def test_which_names_suffice_is_data() -> None:
    pays, orders = _fee_world("天成工贸", "989.00")
    profile = load_profile()
    lenient = type(profile)(**{**profile.__dict__, "fee_auto_via": ("legal name", "buyer name", "alias")})
    m = reconcile(pays, [], orders, [tiancheng()], profile=lenient).matches[0]
    assert m.status == "auto"


# -- a part payment naming the order, whose other invoice is tied to no order -----------------------------
def _order_world(with_orphan: bool) -> tuple[list[BankReceipt], list[Invoice], list[Order]]:
    ws = order("WS20260125001", chengtai(), "224.72", date(2026, 1, 25), description="不锈钢冲压卡箍 DN25")
    named = vat_invoice("26322000000001376616", chengtai(), "97.52", date(2026, 2, 4), "WS20260125001",
                        "*金属制品*不锈钢冲压卡箍")
    # the order's first invoice, read without its goods (a line the products do not know) and without the order
    orphan = vat_invoice("26327000000001376578", chengtai(), "127.20", date(2026, 1, 28), None, "*经营租赁*通行费")
    pay = BankReceipt(bank="中国工商银行", receipt_no="20260221001052188", transaction_id="202602210001052188",
                      value_date=date(2026, 2, 21), payer_name="台州诚泰电子科技有限公司", payee_name=SELLER,
                      amount=Decimal("78.20"), currency="CNY", memo="订单:WS20260125001")
    return [pay], [named, orphan] if with_orphan else [named], [ws]


def test_part_payment_naming_an_order_partly_billed_goes_to_review_when_an_invoice_has_no_order() -> None:
    pays, invoices, orders = _order_world(with_orphan=True)
    result = reconcile(pays, invoices, orders, [chengtai()])
    m = result.matches[0]
    assert m.status == "review" and m.allocations == []
    assert "the memo names the order of invoice 26322000000001376616, not the invoice" in m.reason
    # nothing was posted: both invoices stay open in full
    assert sorted(i.due for i in result.open_items()) == [Decimal("97.52"), Decimal("127.20")]


def test_part_payment_naming_an_order_is_auto_when_every_invoice_of_the_customer_has_its_order() -> None:
    pays, invoices, orders = _order_world(with_orphan=False)
    m = reconcile(pays, invoices, orders, [chengtai()]).matches[0]
    assert m.status == "auto"
    assert [(a.target_label, a.amount) for a in m.allocations] == [("26322000000001376616", Decimal("78.20"))]


def test_part_payment_naming_the_invoice_itself_is_auto_even_with_an_orphan() -> None:
    pays, invoices, orders = _order_world(with_orphan=True)
    pays = [pays[0].model_copy(update={"memo": "货款 发票号26322000000001376616"})]
    m = reconcile(pays, invoices, orders, [chengtai()]).matches[0]
    assert m.status == "auto"
    assert [a.target_label for a in m.allocations] == ["26322000000001376616"]


# -- a debit receipt (we paid) is not money in -------------------------------------------------------------
def _refund() -> tuple[BankReceipt, Invoice]:
    inv = vat_invoice("26322000000001376412", chengtai(), "16537.00", date(2026, 1, 9), None, "*紧固件*六角头螺栓")
    # a 付款回单 from the bank's receipt download: we refund the invoice in full, the memo quotes it
    refund = BankReceipt(bank="招商银行", receipt_no="CMB20260305721499", transaction_id="K07214990305A",
                         value_date=date(2026, 3, 5), payer_name=SELLER, payer_account="512908765410301",
                         payee_name="台州诚泰电子科技有限公司", payee_account="35764093254398158",
                         amount=Decimal("16537.00"), currency="CNY", memo="退货款 发票号26322000000001376412")
    return refund, inv


def _our_master():
    from hub.settings import OurCompany

    return OurCompany(name=SELLER, name_en="Suzhou Hengrui Precision Hardware Products Co., Ltd.",
                      tax_ids=(SELLER_TAX,), accounts=("512908765410301", "1102020109000123456"))


def test_without_knowing_who_we_are_a_refund_would_settle_the_invoice_it_quotes() -> None:
    from matchers.ours import Ours

    refund, inv = _refund()
    m = reconcile([refund], [inv], customers=[chengtai()], ours=Ours()).matches[0]
    assert m.status == "auto"  # what the our-companies master prevents below


def test_a_receipt_we_paid_is_set_aside_as_money_out(tmp_path, monkeypatch) -> None:
    from hub.settings import write_our_companies

    refund, inv = _refund()
    path = write_our_companies([_our_master()], tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))
    result = reconcile([refund], [inv], customers=[chengtai()])
    assert result.matches == []
    assert result.set_aside == [("招商银行|K07214990305A", "money out: we are the payer on this receipt (a debit "
                                 "receipt)")]
    assert [i.due for i in result.open_items()] == [Decimal("16537.00")]


def test_money_between_our_own_accounts_is_set_aside_and_customer_money_is_not() -> None:
    from hub.records import StatementLine
    from matchers.ours import Ours

    refund, inv = _refund()
    ours = Ours.of([_our_master()])
    sweep = StatementLine(bank="中国工商银行", account="1102020109000123456", transaction_id="202603060000112233",
                          booking_date=date(2026, 3, 6), amount=Decimal("16537.00"), currency="CNY",
                          counterparty_name="苏州恒锐精密五金制品有限公司", counterparty_account="5129 0876 5410 301",
                          description="资金归集", reference="")
    paid = refund.model_copy(update={"payer_name": "台州诚泰电子科技有限公司", "payer_account": "35764093254398158",
                                     "payee_name": SELLER, "payee_account": "512908765410301",
                                     "memo": "货款 发票号26322000000001376412"})
    result = reconcile([sweep, paid], [inv], customers=[chengtai()], ours=ours)
    assert result.set_aside == [(sweep.natural_key(), "transfer between our own accounts")]
    assert [(m.status, [a.target_label for a in m.allocations]) for m in result.matches] == [
        ("auto", ["26322000000001376412"])]


# -- evidence read with low confidence carries no automatic match ------------------------------------------
def _exact_by_name() -> tuple[BankReceipt, list[Order]]:
    orders = [order("PO-00007", tiancheng(), "5230.00", date(2026, 3, 2))]
    # a 本方/对方 receipt whose sides only the reading order told apart: the payer name is a guess
    pay = cmb_receipt("K22787120328A", "天成工贸", "5230.00", "货款", date(2026, 3, 28))
    return pay, orders


def test_exact_amount_and_payer_name_is_auto_when_the_name_was_read_surely() -> None:
    pay, orders = _exact_by_name()
    m = reconcile([pay], [], orders, [tiancheng()], unsure={}).matches[0]
    assert m.status == "auto" and [a.target_key for a in m.allocations] == ["dealer|PO-00007"]


def test_a_payer_name_left_for_review_on_its_file_carries_no_automatic_match(store) -> None:
    from hub.records import SourceFile
    from matchers.partial import unsure_from_store

    pay, orders = _exact_by_name()
    sha = "5" * 64
    store.upsert([pay, SourceFile(sha256=sha, path="/in/receipts/CMB20260328227871.pdf", kind="receipt",
                                  status="needs_review", record_keys=[f"receipt:{pay.natural_key()}"],
                                  review_fields=["payer_name", "payer_account"])], actor="extract")
    unsure = unsure_from_store(store)
    assert unsure == {pay.natural_key(): frozenset({"payer_name", "payer_account"})}
    m = reconcile([pay], [], orders, [tiancheng()], unsure=unsure).matches[0]
    assert m.status == "review" and m.allocations == []
    assert [a.target_key for a in m.candidates[0].allocations] == ["dealer|PO-00007"]
    assert "rests on what was read with low confidence from a document (name)" in m.reason


def test_an_invoice_total_left_for_review_carries_no_automatic_match() -> None:
    inv = vat_invoice("26322000000001078628", tiancheng(), "1417.75", date(2026, 2, 10), None, "*紧固件*膨胀螺栓")
    pay = cmb_receipt("K14687970326B", "苏州天成工贸有限公司", "1417.75", "货款", date(2026, 3, 26))
    assert reconcile([pay], [inv], customers=[tiancheng()], unsure={}).matches[0].status == "auto"
    m = reconcile([pay], [inv], customers=[tiancheng()], unsure={inv.natural_key(): {"total", "net"}}).matches[0]
    assert m.status == "review"
    assert "(amount)" in m.reason


def test_an_unsure_date_does_not_hold_a_match_back() -> None:
    """A 进账单 prints its date unlabelled under the title (read at low confidence): the date only weighs
    where in the 120-day window the payment falls; amount and payer name still say which item it is."""
    pay, orders = _exact_by_name()
    m = reconcile([pay], [], orders, [tiancheng()], unsure={pay.natural_key(): {"value_date"}}).matches[0]
    assert m.status == "auto" and m.breakdown["reference"] == 0
