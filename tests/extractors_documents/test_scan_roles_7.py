"""Our own identity never fills the counterparty's field (issue 14 §2, scans; branch scans7). On a 100-dpi fax the
other party's tax id or account can be unreadable while ours is read: main put our id on the other party's side at
0.99 (a 数电 purchase invoice's seller tax id, a 农商行 receipt's payer account). The other party's field is now
empty for review, and ours goes to our side, doubted. The pages are the fax set's (``bench/scans_fax.py``: the
same document, seed and recipe) through the real OCR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from extractors.documents import extract_document
from extractors.documents.result import Fields
from extractors.documents.roles import Identity, settle_invoice, settle_receipt
from hub.settings import OurCompany
from tests.extractors_documents import held_out_5 as h5
from tests.extractors_documents import test_held_out_receipts_fourth as rc4
from tests.extractors_documents.degrade import DPI, fax_machine
from tests.extractors_documents.handmade import OUR_ACCOUNTS, OUR_TAX_ID, OURS, draw_pdf

US = Identity([OurCompany(name=OURS, tax_ids=(OUR_TAX_ID,), accounts=OUR_ACCOUNTS)])


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import write_our_companies

    path = write_our_companies([OurCompany(name=OURS, tax_ids=(OUR_TAX_ID,),
                                           accounts=tuple(dict.fromkeys((*OUR_ACCOUNTS, *rc4.OUR_ACCOUNTS))))],
                               tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def _fax100(pdf: Path, index: int, sender: str, tmp_path: Path) -> Path:
    """The page as ``bench/scans_fax.py build`` (seed 66) faxes document ``index`` at 100 dpi."""
    from extractors.pdfwords import render_pages

    rng = np.random.default_rng([66, index, 100, False])
    faxed, _ = fax_machine(render_pages(pdf, [1], dpi=DPI), rng, 100, "fine", sender=sender)
    if rng.random() < 0.4:
        path = tmp_path / "page.tif"
        faxed[0].save(path, compression="group4", dpi=(100, 100))
    else:
        path = tmp_path / "page.jpg"
        faxed[0].convert("L").save(path, "JPEG", quality=int(rng.integers(45, 80)), dpi=(100, 100))
    return path


@pytest.mark.slow
def test_a_faxed_purchase_invoice_never_gives_our_tax_id_to_the_seller(tmp_path: Path, ours) -> None:
    """The stacked 数电 invoice (购买方 = us over 销售方): at 100 dpi the seller's USCC is unreadable; main read ours
    as the seller's at 0.99."""
    path = _fax100(h5.build("cn_sdp_stacked", tmp_path), 2, "+1 603 555 0142", tmp_path)
    result = extract_document(path)
    r, conf = result.record, result.confidence
    assert r.seller_tax_id != OUR_TAX_ID, (r.seller_tax_id, conf.get("seller_tax_id"))
    assert r.seller_tax_id is None or conf["seller_tax_id"] < 0.9
    assert r.buyer_tax_id in (None, OUR_TAX_ID)
    assert "seller_tax_id" in result.needs_review()


@pytest.mark.slow
def test_a_faxed_receipt_never_gives_our_account_to_the_payer(tmp_path: Path, ours) -> None:
    """The 农商行 电子回单 (付款人 and 收款人 blocks side by side): at 100 dpi main read our account as the payer's
    (0.99) beside the payer's name."""
    (items, rules, font), truth = rc4.DOCS["r3_csrcb_rcb"]
    pdf = draw_pdf(tmp_path / "r3.pdf", [i for i in items if i[2]], rules, font, line_width=0.6)
    result = extract_document(_fax100(pdf, 13, "+86 512 6688 1234", tmp_path))
    r, conf = result.record, result.confidence
    assert r.payer_account not in set(rc4.OUR_ACCOUNTS) | set(OUR_ACCOUNTS), (r.payer_account, conf.get("payer_account"))
    assert r.payee_account in (None, truth["payee_account"])
    assert "payer_account" in result.needs_review()


def _invoice(**values: str) -> Fields:
    f = Fields()
    for name, value in values.items():
        f.set(name, value, 0.85)
    return f


def test_our_tax_id_beside_another_companys_name_leaves_that_id_empty() -> None:
    f = _invoice(seller_name="昆山市精工模具有限公司", seller_tax_id=OUR_TAX_ID, buyer_name="媒格微号")
    settle_invoice(f, who=US)
    assert f.get("seller_tax_id") is None and f.confidence["seller_tax_id"] == 0.0
    assert f.get("buyer_tax_id") == OUR_TAX_ID and f.confidence["buyer_tax_id"] < 0.9


def test_our_account_beside_another_companys_name_on_a_receipt() -> None:
    f = _invoice(payer_name="常熟市虞山精工机械厂", payer_account=OUR_ACCOUNTS[0])
    settle_receipt(f, None, None, who=US)
    assert f.get("payer_account") is None and f.get("payee_account") == OUR_ACCOUNTS[0]


def test_our_id_beside_our_garbled_name_stays_ours() -> None:
    """Our name misread (a stamp over it) beside our id: the id stays where it was read."""
    for name in ("苏州恒锐精金可南制品有限公司", "媒格微号"):
        f = _invoice(seller_name=name, seller_tax_id=OUR_TAX_ID, buyer_name="昆山市精工模具有限公司")
        settle_invoice(f, who=US)
        assert f.get("seller_tax_id") == OUR_TAX_ID and f.get("buyer_tax_id") is None, name


def test_our_id_beside_another_name_with_a_company_on_both_sides_is_left_as_read() -> None:
    """Both sides name another company (our name printed as the master does not know it?): nothing is moved."""
    f = _invoice(seller_name="Nordic Tools AB", seller_tax_id=OUR_TAX_ID, buyer_name="昆山市精工模具有限公司")
    settle_invoice(f, who=US)
    assert f.get("seller_tax_id") == OUR_TAX_ID and f.get("buyer_tax_id") is None


def test_our_account_beside_our_name_misread_keeps_its_confidence() -> None:
    """A fax's 苏州振识精出五金制富有究公司 (ours misread, 0.64 like ours) beside our account, a supplier as the payer."""
    f = _invoice(payee_name="苏州振识精出五金制富有究公司", payee_account=OUR_ACCOUNTS[0], payer_name="宁波北仑港城模具有限公司")
    f.confidence["payee_account"] = 0.99
    settle_receipt(f, None, "credit", who=US)
    assert f.get("payee_account") == OUR_ACCOUNTS[0] and f.confidence["payee_account"] >= 0.9


def test_on_a_credit_our_account_stays_ours_and_the_payers_name_beside_it_goes_to_the_payer() -> None:
    """A faxed credit advice (the direction printed): OCR put our account under the payer's block; the swap took the
    remitter's name along. The direction decides our side: the account stays ours, the name is the payer's."""
    f = _invoice(payer_account=OUR_ACCOUNTS[0], payer_name="MUELLER ANLAGENBAU GMBH", payer_bank="DEUTSCHE BANK AG")
    settle_receipt(f, None, "credit", who=US)
    assert f.get("payee_account") == OUR_ACCOUNTS[0] and f.get("payer_account") is None
    assert f.get("payer_name") == "MUELLER ANLAGENBAU GMBH" and f.confidence["payer_name"] < 0.9
    assert f.get("payee_name") is None and f.get("payer_bank") == "DEUTSCHE BANK AG" and f.get("payee_bank") is None
