"""Blanks OCR drops between a Chinese character and a Latin letter or digit (``支付无锡天成货款 WS2026...`` read
``...货款WS2026...``), put back from where the recogniser placed each character (``extractors.ocr.blanks``).
Receipts drawn here (reportlab, points from the page top), printed and scanned (``docs.scan``), read by the
real OCR (rapidocr) through ``extract_document``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.documents import extract_document
from extractors.ocr import load_image
from extractors.ocr.blanks import put_blanks

OURS = "苏州恒锐精密五金制品有限公司"


def _receipt(docs, path: Path, memo: str) -> Path:
    """A bank's 电子回单: label and value rows, the memo (用途) last."""
    pdf = docs.Pdf(path, (595.0, 420.0))
    pdf.text(200, 30, "中国建设银行电子回单", 14)
    rows = [("付款人全称", "无锡天成工贸有限公司"), ("付款人账号", "35764093254398158"), ("付款人开户行", "中信银行青岛分行"),
            ("收款人全称", OURS), ("收款人账号", "1102020109000123456"), ("币种", "人民币"), ("金额", "¥11,404.00"),
            ("交易日期", "2026-03-12"), ("交易流水号", "202603120002178223"), ("用途", memo)]
    y = 70
    for label, value in rows:
        pdf.text(40, y, label, 9)
        pdf.text(150, y, value, 9)
        y += 22
    pdf.save()
    return path


@pytest.mark.parametrize("dpi", [150, 200])
def test_a_blank_ocr_dropped_before_a_reference_is_put_back(docs, tmp_path: Path, dpi: int) -> None:
    """OCR reads this memo without its blank at 200 dpi (with it at 150 here: kept); the step from 款 to W is a
    blank wider than the two characters need."""
    memo = "支付无锡天成货款 WS20260312001"
    pdf = _receipt(docs, tmp_path / "r.pdf", memo)
    result = extract_document(docs.scan(pdf, tmp_path / "r.jpg", dpi=dpi, seed=3))
    assert result.record.memo == memo
    assert result.record.amount is not None and str(result.record.amount) == "11404.00"


@pytest.mark.parametrize("dpi", [150, 200])
def test_no_blank_is_put_where_none_is_printed_with_confidence(docs, tmp_path: Path, dpi: int) -> None:
    """``支付货款WS2026...`` has no blank: at 200 dpi none is put; at 150 dpi the recogniser's jitter makes the
    step look like a narrow blank, which is put but doubted (never a wrong value at confidence >= 0.9)."""
    memo = "支付货款WS20260312001"
    pdf = _receipt(docs, tmp_path / "n.pdf", memo)
    result = extract_document(docs.scan(pdf, tmp_path / "n.jpg", dpi=dpi, seed=3))
    assert result.record.memo == memo or result.confidence["memo"] < 0.9
    if dpi == 200:
        assert result.record.memo == memo


def test_blanks_from_the_character_positions_of_real_ocr_words(docs, ocr_engine, tmp_path: Path) -> None:
    """Each line as the page prints it; OCR drops the blank in the first two (the raw words lack it) and the
    recogniser's positions give it back; blanks OCR kept stay; a blank is missed
    at worst, or put where none is printed but doubted."""
    lines = ["支付无锡天成货款 WS20260312001", "支付昆山瑞丰货款 26327000000001078376", "订单号PO-2026-4417 加急",
             "检测距离300mm 发黑", "型号M12 4针 弯头5m"]
    pdf = docs.Pdf(tmp_path / "m.pdf", (595.0, 842.0))
    for i, text in enumerate(lines):
        pdf.text(40, 60 + 24 * i, "用途", 9)
        pdf.text(120, 60 + 24 * i, text, 9)
    pdf.save()
    page = ocr_engine.read(load_image(docs.scan(tmp_path / "m.pdf", tmp_path / "m.jpg", dpi=200, seed=3)))
    raw = [w for w in page.words if w.text != "用途"]
    assert all(w.char_x for w in raw)
    fixed = {w.text.replace(" ", ""): w for w in put_blanks(raw)}
    assert {"支付无锡天成货款WS20260312001", "支付昆山瑞丰货款26327000000001078376"} <= {w.text for w in raw}
    assert fixed["支付无锡天成货款WS20260312001"].text == lines[0]
    assert fixed["支付昆山瑞丰货款26327000000001078376"].text == lines[1]
    for line in lines[2:]:
        # a step a little wider than none (digits or letters after 号, 加 after a digit) is as often a
        # narrow blank as none: a blank put there is doubted, never sure
        got = fixed[line.replace(" ", "")]
        before = next(w for w in raw if w.text.replace(" ", "") == line.replace(" ", ""))
        assert got.text in (line, before.text) or got.confidence <= 0.85, got


def test_a_name_printed_over_the_next_cells_text_is_not_read_with_confidence(docs, tmp_path: Path) -> None:
    """A long full-width romanised payer name runs over the payee's label and name in the next cell (as the
    bench's ccb_unit/icbc_e receipts print it): its letters and theirs interleave by position, so whatever
    name comes of that text is doubted (main read it as the payer at 1.0)."""
    pdf = docs.Pdf(tmp_path / "o.pdf", (595.0, 300.0))
    pdf.text(200, 30, "中国建设银行单位客户专用回单", 12)
    pdf.text(40, 70, "付款方全称", 9)
    pdf.text(110, 70, "ＦＯＳＨＡＮ ＫＥＤＡ ＸＩＮＮＥＮＧＹＵＡＮ ＫＥＪＩ ＹＯＵＸＩＡＮ ＧＯＮＧＳＩ", 9)
    pdf.text(330, 70, "收款方全称", 9)
    pdf.text(400, 70, OURS, 9)
    for y, (label, value) in enumerate([("金额(小写)", "¥11,404.00"), ("记账日期", "2026-03-02"),
                                        ("交易流水号", "202603020002178223"), ("摘要", "货款")]):
        pdf.text(40, 100 + 22 * y, label, 9)
        pdf.text(110, 100 + 22 * y, value, 9)
    pdf.save()
    result = extract_document(tmp_path / "o.pdf")
    rec = result.record
    for field in ("payer_name", "payee_name"):
        value = getattr(rec, field)
        assert value is None or result.confidence[field] < 0.9 or value in (OURS, "FOSHAN KEDA XINNENGYUAN KEJI YOUXIAN GONGSI")
    assert str(rec.amount) == "11404.00"


def test_blanks_between_chinese_words_from_the_ink_of_real_ocr_words(docs, ocr_engine, tmp_path: Path) -> None:
    """A blank between two Chinese words (``货款 订单``) is narrower than the recogniser's jitter, and OCR drops
    it; each character's ink on the page (``Word.char_ink``) shows it: the step between the two ink centres
    and the ink gap are wider than the line's usual ones. Names and numbers printed without a blank get none
    with confidence; a line spaced out evenly (a heading) gets none at all."""
    spaced = ["货款 订单WS20260308001", "货款 发票号26322000000001078819", "尾款 订单XD2026011001",
              "支付鼎盛机电定金 00000910"]
    solid = ["苏州恒锐精密五金制品有限公司", "中国工商银行股份有限公司苏州工业园区支行", "重庆信诚自动化设备有限公司",
             "WS20260301001货款", "人民币壹万壹仟肆佰零肆元整"]
    pdf = docs.Pdf(tmp_path / "w.pdf", (595.0, 842.0))
    for i, text in enumerate(spaced + solid):
        pdf.text(40, 60 + 24 * i, "用途", 9)
        pdf.text(120, 60 + 24 * i, text, 9)
    for k, ch in enumerate("收款回单"):  # letter-spaced: one and a half ems from character to character
        pdf.text(120 + 13.5 * k, 60 + 24 * 10, ch, 9)
    pdf.save()
    page = ocr_engine.read(load_image(docs.scan(tmp_path / "w.pdf", tmp_path / "w.jpg", dpi=200, seed=3)))
    raw = {w.text.replace(" ", ""): w for w in page.words if w.text != "用途"}
    assert all(len(w.char_ink) == len(w.char_x) for w in raw.values())
    fixed = {w.text.replace(" ", ""): w for w in put_blanks(raw.values())}
    dropped = [line for line in spaced if raw[line.replace(" ", "")].text != line]
    assert len(dropped) >= 3  # OCR read these without their blank
    for line in spaced:
        assert fixed[line.replace(" ", "")].text == line
    for line in solid:
        got = fixed[line]
        assert got.text == line or got.confidence <= 0.85, got
        if "货款" not in line:  # a Chinese name or amount: no blank put at all
            assert got.text == line, got
    heading = next(w for key, w in fixed.items() if key == "收款回单")
    assert heading.text == raw["收款回单"].text
