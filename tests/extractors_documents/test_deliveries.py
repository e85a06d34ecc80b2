"""Delivery notes (送货单 / 货物签收单) from the generator's two layouts, and a document scanned page by page
read as one document by the pipeline (``X_p1.png`` + ``X_p2.png``)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors.documents import extract_document, extract_documents
from extractors.pipeline import Options, extract_paths
from hub.records import Invoice, SourceFile
from hub.settings import load_settings
from hub.store import Store


def _norm(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFKC", text)


def test_every_delivery_note_of_a_world_reads_as_its_truth(small_world) -> None:
    notes = sorted((small_world.root / "documents" / "deliveries").glob("*.pdf"))
    truth = small_world.by_key("deliveries")
    assert len(notes) == len(truth) > 5
    results = extract_documents(notes)
    for path, result in zip(notes, results, strict=True):
        assert not isinstance(result, Exception), result
        got, want = result.record, truth[result.record.delivery_no]
        assert result.kind == "delivery"
        assert (got.order_ref, got.shipped_date, got.signed_date, got.signer, got.carrier, got.tracking_no) == \
               (want.order_ref, want.shipped_date, want.signed_date, want.signer, want.carrier, want.tracking_no), path
        assert [(ln.sku, _norm(ln.description), ln.quantity, ln.unit) for ln in got.lines] == \
               [(ln.sku, _norm(ln.description), ln.quantity, ln.unit) for ln in want.lines], path


def test_short_delivery_is_a_warning_not_a_guess(small_world) -> None:
    """A line delivered short (订货 5, 实发 2, 备注 缺货) keeps the delivered quantity and says so."""
    truth = small_world.by_key("deliveries")
    short = []
    for path in sorted((small_world.root / "documents" / "deliveries").glob("*.pdf")):
        result = extract_document(path)
        if any("ordered" in w for w in result.warnings):
            short.append(result)
    assert short, "the world delivers some lines short (split deliveries)"
    for result in short:
        assert [ln.quantity for ln in result.record.lines] == \
               [ln.quantity for ln in truth[result.record.delivery_no].lines]


def _two_page_invoice(world) -> tuple[Path, Invoice]:
    by_number = {inv.number: inv for inv in world.invoices}
    for path in sorted((world.root / "documents" / "invoices").glob("*.pdf")):
        if len(pdfium.PdfDocument(path)) == 2:
            number = next(n for n in by_number if n in path.name)
            if by_number[number].code is None:  # a table continued onto page 2 (not a 销货清单)
                return path, by_number[number]
    pytest.fail("the small world has no two-page invoice")


@pytest.mark.slow
def test_page_scans_of_one_invoice_are_stored_as_one_invoice(small_world, tmp_path: Path) -> None:
    pdf_path, invoice = _two_page_invoice(small_world)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdf = pdfium.PdfDocument(pdf_path)
    for number in (2, 1):  # written in reverse: order on disk must not matter
        image = pdf[number - 1].render(scale=200 / 72).to_pil().convert("L")
        image.save(inbox / f"{pdf_path.stem}_p{number}.png")
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)

    outcomes = extract_paths([inbox], settings, Options(workers=1), store=store)
    by_name = {Path(o.source).name: o for o in outcomes}
    first, second = by_name[f"{pdf_path.stem}_p1.png"], by_name[f"{pdf_path.stem}_p2.png"]
    assert first.ok and first.ocr and first.kind == "invoice", first.error
    assert second.ok and second.part_of == first.source and not second.records
    got = first.records[0]
    assert (got.number, got.total, len(got.lines)) == (invoice.number, invoice.total, len(invoice.lines))
    assert sum((ln.amount for ln in got.lines), Decimal(0)) == invoice.net
    assert store.count(Invoice) == 1 and store.count(SourceFile) == 2

    again = extract_paths([inbox], settings, Options(workers=1), store=store)
    assert all(o.stored == {"inserted": 0, "updated": 0, "unchanged": len(o.records)} for o in again)
    assert store.count(Invoice) == 1
