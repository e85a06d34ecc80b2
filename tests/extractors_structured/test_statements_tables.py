"""Statement exports written the way Chinese banks write them: encodings, preambles, placeholders,
split or signed amount columns, renamed headers; and the clear errors for what cannot be read."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from extractors.statements import read_statement
from hub.errors import InputError

D = Decimal

ABC_EXPORT = """中国农业银行 账户明细查询
账户名称：苏州恒远精密机械有限公司
账号：6228 4801 2345 6789 012
币种：人民币
起止日期：2026-03-01 至 2026-03-31

交易日期,交易时间,收入金额,支出金额,账户余额,对方户名,对方账号,对方开户行,摘要,附言
2026-03-02,09:12:01,"12,500.00",-,"112,500.00",Hamburg Trading GmbH,DE89370400440532013000,Commerzbank,汇入汇款,INV 26320000000000001234
2026-03-05,14:40:22,-,"1,234.56","111,265.44",国网江苏省电力公司,3201 0000 1111,工商银行苏州分行,代扣电费,
20260306,08:00:00,  ,  88.00 ,"111,177.44",,,,手续费,跨行汇款手续费
合计,,"12,500.00","1,322.56",,,,,,
"""


def test_gbk_export_with_preamble_and_split_columns(tmp_path: Path) -> None:
    path = tmp_path / "农行明细.csv"
    path.write_bytes(ABC_EXPORT.encode("gbk"))
    result = read_statement(path)
    assert result.bank == "中国农业银行"
    assert result.account == "6228480123456789012"
    amounts = [ln.amount for ln in result.lines]
    assert amounts == [D("12500.00"), D("-1234.56"), D("-88.00")]
    first = result.lines[0]
    assert first.counterparty_name == "Hamburg Trading GmbH"
    assert first.counterparty_account == "DE89370400440532013000"
    assert first.counterparty_bank == "Commerzbank"
    assert first.reference == "INV 26320000000000001234"
    assert first.balance == D("112500.00")
    assert result.lines[2].booking_date == date(2026, 3, 6)
    assert result.lines[2].counterparty_name == ""
    assert any("合计" in s for s in result.skipped)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"export-{encoding}.csv"
    path.write_bytes(ABC_EXPORT.encode(encoding))
    assert [ln.amount for ln in read_statement(path).lines] == [D("12500.00"), D("-1234.56"), D("-88.00")]


def test_signed_amount_column_and_english_renamed_headers(tmp_path: Path) -> None:
    text = ("Account Statement\nAccount Number: 0123456789\n\n"
            "Posting Dt.\tDetails\tCounterparty Nm\tTransaction Amt (CNY)\tBalance\n"
            "15/03/2026\tPayment INV-778\tNingbo Star Imp. & Exp. Co., Ltd.\t(3,000.00)\t7,000.00\n"
            "16/03/2026\tReceipt PO 4471\tACME Corp\t1,250.50\t8,250.50\n")
    path = tmp_path / "statement.tsv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path, bank="HSBC")
    assert [ln.amount for ln in result.lines] == [D("-3000.00"), D("1250.50")]
    assert [ln.booking_date for ln in result.lines] == [date(2026, 3, 15), date(2026, 3, 16)]
    assert result.lines[0].counterparty_name == "Ningbo Star Imp. & Exp. Co., Ltd."
    assert result.account == "0123456789" and result.bank == "HSBC"
    assert result.confidence["amount"] < 1.0  # "Transaction Amt" reached "Transaction Amount" by a fuzzy match


def test_direction_column_and_xlsx_dates(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["招商银行交易流水"])
    ws.append(["账号：", "755912345610601"])
    ws.append([])
    ws.append(["记账日期", "借贷标志", "交易金额", "对方户名", "用途", "流水号"])
    ws.append([datetime(2026, 3, 1), "贷", 5000, "深圳华强电子有限公司", "货款 SO-2026-0012", "A001"])
    ws.append([datetime(2026, 3, 2), "借", 120.5, "顺丰速运有限公司", "运费", "A002"])
    path = tmp_path / "cmb.xlsx"
    book.save(path)
    result = read_statement(path)
    assert result.bank == "招商银行" and result.account == "755912345610601"
    assert [(ln.booking_date, ln.amount, ln.transaction_id) for ln in result.lines] == [
        (date(2026, 3, 1), D("5000.00"), "A001"), (date(2026, 3, 2), D("-120.50"), "A002")]


def test_reimport_gives_the_same_ids(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(ABC_EXPORT.encode("gbk"))
    first = [ln.transaction_id for ln in read_statement(path).lines]
    assert first == [ln.transaction_id for ln in read_statement(path).lines]
    assert len(set(first)) == 3


def test_no_header_row_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\nthis,is,not,a,statement\n1,2,3,4,5\n", encoding="utf-8")
    with pytest.raises(InputError, match="no statement header row") as info:
        read_statement(path)
    assert "notes.csv" in str(info.value)


def test_header_without_amount_lists_what_it_saw(tmp_path: Path) -> None:
    path = tmp_path / "partial.csv"
    path.write_text("交易日期,对方户名,摘要\n2026-03-01,某公司,货款\n", encoding="utf-8")
    with pytest.raises(InputError, match="amount") as info:
        read_statement(path)
    assert "对方户名" in str(info.value)


def test_unexpected_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"  # bytes that no encoding a bank writes decodes (Windows-1252 exports are read)
    path.write_bytes(b"Buchungstag;Betrag\n\x81\n\x8d;\x90\n\x9d\n")
    with pytest.raises(InputError, match="unexpected text encoding"):
        read_statement(path)


def test_bad_amount_is_a_row_warning_naming_row_column_and_cell(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("交易日期,金额,对方户名\n2026-03-01,12x.00,某公司\n2026-03-02,30.00,乙公司\n", encoding="utf-8")
    result = read_statement(path)
    assert [(ln.booking_date, ln.amount, ln.counterparty_name) for ln in result.lines] == [
        (date(2026, 3, 2), D("30.00"), "乙公司")]
    (warning,) = result.row_warnings
    assert (warning.row, warning.column, warning.cell) == (2, "金额", "12x.00")
    assert "not an amount" in warning.reason


def test_formulas_and_macros_are_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["交易日期", "金额"])
    ws.append(["2026-03-01", 5])
    ws["B3"] = "=SUM(B2:B2)"
    path = tmp_path / "formula.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="formula"):
        read_statement(path)
    import zipfile

    macro = tmp_path / "macro.xlsm"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(macro, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/vbaProject.bin", b"\x00" * 64)
    with pytest.raises(InputError, match="macros"):
        read_statement(macro)


def test_zero_bytes(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        read_statement(path)


def test_html_saved_as_xls(tmp_path: Path) -> None:
    """Several Chinese banks' "Excel" downloads are HTML tables with an .xls name (here in GBK)."""
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>"
            "<table><tr><td colspan='6'>招商银行交易明细</td></tr>"
            "<tr><td>账号：</td><td>512908765410301</td></tr>"
            "<tr><th>交易日期</th><th>借方金额</th><th>贷方金额</th><th>余额</th><th>对方户名</th><th>附言</th></tr>"
            "<tr><td>20260110</td><td>21,486.87</td><td></td><td>733,655.13</td><td>国家金库苏州市中心支库</td>"
            "<td>增值税</td></tr>"
            "<tr><td>20260128</td><td></td><td>399.00</td><td>734,054.13</td><td>苏州德润工贸有限公司</td>"
            "<td>发票号 26327000000001376424</td></tr></table></body></html>")
    path = tmp_path / "CMB_明细.xls"
    path.write_bytes(html.encode("gbk"))
    result = read_statement(path)
    assert result.bank == "招商银行" and result.account == "512908765410301"
    assert [(ln.booking_date, ln.amount, ln.counterparty_name) for ln in result.lines] == [
        (date(2026, 1, 10), D("-21486.87"), "国家金库苏州市中心支库"),
        (date(2026, 1, 28), D("399.00"), "苏州德润工贸有限公司")]


def test_day_month_order_is_settled_by_the_file(tmp_path: Path) -> None:
    rows = "Date,Amount,Payee\n03/04/2026,10.00,A\n03/25/2026,20.00,B\n"
    path = tmp_path / "us.csv"
    path.write_text(rows, encoding="utf-8")
    assert [ln.booking_date for ln in read_statement(path, bank="Chase").lines] == [date(2026, 3, 4), date(2026, 3, 25)]
    path.write_text(rows.replace("03/25/2026", "25/03/2026"), encoding="utf-8")
    assert [ln.booking_date for ln in read_statement(path, bank="HSBC").lines] == [date(2026, 4, 3), date(2026, 3, 25)]
    path.write_text("Date,Amount,Payee\n03/04/2026,10.00,A\n", encoding="utf-8")
    result = read_statement(path, bank="HSBC")
    assert result.lines[0].booking_date == date(2026, 4, 3) and any("day-first" in w for w in result.warnings)


def test_statement_continued_on_a_second_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "明细1"
    first.append(["中国建设银行 China Construction Bank"])
    first.append(["账号：", "6217000010012345678"])
    first.append(["记账日", "支出", "收入", "对方户名", "交易流水号"])
    first.append(["20260301", 10, 0, "甲公司", "T1"])
    second = book.create_sheet("明细2")
    second.append(["记账日", "支出", "收入", "对方户名", "交易流水号"])
    second.append(["20260302", 0, 25.5, "乙公司", "T2"])
    book.create_sheet("说明").append(["本明细仅供参考"])
    path = tmp_path / "ccb.xlsx"
    book.save(path)
    result = read_statement(path)
    assert [(ln.transaction_id, ln.amount, ln.bank, ln.account) for ln in result.lines] == [
        ("T1", D("-10.00"), "中国建设银行", "6217000010012345678"), ("T2", D("25.50"), "中国建设银行", "6217000010012345678")]


def test_a_counterparty_named_total_is_not_a_totals_row(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Counterparty,Date,Amount\nTotal Energies SE,2026-03-01,-50.00\nTotal,,-50.00\n", encoding="utf-8")
    result = read_statement(path, bank="BNP")
    assert [(ln.counterparty_name, ln.amount) for ln in result.lines] == [("Total Energies SE", D("-50.00"))]
    assert result.skipped == ["row 3: totals/footer row 'Total'"]
