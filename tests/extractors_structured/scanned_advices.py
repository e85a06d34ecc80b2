"""Scanned remittance advices (issue 14 §2, scans): payers' advices written by hand (``handmade.draw_pdf``, never
the generator), printed and scanned as payers send them: an Australian payer's English PAYMENT ADVICE with a
deduction on one line (a JPEG, skewed), a German Zahlungsavis with Skonto per line (a grey TIFF), a Chinese
付款通知 with a 扣款 (a PNG), a US payer's Remittance Advice faxed (1-bit, dithered, the fax header on top) and
the German one again as an image-only PDF. Each advice's printed fields and lines are the truth; ``score`` counts
them on a result, ``bench/scanned_advices.py`` measures the set."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import numpy as np
from PIL import Image

from tests.extractors_documents.degrade import DPI, PAPER, _grain, _paper, _u8, fax_machine
from tests.extractors_documents.handmade import OURS, OURS_DE, OURS_EN, draw_pdf

W = "WQ"

DOCS: dict[str, tuple] = {
"kestrel_payment_advice": ([
 (20, 16, 'Kestrel Automation Pty Ltd', 13, 'DVB'), (20, 22, '88 Orchard Road, Brisbane QLD 4000, Australia', 8),
 (20, 26, 'ABN 53 004 085 616', 8),
 (125, 16, 'PAYMENT ADVICE', 14, 'DVB'),
 (125, 28, 'Payment Ref.', 9), (-190, 28, 'KA-PA-20417', 9), (125, 34, 'Payment Date', 9), (-190, 34, '2026-05-12', 9),
 (125, 40, 'Currency', 9), (-190, 40, 'AUD', 9),
 (20, 38, 'Paid to:', 9, 'DVB'), (20, 43, OURS_EN, 9), (20, 48, 'Bank of China Suzhou Branch', 8),
 (20, 62, 'The following invoices have been paid by electronic transfer:', 9),
 (20, 72, 'Invoice No.', 9, 'DVB'), (62, 72, 'Invoice Date', 9, 'DVB'), (-132, 72, 'Invoice Amount', 9, 'DVB'),
 (-158, 72, 'Deduction', 9, 'DVB'), (-190, 72, 'Amount Paid', 9, 'DVB'),
 (20, 80, 'HR-EX-260318', 9), (62, 80, '2026-03-18', 9), (-132, 80, '4,250.00', 9), (-158, 80, '', 9),
 (-190, 80, '4,250.00', 9),
 (20, 87, 'HR-EX-260402', 9), (62, 87, '2026-04-02', 9), (-132, 87, '3,180.00', 9), (-158, 87, '45.00', 9),
 (-190, 87, '3,135.00', 9),
 (20, 94, 'HR-EX-260409', 9), (62, 94, '2026-04-09', 9), (-132, 94, '1,770.00', 9), (-158, 94, '', 9),
 (-190, 94, '1,770.00', 9),
 (110, 106, 'Total Paid AUD', 10, 'DVB'), (-190, 106, '9,155.00', 10, 'DVB'),
 (20, 120, 'Deduction on HR-EX-260402: 3 pcs short delivered (claim KA-C-118).', 8),
 (20, 126, 'Accounts Payable · ap@kestrel-automation.com.au', 8),
], [(20, 75, 190, 75), (20, 99, 190, 99)], "DV"),

"hansa_zahlungsavis": ([
 (20, 16, 'Hansa Fördertechnik GmbH', 13, 'DVB'), (20, 22, 'Am Sandtorkai 41 · 20457 Hamburg', 8),
 (20, 40, 'Zahlungsempfänger:', 9, 'DVB'), (20, 45, OURS_DE, 9), (20, 50, 'Hanauer Landstraße 291, 60314 Frankfurt', 8),
 (125, 16, 'Zahlungsavis', 15, 'DVB'),
 (125, 30, 'Zahlungsreferenz', 9), (-190, 30, 'ZA-2026-0515', 9), (125, 36, 'Zahlungsdatum', 9),
 (-190, 36, '15.05.2026', 9), (125, 42, 'Währung', 9), (-190, 42, 'EUR', 9),
 (20, 64, 'Sehr geehrte Damen und Herren, wir haben folgende Rechnungen überwiesen:', 9),
 (20, 74, 'Rechnungsnummer', 9, 'DVB'), (62, 74, 'Rechnungsdatum', 9, 'DVB'), (-132, 74, 'Rechnungsbetrag', 9, 'DVB'),
 (-158, 74, 'Skonto', 9, 'DVB'), (-190, 74, 'Zahlbetrag', 9, 'DVB'),
 (20, 82, 'RE-2026-1041', 9), (62, 82, '20.04.2026', 9), (-132, 82, '2.400,00', 9), (-158, 82, '48,00', 9),
 (-190, 82, '2.352,00', 9),
 (20, 89, 'RE-2026-1077', 9), (62, 89, '28.04.2026', 9), (-132, 89, '5.150,00', 9), (-158, 89, '103,00', 9),
 (-190, 89, '5.047,00', 9),
 (110, 101, 'Summe', 10, 'DVB'), (-190, 101, '7.399,00', 10, 'DVB'),
 (20, 115, 'Mit freundlichen Grüßen', 9), (20, 121, 'Hansa Fördertechnik GmbH · Kreditorenbuchhaltung', 8),
], [(20, 77, 190, 77), (20, 94, 190, 94)], "DV"),

"ningbo_fukuan_tongzhi": ([
 (82, 15, '付款通知', 16, W),
 (20, 28, '付款单位：宁波北仑港城模具有限公司', 9, W), (125, 28, '付款日期：2026-05-20', 9, W),
 (20, 35, f'收款单位：{OURS}', 9, W), (125, 35, '付款编号：NB-FK-0520-07', 9, W),
 (20, 42, '币种：人民币', 9, W), (125, 42, '付款方式：电汇', 9, W),
 (20, 54, '发票号码', 9, W), (66, 54, '开票日期', 9, W), (-135, 54, '发票金额', 9, W), (-160, 54, '扣款', 9, W),
 (-190, 54, '本次付款', 9, W),
 (20, 62, '26322000000052001188', 9), (66, 62, '2026-04-08', 9), (-135, 62, '18,600.00', 9), (-160, 62, '600.00', 9),
 (-190, 62, '18,000.00', 9),
 (20, 69, '26322000000052001193', 9), (66, 69, '2026-04-15', 9), (-135, 69, '9,450.00', 9), (-160, 69, '', 9),
 (-190, 69, '9,450.00', 9),
 (20, 80, '付款合计：¥27,450.00', 10, W),
 (20, 88, '扣款说明：26322000000052001188 质量扣款 600.00 元', 8, W),
 (20, 96, '宁波北仑港城模具有限公司 财务部', 9, W),
], [(18, 51, 192, 51), (18, 73, 192, 73)], W),

"lakeshore_remittance": ([
 (20, 16, 'Lakeshore Industrial Coatings, Inc.', 12, 'DVB'), (20, 22, '2100 Lakeshore Drive, Cleveland, OH 44114', 8),
 (125, 16, 'Remittance Advice', 14, 'DVB'),
 (125, 28, 'Remittance No.', 9), (-190, 28, 'RA-55821', 9), (125, 34, 'Payment date', 9), (-190, 34, '2026-05-22', 9),
 (20, 36, 'Payee:', 9, 'DVB'), (20, 41, OURS_EN, 9),
 (20, 56, 'Invoice No.', 9, 'DVB'), (70, 56, 'Invoice Date', 9, 'DVB'), (-150, 56, 'Invoice Amount', 9, 'DVB'),
 (-190, 56, 'Amount Paid', 9, 'DVB'),
 (20, 64, 'HR-US-260311', 9), (70, 64, '2026-03-11', 9), (-150, 64, '$12,480.00', 9), (-190, 64, '$12,480.00', 9),
 (20, 71, 'HR-US-260327', 9), (70, 71, '2026-03-27', 9), (-150, 71, '$6,915.50', 9), (-190, 71, '$6,915.50', 9),
 (110, 83, 'Total Paid (USD)', 10, 'DVB'), (-190, 83, '$19,395.50', 10, 'DVB'),
 (20, 96, 'Paid by ACH. Questions: payables@lakeshore-coatings.com', 8),
], [(20, 59, 190, 59), (20, 76, 190, 76)], "DV"),
}

TRUTH: dict[str, dict] = {
"kestrel_payment_advice": {"payer_name": "Kestrel Automation Pty Ltd", "reference": "KA-PA-20417",
    "payment_date": date(2026, 5, 12), "total": D("9155.00"), "currency": "AUD", "payee_name": OURS_EN,
    "lines": [("HR-EX-260318", D("4250.00"), None), ("HR-EX-260402", D("3135.00"), D("45.00")),
              ("HR-EX-260409", D("1770.00"), None)]},
"hansa_zahlungsavis": {"payer_name": "Hansa Fördertechnik GmbH", "reference": "ZA-2026-0515",
    "payment_date": date(2026, 5, 15), "total": D("7399.00"), "currency": "EUR", "payee_name": OURS_DE,
    "lines": [("RE-2026-1041", D("2352.00"), D("48.00")), ("RE-2026-1077", D("5047.00"), D("103.00"))]},
"ningbo_fukuan_tongzhi": {"payer_name": "宁波北仑港城模具有限公司", "reference": "NB-FK-0520-07",
    "payment_date": date(2026, 5, 20), "total": D("27450.00"), "currency": "CNY", "payee_name": OURS,
    "lines": [("26322000000052001188", D("18000.00"), D("600.00")), ("26322000000052001193", D("9450.00"), None)]},
"lakeshore_remittance": {"payer_name": "Lakeshore Industrial Coatings, Inc.", "reference": "RA-55821",
    "payment_date": date(2026, 5, 22), "total": D("19395.50"), "currency": "USD", "payee_name": OURS_EN,
    "lines": [("HR-US-260311", D("12480.00"), None), ("HR-US-260327", D("6915.50"), None)]},
}

#: scan name -> (advice, how it was scanned)
SCANS = {"kestrel_payment_advice.jpg": ("kestrel_payment_advice", "jpeg"),
         "hansa_zahlungsavis.tif": ("hansa_zahlungsavis", "tiff"),
         "ningbo_fukuan_tongzhi.png": ("ningbo_fukuan_tongzhi", "png"),
         "lakeshore_remittance.tif": ("lakeshore_remittance", "fax"),
         "hansa_zahlungsavis_scan.pdf": ("hansa_zahlungsavis", "pdfimg")}


def scan(name: str, folder: Path, seed: int = 6) -> Path:
    """The scan ``name`` of :data:`SCANS` written into ``folder``."""
    from extractors.pdfwords import render_pages

    doc, how = SCANS[name]
    items, rules, font = DOCS[doc]
    pdf = draw_pdf(folder / f"{doc}.pdf", [i for i in items if i[2]], rules, font, line_width=0.6)
    page = render_pages(pdf, [1], dpi=DPI)[0]
    rng = np.random.default_rng([seed, sorted(SCANS).index(name)])
    out = folder / name
    if how == "fax":
        fax_machine([page], rng, 150)[0][0].save(out, compression="group4", dpi=(150, 150))
        return out
    img = _u8(_grain(_paper(page), rng, 5)).rotate(float(rng.uniform(-1.5, 1.5)), expand=True, fillcolor=PAPER,
                                                    resample=Image.Resampling.BICUBIC)
    if how == "jpeg":
        img.save(out, "JPEG", quality=80)
    elif how == "tiff":
        img.convert("L").save(out, compression="tiff_lzw", dpi=(DPI, DPI))
    elif how == "png":
        img.save(out, "PNG")
    else:  # an image-only PDF, as a copier's scan-to-PDF writes it
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=85)
        Image.open(buf).save(out, "PDF", resolution=DPI)
    return out


def fields(doc: str) -> dict[str, object]:
    """The printed fields of advice ``doc`` by name (``lines[i].invoice_number``, ``lines[i].amount_paid``,
    ``lines[i].deduction`` where one is printed)."""
    t = TRUTH[doc]
    out = {k: v for k, v in t.items() if k != "lines"}
    for i, (number, paid, less) in enumerate(t["lines"]):
        out[f"lines[{i}].invoice_number"] = number
        out[f"lines[{i}].amount_paid"] = paid
        if less is not None:
            out[f"lines[{i}].deduction"] = less
    return out


def score(doc: str, record: object | None, confidence: dict[str, float]) -> tuple[int, int, list[str]]:
    """(fields right, fields, misses with their confidence) of an advice read as ``record`` (None: refused)."""
    want = fields(doc)
    misses: list[str] = []
    right = 0
    for name, value in want.items():
        if record is None:
            misses.append(f"{name}: refused")
            continue
        if name.startswith("lines["):
            i, attr = int(name[6:name.index("]")]), name.split(".", 1)[1]
            lines = record.lines  # type: ignore[attr-defined]
            got = getattr(lines[i], attr) if i < len(lines) else None
        else:
            got = getattr(record, name)
        ok = got == value or (isinstance(got, str) and isinstance(value, str) and
                              "".join(got.split()).casefold() == "".join(value.split()).casefold())
        right += ok
        if not ok:
            misses.append(f"{name} = {got!r} (printed {value!r}) conf {confidence.get(name, 0.0)}")
    return right, len(want), misses
