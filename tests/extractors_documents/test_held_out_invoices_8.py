"""An eighth held-out set of invoices (issue 14 §1-§4), written by hand (``held_out_invoices_8.py``): no printed
field may be read wrong at confidence >= 0.9 and none swapped between the parties; a field read otherwise than
printed is left for review; then one test per class the set found (each failed on main before this branch)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents.held_out_invoices_8 import DOCS, LINES, TRUTH, build, our_companies, right

#: fields this branch still reads wrong, below 0.9 and for review (bench/RESULTS.md rtinvoices8)
LEFT = {"ca_bc_deposit": {"net", "tax"}}


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(our_companies(tmp_path / "our_companies.toml")))


def _read(tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    return extract_document(build(name, tmp_path))


@pytest.mark.parametrize("name", sorted(DOCS))
def test_held_out_invoice_has_no_wrong_field_at_high_confidence(tmp_path: Path, ours, name: str) -> None:
    result = _read(tmp_path, name)
    assert result.kind == "invoice" and result.record is not None, result.warnings
    truth = {"document_type": "invoice", **TRUTH[name]}
    wrong = {f: (getattr(result.record, f), v, result.confidence.get(f)) for f, v in truth.items()
             if not right(f, getattr(result.record, f), v)}
    assert not {f: w for f, w in wrong.items() if (w[2] or 0) >= 0.9}, (wrong, result.warnings)
    assert set(wrong) <= LEFT.get(name, set()), (wrong, result.warnings)  # nothing right got worse
    assert result.record.seller_name != result.record.buyer_name


@pytest.mark.parametrize("name", sorted(LINES))
def test_held_out_invoice_lines(tmp_path: Path, ours, name: str) -> None:
    lines = _read(tmp_path, name).record.lines
    got = [((ln.description or "") + " " + (ln.sku or "") + " " + (ln.spec or ""), ln.quantity, ln.amount) for ln in lines]
    for frag, qty, amount in LINES[name]:
        assert any(frag.casefold() in d.casefold() and q == qty and a == amount for d, q, a in got), (frag, got)
    assert len(lines) == len(LINES[name]), got  # no summary row (CTNs, weights, a carried total) read as an item


# -- the classes found, each with its document ------------------------------------------------------------
CLASSES = {
    # our name under the title without a label, the issuer's name over its ABN: main had us as the seller at 0.99
    "letterhead_over_its_tax_id": ("au_box_above", {"seller_name": "Moreton Bay Hydraulics Pty Ltd",
                                                    "buyer_name": "Suzhou Hengrui Precision Hardware Co., Ltd."}),
    # proforma titles other than "Proforma Invoice" (data/kinds.toml [proforma]): kind "commercial" at 1.0 on main
    "pro_forma_hyphenated": ("it_proforma", {"kind": "proforma", "total": D("190000.00"), "currency": "EUR"}),
    "proformafaktura": ("dk_proformafaktura", {"kind": "proforma", "total": D("48000.00"), "currency": "DKK"}),
    # a Norwegian kreditnota: main read the credited invoice's number as its own (1.0), no credit, no currency
    "kreditnota": ("no_kreditnota", {"document_type": "credit_note", "number": "7719", "original_number": "7655",
                                     "net": D("-12500.00"), "total": D("-15625.00"), "currency": "NOK"}),
    # a tax id followed on its line by words without a digit (the next label, a remark): 0.85 on main
    "tax_id_then_a_label": ("sg_gst9", {"seller_tax_id": "201912345K"}),
    "tax_id_then_a_remark": ("se_oresavrundning", {"seller_tax_id": "SE556677889901", "currency": "SEK"}),
    # an NFS-e: ``Razão Social:`` inside the parties' names (0.9 on main), the ISS read (tax 0 at 0.9 on main)
    "nfse_blocks": ("br_nfse", {"seller_name": "Campinas Engenharia de Automação Ltda.", "tax": D("1000.00"),
                                "buyer_name": "Suzhou Hengrui Precision Hardware Co., Ltd.", "seller_tax_id": "11222333000181"}),
    # shared signs only the issuer's country tells (data/issuers.toml): null on main; the ¥ of a Chinese issuer
    # whose letterhead prints its ``Unified Social Credit Code:`` (and nothing Chinese)
    "yuan_by_the_issuers_uscc": ("cn_english_yen", {"currency": "CNY", "seller_tax_id": "91330206MA2CJ5W90B"}),
    "yen_by_the_japanese_text": ("jp_seikyusho_box", {"currency": "JPY", "total": D("164400")}),
    "rand_by_country": ("za_debit_note", {"currency": "ZAR", "total": D("5750.00")}),
    "icelandic_krona": ("is_reikningur", {"currency": "ISK", "total": D("1302000")}),
    # a tax the buyer withholds (data/labels.toml withheld): main read Net Amount Payable as the total and the
    # withheld tax as (part of) the tax, the Mexican IVA retenido as the IVA
    "withholding_tax_thai": ("th_withholding", {"total": D("107000.00"), "tax": D("7000.00"), "currency": "THB"}),
    "iva_retenido": ("mx_usd_retencion", {"tax": D("1600.00"), "total": D("11200.00"), "currency": "USD"}),
    # a total repeated in another currency (data: none; invoice_header._in_billed_currency): main took the CNY
    # equivalent 85,200 as the USD invoice's total (the largest)
    "total_with_its_equivalent": ("hk_usd_cny", {"total": D("12000.00"), "net": D("12000.00"), "currency": "USD"}),
    # labels of the set (data/labels.toml): Icelandic dates, net, VSK and item columns (null on main); Norwegian
    # ``Sum ekskl. mva`` (its ``mva`` read as the tax on main); Italian ``Totale imponibile`` beside ``IVA non
    # imponibile`` (net 0 and tax 190,000 on main), ``N.``; a Chinese 含税 summary (total and net null on main)
    "icelandic_labels": ("is_reikningur", {"issue_date": date(2026, 12, 1), "due_date": date(2026, 12, 31),
                                           "net": D("1050000"), "tax": D("252000"), "seller_tax_id": "550169-2829"}),
    "norwegian_net_label": ("no_kreditnota", {"tax": D("-3125.00"), "issue_date": date(2026, 12, 1)}),
    "italian_imponibile": ("it_proforma", {"net": D("190000.00"), "tax": D("0"), "number": ("PF 112/2026", "PF112/2026")}),
    "chinese_tax_inclusive_summary": ("cn_hanshui", {"number": "JM-2612-018", "net": D("100000.00"), "tax": D("13000.00"),
                                                     "total": D("113000.00")}),
}


@pytest.mark.parametrize("case", sorted(CLASSES))
def test_a_class_the_eighth_set_found(tmp_path: Path, ours, case: str) -> None:
    name, want = CLASSES[case]
    result = _read(tmp_path, name)
    assert result.record is not None, result.warnings
    got = {f: getattr(result.record, f) for f in want}
    assert all(right(f, got[f], v) for f, v in want.items()), (got, result.warnings)


def test_a_tax_printed_beside_a_total_it_is_inside_is_doubted(tmp_path: Path, ours) -> None:
    """The NFS-e's ISS is inside the service value (net not printed): the tax is kept for review, no net made up."""
    result = _read(tmp_path, "br_nfse")
    assert result.confidence["tax"] < 0.9 and result.record.net is None and not result.confidence.get("net")


def test_a_net_that_is_a_doubted_total_is_doubted(tmp_path: Path, ours) -> None:
    """Set 7's Brunei invoice prints only its total, whose words disagree with it (12,480 in words, 12,840 in
    figures): the net is that total (no net printed), so lines agreeing with the figures do not make it sure
    (0.99 on main while the total was at 0.6): the figures and the words are in dispute, the lines are figures."""
    from tests.extractors_documents.held_out_invoices_7 import build as build_7

    result = extract_document(build_7("bn_words_disagree", tmp_path))
    assert result.record.net == D("12840.00") and result.confidence["net"] < 0.9 and result.confidence["total"] < 0.9


def test_a_credit_notes_issue_date_and_parties(tmp_path: Path, ours) -> None:
    result = _read(tmp_path, "nz_credit_note")
    assert result.record.is_credit and result.record.original_number == "INV-20931"
    assert result.record.issue_date == date(2026, 12, 1) and result.record.total == D("-1242.00")
