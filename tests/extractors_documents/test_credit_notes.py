"""Credit notes read as signed records (issue 14): documents written by hand, not by the generator, of the
three classes a finance team receives and issues: a UK supplier's credit note that prints its amounts
without a minus (``Total Credit £540.00``) and names the invoice it credits (``Original Invoice No``); an
older Chinese 红字 VAT e-invoice we issue (增值税电子普通发票 with ``销项负数``, negative amounts, ``（负数）``
before the 大写 and ``对应正数发票代码:...号码:...`` in 备注); a German supplier's ``GUTSCHRIFT`` (``Bezug auf
Rechnung``, decimal commas, ``Gutschriftsbetrag``); a French supplier's ``AVOIR`` (``Facture d'origine``). On main each was an invoice whose net, tax and total were
left empty (or its original invoice unread): now it is a credit note, its amounts below zero, its original
invoice's number read. A ``Gutschrift`` with nothing else to tell it from a self-billing invoice is left for
review, and negative amounts under a plain ``INVOICE`` title are a credit note for review, never a sure
invoice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from extractors.documents import extract_document
from tests.extractors_documents.handmade import OUR_TAX_ID, OURS, OURS_EN, draw_pdf, same

W = "WQ"

DOCS = {
# a UK supplier's credit note to us: amounts printed positive, the original invoice named
"uk_credit_note": ([
 (20, 16, 'Pennine Tooling Ltd', 14, 'DVB'), (20, 22, 'Unit 7, Calder Park, Wakefield WF2 7AW', 8),
 (20, 26, 'United Kingdom', 8), (20, 30, 'VAT Registration No: GB 284 5571 19', 8),
 (20, 44, 'CREDIT NOTE', 16, 'DVB'),
 (120, 44, 'Credit Note Number:', 8), (160, 44, 'PT-CN-0418', 8),
 (120, 49, 'Date:', 8), (160, 49, '24 March 2026', 8),
 (120, 54, 'Original Invoice No:', 8), (160, 54, 'PT-24117', 8),
 (20, 54, 'Credit to:', 8, 'DVB'), (20, 59, OURS_EN, 8), (20, 63, 'No. 88 Jinshan Road, Suzhou New District, China', 8),
 (20, 80, 'Description', 8, 'DVB'), (-130, 80, 'Qty', 8, 'DVB'), (-158, 80, 'Unit Price', 8, 'DVB'),
 (-190, 80, 'Amount', 8, 'DVB'),
 (20, 87, 'Price correction, carbide turning inserts (agreed price)', 8), (-130, 87, '900', 8),
 (-158, 87, '0.50', 8), (-190, 87, '450.00', 8),
 (130, 102, 'Subtotal', 8), (-190, 102, '£450.00', 8), (130, 107, 'VAT @ 20%', 8), (-190, 107, '£90.00', 8),
 (130, 114, 'Total Credit', 10, 'DVB'), (-190, 114, '£540.00', 10, 'DVB'),
 (20, 130, 'This credit will be deducted from the balance of invoice PT-24117.', 8),
], [(20, 82, 190, 82), (20, 92, 190, 92), (130, 110, 190, 110)], "DV"),

# an older 红字 增值税电子普通发票 we issue to a customer: 销项负数, negative figures, the blue invoice in 备注
"cn_red_ordinary": ([
 (62, 16, '江苏增值税电子普通发票', 15, W), (86, 24, '销项负数', 9, W),
 (140, 12, '发票代码：032001900311', 7, W), (140, 16, '发票号码：05513302', 7, W),
 (140, 20, '开票日期：2026年03月20日', 7, W), (140, 24, '校 验 码：61207 44218 90335 11872', 7, W),
 (14, 38, '购', 8, W), (14, 43, '买', 8, W), (14, 48, '方', 8, W),
 (22, 35, '名        称：无锡市锡山区盛达机电设备有限公司', 7, W), (22, 40, '纳税人识别号：91320205MA1T0K3E2X', 7, W),
 (22, 45, '地 址、电 话：无锡市锡山区东港镇 0510-88213456', 7, W),
 (16, 58, '货物或应税劳务、服务名称', 7, W), (66, 58, '规格型号', 7, W), (86, 58, '单 位', 7, W), (100, 58, '数 量', 7, W),
 (118, 58, '单 价', 7, W), (146, 58, '金 额', 7, W), (162, 58, '税率', 7, W), (180, 58, '税 额', 7, W),
 (16, 64, '*金属制品*不锈钢六角螺栓', 7, W), (66, 64, 'M10x40', 7, W), (86, 64, '千件', 7, W), (-110, 64, '-5', 7, W),
 (-130, 64, '200.00', 7, W), (-158, 64, '-1000.00', 7, W), (162, 64, '13%', 7, W), (-194, 64, '-130.00', 7, W),
 (16, 80, '合        计', 7, W), (-158, 80, '¥-1000.00', 7, W), (-194, 80, '¥-130.00', 7, W),
 (16, 88, '价税合计（大写）', 7, W), (50, 88, '（负数）壹仟壹佰叁拾圆整', 7, W), (140, 88, '（小写）¥-1130.00', 7, W),
 (14, 98, '销', 8, W), (14, 103, '售', 8, W), (14, 108, '方', 8, W),
 (22, 95, f'名        称：{OURS}', 7, W), (22, 100, f'纳税人识别号：{OUR_TAX_ID}', 7, W),
 (22, 105, '地 址、电 话：苏州高新区金山路88号 0512-66123456', 7, W),
 (120, 98, '备', 8, W), (120, 106, '注', 8, W), (128, 98, '对应正数发票代码:032001900311号码:05512876', 7, W),
 (16, 118, '收款人：王芳', 7, W), (70, 118, '复核：李强', 7, W), (120, 118, '开票人：陈静', 7, W),
], [(12, 32, 198, 32), (12, 54, 198, 54), (12, 84, 198, 84), (12, 92, 198, 92), (12, 112, 198, 112),
    (12, 32, 12, 112), (198, 32, 198, 112)], W),

# a German supplier's Gutschrift to us: decimal commas, the invoice it corrects named
"de_gutschrift": ([
 (20, 16, 'Schäfer Normteile GmbH', 14, 'DVB'), (20, 22, 'Industriestraße 14 · 74076 Heilbronn · Deutschland', 8),
 (20, 26, 'USt-IdNr.: DE284117907', 8),
 (20, 40, 'Kunde:', 8, 'DVB'), (20, 45, OURS_EN, 8), (20, 49, 'No. 88 Jinshan Road, 215011 Suzhou, China', 8),
 (20, 64, 'GUTSCHRIFT', 16, 'DVB'),
 (125, 40, 'Gutschrift-Nr.:', 8), (160, 40, 'GS-2026-0142', 8),
 (125, 45, 'Datum:', 8), (160, 45, '12.03.2026', 8),
 (125, 50, 'Bezug auf Rechnung:', 8), (160, 50, 'RE-2026-0871', 8),
 (20, 74, 'Für die Rücksendung von 50 Stück beschädigter Ware schreiben wir Ihnen gut:', 8),
 (20, 84, 'Bezeichnung', 8, 'DVB'), (-130, 84, 'Menge', 8, 'DVB'), (-158, 84, 'Einzelpreis', 8, 'DVB'),
 (-190, 84, 'Betrag', 8, 'DVB'),
 (20, 91, 'Passfeder DIN 6885 A 8x7x40, Rücksendung', 8), (-130, 91, '50', 8), (-158, 91, '6,00', 8),
 (-190, 91, '300,00', 8),
 (125, 106, 'Nettobetrag', 8), (-190, 106, '300,00 €', 8), (125, 111, 'MwSt. 19 %', 8), (-190, 111, '57,00 €', 8),
 (125, 118, 'Gutschriftsbetrag', 10, 'DVB'), (-190, 118, '357,00 €', 10, 'DVB'),
 (20, 134, 'Der Betrag wird mit Ihrer nächsten Zahlung verrechnet.', 8),
], [(20, 86, 190, 86), (20, 96, 190, 96), (125, 114, 190, 114)], "DV"),

# a French supplier's avoir: a commercial discount, figures with a minus and decimal commas, the invoice named
"fr_avoir": ([
 (20, 16, 'Atelier Dumoulin SAS', 14, 'DVB'), (20, 22, '12 rue des Forges, 69007 Lyon, France', 8),
 (20, 26, 'N° TVA intracommunautaire : FR40303265045', 8),
 (130, 16, 'AVOIR', 16, 'DVB'),
 (130, 26, "Avoir N° :", 8), (160, 26, 'AV-2026-031', 8), (130, 31, 'Date :', 8), (160, 31, '18 mars 2026', 8),
 (130, 36, "Facture d'origine :", 8), (160, 36, 'FA-2026-0217', 8),
 (20, 40, 'Client :', 8, 'DVB'), (20, 45, OURS_EN, 8),
 (20, 64, 'Désignation', 8, 'DVB'), (-130, 64, 'Qté', 8, 'DVB'), (-158, 64, 'Prix unitaire', 8, 'DVB'),
 (-190, 64, 'Montant', 8, 'DVB'),
 (20, 71, 'Remise commerciale sur livraison de mars', 8), (-130, 71, '1', 8), (-158, 71, '100,00', 8),
 (-190, 71, '-100,00', 8),
 (125, 90, 'Total HT', 8), (-190, 90, '-100,00 €', 8), (125, 95, 'TVA 20 %', 8), (-190, 95, '-20,00 €', 8),
 (125, 102, 'Total TTC', 10, 'DVB'), (-190, 102, '-120,00 €', 10, 'DVB'),
], [(20, 66, 190, 66), (20, 76, 190, 76)], "DV"),
}

TRUTH = {
"uk_credit_note": {"kind": "commercial", "document_type": "credit_note", "number": "PT-CN-0418",
    "original_number": "PT-24117", "issue_date": date(2026, 3, 24), "seller_name": "Pennine Tooling Ltd",
    "seller_tax_id": "GB284557119", "buyer_name": OURS_EN, "currency": "GBP",
    "net": D("-450.00"), "tax": D("-90.00"), "total": D("-540.00")},
"cn_red_ordinary": {"kind": "cn_vat_ordinary", "document_type": "credit_note", "number": "05513302",
    "code": "032001900311", "original_number": "05512876", "issue_date": date(2026, 3, 20), "seller_name": OURS,
    "seller_tax_id": OUR_TAX_ID, "buyer_name": "无锡市锡山区盛达机电设备有限公司", "buyer_tax_id": "91320205MA1T0K3E2X",
    "currency": "CNY", "net": D("-1000.00"), "tax": D("-130.00"), "total": D("-1130.00")},
"de_gutschrift": {"kind": "commercial", "document_type": "credit_note", "number": "GS-2026-0142",
    "original_number": "RE-2026-0871", "issue_date": date(2026, 3, 12), "seller_name": "Schäfer Normteile GmbH",
    "seller_tax_id": "DE284117907", "buyer_name": OURS_EN, "currency": "EUR",
    "net": D("-300.00"), "tax": D("-57.00"), "total": D("-357.00")},
"fr_avoir": {"kind": "commercial", "document_type": "credit_note", "number": "AV-2026-031",
    "original_number": "FA-2026-0217", "issue_date": date(2026, 3, 18), "seller_name": "Atelier Dumoulin SAS",
    "seller_tax_id": "FR40303265045", "buyer_name": OURS_EN, "currency": "EUR",
    "net": D("-100.00"), "tax": D("-20.00"), "total": D("-120.00")},
}
LINES = {"uk_credit_note": [D("-450.00")], "cn_red_ordinary": [(D("-1000.00"), D("-130.00"))],
         "de_gutschrift": [D("-300.00")], "fr_avoir": [D("-100.00")]}


@pytest.fixture
def ours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.settings import OurCompany, write_our_companies

    path = write_our_companies([OurCompany(name=OURS, name_en=OURS_EN, tax_ids=(OUR_TAX_ID,))],
                               tmp_path / "our_companies.toml")
    monkeypatch.setenv("ORDERHUB_OUR_COMPANIES", str(path))


def build(tmp_path: Path, name: str, items: list[tuple] | None = None) -> Path:
    doc_items, rules, font = DOCS[name]
    return draw_pdf(tmp_path / f"{name}.pdf", items if items is not None else doc_items, rules, font)


def _tax_id(value: object) -> object:
    return value.replace(" ", "").replace("-", "") if isinstance(value, str) else value


@pytest.mark.parametrize("name", sorted(DOCS))
def test_a_credit_note_is_read_as_a_signed_record(tmp_path: Path, ours, name: str) -> None:
    result = extract_document(build(tmp_path, name))
    rec = result.record
    assert result.kind == "invoice" and rec.document_type == "credit_note" and rec.is_credit
    wrong = {f: (getattr(rec, f), v, result.confidence.get(f)) for f, v in TRUTH[name].items()
             if not same(_tax_id(getattr(rec, f)) if f.endswith("tax_id") else getattr(rec, f), v)}
    assert not wrong, (wrong, result.warnings)
    assert result.confidence["document_type"] >= 0.9 and result.confidence["original_number"] >= 0.9
    for f in ("net", "tax", "total"):  # read right and signed: sure
        assert result.confidence[f] >= 0.9, (f, result.confidence[f], result.warnings)
    got = [(ln.amount, ln.tax) if isinstance(LINES[name][0], tuple) else ln.amount for ln in rec.lines]
    assert got == LINES[name]
    assert rec.natural_key().endswith("|credit_note")  # never the key of an invoice numbered alike


def test_a_gutschrift_alone_may_be_a_self_billing_invoice(tmp_path: Path, ours) -> None:
    """``GUTSCHRIFT`` without a minus and without the invoice it corrects: in Germany also the title of a
    self-billing invoice (Gutschriftverfahren). A credit note then, signed, but for a person to confirm."""
    items = [it for it in DOCS["de_gutschrift"][0] if "Bezug" not in it[2] and it[2] != "RE-2026-0871"]
    result = extract_document(build(tmp_path, "de_gutschrift", items))
    rec = result.record
    assert rec.document_type == "credit_note" and rec.total == D("-357.00") and rec.original_number is None
    assert result.confidence["document_type"] < 0.9 and result.confidence["total"] < 0.9
    assert {"document_type", "original_number", "total"} <= set(result.needs_review())
    assert any("self-billing" in w for w in result.warnings)


def test_negative_amounts_under_an_invoice_title_are_never_a_sure_invoice(tmp_path: Path, ours) -> None:
    """The UK credit note retitled ``INVOICE`` with its figures printed negative: a credit note by its
    amounts, left for review; neither a positive total nor an invoice at high confidence."""
    swap = {"CREDIT NOTE": "INVOICE", "Credit Note Number:": "Invoice No:", "£450.00": "-£450.00",
            "£90.00": "-£90.00", "£540.00": "-£540.00", "450.00": "-450.00", "Total Credit": "Total"}
    items = [(x, y, swap.get(text, text), *rest) for x, y, text, *rest in DOCS["uk_credit_note"][0]
             if text != "Original Invoice No:" and text != "PT-24117"]
    result = extract_document(build(tmp_path, "uk_credit_note", items))
    rec = result.record
    assert rec.document_type == "credit_note" and rec.total == D("-540.00")
    assert result.confidence["document_type"] < 0.9 and result.confidence["total"] < 0.9
    assert "original_number" in result.needs_review()


def test_a_credit_mark_alone_on_a_positive_invoice_is_left_for_review(tmp_path: Path, ours) -> None:
    """The 红字 invoice with its figures printed positive, 销项负数 moved out of the title area into 备注 and no
    original invoice: only a mark says credit. A credit note then, but nothing of it sure."""
    items = []
    for x, y, text, *rest in DOCS["cn_red_ordinary"][0]:
        if text == "销项负数" or text.startswith("对应正数"):
            continue
        text = text.replace("-", "").replace("（负数）", "")
        items.append((x, y, text, *rest))
    items.append((128, 104, "销项负数 退货", 7, W))
    result = extract_document(build(tmp_path, "cn_red_ordinary", items))
    rec = result.record
    assert rec.document_type == "credit_note" and rec.total == D("-1130.00")
    assert result.confidence["document_type"] < 0.9 and result.confidence["total"] < 0.9


@pytest.mark.slow
def test_credit_notes_scanned_read_the_same_through_the_real_ocr(tmp_path: Path, ours, docs) -> None:
    """Each credit note printed and scanned (160-200 dpi, slightly rotated, grain, JPEG), read by rapidocr: the
    same signed record; its kind confirmed by the title and the minus or the original invoice."""
    for i, name in enumerate(sorted(DOCS)):
        jpg = docs.scan(build(tmp_path, name), tmp_path / f"{name}.jpg", rotate=(0.6, -0.4, 0.8, 0.3)[i],
                        dpi=(170, 180, 160, 200)[i], seed=i)
        result = extract_document(jpg)
        rec = result.record
        assert result.ocr and rec.document_type == "credit_note" and result.confidence["document_type"] >= 0.9
        wrong = {f: (getattr(rec, f), v) for f, v in TRUTH[name].items()
                 if not same(_tax_id(getattr(rec, f)) if f.endswith("tax_id") else getattr(rec, f), v)}
        assert not wrong, (name, wrong)
