"""Roles by identity, shape checks, kind by structure and the receipt classes of issue 14, on documents
drawn here by hand (reportlab, points from the page top) in layouts the generator never made: a 本方/对方
receipt where 本方 is the payee (and one where it pays), an English credit advice, a 进账单 whose amount is
printed only in 大写 and a digit grid, an invoice titled only ``INVOICE``, an advice whose memo names an
invoice, a VAT invoice printing buyer and seller side by side without block headings."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.documents import extract_document, words_of
from extractors.documents.classify import classify
from extractors.parse.taxids import check_tax_id
from hub.validation import uscc_check_char

A4 = (595.0, 842.0)
OURS = "宁波北仑瑞丰机电设备有限公司"
OURS_ACCOUNT = "3310 4199 6010 5000 2468"
THEIRS = "温州瓯海金鼎五金贸易有限公司"


def _uscc(rng: random.Random) -> str:
    body = "91" + "".join(rng.choice("0123456789") for _ in range(6)) + "".join(rng.choice("0123456789ABCDEFGH")
                                                                              for _ in range(9))
    return body + uscc_check_char(body)


def _draw(docs, path: Path, items: list[tuple[float, float, str, float]], size: tuple[float, float] = A4) -> Path:
    pdf = docs.Pdf(path, size)
    for x, y, text, font_size in items:
        pdf.text(x, y, text, font_size)
    pdf.save()
    return path


def _sides_receipt(docs, path: Path, *, ours_pays: bool, amount: Decimal, words: str, ours_first: bool) -> Path:
    """A 交易回单 with 本方 and 对方 blocks one above the other and a 收支 direction row."""
    ours = [("本方户名", OURS), ("本方账号", OURS_ACCOUNT), ("本方开户行", "宁波银行北仑支行")]
    theirs = [("对方户名", THEIRS), ("对方账号", "6217 0012 3400 5678 901"), ("对方开户行", "中国农业银行温州瓯海支行")]
    rows = (ours + theirs) if ours_first else (theirs + ours)
    items = [(200, 40, "宁波银行 交易回单", 16), (40, 80, "回单编号:NB20260418-00731", 9), (400, 80, "记账日期:2026年04月18日", 9)]
    y = 110
    for label, value in rows + [("收支方向", "支出" if ours_pays else "收入"), ("交易金额", f"{amount:,.2f}"),
                                ("金额大写", words), ("银行流水号", "A7731904182211"), ("附言", "四月货款")]:
        items += [(40, y, label, 9), (140, y, value, 9)]
        y += 20
    return _draw(docs, path, items)


@pytest.mark.parametrize("ours_first", [True, False])
def test_sides_receipt_where_we_are_the_payee(docs, tmp_path: Path, our_companies, ours_first: bool) -> None:
    our_companies(OURS, accounts=(OURS_ACCOUNT,))
    pdf = _sides_receipt(docs, tmp_path / "r.pdf", ours_pays=False, amount=Decimal("38450.20"),
                         words="人民币叁万捌仟肆佰伍拾元贰角", ours_first=ours_first)
    result = extract_document(pdf)
    rec = result.record
    assert result.kind == "receipt"
    assert (rec.payer_name, rec.payee_name) == (THEIRS, OURS)
    assert rec.payee_account == OURS_ACCOUNT.replace(" ", "") and rec.payer_bank == "中国农业银行温州瓯海支行"
    assert rec.amount == Decimal("38450.20") and result.confidence["amount"] >= 0.99  # 大写 agrees
    assert str(rec.value_date) == "2026-04-18" and rec.transaction_id == "A7731904182211"
    assert result.confidence["payee_name"] >= 0.99  # identity confirmed our side
    assert not any("swapped" in w for w in result.warnings)


def test_sides_receipt_where_we_pay(docs, tmp_path: Path, our_companies) -> None:
    our_companies(OURS, accounts=(OURS_ACCOUNT,))
    pdf = _sides_receipt(docs, tmp_path / "r.pdf", ours_pays=True, amount=Decimal("1200"), words="人民币壹仟贰佰元整",
                         ours_first=True)
    rec = extract_document(pdf).record
    assert (rec.payer_name, rec.payee_name) == (OURS, THEIRS)
    assert rec.payer_account == OURS_ACCOUNT.replace(" ", "")


def test_sides_receipt_without_master_or_direction_is_left_for_review(docs, tmp_path: Path, our_companies) -> None:
    items = [(200, 40, "交易回单", 16), (40, 110, "本方户名", 9), (140, 110, OURS, 9), (40, 130, "对方户名", 9),
             (140, 130, THEIRS, 9), (40, 150, "交易金额", 9), (140, 150, "500.00", 9), (40, 170, "交易日期", 9),
             (140, 170, "2026-04-18", 9), (40, 190, "流水号", 9), (140, 190, "Z99120", 9)]
    result = extract_document(_draw(docs, tmp_path / "r.pdf", items), "receipt")
    assert result.confidence["payer_name"] < 0.9 and result.confidence["payee_name"] < 0.9
    assert any("without a direction" in w for w in result.warnings)


def _credit_advice(docs, path: Path, memo: str) -> Path:
    """An SG bank's credit advice: letterhead, address block, two columns of label/value pairs."""
    items = [(40, 40, "United Overseas Bank Limited", 14), (40, 58, "80 Raffles Place, Singapore 048624", 8),
             (230, 95, "CREDIT ADVICE", 14), (40, 130, "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd.", 9),
             (400, 130, "Advice Date: 22/05/2026", 9)]
    rows = [("By Order Of", "KOWLOON PRECISION TRADING LTD"), ("Ordering Bank", "HANG SENG BANK LIMITED"),
            ("Beneficiary", "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd."), ("Account Credited", "451-302-118-7"),
            ("Value Date", "21 May 2026"), ("Remittance Amount", "USD 18,240.00"), ("Bank Reference", "UOB2605210448"),
            ("Your Reference", "PO 8812"), ("Details of Payment", memo)]
    y = 170
    for label, value in rows:
        items += [(40, y, label, 9), (170, y, ":", 9), (180, y, value, 9)]
        y += 18
    items.append((40, y + 30, "This advice is computer generated and requires no signature.", 8))
    return _draw(docs, path, items)


def test_english_credit_advice(docs, tmp_path: Path, our_companies) -> None:
    our_companies(OURS, name_en="Ningbo Beilun Ruifeng M&E Equipment Co., Ltd.", accounts=("4513021187",))
    result = extract_document(_credit_advice(docs, tmp_path / "a.pdf", "SETTLEMENT OF ORDER 8812"))
    rec = result.record
    assert result.kind == "receipt"
    assert rec.payer_name == "KOWLOON PRECISION TRADING LTD" and rec.payer_bank == "HANG SENG BANK LIMITED"
    assert rec.payee_name == "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd." and rec.payee_account == "4513021187"
    assert (rec.amount, rec.currency, str(rec.value_date)) == (Decimal("18240.00"), "USD", "2026-05-21")
    assert rec.transaction_id == "UOB2605210448" and rec.memo == "SETTLEMENT OF ORDER 8812"
    assert rec.bank == "United Overseas Bank Limited"


def test_advice_whose_memo_names_an_invoice_is_a_receipt(docs, tmp_path: Path) -> None:
    pdf = _credit_advice(docs, tmp_path / "a.pdf", "PAYMENT OF INVOICE NO. INV-2026-0419 AND INVOICE 0420")
    words, _ = words_of(pdf)
    assert classify(words) == "receipt"
    assert extract_document(pdf).record.memo.startswith("PAYMENT OF INVOICE NO. INV-2026-0419")


def _grid_receipt(docs, path: Path, digits: str, words: str) -> Path:
    """A 进账单 (收账通知): parties side by side, the amount in 大写 and in a digit grid only."""
    pdf = docs.Pdf(path, (595.0, 340.0))
    for x, y, text, size in [(180, 20, "中国民生银行 进账单（收账通知）", 15), (250, 45, "2026年06月02日", 9),
                             (30, 75, "出票人", 9), (80, 75, "全称", 9), (115, 75, THEIRS, 8),
                             (30, 95, "", 9), (80, 95, "账号", 9), (115, 95, "6226 0901 2222 3333", 8),
                             (80, 115, "开户银行", 9), (125, 115, "中国民生银行温州分行", 8),
                             (310, 75, "收款人", 9), (360, 75, "全称", 9), (395, 75, OURS, 8),
                             (360, 95, "账号", 9), (395, 95, OURS_ACCOUNT, 8),
                             (360, 115, "开户银行", 9), (405, 115, "宁波银行北仑支行", 8),
                             (30, 150, "金额", 9), (80, 150, words, 9)]:
        pdf.text(x, y, text, size)
    units = "亿千百十万千百十元角分"
    x0, cell = 400.0, 16.0
    for i, unit in enumerate(units):
        pdf.text(x0 + i * cell + 4, 138, unit, 8)
        pdf.rect(x0 + i * cell, 135, cell, 32)
    start = len(units) - len(digits)
    for i, ch in enumerate(("¥" if start else "") + digits):
        pdf.text(x0 + (start - (1 if start else 0) + i) * cell + 4, 153, ch, 10)
    for x, y, text in [(30, 185, "用途"), (80, 185, "六月货款"), (30, 205, "交易流水号"), (110, 205, "MS2606020077")]:
        pdf.text(x, y, text, 9)
    pdf.text(30, 240, "此联是收款人开户银行交给收款人的收账通知", 8)
    pdf.save()
    return path


def test_amount_only_in_words_and_digit_grid(docs, tmp_path: Path, our_companies) -> None:
    our_companies(OURS, accounts=(OURS_ACCOUNT,))
    pdf = _grid_receipt(docs, tmp_path / "g.pdf", "7605030", "人民币柒万陆仟零伍拾元叁角整")
    words, _ = words_of(pdf)
    assert classify(words) == "receipt"
    result = extract_document(pdf)
    rec = result.record
    assert rec.amount == Decimal("76050.30") and result.confidence["amount"] >= 0.99  # grid = 大写
    assert (rec.payer_name, rec.payee_name) == (THEIRS, OURS) and rec.currency == "CNY"
    assert str(rec.value_date) == "2026-06-02" and rec.transaction_id == "MS2606020077"
    assert any("digit grid" in w for w in result.warnings)


def test_digit_grid_that_disagrees_with_the_words_is_doubted(docs, tmp_path: Path) -> None:
    pdf = _grid_receipt(docs, tmp_path / "g.pdf", "7605080", "人民币柒万陆仟零伍拾元叁角整")
    result = extract_document(pdf, "receipt")
    assert result.confidence["amount"] < 0.9
    assert any("disagrees" in w for w in result.warnings)


def test_invoice_titled_only_invoice(docs, tmp_path: Path) -> None:
    items = [(40, 40, "Kestrel Interiors Pte Ltd", 13), (40, 58, "5 Jalan Kilang, Singapore 159405", 8),
             (260, 100, "INVOICE", 16), (40, 140, "Bill To:", 9), (100, 140, "Ningbo Beilun Ruifeng M&E Equipment", 9),
             (380, 140, "Invoice No: KI-7741", 9), (380, 158, "Invoice Date: 12/05/2026", 9),
             (40, 200, "Description", 9), (450, 200, "Amount", 9), (40, 218, "Showroom fit-out design, phase 2", 9),
             (450, 218, "4,800.00", 9), (380, 260, "Total", 9), (450, 260, "S$4,800.00", 9)]
    pdf = _draw(docs, tmp_path / "i.pdf", items)
    words, _ = words_of(pdf)
    assert classify(words) == "invoice"
    inv = extract_document(pdf).record
    assert inv.number == "KI-7741" and inv.total == Decimal("4800.00")


def _grid_invoice(docs, path: Path, buyer: tuple[str, str], seller: tuple[str, str], *, ours_left: bool) -> Path:
    """A VAT e-invoice whose party grid prints 名称/纳税人识别号 twice side by side with no 购买方/销售方
    headings: only the reading order (left first) proposes who is the buyer."""
    left, right = (seller, buyer) if ours_left else (buyer, seller)
    items = [(200, 30, "电子发票（普通发票）", 15), (400, 60, "发票号码:26332000000187654321", 9),
             (400, 76, "开票日期:2026年05月08日", 9)]
    for x, (name, tax_id) in ((40, left), (310, right)):
        items += [(x, 110, "名称:", 9), (x + 30, 110, name, 9), (x, 128, "统一社会信用代码/纳税人识别号:", 8),
                  (x, 142, tax_id, 9)]
    items += [(40, 180, "项目名称", 9), (250, 180, "数量", 9), (300, 180, "单价", 9), (370, 180, "金额", 9),
              (420, 180, "税率", 9), (480, 180, "税额", 9),
              (40, 198, "*五金制品*不锈钢法兰", 9), (250, 198, "100", 9), (300, 198, "88.00", 9),
              (370, 198, "8800.00", 9), (420, 198, "13%", 9), (480, 198, "1144.00", 9),
              (40, 216, "合计", 9), (370, 216, "¥8800.00", 9), (480, 216, "¥1144.00", 9),
              (40, 240, "价税合计(大写)", 9), (130, 240, "玖仟玖佰肆拾肆圆整", 9), (370, 240, "(小写)¥9944.00", 9)]
    return _draw(docs, path, items)


def test_grid_invoice_geometry_proposes_the_wrong_side_identity_fixes_it(docs, tmp_path: Path, our_companies) -> None:
    rng = random.Random(14)
    ours, theirs = (OURS, _uscc(rng)), (THEIRS, _uscc(rng))
    our_companies(OURS, tax_ids=(ours[1],))
    result = extract_document(_grid_invoice(docs, tmp_path / "v.pdf", buyer=theirs, seller=ours, ours_left=True))
    inv = result.record
    assert result.kind == "invoice"
    assert (inv.seller_name, inv.seller_tax_id) == ours and (inv.buyer_name, inv.buyer_tax_id) == theirs
    assert any("buyer and seller swapped by our-companies master" in w for w in result.warnings)
    assert result.confidence["seller_tax_id"] >= 0.99 and inv.total == Decimal("9944.00")


def test_grid_invoice_without_master_is_left_for_review(docs, tmp_path: Path, our_companies) -> None:
    rng = random.Random(15)
    buyer, seller = (THEIRS, _uscc(rng)), (OURS, _uscc(rng))
    result = extract_document(_grid_invoice(docs, tmp_path / "v.pdf", buyer=buyer, seller=seller, ours_left=False))
    for name in ("buyer_name", "seller_name", "buyer_tax_id", "seller_tax_id"):
        assert result.confidence[name] < 0.9, name  # reading order alone never decides at high confidence
    assert any("reading order only" in w for w in result.warnings)


def test_our_tax_id_is_never_the_buyers(docs, tmp_path: Path, our_companies) -> None:
    rng = random.Random(16)
    ours, theirs = (OURS, _uscc(rng)), (THEIRS, _uscc(rng))
    our_companies(OURS, tax_ids=(ours[1],))
    # geometry right for the names, but the tax ids printed the other way round (left block shows ours)
    pdf = _grid_invoice(docs, tmp_path / "v.pdf", buyer=(THEIRS, ours[1]), seller=(OURS, theirs[1]), ours_left=False)
    inv = extract_document(pdf).record
    assert inv.buyer_tax_id != ours[1] and inv.seller_tax_id == ours[1]


@pytest.mark.parametrize(("text", "scheme", "valid"), [
    ("91320594MA1MXQ7K8" + uscc_check_char("91320594MA1MXQ7K8"), "CN_USCC", True),
    ("DE 811 569 869", "EU_VAT", True), ("NL004495445B01", "EU_VAT", True), ("GSTIN: 27AAPFU0939F1ZV", "IN_GSTIN", True),
    ("ABN 51 824 753 556", "AU_ABN", True), ("BN 812345678RT0001", "CA_BN", None),
    ("RUT 76.086.428-5", "CL_RUT", True), ("EIN 12-3456789", "US_EIN", None), ("T1234567890123", "JP_INVOICE", None),
    ("ACME-NO-TAX-7", None, None)])
def test_tax_id_shapes(text: str, scheme: str | None, valid: bool | None) -> None:
    checked = check_tax_id(text)
    assert (checked.scheme, checked.valid) == (scheme, valid)


@pytest.mark.parametrize("text", ["91320594MA1MXQ7K80", "DE811569868", "27AAPFU0939F1ZA", "N/A"])
def test_tax_ids_failing_their_check(text: str) -> None:
    with pytest.raises(ValueError):
        check_tax_id(text)


def test_identity_names_us_but_confirms_only_what_is_printed_exactly() -> None:
    from extractors.documents.roles import Identity
    from hub.settings import OurCompany

    who = Identity([OurCompany(name=OURS, name_en="Ningbo Beilun Ruifeng M&E Equipment Co., Ltd.",
                               accounts=("33104199601050002468",))])
    misread = "Ningbo Beilun Ruifeng M&E Equipment Co.,L'td."  # an OCR reading of our English name
    assert who.matches("name", misread) and not who.exact("name", misread)
    assert who.spelled(misread) == "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd." and who.spelled(OURS) is None
    assert who.exact("name", "Ningbo Beilun Ruifeng M&E  Equipment Co., Ltd.")
    assert who.matches("account", "3310****2468") and not who.matches("account", "3310****2469")
    assert not who.matches("name", THEIRS)


def _supplier_invoice(docs, path: Path, *, total_line: str = "TOTAL EUR 2,640.00") -> Path:
    """A German supplier's English invoice to us: its letterhead and VAT id on top, our company under
    ``Bill To``, an item table, the total and the amount in words."""
    items = [(40, 40, "Kraemer Antriebstechnik GmbH", 14), (40, 58, "Industriestr. 12, 73037 Goeppingen, Germany", 8),
             (40, 70, "VAT ID: DE 811 569 869", 8), (250, 100, "INVOICE", 16),
             (40, 140, "Bill To:", 9), (100, 140, "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd.", 9),
             (380, 140, "Invoice No.: KA-2026-0418", 9), (380, 156, "Date: 2026-04-18", 9),
             (40, 200, "No.", 9), (70, 200, "Description", 9), (330, 200, "Qty", 9), (380, 200, "Unit Price", 9),
             (470, 200, "Amount", 9),
             (40, 218, "1", 9), (70, 218, "Servo gear unit SG-40", 9), (330, 218, "12", 9), (380, 218, "220.00", 9),
             (470, 218, "2,640.00", 9),
             (40, 250, total_line, 9), (40, 268, "SAY EUROS TWO THOUSAND SIX HUNDRED AND FORTY ONLY", 9),
             (40, 284, "Payment terms: T/T 30 days after invoice date", 9), (40, 300, "Due date: 2026-05-18", 9),
             (40, 316, "Beneficiary bank:", 9), (70, 332, "DEUTSCHE BANK AG STUTTGART", 9), (330, 332, "SWIFT: DEUTDESS", 9),
             (380, 348, "A/C No.: 0532013000", 9)]
    return _draw(docs, path, items)


def test_supplier_invoice_to_us_keeps_its_parties_when_our_company_is_under_its_buyer_label(
        docs, tmp_path: Path, our_companies) -> None:
    """Identity never swaps what the labels say: our company printed under Bill To is a purchase invoice."""
    our_companies("宁波北仑瑞丰机电设备有限公司", name_en="Ningbo Beilun Ruifeng M&E Equipment Co., Ltd.")
    result = extract_document(_supplier_invoice(docs, tmp_path / "p.pdf"), kind="invoice")
    inv = result.record
    assert inv.seller_name == "Kraemer Antriebstechnik GmbH"
    assert inv.buyer_name == "Ningbo Beilun Ruifeng M&E Equipment Co., Ltd."
    assert not any("swapped" in w for w in result.warnings)
    assert any("purchase invoice" in w for w in result.warnings)

