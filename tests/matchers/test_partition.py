"""Cash application in partitions (matchers/partition.py) decides every payment as the single pass does.

Hand-made worlds where the evidence crosses customers (a truncated reference ambiguous only among all
invoices, an alias two customers share, a memo naming another customer's invoice, part payments that
leave an amount another customer's payment looks up, a statement line copying a receipt), each checked
three ways: the case really spans parts (or would, cut by customer), a run that ignores it decides
differently, and the partitioned run equals the single pass on every field of every match. Then the
10k world of bench/reconcile.py on 1 and 2 processes.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from hub.records import BankReceipt, Customer, Invoice, StatementLine
from matchers.cash import reconcile
from matchers.names import CustomerIndex
from matchers.partition import (
    match_digest,
    match_fingerprints,
    reconcile_part,
    reconcile_partitioned,
    rows_of,
    run_partitioned,
    split,
)

SELLER = "苏州恒瑞精密五金有限公司"
D0 = date(2026, 3, 1)
CITIES = ["上海", "宁波", "杭州", "苏州", "无锡", "常州", "南京", "合肥", "武汉", "长沙", "广州", "深圳", "厦门",
          "青岛"]
CUSTOMERS = [Customer(code=f"C{i:03d}", name=f"{city}华{'源海明达瑞丰盛泰恒隆昌和永兴'[i]}{['贸易', '机械', '物流'][i % 3]}有限公司")
             for i, city in enumerate(CITIES)]


def invoice(number: str, customer: Customer, total: str, day: date = D0) -> Invoice:
    amount = Decimal(total)
    return Invoice(kind="cn_vat_e", number=number, issue_date=day, seller_name=SELLER, buyer_name=customer.name,
                   net=amount, total=amount)


def receipt(txn: str, payer: str, amount: str, memo: str = "", day: date = D0 + timedelta(days=10)) -> BankReceipt:
    return BankReceipt(bank="ICBC", transaction_id=txn, value_date=day, payer_name=payer, amount=Decimal(amount),
                       memo=memo)


def assert_same_as_single(payments, invoices, customers, partitions: int = 4):
    """The partitioned run equals the single pass, rows and every field; returns (parts, run, single)."""
    single = reconcile(payments, invoices, customers=customers).matches
    parts = split(payments, invoices, customers, partitions)
    run = run_partitioned(parts, processes=1)
    assert run.rows == sorted(rows_of(single))
    assert run.fingerprints == match_fingerprints(single)
    return parts, run, {m.payment_key: m for m in single}


def part_of(parts, record):
    return next(p for p in parts if record in p.payments)


def test_a_truncated_reference_ambiguous_only_among_all_invoices_names_nothing_in_a_part() -> None:
    # thirteen invoice numbers start with what the memo kept, one each of thirteen customers: the memo
    # names none of them; the payer's customer has two invoices of the amount, so a person decides
    prefixed = [invoice(f"263220000000010340{i:02d}", CUSTOMERS[i], f"{5000 + i}.00") for i in range(13)]
    other = invoice("26322000000009990000", CUSTOMERS[0], "5000.00")
    pay = receipt("T1", CUSTOMERS[0].name, "5000.00", "货款 发票号 26322000000001034")
    parts, run, single = assert_same_as_single([pay], [*prefixed, other], CUSTOMERS)
    mine = part_of(parts, pay)
    assert any(inv not in mine.invoices for inv in prefixed)  # the thirteen are not all in its part
    assert single[pay.natural_key()].status == "review"
    assert single[pay.natural_key()].breakdown["reference"] == 0
    # the part's own invoices alone: the prefix fits one, and the payment would go out automatically
    alone = reconcile(mine.payments, mine.invoices, customers=CUSTOMERS).matches
    assert [m.status for m in alone] == ["auto"]


def test_an_alias_two_customers_share_puts_both_in_the_payments_part() -> None:
    group = "华东恒通集团"
    customers = [c.model_copy(update={"aliases": [group]}) if c.code in ("C001", "C002") else c for c in CUSTOMERS]
    first, second = customers[1], customers[2]
    invs = [invoice(f"2632200000000{i:07d}", customers[i], f"{1200 + 37 * i}.00") for i in range(len(customers))]
    pay = receipt("T1", group, invs[2].total.to_eng_string())  # the group pays the second company's invoice
    parts, run, single = assert_same_as_single([pay], invs, customers, partitions=6)
    mine = part_of(parts, pay)
    assert invs[1] in mine.invoices and invs[2] in mine.invoices
    match = single[pay.natural_key()]
    assert [a.target_key for a in match.allocations] == [invs[2].natural_key()]
    # cut by the customer the payer name finds first, the invoice is not there to be found
    found = CustomerIndex.build(customers).lookup(group)
    assert {h.customer_code for h in found} == {first.code, second.code}
    top = next(c for c in customers if c.code == found[0].customer_code)
    cut = [inv for inv in invs if inv.buyer_name == top.name]
    assert rows_of(reconcile([pay], cut, customers=customers).matches) != rows_of(single.values())


def test_a_memo_naming_another_customers_invoice_joins_the_two() -> None:
    invs = [invoice(f"2632700000000{i:07d}", CUSTOMERS[i], f"{3300 + 11 * i}.50") for i in range(len(CUSTOMERS))]
    target = invs[5]  # C005's invoice, paid by C003 (a sister company paying for it), named in full
    pay = receipt("T1", CUSTOMERS[3].name, target.total.to_eng_string(), f"代付货款 发票号{target.number}")
    parts, run, single = assert_same_as_single([pay], invs, CUSTOMERS, partitions=6)
    assert target in part_of(parts, pay).invoices
    assert [a.target_key for a in single[pay.natural_key()].allocations] == [target.natural_key()]
    own = [inv for inv in invs if inv.buyer_name == CUSTOMERS[3].name]
    assert rows_of(reconcile([pay], own, customers=CUSTOMERS).matches) != rows_of(single.values())


def _deposit_world(*deposits: str, left: str):
    deposit_of = invoice("26322000000000000100", CUSTOMERS[0], "10000.00")
    invs = [deposit_of] + [invoice(f"2632200000000000{i:04d}", CUSTOMERS[i], f"{20000 + i}.00") for i in range(1, 8)]
    pays = [receipt(f"T{n}", CUSTOMERS[0].name, amount, f"定金 发票号{deposit_of.number}", day=D0 + timedelta(days=n))
            for n, amount in enumerate(deposits, 1)]
    stranger = receipt("T9", "远方未知商行", left, "", day=D0 + timedelta(days=20))  # what is left, unnamed
    return [*pays, stranger], invs, stranger


def test_what_a_part_payment_leaves_joins_the_payments_of_that_amount_before_matching() -> None:
    payments, invs, stranger = _deposit_world("3000.00", left="7000.00")
    parts, run, single = assert_same_as_single(payments, invs, CUSTOMERS)
    assert part_of(parts, payments[0]) is part_of(parts, stranger) and run.merges == 0
    assert single[stranger.natural_key()].status == "review"  # the 7,000 left on the invoice is a candidate
    own = [inv for inv in invs if inv.buyer_name == CUSTOMERS[0].name]
    assert rows_of(reconcile([stranger], [inv for inv in invs if inv not in own], customers=CUSTOMERS).matches) \
        != rows_of([single[stranger.natural_key()]])


def test_what_two_part_payments_leave_merges_the_parts_after_matching_and_runs_them_again() -> None:
    # 10,000 less 2,000 less 3,000: the 5,000 left is not foreseen from one payment, it is seen after
    payments, invs, stranger = _deposit_world("2000.00", "3000.00", left="5000.00")
    parts, run, single = assert_same_as_single(payments, invs, CUSTOMERS)
    assert part_of(parts, payments[0]) is not part_of(parts, stranger)
    assert run.merges == 1 and run.parts == len(parts) - 1
    assert single[stranger.natural_key()].status == "review"
    apart = sorted(row for part in parts for row in reconcile_part(part).rows)
    assert apart != sorted(rows_of(single.values()))
    two = run_partitioned(parts, processes=2)  # the merge and rerun through worker processes
    assert (two.rows, two.fingerprints, two.merges) == (run.rows, run.fingerprints, 1)


def test_a_statement_line_copying_a_receipt_stays_with_it() -> None:
    invs = [invoice(f"2632200000000000{i:04d}", CUSTOMERS[i], f"{4000 + i}.00") for i in range(len(CUSTOMERS))]
    pay = receipt("T1", CUSTOMERS[4].name, "4004.00", f"货款 {invs[4].number}")
    line = StatementLine(bank="ICBC", account="6222000011112222", booking_date=pay.value_date, amount=pay.amount,
                         counterparty_name="跨行汇入清算", description="汇入", transaction_id="T1")
    parts, run, single = assert_same_as_single([pay, line], invs, CUSTOMERS, partitions=6)
    assert part_of(parts, pay) is part_of(parts, line)
    assert line.natural_key() not in single  # set aside as the receipt's copy, as in the single pass
    assert [r[0] for r in run.rows] == [pay.natural_key()]
    # apart from its receipt (its counterparty is no customer's name), the line is money to decide again
    assert [m.status for m in reconcile([line], invs, customers=CUSTOMERS).matches] == ["review"]


@pytest.fixture(scope="module")
def world_10k(load_bench):
    return load_bench("reconcile").synth(10_000, seed=5)


@pytest.mark.slow
def test_the_partitioned_10k_world_equals_the_single_pass_on_one_and_two_processes(world_10k) -> None:
    receipts, invoices, customers, truth = world_10k
    single = reconcile(receipts, invoices, customers=customers).matches
    parts = split(receipts, invoices, customers, 8)
    assert sum(len(p.payments) for p in parts) == len(receipts)
    assert sum(len(p.invoices) for p in parts) == len(invoices)
    assert len(parts) == 8 and max(len(p.payments) for p in parts) < len(receipts) * 0.95  # really split
    one = run_partitioned(parts, processes=1)
    two = run_partitioned(parts, processes=2)
    assert match_digest(one.fingerprints) == match_digest(two.fingerprints) == match_digest(match_fingerprints(single))
    assert match_digest(one.rows) == match_digest(rows_of(single))
    assert reconcile_partitioned(parts, processes=2) == sorted(rows_of(single))
    assert sorted(r[0] for r in two.rows) == sorted(r.natural_key() for r in receipts)  # each decided once
    auto = [r for r in two.rows if r[1] == "auto"]
    assert len(auto) >= len(receipts) * 0.95
    assert all({t for t, _ in r[2]} == truth[r[0]] for r in auto)


def test_records_imported_twice_stay_together_and_decide_as_in_the_single_pass() -> None:
    invs = [invoice(f"2632200000000000{i:04d}", CUSTOMERS[i], f"{6000 + i}.00") for i in range(len(CUSTOMERS))]
    pays = [receipt(f"T{i}", CUSTOMERS[i].name, f"{6000 + i}.00", f"货款 {invs[i].number}") for i in range(6)]
    again = pays[2].model_copy(update={"memo": f"货款 发票号 {invs[3].number}"})  # one receipt read twice
    parts, run, single = assert_same_as_single([*pays, again], [*invs, invs[4]], CUSTOMERS, partitions=6)
    assert part_of(parts, pays[2]) is part_of(parts, again) is part_of(parts, pays[3])
    assert len(parts) > 1
