"""Scanned bank statements (issue 14 §1, §5): a 对账单 printed, stamped and scanned, an HSBC-like statement as a
PDF of page images, read through the real OCR into the table reader of text-layer PDFs. Each is classified as a
statement (on main a scan of one was read as a receipt or refused), every row's date, signed amount, currency,
counterparty and balance are read, and a row whose balance does not follow is a row warning for review with every
field's confidence below 0.9. OCR is seconds a page: a few pages only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.pipeline import Options, extract_paths
from hub.settings import load_settings
from tests.extractors_structured.scanned_statements import SCANNED, scan

pytestmark = pytest.mark.slow


def _extract(tmp_path: Path, path: Path):  # type: ignore[no-untyped-def]
    [done] = extract_paths([path], load_settings(tmp_path / "home"), Options(workers=1, quarantine=False))
    return done


def _rows(done, party: bool) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(str(ln.booking_date), str(ln.amount), ln.currency,
             (ln.counterparty_name if party else ln.description or ln.reference) or "",
             None if ln.balance is None else str(ln.balance)) for ln in done.records]


@pytest.mark.parametrize("name", ["icbc_300_seal", "hsbc_200"])
def test_a_scanned_statement_is_a_statement_and_every_row_is_read(tmp_path: Path, name: str) -> None:
    truth = SCANNED[name][3]
    done = _extract(tmp_path, scan(name, tmp_path))  # a sealed, skewed PNG at 300 dpi; an image-only PDF
    assert done.ok and done.kind == "statement", (done.kind, done.error)
    assert _rows(done, name.startswith("icbc")) == [tuple(line) for line in truth["lines"]]
    assert {ln.account for ln in done.records} == {truth["account"]}
    assert not done.row_warnings, done.row_warnings


def test_a_scanned_row_whose_balance_does_not_follow_needs_review(tmp_path: Path) -> None:
    from extractors.statements.read import read_statement

    pages, font, how, _truth = SCANNED["icbc_200"]
    items = [(*i[:2], "244,528.60", *i[3:]) if i[2] == "244,523.60" else i for i in pages[0][0]]
    SCANNED["icbc_misprint"] = ([(items, pages[0][1])], font, {**how, "as": "png"}, _truth)
    try:
        result = read_statement(scan("icbc_misprint", tmp_path))
    finally:
        del SCANNED["icbc_misprint"]
    assert result.format == "scan"
    assert [ln.amount for ln in result.lines] == [Decimal("45800.00"), Decimal("-1276.40"), Decimal("-18930.55"),
                                                  Decimal("9640.00")]
    assert {w.row for w in result.row_warnings} >= {2}, result.row_warnings
    assert max(result.confidence.values()) < 0.9, result.confidence


def test_scanned_statements_in_one_batch_are_ocrd_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two scanned statements in one batch: the document reader's OCR words go with each file to the statement
    reader, so no page is OCR'd a second time (on main only the batch's last scan kept its words: the others were
    read again, doubling their OCR time). The real OCR runs; the spy only counts the statement reader's own OCR."""
    import extractors.documents as documents

    again: list[str] = []
    real = documents.words_of
    monkeypatch.setattr(documents, "words_of", lambda path, **kw: again.append(str(path)) or real(path, **kw))
    paths = [scan(name, tmp_path) for name in ("icbc_300_seal", "hsbc_200")]
    done = extract_paths(paths, load_settings(tmp_path / "home"), Options(workers=2, quarantine=False))
    assert [d.kind for d in done] == ["statement", "statement"], [d.error for d in done]
    for d, name in zip(done, ("icbc_300_seal", "hsbc_200"), strict=True):
        assert _rows(d, name.startswith("icbc")) == [tuple(line) for line in SCANNED[name][3]["lines"]]
    assert again == []


def test_a_faxed_statement_read_as_a_statement_has_no_fax_header_line(tmp_path: Path) -> None:
    """A 对账单 faxed (200 dpi, dithered, Group 4) and imported as a statement (``orderhub import-statement``, not
    through the document reader): the statement reader OCRs it itself, and the sending machine's header line
    (``2027-01-05 09:12 FROM: +86 ... P.001/001``) is not a line of the statement (main kept it, scans7)."""
    import numpy as np

    from extractors.pdfwords import render_pages
    from extractors.statements.read import read_statement
    from extractors.statements.scanned import ocr_page_lines
    from tests.extractors_documents.degrade import DPI, fax_machine
    from tests.extractors_documents.handmade import draw_pdf

    pages, font, _how, truth = SCANNED["icbc_200"]
    pdf = draw_pdf(tmp_path / "icbc.pdf", pages[0][0], pages[0][1], font)
    faxed, _ = fax_machine(render_pages(pdf, [1], dpi=DPI), np.random.default_rng(5), 200, when="2027-01-05 09:12")
    path = tmp_path / "icbc_fax.tif"
    faxed[0].save(path, compression="group4", dpi=(200, 200))
    texts = [line.text for page in ocr_page_lines(path) for line in page]
    assert not any("FROM" in t.upper() or "P.001" in t for t in texts), texts[:3]
    result = read_statement(path)
    assert result.format == "scan" and result.account == truth["account"]
    assert [(str(ln.booking_date), str(ln.amount)) for ln in result.lines] == [tuple(x[:2]) for x in truth["lines"]]
