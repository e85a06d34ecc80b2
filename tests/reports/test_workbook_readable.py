"""The workbooks people read: Chinese first and bilingual, no store keys or Python values, columns as wide
as their content, the candidates of a review row one per row with why the payment needs a person."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from flows.reconcile_cli import hold_rows, run_reconcile
from hub.records import StatementLine
from matchers.threeway import three_way
from reports.cells import display_width
from reports.reconciliation import COL, DOCUMENTS_SHEET, REVIEW_SHEET
from reports.threeway import write_threeway
from tests.reports.test_reconciliation_workbook import scenario, unnamed_bank_and_a_document_for_review

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
#: what must never reach a person: store keys, Python values, raw JSON
LEAKS = re.compile(r"\|.*\||\bNone\b|statement_line|\{\"|\[\'|unknown\|\||Store\(|Errno")


def visible_cells(ws):
    hidden = {letter for letter, dim in ws.column_dimensions.items() if dim.hidden}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and get_column_letter(cell.column) not in hidden:
                yield cell


def check_readable(path: Path) -> None:
    wb = load_workbook(path)
    for ws in wb.worksheets:
        assert CJK.search(ws.title) and LATIN.search(ws.title), ws.title
        for cell in visible_cells(ws):
            text = str(cell.value)
            assert not LEAKS.search(text), (ws.title, cell.coordinate, text)
            if cell.row == 1 and ws.title != "汇总 Summary":
                assert CJK.search(text) and LATIN.search(text), (ws.title, text)  # headers bilingual
            if ws.title == "汇总 Summary" or cell.alignment.wrap_text or not isinstance(cell.value, str):
                continue
            width = ws.column_dimensions[get_column_letter(cell.column)].width
            assert display_width(text) <= width, (ws.title, cell.coordinate, text, width)  # never cut


def test_reconciliation_workbook_reads_in_chinese_and_english(tmp_path: Path, store) -> None:
    inputs = scenario()
    # a statement from a bank that the file does not name, and a document stored for review
    unnamed_bank_and_a_document_for_review(inputs, store, "a" * 64)
    out = run_reconcile(inputs, out=tmp_path / "r.xlsx", store=store, save=True).workbook
    check_readable(out)
    wb = load_workbook(out)
    ws = wb[REVIEW_SHEET]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    # one row per candidate, grouped: the payment on its first row, #1 #2 ... below it
    groups: dict[str, list] = {}
    for r in rows:
        groups.setdefault(r[COL["付款键 payment key"] - 1], []).append(r)
    r2 = groups["ICBC|R2"]
    assert [r[COL["候选 Option"] - 1] for r in r2][:2] == ["#1", "#2"]
    assert r2[0][COL["付款人 Payer"] - 1] == "宁波海洋物流有限公司" and r2[1][COL["付款人 Payer"] - 1] is None
    assert r2[0][COL["类型 Kind"] - 1] == "银行回单 receipt" and r2[0][COL["状态 Status"] - 1] == "待复核 review"
    assert r2[0][COL["候选单据 Candidate"] - 1].startswith("发票 invoice 2632200000000000010")
    assert r2[0][COL["客户 Customer"] - 1] == "宁波海洋物流有限公司"
    # why it needs a person: two open invoices of the same amount and no reference in the memo
    assert "no reference and 2 equal open items" in r2[0][COL["复核原因 Why review"] - 1]
    assert "payer is not a known name" in groups["ICBC|R4"][0][COL["复核原因 Why review"] - 1]
    # the statement line shows its account, not "unknown"
    line = next(v for k, v in groups.items() if k.endswith("202601310001029522"))[0]
    assert line[COL["类型 Kind"] - 1] == "对账单行 statement line"
    assert line[COL["银行 Bank"] - 1] == "账户 account 6222020200112233"
    assert line[COL["状态 Status"] - 1] == "未匹配 unmatched"
    docs = wb[DOCUMENTS_SHEET]
    assert docs.cell(row=2, column=1).value == "invoice_blurred.png"
    assert "total, issue_date" in docs.cell(row=2, column=3).value


def test_threeway_workbook_lists_holds_only_in_both_languages(tmp_path: Path, small_world) -> None:
    w = small_world
    results = three_way(w.invoices, w.orders, w.deliveries, w.products, w.customers)
    held = [r for r in results if r.status == "hold"]
    assert held and len(held) < len(results)
    path = write_threeway(tmp_path / "3w.xlsx", hold_rows(results))
    check_readable(path)
    ws = load_workbook(path)["三单暂挂 Three-way holds"]
    assert ws.max_row - 1 == len(held)
    assert {ws.cell(row=r, column=7).value for r in range(2, ws.max_row + 1)} == {"暂挂 hold"}


def test_a_statement_without_a_bank_shows_the_bank_of_its_account() -> None:
    from flows.reconcile_cli import payment_infos

    line = StatementLine(bank="unknown", account="6222020200112233", transaction_id="T1",
                         booking_date=date(2026, 3, 20), amount=Decimal("-12.00"), counterparty_name="x")
    named = payment_infos([line], {"6222020200112233": "中国工商银行苏州工业园区支行"})
    assert named[line.natural_key()].bank == "中国工商银行苏州工业园区支行"
    assert named[line.natural_key()].amount == Decimal("12.00")
    assert payment_infos([line], {})[line.natural_key()].bank == "账户 account 6222020200112233"
