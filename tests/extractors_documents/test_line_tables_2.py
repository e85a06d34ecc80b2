"""Item tables of more real classes (``line_tables_2.py``, built in the test), and the four held-out invoices
whose lines were missed (``test_held_out_invoices_2``): every line value right and no line value wrong at
confidence >= 0.9; the classes fixed by the table reader asserted one by one (each failed before)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents import line_tables_2
from tests.extractors_documents import test_held_out_invoices_2 as held
from tests.extractors_documents.test_line_tables import _wrong


@pytest.fixture
def ours(our_companies):
    our_companies(line_tables_2.OURS, tax_ids=(line_tables_2.OUR_TAX_ID,), name_en=line_tables_2.OURS_EN)


@pytest.fixture
def held_ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import OurCompany, write_our_companies

    path = write_our_companies([
        OurCompany(name=held.OURS, name_en=held.OURS_EN, tax_ids=(held.OUR_TAX_ID,), accounts=held.OUR_ACCOUNTS),
        OurCompany(name=held.OURS_HK, name_en=held.OURS_HK_EN, accounts=held.OURS_HK_ACCOUNTS),
        OurCompany(name=held.OURS_IN, tax_ids=(held.OURS_IN_GSTIN,))], tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    pdf = tmp_path / f"{name}.pdf"
    truth = line_tables_2.DOCUMENTS[name](pdf)
    return truth, extract_document(pdf)


def _lines(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(ln.description, ln.sku, ln.quantity, ln.unit_price, ln.amount, ln.tax_rate, ln.tax)
            for ln in result.record.lines]


@pytest.mark.parametrize("name", sorted(line_tables_2.DOCUMENTS))
def test_every_line_value_is_read(tmp_path: Path, ours, name: str) -> None:
    truth, result = _read(tmp_path, name)
    assert result.kind == "invoice"
    assert not _wrong(truth, result), (_wrong(truth, result), result.warnings)
    assert sum((t["amount"] for t in truth), D(0)) == sum((ln.amount for ln in result.record.lines), D(0))
    assert not any("the lines sum to" in w for w in result.warnings), result.warnings


def test_a_tables_own_decimal_comma_settles_its_figures(tmp_path: Path, ours) -> None:
    """``1.000`` Stk. at ``0,038`` in a table of decimal commas: a thousand at 0.038, not 1.000 at 38 (read at
    1.0 before), and ``0,285`` a unit price (dropped before)."""
    _truth, result = _read(tmp_path, "de_pos_menge")
    got = [(ln.quantity, ln.unit_price, ln.amount) for ln in result.record.lines]
    assert got == [(D("500"), D("0.285"), D("142.50")), (D("1000"), D("0.038"), D("38.00")),
                   (D("6"), D("14.95"), D("89.70")), (None, None, D("-8.11"))]


def test_a_carried_forward_row_is_no_line_on_either_page(tmp_path: Path, ours) -> None:
    """``Übertrag`` under page 1's part and as page 2's first row, a ``Gesamt €`` header (no line before)."""
    truth, result = _read(tmp_path, "de_uebertrag")
    assert [ln.amount for ln in result.record.lines] == [t["amount"] for t in truth]
    assert all(ln.description != "Übertrag" for ln in result.record.lines)


def test_a_code_column_of_another_language_is_the_sku(tmp_path: Path, ours) -> None:
    """``Artikelnr.``, ``Código``, ``Réf.``: the codes are SKUs, not dropped or glued to the description."""
    for name in ("nl_factuur", "es_factura", "fr_facture"):
        truth, result = _read(tmp_path, name)
        assert [ln.sku for ln in result.record.lines] == [t["sku"] for t in truth], name


def test_a_tax_inclusive_table_yields_net_lines(tmp_path: Path, ours) -> None:
    """``Gesamt brutto`` with a rate per line under ``MwSt.``: each line's amount is its gross less the tax in
    it (no line was read before), and the lines sum to the printed net."""
    _truth, result = _read(tmp_path, "de_brutto")
    got = [(ln.amount, ln.tax_rate, ln.tax) for ln in result.record.lines]
    assert got == [(D("200.00"), D("0.19"), D("38.00")), (D("50.00"), D("0.19"), D("9.50")),
                   (D("60.00"), D("0.07"), D("4.20"))]
    assert result.record.net == D("310.00") and result.confidence["net"] >= 0.9


def test_a_discount_line_with_a_negative_unit_price(tmp_path: Path, ours) -> None:
    """``2 x -25.00 = -50.00``: the unit price was unreadable (negative) and dropped."""
    _truth, result = _read(tmp_path, "en_discount_lines")
    line = result.record.lines[2]
    assert (line.quantity, line.unit_price, line.amount) == (D("2"), D("25.00"), D("-50.00"))


def test_a_header_wrapped_into_two_lines_names_its_columns_whole(tmp_path: Path, ours) -> None:
    """``Item`` / ``No.``, ``Unit`` / ``Price``, ``Line`` / ``Total``: the first line alone reads as line number,
    unit and line number again; the SKU and the unit price were lost."""
    truth, result = _read(tmp_path, "en_header_wrap")
    assert [(ln.sku, ln.unit_price) for ln in result.record.lines] == [(t["sku"], t["unit_price"]) for t in truth]


def test_cgst_and_sgst_sub_columns_add_up_to_the_lines_tax(tmp_path: Path, ours) -> None:
    """``CGST`` and ``SGST`` heads over ``Rate`` / ``Amount`` sub-columns, ``Taxable / Value`` wrapped: no line
    was read before."""
    _truth, result = _read(tmp_path, "in_cgst_sgst")
    got = [(ln.amount, ln.tax_rate, ln.tax) for ln in result.record.lines]
    assert got == [(D("38400.00"), D("0.18"), D("6912.00")), (D("2700.00"), D("0.18"), D("486.00"))]


def test_a_figure_grouped_by_blanks_keeps_its_thousands(tmp_path: Path, ours) -> None:
    """``45 973,80 €`` under a right-aligned ``Montant`` narrower than it: the ``45`` fell into the unit price's
    column (the line read 973.80 at 0.6, the unit price lost), as French scans lost a thousands digit."""
    _truth, result = _read(tmp_path, "fr_facture")
    got = [(ln.unit_price, ln.amount) for ln in result.record.lines]
    assert got == [(D("255.41"), D("45973.80")), (D("51.50"), D("1236.00")), (D("650.00"), D("650.00"))]


# -- the held-out invoices whose lines were missed -------------------------------------------------------
def _held(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return extract_document(held._build(tmp_path, name))


def test_a_period_column_between_description_and_amount(tmp_path: Path, held_ours) -> None:
    """``Description | Period | Amount``: two dictionary heads and one it does not know; no line was read."""
    result = _held(tmp_path, "hosting_invoice")
    assert [ln.amount for ln in result.record.lines] == [D("48.00"), D("6.00"), D("9.60")]
    assert all("/2026" not in f"{ln.description} {ln.spec}" for ln in result.record.lines)


def test_an_item_column_of_codes_and_an_extended_column(tmp_path: Path, held_ours) -> None:
    """``Qty | Item | Description | Unit Price | Extended``: ``Extended`` is the amount, ``Item`` holds SKUs."""
    result = _held(tmp_path, "us_sales_tax_invoice")
    got = [(ln.sku, ln.quantity, ln.unit_price, ln.amount) for ln in result.record.lines]
    assert got == [("DC-150", D("10"), D("42.50"), D("425.00")), ("TW-SET3", D("2"), D("318.00"), D("636.00"))]


def test_summary_rows_under_the_table_are_no_lines(tmp_path: Path, held_ours) -> None:
    """``Net -240.00`` and ``VAT 20% -48.00`` under a credit note's table were read as two more lines."""
    result = _held(tmp_path, "credit_note")
    assert [ln.amount for ln in result.record.lines] == [D("-240.00")]


def test_two_line_heads_read_the_taxable_value_and_the_igst(tmp_path: Path, held_ours) -> None:
    """``Gross / Amount ₹``, ``Taxable / Value ₹``, ``IGST ₹``: no line was read, so net and tax came out wrong
    (0.6); now each line is its taxable value and IGST, and they make the invoice's net and tax."""
    result = _held(tmp_path, "india_tax_invoice")
    assert [(ln.amount, ln.tax) for ln in result.record.lines] == [(D("10168.64"), D("1830.36")),
                                                                   (D("2669.49"), D("480.51"))]
    assert (result.record.net, result.record.tax) == (D("12838.13"), D("2310.87"))
    assert result.confidence["net"] >= 0.9 and result.confidence["tax"] >= 0.9
