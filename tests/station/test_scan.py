"""A scanned invoice (turned 90 degrees) in the station: the page shown upright with its fields boxed, the
words read by OCR clickable, a field corrected from one and confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.records import Invoice, SourceFile
from hub.settings import load_settings
from hub.store import Store
from hub.users import add_user


@pytest.mark.slow
def test_a_scan_is_reviewed_by_clicking_its_ocr_words(tmp_path: Path, browser) -> None:
    import pypdfium2 as pdfium

    from extractors.pipeline import Options, extract_paths
    from station.server import serve_station
    from tests.station.conftest import letterhead_invoice

    pdf = pdfium.PdfDocument(str(letterhead_invoice(tmp_path / "inv.pdf", "BH-2026-0421")))
    scans = tmp_path / "scans"
    scans.mkdir()
    pdf[0].render(scale=200 / 72).to_pil().convert("RGB").rotate(90, expand=True).save(scans / "inv.jpg", quality=85)
    pdf.close()
    settings = load_settings(tmp_path / "home")
    store = Store(settings=settings)
    add_user(store, "li", "finance", "li-finance-pw", by="test")
    [outcome] = extract_paths([scans], settings, Options(kind="invoice"), store=store)
    assert outcome.ocr and outcome.status() == "needs_review" and "number" in outcome.needs_review()
    with serve_station(store) as station:
        page = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
        page.goto(f"{station.url}/documents/{outcome.sha256}")
        page.fill("input[name=name]", "li")
        page.fill("input[name=password]", "li-finance-pw")
        page.click("button[type=submit]")
        page.wait_for_selector(".box.field")
        page.wait_for_selector(".box.word", timeout=120_000)
        page.focus("input[data-field=number]")
        page.click(".box.word[data-text*='BH-2026-0421']")
        taken = page.input_value("input[data-field=number]")
        assert "BH-2026-0421" in taken
        page.fill("input[data-field=number]", taken.split()[-1])      # the clerk keeps the number only
        page.fill("input[data-field=currency]", "EUR")
        page.focus("input[data-field=currency]")
        page.keyboard.press("Enter")
        page.wait_for_selector(".flash.ok")
    source = store.get(SourceFile, outcome.sha256)
    assert source.status == "stored" and source.fields["number"].box is not None
    [invoice] = store.all(Invoice)
    assert invoice.number == "BH-2026-0421" and invoice.currency == "EUR"
