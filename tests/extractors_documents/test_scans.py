"""Scanned documents through the real OCR (rapidocr, PP-OCR on ONNX Runtime): upright, skewed, turned
by 90 degrees and upside down; image-only PDFs; the process pool."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.documents import extract_documents, read_words
from extractors.ocr import load_image, ocr_pages

KEY = ["number", "issue_date", "buyer_name", "seller_name", "buyer_tax_id", "seller_tax_id", "total"]


def _check_invoice(inv: dict, result) -> None:
    rec = result.record
    wrong = {k: (inv[k], getattr(rec, k)) for k in KEY if str(getattr(rec, k)) != str(inv[k])}
    assert not wrong, wrong
    assert rec.net == inv["net"] and rec.tax == inv["tax"]
    assert [ln.amount for ln in rec.lines] == [ln["amount"] for ln in inv["lines"]]
    assert result.ocr


@pytest.mark.parametrize("rotate", [0, 180, 90, -1.5])
def test_scanned_e_invoice_any_orientation(docs, ocr_engine, tmp_path: Path, rotate: float, our_companies) -> None:
    inv = docs.make_invoice(7, n_lines=2)
    our_companies(inv["seller_name"], tax_ids=(inv["seller_tax_id"],))  # a sales invoice: we are the seller
    pdf = docs.render_vat_e_invoice(inv, tmp_path / "e.pdf")
    img = docs.scan(pdf, tmp_path / "scan.jpg", rotate=rotate, seed=int(abs(rotate) * 10))
    page = ocr_engine.read(load_image(img))
    expected_rotation = {0: 0, 180: 180, 90: 90, -1.5: 0}[rotate]
    assert page.rotation == expected_rotation
    if rotate == -1.5:
        assert abs(page.skew + 1.5) < 0.6
    result = read_words(page.words, "auto", source=str(img), ocr=True)
    _check_invoice(inv, result)
    # OCR values a cross-check confirmed are trusted; the others are left for a person to look at
    assert result.confidence["total"] >= 0.99 and result.confidence["seller_tax_id"] >= 0.99
    assert result.confidence["buyer_name"] <= 0.85 and result.confidence["issue_date"] <= 0.85
    assert "buyer_name" in result.needs_review() and "total" not in result.needs_review()


def test_scanned_receipt(docs, ocr_engine, tmp_path: Path) -> None:
    rc = docs.make_receipt(12)
    pdf = docs.render_receipt(rc, tmp_path / "r.pdf")
    img = docs.scan(pdf, tmp_path / "r.png", rotate=0.8)
    result = read_words(ocr_engine.read(load_image(img)).words, "auto", source=str(img), ocr=True)
    rec = result.record
    assert result.kind == "receipt"
    assert (rec.amount, rec.payer_name, str(rec.value_date), rec.transaction_id) == (
        rc["amount"], rc["payer_name"], rc["value_date"], rc["transaction_id"])
    assert rec.payer_account == rc["payer_account"].replace(" ", "")
    assert result.confidence["amount"] >= 0.99  # figure and 大写 agree


def test_image_only_pdfs_go_through_the_pool(docs, tmp_path: Path) -> None:
    """Two scanned-to-PDF documents (no text layer) read by two worker processes."""
    inv = docs.make_invoice(8, n_lines=1)
    pl = docs.make_packing_list(8, n_lines=2)
    a = docs.image_pdf(docs.scan(docs.render_vat_e_invoice(inv, tmp_path / "a.pdf"), tmp_path / "a.png"),
                       tmp_path / "a-scan.pdf")
    b = docs.image_pdf(docs.scan(docs.render_packing_list(pl, tmp_path / "b.pdf"), tmp_path / "b.png"),
                       tmp_path / "b-scan.pdf")
    seen: list[tuple[int, int]] = []
    results = extract_documents([a, b], workers=2, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)
    first, second = results
    assert first.ocr and first.kind == "invoice"
    _check_invoice(inv, first)
    assert second.kind == "packing_list"
    assert second.record.number == pl["number"]
    assert second.record.total_gross_weight_kg == pl["total_gross_weight_kg"]


def test_pool_reports_a_bad_page_without_stopping(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    from PIL import Image

    good = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(good)
    pages = ocr_pages([str(bad), str(good)], workers=1, return_exceptions=True)
    assert isinstance(pages[0], Exception) and "bad.png" in str(pages[0])
    assert pages[1].words == []


def test_pool_returns_pages_in_the_order_given(docs, tmp_path: Path) -> None:
    """The pool starts the largest pages first; results still come back in the caller's order."""
    from PIL import Image

    rc = docs.make_receipt(3)
    small = docs.scan(docs.render_receipt(rc, tmp_path / "r.pdf"), tmp_path / "r.png")
    inv = docs.make_invoice(9, n_lines=2)
    big = docs.scan(docs.render_vat_e_invoice(inv, tmp_path / "e.pdf"), tmp_path / "e.jpg")
    with Image.open(small) as a, Image.open(big) as b:
        assert a.width * a.height < b.width * b.height
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8 truncated")
    pages = ocr_pages([str(small), str(bad), str(big)], workers=2, return_exceptions=True)
    text = ["".join(w.text for w in p.words) if not isinstance(p, Exception) else p for p in pages]
    assert rc["transaction_id"] in text[0] and inv["number"] not in text[0]
    assert isinstance(pages[1], Exception) and "bad.jpg" in str(pages[1])
    assert inv["number"] in text[2] and rc["transaction_id"] not in text[2]


def test_decompression_bomb_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    from hub.errors import InputError

    bomb = tmp_path / "bomb.png"
    Image.new("1", (12000, 12000)).save(bomb)
    with pytest.raises(InputError, match="too large"):
        load_image(bomb)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_scanned_invoices_many(docs, ocr_engine, tmp_path: Path, seed: int) -> None:
    kind = ["cn_vat_e", "cn_vat_special", "cn_vat_e"][seed % 3]
    inv = docs.make_invoice(100 + seed, n_lines=1 + seed % 4, kind=kind)
    render = docs.render_vat_e_invoice if kind == "cn_vat_e" else docs.render_old_vat_invoice
    pdf = render(inv, tmp_path / "i.pdf")
    img = docs.scan(pdf, tmp_path / "i.jpg", rotate=[0, 1.2, 180, 270, -0.7, 90][seed], seed=seed, noise=18)
    result = read_words(ocr_engine.read(load_image(img)).words, "invoice", source=str(img), ocr=True)
    _check_invoice(inv, result)
    assert result.record.total == Decimal(str(inv["total"]))
