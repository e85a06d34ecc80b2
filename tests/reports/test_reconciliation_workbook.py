"""The reconciliation workbook: formula-injection guard, formatting, and the full round trip
(write, a clerk fills decisions with openpyxl, apply, re-run proposes nothing new, aliases learned)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from flows.reconcile_cli import Inputs, apply_workbook, run_reconcile
from hub.errors import InputError
from hub.records import BankReceipt, Customer, Invoice, Match
from reports.reconciliation import (
    COL,
    REVIEW_SHEET,
    UNMATCHED_SHEET,
    PaymentInfo,
    read_decisions,
    write_reconciliation,
)

D0 = date(2026, 3, 2)
NASTY = ["=HYPERLINK(\"http://x\",\"click\")", "+86 21 5555", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rx", "＝1+1"]


def customers() -> list[Customer]:
    return [Customer(code="C001", name="上海华源贸易有限公司", name_en="Shanghai Huayuan Trading Co., Ltd."),
            Customer(code="C002", name="宁波海洋物流有限公司")]


def inv(number: str, buyer: str, total: str, days: int = 0) -> Invoice:
    return Invoice(kind="cn_vat_e", number=number, issue_date=D0 + timedelta(days=days), seller_name="恒锐",
                   buyer_name=buyer, net=Decimal(total), total=Decimal(total))


def rcpt(txn: str, payer: str, amount: str, memo: str = "", days: int = 10) -> BankReceipt:
    return BankReceipt(bank="ICBC", transaction_id=txn, value_date=D0 + timedelta(days=days), payer_name=payer,
                       amount=Decimal(amount), memo=memo)


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    matches, payments = [], {}
    for n, text in enumerate(NASTY):
        key = f"ICBC|T{n}"
        matches.append(Match(payment_kind="receipt", payment_key=key, payment_amount=Decimal("10.00"),
                             status="unmatched", reason=text))
        payments[key] = PaymentInfo("receipt", key, D0, text, Decimal("10.00"), "CNY", text)
    path = write_reconciliation(tmp_path / "r.xlsx", matches, payments)
    ws = load_workbook(path)[UNMATCHED_SHEET]
    for row, text in enumerate(NASTY, start=2):
        for col in (4, 7):  # payer, memo
            cell = ws.cell(row=row, column=col)
            assert cell.data_type == "s", (text, col)
            # XML turns a carriage return into a line feed on reading; everything else is kept as written
            assert cell.value == text.replace("\r", "\n")
            assert cell.quotePrefix
    # ordinary text keeps no quote prefix; money and dates carry their formats
    assert ws.cell(row=2, column=5).number_format == "#,##0.00"
    assert ws.cell(row=2, column=1).number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")


def unnamed_bank_and_a_document_for_review(inputs: Inputs, store, sha256: str) -> None:
    """Add to ``inputs`` a statement line whose file names no bank, and store a document kept for review."""
    from hub.records import SourceFile, StatementLine

    inputs.payments.append(StatementLine(bank="unknown", account="6222020200112233", transaction_id="202601310001029522",
                                         booking_date=date(2026, 3, 20), amount=Decimal("2468.00"),
                                         counterparty_name="某某公司", description="货款"))
    with store.batch("test") as batch:
        batch.upsert([SourceFile(sha256=sha256, path="/in/invoice_blurred.png", kind="invoice",
                                 status="needs_review", review_fields=["total", "issue_date"])])


def scenario() -> Inputs:
    invoices = [inv("26322000000000000101", "上海华源贸易有限公司", "5000.00"),
                inv("26322000000000000102", "宁波海洋物流有限公司", "7000.00"),
                inv("26322000000000000103", "宁波海洋物流有限公司", "7000.00", 2),
                inv("26322000000000000104", "上海华源贸易有限公司", "9000.00", 3),
                inv("26322000000000000105", "宁波海洋物流有限公司", "4321.00", 4),
                inv("26322000000000000106", "上海华源贸易有限公司", "8800.00", 5),
                inv("26322000000000000107", "宁波海洋物流有限公司", "1111.00", 6)]
    receipts = [rcpt("R1", "华源采购部", "8800.00"),                        # unknown payer, amount only
                rcpt("R2", "宁波海洋物流有限公司", "7000.00"),              # two equal invoices
                rcpt("R3", "=cmd|' /C calc'!A0", "4321.00"),                 # hostile payer name
                rcpt("R4", "张伟", "5000.00"),
                rcpt("R5", "李娜", "1111.00"),
                rcpt("R6", "上海华源贸易有限公司", "3000.00", days=4)]       # partial, no reference
    return Inputs(payments=receipts, invoices=invoices, customers=customers())


def clerk_fills(path: Path, decisions: dict[str, tuple[str, str]], tamper: str | None = None) -> None:
    """A clerk's pen: ``confirm 2`` is written on candidate #2's row as the dropdown's 确认 confirm (other
    decisions on the payment's first row, as typed)."""
    wb = load_workbook(path)
    ws = wb[REVIEW_SHEET]
    seen: set[str] = set()
    for row in range(2, ws.max_row + 1):
        key = ws.cell(row=row, column=COL["付款键 payment key"]).value
        option = ws.cell(row=row, column=COL["候选 Option"]).value
        if key in decisions and key not in seen:
            decision, who = decisions[key]
            if decision.startswith("confirm ") and option != f"#{decision[-1]}":
                continue
            seen.add(key)
            ws.cell(row=row, column=COL["决定 Decision"]).value = "确认 confirm" if decision.startswith(
                "confirm ") else decision
            ws.cell(row=row, column=COL["决定人 Decided by"]).value = who
        if key == tamper and option == "#1":
            ws.cell(row=row, column=COL["候选键 candidate keys"]).value = "invoice|SOMETHING-ELSE"
    wb.save(path)


def test_round_trip_write_decide_apply_rerun(tmp_path: Path, store) -> None:
    out = tmp_path / "reconciliation.xlsx"
    first = run_reconcile(scenario(), out=out, store=store, save=True)
    review = {m.payment_key for m in first.result.matches if m.status == "review"}
    assert {"ICBC|R1", "ICBC|R2", "ICBC|R3", "ICBC|R4", "ICBC|R5", "ICBC|R6"} <= review
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总 Summary", "已匹配 Matched", "待复核 Needs review", "未匹配 Unmatched",
                             "未结项 Open items", "三单暂挂 Three-way holds"]
    ws = wb[REVIEW_SHEET]
    dv = ws.data_validations.dataValidation[0]
    assert "确认 confirm,核销差额 write off,拒绝 reject,指定 apply to" in dv.formula1
    hostile = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=COL["付款键 payment key"]).value
                   == "ICBC|R3" and ws.cell(row=r, column=COL["付款人 Payer"]).value)
    assert ws.cell(row=hostile, column=COL["付款人 Payer"]).data_type == "s"
    assert ws.cell(row=hostile, column=COL["付款人 Payer"]).value == "=cmd|' /C calc'!A0"

    clerk_fills(out, {"ICBC|R1": ("confirm 1", "李娜"), "ICBC|R2": ("confirm 2", "李娜"),
                      "ICBC|R3": ("maybe", "李娜"), "ICBC|R4": ("confirm 1", "王强"),
                      "ICBC|R5": ("reject", "王强"), "ICBC|R6": ("write off", "李娜")}, tamper="ICBC|R4")
    read = read_decisions(out)
    assert [e.row for e in read.errors] and "unknown decision 'maybe'" in str(read.errors[0])
    report, errors = apply_workbook(store, out)
    assert len(errors) == 1 and len(report.refused) == 1 and "changed since the workbook" in report.refused[0]
    assert len(report.applied) == 4

    r1 = store.get(Match, "receipt|ICBC|R1")
    assert r1.status == "confirmed" and r1.decided_by == "李娜"
    assert [a.target_label for a in r1.allocations] == ["26322000000000000106"]
    r2 = store.get(Match, "receipt|ICBC|R2")
    # the clerk chose #2: equal amounts rank the invoice dated nearest before the payment first
    assert [a.target_label for a in r2.allocations] == ["26322000000000000102"]
    assert store.get(Match, "receipt|ICBC|R5").status == "rejected"
    r6 = store.get(Match, "receipt|ICBC|R6")
    assert [(w.reason_code, w.amount) for w in r6.write_offs] == [("MANUAL", Decimal("6000.00"))]
    assert store.get(Match, "receipt|ICBC|R3").status == "review"  # refused rows apply nothing
    assert store.get(Match, "receipt|ICBC|R4").status == "review"
    # audit trail with the clerk's name; alias learned from the confirmed payer name
    events = store.history(("match", "receipt|ICBC|R1"), include_linked=False)
    assert any(e.actor == "李娜" and e.action == "decision:confirm 1" for e in events)
    c001 = store.get(Customer, "C001")
    assert "华源采购部" in c001.aliases
    assert any(e.action == "alias_learned" and e.actor == "李娜" for e in store.history(("customer", "C001")))

    # re-run: nothing new is proposed, decisions stay, the learned alias is used at once
    # (a proposal whose candidate a decision settled may be updated once; after that nothing changes)
    run_reconcile(scenario(), out=tmp_path / "again.xlsx", store=store, save=True)
    assert run_reconcile(scenario(), out=None, store=store, save=True).new == 0
    assert store.get(Match, "receipt|ICBC|R1").status == "confirmed"
    more = scenario()
    more.customers = store.all(Customer)
    more.payments.append(rcpt("R7", "华源采购部", "5000.00", days=12))
    third = run_reconcile(more, out=None, store=store, save=True)
    r7 = next(m for m in third.result.matches if m.payment_key == "ICBC|R7")
    assert r7.status == "auto" and "alias" in r7.reason
    # applying the same workbook again changes nothing
    report2, _ = apply_workbook(store, out)
    assert report2.applied == [] and len(report2.unchanged) == 4


def test_a_workbook_that_is_not_ours_is_a_clear_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Sheet"
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="no '待复核 Needs review' sheet"):
        read_decisions(tmp_path / "x.xlsx")
    (tmp_path / "y.xlsx").write_text("not a workbook")
    with pytest.raises(InputError, match="not a readable"):
        read_decisions(tmp_path / "y.xlsx")


def test_an_empty_unmatched_sheet_says_so(tmp_path: Path) -> None:
    """A finance clerk opening 未匹配 with nothing in it reads that nothing is left, not a blank sheet."""
    ws = load_workbook(write_reconciliation(tmp_path / "none.xlsx", [], {}))[UNMATCHED_SHEET]
    assert ws.max_row == 2 and "every payment was matched" in ws["A2"].value and ws["A2"].data_type == "s"
    key = "ICBC|T1"
    one = [Match(payment_kind="receipt", payment_key=key, payment_amount=Decimal("10.00"), status="unmatched",
                 reason="no open item of this amount")]
    payments = {key: PaymentInfo("receipt", key, D0, "某某公司", Decimal("10.00"), "CNY", "货款")}
    ws = load_workbook(write_reconciliation(tmp_path / "one.xlsx", one, payments))[UNMATCHED_SHEET]
    assert ws.max_row == 2 and ws["D2"].value == "某某公司"
