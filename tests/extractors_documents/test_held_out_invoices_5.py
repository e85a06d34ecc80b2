"""A fifth held-out set of invoices (issue 14 §1-§4), written by hand (``held_out_5.py``): every printed header
field is asserted, none may be wrong at confidence >= 0.9, a field not printed is null and left for review;
then one test per class the set found (each failed on main before this branch)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.parse.dates import parse_date
from tests.extractors_documents import held_out_harness as held
from tests.extractors_documents.handmade import OURS_DE, OURS_DE_VAT
from tests.extractors_documents.held_out_5 import DOCS, LINES, TRUTH

ours = held.ours


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return held.read(DOCS, name, tmp_path)


#: printed fields the reader leaves null at confidence 0 for review (never a wrong value)
UNREAD: dict[str, set[str]] = {
    "gr_timologio": {"number", "buyer_tax_id"},  # ``Σειρά / Αριθμός: Α / 3391``; the buyer's ΑΦΜ line
    "no_faktura": {"seller_tax_id"},  # only in the footer, ``Org.nr 987 654 325 MVA``
    "ro_factura": {"net", "buyer_tax_id"},  # a ``Total`` row with its TVA column, no net label
    "vn_hoadon": {"currency"},  # only ``đồng`` in the amount in words
    "za_tax_invoice": {"currency"},  # ``R 97 750,00``: a sign of one letter
}
#: printed fields read wrong, below 0.9 and left for review (known, not yet fixed)
DOUBTFUL: dict[str, set[str]] = {"ro_factura": {"tax"}}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_held_out_invoice_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    held.assert_every_printed_field(_read(tmp_path, name), TRUTH[name], UNREAD.get(name, set()), DOUBTFUL.get(name, set()))


@pytest.mark.parametrize("name", sorted(LINES))
def test_held_out_invoice_lines(tmp_path: Path, ours, name: str) -> None:
    held.assert_lines(_read(tmp_path, name).record, LINES[name])


# -- the classes found, each with its document ------------------------------------------------------------
CLASSES = {
    # refusals: titles of Portuguese, Turkish, Vietnamese, Romanian, Greek and Hungarian invoices (labels.toml
    # [invoice.title]) and their labels
    "portuguese_fatura": ("pt_fatura", {"number": ("FT 2026/1187", "FT2026/1187"), "total": D("5022.09"),
                                        "net": D("4083.00"), "due_date": date(2026, 12, 31)}),
    "turkish_e_arsiv_fatura": ("tr_fatura", {"number": "ADD2026000004512", "seller_tax_id": "1234567890",
                                             "tax": D("6000.00"), "total": D("36000.00"), "currency": "TRY"}),
    "vietnamese_hoa_don": ("vn_hoadon", {"issue_date": date(2026, 12, 1), "seller_tax_id": "0312345678",
                                         "net": D("125000000"), "tax": D("12500000"), "total": D("137500000")}),
    "romanian_factura_side_by_side": ("ro_factura", {"seller_name": "TRANSILVANIA METAL PRODUCT S.R.L.",
                                                     "seller_tax_id": "RO18345622", "buyer_name": OURS_DE,
                                                     "total": D("21000.00"), "currency": "RON"}),
    "greek_timologio": ("gr_timologio", {"seller_tax_id": ("099812341", "EL099812341"), "tax": D("1824.00"),
                                         "total": D("9424.00")}),
    "hungarian_szamla": ("hu_szamla", {"number": "DFF-2026-00318", "due_date": date(2026, 12, 31), "tax": D("810000"),
                                       "total": D("3810000"), "currency": "HUF", "buyer_tax_id": OURS_DE_VAT}),
    # an Indonesian DPP / PPN 11% / Total Tagihan: the total was the net at 0.95 and the tax 0 at 0.9; Rp is IDR
    "indonesian_dpp_ppn": ("id_faktur", {"net": D("34500000"), "tax": D("3795000"), "currency": "IDR",
                                         "issue_date": date(2026, 12, 1), "number": "INV/LPN/2026/12/0087"}),
    "malaysian_ringgit": ("my_sst", {"currency": "MYR"}),
    "thai_buddhist_era_and_baht": ("th_tax_invoice", {"issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 30),
                                                      "currency": "THB", "seller_tax_id": "0205561012345"}),
    "norwegian_sum_eks_mva": ("no_faktura", {"net": D("43000.00"), "tax": D("10750.00")}),
    "south_african_exclusive_inclusive": ("za_tax_invoice", {"net": D("85000.00"), "tax": D("12750.00")}),
    "a_tax_code_label_is_no_port": ("vn_cif_commercial", {"seller_tax_id": "0201234567"}),
    "uae_trn": ("ae_tax_invoice", {"seller_tax_id": "100234567800003"}),
    "swedish_kund_block_ids": ("se_brutto", {"buyer_tax_id": OURS_DE_VAT}),
}


@pytest.mark.parametrize("case", sorted(CLASSES))
def test_a_class_the_fifth_set_found(tmp_path: Path, ours, case: str) -> None:
    name, want = CLASSES[case]
    held.assert_class(_read(tmp_path, name), want)


def test_buddhist_era_and_vietnamese_dates() -> None:
    """Thai ``01/12/2569`` (B.E., data/eras.toml [buddhist]), Vietnamese ``Ngày 01 tháng 12 năm 2026``,
    Indonesian ``31 Desember 2026`` (data/months.toml)."""
    assert parse_date("01/12/2569") == parse_date("Ngày 01 tháng 12 năm 2026") == date(2026, 12, 1)
    assert parse_date("31 Desember 2026") == date(2026, 12, 31) and parse_date("5 Agustus 2026") == date(2026, 8, 5)


def test_a_generic_no_in_an_address_is_no_invoice_number(tmp_path: Path, ours) -> None:
    """``Organize Sanayi Bölgesi 4. Cad. No: 17`` above ``Fatura No: ADD2026000004512``: the invoice number's own
    label wins over a ``No:`` that came first on the page."""
    assert _read(tmp_path, "tr_fatura").record.number == "ADD2026000004512"


def test_an_id_under_the_buyers_label_in_the_right_column_is_the_buyers(tmp_path: Path, ours) -> None:
    """``Furnizor: …`` | ``Cumpărător: …`` side by side, each with ``CIF:`` on the next line: ours (the buyer's)
    was the seller's, so the parties were swapped (for review); now each id stays with its side."""
    rec = _read(tmp_path, "ro_factura").record
    assert (rec.seller_tax_id, rec.buyer_tax_id or OURS_DE_VAT) == ("RO18345622", OURS_DE_VAT)
    assert rec.buyer_name == OURS_DE


def test_a_quantity_with_dots_as_thousands(tmp_path: Path, ours) -> None:
    """``5.000 pcs`` x ``Rp 4.500`` = ``Rp 22.500.000``: five thousand, not 5 at confidence 1.0."""
    result = _read(tmp_path, "id_faktur")
    assert [ln.quantity for ln in result.record.lines] == [D("5000"), D("1000")]
