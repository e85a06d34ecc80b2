"""Held-out bank receipts and advices (issue 14, third set), written by hand as the banks print them, not by the
generator: PSBC's 电子回单 (a four-column grid, 账号 before 户名, 交易金额(小写)/(大写)); CIB's 电子回单 (the payer block
stacked over the payee block, each headed by its role); Ping An's 支付回单 where we pay (付款方/收款方 labels, a
separate 手续费); Standard Chartered HK's credit advice (addressed to us, ``Ordering Customer``, a ``09MAR26`` date,
the logo words before the bank's name on its line); DBS HK's debit advice for an outward TT (``Reference`` in the
header block, OUR charges printed apart). Our company (the our-companies master) is the payee or the payer; every
field the receipt prints is asserted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents.handmade import draw_pdf, wrong_receipt_fields

OURS = "苏州恒锐精密五金制品有限公司"
OURS_EN = "Suzhou Hengrui Precision Hardware Co., Ltd."
OUR_TAX_ID = "91320594MA1MXQ7K8G"
OUR_ACCOUNTS = ("100512345678901234", "622908123456789012", "15000098765432", "447-0-123456-9", "015-123-4-567890")


def box(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float, float, float]]:
    return [(x1, y1, x2, y1), (x1, y2, x2, y2), (x1, y1, x1, y2), (x2, y1, x2, y2)]


# Q1 中国邮政储蓄银行 电子回单: a 4-column grid, 付款人/收款人 labels with 账号 first, 交易金额(小写)/(大写)
psbc_rules = box(15, 30, 195, 86) + [(15, y, 195, y) for y in (38, 46, 54, 62, 70, 78)] + [
    (45, 30, 45, 86), (105, 30, 105, 86), (135, 30, 135, 86)]
PSBC = ([
    (55, 16, "中国邮政储蓄银行 电子回单", 15), (15, 26, "回单编号：PSBC2026030200012345", 8), (140, 26, "交易日期：2026-03-02", 8),
    (17, 35.5, "付款人账号"), (47, 35.5, "6217001234567890123"), (107, 35.5, "收款人账号"), (137, 35.5, "100512345678901234"),
    (17, 43.5, "付款人户名"), (47, 43.5, "杭州西湖精密机械有限公司"), (107, 43.5, "收款人户名"), (137, 43.5, OURS, 8),
    (17, 51.5, "付款人开户行"), (47, 51.5, "中国建设银行杭州西湖支行"), (107, 51.5, "收款人开户行"), (137, 51.5, "中国邮政储蓄银行苏州市分行", 8),
    (17, 59.5, "交易金额(小写)"), (47, 59.5, "CNY 42,000.00"), (107, 59.5, "交易金额(大写)"), (137, 59.5, "人民币肆万贰仟元整"),
    (17, 67.5, "交易渠道"), (47, 67.5, "网上银行"), (107, 67.5, "交易流水号"), (137, 67.5, "PS26030200012345"),
    (17, 75.5, "附言"), (47, 75.5, "2月货款"), (107, 75.5, "业务类型"), (137, 75.5, "跨行转账"),
    (17, 83.5, "记账日期"), (47, 83.5, "2026-03-02"), (107, 83.5, "打印次数"), (137, 83.5, "1"),
    (15, 94, "本回单仅作为客户记账凭证，不作为收款依据。", 7),
], psbc_rules, "WQ")
PSBC_T = {"bank": "中国邮政储蓄银行", "payer_name": "杭州西湖精密机械有限公司", "payer_account": "6217001234567890123",
          "payer_bank": "中国建设银行杭州西湖支行", "payee_name": OURS, "payee_account": "100512345678901234",
          "payee_bank": "中国邮政储蓄银行苏州市分行", "amount": "42000.00", "currency": "CNY", "value_date": "2026-03-02",
          "transaction_id": "PS26030200012345", "memo": "2月货款"}

# Q2 兴业银行 电子回单: the payer block stacked over the payee block, each headed by its role, 户名/账号/开户行 under it
CIB = ([
    (62, 16, "兴业银行 电子回单（收款）", 15), (15, 26, "回单编号：CIB260319000021", 8), (140, 26, "打印日期：2026-03-20", 8),
    (15, 36, "付款方", 10), (40, 36, "户名：杭州西湖精密机械有限公司"), (40, 42, "账号：571908765410901"), (40, 48, "开户行：招商银行杭州西湖支行"),
    (15, 58, "收款方", 10), (40, 58, f"户名：{OURS}"), (40, 64, "账号：622908123456789012"), (40, 70, "开户行：兴业银行苏州分行营业部"),
    (15, 82, "金额：¥28,700.00"), (100, 82, "大写：人民币贰万捌仟柒佰元整"),
    (15, 90, "用途：INV26322000000091234货款"), (100, 90, "交易时间：2026-03-19 10:02:33"),
    (15, 98, "交易流水号：CIB2603190021"), (100, 98, "交易类型：跨行汇入"),
    (15, 108, "兴业银行股份有限公司 电子回单专用章", 7),
], [(12, 31, 198, 31), (12, 53, 198, 53), (12, 76, 198, 76), (12, 103, 198, 103)], "WQ")
CIB_T = {"bank": "兴业银行", "payer_name": "杭州西湖精密机械有限公司", "payer_account": "571908765410901",
         "payer_bank": "招商银行杭州西湖支行", "payee_name": OURS, "payee_account": "622908123456789012",
         "payee_bank": "兴业银行苏州分行营业部", "amount": "28700.00", "currency": "CNY", "value_date": "2026-03-19",
         "transaction_id": "CIB2603190021", "memo": "INV26322000000091234货款"}

# Q3 平安银行 支付回单: we pay; 付款方户名/收款方户名 labels in two columns, 转账金额 and a separate 手续费
PINGAN = ([
    (70, 16, "平安银行 支付回单", 15), (150, 21, "PING AN BANK", 8, "DV"),
    (15, 30, "付款方户名：" + OURS), (110, 30, "收款方户名：昆山市玉山镇力达五金经营部"),
    (15, 37, "付款方账号：15000098765432"), (110, 37, "收款方账号：1001234509876543210"),
    (15, 44, "付款方开户行：平安银行苏州分行"), (110, 44, "收款方开户行：中国工商银行昆山支行"),
    (15, 54, "币种：人民币"), (110, 54, "转账金额：4,380.00"),
    (15, 61, "金额大写：肆仟叁佰捌拾元整"), (110, 61, "手续费：0.50"),
    (15, 68, "交易时间：2026-03-09 16:05:09"), (110, 68, "业务流水号：P2026030900347"),
    (15, 75, "用途：螺丝配件"),
    (15, 86, "温馨提示：本回单可在平安银行官网验证。", 7),
], box(12, 25, 198, 80), "WQ")
PINGAN_T = {"bank": "平安银行", "payer_name": OURS, "payer_account": "15000098765432", "payer_bank": "平安银行苏州分行",
            "payee_name": "昆山市玉山镇力达五金经营部", "payee_account": "1001234509876543210", "payee_bank": "中国工商银行昆山支行",
            "amount": "4380.00", "currency": "CNY", "value_date": "2026-03-09", "transaction_id": "P2026030900347",
            "memo": "螺丝配件"}

# Q4 Standard Chartered HK credit advice (English, addressed to us): Ordering Customer, Currency/Amount, DDMMMYY date
SCB = ([
    (20, 15, "Standard Chartered", 16, "DVB"), (120, 15, "Standard Chartered Bank (Hong Kong) Limited", 7),
    (20, 30, "CREDIT ADVICE", 13, "DVB"),
    (20, 40, "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD."), (20, 45, "UNIT 1203, 12/F, WING ON CENTRE"), (20, 50, "111 CONNAUGHT ROAD CENTRAL, HONG KONG"),
    (130, 40, "Advice Date"), (160, 40, "09MAR26"), (130, 45, "Our Reference"), (160, 45, "IRM260309H0042"),
    (20, 62, "We have today credited your account with the following inward remittance:"),
    (20, 72, "Credit Account"), (75, 72, "447-0-123456-9"),
    (20, 78, "Value Date"), (75, 78, "09MAR26"),
    (20, 84, "Currency / Amount"), (75, 84, "HKD 96,420.50"),
    (20, 90, "Ordering Customer"), (75, 90, "MUELLER ANLAGENBAU GMBH"), (75, 95, "INDUSTRIESTRASSE 12, 70565 STUTTGART"),
    (20, 101, "Ordering Customer A/C"), (75, 101, "DE89 3704 0044 0532 0130 00"),
    (20, 107, "Ordering Institution"), (75, 107, "DEUTSCHE BANK AG FRANKFURT"),
    (20, 113, "Details of Payment"), (75, 113, "INVOICE HR-EX-2602-021"),
    (20, 119, "Charges"), (75, 119, "BEN"),
    (20, 134, "This advice is computer generated and requires no signature.", 7),
], [(20, 67, 190, 67), (20, 124, 190, 124)], "DV")
SCB_T = {"bank": "Standard Chartered Bank (Hong Kong) Limited", "payer_name": "MUELLER ANLAGENBAU GMBH", "payer_account": "DE89370400440532013000",
         "payer_bank": "DEUTSCHE BANK AG FRANKFURT", "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD.",
         "payee_account": "44701234569", "amount": "96420.50", "currency": "HKD", "value_date": "2026-03-09",
         "transaction_id": "IRM260309H0042", "memo": "INVOICE HR-EX-2602-021"}

# Q5 DBS HK debit advice for an outward TT we send (English, OUR charges printed separately)
DBS = ([
    (20, 15, "DBS", 18, "DVB"), (120, 15, "DBS Bank (Hong Kong) Limited", 8),
    (20, 30, "DEBIT ADVICE - OUTWARD TELEGRAPHIC TRANSFER", 12, "DVB"),
    (20, 40, "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD."), (20, 45, "UNIT 1203, 12/F, WING ON CENTRE, HONG KONG"),
    (130, 40, "Date"), (160, 40, "27 Mar 2026"), (130, 45, "Reference"), (160, 45, "OTT2603270088"),
    (20, 60, "We have debited your account as follows:"),
    (20, 70, "Debit Account No."), (75, 70, "015-123-4-567890"),
    (20, 76, "Transfer Amount"), (75, 76, "USD 5,600.00"),
    (20, 82, "Beneficiary Name"), (75, 82, "GUANGZHOU BAIYUN HENGTONG PACKING MATERIAL CO LTD"),
    (20, 88, "Beneficiary Account No."), (75, 88, "440501460109000099"),
    (20, 94, "Beneficiary Bank"), (75, 94, "CHINA CONSTRUCTION BANK GUANGZHOU BRANCH"),
    (20, 100, "Payment Details"), (75, 100, "PACKING MATERIAL PO-HR-2603-011"),
    (20, 106, "Value Date"), (75, 106, "27 Mar 2026"),
    (20, 112, "Charges"), (75, 112, "OUR  USD 18.00 (debited separately)"),
], [(20, 65, 190, 65), (20, 118, 190, 118)], "DV")
DBS_T = {"bank": "DBS Bank (Hong Kong) Limited", "payer_name": "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD.", "payer_account": "0151234567890",
         "payee_name": "GUANGZHOU BAIYUN HENGTONG PACKING MATERIAL CO LTD", "payee_account": "440501460109000099",
         "payee_bank": "CHINA CONSTRUCTION BANK GUANGZHOU BRANCH", "amount": "5600.00", "currency": "USD",
         "value_date": "2026-03-27", "transaction_id": "OTT2603270088", "memo": "PACKING MATERIAL PO-HR-2603-011"}

DOCS = {"q1_psbc_grid": (PSBC, PSBC_T), "q2_cib_stacked": (CIB, CIB_T), "q3_pingan_we_pay": (PINGAN, PINGAN_T),
        "q4_scb_credit_advice": (SCB, SCB_T), "q5_dbs_debit_advice": (DBS, DBS_T)}


@pytest.fixture
def ours(our_companies):
    our_companies(OURS, tax_ids=(OUR_TAX_ID,), accounts=OUR_ACCOUNTS, name_en=OURS_EN)


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    items, rules, font = DOCS[name][0]
    return extract_document(draw_pdf(tmp_path / f"{name}.pdf", items, rules, font, line_width=0.6))


@pytest.mark.parametrize("name", sorted(DOCS))
def test_held_out_receipt_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    result = _read(tmp_path, name)
    assert result.kind == "receipt"
    assert not wrong_receipt_fields(result, DOCS[name][1]), (wrong_receipt_fields(result, DOCS[name][1]), result.warnings)


def test_the_logo_words_before_the_banks_name(tmp_path: Path, ours) -> None:
    """``Standard Chartered`` (the logo) and ``Standard Chartered Bank (Hong Kong) Limited`` on one line: the bank
    was 'Standard Chartered Standard Chartered Bank (Hong Kong) Limited' at 1.0 (DBS alike)."""
    assert _read(tmp_path, "q4_scb_credit_advice").record.bank == "Standard Chartered Bank (Hong Kong) Limited"
    assert _read(tmp_path, "q5_dbs_debit_advice").record.bank == "DBS Bank (Hong Kong) Limited"


def test_a_date_with_a_month_name_and_no_separators(tmp_path: Path, ours) -> None:
    """``Value Date 09MAR26`` (day, month name, two-digit year, nothing between): the value date was null."""
    from extractors.parse import parse_date

    assert _read(tmp_path, "q4_scb_credit_advice").record.value_date == date(2026, 3, 9)
    assert parse_date("06MAR2026") == date(2026, 3, 6) and parse_date("31DEC25") == date(2025, 12, 31)


def test_the_banks_reference_in_the_header_block(tmp_path: Path, ours) -> None:
    """``Reference OTT2603270088`` beside the date of a DBS advice: the transaction id was null."""
    assert _read(tmp_path, "q5_dbs_debit_advice").record.transaction_id == "OTT2603270088"
