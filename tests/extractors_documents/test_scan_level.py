"""A scan whose page the OCR engine's deskew left sloping (a form of short cells: too few long text boxes to
measure its angle) through the real OCR: its words are levelled before the layout groups them into lines, so
each row's description stays on its row (before, the descriptions fell onto the line of the next row's
figures and every line of the table lost its description)."""

from __future__ import annotations

from pathlib import Path

from extractors.documents import extract_document, read_words
from extractors.ocr import load_image
from extractors.ocr.level import level, slope
from extractors.words import normalize_text


def test_a_sloping_scan_reads_the_lines_its_digital_twin_reads(tmp_path: Path, ocr_engine, our_companies) -> None:
    from fixtures.generator.family_set import generate_family_set

    truth = generate_family_set(tmp_path / "set", seed=19, per_family=1, scans=1.0, only=["cn_layers"])
    ours = truth["our_company"]
    our_companies(ours["name"], tax_ids=(ours["tax_id"],), name_en=ours["name_en"])
    folder = tmp_path / "set" / "invoices" / "cn_layers"
    digital = extract_document(folder / "cn_layers_000.pdf")
    page = ocr_engine.read(load_image(folder / "scans" / "cn_layers_000.jpg"))
    assert abs(page.skew) < 0.3  # the engine found no slope to undo
    assert abs(slope(page.words)) > 0.01 and abs(slope(level(page.words))) < 0.003  # its words show one
    scanned = read_words(page.words, "auto", ocr=True)
    want = [(normalize_text(ln.description), ln.amount, ln.tax) for ln in digital.record.lines]
    assert len(want) >= 2
    assert [(ln.description, ln.amount, ln.tax) for ln in scanned.record.lines] == want
