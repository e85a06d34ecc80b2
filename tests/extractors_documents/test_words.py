"""The positioned-word model and the PDF text layer: lines, image-only pages, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pdfwords import is_image_only, read_pdf
from extractors.words import Word, group_lines, normalize_text
from hub.errors import InputError


def test_group_lines_keeps_rows_apart_and_orders_words() -> None:
    words = [Word("金额", 200, 10, 230, 20), Word("名称", 10, 11, 40, 21), Word("¥100.00", 200, 30, 250, 40),
             Word("螺栓", 10, 29, 40, 39), Word("二页", 10, 5, 40, 15, page=2)]
    lines = group_lines(words)
    assert [ln.text for ln in lines] == ["名称 金额", "螺栓 ¥100.00", "二页"]
    assert [ln.page for ln in lines] == [1, 1, 2]


def test_normalize_text_folds_full_width() -> None:
    assert normalize_text("￥１２３．５０　元") == "¥123.50 元"
    assert normalize_text("（小写）") == "(小写)"


@pytest.mark.parametrize(("layer", "meant"), [
    ("开票⽇期：2025年11⽉04⽇", "开票日期:2025年11月04日"),  # Kangxi radicals: NFKC folds them
    ("价税合计（⼤写）", "价税合计(大写)"),
    ("⼈⺠币", "人民币"),  # ⺠ U+2EA0 has no NFKC mapping
    ("收款⼈账⼾", "收款人账户"),  # ⼾ U+2F3E: NFKC alone would give the traditional 戶
    ("⻓江⻔业", "长江门业"),
])
def test_radicals_of_pdf_fonts_read_as_the_characters_meant(layer: str, meant: str) -> None:
    """Text layers of real 数电发票 and bank receipts carry radical code points for common characters."""
    assert normalize_text(layer) == meant


def test_receipt_whose_text_layer_has_radicals(docs, tmp_path: Path) -> None:
    from extractors.documents import read_words

    rc = docs.make_receipt(4)
    pdf = docs.render_receipt(rc, tmp_path / "r.pdf")
    to_radicals = str.maketrans({"户": "⼾", "民": "⺠", "人": "⼈", "日": "⽇", "长": "⻓", "门": "⻔"})
    # the words as such a font's text layer gives them, through the same normalisation as read_pdf
    words = [Word(normalize_text(w.text.translate(to_radicals)), w.x0, w.y0, w.x1, w.y1, w.confidence, w.page)
             for p in read_pdf(pdf) for w in p.words]
    rec = read_words(words, "auto", source="r.pdf").record
    assert (rec.payer_name, rec.payee_name, rec.amount, str(rec.value_date)) == (
        rc["payer_name"], rc["payee_name"], rc["amount"], rc["value_date"])


def test_pdf_words_have_positions_in_reading_order(docs, tmp_path: Path) -> None:
    inv = docs.make_invoice(3)
    pdf = docs.render_vat_e_invoice(inv, tmp_path / "e.pdf")
    pages = read_pdf(pdf)
    assert len(pages) == 1 and not pages[0].image_only
    texts = [w.text for w in pages[0].words]
    assert any(inv["number"] in t for t in texts)
    number = next(w for w in pages[0].words if inv["number"] in w.text)
    title = next(w for w in pages[0].words if "电子发票" in w.text)
    assert title.y0 < number.y1 and number.x0 > title.x0  # number top right, beside the title
    assert 0 < number.x0 < number.x1 <= pages[0].width


def test_image_only_pdf_is_detected(docs, tmp_path: Path) -> None:
    inv = docs.make_invoice(4)
    pdf = docs.render_vat_e_invoice(inv, tmp_path / "e.pdf")
    scan = docs.scan(pdf, tmp_path / "scan.png", dpi=100)
    scanned_pdf = docs.image_pdf(scan, tmp_path / "scan.pdf")
    assert is_image_only(scanned_pdf)
    assert not is_image_only(pdf)
    page = read_pdf(scanned_pdf)[0]
    assert page.image_only and page.words == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "not a readable PDF"),
     (b"PK\x03\x04 this is a zip", "not a readable PDF")],
)
def test_unreadable_pdfs_raise_input_error_naming_the_file(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_pdf(bad)
    assert "bad.pdf" in str(err.value) and reason in str(err.value)


def test_password_protected_pdf(docs, tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(100, 700, "Invoice No. 1")
    c.save()
    with pytest.raises(InputError, match="password"):
        read_pdf(path)
