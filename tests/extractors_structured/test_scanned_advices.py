"""Scanned remittance advices through the real OCR (issue 14 §2, scans): main refused an image-only advice (a scan
sent to the document reader was taken for an invoice or a receipt, or refused as "not a text export"; an
image-only PDF asked for as a remittance "not read yet"). The scan's OCR words now go to the advice reader: its
invoice table, deductions and labels, with OCR's readings doubted unless the lines sum to the total. The advices
are written by hand (``scanned_advices.py``); ``bench/scanned_advices.py`` measures all five scans."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.pipeline import Options, extract_paths
from extractors.remittances import read_remittance
from hub.settings import load_settings
from tests.extractors_documents.handmade import OURS
from tests.extractors_structured.scanned_advices import scan, score

pytestmark = pytest.mark.slow


def test_a_scanned_fukuan_tongzhi_is_a_remittance_advice(tmp_path: Path) -> None:
    """A Chinese 付款通知 scanned to PNG, through the pipeline (kind detected): every field and line, the 扣款 on its
    line; names and numbers doubted (OCR), the figures sure because the lines sum to the total."""
    path = scan("ningbo_fukuan_tongzhi.png", tmp_path)
    [done] = extract_paths([path], load_settings(tmp_path / "home"), Options(workers=1, quarantine=False))
    assert done.ok and done.kind == "remittance", done.error
    advice = done.records[0]
    right, n, misses = score("ningbo_fukuan_tongzhi", advice, done.confidence)
    assert right == n, misses
    assert advice.payee_name == OURS and advice.lines[0].deduction == D("600.00")
    assert done.confidence["payer_name"] < 0.9 and done.confidence["lines[0].invoice_number"] < 0.9
    assert done.confidence["total"] >= 0.9 and done.confidence["lines[1].amount_paid"] >= 0.9


def test_an_image_only_zahlungsavis_pdf_is_read_as_a_remittance(tmp_path: Path) -> None:
    """A German Zahlungsavis scanned to an image-only PDF, asked for as a remittance advice: its Skonto per line."""
    result = read_remittance(scan("hansa_zahlungsavis_scan.pdf", tmp_path))
    a = result.record
    assert (a.reference, a.payment_date, a.total, a.currency) == ("ZA-2026-0515", date(2026, 5, 15), D("7399.00"), "EUR")
    assert [(ln.invoice_number, ln.deduction, ln.amount_paid) for ln in a.lines] == [
        ("RE-2026-1041", D("48.00"), D("2352.00")), ("RE-2026-1077", D("103.00"), D("5047.00"))]
    assert max(result.confidence[k] for k in ("payer_name", "reference", "payment_date")) <= 0.85


@pytest.mark.parametrize("name", ["kestrel_payment_advice.jpg", "lakeshore_remittance.tif"])
def test_a_scanned_advices_payee_under_its_label_and_no_payer_from_a_footer_sentence(tmp_path: Path, name: str) -> None:
    """OCR puts ``Paid to:`` / ``Payee:`` on one row with the next column's label (``Currency  AUD``, ``Payment
    date``): the payee is the name under it (main: none); the faxed US advice's footer ``Paid by ACH. Questions:
    payables@...`` is a sentence, not a payer label (main: payer "ACH. Questions: payables"): the letterhead pays."""
    from tests.extractors_structured.scanned_advices import TRUTH

    doc = name.rsplit(".", 1)[0]
    result = read_remittance(scan(name, tmp_path))
    advice = result.record
    assert advice.payee_name == TRUTH[doc]["payee_name"]
    assert advice.payer_name == TRUTH[doc]["payer_name"]


def test_a_label_word_opening_a_sentence_is_no_label() -> None:
    from extractors.remittances import _in_sentence

    assert _in_sentence("Paid by ACH. Questions: payables", "Paid by", "ACH. Questions: payables")
    assert not _in_sentence("Paid by: Lakeshore Industrial Coatings, Inc.", "Paid by", "Lakeshore Industrial Coatings, Inc.")
    assert not _in_sentence("Payer Kestrel Automation Pty Ltd", "Payer", "Kestrel Automation Pty Ltd")
