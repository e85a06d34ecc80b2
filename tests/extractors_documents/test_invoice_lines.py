"""Line items of VAT invoices whose tables are of kinds real issuers print (hand-built in
``vat_tables.py``, never made by the generator): extra columns between description and amount, form
template and values in separate layers drawn out of reading order, discount lines, wrapped
descriptions, a table continuing on page 2. Every line's amount, description and tax is compared with
what was printed, and the lines must sum to the net."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from extractors.documents.invoices import read_invoice
from extractors.pdfwords import read_pdf

_spec = importlib.util.spec_from_file_location("vat_tables", Path(__file__).with_name("vat_tables.py"))
vat_tables = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("vat_tables", vat_tables)
_spec.loader.exec_module(vat_tables)


def _read(pdf: Path):
    return read_invoice([w for p in read_pdf(pdf) for w in p.words], source=str(pdf))


def _assert_lines(inv: dict, result) -> None:
    rec = result.record
    got = [(ln.description, ln.amount, ln.tax) for ln in rec.lines]
    want = [(ln["description"], ln["amount"], ln["tax"]) for ln in inv["lines"]]
    assert got == want
    assert sum((ln.amount for ln in rec.lines), Decimal(0)) == rec.net == inv["net"]
    assert (rec.tax, rec.total) == (inv["tax"], inv["total"])
    assert (rec.buyer_name, rec.seller_name) == (inv["buyer_name"], inv["seller_name"])
    assert not [w for w in result.warnings if "sum to" in w]


@pytest.mark.parametrize("seed", [1, 5])
def test_toll_invoice_extra_columns_do_not_glue_into_the_amount(tmp_path: Path, seed: int) -> None:
    inv = vat_tables.toll_invoice(tmp_path / "toll.pdf", seed=seed)
    result = _read(tmp_path / "toll.pdf")
    _assert_lines(inv, result)
    assert all(ln.tax_rate == Decimal("0.03") for ln in result.record.lines)
    assert all(result.confidence[f"lines[{i}].amount"] >= 0.9 for i in range(len(inv["lines"])))


@pytest.mark.parametrize("seed", [2, 6])
def test_template_and_values_in_separate_layers_out_of_order(tmp_path: Path, seed: int) -> None:
    inv = vat_tables.layered_invoice(tmp_path / "layers.pdf", seed=seed)
    result = _read(tmp_path / "layers.pdf")
    _assert_lines(inv, result)
    assert result.record.number == inv["number"] and result.record.code == inv["code"]
    assert [ln.quantity for ln in result.record.lines] == [ln["quantity"] for ln in inv["lines"]]


def test_discount_lines_and_wrapped_descriptions(tmp_path: Path) -> None:
    inv = vat_tables.discount_invoice(tmp_path / "discount.pdf")
    result = _read(tmp_path / "discount.pdf")
    _assert_lines(inv, result)
    amounts = [ln.amount for ln in result.record.lines]
    assert sum(a < 0 for a in amounts) == 2
    assert any(len(ln.description) > 14 for ln in result.record.lines)  # the wrapped one, joined


def test_table_continues_on_the_second_page(tmp_path: Path) -> None:
    inv = vat_tables.two_page_invoice(tmp_path / "two.pdf")
    assert len(read_pdf(tmp_path / "two.pdf")) == 2
    result = _read(tmp_path / "two.pdf")
    _assert_lines(inv, result)
    assert {ln.line_no for ln in result.record.lines} == set(range(1, 8))


def test_lines_that_do_not_sum_to_the_net_are_a_warning_not_a_pick(tmp_path: Path) -> None:
    inv = vat_tables.discount_invoice(tmp_path / "d.pdf", seed=9, drop_discounts_from_net=True)
    result = _read(tmp_path / "d.pdf")
    assert result.record.net == inv["printed_net"]  # what 合计 prints, not the lines' sum
    assert any("sum to" in w for w in result.warnings)
    assert result.confidence["net"] < 0.9


CN_FAMILIES = ["cn_grid_side", "cn_issuer_first", "cn_toll", "cn_layers", "cn_discount", "cn_multipage",
               "cn_classic_cols"]


def test_chinese_vat_families_lines_and_parties(tmp_path: Path) -> None:
    """Two documents of every Chinese VAT family: lines (amount, description, tax), parties, net."""
    from extractors.documents import extract_document
    from fixtures.generator.family_set import generate_family_set

    truth = generate_family_set(tmp_path, per_family=2, orders=30, only=CN_FAMILIES)
    seen = set()
    for rel, doc in truth["documents"].items():
        exp = doc["fields"]
        rec = extract_document(tmp_path / rel).record
        seen.add(doc["layout"])
        got = [(ln.description, ln.amount, ln.tax) for ln in rec.lines]
        want = [(ln["description"], Decimal(ln["amount"]), Decimal(ln["tax"])) for ln in exp["lines"]]
        assert got == want, rel
        assert (rec.buyer_name, rec.seller_name) == (exp["buyer_name"], exp["seller_name"]), rel
        assert (rec.buyer_tax_id, rec.seller_tax_id) == (exp["buyer_tax_id"], exp["seller_tax_id"]), rel
        assert rec.net == Decimal(exp["net"]) == sum((ln.amount for ln in rec.lines), Decimal(0)), rel
    assert seen == set(CN_FAMILIES)


def test_a_total_row_whose_label_a_scan_garbled_is_not_a_line() -> None:
    """``合 i计 ¥12,870.53`` (the 合计 label misread) sums the lines above: the table's total, not a line."""
    from extractors.words import Word

    h = 10.0
    words = [Word("增值税电子普通发票", 200, -60, 320, -50), Word("项目名称", 10, 0, 50, h), Word("金额", 300, 0, 320, h),
             Word("税率", 350, 0, 370, h), Word("税额", 400, 0, 420, h)]
    amounts = [("1000.00", "130.00"), ("500.50", "65.07"), ("20.00", "2.60")]
    for i, (amount, tax) in enumerate(amounts):
        y = 20 + 14 * i
        words += [Word(f"*类*货物{i}", 10, y, 60, y + h), Word(amount, 285, y, 320, y + h), Word("13%", 350, y, 368, y + h),
                  Word(tax, 395, y, 420, y + h)]
    words += [Word("合", 20, 70, 28, 70 + h), Word("i计", 34, 70, 44, 70 + h), Word("¥1520.50", 275, 70, 320, 70 + h),
              Word("¥197.67", 385, 70, 420, 70 + h)]
    result = read_invoice(words)
    assert [str(ln.amount) for ln in result.record.lines] == [a for a, _t in amounts]
    assert result.record.net == Decimal("1520.50")
    assert any("sum of the lines above" in w for w in result.warnings)


def test_every_line_cell_read_has_its_box_on_its_page(tmp_path: Path) -> None:
    """A reviewer sees each line cell boxed on the page (the station draws ``sources``): the amount cell's box
    holds the amount's printed text, on the page the line is on (a table continuing on page 2 included)."""
    inv = vat_tables.two_page_invoice(tmp_path / "two.pdf")
    result = _read(tmp_path / "two.pdf")
    _assert_lines(inv, result)
    pages = {src.page for name, src in result.sources.items() if name.startswith("lines[")}
    assert pages == {1, 2}
    for i, line in enumerate(result.record.lines):
        for col in ("description", "amount", "tax"):
            src = result.sources[f"lines[{i}].{col}"]
            x0, y0, x1, y1 = src.box
            assert x1 > x0 and y1 > y0 and src.text
        amount = result.sources[f"lines[{i}].amount"]
        assert Decimal(amount.text.replace(",", "").replace("¥", "")) == line.amount
