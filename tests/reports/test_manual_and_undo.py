"""A finance team finishes what the matcher could not: any open invoice or order named by number (partial
amounts included) in the workbook, and a posted match undone by a person with a reason. Both round trip
through the workbook and the store's audit log; the next run proposes again for what was undone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from flows.reconcile_cli import apply_workbook, run_reconcile
from hub.records import Match
from matchers.decisions import DecisionError
from matchers.manual import find_match, manual_match, undo_match
from reports.reconciliation import COL, MATCHED_SHEET, MCOL, OPEN_SHEET, REVIEW_SHEET
from tests.reports.test_reconciliation_workbook import rcpt, scenario


def row_of(ws, key_col: int, key: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=key_col).value == key)


def test_apply_to_any_open_invoice_by_number_with_a_partial_amount(tmp_path: Path, store) -> None:
    out = tmp_path / "r.xlsx"
    run_reconcile(scenario(), out=out, store=store, save=True)
    wb = load_workbook(out)
    opened = wb[OPEN_SHEET]
    numbers = {opened.cell(row=r, column=2).value: opened.cell(row=r, column=7).value
               for r in range(2, opened.max_row + 1)}
    assert numbers["26322000000000000104"] == Decimal("9000.00")  # searchable: number and open amount
    ws = wb[REVIEW_SHEET]
    # R4 (张伟, 5000): the clerk knows it pays part of invoice 104 (9000) and names it with 4000.00
    r4 = row_of(ws, COL["付款键 payment key"], "ICBC|R4")
    ws.cell(row=r4, column=COL["指定单号 Apply to number"]).value = "26322000000000000104"
    ws.cell(row=r4, column=COL["指定金额 Amount to apply"]).value = 4000
    ws.cell(row=r4, column=COL["决定人 Decided by"]).value = "李娜"
    # R5 (李娜, 1111): a number that does not exist is refused with the reason, nothing written
    r5 = row_of(ws, COL["付款键 payment key"], "ICBC|R5")
    ws.cell(row=r5, column=COL["决定 Decision"]).value = "指定 apply to"
    ws.cell(row=r5, column=COL["指定单号 Apply to number"]).value = "26322000000000009999"
    ws.cell(row=r5, column=COL["决定人 Decided by"]).value = "李娜"
    wb.save(out)
    report, errors = apply_workbook(store, out)
    assert errors == []
    assert len(report.applied) == 1 and "no invoice or order numbered '26322000000000009999'" in report.refused[0]
    r4m = store.get(Match, "receipt|ICBC|R4")
    assert r4m.status == "confirmed" and r4m.decided_by == "李娜"
    assert [(a.target_label, a.amount) for a in r4m.allocations] == [("26322000000000000104", Decimal("4000.00"))]
    assert "1,000.00 of the payment left unapplied" in r4m.reason
    events = store.history(("match", "receipt|ICBC|R4"), include_linked=False)
    assert any(e.action == "decision:apply to" and e.actor == "李娜" for e in events)
    assert store.get(Match, "receipt|ICBC|R5").status == "review"
    # invoice 104 now has 5000 open: naming more than that is refused; applying the same again is unchanged
    with pytest.raises(DecisionError, match="5,000.00 open"):
        manual_match(store, "receipt", "ICBC|R6", "26322000000000000104:6000", "王强")
    again, _ = apply_workbook(store, out)
    assert again.applied == [] and len(again.unchanged) == 1
    # the next run shows what is left open on it
    run = run_reconcile(scenario(), out=tmp_path / "r2.xlsx", store=store, save=True)
    left = {i.label: i.due for i in run.result.open_items()}
    assert left["26322000000000000104"] == Decimal("5000.00")


def test_undo_a_posted_match_reopens_its_items_and_the_next_run_proposes_again(tmp_path: Path, store) -> None:
    inputs = scenario()
    inputs.payments.append(rcpt("R9", "上海华源贸易有限公司", "5000.00", memo="发票 26322000000000000101"))
    out = tmp_path / "r.xlsx"
    first = run_reconcile(inputs, out=out, store=store, save=True)
    auto = next(m for m in first.result.matches if m.payment_key == "ICBC|R9")
    assert auto.status == "auto"
    wb = load_workbook(out)
    ws = wb[MATCHED_SHEET]
    row = row_of(ws, MCOL["付款键 payment key"], "ICBC|R9")
    assert ws.cell(row=row, column=MCOL["核销对象 Applied to"]).value == "发票 invoice 26322000000000000101 (5,000.00)"
    ws.cell(row=row, column=MCOL["撤销 Undo"]).value = "撤销 undo"
    ws.cell(row=row, column=MCOL["撤销人 Undone by"]).value = "王强"
    wb.save(out)
    report, errors = apply_workbook(store, out)
    assert errors == [] and report.refused == [f"row {row} (ICBC|R9): an undo needs a reason"]
    ws.cell(row=row, column=MCOL["撤销原因 Reason"]).value = "客户说这笔是预付款 prepayment, not this invoice"
    wb.save(out)
    report, errors = apply_workbook(store, out)
    assert len(report.applied) == 1, report
    undone = store.get(Match, "receipt|ICBC|R9")
    assert undone.status == "unmatched" and undone.allocations == [] and "王强" in undone.reason
    event = next(e for e in store.history(("match", "receipt|ICBC|R9"), include_linked=False)
                 if e.action == "decision:undo")
    assert event.actor == "王强" and event.before["allocations"][0]["target"] == "26322000000000000101"
    assert "prepayment" in event.note
    # a second apply of the same workbook changes nothing
    assert apply_workbook(store, out)[0].unchanged
    # the invoice is open again, and the next run proposes for the payment again
    run_reconcile(inputs, out=None, store=store, save=True)
    assert store.get(Match, "receipt|ICBC|R9").status == "auto"
    # a person can undo again (from the command line's library call), by the bank transaction id
    found = find_match(store, "R9")
    undo_match(store, found.payment_kind, found.payment_key, "王强", "again")
    with pytest.raises(DecisionError, match="not posted"):
        undo_match(store, "receipt", "ICBC|R9", "王强", "twice")
