"""The shapes of real Chinese and Hong Kong bank, card and wallet exports (issue 14, section 5), each in a
file written here the way such banks write it (not by the generator): direction words (贷 Cr, DEBIT /
CREDIT, 付/收), separate columns with bracketed headers, card statements, dates without a year across a
year end, annotated amounts and currency codes, English headers, value-date-only exports, the running
balance settling and checking signs, and one bad row costing one row."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from extractors.pipeline import Options, extract_paths
from extractors.statements import read_statement
from extractors.statements.cells import direction_of, find_period, read_amount, yearless
from hub.settings import load_settings

D = Decimal


def _rows(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(ln.booking_date, ln.amount, ln.currency, ln.counterparty_name) for ln in result.lines]


# -- the cells ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "direction"), [
    ("贷 Cr", "in"), ("借 Dr", "out"), ("DEBIT", "out"), ("CREDIT", "in"), ("D", "out"), ("C", "in"),
    ("付", "out"), ("收", "in"), ("支出", "out"), ("收入", "in"), ("出", "out"), ("入", "in"), ("借方", "out"),
    ("贷方", "in"), ("Dr", "out"), ("cr", "in"), ("支出(DEBIT)", "out"), ("Credit 贷", "in"), ("不计收支", "neutral"),
    ("转出", "out"), ("来账", "in"), ("往账", "out"), (" 贷\u3000", "in"),
])
def test_direction_words(text: str, direction: str) -> None:
    assert direction_of(text) == direction


@pytest.mark.parametrize("text", ["?", "冲正", "贷 Dr", "XX"])
def test_direction_words_that_say_nothing_or_both(text: str) -> None:
    with pytest.raises(ValueError):
        direction_of(text)


@pytest.mark.parametrize(("text", "value", "currency", "direction", "note"), [
    ("131.77(已退款89.84)", "131.77", None, None, "已退款89.84"),
    ("44.28（已全额退款）", "44.28", None, None, "已全额退款"),
    ("1,234.56 CNY", "1234.56", "CNY", None, None),
    ("HKD 1,234.56", "1234.56", "HKD", None, None),
    ("RMB 100", "100.00", "CNY", None, None),
    ("¥28.16", "28.16", "CNY", None, None),
    ("88.00 DR", "88.00", None, "out", None),
    ("1,500.00CR", "1500.00", None, "in", None),
    ("(1,234.50)", "-1234.50", None, None, None),
    ("-12.3", "-12.30", None, None, None),
    ("US$ 5.00", "5.00", "USD", None, None),
    ("$5.00", "5.00", None, None, None),  # a bare dollar is the account's own (HK$ in Hong Kong)
    ("12.00 (HKD)", "12.00", "HKD", None, None),
    ("10.00(US)", "10.00", None, None, "US"),
])
def test_amount_cells(text: str, value: str, currency: str | None, direction: str | None, note: str | None) -> None:
    cell = read_amount(text)
    assert cell is not None
    assert (cell.value, cell.currency, cell.direction, cell.note) == (D(value), currency, direction, note)


@pytest.mark.parametrize("text", ["1,2O0.00", "12..50", "#VALUE!", "待定", "3,45,6.00"])
def test_amounts_that_are_not(text: str) -> None:
    with pytest.raises(ValueError):
        read_amount(text)


@pytest.mark.parametrize(("text", "month", "day"), [
    ("12/29", None, None), ("12-29", None, None), ("12月29日", 12, 29), ("1229", 12, 29), ("29 Dec", 12, 29),
    ("Dec 29", 12, 29), ("12月29日 14:22", 12, 29), ("12-29 09:10:11", None, None),
])
def test_yearless_dates(text: str, month: int | None, day: int | None) -> None:
    found = yearless(text)
    assert found is not None and (found.month, found.day) == (month, day)
    assert yearless("2025-12-29") is None and yearless("18:53:19") is None


def test_statement_period_from_preamble_or_file_name() -> None:
    period = find_period(["账单周期：2025/12/06-2026/01/05", "导出时间：2026-03-01 10:00:00"], "x")
    assert (period.start, period.end) == (date(2025, 12, 6), date(2026, 1, 5))
    assert period.year_for(12, 29) == date(2025, 12, 29) and period.year_for(1, 3) == date(2026, 1, 3)
    by_name = find_period([], "信用卡账单_2026-01")
    assert by_name.year_for(12, 20) == date(2025, 12, 20) and by_name.year_for(1, 9) == date(2026, 1, 9)
    title = find_period(["招商银行信用卡对账单（个人消费卡账户 2026年01月）"], "export")
    assert title.year_for(12, 28) == date(2025, 12, 28)
    assert find_period([], "交易明细_1546_20250101_20250620").end == date(2025, 6, 20)
    with pytest.raises(ValueError, match="no year"):
        find_period([], "export").year_for(3, 4)


# -- whole exports ----------------------------------------------------------------------------------------
def test_bocom_debit_with_dr_cr_words_and_places(tmp_path: Path) -> None:
    """BOCOM: 借贷 as ``借 Dr``/``贷 Cr``, the card payments' counterparty only in 交易地点."""
    text = ("交通银行借记卡交易明细\n账号：6222 6009 1234 5678 901\n查询起止日期：2026-02-01至2026-02-28\n\n"
            "序号,交易日期,交易时间,交易类型,借贷,交易金额,余额,对方账号,对方户名,交易地点,摘要\n"
            "1,2026-02-03,09:12:00,转账,贷 Cr,\"12,000.00\",\"52,000.00\",6217001234567890,苏州恒远精密机械有限公司,网上银行,货款\n"
            "2,2026-02-04,12:30:10,消费,借 Dr,35.50,\"51,964.50\",,,支付宝-美团外卖,消费\n"
            "3,2026-02-05,16:00:00,转账,借 Dr,\"1,964.50\",\"50,000.00\",955880001234,顺丰速运有限公司,手机银行,运费\n")
    path = tmp_path / "交通银行明细.csv"
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    result = read_statement(path)
    assert result.bank == "交通银行" and result.account == "6222600912345678901"
    assert _rows(result) == [(date(2026, 2, 3), D("12000.00"), "CNY", "苏州恒远精密机械有限公司"),
                             (date(2026, 2, 4), D("-35.50"), "CNY", "支付宝-美团外卖"),
                             (date(2026, 2, 5), D("-1964.50"), "CNY", "顺丰速运有限公司")]
    assert result.lines[0].counterparty_account == "6217001234567890"
    assert not result.row_warnings and not result.warnings


def test_hsbc_hk_credit_card_with_credit_debit_column(tmp_path: Path) -> None:
    """HSBC HK's card export: English headers, unsigned Billing amount, DEBIT/CREDIT, the merchant."""
    text = ("Transaction date,Post date,Description,Billing amount,Billing currency,Transaction status,"
            "Merchant name,Country / region,Area / district,Credit / Debit\n"
            "28/12/2025,29/12/2025,PARKNSHOP KOWLOON BAY,\"1,234.50\",HKD,Posted,PARKNSHOP,HK,Kowloon,DEBIT\n"
            "02/01/2026,03/01/2026,PAYMENT - THANK YOU,\"5,000.00\",HKD,Posted,,HK,,CREDIT\n"
            "03/01/2026,04/01/2026,APPLE.COM/BILL,15.00,USD,Posted,APPLE.COM/BILL,US,,DEBIT\n")
    path = tmp_path / "HSBC HK credit card.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path)
    assert result.bank == "香港上海汇丰银行"
    assert _rows(result) == [(date(2025, 12, 29), D("-1234.50"), "HKD", "PARKNSHOP"),
                             (date(2026, 1, 3), D("5000.00"), "HKD", ""),
                             (date(2026, 1, 4), D("-15.00"), "USD", "APPLE.COM/BILL")]
    assert result.lines[0].value_date == date(2025, 12, 28)
    assert "PARKNSHOP KOWLOON BAY" in result.lines[0].description
    assert result.confidence["currency"] == 1.0


def test_hsbc_hk_account_export_with_english_headers(tmp_path: Path) -> None:
    text = ("Date,Description,Billing amount,Billing currency,Balance,Balance currency\n"
            "2026-01-05,FPS CREDIT ACME TRADING LTD,\"8,000.00\",HKD,\"18,000.00\",HKD\n"
            "2026-01-06,ATM WITHDRAWAL,-500.00,HKD,\"17,500.00\",HKD\n")
    path = tmp_path / "hsbc_hk_debit.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path)
    assert _rows(result) == [(date(2026, 1, 5), D("8000.00"), "HKD", "ACME TRADING LTD"),
                             (date(2026, 1, 6), D("-500.00"), "HKD", "ATM WITHDRAWAL")]
    assert [ln.balance for ln in result.lines] == [D("18000.00"), D("17500.00")]


def test_withdrawal_deposit_columns_with_currency_in_the_header(tmp_path: Path) -> None:
    text = ("Hang Seng Bank\nAccount Number: 239-123456-883\n\n"
            "Date,Transaction Details,Deposit (HKD),Withdrawal (HKD),Balance (HKD)\n"
            "29 Dec 2025,FPS CREDIT SUN HING ELECTRONICS,\"2,000.00\",,\"12,000.00\"\n"
            "31 Dec 2025,CHQ 000123 WING ON PACKAGING,,\"7,000.00\",\"5,000.00\"\n")
    path = tmp_path / "hang seng.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path)
    assert result.bank == "恒生银行" and result.account == "239123456883"
    assert _rows(result) == [(date(2025, 12, 29), D("2000.00"), "HKD", "SUN HING ELECTRONICS"),
                             (date(2025, 12, 31), D("-7000.00"), "HKD", "WING ON PACKAGING")]


def test_split_columns_with_bracketed_headers(tmp_path: Path) -> None:
    """CITIC / SPDB: 借方发生额(支出) / 贷方发生额（收入）; also 发生额(收入) where the bracket decides."""
    for debit, credit in (("借方发生额(支出)", "贷方发生额（收入）"), ("发生额(支出)", "发生额(收入)"),
                          ("支出金额(借方)", "收入金额(贷方)")):
        book = openpyxl.Workbook()
        ws = book.active
        for row in (["上海浦东发展银行 账户交易明细"], ["账号：95200078801234567"], ["户名：宁波星辰进出口有限公司"],
                    ["查询期间：2026-03-01 至 2026-03-31"], [],
                    ["交易日期", "起息日", debit, credit, "账户余额", "对方账号", "对方户名", "摘要"],
                    ["2026-03-02", "2026-03-02", None, 25000, 125000, "3100112233", "Hamburg Trading GmbH", "汇入汇款"],
                    ["2026-03-03", "2026-03-03", "1,250.00", None, 123750, "3200445566", "国网浙江省电力公司", "电费"],
                    ["合计", None, "1,250.00", 25000, None, None, None, None]):
            ws.append(row)
        path = tmp_path / "spdb.xlsx"
        book.save(path)
        result = read_statement(path)
        assert result.bank == "上海浦东发展银行"
        assert _rows(result) == [(date(2026, 3, 2), D("25000.00"), "CNY", "Hamburg Trading GmbH"),
                                 (date(2026, 3, 3), D("-1250.00"), "CNY", "国网浙江省电力公司")], (debit, credit)
        assert result.confidence["currency"] == 0.9  # the bank's home currency: the file prints none


def test_card_statement_signed_spending_and_dates_across_the_year_end(tmp_path: Path) -> None:
    """CMB's card bill: MM/DD dates under a title naming the billing month; spending printed positive,
    the repayment negative."""
    text = ("招商银行信用卡对账单（个人消费卡账户 2026年01月）\n\n"
            "交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额\n"
            "12/28,12/29,财付通-美团平台商户,238.00,1234,238.00\n"
            "12/30,12/31,自动还款,\"-4,621.01\",1234,\"-4,621.01\"\n"
            "01/02,01/03,AMAZON WEB SERVICES,71.20,1234,10.00(US)\n")
    path = tmp_path / "cmb_credit.csv"
    path.write_bytes(text.encode("gbk"))
    result = read_statement(path)
    assert result.bank == "招商银行"
    assert _rows(result) == [(date(2025, 12, 29), D("-238.00"), "CNY", "财付通-美团平台商户"),
                             (date(2025, 12, 31), D("4621.01"), "CNY", "自动还款"),
                             (date(2026, 1, 3), D("-71.20"), "CNY", "AMAZON WEB SERVICES")]
    assert [ln.value_date for ln in result.lines] == [date(2025, 12, 28), date(2025, 12, 30), date(2026, 1, 2)]
    assert any("without a year" in w for w in result.warnings)


def test_card_bill_known_by_its_columns_signs_spending_out(tmp_path: Path) -> None:
    """A card bill converted from the issuer's PDF (CGB-style): 交易日期 + 入账日期, no balance, no party:
    spending printed positive is money out, the repayment printed negative money in; the amount billed
    in the account's currency wins over the place of purchase's."""
    text = ("交易日期,入账日期,交易摘要,交易金额,交易货币,入账金额,入账货币\n"
            "2026/01/03,2026/01/04,(消费)星巴克咖啡,35.00,人民币,35.00,人民币\n"
            "2026/01/05,2026/01/05,(还款)信用卡还款,-500.00,人民币,-500.00,人民币\n"
            "2026/01/08,2026/01/09,(消费)AMAZON.CO.JP,2000,日元,95.32,人民币\n")
    path = tmp_path / "cgb_bill.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path, bank="广发银行")
    assert [(ln.booking_date, ln.amount, ln.currency) for ln in result.lines] == [
        (date(2026, 1, 4), D("-35.00"), "CNY"), (date(2026, 1, 5), D("500.00"), "CNY"),
        (date(2026, 1, 9), D("-95.32"), "CNY")]
    assert result.lines[0].counterparty_name == "(消费)星巴克咖啡"


def test_card_statement_with_unsigned_amounts_only_reads_payments_by_their_words(tmp_path: Path) -> None:
    text = ("Credit Card Statement\nStatement Period: 2025/12/10 - 2026/01/09\n\n"
            "Trans Date,Description,Amount\n"
            "29 Dec,UBER *TRIP,88.00\n02 Jan,PAYMENT - THANK YOU,\"3,000.00\"\n05 Jan,WELLCOME,120.50\n")
    path = tmp_path / "card.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path, bank="恒生银行")
    assert _rows(result) == [(date(2025, 12, 29), D("-88.00"), "HKD", "UBER *TRIP"),
                             (date(2026, 1, 2), D("3000.00"), "HKD", "PAYMENT - THANK YOU"),
                             (date(2026, 1, 5), D("-120.50"), "HKD", "WELLCOME")]
    assert result.confidence["amount"] < 0.9  # signs inferred from words: a person checks


def test_a_balance_printed_dr_is_negative(tmp_path: Path) -> None:
    text = ("Date,Description,Withdrawal,Deposit,Balance\n"
            "22/01/2026,CHQ 1001,500.00,,200.00 DR\n23/01/2026,FPS CREDIT,,700.00,500.00 CR\n")
    path = tmp_path / "hk.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path, bank="恒生银行")
    assert [(ln.amount, ln.balance, ln.currency) for ln in result.lines] == [
        (D("-500.00"), D("-200.00"), "HKD"), (D("700.00"), D("500.00"), "HKD")]
    assert not result.warnings


def test_card_statement_with_unsigned_amounts_and_chinese_direction(tmp_path: Path) -> None:
    text = ("信用卡账单明细\n卡号：**** **** **** 8841\n账单周期：2025/12/06-2026/01/05\n\n"
            "交易日期,交易描述,交易金额,借贷\n"
            "12月29日,京东商城,\"1,099.00\",借\n"
            "1月2日,还款,\"2,000.00\",贷\n"
            "1月4日,滴滴出行,25.60,借\n")
    path = tmp_path / "card.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path)
    # no currency printed and no bank named: the currency is empty and needs review (it was CNY by default)
    assert _rows(result) == [(date(2025, 12, 29), D("-1099.00"), None, "京东商城"),
                             (date(2026, 1, 2), D("2000.00"), None, "还款"),
                             (date(2026, 1, 4), D("-25.60"), None, "滴滴出行")]
    assert result.confidence["currency"] == 0.0


def test_wallet_with_annotated_amounts(tmp_path: Path) -> None:
    """JD-style wallet bill: refunds noted in the amount cell, 收/支, 商户名称, closed trades skipped."""
    lines = ["京东账号名：jd_user", "日期区间：2026-01-01 至 2026-01-31", "导出时间：2026-02-02 10:00:00",
             "共4笔记录", "1.本明细仅展示当前账单中的交易", "", "交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,"
             "交易订单号,商家订单号,备注",
             "2026-01-03 10:20:30,京东平台商户,USB数据线 等2件,131.77(已退款89.84),白条,交易成功,支出,数码,2841,3391,",
             "2026-01-05 11:00:00,京东平台商户,不锈钢保温杯,44.28(已全额退款),余额,交易成功,支出,日用,2842,3392,",
             "2026-01-06 12:00:00,京东平台商户,打印纸,12.00,余额,交易关闭,支出,办公,2843,3393,",
             "2026-01-09 08:00:00,京东金融,小金库收益,¥0.35,小金库,交易成功,收入,理财,2844,3394,"]
    path = tmp_path / "jd.csv"
    path.write_bytes("\n".join(lines).encode("gb18030"))
    result = read_statement(path)
    assert result.bank == "京东支付"
    assert _rows(result) == [(date(2026, 1, 3), D("-131.77"), "CNY", "京东平台商户"),
                             (date(2026, 1, 5), D("-44.28"), "CNY", "京东平台商户"),
                             (date(2026, 1, 9), D("0.35"), "CNY", "京东金融")]
    assert "已退款89.84" in result.lines[0].description and "已全额退款" in result.lines[1].description
    assert any("交易关闭" in s for s in result.skipped)
    assert result.confidence["currency"] == 1.0


def test_a_wallet_whose_notes_mention_credit_cards_is_no_card(tmp_path: Path) -> None:
    text = ("微信支付账单明细\n微信昵称：[测试]\n起始时间：[2026-01-01 00:00:00] 终止时间：[2026-01-31 23:59:59]\n"
            "注：\n1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易\n\n"
            "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态\n"
            "2026-01-02 12:00:00,商户消费,云膳过桥米线,总共消费:28.16,,¥28.16,零钱,支付成功\n"
            "2026-01-03 09:00:00,转账,张三,/,收入,¥100.00,/,已收钱\n")
    path = tmp_path / "微信支付账单.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path)
    assert result.bank == "微信支付"
    # no card rule (spending out) for the row without 收/支: nothing tells its direction
    assert [ln.amount for ln in result.lines] == [D("100.00")]
    assert [(w.row, w.column) for w in result.row_warnings] == [(8, "收/支")]


def test_value_date_only_export_as_html_xls(tmp_path: Path) -> None:
    """ABC-style "xls" (an HTML table in GBK) whose only date is the value date; signed amounts."""
    rows = [["中国农业银行银行卡交易明细清单"], ["户名：苏州德润工贸有限公司", "账户：6228480402564890018"],
            ["起息日", "交易金额", "本次余额", "对手信息", "日志号", "交易渠道", "交易附言"],
            ["20260110", "-21486.87", "733655.13", "国家金库苏州市中心支库", "L0001", "网上银行", "增值税"],
            ["20260128", "+399.00", "734054.13", "苏州恒远精密机械有限公司", "L0002", "柜面", "发票号 26327000000001376424"]]
    html = "<html><head><meta charset='gbk'></head><body><table>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table></body></html>"
    path = tmp_path / "农行明细.xls"
    path.write_bytes(html.encode("gbk"))
    result = read_statement(path)
    assert result.bank == "中国农业银行"
    assert _rows(result) == [(date(2026, 1, 10), D("-21486.87"), "CNY", "国家金库苏州市中心支库"),
                             (date(2026, 1, 28), D("399.00"), "CNY", "苏州恒远精密机械有限公司")]
    assert result.lines[1].reference == "发票号 26327000000001376424"
    assert [ln.transaction_id for ln in result.lines] == ["L0001", "L0002"]


def test_both_parties_printed_counterparty_is_the_other_side(tmp_path: Path) -> None:
    """An export printing payer and payee: money in -> the payer, money out -> the payee, never us."""
    text = ("账号：473968012345\n户名：苏州恒远精密机械有限公司\n\n"
            "交易日期,交易金额,付款人名称,付款人账号,收款人名称,收款人账号,附言\n"
            "2026/03/02,\"5,000.00\",Hamburg Trading GmbH,DE89370400440532013000,苏州恒远精密机械有限公司,473968012345,INV 88\n"
            "2026/03/03,-800.00,苏州恒远精密机械有限公司,473968012345,顺丰速运有限公司,955880001234,运费\n")
    path = tmp_path / "boc.csv"
    path.write_text(text, encoding="utf-8")
    result = read_statement(path, bank="中国银行")
    assert [(ln.amount, ln.counterparty_name, ln.counterparty_account) for ln in result.lines] == [
        (D("5000.00"), "Hamburg Trading GmbH", "DE89370400440532013000"),
        (D("-800.00"), "顺丰速运有限公司", "955880001234")]


# -- the running balance ---------------------------------------------------------------------------------
CMB_HEAD = "招商银行交易明细\n账号：,512908765410301\n币种：,人民币\n\n交易日期,借贷标志,交易金额,余额,对方户名\n"


def test_running_balance_settles_a_direction_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "cmb.csv"
    path.write_bytes((CMB_HEAD + "20260301,贷,100.00,1100.00,甲公司\n20260302,冲正,40.00,1060.00,乙公司\n"
                      "20260303,付,60.00,1000.00,丙公司\n20260304,收,500.00,1500.00,丁公司\n").encode("gbk"))
    result = read_statement(path)
    assert [ln.amount for ln in result.lines] == [D("100.00"), D("-40.00"), D("-60.00"), D("500.00")]
    assert not result.row_warnings
    assert any("row(s) 7" in w and "running balance" in w for w in result.warnings)
    assert result.confidence["amount"] == 1.0


def test_running_balance_newest_first_contradicting_a_direction(tmp_path: Path) -> None:
    """Rows newest first; row 8 says 收 (in) but the balance fell by its amount: the balance wins, the
    file is flagged (amount confidence under the review threshold)."""
    path = tmp_path / "cmb.csv"
    path.write_bytes((CMB_HEAD + "20260304,收,500.00,1500.00,丁公司\n20260303,付,60.00,1000.00,丙公司\n"
                      "20260302,收,40.00,1060.00,乙公司\n20260301,贷,100.00,1100.00,甲公司\n"
                      "20260228,付,20.00,1000.00,戊公司\n").encode("gbk"))
    result = read_statement(path)
    assert [ln.amount for ln in result.lines] == [D("500.00"), D("-60.00"), D("-40.00"), D("100.00"), D("-20.00")]
    assert any("row(s) 8" in w and "contradicts" in w for w in result.warnings)
    assert result.confidence["amount"] < 0.9


def test_unreadable_direction_without_a_balance_is_a_row_warning(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("交易日期,收/支,金额,交易对方\n2026-03-01,收入,10.00,A\n2026-03-02,?,20.00,B\n"
                    "2026-03-03,支出,30.00,C\n", encoding="utf-8")
    result = read_statement(path, bank="微信支付")
    assert [ln.amount for ln in result.lines] == [D("10.00"), D("-30.00")]
    (warning,) = result.row_warnings
    assert (warning.row, warning.column, warning.cell) == (3, "收/支", "?")
    assert "neither money in nor money out" in warning.reason


# -- one bad row costs one row, end to end ------------------------------------------------------------------
BAD_ROWS = ("中国建设银行 账户明细\n账号：6217000010012345678\n币种：人民币\n\n"
            "交易日期,摘要,收入,支出,账户余额,对方户名\n"
            "2026-03-01,货款,\"1,000.00\",,\"11,000.00\",甲公司\n"
            "2026-03-02,货款,1,2O0.00,,\"12,200.00\",乙公司\n"
            "2026-02-30,电费,,300.00,\"11,900.00\",国网\n"
            "2026-03-04,运费,,100.00,\"11,800.00\",顺丰速运\n")


def test_bad_rows_are_row_warnings_in_extract_json_with_exit_status_3(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "建行3月.csv").write_bytes(BAD_ROWS.replace("1,2O0.00", '"1,2O0.00"').encode("gbk"))
    outcomes = extract_paths([inbox], load_settings(tmp_path / "home"), Options())
    (outcome,) = outcomes
    assert outcome.ok and outcome.status() == "needs_review"
    assert [r.amount for r in outcome.records] == [D("1000.00"), D("-100.00")]
    assert [(w.row, w.column, w.cell) for w in outcome.row_warnings] == [(7, "收入", "1,2O0.00"),
                                                                        (8, "交易日期", "2026-02-30")]
    env = os.environ | {"ORDERHUB_HOME": str(tmp_path / "home2"), "ORDERHUB_ACTOR": "tester"}
    env.pop("ORDERHUB_DATABASE_URL", None)
    run = subprocess.run([sys.executable, "-c", "from hub.cli import main; main()", "extract", str(inbox), "--json"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 3, run.stderr
    (row,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert row["status"] == "needs_review" and len(row["records"]) == 2
    assert row["row_warnings"][0] == {"row": 7, "column": "收入", "cell": "1,2O0.00",
                                      "reason": "'1,2O0.00' is not an amount", "sheet": None}
    assert "not a valid date" in row["row_warnings"][1]["reason"]


def test_bad_order_row_costs_its_order_only_and_exit_status_3(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "订单"
    for row in (["订单号", "下单日期", "客户", "品名", "数量", "单价"],
                ["SO-1", "2026-03-01", "甲公司", "螺栓", 10, 1.5], ["SO-2", "2026-03-02", "乙公司", "垫圈", "十个", 2],
                ["SO-3", "2026-03-03", "丙公司", "螺母", 5, 1]):
        ws.append(row)
    path = tmp_path / "orders.xlsx"
    book.save(path)
    (outcome,) = extract_paths([path], load_settings(tmp_path / "home"), Options())
    assert [o.external_id for o in outcome.records] == ["SO-1", "SO-3"]
    (warning,) = outcome.row_warnings
    assert (warning.sheet, warning.row, warning.column, warning.cell) == ("订单", 3, "数量", "十个")
    assert outcome.status() == "needs_review"


# -- the families render and read back ------------------------------------------------------------------------
def test_every_statement_family_reads_back_its_truth(tmp_path: Path) -> None:
    from fixtures.generator.families import families
    from fixtures.generator.families.statements import generate_statement_set

    assert len(families("statement")) >= 8
    truth = generate_statement_set(tmp_path, seed=19, per_family=2)
    seen = set()
    for rel, doc in truth["documents"].items():
        seen.add(doc["layout"])
        result = read_statement(tmp_path / rel)
        got = {ln.source_line: ln for ln in result.lines}
        for exp in doc["fields"]["lines"]:
            line = got[exp["source_line"]]
            assert (line.booking_date.isoformat(), line.amount, line.currency, line.counterparty_name) == (
                exp["booking_date"], D(exp["amount"]), exp["currency"], exp["counterparty_name"]), (rel, exp)
        assert sorted((w.row, w.column) for w in result.row_warnings) == sorted(
            (w["row"], w["column"]) for w in doc["fields"]["row_warnings"]), rel
        assert set(got) <= {e["source_line"] for e in doc["fields"]["lines"]}
    assert seen == set(families("statement"))
