"""Held-out bank receipts and advices (issue 14, fourth set), written by hand as banks print them, of kinds no
earlier set had: HSBC HK's English inward-remittance credit advice (Remitter, Remitting Bank, charges deducted
before the amount credited); a SWIFT MT103 printed as a PDF (field tags 20, 32A, 50K, 52A, 57A, 59, 70, 71A);
a 农商行 电子回单 (江苏常熟农村商业银行: 付款人/收款人 blocks side by side with 全称/账号/开户行 rows); a 村镇银行 电子回单
where we pay (付款方/收款方 stacked); a 网上银行 转账凭证 with 收款人 on the left and 付款人 on the right. Our company
(the our-companies master) is the payee or the payer; every field the receipt prints is asserted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents.handmade import draw_pdf, wrong_receipt_fields

OURS = "苏州恒锐精密五金制品有限公司"
OURS_EN = "Suzhou Hengrui Precision Hardware Co., Ltd."
OUR_TAX_ID = "91320594MA1MXQ7K8G"
OUR_ACCOUNTS = ("1102020109000123456", "6226090512345678", "324006000018170012345", "808-123456-838", "447-0-123456-9")


def box(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float, float, float]]:
    return [(x1, y1, x2, y1), (x1, y2, x2, y2), (x1, y1, x1, y2), (x2, y1, x2, y2)]


# R1 HSBC HK "Remittance Advice / Credit Advice" (English): Remitter, Remitting Bank, Amount Credited, charges deducted
HSBC = ([
    (20, 15, "HSBC", 18, "DVB"), (120, 15, "The Hongkong and Shanghai Banking Corporation Limited", 7),
    (20, 30, "INWARD REMITTANCE - CREDIT ADVICE", 12, "DVB"),
    (20, 40, "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD."), (20, 45, "UNIT 1203, 12/F, WING ON CENTRE, HONG KONG"),
    (130, 40, "Date:"), (155, 40, "16 March 2026"), (130, 45, "Transaction Ref:"), (155, 45, "HK26031600778821"),
    (20, 58, "We advise having credited your account as detailed below:"),
    (20, 68, "Account Number:"), (75, 68, "808-123456-838"),
    (20, 74, "Remitter:"), (75, 74, "NORDIC TOOLS AB"), (75, 79, "BOX 221, 41104 GOTEBORG, SWEDEN"),
    (20, 85, "Remitter's Account:"), (75, 85, "SE45 5000 0000 0583 9825 7466"),
    (20, 91, "Remitting Bank:"), (75, 91, "SKANDINAVISKA ENSKILDA BANKEN AB"),
    (20, 97, "Remittance Amount:"), (75, 97, "USD 8,450.00"),
    (20, 103, "Less Charges:"), (75, 103, "USD 15.00"),
    (20, 109, "Amount Credited:"), (75, 109, "USD 8,435.00"),
    (20, 115, "Value Date:"), (75, 115, "16 March 2026"),
    (20, 121, "Remittance Information:"), (75, 121, "INV HR-EX-2602-050"),
    (20, 136, "This is a computer generated advice. No signature is required.", 7),
], [(20, 63, 190, 63), (20, 126, 190, 126)], "DV")
HSBC_T = {"bank": "HSBC The Hongkong and Shanghai Banking Corporation Limited", "payer_name": "NORDIC TOOLS AB",
          "payer_account": "SE4550000000058398257466", "payer_bank": "SKANDINAVISKA ENSKILDA BANKEN AB",
          "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO., LTD.", "payee_account": "808123456838",
          "amount": "8435.00", "currency": "USD", "value_date": "2026-03-16", "transaction_id": "HK26031600778821",
          "memo": "INV HR-EX-2602-050"}

# R2 a SWIFT MT103 copy printed as PDF (the bank's "SWIFT message" print): 20, 23B, 32A, 33B, 50K, 52A, 57A, 59, 70, 71A
MT103 = ([
    (20, 15, "SWIFT MESSAGE COPY  -  MT103 SINGLE CUSTOMER CREDIT TRANSFER", 11, "DVB"),
    (20, 24, "Sender: DEUTDEFFXXX  DEUTSCHE BANK AG, FRANKFURT AM MAIN"), (20, 29, "Receiver: SCBLHKHHXXX  STANDARD CHARTERED BANK (HONG KONG) LIMITED"),
    (20, 38, ":20:", 9), (45, 38, "DB26030400012345"),
    (20, 44, ":23B:", 9), (45, 44, "CRED"),
    (20, 50, ":32A:", 9), (45, 50, "260304EUR7520,00"),
    (20, 56, ":33B:", 9), (45, 56, "EUR7520,00"),
    (20, 62, ":50K:", 9), (45, 62, "/DE89370400440532013000"), (45, 67, "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH"), (45, 72, "HAUPTSTRASSE 5, 70173 STUTTGART"),
    (20, 78, ":52A:", 9), (45, 78, "COBADEFFXXX"),
    (20, 84, ":57A:", 9), (45, 84, "SCBLHKHHXXX"),
    (20, 90, ":59:", 9), (45, 90, "/447-0-123456-9"), (45, 95, "SUZHOU HENGRUI PRECISION HARDWARE CO LTD"), (45, 100, "UNIT 1203 WING ON CENTRE HONG KONG"),
    (20, 106, ":70:", 9), (45, 106, "/INV/HR-EX-2602-030"),
    (20, 112, ":71A:", 9), (45, 112, "SHA"),
    (20, 124, "End of message", 7),
], [(20, 33, 190, 33), (20, 118, 190, 118)], "DV")
MT103_T = {"payer_name": "SCHNEIDER PRAEZISIONSWERKZEUGE GMBH", "payer_account": "DE89370400440532013000",
           "payee_name": "SUZHOU HENGRUI PRECISION HARDWARE CO LTD", "payee_account": "44701234569",
           "amount": "7520.00", "currency": "EUR", "value_date": "2026-03-04", "transaction_id": "DB26030400012345",
           "memo": "HR-EX-2602-030"}

# R3 江苏常熟农村商业银行 电子回单: 农商行, 收款人/付款人 in rows, 金额 with ￥ and 大写 on one row, 附言
CSRCB = ([
    (50, 16, "江苏常熟农村商业银行 电子回单", 15), (15, 26, "回单号：CSRCB2026031200081", 8), (140, 26, "记账日期：2026年03月12日", 8),
    (17, 35.5, "付款人"), (40, 35.5, "全称"), (55, 35.5, "常熟市虞山精工机械厂"),
    (17, 43.5, ""), (40, 43.5, "账号"), (55, 43.5, "0102 0001 2345 6789 0012"),
    (17, 51.5, ""), (40, 51.5, "开户行"), (55, 51.5, "江苏常熟农村商业银行虞山支行"),
    (107, 35.5, "收款人"), (127, 35.5, "全称"), (140, 35.5, OURS, 7),
    (127, 43.5, "账号"), (140, 43.5, "1102020109000123456"),
    (127, 51.5, "开户行"), (140, 51.5, "中国工商银行苏州工业园区支行", 7),
    (17, 59.5, "金额"), (40, 59.5, "人民币（大写）壹万伍仟陆佰元整"), (140, 59.5, "￥15,600.00"),
    (17, 67.5, "附言"), (40, 67.5, "3月加工费 HR-PO-2603-018"),
    (17, 75.5, "交易流水"), (40, 75.5, "8801260312000456"), (107, 75.5, "渠道"), (127, 75.5, "企业网银"),
    (15, 88, "本回单为电子回单，重复打印无效。", 7),
], box(15, 30, 195, 80) + [(15, 62, 195, 62), (15, 70, 195, 70), (105, 30, 105, 56), (35, 30, 35, 80), (122, 30, 122, 56)], "WQ")
CSRCB_T = {"bank": "江苏常熟农村商业银行", "payer_name": "常熟市虞山精工机械厂", "payer_account": "01020001234567890012",
           "payer_bank": "江苏常熟农村商业银行虞山支行", "payee_name": OURS, "payee_account": "1102020109000123456",
           "payee_bank": "中国工商银行苏州工业园区支行", "amount": "15600.00", "currency": "CNY", "value_date": "2026-03-12",
           "transaction_id": "8801260312000456", "memo": "3月加工费 HR-PO-2603-018"}

# R4 a 村镇银行 电子回单 (太仓民生村镇银行): we pay; 付款方/收款方 blocks one under the other; 交易金额 in words and digits
CZYH = ([
    (55, 16, "太仓民生村镇银行 电子回单（付款）", 14), (15, 26, "业务流水号：TCMS20260318004512", 8), (140, 26, "交易日期：2026/03/18", 8),
    (15, 36, "付款方名称：" + OURS), (15, 42, "付款方账号：6226090512345678"), (15, 48, "付款方开户行：太仓民生村镇银行城厢支行"),
    (15, 58, "收款方名称：太仓港区顺达物流有限公司"), (15, 64, "收款方账号：3205 0164 5300 0000 1288"), (15, 70, "收款方开户行：中国建设银行太仓港区支行"),
    (15, 80, "交易金额：CNY 2,860.00"), (110, 80, "金额大写：贰仟捌佰陆拾元整"),
    (15, 87, "用途：运费 3月第2周"), (110, 87, "手续费：0.00"),
    (15, 99, "太仓民生村镇银行股份有限公司 业务专用章", 7),
], [(12, 31, 198, 31), (12, 53, 198, 53), (12, 75, 198, 75), (12, 93, 198, 93)], "WQ")
CZYH_T = {"bank": "太仓民生村镇银行", "payer_name": OURS, "payer_account": "6226090512345678", "payer_bank": "太仓民生村镇银行城厢支行",
          "payee_name": "太仓港区顺达物流有限公司", "payee_account": "32050164530000001288", "payee_bank": "中国建设银行太仓港区支行",
          "amount": "2860.00", "currency": "CNY", "value_date": "2026-03-18", "transaction_id": "TCMS20260318004512",
          "memo": "运费 3月第2周"}

# R5 网上银行 转账凭证 (招商银行 style print): 收款人 left, 付款人 right (the other way round from most), values beside labels
CMB = ([
    (70, 16, "招商银行 网上银行转账凭证", 14), (15, 26, "凭证号：CMB0326009988", 8), (140, 26, "转账日期：2026-03-26", 8),
    (17, 35, "收款人户名"), (45, 35, OURS, 7), (107, 35, "付款人户名"), (135, 35, "宁波北仑港城模具有限公司", 8),
    (17, 43, "收款人账号"), (45, 43, "324006000018170012345"), (107, 43, "付款人账号"), (135, 43, "5749 0123 4567 890"),
    (17, 51, "收款人开户行"), (45, 51, "招商银行苏州分行", 8), (107, 51, "付款人开户行"), (135, 51, "宁波银行北仑支行", 8),
    (17, 59, "转账金额"), (45, 59, "¥36,000.00"), (107, 59, "金额大写"), (135, 59, "叁万陆仟元整"),
    (17, 67, "用途"), (45, 67, "模具款 HR-MJ-2603"), (107, 67, "交易状态"), (135, 67, "成功"),
    (15, 80, "本凭证仅证明付款方已提交转账指令，不作为到账依据。", 7),
], box(15, 30, 195, 71) + [(15, y, 195, y) for y in (39, 47, 55, 63)] + [(105, 30, 105, 71), (43, 30, 43, 71), (133, 30, 133, 71)], "WQ")
CMB_T = {"bank": "招商银行", "payer_name": "宁波北仑港城模具有限公司", "payer_account": "574901234567890", "payer_bank": "宁波银行北仑支行",
         "payee_name": OURS, "payee_account": "324006000018170012345", "payee_bank": "招商银行苏州分行",
         "amount": "36000.00", "currency": "CNY", "value_date": "2026-03-26", "transaction_id": "CMB0326009988",
         "memo": "模具款 HR-MJ-2603"}

DOCS = {"r1_hsbc_credit_advice": (HSBC, HSBC_T), "r2_mt103_copy": (MT103, MT103_T), "r3_csrcb_rcb": (CSRCB, CSRCB_T),
        "r4_village_bank": (CZYH, CZYH_T), "r5_cmb_transfer_voucher": (CMB, CMB_T)}


@pytest.fixture
def ours(our_companies):
    our_companies(OURS, tax_ids=(OUR_TAX_ID,), accounts=OUR_ACCOUNTS, name_en=OURS_EN)


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    items, rules, font = DOCS[name][0]
    return extract_document(draw_pdf(tmp_path / f"{name}.pdf", [i for i in items if i[2]], rules, font, line_width=0.6))


@pytest.mark.parametrize("name", sorted(DOCS))
def test_held_out_receipt_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    result = _read(tmp_path, name)
    assert result.kind == "receipt"
    assert not wrong_receipt_fields(result, DOCS[name][1]), (wrong_receipt_fields(result, DOCS[name][1]), result.warnings)


def test_a_swift_mt103_copy_is_a_receipt(tmp_path: Path, ours) -> None:
    """A printed MT103 was refused ('not recognised as an invoice, bank receipt ...'): its fields are tags, not
    labels. 32A gives date, currency and amount (decimal comma), 50K the payer under its /account line, 59 the
    payee, 70 the memo, 20 the reference; the bank a copy was printed by is not said (the receiver, for review)."""
    result = _read(tmp_path, "r2_mt103_copy")
    r = result.record
    assert (r.value_date, r.currency, r.amount) == (date(2026, 3, 4), "EUR", Decimal("7520.00"))
    assert (r.payer_bank, r.payee_bank) == ("COBADEFFXXX", "SCBLHKHHXXX")
    assert result.confidence["bank"] < 0.9 and "bank" in result.needs_review()
    from extractors.documents.swift_copy import mt103_fields

    assert mt103_fields([":59F:", "/12345678", "1/ACME LTD", "2/1 HIGH STREET", ":70:/RFB/INV 7"]) == {
        "59F": ["/12345678", "1/ACME LTD", "2/1 HIGH STREET"], "70": ["/RFB/INV 7"]}
