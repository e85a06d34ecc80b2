"""Seals and stamps over text on scans: the seal-ink mask on synthetic pixels, and hand-made colour scans
with a red round seal over an amount's digits, a blue rectangular stamp over a date and a purple oval seal
over a name, read through the real OCR (rapidocr) and the seal handling."""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.documents import extract_document
from extractors.ocr.seals import find_seals, ink_mask, second_reading
from extractors.words import Word

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
PAPER = (244, 242, 236)  # RGB
INKS = {"red": (205, 38, 45), "blue": (35, 70, 190), "purple": (125, 50, 165)}


# -- the mask on synthetic pixels ----------------------------------------------------------------------

def _page_with_text() -> np.ndarray:
    """An RGB page: paper, a row of black digits, a brown template label (as VAT invoices print)."""
    img = Image.new("RGB", (900, 500), PAPER)
    d = ImageDraw.Draw(img)
    d.text((100, 200), "1234567.89", font=ImageFont.truetype(FONT, 48), fill=(10, 10, 10))
    d.text((100, 60), "价税合计", font=ImageFont.truetype(FONT, 36), fill=(140, 69, 18))
    return np.asarray(img).copy()


def _press(rgb: np.ndarray, color: tuple[int, int, int], box: tuple[int, int, int, int], alpha: float = 0.8,
           ring: bool = False) -> np.ndarray:
    """Seal ink over ``box``: a filled disk (or a thick ring), multiply-like so strokes under it stay dark."""
    h, w = rgb.shape[:2]
    m = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(m)
    if ring:
        d.ellipse(box, outline=255, width=14)
    else:
        d.ellipse(box, fill=255)
    a = (np.asarray(m, dtype=np.float32) / 255 * alpha)[..., None]
    region = rgb.astype(np.float32)
    inked = np.minimum(region, region * (1 - a) + np.array(color, np.float32) * a)
    return inked.astype(np.uint8)


def _bgr(rgb: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgb[:, :, ::-1])


@pytest.mark.parametrize("ink", sorted(INKS))
def test_seal_ink_over_black_text_keeps_the_text(ink: str) -> None:
    page = _page_with_text()
    text = page.min(axis=2) < 80  # the digits' strokes
    sealed = _press(page, INKS[ink], (60, 120, 460, 420))
    found = find_seals(_bgr(sealed))
    assert found is not None and found.boxes
    clean = found.cleaned[:, :, ::-1]
    grey = clean.astype(int).max(axis=2)
    under = np.zeros(text.shape, bool)
    under[150:390, 90:430] = True  # well inside the disk
    # the strokes under the ink are still dark, the ink on paper is paper again
    assert np.median(grey[text & under]) < 90
    assert np.percentile(grey[~text & under], 5) > 200
    # and the result is grey there: no seal colour left for OCR to see
    sat = clean[under].astype(int).max(axis=1) - clean[under].astype(int).min(axis=1)
    assert np.percentile(sat, 99) < 25


def test_black_text_brown_labels_and_grey_pages_are_not_seals() -> None:
    page = _bgr(_page_with_text())
    assert find_seals(page) is None  # black digits and a brown label: no seal ink
    mask = ink_mask(page)
    assert not mask.any()
    sealed = _bgr(_press(_page_with_text(), INKS["red"], (500, 40, 800, 340), ring=True))
    found = find_seals(sealed)
    assert found is not None
    assert not found.mask[60:110, 100:260].any()  # the brown label stays as printed
    assert find_seals(np.ascontiguousarray(sealed.min(axis=2))) is None  # a grey page has no colour to go by


def test_second_reading_swaps_the_words_inside_the_seal_bands() -> None:
    first = [Word("Total", 10, 100, 60, 120, 0.99, 1), Word("1234.5", 70, 100, 130, 120, 0.97, 1),
             Word("Date", 10, 300, 60, 320, 0.99, 1)]
    unmasked = [Word("1234.56", 70, 100, 140, 120, 0.95, 1), Word("专用章", 200, 60, 260, 80, 0.9, 1)]
    words = second_reading(first, unmasked, [(50.0, 200.0)])
    assert sorted(w.text for w in words) == ["1234.56", "Date", "专用章"]


# -- hand-made colour scans through the real OCR --------------------------------------------------------

def _seal(kind: str, color: tuple[int, int, int], size: int, texts: tuple[str, str, str]) -> Image.Image:
    """An RGBA seal: ``round`` (ring, star, name along the arc), ``oval`` or ``rect`` (double frame, lines)."""
    ring, middle, bottom = texts
    ink = color + (235,)
    if kind == "rect":
        w, h = int(size * 1.5), int(size * 0.62)
        img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(img)
        d.rectangle((3, 3, w - 4, h - 4), outline=ink, width=6)
        d.rectangle((12, 12, w - 13, h - 13), outline=ink, width=2)
        for i, t in enumerate((ring, middle, bottom)):
            d.text((w / 2, h * (i + 0.5) / 3), t, font=ImageFont.truetype(FONT, int(h / 5)), fill=ink, anchor="mm")
        return img
    w, h = (int(size * 1.4), size) if kind == "oval" else (size, size)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((4, 4, w - 5, h - 5), outline=ink, width=max(4, size // 40))
    cx, cy = w / 2, h / 2
    star = [(cx + (0.2 if k % 2 == 0 else 0.08) * h * math.cos(-math.pi / 2 + k * math.pi / 5),
             cy + (0.2 if k % 2 == 0 else 0.08) * h * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    d.polygon(star, fill=ink)
    f = ImageFont.truetype(FONT, int(h * 0.11))
    n = len(ring)
    for i, ch in enumerate(ring):
        ang = math.radians(-120 + 240 * (i + 0.5) / n - 90)
        g = Image.new("RGBA", (int(h * 0.2),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(g).text((h * 0.1, h * 0.1), ch, font=f, fill=ink, anchor="mm")
        g = g.rotate(-math.degrees(ang) - 90, resample=Image.Resampling.BICUBIC)
        img.alpha_composite(g, (int(cx + 0.36 * w * math.cos(ang) - h * 0.1), int(cy + 0.36 * h * math.sin(ang) - h * 0.1)))
    d.text((cx, cy + h * 0.3), bottom, font=ImageFont.truetype(FONT, int(h * 0.09)), fill=ink, anchor="mm")
    return img


def _sealed_scan(pdf: Path, out: Path, needle: str, kind: str, ink: str, texts: tuple[str, str, str],
                 dx: float = 0.0, dpi: int = 200, seed: int = 3) -> Path:
    """Print ``pdf``'s first page in colour, press a seal centred on the printed ``needle`` (shifted by ``dx``
    of its width), scan: a slight turn, grain, blur, JPEG."""
    import pdfplumber
    from PIL import ImageFilter

    from extractors.pdfwords import render_pages

    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        hits = page.search(needle)
        assert hits, f"{needle!r} not printed"
        hit = hits[0]
    scale = dpi / 72
    cx, cy = (hit["x0"] + hit["x1"]) / 2 * scale, (hit["top"] + hit["bottom"]) / 2 * scale
    img = render_pages(pdf, [1], dpi=dpi)[0].convert("RGB")
    paper = Image.new("RGB", img.size, PAPER)
    img = Image.fromarray((np.asarray(img, np.float32) * np.asarray(paper, np.float32) / 255).astype(np.uint8))
    seal = _seal(kind, INKS[ink], int(dpi * 1.5), texts).rotate(12, resample=Image.Resampling.BICUBIC, expand=True)
    rng = np.random.default_rng(seed)
    alpha = np.asarray(seal, np.float32)[..., 3:] / 255 * rng.uniform(0.55, 1.0, (seal.size[1], seal.size[0], 1))
    x, y = int(cx + dx * seal.size[0] - seal.size[0] / 2), int(cy - seal.size[1] / 2)
    arr = np.asarray(img, np.float32).copy()
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(arr.shape[1], x + seal.size[0]), min(arr.shape[0], y + seal.size[1])
    a = alpha[y0 - y:y1 - y, x0 - x:x1 - x]
    region = arr[y0:y1, x0:x1]
    arr[y0:y1, x0:x1] = np.minimum(region, region * (1 - a) + np.array(INKS[ink], np.float32) * a)
    arr += rng.normal(0, 6, arr.shape[:2])[..., None]
    out_img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).rotate(0.7, expand=True, fillcolor=PAPER,
                                                                           resample=Image.Resampling.BICUBIC)
    out_img.filter(ImageFilter.GaussianBlur(0.5)).save(out, quality=82)
    return out


def _never_wrong_when_sure(result, expected: dict) -> list[str]:
    """Fields read wrong with confidence >= 0.9 (a wrong value left for review is not counted)."""
    payload = result.record.model_dump(mode="json")
    bad = []
    for key, value in expected.items():
        got = payload.get(key)
        if got is not None and str(got) != str(value) and result.confidence.get(key, 0) >= 0.9:
            bad.append(f"{key}: {got!r} (expected {value!r}, confidence {result.confidence[key]:.2f})")
    return bad


def test_red_round_seal_over_an_amounts_digits(docs, tmp_path: Path) -> None:
    rc = docs.make_receipt(31)
    pdf = docs.render_receipt(rc, tmp_path / "r.pdf")
    img = _sealed_scan(pdf, tmp_path / "r.jpg", f"¥{docs.money(rc['amount'])}", "round", "red",
                       (rc["payee_name"], "", "业务专用章"), dx=0.1)
    result = extract_document(img)
    rec = result.record
    assert result.kind == "receipt"
    assert rec.amount == rc["amount"]  # no digit lost under the seal
    assert result.confidence["amount"] >= 0.99  # and 大写 = figure confirmed it
    assert str(rec.value_date) == rc["value_date"] and rec.transaction_id == rc["transaction_id"]
    assert rec.payer_name == rc["payer_name"]
    expected = {k: rc[k] for k in ("payer_name", "payee_name", "transaction_id", "value_date", "receipt_no")}
    assert _never_wrong_when_sure(result, expected | {"amount": str(rc["amount"])}) == []


def test_blue_rectangular_stamp_with_its_own_date_over_the_issue_date(docs, tmp_path: Path) -> None:
    inv = docs.make_invoice(32, n_lines=2)
    pdf = docs.render_vat_e_invoice(inv, tmp_path / "e.pdf")
    d = inv["issue_date"]
    stamp_date = "2019.11.30"  # a received-stamp prints a date of its own
    img = _sealed_scan(pdf, tmp_path / "e.jpg", f"{d[:4]}年{d[5:7]}月{d[8:10]}日", "rect", "blue",
                       ("收讫", stamp_date, "财务专用章"))
    result = extract_document(img)
    rec = result.record
    assert result.kind == "invoice"
    # the stamp's date never replaces the invoice's: right, or left for review
    assert str(rec.issue_date) != "2019-11-30"
    assert str(rec.issue_date) == d or result.confidence.get("issue_date", 0) < 0.9
    assert rec.total == inv["total"] and rec.number == inv["number"]
    keys = ("number", "issue_date", "buyer_name", "seller_name", "buyer_tax_id", "seller_tax_id")
    assert _never_wrong_when_sure(result, {k: inv[k] for k in keys} | {"total": str(inv["total"])}) == []


def test_purple_oval_seal_over_the_buyers_name(docs, tmp_path: Path) -> None:
    inv = docs.make_invoice(33, n_lines=2, kind="commercial")
    pdf = docs.render_commercial_invoice(inv, tmp_path / "c.pdf")
    img = _sealed_scan(pdf, tmp_path / "c.jpg", inv["buyer_name"], "oval", "purple",
                       ("NINGBO SEAL SAMPLE CO LTD", "", "CONTRACT SEAL"), dx=-0.05)
    result = extract_document(img)
    rec = result.record
    assert result.kind == "invoice"
    assert rec.buyer_name == inv["buyer_name"] or result.confidence.get("buyer_name", 0) < 0.9
    assert rec.buyer_name is None or "SEAL" not in rec.buyer_name.upper()  # the seal's text is no name
    assert rec.total == inv["total"] and rec.number == inv["number"]
    keys = ("number", "issue_date", "buyer_name", "seller_name")
    assert _never_wrong_when_sure(result, {k: inv[k] for k in keys} | {"total": str(inv["total"])}) == []


def test_the_seal_is_seen_and_read_twice(docs, tmp_path: Path) -> None:
    """The OCR path itself: a sealed page reports its seal share and the unmasked bands' words."""
    from extractors.ocr import default_engine, load_image
    from extractors.ocr.seals import read_page

    rc = docs.make_receipt(34)
    pdf = docs.render_receipt(rc, tmp_path / "r.pdf")
    img = _sealed_scan(pdf, tmp_path / "r.jpg", f"¥{docs.money(rc['amount'])}", "round", "red",
                       (rc["payee_name"], "", "业务专用章"))
    page = read_page(default_engine(), load_image(img))
    assert page.seal_share > 0.001 and page.seal_bands and page.seal_words is not None
    assert any(Decimal(docs.money(rc["amount"]).replace(",", "")) == Decimal(
        "".join(c for c in w.text if c.isdigit() or c == ".") or "0") for w in page.words if "¥" in w.text or
        w.text.replace(",", "").replace(".", "").isdigit())


# -- which reading is kept -----------------------------------------------------------------------------

def _receipt_result(conf: dict[str, float], **values):
    from extractors.documents.result import DocumentResult
    from hub.records import BankReceipt

    return DocumentResult("receipt", BankReceipt(currency="CNY", **values), dict(conf, kind=1.0), [], True)


def test_the_reading_a_cross_check_confirms_wins() -> None:
    from extractors.documents.readings import merge

    masked = _receipt_result({"amount": 0.85, "payer_name": 0.85, "value_date": 0.0},
                             amount=Decimal("1234.5"), payer_name="宁波海曙贸易有限公司")
    unmasked = _receipt_result({"amount": 0.99, "payer_name": 0.85, "value_date": 0.85},
                               amount=Decimal("1234.56"), payer_name="宁波海曙贸易有限公司",
                               value_date="2026-03-05")
    out = merge(masked, unmasked)
    assert out.record.amount == Decimal("1234.56") and out.confidence["amount"] == 0.99  # 大写 agreed there
    assert out.record.payer_name == "宁波海曙贸易有限公司" and out.confidence["payer_name"] == 0.85
    # found only under the seal: taken, but for review
    assert str(out.record.value_date) == "2026-03-05" and out.confidence["value_date"] <= 0.6
    assert "value_date" in out.needs_review()


def test_differing_unconfirmed_readings_are_left_for_review() -> None:
    from extractors.documents.readings import merge

    masked = _receipt_result({"payee_name": 0.85, "amount": 0.99}, payee_name="苏州恒锐精密五金制品有限公司",
                             amount=Decimal("88.00"))
    unmasked = _receipt_result({"payee_name": 0.85, "amount": 0.85}, payee_name="苏州恒锐精密五金制品有限公司 财务专用章",
                               amount=Decimal("38.00"))
    out = merge(masked, unmasked)
    assert out.record.payee_name == "苏州恒锐精密五金制品有限公司" and out.confidence["payee_name"] <= 0.6
    assert any("payee_name" in w for w in out.warnings)
    assert out.record.amount == Decimal("88.00") and out.confidence["amount"] == 0.99  # confirmed stays
