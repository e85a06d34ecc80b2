"""A list longer than a sheet holds goes on on sheets of its own name (branch speed7): Excel and openpyxl stop
at 1,048,576 rows, and the large path lists every payment to review (a million of them under a strict profile).
The limit is made small here (``SHEET_ROWS``) so a small world crosses it; no row is cut, a payment's candidate
rows stay on one sheet, and the decisions of every sheet are read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import reports.reconciliation as rec
from flows.reconcile_cli import run_reconcile
from reports.reconciliation import COL, REVIEW_SHEET, read_decisions, sheet_title
from tests.reports.test_reconciliation_workbook import scenario


def _review_rows(path: Path) -> list[list[tuple]]:
    wb = load_workbook(path, read_only=True)
    out = []
    for name in wb.sheetnames:
        if name == REVIEW_SHEET or name.startswith(REVIEW_SHEET + " ("):
            out.append([tuple(r) for r in wb[name].iter_rows(values_only=True)])
    wb.close()
    return out


def test_a_long_review_list_goes_on_on_further_sheets_and_is_read_back(tmp_path: Path, store,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    whole = tmp_path / "whole.xlsx"
    run_reconcile(scenario(), out=whole, store=store)
    [one] = _review_rows(whole)
    header, body = one[0], one[1:]
    assert len(body) > 8  # the scenario's reviews take more rows than two small sheets

    monkeypatch.setattr(rec, "SHEET_ROWS", 5)  # a header and four rows a sheet
    paged = tmp_path / "paged.xlsx"
    run_reconcile(scenario(), out=paged, store=store)
    sheets = _review_rows(paged)
    assert len(sheets) >= 3
    assert load_workbook(paged, read_only=True).sheetnames[2:2 + len(sheets)] == [
        sheet_title(REVIEW_SHEET, n) for n in range(1, len(sheets) + 1)]
    assert all(s[0] == header and 1 < len(s) <= 5 for s in sheets)
    # every row is there, in order (the payment numbers go on across the sheets)
    assert [r for s in sheets for r in s[1:]] == body
    key = COL["付款键 payment key"] - 1
    keys_by_sheet = [{r[key] for r in s[1:]} for s in sheets]
    for n, a in enumerate(keys_by_sheet):  # a payment's candidate rows are never split
        assert all(not (a & b) for b in keys_by_sheet[n + 1:])

    # a clerk rejects the first payment of the last sheet: the decision is read from that sheet
    wb = load_workbook(paged)
    ws = wb[sheet_title(REVIEW_SHEET, len(sheets))]
    target = ws.cell(row=2, column=COL["付款键 payment key"]).value
    ws.cell(row=2, column=COL["决定 Decision"]).value = "拒绝 reject"
    ws.cell(row=2, column=COL["决定人 Decided by"]).value = "王会计"
    wb.save(paged)
    read = read_decisions(paged)
    assert not read.errors
    assert [(d.payment_key, d.decision) for d in read.decisions] == [(target, "reject")]
