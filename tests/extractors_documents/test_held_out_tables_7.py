"""The seventh held-out item tables (``held_out_tables_7.py``, written by hand, built in the test): every line's
description, spec, SKU, quantity, unit price, amount, tax rate and tax read right, the lines summing to the net, and
the classes the table reader missed on main asserted one by one (each of those tests fails on main's code)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents import held_out_tables_7 as held
from tests.extractors_documents.test_line_tables import _wrong

ALL = {**held.DOCUMENTS, **held.ROUND_TWO}


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import OurCompany, write_our_companies

    path = write_our_companies([OurCompany(name=held.OURS, name_en=held.OURS_EN, tax_ids=(held.OUR_TAX_ID,)),
                                OurCompany(name=held.OURS_DE[0], tax_ids=(held.OURS_DE[1],))],
                               tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    pdf = tmp_path / f"{name}.pdf"
    truth = ALL[name](pdf)
    return truth, extract_document(pdf)


def _got(result, *fields: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [tuple(getattr(ln, f) for f in fields) for ln in result.record.lines]


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_line_value_is_read(tmp_path: Path, ours, name: str) -> None:
    truth, result = _read(tmp_path, name)
    assert result.kind == "invoice"
    assert not _wrong(truth, result), (_wrong(truth, result), result.warnings)
    total = sum((t["amount"] for t in truth), D(0))
    assert total == sum((ln.amount for ln in result.record.lines), D(0)) == result.record.net
    assert not any("the lines sum to" in w for w in result.warnings), result.warnings


def test_a_word_printed_across_a_ruling_line_stays_whole(tmp_path: Path, ours) -> None:
    """Values printed off their pre-printed grid: ``400`` right-aligned over its cell's rule was cut there into a
    quantity ``40`` and an amount ``53140.0``; ``Φ20`` and ``CAT6`` starting left of their cell lost a letter to
    the name (``*塑料制品*PVC穿线管 Φ`` at 1.0)."""
    _truth, result = _read(tmp_path, "cn_across_rules")
    assert _got(result, "quantity", "unit_price", "amount", "tax_rate") == [
        (D("400"), D("7.85"), D("3140.00"), D("0.13")), (D("250"), D("12.60"), D("3150.00"), D("0.13")),
        (D("180"), D("9.40"), D("1692.00"), D("0.13"))]
    _truth, result = _read(tmp_path, "cn_across_left")
    assert _got(result, "description", "spec") == [("*塑料制品*PVC线槽", "40x25"), ("*塑料制品*PVC穿线管", "Φ20"),
                                                   ("*电线电缆*网线", "CAT6")]


def test_a_spec_that_starts_with_a_figure_keeps_it(tmp_path: Path, ours) -> None:
    """A 数电票 without inner rules, 规格型号 left-aligned under its centred header: the spec's first word, a
    figure (``0603``, ``304``, ``2.5``, ``20``), went to the name at confidence 1.0."""
    _truth, result = _read(tmp_path, "cn_decimals")
    assert _got(result, "description", "spec")[0] == ("*电子元件*贴片电阻", "0603 10KΩ±1%")
    _truth, result = _read(tmp_path, "cn_spec_digits")
    assert _got(result, "spec") == [("304 Φ25x1.2",), ("2.5 平方 BV",), ("20 升/桶",)]


def test_an_exempt_lines_asterisks_are_no_tax(tmp_path: Path, ours) -> None:
    """``免税`` / ``不征税`` lines print ``***`` as their tax: zero tax (it was unreadable: a warning, no tax)."""
    _truth, result = _read(tmp_path, "cn_exempt")
    assert _got(result, "tax_rate", "tax") == [(D("0"), D("0")), (D("0"), D("0")), (None, D("0")),
                                               (D("0.13"), D("291.20"))]
    assert not any("is not readable" in w for w in result.warnings), result.warnings


def test_a_rate_with_a_decimal_comma(tmp_path: Path, ours) -> None:
    """``5,5 %`` (French TVA on books) was not a readable rate."""
    _truth, result = _read(tmp_path, "fr_two_rates")
    assert _got(result, "tax_rate") == [(D("0.2"),), (D("0.2"),), (D("0.055"),), (D("0.2"),)]


def test_a_quantity_times_rate_column(tmp_path: Path, ours) -> None:
    """``Qty x Rate`` / ``Qty @ Price`` columns printing ``12 hrs x $95.00``, ``1,200 PCS x $0.85``, ``40 pcs @ €
    12.50``: the quantity went to the description (at 0.85) or no line was read (``Total`` is the amount)."""
    _truth, result = _read(tmp_path, "en_qty_x_rate")
    assert _got(result, "quantity", "unit", "unit_price") == [(D("12"), "hrs", D("95.00")), (D("1200"), "PCS", D("0.85")),
                                                              (D("1"), None, D("350.00"))]
    _truth, result = _read(tmp_path, "en_qty_at_price")
    assert _got(result, "quantity", "unit_price", "amount") == [(D("40"), D("12.50"), D("500.00")),
                                                                (D("24"), D("15.75"), D("378.00")),
                                                                (D("3.5"), D("75.00"), D("262.50"))]


def test_heading_rows_belong_to_no_line(tmp_path: Path, ours) -> None:
    """``Hardware`` / ``Services`` and ``Lieferschein 80012 vom 02.04.2026`` rows over their items were glued to
    the next or the previous line's description (at 1.0 on ``24 in touch monitor Services``)."""
    _truth, result = _read(tmp_path, "en_sections")
    descriptions = [" ".join(filter(None, (ln.description, ln.spec))) for ln in result.record.lines]
    assert descriptions == ["Industrial PC, fanless, i5", "24 in touch monitor", "On-site commissioning",
                            "Operator training (remote)"]
    _truth, result = _read(tmp_path, "de_lieferschein")
    assert not any("Lieferschein" in f"{ln.description} {ln.spec}" for ln in result.record.lines)


def test_a_trailing_minus_and_a_summary_in_another_currency_code(tmp_path: Path, ours) -> None:
    """SAP's ``12,50-`` is a discount line of -12.50 (it was no figure, the line lost); ``Nettowert 178,00 EUR``
    and ``MwSt. 19 % 33,82 EUR`` under the table are no lines (read as a fifth line, net 211.82 at 0.6)."""
    _truth, result = _read(tmp_path, "de_lieferschein")
    assert _got(result, "amount") == [(D("96.00"),), (D("36.00"),), (D("-12.50"),), (D("58.50"),)]
    assert result.record.net == D("178.00")


def test_european_column_names(tmp_path: Path, ours) -> None:
    """``Ref. | Concepto | Uds. | Precio ud. | % IVA | Cuota IVA | Total`` (no line was read) and ``Cod. articolo``
    (SKUs lost); an ``Item`` column of codes without digits (``SV-COM``)."""
    _truth, result = _read(tmp_path, "es_iva_column")
    assert _got(result, "sku", "tax_rate", "tax") == [("R-01", D("0.21"), D("32.55")), ("R-02", D("0.21"), D("15.96")),
                                                      ("P-10", D("0.1"), D("4.80"))]
    _truth, result = _read(tmp_path, "it_fattura")
    assert _got(result, "sku") == [("A-1120",), ("A-2281",), ("L-0044",), ("S-9001",)]
    _truth, result = _read(tmp_path, "en_sections")
    assert _got(result, "sku") == [("IPC-5020",), ("TM-24",), ("SV-COM",), ("SV-TRN",)]
