"""Held-out statement exports (issue 14), written by hand in the shapes the banks export, not by the
generator: an ICBC-style csv in GBK with a preamble and 借方发生额/贷方发生额, a CMB-style bilingual xlsx with
交易金额 + 借贷标志 and ``CNY`` suffixes, a Hang Seng card csv whose dates have no year and whose period is
printed with month names, and a BOC-style xlsx with one signed 金额 column. The statement is our account."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

from extractors.statements import read_statement
from tests.extractors_structured.exports import write_csv as _csv
from tests.extractors_structured.exports import write_xlsx as _xlsx

OURS = "苏州恒锐精密五金制品有限公司"


def _rows(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(ln.booking_date, ln.amount, ln.currency, ln.counterparty_name or None) for ln in result.lines]




def test_icbc_gbk_csv_with_debit_and_credit_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path / "icbc_202603.csv", [
        ["中国工商银行 账户历史明细"], ["账号：1102020109000123456", "", f"户名：{OURS}"],
        ["币种：人民币", "", "起止日期：2026/03/01-2026/03/31"], [],
        ["交易日期", "摘要", "借方发生额", "贷方发生额", "余额", "对方户名", "对方账号", "对方开户行"],
        ["2026/03/02", "转账", "", "15,000.00", "115,000.00", "宁波明达五金制品有限公司", "3901110009000567890", "中国工商银行宁波分行"],
        ["2026/03/05", "电费", "2,346.80", "", "112,653.20", "国网江苏省电力有限公司苏州供电分公司", "10550000000012345", "中国银行苏州分行"],
        ["2026/03/12", "跨行转账", "", "9,379.00", "122,032.20", "无锡天成机电设备有限公司", "32050162863600001234", "中国建设银行无锡新区支行"],
        ["2026/03/20", "代发工资", "48,500.00", "", "73,532.20", "", "", ""],
        ["2026/03/21", "手续费", "12.00", "", "73,520.20", "", "", ""], [], ["合计", "", "50,858.80", "24,379.00"]], "gbk")
    result = read_statement(path)
    assert result.account == "1102020109000123456"
    assert _rows(result) == [(date(2026, 3, 2), D("15000.00"), "CNY", "宁波明达五金制品有限公司"),
                             (date(2026, 3, 5), D("-2346.80"), "CNY", "国网江苏省电力有限公司苏州供电分公司"),
                             (date(2026, 3, 12), D("9379.00"), "CNY", "无锡天成机电设备有限公司"),
                             (date(2026, 3, 20), D("-48500.00"), "CNY", None), (date(2026, 3, 21), D("-12.00"), "CNY", None)]
    assert not result.row_warnings


def test_cmb_bilingual_xlsx_with_direction_column_and_currency_suffix(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "cmb_bilingual.xlsx", [
        ["招商银行交易明细 / China Merchants Bank Transaction Details"], ["账户 Account No.", "6226090512345678"],
        ["户名 Account Name", OURS], ["期间 Period", "20260301-20260310"], [],
        ["交易日 Trans Date", "起息日 Value Date", "交易类型 Type", "借贷标志 Dr/Cr", "交易金额 Amount", "余额 Balance",
         "交易对方 Counterparty", "对方账号 Counterparty A/C", "附言 Remarks"],
        ["20260302", "20260302", "汇入汇款", "贷", "12,800.00 CNY", "62,800.00 CNY", "杭州西湖精密机械有限公司", "571908765410901", "货款 INV-HR-0221"],
        ["20260304", "20260304", "企业银行跨行汇款", "借", "2,300.00 CNY", "60,500.00 CNY", "东莞市长安镇顺和模具配件厂", "010180100123456", "支付2月模具配件款"],
        ["20260306", "20260306", "网银代扣", "借", "1,260.35 CNY", "59,239.65 CNY", "中国电信股份有限公司苏州分公司", "", "宽带费"],
        ["20260309", "20260309", "汇入汇款", "贷", "3,000.00 CNY", "62,239.65 CNY", "广州白云恒通包装材料有限公司", "44050146010900001122", "退保证金"]])
    result = read_statement(path)
    assert _rows(result) == [(date(2026, 3, 2), D("12800.00"), "CNY", "杭州西湖精密机械有限公司"),
                             (date(2026, 3, 4), D("-2300.00"), "CNY", "东莞市长安镇顺和模具配件厂"),
                             (date(2026, 3, 6), D("-1260.35"), "CNY", "中国电信股份有限公司苏州分公司"),
                             (date(2026, 3, 9), D("3000.00"), "CNY", "广州白云恒通包装材料有限公司")]
    assert not result.row_warnings


def test_card_dates_without_a_year_take_it_from_a_period_printed_with_month_names(tmp_path: Path) -> None:
    """``Statement Period 01 Feb 2026 - 28 Feb 2026``: the period was not read (only numeric dates were), so
    every ``04 Feb`` row was a row warning and the file gave no transaction."""
    path = _csv(tmp_path / "hangseng_card.csv", [
        ["HANG SENG BANK - Credit Card Statement"], ["Card Number", "4966 **** **** 2281"],
        ["Cardholder", "SUZHOU HENGRUI PRECISION HARDWARE CO LTD"], ["Statement Period", "01 Feb 2026 - 28 Feb 2026"],
        ["Payment Due Date", "20 Mar 2026"], [], ["Trans Date", "Post Date", "Description", "Amount (HKD)"],
        ["03 Feb", "04 Feb", "CATHAY PACIFIC AIRWAYS HONG KONG", "4,280.00"], ["07 Feb", "09 Feb", "PAYMENT - THANK YOU", "-10,000.00"],
        ["15 Feb", "16 Feb", "HK EXPRESS WAY HOTEL KOWLOON", "1,356.50"], ["22 Feb", "23 Feb", "REFUND AMAZON MKTPLACE", "-218.40"],
        ["26 Feb", "27 Feb", "ALIBABA.COM SINGAPORE", "688.00"]], "utf-8")
    result = read_statement(path)
    assert _rows(result) == [(date(2026, 2, 4), D("-4280.00"), "HKD", "CATHAY PACIFIC AIRWAYS HONG KONG"),
                             (date(2026, 2, 9), D("10000.00"), "HKD", "PAYMENT - THANK YOU"),
                             (date(2026, 2, 16), D("-1356.50"), "HKD", "HK EXPRESS WAY HOTEL KOWLOON"),
                             (date(2026, 2, 23), D("218.40"), "HKD", "REFUND AMAZON MKTPLACE"),
                             (date(2026, 2, 27), D("-688.00"), "HKD", "ALIBABA.COM SINGAPORE")]
    assert [ln.value_date for ln in result.lines][0] == date(2026, 2, 3)
    assert not result.row_warnings


def test_december_card_rows_in_a_period_printed_with_month_names_roll_back_a_year(tmp_path: Path) -> None:
    path = _csv(tmp_path / "card.csv", [
        ["Credit Card Statement"], ["Statement Period", "Dec 20, 2025 - Jan 19, 2026"], [],
        ["Trans Date", "Post Date", "Description", "Amount (HKD)"],
        ["28 Dec", "29 Dec", "PARKNSHOP", "120.00"], ["05 Jan", "06 Jan", "PAYMENT - THANK YOU", "-120.00"]], "utf-8")
    result = read_statement(path)
    assert [ln.booking_date for ln in result.lines] == [date(2025, 12, 29), date(2026, 1, 6)]


def test_boc_xlsx_with_one_signed_amount_and_a_time_column(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "boc_debit.xlsx", [
        ["中国银行 交易流水明细"], ["借记卡号：6217856100012345678", "", f"客户姓名：{OURS}"], ["查询时间范围：2026-03-01 至 2026-03-31"], [],
        ["记账日期", "记账时间", "币别", "金额", "余额", "交易名称", "附言", "对方账户名", "对方卡号/账号", "对方开户行"],
        ["2026-03-03", "10:21:07", "人民币", "-580.00", "20,420.00", "网上快捷支付", "快递费", "顺丰速运有限公司", "", ""],
        ["2026-03-08", "15:40:12", "人民币", "6,500.00", "26,920.00", "转账汇入", "样品款", "深圳市南山区宏远贸易有限公司", "755912345610801", "招商银行深圳南山支行"],
        ["2026-03-15", "09:02:55", "人民币", "-1,234.56", "25,685.44", "跨行转出", "办公用品", "苏州得力文具有限公司", "10550101040012345", "中国农业银行苏州分行"]])
    result = read_statement(path)
    assert _rows(result) == [(date(2026, 3, 3), D("-580.00"), "CNY", "顺丰速运有限公司"),
                             (date(2026, 3, 8), D("6500.00"), "CNY", "深圳市南山区宏远贸易有限公司"),
                             (date(2026, 3, 15), D("-1234.56"), "CNY", "苏州得力文具有限公司")]
    assert not result.row_warnings


def test_statement_period_printed_with_month_names() -> None:
    from extractors.statements.cells import find_period

    for line, start, end in [("Statement Period: 01 Feb 2026 - 28 Feb 2026", date(2026, 2, 1), date(2026, 2, 28)),
                             ("Statement Period From Dec 20, 2025 to Jan 19, 2026", date(2025, 12, 20), date(2026, 1, 19)),
                             ("Période du 1 février 2026 au 28 février 2026", date(2026, 2, 1), date(2026, 2, 28))]:
        period = find_period([line, "Printed 05 Mar 2026"], "export")
        assert (period.start, period.end) == (start, end), line
