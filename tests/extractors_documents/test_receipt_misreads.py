"""Receipt misreadings of issue 14's unseen receipt families (bench/RESULTS.md, branch ``receipts``), each
on a receipt drawn here (reportlab, points from the page top) as the scan or the e-receipt prints it:

- a word with no digit after a receipt-number label is never a receipt number: a footer's
  ``advice. No signature is required.`` (``Advice No`` with a full stop for the blank) and a bilingual label's
  English half misread (``回单编号 Receipi No.:2026...``: the number after the colon, not ``RECEIPI``);
- a seal's text overlapping the memo's line (``浦发银`` of the bank's round seal, far taller than the text)
  is not part of the memo;
- a currency printed without its label (a scan lost ``币种``): the one currency word on the page, doubted;
- a digit grid whose header OCR misread (``亿千百+万千十元角分``: 百 lost, 十 read as ``+``): the digits are
  placed by their distance from 元, so none is dropped;
- a 进账单 date printed compact under the title (``20260325``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors.documents import extract_document

OURS = "苏州恒锐精密五金制品有限公司"
THEIRS = "SHENZHEN HUARUI JIDIAN SHEBEI MAOYI YOUXIAN GONGSI"


def _draw(docs, path: Path, items: list[tuple[float, float, str, float]], size=(595.0, 842.0)) -> Path:
    pdf = docs.Pdf(path, size)
    for x, y, text, font_size in items:
        pdf.text(x, y, text, font_size)
    pdf.save()
    return path


def _advice(docs, path: Path, footer: str) -> Path:
    """A Hong Kong bank's credit confirmation: label : value rows, a footer sentence."""
    items = [(40, 40, "OCBC Bank", 14), (40, 58, "83 Des Voeux Road Central, Hong Kong", 8),
             (220, 90, "CREDIT CONFIRMATION", 14), (40, 120, f"To: {OURS}", 9), (400, 120, "Date: 11-MAR-2026", 9)]
    rows = [("Remitter Name", THEIRS), ("Remitting Bank", "交通银行东莞分行"), ("Beneficiary", OURS),
            ("Beneficiary Account No", "1102020109000123456"), ("Value Date", "08-MAR-2026"), ("Currency", "CNY"),
            ("Remittance Amount", "4,363.11"), ("Transaction Reference", "202603080002262909"),
            ("Remittance Information", "发票号:26322000000001376941")]
    y = 150
    for label, value in rows:
        items += [(40, y, label, 9), (190, y, ":", 9), (200, y, value, 9)]
        y += 18
    items.append((40, y + 20, footer, 8))
    return _draw(docs, path, items)


def test_a_footer_sentence_is_no_receipt_number(docs, tmp_path: Path) -> None:
    """``computer generated advice. No signature`` holds ``advice. No``: a full stop and a blank, not a scan's
    dot for the blank of ``Advice No``; and ``SIGNATURE`` has no digit. The receipt has no receipt number."""
    pdf = _advice(docs, tmp_path / "a.pdf", "This is a computer generated advice. No signature is required.")
    result = extract_document(pdf)
    rec = result.record
    assert result.kind == "receipt"
    assert rec.receipt_no is None
    assert rec.transaction_id == "202603080002262909" and result.confidence["transaction_id"] >= 0.9
    assert (rec.amount, rec.currency) == (Decimal("4363.11"), "CNY")


def test_a_dot_for_a_blank_still_reads_the_label(docs, tmp_path: Path) -> None:
    """A scan's ``Advice.No`` (the dot touching the next word) is the label, and its number is read."""
    pdf = _advice(docs, tmp_path / "a.pdf", "Advice.No: ADV26030800417")
    assert extract_document(pdf).record.receipt_no == "ADV26030800417"


def _bilingual(docs, path: Path, receipt_label: str, memo_stamp: bool = False, currency_label: str = "币种 Currency",
               extra: tuple[str, str] | None = None, in_words: bool = True) -> Path:
    """A BOC-like bilingual receipt: 中文 + English labels left, values right; the receipt number in the footer."""
    items = [(220, 40, "中国银行收款回单", 14), (170, 62, "BANK OF CHINA DOMESTIC PAYMENT RECEIPT", 10)]
    rows = [("付款人名称 Payer Name", THEIRS), ("付款账号 Payer Account", "2975990217828935"),
            ("收款人名称 Payee Name", OURS), ("收款账号 Payee Account", "1102020109000123456"),
            (currency_label, "CNY"), ("金额 Amount", "4,785.45"),
            *([("大写金额 Amount in Words", "人民币肆仟柒佰捌拾伍元肆角伍分")] if in_words else []),
            ("交易日期 Transaction Date", "13-MAR-2026"), ("业务流水号 Reference No.", "202603130002624123"),
            ("用途 Purpose", "PAYMENT PO MP-2026150537")]
    y = 100
    for label, value in rows:
        items += [(40, y, label, 9), (220, y, value, 9)]
        y += 20
    if memo_stamp:  # the round seal's bank name, in big characters, over the memo row left of its value
        items.append((100, y - 32, "浦发银", 30))
    if extra:
        items += [(40, y, extra[0], 9), (220, y, extra[1], 9)]
    items.append((36, y + 60, receipt_label, 9))
    return _draw(docs, path, items)


def test_a_bilingual_labels_misread_half_is_not_the_receipt_number(docs, tmp_path: Path) -> None:
    result = extract_document(_bilingual(docs, tmp_path / "b.pdf", "回单编号 Receipi No.:20260313002624123"))
    assert result.record.receipt_no == "20260313002624123"
    result = extract_document(_bilingual(docs, tmp_path / "c.pdf", "回单编号 RECEIPI"))
    assert result.record.receipt_no is None  # a word without a digit: left out, never a number


def test_a_seals_text_over_the_memo_line_is_not_the_memo(docs, tmp_path: Path) -> None:
    result = extract_document(_bilingual(docs, tmp_path / "s.pdf", "回单编号:20260313002624123", memo_stamp=True))
    assert result.record.memo == "PAYMENT PO MP-2026150537"


def test_a_currency_printed_without_its_label(docs, tmp_path: Path) -> None:
    result = extract_document(_bilingual(docs, tmp_path / "u.pdf", "回单编号:20260313002624123", currency_label="",
                                         in_words=False))
    assert result.record.currency == "CNY" and result.confidence["currency"] < 0.9
    assert any("without a label" in w for w in result.warnings)
    two = _bilingual(docs, tmp_path / "v.pdf", "回单编号:20260313002624123", currency_label="", extra=("", "USD"),
                     in_words=False)
    assert extract_document(two).record.currency is None  # two currencies, neither labelled: unknown


def _grid(docs, path: Path, header: str, digits: str, words: str, date: str) -> Path:
    """A 进账单 whose grid header is printed as ``header`` (one character a cell, a blank for a lost cell)."""
    pdf = docs.Pdf(path, (595.0, 340.0))
    for x, y, text, size in [(180, 20, "招商银行进账单（收账通知）", 15), (260, 45, date, 9),
                             (30, 75, "付", 9), (50, 75, "全称", 9), (90, 75, THEIRS, 7),
                             (50, 95, "帐号", 9), (90, 95, "00153014288684505", 8),
                             (310, 75, "收", 9), (330, 75, "全称", 9), (370, 75, OURS, 8),
                             (330, 95, "帐号", 9), (370, 95, "1102020109000123456", 8),
                             (30, 150, "大写金额", 9), (80, 150, words, 9)]:
        pdf.text(x, y, text, size)
    x0, cell = 400.0, 16.0
    for i, unit in enumerate(header):
        if unit != " ":
            pdf.text(x0 + i * cell + 4, 138, unit, 8)
    start = len(header) - len(digits)
    for i, ch in enumerate(digits):
        pdf.text(x0 + (start + i) * cell + 4, 153, ch, 10)
    for x, y, text in [(30, 185, "摘要"), (80, 185, "货款 订单WS20260306001"), (30, 205, "银行流水号"),
                       (110, 205, "202603250003479261")]:
        pdf.text(x, y, text, 9)
    pdf.text(30, 240, "此联是收款人开户银行交给收款人的收账通知", 8)
    pdf.save()
    return path


def test_a_grid_header_with_a_lost_and_a_misread_cell(docs, tmp_path: Path) -> None:
    """``亿千百+万千 十元角分``: 百 before 十 lost, 十 before 万 read as ``+``; the 4 under the lost cell counts."""
    pdf = _grid(docs, tmp_path / "g.pdf", "亿千百+万千 十元角分", "1742200", "人民币壹万柒仟肆佰贰拾贰元整", "2026年03月31日")
    result = extract_document(pdf, "receipt")
    assert result.record.amount == Decimal("17422.00") and result.confidence["amount"] >= 0.9  # grid = 大写


def test_a_compact_date_under_the_title(docs, tmp_path: Path) -> None:
    pdf = _grid(docs, tmp_path / "d.pdf", "亿千百十万千百十元角分", "147060", "人民币壹仟肆佰柒拾元陆角", "20260325")
    result = extract_document(pdf, "receipt")
    assert str(result.record.value_date) == "2026-03-25" and result.confidence["value_date"] < 0.9
    assert result.record.amount == Decimal("1470.60")
