"""Older VAT invoices with more than 8 lines print "（详见销货清单）" and list the goods on the following pages
(销售货物或者提供应税劳务、服务清单); the lines come from that list, across as many pages as it takes."""

from __future__ import annotations

import unicodedata

import pypdfium2 as pdfium

from extractors.documents import extract_document


def test_goods_list_lines_are_the_invoice_lines(small_world) -> None:
    listed = [inv for inv in small_world.invoices if inv.code and len(inv.lines) > 8]
    assert listed, "the small world has old-style VAT invoices with a 销货清单"
    folder = small_world.root / "documents" / "invoices"
    def nfkc(text: str | None) -> str | None:
        """The word model reads mm² as mm2; a wrapped Chinese cell is joined without its blank."""
        return None if text is None else "".join(unicodedata.normalize("NFKC", text).split())

    pages_seen = set()
    for inv in listed:
        path = folder / f"{inv.code}_{inv.number}.pdf"
        pages_seen.add(len(pdfium.PdfDocument(path)))
        got = extract_document(path).record
        assert [(nfkc(ln.description), nfkc(ln.spec), ln.quantity, ln.unit_price, ln.amount, ln.tax) for ln in got.lines] \
            == [(nfkc(ln.description), nfkc(ln.spec), ln.quantity, ln.unit_price, ln.amount, ln.tax) for ln in inv.lines], path
        assert (got.net, got.tax, got.total) == (inv.net, inv.tax, inv.total)
        assert not [w for w in got.warnings if "sum" in w], got.warnings
    assert max(pages_seen) >= 3, "some list runs over more than one page"
