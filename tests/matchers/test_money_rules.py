"""Money that is not a customer's (tax refunds, interest, bank charges, supplier refunds) is posted by the
rules in matchers/data/money_rules.toml before customer matching; a customer's payment never is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from flows.reconcile_cli import Inputs, run_reconcile
from hub.errors import InputError
from hub.records import BankReceipt, Customer, Invoice, Match, StatementLine
from matchers.cash import reconcile
from matchers.manual import undo_match
from matchers.rules import load_rules, parse_rules, rule_of

D = date(2026, 3, 10)
CUSTOMERS = [Customer(code="C001", name="上海华源贸易有限公司"), Customer(code="C002", name="宁波宝新不锈钢有限公司")]


def line(txn: str, name: str, amount: str, memo: str, ccy: str = "CNY") -> StatementLine:
    return StatementLine(bank="ICBC", account="1102020509000012345", transaction_id=txn, booking_date=D,
                         amount=Decimal(amount), currency=ccy, counterparty_name=name, description=memo)


def world() -> Inputs:
    invoice = Invoice(kind="cn_vat_e", number="26322000000000000501", issue_date=date(2026, 3, 1), seller_name="恒锐",
                      buyer_name="上海华源贸易有限公司", net=Decimal("1000.00"), total=Decimal("1000.00"))
    payments = [
        BankReceipt(bank="ICBC", transaction_id="R-TAX", value_date=D, payer_name="国家金库苏州市中心支库",
                    amount=Decimal("38214.56"), memo="出口退税"),
        line("S-INT", "中国工商银行股份有限公司苏州工业园区支行", "12.34", "结息"),
        line("S-INT-USD", "BANK OF CHINA SUZHOU", "3.21", "INTEREST", "USD"),
        line("S-FEE", "中国工商银行", "-25.00", "收费 手续费"),
        line("S-STEEL", "江苏沙钢集团淮钢特钢股份有限公司", "-120000.00", "支付钢材款"),  # money out, no rule
        line("S-REFUND", "江苏沙钢集团淮钢特钢股份有限公司", "4500.00", "退货款"),
        # a customer's money with 退回 in the memo is the customer's, not a supplier refund
        line("S-CUST", "宁波宝新不锈钢有限公司", "800.00", "多付款退回"),
        BankReceipt(bank="ICBC", transaction_id="R-INV", value_date=D, payer_name="上海华源贸易有限公司",
                    amount=Decimal("1000.00"), memo="发票 26322000000000000501"),
    ]
    return Inputs(payments=payments, invoices=[invoice], customers=list(CUSTOMERS))


def test_default_rules_post_non_customer_money_and_leave_customers_alone() -> None:
    w = world()
    result = reconcile(w.payments, w.invoices, customers=w.customers, rules=load_rules())
    by_txn = {m.payment_key.rsplit("|", 1)[-1]: m for m in result.matches}
    posted = {txn: rule_of(m) for txn, m in by_txn.items() if rule_of(m)}
    assert posted == {"R-TAX": "tax_refund", "S-INT": "interest", "S-INT-USD": "interest", "S-FEE": "bank_charge",
                      "S-REFUND": "supplier_refund"}
    tax = by_txn["R-TAX"]
    assert tax.status == "confirmed" and tax.allocations == [] and tax.write_offs[0].amount == Decimal("38214.56")
    assert "1221.01" in tax.reason and "出口退税" in tax.reason
    fee = by_txn["S-FEE"]
    assert fee.payment_amount == Decimal("25.00") and "money out" in fee.reason and "6603.02" in fee.reason
    assert by_txn["R-INV"].status == "auto" and rule_of(by_txn["R-INV"]) is None
    assert rule_of(by_txn["S-CUST"]) is None and by_txn["S-CUST"].status in ("review", "unmatched")
    aside = dict(result.set_aside)
    assert aside[next(k for k in aside if k.endswith("S-STEEL"))] == "money out"
    assert not any(k.endswith("S-FEE") for k in aside)
    # without rules nothing is posted that way (the rules are data, not code)
    plain = reconcile(w.payments, w.invoices, customers=w.customers)
    assert not any(rule_of(m) for m in plain.matches)


def test_own_rules_file_regex_and_amount_range(tmp_path: Path) -> None:
    own = tmp_path / "rules.toml"
    own.write_text('''
[[rule]]
id = "rent"
label = "房租 rent deposit back"
direction = "in"
memo_regex = "押金\\\\s*退[还回]"
min_amount = "1000"
max_amount = "20000.00"
account = "1221.05"
reason = "房东退还押金 deposit returned by the landlord"
''', encoding="utf-8")
    rules = load_rules(own)
    payments = [line("A", "苏州某物业管理有限公司", "5000.00", "押金 退还"),
                line("B", "苏州某物业管理有限公司", "50000.00", "押金退还"),  # over the range
                line("C", "苏州某物业管理有限公司", "5000.00", "押金")]
    result = reconcile(payments, [], customers=CUSTOMERS, rules=rules)
    assert {m.payment_key.rsplit("|", 1)[-1] for m in result.matches if rule_of(m) == "rent"} == {"A"}
    with pytest.raises(InputError, match="set at least one of"):
        parse_rules('[[rule]]\nid = "x"\naccount = "1"\nreason = "r"\n', "x.toml")
    with pytest.raises(InputError, match="memo_regex"):
        parse_rules('[[rule]]\nid = "x"\naccount = "1"\nreason = "r"\nmemo_regex = "("\n', "x.toml")
    with pytest.raises(InputError, match="no such rules file"):
        load_rules(tmp_path / "missing.toml")


def test_rule_postings_are_kept_on_rerun_and_can_be_undone(tmp_path: Path, store) -> None:
    first = run_reconcile(world(), out=tmp_path / "r.xlsx", store=store, save=True)
    assert sum(1 for m in first.result.matches if rule_of(m)) == 5
    again = run_reconcile(world(), out=None, store=store, save=True)
    assert again.new == 0 and not any(rule_of(m) for m in again.result.matches)
    key = next(m.payment_key for m in first.result.matches if rule_of(m) == "interest" and "S-INT" in m.payment_key
               and m.currency == "CNY")
    undone = undo_match(store, "statement_line", key, "王会计", "这是客户的款 customer money, not interest")
    assert undone is not None and undone.status == "unmatched"
    # the next run may propose again: the rule fits again
    run_reconcile(world(), out=None, store=store, save=True)
    assert rule_of(store.get(Match, f"statement_line|{key}")) == "interest"
