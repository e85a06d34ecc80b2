"""Crisp (threshold-binarised) faxes of small print read a second time where the first reading is weak (issue 14
§1-§4, scans; branch scans8). On a 100-dpi fax PP-OCR finds the text lines but misreads the 7-9 px characters:
``$680.00`` read ``460.0`` at 0.64, ``$0.00`` read ``00.0``. Those lines are read again from their box scaled up
2x (cubic, a light blur) and the second reading taken where it is surer and reads the same Chinese characters
(``extractors/ocr/rapid.py RapidOcrEngine._reread``). The pages are scans4's (``bench/scans_real.py build``: the same
document, seed and recipe) through the real OCR."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest

from extractors.documents import extract_document
from hub.settings import OurCompany
from tests.extractors_documents import test_held_out_invoices_3 as inv3
from tests.extractors_documents import test_held_out_receipts_third as rc3
from tests.extractors_documents.degrade import DPI, fax
from tests.extractors_documents.handmade import draw_pdf

#: scans4's seed and the fax100 family's place in ``bench/scans_real.FAMILIES``
SEED, FAX100 = 14, 1


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import write_our_companies

    accounts = tuple(dict.fromkeys((*inv3.OUR_ACCOUNTS, *rc3.OUR_ACCOUNTS)))
    path = write_our_companies([
        OurCompany(name=inv3.OURS, name_en=inv3.OURS_EN, tax_ids=(inv3.OUR_TAX_ID,), accounts=accounts),
        OurCompany(name=inv3.OURS_DE, tax_ids=(inv3.OURS_DE_VAT,))], tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def _fax100(pdf: Path, index: int, tmp_path: Path) -> Path:
    """Page 1 of ``pdf`` as ``bench/scans_real.py build`` faxes document ``index`` (sorted) at 100 dpi."""
    from extractors.pdfwords import render_pages

    data, _, _ = fax(render_pages(pdf, [1], dpi=DPI)[0], np.random.default_rng([SEED, index, FAX100]), 100)
    path = tmp_path / "fax100.jpg"
    path.write_bytes(data)
    return path


@pytest.mark.slow
def test_a_crisp_100dpi_faxs_figures_are_read_again_from_a_larger_crop(tmp_path: Path, ours) -> None:
    """The Australian tax invoice at 100 dpi: main read the subtotal ``$680.00`` as ``460.0`` and the GST ``$0.00`` as
    ``00.0`` (net 460.0 and tax 220.00, made up from the total, at 0.6); the second reading gives both, confirmed by
    the total."""
    path = _fax100(inv3.build("au_tax_invoice", tmp_path), 0, tmp_path)
    result = extract_document(path)
    r, conf = result.record, result.confidence
    assert (r.net, r.tax, r.total) == (D("680.00"), D("0.00"), D("680.00")), (r.net, r.tax, conf)
    wrong = {f: (getattr(r, f), v) for f, v in inv3.TRUTH["au_tax_invoice"].items()
             if getattr(r, f) is not None and not inv3._same(f, getattr(r, f), v) and conf.get(f, 0.0) >= 0.9}
    assert not wrong


@pytest.mark.slow
def test_a_second_reading_never_changes_a_faxs_chinese_characters(tmp_path: Path, ours) -> None:
    """The stacked 兴业 receipt at 100 dpi: its ``付款方`` label (0.79) reads ``付歌方`` (0.87) from the larger crop; taken,
    the payer block lost its label and the payer's bank went to the payee. Chinese is kept as first read (a guard:
    main reads the page as here)."""
    items, rules, font = rc3.DOCS["q2_cib_stacked"][0]
    path = _fax100(draw_pdf(tmp_path / "cib.pdf", items, rules, font, line_width=0.6), 27, tmp_path)
    r = extract_document(path, kind="receipt").record
    assert (r.payer_bank, r.payee_bank) == ("招商银行杭州西湖支行", "兴业银行苏州分行营业部")


def test_the_chinese_characters_a_second_reading_must_keep() -> None:
    from extractors.ocr.rapid import _cjk

    assert _cjk("用途：INV26322000000091234货款") == _cjk("用途：INV2632Z000000091234货款") == "用途货款"
    assert _cjk("付款方") != _cjk("付歌方")
    assert _cjk("登録番号：T4120001098765") == "登録番号"
    assert _cjk("$680.00") == ""
