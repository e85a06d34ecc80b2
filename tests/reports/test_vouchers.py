"""Posted matches as vouchers a Chinese ledger imports (金蝶 Kingdee, 用友 Yonyou workbooks, a journal CSV):
opened back, every voucher balances (Decimal) in its currency and in CNY, accounts from the mapping file."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from flows.reconcile_cli import Inputs, run_reconcile
from hub.records import BankReceipt, Customer, Invoice, Match
from matchers.manual import manual_match
from tests.matchers.test_money_rules import CUSTOMERS, world
from tests.reports.test_reconcile_cli import run

D = date(2026, 3, 1)


def inv(number: str, total: str) -> Invoice:
    return Invoice(kind="cn_vat_e", number=number, issue_date=D, seller_name="恒锐", buyer_name="上海华源贸易有限公司",
                   net=Decimal(total), total=Decimal(total))


def books(store, tmp_path: Path) -> None:
    w: Inputs = world()
    w.invoices += [inv("26322000000000000601", "2000.00"), inv("26322000000000000602", "10000.00"),
                   inv("26322000000000000603", "7100.00")]
    w.payments += [
        # 20.00 short: a bank fee written off
        BankReceipt(bank="ICBC", transaction_id="R-FEE", value_date=date(2026, 3, 12), payer_name="上海华源贸易有限公司",
                    amount=Decimal("1980.00"), memo="26322000000000000601", payee_account="1102020509000012345"),
        # part of an invoice, applied by hand
        BankReceipt(bank="ICBC", transaction_id="R-PART", value_date=date(2026, 3, 13), payer_name="华源",
                    amount=Decimal("3000.00"), memo="货款"),
        # dollars for a CNY invoice at the book rate
        BankReceipt(bank="BOC", transaction_id="R-USD", value_date=date(2026, 3, 14), currency="USD",
                    payer_name="SHANGHAI HUAYUAN TRADING CO LTD", amount=Decimal("1000.00"),
                    memo="INV 26322000000000000603"),
    ]
    w.customers = [Customer(code="C001", name="上海华源贸易有限公司", name_en="Shanghai Huayuan Trading Co., Ltd."),
                   CUSTOMERS[1]]
    run_reconcile(w, out=None, store=store, save=True)
    manual_match(store, "receipt", "ICBC|R-PART", "26322000000000000602:2500", "李娜")


def read_sheet(path: Path, sheet: str) -> list[dict]:
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:]]


def balanced(rows: list[dict], number: str, debit: str, credit: str) -> dict[int, tuple[Decimal, Decimal]]:
    sums: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for r in rows:
        sums[int(r[number])][0] += Decimal(str(r[debit] or 0))
        sums[int(r[number])][1] += Decimal(str(r[credit] or 0))
    for n, (d, c) in sums.items():
        assert d == c and d > 0, (n, d, c)
    return {n: (d, c) for n, (d, c) in sums.items()}


def test_kingdee_yonyou_and_journal_exports_balance(tmp_path: Path, store) -> None:
    books(store, tmp_path)
    posted = store.all(Match, status=["auto", "confirmed"])
    assert len(posted) >= 8
    for fmt, name in (("kingdee", "k.xlsx"), ("yonyou", "y.xlsx"), ("journal", "j.csv")):
        done = run(["reconcile", "export", "--format", fmt, "--out", str(tmp_path / name)], tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"wrote {len(posted)} vouchers" in " ".join(done.stdout.split())
    rows = read_sheet(tmp_path / "k.xlsx", "凭证")
    sums = balanced(rows, "凭证号", "借方金额", "贷方金额")
    assert len(sums) == len(posted)
    by_ref = defaultdict(list)
    for r in rows:
        by_ref[r["参考信息"]].append(r)
    # the bank fee: Dr bank 1980 + Dr 手续费 20 = Cr receivable 2000
    fee = {(r["科目代码"], r["借方金额"], r["贷方金额"]) for r in by_ref["R-FEE"]}
    assert ("1002", 1980, None) in fee and ("6603.02", 20, None) in fee
    assert sum(Decimal(str(r["贷方金额"])) for r in by_ref["R-FEE"] if r["科目代码"] == "1122") == Decimal("2000")
    assert {r["科目名称"] for r in by_ref["R-FEE"]} == {"银行存款", "应收账款", "财务费用-手续费"}
    # the tax refund to 1221.01, the bank charge (money out) Dr 6603.02 / Cr bank
    assert {(r["科目代码"], bool(r["借方金额"])) for r in by_ref["R-TAX"]} == {("1002", True), ("1221.01", False)}
    assert {(r["科目代码"], bool(r["借方金额"])) for r in by_ref["S-FEE"]} == {("6603.02", True), ("1002", False)}
    # a part applied by hand: 2500 to the invoice, 500 to advances (applied to nothing yet)
    assert {(r["科目代码"], r["贷方金额"]) for r in by_ref["R-PART"] if r["贷方金额"]} == {("1122", 2500), ("2203", 500)}
    # dollars: original amount and rate, CNY in debit/credit
    usd = [r for r in by_ref["R-USD"] if r["币别"] == "USD"]
    assert usd and all(r["汇率"] == 7.1 for r in usd) and any(r["原币金额"] == 1000 for r in usd)
    assert any(r["借方金额"] == 7100 for r in usd)

    yrows = read_sheet(tmp_path / "y.xlsx", "凭证引入")
    assert {r["科目编码"] for r in yrows} == {r["科目代码"] for r in rows}
    assert balanced(yrows, "凭证号", "借方金额", "贷方金额") == sums
    with (tmp_path / "j.csv").open(encoding="utf-8-sig") as fh:
        jrows = list(csv.DictReader(fh))
    assert list(jrows[0])[:8] == ["date", "voucher", "line", "account", "account_name", "debit", "credit", "currency"]
    per_ccy: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for r in jrows:
        per_ccy[(r["voucher"], r["currency"])] += Decimal(r["debit"]) - Decimal(r["credit"])
        date.fromisoformat(r["date"])
    assert all(v == 0 for v in per_ccy.values())
    assert balanced(jrows, "voucher", "base_debit", "base_credit") == sums
