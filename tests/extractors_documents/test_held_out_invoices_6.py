"""A sixth held-out set of invoices (issue 14 §1-§4), written by hand (``held_out_invoices_6.py``): every printed header
field is asserted, none may be wrong at confidence >= 0.9, a field not printed is null and left for review;
then one test per class the set found (each failed on main before this branch)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.parse.dates import parse_date
from extractors.parse.taxids import check_tax_id
from tests.extractors_documents import held_out_harness as held
from tests.extractors_documents.held_out_invoices_6 import DOCS, LINES, TRUTH

ours = held.ours


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return held.read(DOCS, name, tmp_path)


#: printed fields the reader leaves null at confidence 0 for review (never a wrong value)
UNREAD: dict[str, set[str]] = {
    "cn_air_itinerary": {"net"},  # no net printed: 票价 + 燃油附加费 hold the VAT, 民航发展基金 none
}
#: printed fields read wrong, below 0.9 and left for review (known, not yet fixed)
DOUBTFUL: dict[str, set[str]] = {}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_held_out_invoice_reads_every_printed_field(tmp_path: Path, ours, name: str) -> None:
    held.assert_every_printed_field(_read(tmp_path, name), TRUTH[name], UNREAD.get(name, set()), DOUBTFUL.get(name, set()))


@pytest.mark.parametrize("name", sorted(LINES))
def test_held_out_invoice_lines(tmp_path: Path, ours, name: str) -> None:
    held.assert_lines(_read(tmp_path, name).record, LINES[name])


# -- the classes found, each with its document ------------------------------------------------------------
CLASSES = {
    # a bare ``$`` is the issuer's country's dollar or peso (the CUIT, RUT, NIT, an Ontario address, a New
    # Zealand one; data/issuers.toml, data/currencies.toml [ambiguous]): on main it was left unknown
    "argentine_peso_sign": ("ar_factura_a", {"currency": "ARS", "seller_tax_id": "30712345671"}),
    "chilean_peso_without_decimals": ("cl_factura", {"currency": "CLP", "seller_tax_id": "765432103",
                                                     "net": D("1000000"), "tax": D("190000")}),
    "colombian_peso_and_nit": ("co_factura", {"currency": "COP", "seller_tax_id": ("9004567894", "900456789")}),
    "canadian_dollar_by_hst_number": ("ca_hst", {"currency": "CAD", "seller_tax_id": "812345676RT0001"}),
    "new_zealand_dollar": ("nz_two_pages", {"currency": "NZD"}),
    # ``Rs.`` is no Indian rupee by itself: the Pakistani one here (INR at 1.0 on main), NTN/STRN its tax id
    "pakistani_rupee": ("pk_sales_tax", {"currency": "PKR", "seller_tax_id": ("12345678", "0304876112345")}),
    # signs and their countries: S/, ₱, Ksh, ₦, ج.م, kr. of a Danish issuer (unknown on main)
    "peruvian_sol_and_ruc": ("pe_factura", {"currency": "PEN", "seller_tax_id": "20601234565", "net": D("20000.00"),
                                            "tax": D("3600.00")}),
    "philippine_peso": ("ph_bir", {"currency": "PHP", "seller_tax_id": ("008123456000", "008123456")}),
    "kenyan_shilling_and_kra_pin": ("ke_kra", {"currency": "KES", "seller_tax_id": "P051234567X"}),
    "nigerian_naira": ("ng_invoice", {"currency": "NGN"}),
    "egyptian_pound_and_internal_id": ("eg_einvoice", {"currency": "EGP", "number": "DPC-2026-771"}),
    "danish_krone_and_cvr": ("dk_faktura", {"currency": "DKK", "seller_tax_id": ("28651317", "DK28651317")}),
    # titles refused on main (labels.toml [invoice.title]): Lasku, Счет-фактура, Рахунок на оплату
    "finnish_lasku": ("fi_lasku", {"number": "40871", "due_date": date(2026, 12, 31), "net": D("12800.00"),
                                   "tax": D("3264.00"), "total": D("16064.00")}),
    "russian_schet_faktura": ("ru_schet_faktura", {"number": "1187", "issue_date": date(2026, 12, 1),
                                                   "seller_tax_id": ("6671234569", "6671234569667101001"),
                                                   "net": D("250000.00"), "tax": D("50000.00"), "currency": "RUB"}),
    "ukrainian_rakhunok": ("ua_rakhunok", {"number": "452", "issue_date": date(2026, 12, 1), "net": D("110000.00"),
                                           "tax": D("22000.00"), "currency": "UAH"}),
    # the CAE's own number and expiry are no invoice number nor due date (``Comp. Nro``, ``Fecha de Vto. para el
    # pago``); ``Cliente del Exterior`` in ``Condición frente al IVA`` is no buyer label
    "argentine_cae_and_condicion": ("ar_factura_a", {"number": ("00001234", "0003-00001234"), "due_date": date(2026, 12, 31),
                                                     "buyer_name": "Suzhou Hengrui Precision Hardware Co., Ltd."}),
    # ``Buyer's Name:`` over ``Buyer's Address:`` (the address was the buyer at 0.88)
    "buyers_name_label": ("pk_sales_tax", {"buyer_name": "Suzhou Hengrui Precision Hardware Co., Ltd."}),
    # the serie-número under ``FACTURA ELECTRÓNICA`` in the RUC box, with no label
    "number_under_the_title": ("pe_factura", {"number": ("F001-00004512", "F00100004512")}),
    # ``VAT Reg. TIN:`` read as printed, not as ``VAT Reg`` + a value ``TIN: 008-…``
    "vat_reg_tin_label": ("ph_bir", {"seller_tax_id": ("008123456000", "008123456")}),
    # our own tax id in the window address under an unlabelled or foreign label (``UID-Nr.``, ``Moms-nr.``)
    "our_tax_id_without_a_label": ("at_rabatt", {"buyer_tax_id": "DE815362741"}),
    "our_tax_id_moms_nr": ("dk_faktura", {"buyer_tax_id": "DE815362741", "buyer_name": "Hengrui Precision Europe GmbH"}),
    # a 机动车销售统一发票: 购买方名称及身份证号码/组织机构代码, 不含税价 小写 ¥…
    "motor_vehicle_invoice": ("cn_jidongche", {"buyer_name": "苏州恒锐精密五金制品有限公司", "net": D("140000.00"),
                                               "tax": D("18200.00")}),
    # an air itinerary's 合计 under its head in the summary row
    "air_itinerary_total": ("cn_air_itinerary", {"total": D("1400.00"), "tax": D("111.47")}),
    "belgian_vervaldag": ("be_factuur", {"due_date": date(2026, 12, 31)}),
    # Uruguayan pesos by the RUT of 12 digits; the Sri Lankan rupee by the VAT number ``…-7000``, and its ``Value of
    # Supply`` the net (it was an item, the net then the lines' 1,308,000.00)
    "uruguayan_peso": ("uy_efactura", {"currency": "UYU"}),
    "sri_lankan_rupee_value_of_supply": ("lk_tax_invoice", {"currency": "LKR", "net": D("600000.00"),
                                                            "tax": D("108000.00")}),
}


@pytest.mark.parametrize("case", sorted(CLASSES))
def test_a_class_the_sixth_set_found(tmp_path: Path, ours, case: str) -> None:
    name, want = CLASSES[case]
    held.assert_class(_read(tmp_path, name), want)


def test_russian_and_ukrainian_dates() -> None:
    """``01 декабря 2026 г.``, ``від 01 грудня 2026 р.`` (data/months.toml, the genitive months)."""
    assert parse_date("01 декабря 2026 г.") == parse_date("від 01 грудня 2026 р.") == date(2026, 12, 1)
    assert parse_date("15 марта 2026") == date(2026, 3, 15) and parse_date("3 листопада 2026") == date(2026, 11, 3)


@pytest.mark.parametrize(("printed", "scheme"), [
    ("30-71234567-1", "AR_CUIT"), ("20601234565", "AR_CUIT"), ("900.456.789-4", "CO_NIT"), ("6671234569", "RU_INN"),
    ("6671234569/667101001", "RU_INN"), ("P051234567X", "KE_PIN")])
def test_tax_ids_of_the_sixth_set_by_their_check(printed: str, scheme: str) -> None:
    checked = check_tax_id(printed)
    assert checked.scheme == scheme and checked.valid is not False


@pytest.mark.parametrize("printed", ["30-71234567-2", "900.456.789-3", "6671234560"])
def test_a_misread_check_digit_is_no_valid_id(printed: str) -> None:
    """One digit off: no scheme's check holds (the shape is unknown, never confirmed)."""
    assert check_tax_id(printed).valid is not True
