"""Item tables on the generator's scans (seed 19) through the real OCR, against the lines their digital twins read:
a page the OCR engine's deskew left sloping (a form of short cells: too few long text boxes to measure its
angle), whose words are now levelled before the layout groups them into lines, so each row's description stays on
its row (before, every line lost its description); and a table whose ``合计`` OCR cut to ``合`` and one of whose
taxes it read ``2:42``: the 合 row was a seventh line doubling the net (4,709.60 for 2,354.80, tax 0)."""

from __future__ import annotations

from pathlib import Path

from extractors.documents import extract_document, read_words
from extractors.ocr import load_image
from extractors.ocr.level import level, slope
from extractors.words import normalize_text


def _twins(tmp_path: Path, our_companies, family: str, per_family: int):  # type: ignore[no-untyped-def]
    from fixtures.generator.family_set import generate_family_set

    truth = generate_family_set(tmp_path / "set", seed=19, per_family=per_family, scans=1.0, only=[family])
    ours = truth["our_company"]
    our_companies(ours["name"], tax_ids=(ours["tax_id"],), name_en=ours["name_en"])
    folder = tmp_path / "set" / "invoices" / family
    name = f"{family}_{per_family - 1:03d}"
    scan = next((folder / "scans").glob(f"{name}.*"))
    return extract_document(folder / f"{name}.pdf"), load_image(scan)


def test_a_sloping_scan_reads_the_lines_its_digital_twin_reads(tmp_path: Path, ocr_engine, our_companies) -> None:
    digital, image = _twins(tmp_path, our_companies, "cn_layers", 1)
    page = ocr_engine.read(image)
    assert abs(page.skew) < 0.3  # the engine found no slope to undo
    assert abs(slope(page.words)) > 0.01 and abs(slope(level(page.words))) < 0.003  # its words show one
    scanned = read_words(page.words, "auto", ocr=True)
    want = [(normalize_text(ln.description), ln.amount, ln.tax) for ln in digital.record.lines]
    assert len(want) >= 2
    assert [(ln.description, ln.amount, ln.tax) for ln in scanned.record.lines] == want


def test_a_total_row_cut_short_and_a_colon_for_a_point(tmp_path: Path, ocr_engine, our_companies) -> None:
    digital, image = _twins(tmp_path, our_companies, "cn_discount", 2)
    scanned = read_words(ocr_engine.read(image).words, "auto", ocr=True)
    want = [(ln.amount, ln.tax) for ln in digital.record.lines]
    assert len(want) >= 4
    assert [(ln.amount, ln.tax) for ln in scanned.record.lines] == want
    assert (scanned.record.net, scanned.record.tax) == (digital.record.net, digital.record.tax)


def test_hand_written_tables_scanned_read_their_lines(tmp_path: Path, docs, ocr_engine, our_companies) -> None:
    """Hand-written tables printed and scanned (0.6 degrees, 200 dpi): ``Item`` / ``No.`` over a SKU column and
    ``Description`` | ``Hrs`` | ``Rate`` | ``GST`` | ``Amount`` in cell rectangles: OCR reads ``Item  Description``
    as one box, which matched the label ``Item Description`` (the SKUs were glued to the descriptions), and the
    rectangles' table gave no line at all; a 专票 grid whose ``税率/征收率`` is wider than its cell: a scan has no
    ruling lines, and the amounts fell under the rate's header (the discount line lost, no amount read)."""
    from tests.extractors_documents import line_tables as lt
    from tests.extractors_documents import line_tables_2

    tables = {**lt.DOCUMENTS, **line_tables_2.DOCUMENTS}
    our_companies(lt.OURS, tax_ids=(lt.OUR_TAX_ID,), name_en=lt.OURS_EN)
    for name in ("en_header_wrap", "en_hrs_gst", "cn_grid_overflow"):
        truth = tables[name](tmp_path / f"{name}.pdf")
        image = docs.scan(tmp_path / f"{name}.pdf", tmp_path / f"{name}.jpg", rotate=0.6, seed=3)
        result = read_words(ocr_engine.read(load_image(image)).words, "auto", ocr=True)
        got = [(ln.sku, ln.quantity, ln.unit_price, ln.amount, ln.tax_rate, ln.tax) for ln in result.record.lines]
        assert got == [(t["sku"], t["quantity"], t["unit_price"], t["amount"], t["tax_rate"], t["tax"]) for t in truth], name


def test_a_specs_first_word_beside_a_description_is_the_specs(tmp_path: Path, docs, ocr_engine, our_companies) -> None:
    """A VAT grid scanned (no ruling lines): ``*传感器*铂电阻温度传感`` ends a blank short of ``Φ8x300mm``, the
    spec cell's first word, and main read them as one description (``... Φ8x300mm器组件``, the spec without its
    first word; ``M30``, ``M12x40 A2-70`` the same). The description's cell ends as far right of its centred
    header 项目名称 as its lines start left of it: a word starting past that is the next column's."""
    from tests.extractors_documents import line_tables as lt

    our_companies(lt.OURS, tax_ids=(lt.OUR_TAX_ID,), name_en=lt.OURS_EN)
    truth = lt.cn_wrap_grid(tmp_path / "grid.pdf")
    image = docs.scan(tmp_path / "grid.pdf", tmp_path / "grid.jpg", rotate=0.4, seed=5)
    result = read_words(ocr_engine.read(load_image(image)).words, "auto", ocr=True)
    lines = result.record.lines
    assert [normalize_text(ln.description) for ln in lines] == [normalize_text(t["description"]) for t in truth]
    assert [ln.spec.split()[0] if ln.spec else None for ln in lines] == \
        [t["spec"].split()[0] if t.get("spec") else None for t in truth]
