"""Packing lists whose seller is only the letterhead (no seller label): our-companies decides the seller,
as on invoices; the carton/weight table read by position."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors.documents import extract_document

OURS = "Ningbo Mingda Hardware Co., Ltd."


def render_letterhead_packing_list(pl: dict, path: Path, docs, *, letterhead: str) -> Path:
    """An exporter's packing list: its name in capitals as the letterhead, ``Consignee:`` for the buyer, a table
    with an article-number column and carton marks, a totals row and a signature block."""
    from reportlab.lib.pagesizes import A4

    pdf = docs.Pdf(path, A4)
    pdf.text(297, 36, letterhead.upper(), 14, "center")
    pdf.text(297, 56, "No. 88 Zhongshan West Road, Haishu District, Ningbo 315000, China", 8, "center")
    pdf.hline(40, 555, 70)
    pdf.text(297, 84, "PACKING LIST", 15, "center")
    pdf.text(40, 116, "Consignee:", 9)
    pdf.text(40, 130, pl["buyer_name"], 9)
    pdf.text(40, 144, "Hafenstrasse 12, 20457 Hamburg, Germany", 8)
    pdf.text(360, 116, f"Packing List No.: {pl['number']}", 9)
    pdf.text(360, 130, f"Invoice No.: {pl['invoice_number']}", 9)
    pdf.text(360, 144, f"Date: {pl['issue_date']}", 9)
    y = 180
    heads = [(40, "No."), (64, "Art. No."), (130, "Description"), (320, "Qty"), (360, "Unit"), (395, "Ctns"),
             (440, "N.W. (KG)"), (500, "G.W. (KG)")]
    for x, label in heads:
        pdf.text(x, y, label, 8)
    pdf.hline(40, 555, y + 13)
    y += 20
    for ln in pl["lines"]:
        vals = [str(ln["line_no"]), ln["sku"], ln["description"][:34], f"{ln['quantity']}", ln["unit"],
                str(ln["cartons"]), f"{ln['net_weight_kg']:.2f}", f"{ln['gross_weight_kg']:.2f}"]
        for (x, _), v in zip(heads, vals, strict=True):
            pdf.text(x, y, v, 8)
        y += 15
    pdf.hline(40, 555, y)
    y += 6
    pdf.text(130, y, "TOTAL", 8)
    pdf.text(395, y, str(pl["total_cartons"]), 8)
    pdf.text(440, y, f"{pl['total_net_weight_kg']:.2f}", 8)
    pdf.text(500, y, f"{pl['total_gross_weight_kg']:.2f}", 8)
    pdf.text(555, y + 60, f"For and on behalf of {letterhead}", 8, "right")
    pdf.save()
    return path


def _packing_list(docs, seed: int) -> dict:
    pl = docs.make_packing_list(seed, n_lines=3)
    for ln in pl["lines"]:
        ln["description"] = ln["description"][:34]
    return pl


def test_our_letterhead_is_the_seller_confirmed_by_the_master(docs, tmp_path: Path, our_companies) -> None:
    our_companies("宁波明达五金制品有限公司", name_en=OURS)
    pl = _packing_list(docs, 11)
    result = extract_document(render_letterhead_packing_list(pl, tmp_path / "pl.pdf", docs, letterhead=OURS))
    got = result.record
    assert result.kind == "packing_list"
    assert got.seller_name.casefold() == OURS.casefold()  # printed in capitals, kept as printed
    assert got.buyer_name == pl["buyer_name"]
    assert result.confidence["seller_name"] >= 0.9
    assert [(ln.sku, ln.quantity, ln.cartons, ln.net_weight_kg) for ln in got.lines] == \
           [(ln["sku"], ln["quantity"], ln["cartons"], ln["net_weight_kg"]) for ln in pl["lines"]]
    assert got.total_gross_weight_kg == pl["total_gross_weight_kg"]
    assert result.needs_review() == []


def test_a_letterhead_that_is_not_ours_stays_for_review(docs, tmp_path: Path, our_companies) -> None:
    """Without the master, or with a master naming another company, the letterhead is only a guess."""
    pl = _packing_list(docs, 12)
    path = render_letterhead_packing_list(pl, tmp_path / "pl.pdf", docs, letterhead="Cixi Yongsheng Fasteners Co., Ltd.")
    result = extract_document(path)
    assert result.record.seller_name.casefold() == "cixi yongsheng fasteners co., ltd."
    assert "seller_name" in result.needs_review()
    our_companies("宁波明达五金制品有限公司", name_en=OURS)
    result = extract_document(path)
    assert "seller_name" in result.needs_review()
    assert result.record.total_net_weight_kg == sum((ln["net_weight_kg"] for ln in pl["lines"]), Decimal("0"))


def test_columns_the_dictionary_does_not_name_stay_out_of_the_lines(docs, tmp_path: Path, our_companies) -> None:
    """A packing list with Colour and Origin columns between the description and the quantity (read by
    position: unknown header text is a column of its own, its cells never glued to a neighbour)."""
    from reportlab.lib.pagesizes import A4, landscape

    our_companies("宁波明达五金制品有限公司", name_en=OURS)
    pl = _packing_list(docs, 13)
    pdf = docs.Pdf(tmp_path / "pl.pdf", landscape(A4))
    pdf.text(420, 30, "PACKING LIST 装箱单", 15, "center")
    pdf.text(40, 64, f"Shipper: {OURS}", 9)
    pdf.text(40, 80, f"Consignee: {pl['buyer_name']}", 9)
    pdf.text(560, 64, f"P/L No.: {pl['number']}", 9)
    pdf.text(560, 80, f"Date: {pl['issue_date']}", 9)
    heads = [(40, "No."), (70, "Description"), (290, "Colour"), (360, "Origin"), (430, "Qty"), (480, "Unit"),
             (530, "Cartons"), (600, "N.W.(kg)"), (680, "G.W.(kg)")]
    y = 120
    for x, label in heads:
        pdf.text(x, y, label, 9)
    y += 20
    for ln in pl["lines"]:
        vals = [str(ln["line_no"]), ln["description"], "RAL 9005", "CN 2026", f"{ln['quantity']}", ln["unit"],
                str(ln["cartons"]), f"{ln['net_weight_kg']}", f"{ln['gross_weight_kg']}"]
        for (x, _), v in zip(heads, vals, strict=True):
            pdf.text(x, y, v, 9)
        y += 16
    pdf.text(70, y + 6, "TOTAL", 9)
    pdf.text(530, y + 6, str(pl["total_cartons"]), 9)
    pdf.text(600, y + 6, f"{pl['total_net_weight_kg']}", 9)
    pdf.text(680, y + 6, f"{pl['total_gross_weight_kg']}", 9)
    pdf.save()
    result = extract_document(tmp_path / "pl.pdf")
    got = result.record
    assert [(ln.description, ln.quantity, ln.unit, ln.cartons, ln.net_weight_kg, ln.gross_weight_kg)
            for ln in got.lines] == \
           [(ln["description"], ln["quantity"], ln["unit"], ln["cartons"], ln["net_weight_kg"], ln["gross_weight_kg"])
            for ln in pl["lines"]]
    assert (got.total_cartons, got.total_net_weight_kg) == (pl["total_cartons"], pl["total_net_weight_kg"])
    assert result.needs_review() == []
