"""Faxed pages through the real OCR (issue 14 §1, scans): a fax machine's page is dithered to one bit (grey paper
and grey print become dot patterns, on which PP-OCR's detector finds almost no text lines) and carries the sending
machine's header line (its date the transmission's, read as the issue date). The documents are hand-written
(``held_out_4``, ``handmade.draw_pdf``); ``bench/scans_fax.py`` measures the whole held-out fax set."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest

from extractors.documents import extract_document
from extractors.ocr.faxes import drop_header_lines, is_header_line
from extractors.words import Word
from tests.extractors_documents import held_out_4 as h4
from tests.extractors_documents.degrade import DPI, fax_machine


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(h4.our_companies(tmp_path / "our_companies.toml")))


def _faxed(name: str, tmp_path: Path, dpi: int, seed: int) -> Path:
    from extractors.pdfwords import render_pages

    pdf = h4.build(name, tmp_path)
    faxed, _ = fax_machine(render_pages(pdf, [1], dpi=DPI), np.random.default_rng(seed), dpi)
    path = tmp_path / f"{name}.tif"
    faxed[0].save(path, compression="group4", dpi=(dpi, dpi))
    return path


@pytest.mark.slow
def test_a_dithered_fax_page_is_read(tmp_path: Path, ours) -> None:
    """A Polish faktura faxed at 100 dpi, dithered (Group 4 TIFF): main found no text on it at all ("no text found
    on the document"); smoothed by its text height before OCR, its number, dates and figures read."""
    result = extract_document(_faxed("pl_faktura", tmp_path, 100, 7))
    r = result.record
    assert r.number == "FV/2026/12/0457"
    assert r.issue_date == date(2026, 12, 1)  # the document's date, not the fax header's (2026-12-07)
    bad = {f: getattr(r, f) for f in ("net", "tax", "total") if getattr(r, f) is not None and result.confidence[f] >= 0.9
           and getattr(r, f) != h4.TRUTH["pl_faktura"][f]}
    assert not bad


@pytest.mark.slow
def test_a_dithered_200_dpi_fax_page_is_read(tmp_path: Path, ours) -> None:
    """A French facture faxed at 200 dpi, dithered: main read neither its number nor its total (the detector finds
    a few lines among the dots at that size); the machine's header line (``DEC-07-2026 10:32 FROM: ... P.001/001``)
    gives no date."""
    result = extract_document(_faxed("fr_net_a_payer", tmp_path, 200, 3))
    r = result.record
    assert r.issue_date != date(2026, 12, 7)
    assert r.total == D("12348.00") and r.number == "F-2026-1207"


def _line(text: str, y: float, x: float = 40.0) -> list[Word]:
    out, cx = [], x
    for part in text.split():
        out.append(Word(part, cx, y, cx + 9 * len(part), y + 12, 0.95))
        cx += 9 * len(part) + 9
    return out


def test_a_fax_header_line_is_dropped_and_a_letterhead_is_not() -> None:
    head = _line("DEC-07-2026 10:32 FROM: +49 421 3344 5566 TO: 0512 6789 0000 P.001/002", 8)
    letterhead = _line("Rheinische Drehteile GmbH Tel: +49 221 5566 7788 Fax: +49 221 5566 7789", 40)
    title = _line("Rechnung Nr. RD-2026-4471 vom 01.12.2026", 70)
    kept = drop_header_lines(head + letterhead + title)
    assert [w.text for w in kept] == [w.text for w in letterhead + title]
    # a letterhead's phone line at the very top stays: no transmission time
    assert drop_header_lines(letterhead + title) == letterhead + title
    assert is_header_line("2026/12/07 10:32 发件人 苏州恒锐 第1页/共2页")
    assert not is_header_line("交易时间 2026-03-09 16:05:09 回单编号 20260309")
    # a header further down the page (a quoted fax inside a letter) is the document's text
    assert len(drop_header_lines(title + letterhead + _line("DEC-07-2026 10:32 FROM: +49 421 P.001/002", 300))) == \
        len(title + letterhead) + 6
