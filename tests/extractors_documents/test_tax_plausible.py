"""A tax larger than its net is a misread (net and tax from the wrong rows or digits lost), even when net + tax
make the total: the sum confirms nothing then, and both go to review (scans6: a faxed page read that way at 0.99)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractors.documents import extract_document
from tests.extractors_documents.handmade import draw_pdf


def _invoice(path: Path, net: str, tax: str, total: str) -> Path:
    items = [(20, 20, "Kawasaki Trading Co., Ltd.", 13, "DVB"), (20, 27, "2-4-1 Shiba, Minato-ku, Tokyo, Japan"),
             (150, 20, "INVOICE", 16, "DVB"), (130, 34, "Invoice No.: KT-2026-0418"),
             (130, 40, "Invoice Date: 2026-11-18"), (20, 48, "Bill To: Osaka Fasteners Ltd."),
             (20, 70, "Description"), (120, 70, "Qty"), (-190, 70, "Amount"),
             (20, 77, "Hex bolts M10, zinc plated"), (120, 77, "2000"), (-190, 77, net),
             (120, 100, "Subtotal"), (-190, 100, net), (120, 106, "Consumption tax 10%"), (-190, 106, tax),
             (120, 112, "Total JPY"), (-190, 112, total)]
    return draw_pdf(path, items, [(20, 72, 190, 72), (20, 95, 190, 95)], "DV")


def test_a_tax_larger_than_the_net_is_not_sure(tmp_path: Path) -> None:
    result = extract_document(_invoice(tmp_path / "odd.pdf", "504,620", "739,380", "1,244,000"))
    got = result.record
    assert (got.net, got.tax, got.total) == (Decimal("504620"), Decimal("739380"), Decimal("1244000"))
    assert result.confidence["net"] < 0.9 and result.confidence["tax"] < 0.9
    assert any("larger than the net" in w for w in result.warnings)


def test_a_plausible_tax_stays_confirmed(tmp_path: Path) -> None:
    result = extract_document(_invoice(tmp_path / "ok.pdf", "1,130,909", "113,091", "1,244,000"))
    got = result.record
    assert (got.net, got.tax, got.total) == (Decimal("1130909"), Decimal("113091"), Decimal("1244000"))
    assert result.confidence["net"] >= 0.9 and result.confidence["tax"] >= 0.9
    assert not any("larger than the net" in w for w in result.warnings)
