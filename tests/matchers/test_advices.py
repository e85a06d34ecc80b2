"""A receipt split over the invoices its payer's remittance advice lists (issue 14 §2): each allocation explained
by the advice, a bank fee written off and said, other deductions, unknown invoices, amounts above what is open and
advices whose lines do not sum left for a person with the reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hub.records import Customer, Invoice, RemittanceAdvice, RemittanceLine
from matchers.cash import reconcile
from matchers.review import review_reasons
from tests.matchers.test_cash import receipt

D = Decimal
SELLER = "苏州恒瑞精密五金有限公司"
DAY = date(2026, 4, 8)


def world() -> tuple[list[Customer], list[Invoice]]:
    """Four open invoices of one customer: {A, B, C} and {B, D} both sum to 3,600.00."""
    customers = [Customer(code="C003", name="Nordwind Maschinen GmbH", country="DE", currency="EUR"),
                 Customer(code="C004", name="Brightline Fixtures Ltd.", country="NZ", currency="EUR")]
    invoices = [Invoice(kind="commercial", number=n, issue_date=date(2026, 3, d), seller_name=SELLER,
                        buyer_name="Nordwind Maschinen GmbH", currency="EUR", net=D(t), total=D(t))
                for n, t, d in (("HR-EX-260301", "1200.00", 1), ("HR-EX-260305", "850.00", 5),
                                ("HR-EX-260311", "1550.00", 11), ("HR-EX-260318", "2750.00", 18))]
    return customers, invoices


def advice(*lines: tuple[str, str] | RemittanceLine, total: str = "3600.00", ref: str = "ZA-2026-0412",
           payer: str = "Nordwind Maschinen GmbH", currency: str = "EUR") -> RemittanceAdvice:
    built = [ln if isinstance(ln, RemittanceLine) else RemittanceLine(line_no=i, invoice_number=ln[0], amount_paid=D(ln[1]))
             for i, ln in enumerate(lines, start=1)]
    return RemittanceAdvice(payer_name=payer, reference=ref, payment_date=date(2026, 4, 7), total=D(total),
                            currency=currency, lines=built)


THREE = (("HR-EX-260301", "1200.00"), ("HR-EX-260305", "850.00"), ("HR-EX-260311", "1550.00"))


def test_a_receipt_paying_three_invoices_less_a_fee_is_allocated_by_its_advice() -> None:
    customers, invoices = world()
    pay = receipt("T-77", "NORDWIND MASCHINEN GMBH", "3585.00", "ZAHLUNG LT AVIS", day=DAY, currency="EUR")
    without = reconcile([pay], invoices, customers=customers).matches[0]
    assert without.status != "auto"  # two sets of invoices fit: a person would have to choose
    m = reconcile([pay], invoices, customers=customers, advices=[advice(*THREE)]).matches[0]
    assert m.status == "auto"
    got = [(a.target_label, a.amount) for a in m.allocations]
    assert got == [("HR-EX-260301", D("1200.00")), ("HR-EX-260305", D("850.00")), ("HR-EX-260311", D("1535.00"))]
    [fee] = m.write_offs
    assert fee.reason_code == "BANK_FEE" and fee.amount == D("15.00") and "ZA-2026-0412" in fee.note
    assert "remittance advice ZA-2026-0412 of Nordwind Maschinen GmbH lists invoice HR-EX-260301: 1,200.00" in m.reason
    assert "bank fee 15.00" in m.reason


def test_the_memo_naming_the_advice_is_enough_without_the_payer() -> None:
    customers, invoices = world()
    pay = receipt("T-78", "DEUTSCHE BANK AG FFM", "3600.00", "REF ZA-2026-0412", day=date(2026, 6, 30), currency="EUR")
    m = reconcile([pay], invoices, customers=customers, advices=[advice(*THREE)]).matches[0]
    assert m.status == "auto" and len(m.allocations) == 3 and not m.write_offs


def test_an_advice_naming_an_invoice_we_do_not_have_goes_to_review() -> None:
    customers, invoices = world()
    pay = receipt("T-79", "NORDWIND MASCHINEN GMBH", "3600.00", day=DAY, currency="EUR")
    bad = advice(("HR-EX-260301", "1200.00"), ("HR-EX-260305", "850.00"), ("HR-EX-999999", "1550.00"))
    m = reconcile([pay], invoices, customers=customers, advices=[bad]).matches[0]
    assert m.status == "review" and not m.allocations
    assert "names invoice HR-EX-999999, which we do not have" in m.reason
    assert m.candidates and "ZA-2026-0412" in m.candidates[0].reason
    assert "names invoice HR-EX-999999" in review_reasons(m)[0]  # what the workbook's Why review column shows


def test_lines_that_do_not_sum_to_the_total_go_to_review() -> None:
    customers, invoices = world()
    pay = receipt("T-80", "NORDWIND MASCHINEN GMBH", "3600.00", day=DAY, currency="EUR")
    bad = advice(("HR-EX-260301", "1200.00"), ("HR-EX-260305", "850.00"), ("HR-EX-260311", "1500.00"))
    m = reconcile([pay], invoices, customers=customers, advices=[bad]).matches[0]
    assert m.status == "review" and "its lines pay 3,550.00, its total is 3,600.00" in m.reason


def test_an_amount_above_what_is_open_goes_to_review() -> None:
    customers, invoices = world()
    pay = receipt("T-81", "NORDWIND MASCHINEN GMBH", "3700.00", day=DAY, currency="EUR")
    bad = advice(("HR-EX-260301", "1300.00"), ("HR-EX-260305", "850.00"), ("HR-EX-260311", "1550.00"), total="3700.00")
    m = reconcile([pay], invoices, customers=customers, advices=[bad]).matches[0]
    assert m.status == "review" and "pays 1,300.00 on invoice HR-EX-260301, above its open 1,200.00" in m.reason


def test_a_discount_on_the_advice_is_never_written_off_silently() -> None:
    customers, invoices = world()
    pay = receipt("T-82", "NORDWIND MASCHINEN GMBH", "3528.00", day=DAY, currency="EUR")
    skonto = RemittanceLine(line_no=3, invoice_number="HR-EX-260311", invoice_amount=D("1550.00"), deduction=D("72.00"),
                            deduction_reason="2% Skonto", deduction_code="discount", amount_paid=D("1478.00"))
    m = reconcile([pay], invoices, customers=customers,
                  advices=[advice(*THREE[:2], skonto, total="3528.00")]).matches[0]
    assert m.status == "review" and not m.write_offs
    assert "deducts 72.00 from invoice HR-EX-260311 (discount: 2% Skonto)" in m.reason
    assert [a.amount for a in m.candidates[0].allocations] == [D("1200.00"), D("850.00"), D("1478.00")]


def test_a_bank_fee_the_advice_deducts_is_written_off_and_said() -> None:
    customers, invoices = world()
    pay = receipt("T-83", "NORDWIND MASCHINEN GMBH", "3588.00", day=DAY, currency="EUR")
    fee = RemittanceLine(line_no=3, invoice_number="HR-EX-260311", invoice_amount=D("1550.00"), deduction=D("12.00"),
                         deduction_reason="Bankspesen", deduction_code="bank_fee", amount_paid=D("1538.00"))
    m = reconcile([pay], invoices, customers=customers, advices=[advice(*THREE[:2], fee, total="3588.00")]).matches[0]
    assert m.status == "auto" and [(w.reason_code, w.amount) for w in m.write_offs] == [("BANK_FEE", D("12.00"))]
    assert "Bankspesen" in m.write_offs[0].note


def test_an_advice_is_used_by_one_payment_only_and_the_others_match_as_before() -> None:
    customers, invoices = world()
    first = receipt("T-84", "NORDWIND MASCHINEN GMBH", "3600.00", "ZA-2026-0412", day=DAY, currency="EUR")
    second = receipt("T-85", "NORDWIND MASCHINEN GMBH", "2750.00", "HR-EX-260318", day=DAY, currency="EUR")
    ms = {m.payment_key: m for m in reconcile([first, second], invoices, customers=customers,
                                              advices=[advice(*THREE)]).matches}
    assert ms["ICBC|T-84"].status == "auto" and len(ms["ICBC|T-84"].allocations) == 3
    assert ms["ICBC|T-85"].status == "auto" and ms["ICBC|T-85"].allocations[0].target_label == "HR-EX-260318"
    assert "remittance advice" not in ms["ICBC|T-85"].reason


def test_in_the_demo_world_an_advice_splits_its_receipt_and_changes_nothing_else(small_world) -> None:  # type: ignore[no-untyped-def]
    """The demo world's payments and invoices, plus four new invoices of one of its customers and a receipt from it
    paying three of them less a bank fee (no reference in the memo): without the advice that receipt is not
    applied to those three automatically; with it, it is, and every other payment is decided as before."""
    w = small_world
    cust = next(c for c in w.customers if c.name_en)
    seller = w.invoices[0].seller_name
    new = [Invoice(kind="cn_vat_e", number=f"2632200000009900{n:04d}", issue_date=date(2026, 5, 4), seller_name=seller,
                   buyer_name=cust.name, buyer_tax_id=cust.tax_id, currency="CNY", net=D(t), total=D(t))
           for n, t in ((1, "11300.00"), (2, "5650.00"), (3, "22600.00"), (4, "16950.00"))]
    # a decoy: {1, 2, 3} and {4, 5} both sum to 39,550.00
    new.append(Invoice(kind="cn_vat_e", number="26322000000099000005", issue_date=date(2026, 5, 4), seller_name=seller,
                       buyer_name=cust.name, buyer_tax_id=cust.tax_id, currency="CNY", net=D("22600.00"),
                       total=D("22600.00")))
    pay = receipt("ADV-1", cust.name_en, "39530.00", "货款", day=date(2026, 5, 20))
    lines = [(n.number, str(n.total)) for n in new[:3]]
    adv = advice(*lines, total="39550.00", ref="FK-2026-0520", payer=cust.name, currency="CNY")
    payments = [*w.receipts, *w.statement_lines, pay]
    invoices = [*w.invoices, *new]
    base = {m.payment_key: m for m in reconcile(payments, invoices, w.orders, w.customers).matches}
    mine = base["ICBC|ADV-1"]
    assert mine.status != "auto" or [a.target_label for a in mine.allocations] != [n.number for n in new[:3]]
    got = {m.payment_key: m for m in reconcile(payments, invoices, w.orders, w.customers, advices=[adv]).matches}
    m = got["ICBC|ADV-1"]
    assert m.status == "auto", m.reason
    assert [a.target_label for a in m.allocations] == [n.number for n in new[:3]]
    assert [(wo.reason_code, wo.amount) for wo in m.write_offs] == [("BANK_FEE", D("20.00"))]
    assert "remittance advice FK-2026-0520" in m.reason
    others = [k for k in base if k != "ICBC|ADV-1"]
    assert [(got[k].status, [(a.target_key, a.amount) for a in got[k].allocations]) for k in others] == \
        [(base[k].status, [(a.target_key, a.amount) for a in base[k].allocations]) for k in others]


def test_two_lines_on_one_invoice_above_what_is_open_go_to_review() -> None:
    customers, invoices = world()
    pay = receipt("T-86", "NORDWIND MASCHINEN GMBH", "1400.00", day=DAY, currency="EUR")
    bad = advice(("HR-EX-260301", "700.00"), ("HR-EX-260301", "700.00"), total="1400.00")
    m = reconcile([pay], invoices, customers=customers, advices=[bad]).matches[0]
    assert m.status == "review" and "pays 700.00 on invoice HR-EX-260301, above its open 500.00" in m.reason
    split = advice(("HR-EX-260301", "600.00"), ("HR-EX-260301", "600.00"), total="1200.00")
    pay2 = receipt("T-87", "NORDWIND MASCHINEN GMBH", "1200.00", day=DAY, currency="EUR")
    m2 = reconcile([pay2], invoices, customers=customers, advices=[split]).matches[0]
    assert m2.status == "auto" and [a.amount for a in m2.allocations] == [D("600.00"), D("600.00")]


def test_a_bank_charge_the_advice_takes_off_the_whole_payment_is_written_off_and_said() -> None:
    """`Less: bank charges -20.00` under the lines: the lines pay 3,620.00, the advice's total (and the money) is
    3,600.00; without the deduction the lines would not sum and the payment would wait for a person."""
    customers, invoices = world()
    lines = (("HR-EX-260301", "1200.00"), ("HR-EX-260305", "850.00"), ("HR-EX-260311", "1570.00"))
    invoices[2] = invoices[2].model_copy(update={"net": D("1570.00"), "total": D("1570.00")})
    adv = advice(*lines).model_copy(update={"deduction": D("20.00"), "deduction_reason": "bank charges",
                                            "deduction_code": "bank_fee"})
    pay = receipt("T-90", "NORDWIND MASCHINEN GMBH", "3600.00", "ZAHLUNG LT AVIS", day=DAY, currency="EUR")
    m = reconcile([pay], invoices, customers=customers, advices=[adv]).matches[0]
    assert m.status == "auto", m.reason
    assert sum(a.amount for a in m.allocations) == D("3600.00")
    [fee] = m.write_offs
    assert fee.reason_code == "BANK_FEE" and fee.amount == D("20.00") and "bank charges" in fee.note
    assert "bank fee 20.00 deducted from the whole payment" in m.reason


def test_a_discount_off_the_whole_payment_goes_to_a_person() -> None:
    customers, invoices = world()
    adv = advice(*THREE, total="3528.00").model_copy(update={"deduction": D("72.00"),
                                                            "deduction_reason": "2% early payment discount",
                                                            "deduction_code": "discount"})
    pay = receipt("T-91", "NORDWIND MASCHINEN GMBH", "3528.00", "ZAHLUNG LT AVIS", day=DAY, currency="EUR")
    m = reconcile([pay], invoices, customers=customers, advices=[adv]).matches[0]
    assert m.status == "review"
    assert "deducts 72.00 from the whole payment (discount: 2% early payment discount)" in m.reason
